package dev.emporium.catalog;

import dev.emporium.platform.error.DomainException;
import dev.emporium.platform.error.ErrorCode;
import dev.emporium.platform.error.FieldIssue;
import java.util.List;
import java.util.UUID;

/** A product has fewer items in stock than asked for; the details name the product. */
public class OutOfStock extends DomainException {

    public OutOfStock(UUID productId, String productName) {
        super(ErrorCode.OUT_OF_STOCK, "Not enough stock of " + productName, List.of(new FieldIssue("items", productId.toString())));
    }
}
