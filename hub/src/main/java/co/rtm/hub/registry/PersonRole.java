package co.rtm.hub.registry;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a registered person does at a centre; only inspectors count as logged in on a lane. */
public enum PersonRole {
    INSPECTOR, TECHNICAL_DIRECTOR;

    /** {@code inspector}, {@code technical-director}. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static PersonRole fromCli(String text) {
        return Arrays.stream(values()).filter(r -> r.cliName().equalsIgnoreCase(text) || r.name().equalsIgnoreCase(text))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("role must be one of "
                        + Arrays.stream(values()).map(PersonRole::cliName).collect(Collectors.joining(", "))
                        + ", not '" + text + "'"));
    }
}
