package co.rtm.hub.registry;

import co.rtm.profiles.profile.Profiles;
import co.rtm.profiles.profile.StationProfile;
import java.util.Optional;

/**
 * Station profile references as stored on a station and carried in messages: {@code id@version}
 * (e.g. {@code cda-light@1}). Only the profiles built into this hub are known.
 */
public final class ProfileRefs {
    private ProfileRefs() {
    }

    /** The built-in profile a reference names, if its id and version both match; a bare id means the built-in version. */
    public static Optional<StationProfile> resolve(String ref) {
        if (ref == null) {
            return Optional.empty();
        }
        int at = ref.indexOf('@');
        String id = at < 0 ? ref : ref.substring(0, at);
        Optional<StationProfile> profile = Profiles.builtIn(id);
        if (at < 0) {
            return profile;
        }
        String version = ref.substring(at + 1);
        return profile.filter(p -> String.valueOf(p.version()).equals(version));
    }

    /** The kind of centre a station on this profile belongs to: CALE for exam stations, MOBILE for mobile lanes. */
    public static CenterKind centerKindFor(StationProfile profile) {
        if (profile.id().startsWith("cale-")) {
            return CenterKind.CALE;
        }
        return profile.mobile() ? CenterKind.MOBILE : CenterKind.CDA;
    }
}
