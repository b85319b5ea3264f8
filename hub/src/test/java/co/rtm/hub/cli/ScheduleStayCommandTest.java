package co.rtm.hub.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScheduleStayCommandTest {
    @TempDir
    Path tmp;

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = HubMain.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    private static void assertError(Run r, String contains) {
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(2);
        assertThat(r.err().strip()).startsWith("error: ").doesNotContain("\n").contains(contains);
    }

    @Test
    void schedulesListsRemovesAndRefusesWithOneLine() {
        String d = tmp.resolve("hub").toString();
        assertThat(run("init", "--data", d).code()).isZero();
        assertThat(run("register-center", "--data", d, "--center", "MOB-1", "--kind", "MOBILE").code())
                .isZero();
        Run ok = run("schedule-stay", "--data", d, "--line", "MOB-1", "--municipality", "97001", "--from", "2026-11-01",
                "--to", "2026-11-30");
        assertThat(ok.code()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("stay 1 in 97001 from 2026-11-01 to 2026-11-30");
        assertError(run("schedule-stay", "--data", d, "--line", "MOB-1", "--municipality", "97001", "--from", "2026-12-01",
                "--to", "2026-12-30"), "at least one month");
        assertError(run("schedule-stay", "--data", d, "--line", "MOB-1", "--municipality", "97001", "--from", "2026-11-15",
                "--to", "2026-12-31"), "already scheduled");
        assertError(run("schedule-stay", "--data", d, "--line", "MOB-1", "--municipality", "99999", "--from", "2027-01-01",
                "--to", "2027-01-31"), "99999");
        assertError(run("schedule-stay", "--data", d, "--line", "MOB-1", "--municipality", "97001", "--from", "1 Nov",
                "--to", "2026-11-30"), "--from");
        assertError(run("schedule-stay", "--data", d, "--line", "MOB-1", "--municipality", "97001"), "--from");
        assertError(run("schedule-stay", "--data", d, "--line", "NOPE", "--list"), "NOPE");
        Run list = run("schedule-stay", "--data", d, "--line", "MOB-1", "--list");
        assertThat(list.out().strip()).isEqualTo("1 97001 2026-11-01 2026-11-30");
        assertThat(run("schedule-stay", "--data", d, "--line", "MOB-1", "--remove", "1").code()).isZero();
        assertError(run("schedule-stay", "--data", d, "--line", "MOB-1", "--remove", "1"), "no stay 1");
        assertThat(run("schedule-stay", "--data", d, "--line", "MOB-1", "--list").out()).isEmpty();
    }
}
