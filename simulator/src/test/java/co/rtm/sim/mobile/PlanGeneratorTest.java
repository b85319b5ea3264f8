package co.rtm.sim.mobile;

import co.rtm.hub.tracks.GreatCircle;
import static org.assertj.core.api.Assertions.assertThat;

import co.rtm.hub.geo.Municipalities;
import co.rtm.hub.ledger.RefusalReasons;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pure plan: reproducible, legal stays, and every kind of rule break present. */
class PlanGeneratorTest {
    static final Municipalities CO = Municipalities.colombia();
    static final LocalDate MONDAY = LocalDate.parse("2027-02-01");

    @Test
    void theSameSeedGivesTheSamePlanAndAnotherSeedAnother() {
        MobilePlan a = PlanGenerator.generate(7, 12, MONDAY, Town.ROUTE, CO);
        MobilePlan b = PlanGenerator.generate(7, 12, MONDAY, Town.ROUTE, CO);
        assertThat(b).isEqualTo(a);
        assertThat(PlanGenerator.generate(8, 12, MONDAY, Town.ROUTE, CO).steps()).isNotEqualTo(a.steps());
    }

    @Test
    void everyTownOfTheRouteLiesInItsMunicipality() {
        for (Town t : Town.ROUTE) {
            assertThat(CO.contains(t.code(), t.lat(), t.lon())).as(t.name()).isTrue();
        }
    }

    @Test
    void staysLastAMonthDoNotOverlapAndCoverTheWindowInRouteOrder() {
        for (long seed = 1; seed <= 20; seed++) {
            MobilePlan p = PlanGenerator.generate(seed, 12, MONDAY, Town.ROUTE, CO);
            List<PlannedStay> stays = p.stays();
            assertThat(stays.size()).as("seed %d", seed).isGreaterThanOrEqualTo(3);
            assertThat(stays.get(0).from()).isBefore(p.start());
            assertThat(stays.get(stays.size() - 1).to()).isAfterOrEqualTo(p.end().minusDays(1));
            for (int i = 0; i < stays.size(); i++) {
                PlannedStay s = stays.get(i);
                assertThat(s.town()).isEqualTo(Town.ROUTE.get(i));
                // art. 3.3.3.9, as the hub's StayRules count a month
                assertThat(s.to()).as("seed %d stay %s", seed, s).isAfterOrEqualTo(s.from().plusMonths(1).minusDays(1));
                if (i > 0) {
                    assertThat(s.from()).isAfter(stays.get(i - 1).to().plusDays(1)); // at least one travel day
                }
            }
        }
    }

    @Test
    void everyPlanBreaksEachRuleAtLeastOnceAndInspectsOnlyWithinHoursAfterAFix() {
        for (long seed = 1; seed <= 20; seed++) {
            MobilePlan p = PlanGenerator.generate(seed, 10, MONDAY, Town.ROUTE, CO);
            assertThat(p.expectedCounts()).as("seed %d", seed).containsKeys(MobilePlan.ACCEPTED,
                    RefusalReasons.OUTSIDE_SCHEDULED_MUNICIPALITY, RefusalReasons.METROLOGICAL_VERIFICATION_REQUIRED,
                    RefusalReasons.NO_RECENT_FIX);
            // an attempt on a travel day needs a travel day the centre is open (not a Sunday or a holiday)
            boolean workingTravelDay = false;
            for (int i = 1; i < p.stays().size(); i++) {
                for (LocalDate d = p.stays().get(i - 1).to().plusDays(1); d.isBefore(p.stays().get(i).from())
                        && d.isBefore(p.end()); d = d.plusDays(1)) {
                    workingTravelDay |= d.getDayOfWeek() != java.time.DayOfWeek.SUNDAY
                            && !co.rtm.hub.registry.ColombianHolidays.isHoliday(d);
                }
            }
            assertThat(p.expectedCounts().containsKey(MobilePlan.HELD_NOT_SCHEDULED)).as("seed %d", seed)
                    .isEqualTo(workingTravelDay);
            Step.Fix last = null;
            for (Step s : p.steps()) {
                if (s instanceof Step.Fix f) {
                    if (last != null) {
                        double kmh = GreatCircle.metres(last.lat(), last.lon(), f.lat(), f.lon()) / 1000
                                / ((f.at().getEpochSecond() - last.at().getEpochSecond()) / 3600.0);
                        assertThat(kmh).isLessThan(250); // the hub's jump filter
                    }
                    last = f;
                }
                if (s instanceof Step.Inspect i) {
                    var local = i.at().atZone(PlanGenerator.BOGOTA).toLocalTime();
                    assertThat(local).isBetween(java.time.LocalTime.of(7, 0), java.time.LocalTime.of(16, 59));
                    assertThat(p.stayAt(i.at())).isNotNull();
                    if (!i.expected().equals(RefusalReasons.NO_RECENT_FIX)) {
                        assertThat(last).isNotNull();
                        assertThat(i.at().getEpochSecond() - last.at().getEpochSecond()).isBetween(0L, 15 * 60L);
                    }
                    if (i.expected().equals(RefusalReasons.OUTSIDE_SCHEDULED_MUNICIPALITY)) {
                        assertThat(CO.distanceMetres(p.stayAt(i.at()).town().code(), last.lat(), last.lon()))
                                .isGreaterThan(2_000);
                    }
                }
                if (s instanceof Step.Attempt a) {
                    assertThat(p.stayAt(a.at())).isNull();
                }
            }
        }
    }
}
