package dev.emporium.testing;

import dev.emporium.platform.error.ErrorCode;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.Set;

/** The API's one error format, as every test checks it. */
public final class ErrorFormat {

    private static final Set<String> FIELDS = Set.of("status", "code", "message", "details", "request_id");

    private ErrorFormat() {
    }

    /**
     * Why the error response breaks the format, or null: a JSON object of exactly status (the response's), code (one
     * of ErrorCode), message, details (an array) and request_id (the response's X-Request-Id).
     */
    public static String problem(HttpResponse<String> response) {
        JsonObject error;
        try (var reader = Json.createReader(new StringReader(response.body()))) {
            error = reader.readObject();
        } catch (RuntimeException e) {
            return "an error body that is not a JSON object";
        }
        if (!error.keySet().equals(FIELDS)
                || error.getInt("status", -1) != response.statusCode()
                || error.get("details").getValueType() != JsonValue.ValueType.ARRAY
                || !error.getString("request_id", "").equals(response.headers().firstValue("X-Request-Id").orElse(null))) {
            return "not the API's error format";
        }
        try {
            ErrorCode.valueOf(error.getString("code"));
        } catch (IllegalArgumentException e) {
            return "an error code that dev.emporium.platform.error.ErrorCode (and docs/errors.md) lacks: " + error.getString("code");
        }
        return null;
    }
}
