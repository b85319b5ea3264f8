package co.rtm.hub.api;

import com.fasterxml.jackson.databind.JsonNode;

/** Reading fields of a JSON request body, with the 400 answers every write endpoint gives for bad ones. */
final class BodyFields {
    private BodyFields() {
    }

    /**
     * The string {@code field} of {@code body}; absent or JSON null is null unless {@code required} (then 400
     * "is required"), and a value that is not a string is 400 "want a string".
     */
    static String text(JsonNode body, String field, boolean required) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw ApiException.badParameter(field, "is required");
            }
            return null;
        }
        if (!v.isTextual()) {
            throw ApiException.badParameter(field, "want a string");
        }
        return v.asText();
    }
}
