package co.rtm.hub.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import co.rtm.hub.registry.CenterClass;
import co.rtm.hub.registry.CenterRules;
import co.rtm.hub.registry.OpeningHours;
import co.rtm.profiles.vehicle.VehicleKind;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The pure rules: nothing registered means nothing checked; the first broken rule decides. */
class OperatingRulesTest {
    private static final List<VehicleKind> LIGHT_LANE = List.of(VehicleKind.LIGHT, VehicleKind.MOTOCARRO);

    private static Submission motocarroAt(String bogotaLocal) {
        return LedgerFixture.inspection("CDA-1", "lane-1", 1, Verdict.APPROVED)
                .startingAt(OffsetDateTime.parse(bogotaLocal + "-05:00").toInstant(), VehicleKind.MOTOCARRO);
    }

    private static Optional<String> reason(Submission s, CenterRules rules, Integer capacity, long inHour) {
        return OperatingRules.check(s, new LaneLimits(rules, capacity, LIGHT_LANE), inHour)
                .map(d -> ((LedgerDecision.Refuse) d).reasonCode());
    }

    @Test
    void nothingRegisteredNothingChecked() {
        Submission sundayNight = motocarroAt("2026-11-22T23:30:00");
        assertThat(reason(sundayNight, CenterRules.unregistered("CDA-1"), null, 1_000)).isEmpty();
        assertThat(reason(sundayNight, CenterRules.unregistered("CDA-1"), 0, 1_000)).isEmpty();
    }

    @Test
    void environmentalCertificateComesAfterAccreditationAndBeforeClass() {
        CenterRules both = CenterRules.unregistered("CDA-1").withAccreditedUntil(LocalDate.of(2026, 1, 31))
                .withEnvironmentalUntil(LocalDate.of(2026, 11, 21)).withClass(CenterClass.C);
        Submission s = motocarroAt("2026-11-22T23:30:00");
        assertThat(reason(s, both, null, 0)).contains(RefusalReasons.ACCREDITATION_EXPIRED);
        assertThat(reason(s, both.withAccreditedUntil(null), null, 0)).contains(RefusalReasons.ENVIRONMENTAL_CERTIFICATE_EXPIRED);
        assertThat(reason(s, both.withAccreditedUntil(null).withEnvironmentalUntil(LocalDate.of(2026, 11, 22)), null, 0))
                .contains(RefusalReasons.VEHICLE_KIND_NOT_ALLOWED);
    }

    @Test
    void checkedInOrderAccreditationClassHoursCapacity() {
        CenterRules all = CenterRules.unregistered("CDA-1").withAccreditedUntil(LocalDate.of(2026, 1, 31))
                .withClass(CenterClass.C).withHours(OpeningHours.parse("mon-fri 07:00-18:00"));
        Submission s = motocarroAt("2026-11-22T23:30:00");
        assertThat(reason(s, all, 1, 1)).contains(RefusalReasons.ACCREDITATION_EXPIRED);
        assertThat(reason(s, all.withAccreditedUntil(null), 1, 1)).contains(RefusalReasons.VEHICLE_KIND_NOT_ALLOWED);
        assertThat(reason(s, all.withAccreditedUntil(null).withClass(CenterClass.B), 1, 1))
                .contains(RefusalReasons.OUTSIDE_OPERATING_HOURS);
        assertThat(reason(s, all.withAccreditedUntil(null).withClass(CenterClass.B).withHours(null), 1, 1))
                .contains(RefusalReasons.CAPACITY_EXCEEDED);
        assertThat(reason(s, all.withAccreditedUntil(null).withClass(CenterClass.B).withHours(null), 1, 0)).isEmpty();
    }

    @Test
    void clockHoursAreBogotaHours() {
        ClockHour h = ClockHour.of(OffsetDateTime.parse("2026-11-17T07:59:59.999-05:00").toInstant());
        assertThat(h.start()).isEqualTo(OffsetDateTime.parse("2026-11-17T07:00:00-05:00").toInstant());
        assertThat(h.end()).isEqualTo(OffsetDateTime.parse("2026-11-17T08:00:00-05:00").toInstant());
        assertThat(h.text()).isEqualTo("2026-11-17T07:00-08:00 (Bogotá)");
    }
}
