package co.rtm.hub.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class WhereCommandTest {
    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = HubMain.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void printsTheMunicipalityAsOneJsonLine() throws Exception {
        Run r = run("where", "--lat", "4.5981", "--lon", "-74.0758");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out().strip()).doesNotContain("\n").matches("\\p{ASCII}*");
        JsonNode node = new ObjectMapper().readTree(r.out());
        assertThat(node.get("code").asText()).isEqualTo("11001");
        assertThat(node.get("name").asText()).isEqualTo("BOGOTÁ, D.C.");
        assertThat(node.get("department").asText()).isEqualTo("BOGOTÁ, D.C.");
    }

    @Test
    void codeIsNullOutsideColombia() throws Exception {
        Run r = run("where", "--lat", "10.48", "--lon", "-66.90");
        assertThat(r.code()).isZero();
        JsonNode node = new ObjectMapper().readTree(r.out());
        assertThat(node.has("code")).isTrue();
        assertThat(node.get("code").isNull()).isTrue();
        assertThat(node.get("name").isNull()).isTrue();
    }

    @Test
    void badInputExitsTwoWithOneLine() {
        for (String[] args : new String[][] {
                {"where", "--lat", "north", "--lon", "-74"},
                {"where", "--lat", "91", "--lon", "-74"},
                {"where", "--lat", "4", "--lon", "-180.5"},
                {"where", "--lat", "NaN", "--lon", "-74"},
                {"where", "--lat", "4"}}) {
            Run r = run(args);
            assertThat(r.code()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.out()).isEmpty();
            assertThat(r.err().strip()).startsWith("error: ").doesNotContain("\n");
        }
    }
}
