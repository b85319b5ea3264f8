package co.rtm.agent.login;

import java.util.List;

/**
 * One inspector enrolled at the lane: the identity document the hub knows them by, their name, and the SourceAFIS
 * templates of their enrolled fingers (raw {@code FingerprintTemplate.toByteArray()} bytes).
 */
public record Inspector(String document, String name, List<byte[]> templates) {
    public Inspector {
        templates = List.copyOf(templates);
    }
}
