package co.rtm.agent.station;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import co.rtm.profiles.profile.Profiles;
import co.rtm.profiles.profile.StationProfile;
import co.rtm.profiles.profile.StationType;
import co.rtm.profiles.wire.Json;
import co.rtm.profiles.wire.StationBundle;

/**
 * Loads the provisioning bundle ({@link StationBundle}, written by {@code hub provision-station}) and checks
 * everything the agent will rely on before it starts: the file is JSON of the right format, both keys decode,
 * the MQTT user name is the station id (the broker requires client id = user name = station id), and the
 * profile is a lane profile this agent ships. A bundle that others may read is accepted with a warning: it
 * holds the station's private key.
 */
public final class Bundles {

    private static final Logger LOG = LoggerFactory.getLogger(Bundles.class);
    private static final ObjectMapper MAPPER = Json.newMapper();

    private Bundles() {
    }

    /** Reads and checks {@code file}; every problem is a {@link BundleException} with a one-line message. */
    public static StationBundle read(Path file) throws BundleException {
        return read(file, Bundles::laneProfile);
    }

    /** {@link #read(Path)} for a CALE exam station: the profile must be a cale-theory or cale-practical one. */
    public static StationBundle readExam(Path file) throws BundleException {
        return read(file, Bundles::examProfile);
    }

    private interface ProfileCheck {
        StationProfile check(StationBundle bundle) throws BundleException;
    }

    private static StationBundle read(Path file, ProfileCheck profileCheck) throws BundleException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw fail(file, "no such file");
        } catch (AccessDeniedException e) {
            throw fail(file, "permission denied");
        } catch (IOException e) {
            throw fail(file, "cannot read: " + e.getMessage());
        }
        JsonNode tree;
        try {
            tree = MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw fail(file, "not JSON (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw fail(file, "not JSON (" + e.getMessage() + ")");
        }
        if (tree == null || !tree.isObject()) {
            throw fail(file, "not a JSON object");
        }
        JsonNode format = tree.get("format");
        if (format == null || !StationBundle.FORMAT.equals(format.asText(null))) {
            throw fail(file, "not a station bundle (format " + (format == null ? "missing" : format.toString())
                    + ", expected \"" + StationBundle.FORMAT + "\")");
        }
        StationBundle bundle;
        try {
            bundle = MAPPER.readerFor(StationBundle.class).readValue(tree);
        } catch (IOException e) {
            throw fail(file, "invalid bundle: " + innermost(e));
        }
        try {
            bundle.signingKey();
        } catch (IllegalArgumentException e) {
            throw fail(file, "bad signing key: " + e.getMessage());
        }
        try {
            bundle.hubKey();
        } catch (IllegalArgumentException e) {
            throw fail(file, "bad hub key: " + e.getMessage());
        }
        if (!bundle.mqtt().username().equals(bundle.stationId())) {
            throw fail(file, "mqtt.username \"" + bundle.mqtt().username() + "\" must be the station id \""
                    + bundle.stationId() + "\"");
        }
        try {
            profileCheck.check(bundle);
        } catch (BundleException e) {
            throw fail(file, e.getMessage());
        }
        warnIfShared(file);
        return bundle;
    }

    /**
     * The lane profile the bundle names ({@code id@version}), as shipped with this agent.
     *
     * @throws BundleException when the profile is unknown, of another version, or not a CDA lane
     */
    public static StationProfile laneProfile(StationBundle bundle) throws BundleException {
        StationProfile profile = shipped(bundle);
        if (profile.station() != StationType.CDA_LANE) {
            throw new BundleException("profile " + bundle.profile() + " is not a CDA lane profile; run drives inspection lanes only");
        }
        return profile;
    }

    /** The CALE exam profile (cale-theory, cale-practical) the bundle names, as shipped with this agent. */
    public static StationProfile examProfile(StationBundle bundle) throws BundleException {
        StationProfile profile = shipped(bundle);
        if (profile.station() != StationType.CALE_THEORY && profile.station() != StationType.CALE_PRACTICAL) {
            throw new BundleException("profile " + bundle.profile() + " is not a CALE exam profile; exam drives cale-theory and cale-practical stations only");
        }
        return profile;
    }

    private static StationProfile shipped(StationBundle bundle) throws BundleException {
        String ref = bundle.profile();
        int at = ref.indexOf('@');
        String id = at < 0 ? ref : ref.substring(0, at);
        StationProfile profile = Profiles.builtIn(id)
                .orElseThrow(() -> new BundleException("unknown profile " + ref + " (this agent ships "
                        + String.join(", ", Profiles.BUILT_IN) + ")"));
        if (at >= 0 && !ref.equals(profile.ref())) {
            throw new BundleException("profile " + ref + " is not the version this agent ships (" + profile.ref() + ")");
        }
        return profile;
    }

    private static void warnIfShared(Path file) {
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            if (perms.contains(PosixFilePermission.GROUP_READ) || perms.contains(PosixFilePermission.OTHERS_READ)) {
                LOG.warn("bundle {} is readable by other users and holds the station's private key; chmod 600 it", file);
            }
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system: nothing to check
        }
    }

    private static String innermost(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        if (t instanceof JsonProcessingException j) {
            return j.getOriginalMessage();
        }
        return String.valueOf(t.getMessage());
    }

    private static BundleException fail(Path file, String problem) {
        return new BundleException("bundle " + file + ": " + problem);
    }
}
