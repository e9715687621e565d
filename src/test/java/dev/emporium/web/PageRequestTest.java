package dev.emporium.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.emporium.platform.error.InvalidInput;
import java.util.List;
import org.junit.jupiter.api.Test;

class PageRequestTest {

    @Test
    void aPageOrAnOffsetAsksForTheSameRows() {
        assertEquals(new PageRequest(0, 10), PageRequest.of(null, null, null, 10, 100));
        assertEquals(new PageRequest(40, 20), PageRequest.of("3", null, "20", 10, 100));
        assertEquals(new PageRequest(40, 20), PageRequest.of(null, "40", "20", 10, 100));
        assertEquals(3, PageRequest.of(null, "40", "20", 10, 100).page());
        assertEquals(2, PageRequest.of(null, "25", "20", 10, 100).page(), "the page the slice starts in");
    }

    @Test
    void theOffsetWinsWhenBothAreGiven() {
        assertEquals(new PageRequest(7, 10), PageRequest.of("5", "7", null, 10, 100));
    }

    @Test
    void eitherOutOfRangeIsRefusedNamingIt() {
        for (List<String> bad : List.of(List.of("0", ""), List.of("", "-1"), List.of("x", ""), List.of("", "1e3"),
                List.of("1000001", ""), List.of("2", "-5"))) {
            InvalidInput refused = assertThrows(InvalidInput.class,
                    () -> PageRequest.of(bad.get(0), bad.get(1), null, 10, 100), bad.toString());
            String field = refused.details().get(0).field();
            assertEquals(bad.get(0).isEmpty() || bad.get(0).equals("2") ? "offset" : "page", field, bad.toString());
        }
        assertEquals("limit", assertThrows(InvalidInput.class, () -> PageRequest.of(null, null, "101", 10, 100))
                .details().get(0).field());
    }

    @Test
    void anEnvelopeSaysWhichSliceItIs() {
        Page<String> page = PageRequest.of(null, "4", "2", 10, 100).of(List.of("e", "f"), 9);
        assertEquals(new Page<>(List.of("e", "f"), 9, 3, 2, 4), page);
    }
}
