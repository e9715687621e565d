package dev.emporium.catalog;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The header rules the response cache applies itself: If-None-Match (RFC 9110 13.1.2) and Accept-Encoding. */
class CatalogResponseCacheTest {

    @Test
    void ifNoneMatchComparesWeaklyAndTakesAnyTagOfAList() {
        assertTrue(CatalogResponseCache.matches("\"3\"", "\"3\""));
        assertTrue(CatalogResponseCache.matches("W/\"3\"", "\"3\""));
        assertTrue(CatalogResponseCache.matches("\"1\", \"3\"", "\"3\""));
        assertTrue(CatalogResponseCache.matches("*", "\"3\""));
        assertFalse(CatalogResponseCache.matches("\"4\"", "\"3\""));
        assertFalse(CatalogResponseCache.matches("\"33\"", "\"3\""));
        assertFalse(CatalogResponseCache.matches("3", "\"3\""));
        assertFalse(CatalogResponseCache.matches(null, "\"3\""));
    }

    @Test
    void gzipIsSentOnlyToClientsThatTakeIt() {
        assertTrue(CatalogResponseCache.acceptsGzip("gzip"));
        assertTrue(CatalogResponseCache.acceptsGzip("deflate, gzip;q=0.8, br"));
        assertTrue(CatalogResponseCache.acceptsGzip("GZIP"));
        assertTrue(CatalogResponseCache.acceptsGzip("*"));
        assertFalse(CatalogResponseCache.acceptsGzip("gzip;q=0"));
        assertFalse(CatalogResponseCache.acceptsGzip("gzip; q=0.000"));
        assertFalse(CatalogResponseCache.acceptsGzip("br, deflate"));
        assertFalse(CatalogResponseCache.acceptsGzip("identity"));
        assertFalse(CatalogResponseCache.acceptsGzip(null));
    }
}
