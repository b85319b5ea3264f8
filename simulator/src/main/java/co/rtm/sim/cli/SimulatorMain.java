package co.rtm.sim.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * The simulator's command line (DESIGN §10). Each scenario is its own subcommand class, listed in
 * {@code subcommands}; subcommands write to {@code spec.commandLine().getOut()}, which {@link #main} makes a large
 * buffered writer on standard output (flushed on exit) and tests replace with a {@code StringWriter}.
 */
@Command(name = "simulator", mixinStandardHelpOptions = true, version = "simulator 0.1.0",
        description = "Simulated vehicles, instruments, lanes and scenarios for the RTM edge agents and hub.",
        subcommands = {InspectionsCommand.class, co.rtm.sim.demo.DemoCommand.class, co.rtm.sim.lane.LaneCommand.class,
                co.rtm.sim.load.LoadCommand.class, co.rtm.sim.cale.CaleCommand.class,
                co.rtm.sim.chaos.ChaosCommand.class, co.rtm.sim.mobile.MobileCommand.class})
public final class SimulatorMain implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new BufferedWriter(
                new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8), 1 << 16));
        CommandLine cli = commandLine();
        cli.setOut(out);
        int code = cli.execute(args);
        out.flush();
        System.exit(code);
    }

    static CommandLine commandLine() {
        return new CommandLine(new SimulatorMain());
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }
}
