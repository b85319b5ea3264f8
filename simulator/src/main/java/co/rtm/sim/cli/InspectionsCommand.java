package co.rtm.sim.cli;

import co.rtm.profiles.scoring.Scorer;
import co.rtm.sim.vehicles.VehiclePopulation;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;

/**
 * {@code inspections}: prints N scoring documents (DESIGN §5) from {@link VehiclePopulation}, one JSON object per
 * line, ready for {@code edge-agent score --jsonl}. Same seed and same {@code --tested-at}, same bytes.
 */
@Command(name = "inspections", mixinStandardHelpOptions = true,
        description = "Print N realistic inspection (scoring) documents as JSON lines on standard output.")
public final class InspectionsCommand implements Callable<Integer> {
    @Option(names = "--count", required = true, paramLabel = "N", description = "How many documents to print.")
    int count;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--tested-at", paramLabel = "ISO",
            description = "A date-time with offset (every document tested then, e.g. 2026-11-20T10:15:00-05:00) or a "
                    + "date (spread over 06:00-18:00 at -05:00 that day). Default: today in America/Bogota, spread; "
                    + "give it for output that does not change from day to day.")
    String testedAt;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (count < 0) throw new CommandLine.ParameterException(spec.commandLine(), "--count must not be negative, got " + count);
        VehiclePopulation population = population();
        PrintWriter out = spec.commandLine().getOut();
        for (int i = 0; i < count; i++) {
            out.write(population.next().toString());
            out.write('\n');
            // A closed pipe (| head) makes PrintWriter swallow errors: stop instead of generating into the void.
            if ((i & 0xFFF) == 0xFFF && out.checkError()) return 1;
        }
        out.flush();
        return out.checkError() ? 1 : 0;
    }

    private VehiclePopulation population() {
        if (testedAt == null) return VehiclePopulation.overDay(seed, LocalDate.now(Scorer.BOGOTA));
        try {
            return testedAt.contains("T")
                    ? VehiclePopulation.testedAt(seed, OffsetDateTime.parse(testedAt))
                    : VehiclePopulation.overDay(seed, LocalDate.parse(testedAt));
        } catch (DateTimeParseException e) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--tested-at: expected a date (2026-11-20) or a date-time with offset (2026-11-20T10:15:00-05:00), got '" + testedAt + "'");
        }
    }
}
