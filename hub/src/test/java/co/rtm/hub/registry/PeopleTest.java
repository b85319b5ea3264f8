package co.rtm.hub.registry;

import co.rtm.profiles.person.DocumentId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.rtm.hub.store.Database;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PeopleTest {
    @TempDir
    Path dir;

    @Test
    void registeringUpdatingAndDeactivatingAreStoredAndAudited() {
        try (Database db = Database.openDefault(dir)) {
            Registry registry = new Registry(db, Clock.systemUTC(), 1_000);
            registry.createCenter("CDA-1", CenterKind.CDA, "CDA uno", "F001");
            registry.createCenter("CALE-1", CenterKind.CALE, "CALE uno", null);
            People people = new People(db, Clock.systemUTC());
            DocumentId ana = DocumentId.parse("CC-79123456");
            people.register("CDA-1", ana, "Ana", PersonRole.TECHNICAL_DIRECTOR);
            people.register("CDA-1", ana, " Ana Pérez ", PersonRole.INSPECTOR);
            people.deactivate("CDA-1", ana);
            assertThat(people.list("CDA-1")).singleElement().satisfies(p -> {
                assertThat(p.name()).isEqualTo("Ana Pérez");
                assertThat(p.role()).isEqualTo(PersonRole.INSPECTOR);
                assertThat(p.active()).isFalse();
            });
            assertThat(audit(db)).containsExactly(
                    "PERSON_REGISTERED CDA-1/CC-79123456 {\"active\":true,\"name\":\"Ana\",\"role\":\"TECHNICAL_DIRECTOR\"}",
                    "PERSON_REGISTERED CDA-1/CC-79123456 {\"active\":true,\"name\":\"Ana Pérez\",\"role\":\"INSPECTOR\"}",
                    "PERSON_DEACTIVATED CDA-1/CC-79123456 {\"wasActive\":true}");
            assertThatThrownBy(() -> people.register("CALE-1", ana, "Ana", PersonRole.INSPECTOR))
                    .hasMessageContaining("is a CALE");
            assertThatThrownBy(() -> people.deactivate("CDA-1", DocumentId.parse("CE-X123")))
                    .hasMessage("no person CE-X123 is registered at centre CDA-1");
        }
    }

    @Test
    void documentsAreCcDigitsOrCeLettersAndDigits() {
        assertThat(DocumentId.parse(" cc-1010 ")).isEqualTo(new DocumentId("CC", "1010"));
        assertThat(DocumentId.parse("ce-e55501").text()).isEqualTo("CE-E55501");
        assertThatThrownBy(() -> DocumentId.parse("CC-12")).hasMessageContaining("3 to 10 digits");
        assertThatThrownBy(() -> DocumentId.parse("CC-12345678901")).hasMessageContaining("3 to 10 digits");
        assertThatThrownBy(() -> DocumentId.parse("CC 1010")).hasMessageContaining("TYPE-NUMBER");
        assertThatThrownBy(() -> DocumentId.parse("PA-1010")).hasMessageContaining("CC or CE");
    }

    private static List<String> audit(Database db) {
        return db.read(tx -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement ps = tx.connection().prepareStatement(
                    "SELECT kind, subject, detail FROM audit_log WHERE kind LIKE 'PERSON_%' ORDER BY id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3));
                }
            }
            return out;
        });
    }
}
