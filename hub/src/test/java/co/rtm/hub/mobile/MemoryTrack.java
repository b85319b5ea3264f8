package co.rtm.hub.mobile;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** A track held in memory, for the pure rule's tests. */
final class MemoryTrack implements TrackHistory {
    private final String stationId;
    private final List<Fix> fixes = new ArrayList<>();

    MemoryTrack(String stationId) {
        this.stationId = stationId;
    }

    MemoryTrack add(double lat, double lon, Instant at) {
        fixes.add(new Fix(lat, lon, at));
        fixes.sort(Comparator.comparing(Fix::deviceTime));
        return this;
    }

    @Override
    public Optional<Fix> latestAtOrBefore(String station, Instant t) {
        if (!station.equals(stationId)) {
            return Optional.empty();
        }
        Fix latest = null;
        for (Fix f : fixes) {
            if (!f.deviceTime().isAfter(t)) {
                latest = f;
            }
        }
        return Optional.ofNullable(latest);
    }

    @Override
    public Optional<Fix> firstMatching(String station, Instant after, Instant until, Predicate<Fix> match) {
        if (!station.equals(stationId)) {
            return Optional.empty();
        }
        return fixes.stream().filter(f -> (after == null || f.deviceTime().isAfter(after)) && !f.deviceTime().isAfter(until))
                .filter(match).findFirst();
    }
}
