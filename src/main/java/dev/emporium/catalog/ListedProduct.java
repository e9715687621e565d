package dev.emporium.catalog;

/** A listed product as the API shows it, with the version its ETag names. */
public record ListedProduct(ProductView view, long version) {

    static ListedProduct of(Product product) {
        return new ListedProduct(ProductView.of(product), product.getVersion());
    }
}
