package co.rtm.agent.station;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;

import co.rtm.profiles.wire.Ed25519Keys;
import co.rtm.profiles.wire.Json;
import co.rtm.profiles.wire.SigningKey;
import co.rtm.profiles.wire.StationBundle;

/** A provisioned test station: its key pair, the hub's key pair, and the bundle that ties them together. */
record TestStation(StationBundle bundle, SigningKey stationKey, SigningKey hubKey) {

    static final String CENTER = "CDA0001";
    static final String STATION = "LANE-01";

    static TestStation create(String brokerUri) {
        SigningKey station = Ed25519Keys.generate(STATION + "#1");
        SigningKey hub = Ed25519Keys.generate("hub#1");
        StationBundle bundle = new StationBundle(StationBundle.FORMAT, CENTER, STATION, "cda-light@1", 1,
                station.seedBase64Url(), hub.kid(), hub.verificationKey().toBase64Url(),
                new StationBundle.Mqtt(brokerUri, STATION, "S3cret!pass"), OffsetDateTime.now());
        return new TestStation(bundle, station, hub);
    }

    Path writeBundle(Path file) throws IOException {
        return Files.write(file, Json.write(bundle));
    }
}
