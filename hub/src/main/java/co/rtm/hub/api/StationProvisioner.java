package co.rtm.hub.api;

import co.rtm.hub.registry.BundleIssuer;
import co.rtm.hub.registry.Provisioning;

/**
 * Provisions a station for {@code POST /api/centers/{id}/stations}. Given by the running hub, which holds the hub
 * key, the broker CA and the broker's URL; an API started without one answers 503 there.
 */
@FunctionalInterface
public interface StationProvisioner {
    /**
     * @param mqttUrl null for the hub's own broker
     * @param user    the admin asking, named in the audit chain
     */
    BundleIssuer.Issued provision(Provisioning.Request request, String mqttUrl, boolean clientCertificate, String user);
}
