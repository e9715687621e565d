package dev.emporium.catalog;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.UUID;

/**
 * Body of POST and PUT /products (PUT replaces the product). The category is named by id (category_id), or by slug
 * or name (category); one of the two is required. Without a sku, POST makes one up and PUT keeps the product's;
 * without a currency, POST takes the store's (EMPORIUM_STORE_CURRENCY) and PUT keeps the product's.
 */
public record ProductWrite(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 10000) String description,
        @NotNull @DecimalMin("0.00") @Digits(integer = 10, fraction = 2) BigDecimal price,
        @NotNull @Min(0) @Max(1_000_000_000) Integer stock,
        UUID categoryId,
        @Size(max = 120) String category,
        @Size(min = 1, max = 64) @Pattern(regexp = "^[A-Za-z0-9][A-Za-z0-9._-]*$",
                message = "letters, digits, '.', '_' and '-'") String sku,
        @Pattern(regexp = "^[A-Z]{3}$", message = "must be an ISO 4217 code such as EUR") String currency,
        @Size(max = 2048) @Pattern(regexp = "^(https?://\\S+|/(?![/\\\\])\\S*)$",
                message = "must be an http(s) URL or a path on this site") String imageUrl) {
}
