package co.rtm.profiles.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The one JSON configuration of the wire contract. Dates are ISO-8601 strings that keep the
 * offset they were written with (never normalised to Z); null members are omitted; reading is
 * strict: unknown members, duplicate keys, trailing data, scalar coercion ("5" for 5, 5.7 for 5)
 * and null primitives are all errors.
 *
 * <p>The shared mapper itself is not handed out (an ObjectMapper can be reconfigured by anyone
 * holding it); use {@link #read}, {@link #write}, or {@link #newMapper()} for a framework that
 * needs its own instance configured the same way.
 */
public final class Json {

    private static final ObjectMapper MAPPER = newMapper();
    private static final ObjectWriter WRITER = MAPPER.writer();

    /** Streaming factory with the same read rules, for hand-written parsers in this package. */
    static final JsonFactory FACTORY = MAPPER.getFactory();

    private Json() {
    }

    /** A fresh mapper configured like the shared one. */
    public static ObjectMapper newMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
                .build();
    }

    /** UTF-8 JSON of a wire record. */
    public static byte[] write(Object value) {
        try {
            return WRITER.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a wire record from UTF-8 JSON. Any malformed, incomplete or invalid document
     * (including a record constructor's own validation) is an {@link IOException}.
     */
    public static <T> T read(byte[] json, Class<T> type) throws IOException {
        return reader(type).readValue(json);
    }

    /** A shared, immutable reader for {@code type}. */
    public static ObjectReader reader(Class<?> type) {
        return MAPPER.readerFor(type);
    }
}
