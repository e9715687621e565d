package dev.emporium.web.error;

import dev.emporium.platform.error.ErrorCode;

/** The error body for a bare HTTP status, when nothing more specific is known (JAX-RS or the servlet container). */
public final class StatusErrors {

    private StatusErrors() {
    }

    public static ApiError of(int status) {
        return new ApiError(status, code(status).name(), message(status), java.util.List.of());
    }

    private static ErrorCode code(int status) {
        return switch (status) {
            case 400 -> ErrorCode.BAD_REQUEST;
            case 401 -> ErrorCode.UNAUTHORIZED;
            case 403 -> ErrorCode.FORBIDDEN;
            case 404 -> ErrorCode.NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 406 -> ErrorCode.NOT_ACCEPTABLE;
            case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            case 503 -> ErrorCode.SERVICE_UNAVAILABLE;
            default -> status >= 500 ? ErrorCode.INTERNAL_ERROR : ErrorCode.REQUEST_FAILED;
        };
    }

    private static String message(int status) {
        return switch (status) {
            case 400 -> "The request could not be read; check its path, headers and body against the API document";
            case 401 -> "Authentication is required";
            case 403 -> "You are not allowed to do this";
            case 404 -> "Nothing here";
            case 405 -> "This method is not allowed on this resource";
            case 406 -> "This resource cannot answer in the requested media type";
            case 413 -> "The request body is too large";
            case 415 -> "Send the body as application/json";
            case 503 -> "The service is unavailable; try again shortly";
            default -> status >= 500 ? "An unexpected error occurred" : "The request failed";
        };
    }
}
