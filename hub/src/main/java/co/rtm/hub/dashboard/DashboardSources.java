package co.rtm.hub.dashboard;

import co.rtm.hub.feed.LiveFeed;
import co.rtm.hub.ingest.StationPresence;

/** What the dashboard reads from a running hub besides the database: the live feed and the stations' presence. */
public record DashboardSources(LiveFeed feed, StationPresence presence) {
    /** For an API process that does not ingest: an empty feed, nobody online. */
    public static DashboardSources none() {
        return new DashboardSources(new LiveFeed(), new StationPresence());
    }
}
