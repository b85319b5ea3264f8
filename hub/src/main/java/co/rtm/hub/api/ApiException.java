package co.rtm.hub.api;

/** A request the API answers with an error status and {@code {"error": message, "parameter": name?}}. */
final class ApiException extends RuntimeException {
    private final int status;
    private final String parameter;

    ApiException(int status, String message, String parameter) {
        super(message);
        this.status = status;
        this.parameter = parameter;
    }

    static ApiException badParameter(String parameter, String message) {
        return new ApiException(400, parameter + ": " + message, parameter);
    }

    static ApiException of(int status, String message) {
        return new ApiException(status, message, null);
    }

    int status() {
        return status;
    }

    String parameter() {
        return parameter;
    }
}
