package co.rtm.agent.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The edge agent's command line. */
@Command(name = "edge-agent", mixinStandardHelpOptions = true, version = "edge-agent 0.1.0",
        description = "Edge agent for CDA inspection lanes and CALE exam stations.",
        subcommands = {ScoreCommand.class, DecodeCommand.class, RunCommand.class, EnrollCommand.class, IdentityCommand.class, ExamCommand.class,
                VerificationCommand.class})
public final class AgentMain implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        return new CommandLine(new AgentMain());
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }
}
