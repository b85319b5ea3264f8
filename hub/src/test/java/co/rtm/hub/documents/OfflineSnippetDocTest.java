package co.rtm.hub.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The offline check printed in docs/documents.md is the code DocumentsApiTest runs, character for character. */
class OfflineSnippetDocTest {
    @Test
    void theDocumentedSnippetIsTheTestedOne() throws Exception {
        String source = Files.readString(Path.of("src/test/java/co/rtm/hub/documents/OfflineSnippet.java"));
        String tested = source.substring(source.indexOf("// snippet-start\n") + 17, source.indexOf("    // snippet-end"))
                .replaceAll("(?m)^    ", "");
        String doc = Files.readString(Path.of("../docs/documents.md"));
        String documented = doc.substring(doc.indexOf("```java\n") + 8);
        documented = documented.substring(0, documented.indexOf("```"));
        assertThat(documented).isEqualTo(tested);
    }
}
