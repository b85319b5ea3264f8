package co.rtm.profiles.vehicle;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Lookup of an enum constant by its wire name, with the list of accepted names for error messages. */
public final class JsonEnums {
    private JsonEnums() {}

    public static <E extends Enum<E>> E parse(E[] values, String name, Function<E, String> json) {
        return find(values, name, json).orElseThrow(() -> new IllegalArgumentException(
                "unknown value '" + name + "' (expected one of " + names(values, json) + ")"));
    }

    public static <E extends Enum<E>> Optional<E> find(E[] values, String name, Function<E, String> json) {
        for (E e : values) {
            if (json.apply(e).equals(name)) return Optional.of(e);
        }
        return Optional.empty();
    }

    public static <E extends Enum<E>> String names(E[] values, Function<E, String> json) {
        return Arrays.stream(values).map(json).collect(Collectors.joining(", "));
    }
}
