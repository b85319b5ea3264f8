package co.rtm.agent.cli;

import co.rtm.profiles.inspection.InputException;
import co.rtm.profiles.inspection.ScoringInputReader;
import co.rtm.profiles.scoring.Scorer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code score}: scores one document (DESIGN §5), or one per line with {@code --jsonl}, and prints one line of
 * score JSON per document. Exit 0 when every document was scored, whatever the verdict; exit 2 with one line
 * per bad document on stderr (naming the line with {@code --jsonl}, and the field path) otherwise.
 */
@Command(name = "score", mixinStandardHelpOptions = true,
        description = "Score an inspection document against the RTMyEC rules; prints the score as one JSON line.")
public final class ScoreCommand implements Callable<Integer> {
    @Option(names = "--input", paramLabel = "FILE", defaultValue = "-", description = "Document to score; - for standard input (default).")
    String input;

    @Option(names = "--jsonl", description = "One document per line; prints one score line per document.")
    boolean jsonl;

    private final PrintStream err;

    public ScoreCommand() {
        this(System.err);
    }

    ScoreCommand(PrintStream err) {
        this.err = err;
    }

    @Override
    public Integer call() throws IOException {
        Scorer scorer = Scorer.builtIn();
        ScoringInputReader reader = new ScoringInputReader(scorer.rules().catalogue()::contains);
        ObjectWriter writer = new ObjectMapper().writerFor(co.rtm.profiles.scoring.ScoreResult.class);
        BufferedReader in;
        try {
            in = "-".equals(input)
                    ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8), 1 << 16)
                    : Files.newBufferedReader(Path.of(input), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            err.println("score: cannot read " + input + ": no such file");
            return 2;
        } catch (IOException e) {
            err.println("score: cannot read " + input + ": " + e.getMessage());
            return 2;
        }
        int failures = 0;
        try (in; Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16)) {
            if (!jsonl) {
                String doc = in.lines().collect(java.util.stream.Collectors.joining("\n"));
                failures += scoreOne(doc, null, scorer, reader, writer, out);
            } else {
                String line;
                long n = 0;
                while ((line = in.readLine()) != null) {
                    n++;
                    if (line.isBlank()) continue;
                    failures += scoreOne(line, n, scorer, reader, writer, out);
                }
            }
        }
        return failures == 0 ? 0 : 2;
    }

    private int scoreOne(String doc, Long line, Scorer scorer, ScoringInputReader reader, ObjectWriter writer, Writer out) throws IOException {
        try {
            String json = writer.writeValueAsString(scorer.score(reader.read(doc)));
            out.write(json);
            out.write('\n');
            return 0;
        } catch (InputException e) {
            out.flush();
            err.println((line == null ? "" : "line " + line + ": ") + e.getMessage());
            return 1;
        }
    }
}
