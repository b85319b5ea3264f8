package co.rtm.sim.instruments.gps;

import co.rtm.agent.instruments.InstrumentKind;
import co.rtm.sim.instruments.SimulatedDevice;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A GPS receiver driving along a track at 1 Hz: every whole UTC second it sends GPRMC, GPVTG, GPGGA and GPGSA
 * (in a u-blox order) with correct checksums. The vehicle leaves the first waypoint at {@code start}, drives
 * each leg at the speed of the waypoint it leaves, and stays at the last one. Positions carry about a metre
 * of seeded noise. After a pause of more than {@value #MAX_CATCH_UP} s it sends only the latest seconds.
 *
 * <p>Faults, set with {@link #fault(Fault)} until changed: {@code GARBAGE} (random bytes before each
 * epoch, as from a noisy line), {@code BAD_CHECKSUM} (every RMC's checksum wrong), {@code STUCK_POSITION} (the
 * position freezes where it was while the time goes on), {@code NO_FIX} (RMC status V, GGA quality 0, no
 * position).
 */
public final class SimulatedGps implements SimulatedDevice {

    static final int MAX_CATCH_UP = 5;
    private static final double EARTH_RADIUS_M = 6_371_000;

    /** A point of the track and the speed of the leg that leaves it. */
    public record Waypoint(double lat, double lon, double speedKmh) {}

    public enum Fault { NONE, GARBAGE, BAD_CHECKSUM, STUCK_POSITION, NO_FIX }

    private record Position(double lat, double lon, double speedKmh, double courseDeg) {}

    private final List<Waypoint> track;
    private final Instant start;
    private final long seed;
    private final Random garbage;
    private volatile Fault fault = Fault.NONE;
    private Position stuckAt;
    private long lastSecond = Long.MIN_VALUE;

    public SimulatedGps(List<Waypoint> track, Instant start, long seed) {
        if (track.isEmpty()) {
            throw new IllegalArgumentException("a track needs at least one waypoint");
        }
        this.track = List.copyOf(track);
        this.start = start;
        this.seed = seed;
        this.garbage = new Random(seed);
    }

    public void fault(Fault f) {
        fault = f;
    }

    @Override
    public InstrumentKind kind() {
        return InstrumentKind.GPS;
    }

    @Override
    public byte[] tick(Instant now) {
        long second = now.getEpochSecond();
        long from = Math.max(lastSecond + 1, second - MAX_CATCH_UP + 1);
        if (lastSecond == Long.MIN_VALUE) {
            from = second;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (long s = from; s <= second; s++) {
            out.writeBytes(epoch(s));
        }
        lastSecond = Math.max(lastSecond, second);
        return out.toByteArray();
    }

    @Override
    public byte[] onCommand(byte[] command, Instant now) {
        return new byte[0]; // an NMEA receiver listens to nothing we send
    }

    /** Where the vehicle is at {@code t}, without noise. */
    public Waypoint positionAt(Instant t) {
        Position p = truePosition(t);
        return new Waypoint(p.lat(), p.lon(), p.speedKmh());
    }

    private byte[] epoch(long second) {
        Fault f = fault;
        Instant t = Instant.ofEpochSecond(second);
        Position p = noisy(truePosition(t), second);
        if (f == Fault.STUCK_POSITION) {
            if (stuckAt == null) {
                stuckAt = p;
            }
            p = new Position(stuckAt.lat(), stuckAt.lon(), 0, stuckAt.courseDeg());
        } else {
            stuckAt = null;
        }
        LocalDateTime utc = LocalDateTime.ofEpochSecond(second, 0, ZoneOffset.UTC);
        String time = String.format(Locale.ROOT, "%02d%02d%02d.00", utc.getHour(), utc.getMinute(), utc.getSecond());
        String date = String.format(Locale.ROOT, "%02d%02d%02d", utc.getDayOfMonth(), utc.getMonthValue(),
                utc.getYear() % 100);
        StringBuilder sb = new StringBuilder();
        if (f == Fault.GARBAGE) {
            byte[] junk = new byte[8 + garbage.nextInt(24)];
            garbage.nextBytes(junk);
            for (byte b : junk) {
                sb.append((char) (b == '$' ? '#' : b & 0xff));
            }
        }
        if (f == Fault.NO_FIX) {
            sb.append(sentence("GPRMC," + time + ",V,,,,,,," + date + ",,,N", false));
            sb.append(sentence("GPVTG,,T,,M,,N,,K,N", false));
            sb.append(sentence("GPGGA," + time + ",,,,,0,00,99.99,,,,,,", false));
            sb.append(sentence("GPGSA,A,1,,,,,,,,,,,,,99.99,99.99,99.99", false));
        } else {
            String lat = angle(Math.abs(p.lat()), 2) + (p.lat() >= 0 ? ",N" : ",S");
            String lon = angle(Math.abs(p.lon()), 3) + (p.lon() >= 0 ? ",E" : ",W");
            double knots = p.speedKmh() / 1.852;
            sb.append(sentence(String.format(Locale.ROOT, "GPRMC,%s,A,%s,%s,%.3f,%.2f,%s,,,A", time, lat, lon,
                    knots, p.courseDeg(), date), f == Fault.BAD_CHECKSUM));
            sb.append(sentence(String.format(Locale.ROOT, "GPVTG,%.2f,T,,M,%.3f,N,%.3f,K,A", p.courseDeg(), knots,
                    p.speedKmh()), false));
            sb.append(sentence(String.format(Locale.ROOT, "GPGGA,%s,%s,%s,1,09,0.90,%.1f,M,3.2,M,,", time, lat, lon,
                    2600.0 + (second % 7) * 0.1), false));
            sb.append(sentence("GPGSA,A,3,02,05,07,09,13,15,18,20,29,,,,1.60,0.90,1.32", false));
        }
        return sb.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    static String sentence(String body, boolean wrongChecksum) {
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
            sum ^= body.charAt(i);
        }
        if (wrongChecksum) {
            sum ^= 0x5a;
        }
        return String.format("$%s*%02X\r\n", body, sum);
    }

    private static String angle(double degrees, int width) {
        int d = (int) degrees;
        double minutes = (degrees - d) * 60;
        if (minutes >= 59.999995) { // would print as 60.00000
            d++;
            minutes = 0;
        }
        return String.format(Locale.ROOT, "%0" + width + "d%08.5f", d, minutes);
    }

    /** About one metre of noise north and east, the same for the same second and seed. */
    private Position noisy(Position p, long second) {
        Random r = new Random(seed * 1_000_003L + second);
        double metreLat = Math.toDegrees(1 / EARTH_RADIUS_M);
        double metreLon = metreLat / Math.max(0.01, Math.cos(Math.toRadians(p.lat())));
        return new Position(p.lat() + r.nextGaussian() * metreLat, p.lon() + r.nextGaussian() * metreLon,
                p.speedKmh(), p.courseDeg());
    }

    private Position truePosition(Instant t) {
        double elapsed = Math.max(0, (t.toEpochMilli() - start.toEpochMilli()) / 1000.0);
        for (int i = 0; i + 1 < track.size(); i++) {
            Waypoint a = track.get(i);
            Waypoint b = track.get(i + 1);
            double legM = distanceM(a.lat(), a.lon(), b.lat(), b.lon());
            double mps = a.speedKmh() / 3.6;
            double legS = mps <= 0 ? Double.POSITIVE_INFINITY : legM / mps;
            double course = bearingDeg(a.lat(), a.lon(), b.lat(), b.lon());
            if (elapsed < legS) {
                double k = legM == 0 ? 0 : elapsed * mps / legM;
                return new Position(a.lat() + k * (b.lat() - a.lat()), a.lon() + k * (b.lon() - a.lon()),
                        a.speedKmh(), course);
            }
            elapsed -= legS;
        }
        Waypoint last = track.get(track.size() - 1);
        return new Position(last.lat(), last.lon(), 0, 0);
    }

    static double distanceM(double lat1, double lon1, double lat2, double lon2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dp = p2 - p1;
        double dl = Math.toRadians(lon2 - lon1);
        double h = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
    }

    private static double bearingDeg(double lat1, double lon1, double lat2, double lon2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dl = Math.toRadians(lon2 - lon1);
        double y = Math.sin(dl) * Math.cos(p2);
        double x = Math.cos(p1) * Math.sin(p2) - Math.sin(p1) * Math.cos(p2) * Math.cos(dl);
        return (Math.toDegrees(Math.atan2(y, x)) + 360) % 360;
    }
}
