package dev.emporium.web.request;

import dev.emporium.platform.error.InvalidInput;
import java.math.BigDecimal;

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
                throw new InvalidInput(name, "must be between " + min + " and " + max);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new InvalidInput(name, "must be a whole number");
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
                throw new InvalidInput(name, "must not be negative");
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new InvalidInput(name, "must be a number");
        }
    }

    public static boolean flag(String name, String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.strip()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidInput(name, "must be true or false");
        };
    }

}
