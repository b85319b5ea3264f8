package co.rtm.hub.api;

import co.rtm.hub.ingest.IngestCounts;
import java.util.Map;

/** The Prometheus text exposition format (version 0.0.4), written by hand; pure. */
final class PrometheusText {
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private PrometheusText() {
    }

    /**
     * Ingestion counters since this hub started, results in the ledger by verdict (all hubs on the database), and
     * open alerts.
     */
    static String render(IngestCounts counts, Map<String, Long> resultsByVerdict, long openAlerts) {
        StringBuilder out = new StringBuilder(1024);
        counter(out, "rtm_ingest_accepted_total", "Results newly accepted by this hub since it started.", counts.accepted());
        counter(out, "rtm_ingest_duplicates_total", "Results answered again as duplicates since this hub started.",
                counts.duplicates());
        counter(out, "rtm_ingest_events_total", "Station events recorded since this hub started.", counts.events());
        out.append("# HELP rtm_ingest_refused_total Messages refused by this hub since it started, by reason code.\n");
        out.append("# TYPE rtm_ingest_refused_total counter\n");
        if (counts.refusedByReason().isEmpty()) {
            out.append("rtm_ingest_refused_total 0\n");
        }
        new java.util.TreeMap<>(counts.refusedByReason()).forEach((reason, n) ->
                out.append("rtm_ingest_refused_total{reason=\"").append(escape(reason)).append("\"} ").append(n).append('\n'));
        out.append("# HELP rtm_ledger_results_total Results stored in the ledger, by verdict.\n");
        out.append("# TYPE rtm_ledger_results_total counter\n");
        for (String verdict : new String[] {"APPROVED", "REJECTED", "INCOMPLETE"}) {
            out.append("rtm_ledger_results_total{verdict=\"").append(verdict).append("\"} ")
                    .append(resultsByVerdict.getOrDefault(verdict, 0L)).append('\n');
        }
        out.append("# HELP rtm_alerts_open Alerts not yet acknowledged.\n");
        out.append("# TYPE rtm_alerts_open gauge\n");
        out.append("rtm_alerts_open ").append(openAlerts).append('\n');
        return out.toString();
    }

    private static void counter(StringBuilder out, String name, String help, long value) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(" counter\n");
        out.append(name).append(' ').append(value).append('\n');
    }

    static String escape(String label) {
        return label.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
