package co.rtm.agent.login;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InspectorsFileTest {

    @TempDir
    Path dir;

    @Test
    void writtenAndReadBackWithTemplatesThatStillMatch() throws Exception {
        Path file = dir.resolve("inspectors.json");
        Prints.anaAndLuis().write(file);
        InspectorsFile back = InspectorsFile.read(file);
        assertThat(back.inspectors()).extracting(Inspector::document).containsExactly("CC-79123456", "CC-80111222");
        assertThat(back.effectiveThreshold()).isEqualTo(40);
        assertThat(InspectorMatch.best(Prints.template(Prints.PERSON1_AGAIN), back.inspectors(), 40))
                .hasValueSatisfying(m -> assertThat(m.inspector().name()).isEqualTo("Ana Pérez"));
        assertThat(InspectorMatch.best(Prints.template(Prints.PERSON2), back.inspectors(), 40))
                .hasValueSatisfying(m -> assertThat(m.inspector().document()).isEqualTo("CC-80111222"));
        assertThat(InspectorMatch.best(Prints.template(Prints.PERSON2), Prints.onlyAna().inspectors(), 40)).isEmpty();
    }

    @Test
    void enrolAddsAnInspectorOrAddsTemplatesToOne() {
        InspectorsFile f = new InspectorsFile(25.0, List.of())
                .enrol("cc-79123456", "Ana", List.of(Prints.template(Prints.PERSON1)))
                .enrol("CC-79123456", "Ana Pérez", List.of(Prints.template(Prints.PERSON1_AGAIN), Prints.template(Prints.PERSON1)));
        assertThat(f.inspectors()).singleElement().satisfies(i -> {
            assertThat(i.document()).isEqualTo("CC-79123456");
            assertThat(i.name()).isEqualTo("Ana Pérez");
            assertThat(i.templates()).hasSize(2);
        });
        assertThat(f.effectiveThreshold()).isEqualTo(25);
        assertThatThrownBy(() -> f.enrol("TI-123", "X", List.of())).hasMessageContaining("CC or CE");
    }

    @Test
    void badFilesAreOneLineNamingTheField() throws Exception {
        assertThat(error("{not json")).startsWith(dir.resolve("f.json") + ": not JSON");
        assertThat(error("{\"inspectors\": [{\"document\": \"CC-12\", \"name\": \"A\", \"templates\": [\"AAAA\"]}]}"))
                .isEqualTo(dir.resolve("f.json") + ": inspectors[0].document: a CC number is 3 to 10 digits, not '12'");
        assertThat(error("{\"inspectors\": [{\"document\": \"CC-123\", \"name\": \"A\", \"templates\": [\"!!\"]}]}"))
                .isEqualTo(dir.resolve("f.json") + ": inspectors[0].templates[0]: not base64");
        assertThat(error("{\"inspectors\": [{\"document\": \"CC-123\", \"name\": \"A\", \"templates\": [\"AAAA\"]}]}"))
                .startsWith(dir.resolve("f.json") + ": inspectors[0].templates[0]: not a SourceAFIS template");
        assertThat(error("{\"inspectors\": [{\"document\": \"CC-123\", \"name\": \"A\", \"templates\": []}]}"))
                .endsWith("inspectors[0].templates: at least one template is required");
        assertThat(error("{\"threshold\": 0, \"inspectors\": []}")).endsWith("threshold: must be above 0, got 0.0");
        assertThat(error("{\"inspectors\": [], \"colour\": 1}")).contains("colour");
        assertThat(error("{}")).endsWith("inspectors: missing");
        assertThatThrownBy(() -> InspectorsFile.read(dir.resolve("none.json"))).hasMessageEndingWith("no such file");
    }

    private String error(String json) throws Exception {
        Path file = Files.writeString(dir.resolve("f.json"), json);
        try {
            InspectorsFile.read(file);
        } catch (IllegalArgumentException e) {
            assertThat(e.getMessage().lines()).hasSize(1);
            return e.getMessage();
        }
        throw new AssertionError("accepted " + json);
    }
}
