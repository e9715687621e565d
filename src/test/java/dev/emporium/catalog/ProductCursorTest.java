package dev.emporium.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.emporium.platform.error.InvalidInput;
import java.math.BigDecimal;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ProductCursorTest {

    private static final ProductFilter WALNUT = new ProductFilter(null, null, "walnut", new BigDecimal("10"), null, true, null);

    @Test
    void aCursorComesBackAsItWasHandedOut() {
        UUID id = UUID.randomUUID();
        float score = Math.nextUp(1.2345f);
        ProductCursor byScore = ProductCursor.afterScore(9_980, WALNUT, score, id);
        assertEquals(byScore, ProductCursor.parse(byScore.encode(), WALNUT));
        assertEquals(Float.floatToIntBits(score), Float.floatToIntBits(ProductCursor.parse(byScore.encode(), WALNUT).score()));

        ProductFilter byName = new ProductFilter("home", null, null, null, null, false, ProductSort.NAME);
        ProductCursor byKey = ProductCursor.afterKey(40, byName, "Lamp \"x\" ü\u0000", id);
        assertEquals(byKey, ProductCursor.parse(byKey.encode(), byName));

        ProductCursor atOffset = ProductCursor.atOffset(ProductCursor.Source.INDEX, 20, byName);
        assertEquals(atOffset, ProductCursor.parse(atOffset.encode(), byName));
    }

    @Test
    void theSameListingWrittenAnotherWayKeepsItsCursor() {
        ProductCursor cursor = ProductCursor.atOffset(ProductCursor.Source.INDEX, 20, WALNUT);
        ProductFilter same = new ProductFilter(null, null, " walnut ", new BigDecimal("10.00"), null, true, null);
        assertEquals(cursor, ProductCursor.parse(cursor.encode(), same));
    }

    @Test
    void aCursorOfAnotherListingIsRefused() {
        String cursor = ProductCursor.atOffset(ProductCursor.Source.INDEX, 20, WALNUT).encode();
        for (ProductFilter other : new ProductFilter[] {
                new ProductFilter(null, null, "oak", new BigDecimal("10"), null, true, null),
                new ProductFilter(null, null, "walnut", new BigDecimal("11"), null, true, null),
                new ProductFilter(null, null, "walnut", new BigDecimal("10"), BigDecimal.TEN, true, null),
                new ProductFilter(null, null, "walnut", new BigDecimal("10"), null, false, null),
                new ProductFilter(null, null, "walnut", new BigDecimal("10"), null, true, ProductSort.PRICE),
                new ProductFilter("home", null, "walnut", new BigDecimal("10"), null, true, null)}) {
            InvalidInput refused = assertThrows(InvalidInput.class, () -> ProductCursor.parse(cursor, other), other.toString());
            assertEquals("cursor", refused.details().get(0).field());
        }
    }

    @Test
    void whatIsNoCursorIsRefused() {
        for (String text : new String[] {"x", "not-a-cursor", "e30", "eyJ2IjoxfQ", "%%%", "bnVsbA"}) {
            assertThrows(InvalidInput.class, () -> ProductCursor.parse(text, WALNUT), text);
        }
        assertNull(ProductCursor.parse(null, WALNUT));
        assertNull(ProductCursor.parse(" ", WALNUT));
    }
}
