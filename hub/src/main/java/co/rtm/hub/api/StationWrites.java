package co.rtm.hub.api;

import co.rtm.hub.registry.InvalidField;
import co.rtm.hub.registry.Provisioning;
import co.rtm.profiles.wire.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * {@code POST /api/centers/{id}/stations}: the admin provisions a station as {@code hub provision-station} does, through
 * the same {@link co.rtm.hub.registry.BundleIssuer}; the answer is the bundle JSON the agent imports, byte for byte
 * what the command writes to {@code --out}. It carries the MQTT password (and the private keys, unless the key was
 * generated on the device): it is never logged, and the response is {@code Cache-Control: no-store}.
 */
final class StationWrites {
    private static final Set<String> FIELDS = Set.of("id", "kind", "publicKey", "clientCertificate", "mqttUrl");

    private final StationProvisioner provisioner;

    StationWrites(StationProvisioner provisioner) {
        this.provisioner = provisioner;
    }

    /** The bundle, as JSON bytes. */
    byte[] provision(String centerId, JsonNode body, String user) {
        if (provisioner == null) {
            throw ApiException.of(503, "this API runs without the hub's keys; provision stations through 'hub serve'");
        }
        for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!FIELDS.contains(field)) {
                throw ApiException.badParameter(field, "unknown field; known: " + String.join(", ",
                        FIELDS.stream().sorted().toList()));
            }
        }
        String id = BodyFields.text(body, "id", true);
        String kind = BodyFields.text(body, "kind", true);
        String publicKey = BodyFields.text(body, "publicKey", false);
        String mqttUrl = BodyFields.text(body, "mqttUrl", false);
        if (mqttUrl != null && !mqttUrl.matches("(tcp|ssl)://[^\\s/]+:\\d{1,5}")) {
            throw ApiException.badParameter("mqttUrl", "want tcp://HOST:PORT or ssl://HOST:PORT");
        }
        JsonNode cert = body.get("clientCertificate");
        if (cert != null && !cert.isNull() && !cert.isBoolean()) {
            throw ApiException.badParameter("clientCertificate", "want true or false");
        }
        boolean clientCertificate = cert != null && cert.asBoolean(false);
        try {
            return Json.write(provisioner.provision(new Provisioning.Request(centerId, id, kind, publicKey, false), mqttUrl,
                    clientCertificate, user).bundle());
        } catch (InvalidField e) {
            throw ApiException.badParameter(e.field(), e.getMessage());
        } catch (NoSuchElementException e) {
            throw ApiException.of(404, e.getMessage());
        } catch (IllegalStateException e) {
            throw ApiException.of(409, e.getMessage());
        }
    }
}
