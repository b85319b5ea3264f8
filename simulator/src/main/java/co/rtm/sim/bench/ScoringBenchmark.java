package co.rtm.sim.bench;

import co.rtm.profiles.inspection.ScoringInput;
import co.rtm.profiles.inspection.ScoringInputReader;
import co.rtm.profiles.scoring.ScoreResult;
import co.rtm.profiles.scoring.Scorer;
import co.rtm.sim.vehicles.VehiclePopulation;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Per-document cost of scoring (DESIGN §5), over 1,000 documents from a fixed-seed {@link VehiclePopulation}
 * visited in turn, so branch predictors and caches see the fleet's real mix rather than one document:
 * {@code readAndScore} is what {@code edge-agent score --jsonl} does per line (strict parse + score),
 * {@code scoreParsed} the engine alone, {@code read} the parse alone.
 * Run: {@code java -cp simulator/target/simulator.jar org.openjdk.jmh.Main ScoringBenchmark -f 1 -wi 3 -i 5}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ScoringBenchmark {
    static final int DOCUMENTS = 1_000;

    private Scorer scorer;
    private ScoringInputReader reader;
    private String[] json;
    private ScoringInput[] parsed;
    private int next;

    @Setup
    public void generate() {
        scorer = Scorer.builtIn();
        reader = new ScoringInputReader(scorer.rules().catalogue()::contains);
        List<String> docs = VehiclePopulation.overDay(1, LocalDate.of(2026, 11, 20)).nextJson(DOCUMENTS);
        json = docs.toArray(String[]::new);
        parsed = docs.stream().map(reader::read).toArray(ScoringInput[]::new);
    }

    private int index() {
        int i = next;
        next = i + 1 == DOCUMENTS ? 0 : i + 1;
        return i;
    }

    @Benchmark
    public ScoreResult readAndScore() {
        return scorer.score(reader.read(json[index()]));
    }

    @Benchmark
    public ScoreResult scoreParsed() {
        return scorer.score(parsed[index()]);
    }

    @Benchmark
    public ScoringInput read() {
        return reader.read(json[index()]);
    }
}
