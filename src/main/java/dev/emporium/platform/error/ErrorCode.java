package dev.emporium.platform.error;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Every value the {@code code} field of an error body can take: stable names for programs to branch on. The
 * OpenAPI document lists them (ApiError.code), docs/errors.md explains them, and the tests refuse any other.
 */
@Schema(name = "ErrorCode", description = "Stable error codes; see docs/errors.md")
public enum ErrorCode {
    // Generic, by HTTP status
    BAD_REQUEST(400, "the request could not be read"),
    INVALID_BODY(400, "the body is not JSON of the documented shape (syntax, types, enum values)"),
    VALIDATION_FAILED(400, "input broke a rule; details name each field and issue"),
    WEAK_PASSWORD(400, "the password does not meet the policy; details say how"),
    UNAUTHORIZED(401, "no valid access token"),
    INVALID_CREDENTIALS(401, "e-mail or password wrong (the same answer for both)"),
    INVALID_REFRESH_TOKEN(401, "refresh token unknown, expired or revoked"),
    REFRESH_TOKEN_REUSED(401, "a used refresh token was presented again: its whole family is revoked"),
    FORBIDDEN(403, "authenticated, but the role does not allow this"),
    NOT_FOUND(404, "no such path"),
    USER_NOT_FOUND(404, "no such user (or not yours to see)"),
    CATEGORY_NOT_FOUND(404, "no such category"),
    PRODUCT_NOT_FOUND(404, "no such product"),
    IMAGE_NOT_FOUND(404, "no such image"),
    ORDER_NOT_FOUND(404, "no such order (or not yours to see)"),
    METHOD_NOT_ALLOWED(405, "the method is not allowed on this path; Allow lists those that are"),
    NOT_ACCEPTABLE(406, "the API answers in application/json only"),
    EMAIL_TAKEN(409, "another account has this e-mail"),
    USERNAME_TAKEN(409, "another account has this username"),
    SLUG_TAKEN(409, "another category has this slug"),
    SKU_TAKEN(409, "another product has this SKU"),
    CATEGORY_NOT_EMPTY(409, "the category still has products or subcategories"),
    OUT_OF_STOCK(409, "not enough stock; details name the product"),
    ILLEGAL_TRANSITION(409, "the order's lifecycle does not allow this change; details list the allowed ones"),
    RESOURCE_BUSY(409, "another request or process is changing this right now (its lock was not released in time); "
            + "nothing was changed, retry after Retry-After"),
    PRECONDITION_FAILED(412, "If-Match does not match the current ETag: someone changed it first"),
    PAYLOAD_TOO_LARGE(413, "the body is over the size limit"),
    IMAGE_TOO_LARGE(413, "the image is over the image size limit"),
    UNSUPPORTED_MEDIA_TYPE(415, "send the body as application/json"),
    UNSUPPORTED_IMAGE(415, "the upload is not a JPEG, PNG or WebP image (checked by content)"),
    IDEMPOTENCY_KEY_REUSED(422, "this Idempotency-Key was used with another body"),
    RATE_LIMITED(429, "too many requests; Retry-After says when to try again"),
    LOGIN_THROTTLED(429, "too many failed logins for this e-mail address, from wherever they came; Retry-After says "
            + "when to try again"),
    REQUEST_FAILED(400, "any other 4xx the server answered without a more specific code"),
    INTERNAL_ERROR(500, "an unexpected failure; the message carries an incident id for the operators"),
    SERVICE_UNAVAILABLE(503, "the database is unavailable or did not answer in time; nothing was changed, retry after "
            + "Retry-After"),
    OUTCOME_UNKNOWN(503, "the database failed while committing: the change may or may not have been made; retry with "
            + "the same Idempotency-Key (POST /orders), or read the resource before trying again");

    private final int status;
    private final String meaning;

    ErrorCode(int status, String meaning) {
        this.status = status;
        this.meaning = meaning;
    }

    public int status() {
        return status;
    }

    public String meaning() {
        return meaning;
    }
}
