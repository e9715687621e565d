package dev.emporium.web.error;

import dev.emporium.platform.error.ErrorCode;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Completes the error responses of every documented operation (registered with mp.openapi.filter): adds the
 * failures any call can meet — 429 (rate limit), 500 (unexpected, with an incident id) and 503 (database
 * unavailable or too slow; a write whose commit failed) — and gives each error response without one an example body in the ApiError format, its code taken
 * from the description when that starts with one ("PRODUCT_NOT_FOUND: ...").
 */
public class OpenApiErrors implements OASFilter {

    @Override
    public Operation filterOperation(Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        add(responses, "429", "RATE_LIMITED: the route group's allowance is spent; retry after Retry-After");
        add(responses, "500", "INTERNAL_ERROR: an unexpected failure; the message names an incident id");
        add(responses, "503", "SERVICE_UNAVAILABLE: the database is unavailable or too slow, nothing was changed; or"
                + " OUTCOME_UNKNOWN: a write's commit failed and it may have been made; retry after Retry-After");
        for (Map.Entry<String, APIResponse> response : responses.getAPIResponses().entrySet()) {
            if (response.getKey().startsWith("4") || response.getKey().startsWith("5")) {
                addExample(Integer.parseInt(response.getKey()), response.getValue());
            }
        }
        return operation;
    }

    private static void add(APIResponses responses, String status, String description) {
        if (responses.hasAPIResponse(status)) {
            return;
        }
        Content content = OASFactory.createContent().addMediaType("application/json", OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref("ApiError")));
        responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description).content(content));
    }

    private static void addExample(int status, APIResponse response) {
        MediaType json = response.getContent() == null ? null : response.getContent().getMediaType("application/json");
        if (json == null || json.getExample() != null || (json.getExamples() != null && !json.getExamples().isEmpty())) {
            return;
        }
        String description = response.getDescription() == null ? "" : response.getDescription();
        ErrorCode code = named(description, status).orElseGet(() -> Arrays.stream(ErrorCode.values())
                .filter(candidate -> candidate.status() == status).findFirst().orElse(ErrorCode.REQUEST_FAILED));
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("status", status);
        example.put("code", code.name());
        example.put("message", Character.toUpperCase(code.meaning().charAt(0)) + code.meaning().substring(1));
        example.put("details", code == ErrorCode.VALIDATION_FAILED
                ? List.of(Map.of("field", "name", "issue", "must not be blank")) : List.of());
        example.put("request_id", "3f2a9c4e-8d1b-4e57-9a0c-6b7d2e1f0a85");
        json.setExample(example);
    }

    /** The error code a description starts with, if it is one of this status. */
    private static Optional<ErrorCode> named(String description, int status) {
        String first = description.split("[^A-Z_]", 2)[0];
        return Arrays.stream(ErrorCode.values()).filter(code -> code.name().equals(first) && code.status() == status).findFirst();
    }
}
