package dev.emporium.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class LocationsTest {

    private static Locations with(String publicUrl) {
        Locations locations = new Locations();
        locations.publicUrl = Optional.ofNullable(publicUrl);
        return locations;
    }

    @Test
    void withoutAPublicUrlTheLocationIsAReferenceOnThisHost() {
        assertEquals("/api/v1/orders/42", with(null).of("/orders/42"));
        assertEquals("/api/v1/orders/42", with("  ").of("/orders/42"));
    }

    @Test
    void aConfiguredPublicUrlMakesItAbsoluteOnThatOrigin() {
        assertEquals("https://shop.example.com/api/v1/orders/42", with("https://shop.example.com").of("/orders/42"));
        assertEquals("https://shop.example.com/api/v1/orders/42", with("https://shop.example.com/").of("/orders/42"));
    }
}
