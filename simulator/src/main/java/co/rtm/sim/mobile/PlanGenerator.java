package co.rtm.sim.mobile;

import co.rtm.hub.tracks.GreatCircle;
import co.rtm.hub.geo.Municipalities;
import co.rtm.hub.registry.ColombianHolidays;
import co.rtm.hub.registry.OpeningHours;
import co.rtm.hub.ledger.RefusalReasons;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * Makes a {@link MobilePlan} from a seed, without I/O (the municipalities are data). The line:
 * <ul>
 *   <li>stays in each town of the route a month and up to six days more (art. 3.3.3.9), the first stay begun 10 to
 *       14 days before the window; leaves at 06:00 the day after a stay ends and drives (straight legs, 30-45 km/h,
 *       under the hub's 250 km/h jump filter) to the next town; the next stay starts the day after it arrives, so
 *       the travel days are covered by no stay;</li>
 *   <li>works Monday to Saturday but not on Colombian holidays ({@value #HOURS}); its GPS reports every 10 min
 *       from 06:30 to 17:30 on working days and all along a trip;</li>
 *   <li>records a metrological verification at 07:00 on its first working morning in each town (art. 3.3.3.8),
 *       then inspects 2 to 4 vehicles a day, each started 2 min after a fix.</li>
 * </ul>
 * Planned rule breaks, each with the outcome the hub (or the agent) must give:
 * <ul>
 *   <li>skipped verification after a move (at least one per plan): that day's inspections are
 *       {@code METROLOGICAL_VERIFICATION_REQUIRED}; the line verifies the next working morning;</li>
 *   <li>an excursion a few km outside the municipality's boundary: that inspection is
 *       {@code OUTSIDE_SCHEDULED_MUNICIPALITY}; back in town, the line verifies at once or (half the time) does not,
 *       and then its afternoon inspections are {@code METROLOGICAL_VERIFICATION_REQUIRED};</li>
 *   <li>the GPS switched off from 12:00 to 16:00: the 14:02 inspection is {@code NO_RECENT_FIX};</li>
 *   <li>an attempt on a travel day the centre would be open (at least one when there is such a day): the agent holds the lane ({@link MobilePlan#HELD_NOT_SCHEDULED}).</li>
 * </ul>
 */
public final class PlanGenerator {
    static final ZoneId BOGOTA = OpeningHours.BOGOTA;
    /** The centre's registered hours: inspections only start inside them (art. 3.3.5.2.4). */
    public static final String HOURS = "mon-sat 07:00-17:00; holidays closed";
    static final Duration CADENCE = Duration.ofMinutes(10);
    static final LocalTime GPS_ON = LocalTime.of(6, 30);
    static final LocalTime GPS_OFF = LocalTime.of(17, 30);
    static final LocalTime DEPART = LocalTime.of(6, 0);
    static final LocalTime VERIFY = LocalTime.of(7, 0, 30);
    static final List<LocalTime> SLOTS = List.of(LocalTime.of(8, 2), LocalTime.of(9, 32), LocalTime.of(11, 2),
            LocalTime.of(14, 2), LocalTime.of(15, 32));
    static final double EXCURSION_KMH = 30;
    static final double MAX_EXCURSION_M = 25_000;

    private record Move(double[] from, double[] to, Instant t0, Instant t1) {
        double[] at(Instant t) {
            double f = (double) Duration.between(t0, t).toMillis() / Duration.between(t0, t1).toMillis();
            return new double[] {from[0] + (to[0] - from[0]) * f, from[1] + (to[1] - from[1]) * f};
        }
    }

    private record Trip(int toStay, Instant depart, Instant arrive) {
    }

    private enum DayKind { NORMAL, EXCURSION, GPS_OFF }

    private final Random rnd;
    private final Municipalities municipalities;
    private final List<Move> moves = new ArrayList<>();
    private final List<Instant[]> gpsOn = new ArrayList<>();
    private final List<Instant[]> gpsOff = new ArrayList<>();
    private final List<Step> steps = new ArrayList<>();
    /** A verification is due: the line came from elsewhere since its last one. */
    private boolean pending = true;

    private PlanGenerator(long seed, Municipalities municipalities) {
        this.rnd = new Random(seed);
        this.municipalities = municipalities;
    }

    /**
     * @param start the first simulated day (Bogotá)
     * @throws IllegalArgumentException when the route has fewer towns than the window needs
     */
    public static MobilePlan generate(long seed, int weeks, LocalDate start, List<Town> route, Municipalities municipalities) {
        if (weeks < 1) {
            throw new IllegalArgumentException("at least one week: " + weeks);
        }
        return new PlanGenerator(seed, municipalities).plan(seed, start, start.plusWeeks(weeks), route);
    }

    private MobilePlan plan(long seed, LocalDate start, LocalDate end, List<Town> route) {
        List<PlannedStay> stays = new ArrayList<>();
        List<Trip> trips = new ArrayList<>();
        LocalDate from = start.minusDays(10 + rnd.nextInt(5));
        for (int i = 0; ; i++) {
            // art. 3.3.3.9: "por el tiempo mínimo de un (1) mes"
            LocalDate to = from.plusMonths(1).minusDays(1).plusDays(rnd.nextInt(7));
            if (!to.isBefore(end.minusDays(1)) || i == route.size() - 1) {
                stays.add(new PlannedStay(route.get(i), from, to.isBefore(end) ? end : to));
                break;
            }
            stays.add(new PlannedStay(route.get(i), from, to));
            Town a = route.get(i);
            Town b = route.get(i + 1);
            Instant depart = to.plusDays(1).atTime(DEPART).atZone(BOGOTA).toInstant();
            double kmh = 30 + rnd.nextInt(16);
            Instant arrive = depart.plusSeconds(Math.round(GreatCircle.metres(a.lat(), a.lon(), b.lat(), b.lon()) / 1000 / kmh * 3600));
            moves.add(new Move(new double[] {a.lat(), a.lon()}, new double[] {b.lat(), b.lon()}, depart, arrive));
            gpsOn.add(new Instant[] {depart, arrive.plus(CADENCE)});
            trips.add(new Trip(i + 1, depart, arrive));
            from = arrive.atZone(BOGOTA).toLocalDate().plusDays(1);
        }
        workDays(start, end, stays, trips);
        emitFixes(start, end, route.get(0));
        steps.sort(Comparator.comparing(Step::at).thenComparing(s -> s instanceof Step.Fix ? 0 : s instanceof Step.Verify ? 1 : 2));
        return new MobilePlan(seed, start, end, stays, steps);
    }

    private static boolean working(LocalDate d) {
        return d.getDayOfWeek() != DayOfWeek.SUNDAY && !ColombianHolidays.isHoliday(d);
    }

    private static Instant at(LocalDate d, LocalTime t) {
        return d.atTime(t).atZone(BOGOTA).toInstant();
    }

    private void workDays(LocalDate start, LocalDate end, List<PlannedStay> stays, List<Trip> trips) {
        List<LocalDate> stayDays = new ArrayList<>();
        Set<LocalDate> firstDays = new HashSet<>();
        Map<LocalDate, Integer> moveIndex = new HashMap<>();
        List<LocalDate> attemptDays = new ArrayList<>();
        for (int s = 0; s < stays.size(); s++) {
            PlannedStay stay = stays.get(s);
            boolean first = true;
            for (LocalDate d = stay.from().isBefore(start) ? start : stay.from(); d.isBefore(end) && !d.isAfter(stay.to());
                 d = d.plusDays(1)) {
                if (!working(d)) {
                    continue;
                }
                stayDays.add(d);
                if (first) {
                    firstDays.add(d);
                    if (s > 0) {
                        moveIndex.put(d, s);
                    }
                    first = false;
                }
            }
            if (s + 1 < stays.size()) {
                for (LocalDate d = stay.to().plusDays(1); d.isBefore(stays.get(s + 1).from()) && d.isBefore(end); d = d.plusDays(1)) {
                    if (working(d) && !d.isBefore(start)) {
                        attemptDays.add(d);
                    }
                }
            }
        }
        // the rule breaks, at least one of each kind when the window has room for it
        Set<Integer> skipped = new HashSet<>();
        for (int m : moveIndex.values()) {
            if (rnd.nextDouble() < 0.4) {
                skipped.add(m);
            }
        }
        if (skipped.isEmpty() && !moveIndex.isEmpty()) {
            List<Integer> all = new ArrayList<>(new TreeSet<>(moveIndex.values()));
            skipped.add(all.get(rnd.nextInt(all.size())));
        }
        List<LocalDate> candidates = new ArrayList<>();
        for (int i = 1; i < stayDays.size(); i++) {
            LocalDate d = stayDays.get(i);
            if (!firstDays.contains(d) && !firstDays.contains(stayDays.get(i - 1))) {
                candidates.add(d);
            }
        }
        Map<LocalDate, DayKind> kinds = new HashMap<>();
        int weeks = (int) (java.time.temporal.ChronoUnit.DAYS.between(start, end) / 7);
        // an excursion needs a point a few km outside within reach of the town (the farthest target: 5.5 km)
        List<LocalDate> reachable = new ArrayList<>(candidates.stream().filter(d -> outsidePoint(stays.stream()
                .filter(s -> s.covers(d)).findFirst().orElseThrow().town(), 5_500) != null).toList());
        pick(reachable, Math.max(1, weeks / 4), DayKind.EXCURSION, kinds);
        candidates.removeAll(kinds.keySet());
        pick(candidates, Math.max(1, weeks / 6), DayKind.GPS_OFF, kinds);
        Set<LocalDate> attempts = new HashSet<>();
        for (LocalDate d : attemptDays) {
            if (rnd.nextBoolean()) {
                attempts.add(d);
            }
        }
        if (attempts.isEmpty() && !attemptDays.isEmpty()) {
            attempts.add(attemptDays.get(rnd.nextInt(attemptDays.size())));
        }
        for (LocalDate d : attempts) {
            steps.add(new Step.Attempt(at(d, LocalTime.of(9, 2)), MobilePlan.HELD_NOT_SCHEDULED,
                    "travel day: no municipality scheduled"));
        }

        for (LocalDate d : stayDays) {
            PlannedStay stay = stays.stream().filter(s -> s.covers(d)).findFirst().orElseThrow();
            gpsOn.add(new Instant[] {at(d, GPS_ON), at(d, GPS_OFF)});
            Integer move = moveIndex.get(d);
            if (move != null) {
                pending = true;
            }
            if (pending && (move == null || !skipped.contains(move))) {
                steps.add(new Step.Verify(at(d, VERIFY), "verificación metrológica en " + stay.town().name()));
                pending = false;
            }
            DayKind kind = kinds.getOrDefault(d, DayKind.NORMAL);
            if (kind == DayKind.EXCURSION && excursion(d, stay)) {
                continue;
            }
            if (kind == DayKind.GPS_OFF) {
                gpsOff.add(new Instant[] {at(d, LocalTime.NOON), at(d, LocalTime.of(16, 0))});
                inspect(d, SLOTS.get(0), MobilePlan.ACCEPTED, "parked in " + stay.town().name());
                inspect(d, SLOTS.get(1), MobilePlan.ACCEPTED, "parked in " + stay.town().name());
                inspect(d, LocalTime.of(14, 2), RefusalReasons.NO_RECENT_FIX, "GPS switched off since 12:00 (on purpose)");
                inspect(d, LocalTime.of(16, 32), MobilePlan.ACCEPTED, "GPS back on");
                continue;
            }
            List<LocalTime> slots = new ArrayList<>(SLOTS);
            int n = 2 + rnd.nextInt(3);
            while (slots.size() > n) {
                slots.remove(rnd.nextInt(slots.size()));
            }
            for (LocalTime t : slots) {
                if (pending) {
                    inspect(d, t, RefusalReasons.METROLOGICAL_VERIFICATION_REQUIRED,
                            "arrived in " + stay.town().name() + ", verification skipped (on purpose)");
                } else {
                    inspect(d, t, MobilePlan.ACCEPTED, "parked in " + stay.town().name());
                }
            }
        }
    }

    private void pick(List<LocalDate> candidates, int n, DayKind kind, Map<LocalDate, DayKind> kinds) {
        for (int i = 0; i < n && !candidates.isEmpty(); i++) {
            kinds.put(candidates.remove(rnd.nextInt(candidates.size())), kind);
        }
    }

    private void inspect(LocalDate d, LocalTime t, String expected, String why) {
        steps.add(new Step.Inspect(at(d, t), expected, why));
    }

    /**
     * Two morning inspections in town, then a drive to a point a few km outside the municipality and an inspection
     * there, and back. False (nothing planned) when no such point lies within {@value #MAX_EXCURSION_M} m of town.
     */
    private boolean excursion(LocalDate d, PlannedStay stay) {
        Town town = stay.town();
        double target = 2_500 + rnd.nextInt(3_000);
        double[] out = outsidePoint(town, target);
        if (out == null) {
            return false;
        }
        double[] home = {town.lat(), town.lon()};
        inspect(d, SLOTS.get(0), MobilePlan.ACCEPTED, "parked in " + town.name());
        inspect(d, SLOTS.get(1), MobilePlan.ACCEPTED, "parked in " + town.name());
        Instant leave = at(d, LocalTime.of(10, 0));
        long driveSeconds = Math.round(GreatCircle.metres(home[0], home[1], out[0], out[1]) / 1000 / EXCURSION_KMH * 3600) + 1;
        Instant there = leave.plusSeconds(driveSeconds);
        moves.add(new Move(home, out, leave, there));
        Instant fixThere = nextGrid(there);
        steps.add(new Step.Inspect(fixThere.plusSeconds(120), RefusalReasons.OUTSIDE_SCHEDULED_MUNICIPALITY,
                "parked " + Math.round(target / 100) / 10.0 + " km outside " + town.name() + " (on purpose)"));
        Instant back = fixThere.plus(Duration.ofMinutes(20));
        Instant home2 = back.plusSeconds(driveSeconds);
        moves.add(new Move(out, home, back, home2));
        if (rnd.nextBoolean()) {
            steps.add(new Step.Verify(nextGrid(home2).plusSeconds(60), "verificación al volver a " + town.name()));
            inspect(d, LocalTime.of(14, 2), MobilePlan.ACCEPTED, "back in " + town.name() + ", verified");
            inspect(d, SLOTS.get(4), MobilePlan.ACCEPTED, "back in " + town.name() + ", verified");
        } else {
            inspect(d, LocalTime.of(14, 2), RefusalReasons.METROLOGICAL_VERIFICATION_REQUIRED,
                    "back in " + town.name() + " without a verification (on purpose)");
            inspect(d, SLOTS.get(4), RefusalReasons.METROLOGICAL_VERIFICATION_REQUIRED,
                    "back in " + town.name() + " without a verification (on purpose)");
            pending = true; // verified the next working morning

        }
        return true;
    }

    /** The first point at least {@code metres} outside the town's municipality, nearest on 16 bearings, or null. */
    private double[] outsidePoint(Town town, double metres) {
        double[] best = null;
        double bestDistance = Double.MAX_VALUE;
        for (int b = 0; b < 16; b++) {
            for (double d = 200; d <= MAX_EXCURSION_M && d < bestDistance; d += 200) {
                double[] p = Earth.towards(town.lat(), town.lon(), b * 22.5, d);
                if (municipalities.distanceMetres(town.code(), p[0], p[1]) >= metres) {
                    best = p;
                    bestDistance = d;
                    break;
                }
            }
        }
        return best;
    }

    /** The first fix time (a multiple of {@link #CADENCE} since midnight UTC) at or after {@code t}. */
    static Instant nextGrid(Instant t) {
        long c = CADENCE.toSeconds();
        long s = t.getEpochSecond();
        long up = (s + c - 1) / c * c;
        return Instant.ofEpochSecond(up);
    }

    /** A fix every {@link #CADENCE} while the GPS is on and not switched off, where the line is at that time. */
    private void emitFixes(LocalDate start, LocalDate end, Town first) {
        TreeSet<Instant> times = new TreeSet<>();
        Instant windowStart = at(start, LocalTime.MIDNIGHT);
        Instant windowEnd = at(end, LocalTime.MIDNIGHT);
        for (Instant[] on : gpsOn) {
            for (Instant t = nextGrid(on[0]); t.isBefore(on[1]); t = t.plus(CADENCE)) {
                Instant fix = t;
                if (!fix.isBefore(windowStart) && fix.isBefore(windowEnd) && gpsOff.stream().noneMatch(
                        off -> !fix.isBefore(off[0]) && fix.isBefore(off[1]))) {
                    times.add(fix);
                }
            }
        }
        moves.sort(Comparator.comparing(Move::t0));
        for (Instant t : times) {
            double[] p = {first.lat(), first.lon()};
            for (Move m : moves) {
                if (t.isBefore(m.t0())) {
                    break;
                }
                p = t.isBefore(m.t1()) ? m.at(t) : m.to();
            }
            steps.add(new Step.Fix(t, p[0], p[1]));
        }
    }
}
