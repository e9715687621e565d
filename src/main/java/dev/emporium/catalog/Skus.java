package dev.emporium.catalog;

import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Locale;

/**
 * SKUs made up for products created without one: up to 16 letters and digits of the name, then six random
 * characters ("WALNUTLAMP-7QK2MX"), so that a person can still tell what it is and two products never share one.
 */
final class Skus {

    /** Crockford's base 32: no I, L, O or U, which read as digits or words. */
    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final int RANDOM_LENGTH = 6;
    private static final int NAME_LENGTH = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Skus() {
    }

    static String generate(String productName) {
        String ascii = Normalizer.normalize(productName == null ? "" : productName, Normalizer.Form.NFD)
                .replaceAll("[^A-Za-z0-9]", "").toUpperCase(Locale.ROOT);
        String stem = ascii.isEmpty() ? "SKU" : ascii.substring(0, Math.min(NAME_LENGTH, ascii.length()));
        StringBuilder sku = new StringBuilder(stem).append('-');
        for (int i = 0; i < RANDOM_LENGTH; i++) {
            sku.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return sku.toString();
    }
}
