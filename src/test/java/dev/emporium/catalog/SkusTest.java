package dev.emporium.catalog;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SkusTest {

    /** What ProductWrite accepts as a SKU. */
    private static final String VALID = "^[A-Za-z0-9][A-Za-z0-9._-]*$";

    @Test
    void aMadeUpSkuStartsWithTheNameAndIsAValidSku() {
        assertTrue(Skus.generate("Walnut lamp").matches("WALNUTLAMP-[0-9A-HJKMNP-TV-Z]{6}"));
        assertTrue(Skus.generate("Crème brûlée set, 4 pcs").startsWith("CREMEBRULEESET4P-"), "accents folded, cut at 16");
        assertTrue(Skus.generate("日本の茶碗").matches("SKU-[0-9A-Z]{6}"), "nothing Latin left: a neutral stem");
        assertTrue(Skus.generate(null).startsWith("SKU-"));
        for (String name : new String[] {"a", "--", "x".repeat(300), "Ünïcödé"}) {
            String sku = Skus.generate(name);
            assertTrue(sku.matches(VALID) && sku.length() <= 64, sku);
        }
    }

    /**
     * Six base-32 characters are 30 random bits: among 10,000 SKUs for one name a repeat turns up about one run in
     * twenty (the birthday bound), which ProductService tries again; more than a handful would mean a broken source.
     */
    @Test
    void skusForOneNameAlmostNeverRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            seen.add(Skus.generate("Lamp"));
        }
        assertTrue(seen.size() >= 9_995, seen.size() + " distinct of 10,000");
    }
}
