package dev.emporium.catalog;

import dev.emporium.platform.error.InvalidInput;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.UUID;

/**
 * PATCH /products/{id} as a JSON merge patch: the fields present replace the product's, the others stay. The result
 * is checked exactly like a PUT body.
 */
final class ProductPatch {

    private ProductPatch() {
    }

    /** Fields a product does not have are ignored, as in every other body (docs/errors.md). */
    static ProductWrite merge(Product current, JsonObject patch) {
        boolean categoryGiven = patch.containsKey("category_id") || patch.containsKey("category");
        return new ProductWrite(
                text(patch, "name", current.getName()),
                text(patch, "description", current.getDescription()),
                patch.containsKey("price") ? number(patch, "price").bigDecimalValue() : current.getPrice(),
                patch.containsKey("stock") ? integer(patch, "stock") : current.getStock(),
                categoryGiven ? uuid(patch, "category_id") : current.getCategory().getId(),
                categoryGiven ? text(patch, "category", null) : null,
                text(patch, "sku", current.getSku()),
                text(patch, "currency", current.getCurrency()),
                text(patch, "image_url", current.getImageUrl()));
    }

    private static String text(JsonObject patch, String field, String current) {
        if (!patch.containsKey(field)) {
            return current;
        }
        JsonValue value = patch.get(field);
        if (value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (!(value instanceof JsonString string)) {
            throw new InvalidInput(field, "must be a string");
        }
        return string.getString();
    }

    private static JsonNumber number(JsonObject patch, String field) {
        if (!(patch.get(field) instanceof JsonNumber number)) {
            throw new InvalidInput(field, "must be a number");
        }
        return number;
    }

    private static Integer integer(JsonObject patch, String field) {
        JsonNumber number = number(patch, field);
        if (!number.isIntegral()) {
            throw new InvalidInput(field, "must be a whole number");
        }
        try {
            return number.intValueExact();
        } catch (ArithmeticException e) {
            throw new InvalidInput(field, "is out of range");
        }
    }

    private static UUID uuid(JsonObject patch, String field) {
        String text = text(patch, field, null);
        if (text == null) {
            return null;
        }
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(field, "must be a UUID");
        }
    }

}
