package dev.emporium.order;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/** Body of POST /orders. */
public record PlaceOrderRequest(
        @NotNull @Size(min = 1, max = 50) List<@Valid @NotNull Line> items,
        @NotBlank @Size(max = 1000) String shippingAddress,
        @Size(max = 100) @Pattern(regexp = "^tok_[A-Za-z0-9_]+$", message = "must be a payment token (tok_...)")
        String paymentToken) {

    /** The token used when none is given: the simulated gateway approves it. */
    public static final String DEFAULT_TOKEN = "tok_visa";

    public PlaceOrderRequest {
        paymentToken = paymentToken == null ? DEFAULT_TOKEN : paymentToken;
    }

    /** One line: a product and how many. */
    public record Line(@NotNull UUID productId, @NotNull @Min(1) @Max(1000) Integer quantity) {
    }
}
