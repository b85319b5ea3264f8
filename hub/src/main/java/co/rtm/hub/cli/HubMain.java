package co.rtm.hub.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar hub.jar}: the hub's command line (DESIGN §10). Exit 0 ok, 1 verify-ledger found problems, 2 bad input or I/O. */
@Command(name = "hub", mixinStandardHelpOptions = true, version = "hub 0.1.0",
        description = "The central server for inspection lanes and exam stations: MQTT broker, ingestion, ledger.",
        subcommands = {InitCommand.class, ServeCommand.class, ProvisionStationCommand.class, VerifyLedgerCommand.class,
                RegisterCenterCommand.class, SetLaneCommand.class, AddPersonCommand.class, DeactivatePersonCommand.class,
                AddUserCommand.class, RotateKeyCommand.class, RevokeKeyCommand.class, DeactivateStationCommand.class,
                WhereCommand.class, ScheduleStayCommand.class,
                BookExamCommand.class, RecordCertificateCommand.class,
                TrackerPskCommand.class, VerifyQrCommand.class,
                CommandLine.HelpCommand.class})
public final class HubMain implements Runnable {
    static final String LOGBACK_CONFIG = "co/rtm/hub/cli/hub-logback.xml";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // before anything touches a logger: logs to stderr, stdout stays for results
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", LOGBACK_CONFIG);
        }
        System.exit(run(args));
    }

    /** Runs one command and returns its exit code (for tests: no System.exit). */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** Runs one command writing to the given streams and returns its exit code. */
    public static int run(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        CommandLine cli = commandLine();
        cli.setOut(out);
        cli.setErr(err);
        return cli.execute(args);
    }

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new HubMain());
        cli.setExecutionExceptionHandler(new OneLineErrors());
        cli.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("error: " + OneLineErrors.describe(ex) + " (try --help)");
            return CommandLine.ExitCode.USAGE;
        });
        return cli;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }
}
