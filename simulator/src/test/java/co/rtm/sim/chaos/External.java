package co.rtm.sim.chaos;

import org.junit.jupiter.api.Assumptions;

/**
 * The external programs the scale-out tests need: mosquitto and PostgreSQL ({@value ChaosCommand#PG_ENV}). Missing
 * ones skip the test, except under {@code CI=true}, where .ci/run installs both and a missing one is a failure.
 */
final class External {
    private External() {}

    static String requirePostgresAndMosquitto() {
        String pg = System.getenv(ChaosCommand.PG_ENV);
        String missing = Mosquitto.binary().isEmpty() || Tools.find("mosquitto_passwd").isEmpty() ? "mosquitto not installed"
                : pg == null || pg.isBlank() ? ChaosCommand.PG_ENV + " not set" : null;
        if (missing != null) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(missing + "; required when CI=true");
            }
            Assumptions.abort(missing);
        }
        return pg;
    }
}
