package co.rtm.agent.instruments.gps;

import co.rtm.agent.instruments.Sample;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;

/**
 * What the sentences of one receiver epoch (one UTC time of fix) said, gathered until the epoch is complete.
 * The first RMC, GGA and VTG win: a second GGA of the same epoch (GLGGA after GPGGA) is ignored. VTG and GSA
 * only fill what RMC and GGA left empty.
 */
final class GpsEpoch {

    final String timeField;
    final LocalTime time;
    boolean hasRmc;
    boolean hasGga;
    boolean hasVtg;
    boolean noFix;
    boolean emitted;
    Instant lastAt;

    LocalDate date;
    double lat = Double.NaN;
    double lon = Double.NaN;
    double altitudeM = Double.NaN;
    double rmcSpeedKmh = Double.NaN;
    double rmcCourseDeg = Double.NaN;
    double vtgSpeedKmh = Double.NaN;
    double vtgCourseDeg = Double.NaN;
    int ggaQuality = -1;
    int rmcQuality = -1;
    int ggaSatellites = -1;
    int gsaSatellites = -1;
    double ggaHdop = Double.NaN;
    double gsaHdop = Double.NaN;

    GpsEpoch(String timeField, LocalTime time) {
        this.timeField = timeField;
        this.time = time;
    }

    boolean complete() {
        return hasRmc && hasGga;
    }

    /** The fix, on {@code day} when the epoch carried no date of its own. */
    Sample.GpsFix toFix(LocalDate day) {
        Instant deviceTime = (date != null ? date : day).atTime(time).toInstant(ZoneOffset.UTC);
        double speed = Double.isNaN(rmcSpeedKmh) ? vtgSpeedKmh : rmcSpeedKmh;
        double course = Double.isNaN(rmcCourseDeg) ? vtgCourseDeg : rmcCourseDeg;
        int quality = ggaQuality >= 0 ? ggaQuality : rmcQuality;
        int satellites = ggaSatellites >= 0 ? ggaSatellites : gsaSatellites;
        double hdop = Double.isNaN(ggaHdop) ? gsaHdop : ggaHdop;
        return new Sample.GpsFix(deviceTime, lat, lon, altitudeM, speed, course, quality, satellites, hdop);
    }
}
