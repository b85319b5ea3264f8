package co.rtm.profiles.wire;

/**
 * The JWS protected header of an envelope: always {@code alg} {@code EdDSA}, a key id
 * {@code <ownerId>#<version>}, and the message type (the topic kind for station messages).
 */
public record ProtectedHeader(String alg, String kid, String typ) {

    public static final String EDDSA = "EdDSA";

    public ProtectedHeader {
        if (!EDDSA.equals(alg)) {
            throw new IllegalArgumentException("alg must be EdDSA: " + Ids.quote(alg));
        }
        KeyId.parse(kid);
        if (!isValidTyp(typ)) {
            throw new IllegalArgumentException("typ must match [A-Za-z0-9._-]{1,64}: " + Ids.quote(typ));
        }
    }

    public KeyId keyId() {
        return KeyId.parse(kid);
    }

    /** The exact JSON that is signed: the three members, in this order, no whitespace. */
    String toJson() {
        // kid and typ are restricted to characters that need no JSON escaping.
        return "{\"alg\":\"" + alg + "\",\"kid\":\"" + kid + "\",\"typ\":\"" + typ + "\"}";
    }

    static boolean isValidTyp(String typ) {
        if (typ == null || typ.isEmpty() || typ.length() > 64) {
            return false;
        }
        for (int i = 0; i < typ.length(); i++) {
            char c = typ.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
