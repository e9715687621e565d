package dev.emporium.web;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Adds to every documented operation the failures any call can meet, so that each operation lists them in the
 * ApiError format: 500 (unexpected, with an incident id) and 503 (database or broker unavailable). Registered with
 * mp.openapi.filter.
 */
public class OpenApiErrors implements OASFilter {

    @Override
    public Operation filterOperation(Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        add(responses, "500", "INTERNAL_ERROR: an unexpected failure; the message names an incident id");
        add(responses, "503", "SERVICE_UNAVAILABLE: the database or the message broker is unavailable; retry after Retry-After");
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
}
