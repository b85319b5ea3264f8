package co.rtm.profiles.wire;

/**
 * A key id {@code <ownerId>#<version>}: the station (or hub) that holds the key and the key's
 * version, which increases at each rotation. This is the JWS {@code kid}.
 */
public record KeyId(String ownerId, int version) {

    private static final int MAX_LENGTH = 64 + 1 + 10;

    public KeyId {
        Ids.requireSafe(ownerId, "key owner id");
        if (version < 1) {
            throw new IllegalArgumentException("key version must be >= 1: " + version);
        }
    }

    /** Parses {@code <ownerId>#<version>}; throws {@link IllegalArgumentException} otherwise. */
    public static KeyId parse(String kid) {
        if (kid == null || kid.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("bad key id: " + Ids.quote(kid));
        }
        int hash = kid.indexOf('#');
        if (hash < 0 || hash != kid.lastIndexOf('#')) {
            throw new IllegalArgumentException("key id must be <ownerId>#<version>: " + Ids.quote(kid));
        }
        String digits = kid.substring(hash + 1);
        if (digits.isEmpty() || digits.length() > 9 || digits.charAt(0) == '0' || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("key version must be a positive decimal without leading zero: " + Ids.quote(kid));
        }
        return new KeyId(kid.substring(0, hash), Integer.parseInt(digits));
    }

    @Override
    public String toString() {
        return ownerId + "#" + version;
    }
}
