package dev.emporium.web;

import dev.emporium.web.ApiError.FieldIssue;
import java.math.BigDecimal;
import java.util.List;

/**
 * Numbers from the query string, parsed here rather than by JAX-RS, which answers an unparsable query parameter
 * with 404. Here it is a 400 naming the parameter.
 */
public final class QueryParams {

    private QueryParams() {
    }

    public static int integer(String name, String value, int defaultValue, int min, int max) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed < min || parsed > max) {
                throw invalid(name, "must be between " + min + " and " + max);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw invalid(name, "must be a whole number");
        }
    }

    /** A non-negative decimal, or null when absent. */
    public static BigDecimal amount(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            BigDecimal parsed = new BigDecimal(value.strip());
            if (parsed.signum() < 0) {
                throw invalid(name, "must not be negative");
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw invalid(name, "must be a number");
        }
    }

    public static boolean flag(String name, String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.strip()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw invalid(name, "must be true or false");
        };
    }

    private static ApiException invalid(String name, String issue) {
        return ApiException.badRequest("VALIDATION_FAILED", "The request is not valid", List.of(new FieldIssue(name, issue)));
    }
}
