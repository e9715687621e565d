package dev.emporium.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.emporium.browser.ShopData.Category;
import dev.emporium.testing.Accounts;
import dev.emporium.testing.Accounts.Account;
import dev.emporium.testing.Deployments;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a first visit to the home page costs: its HTML, CSS and JavaScript, compressed as they travel (images and API
 * answers left out), must stay within 150 KB; and a second visit fetches none of them again, the versioned files
 * and the libraries being cached for good. The browser's own Resource Timing entries are the measure.
 */
@ExtendWith(ArquillianExtension.class)
class FirstVisitIT {

    private static final long BUDGET_BYTES = 150 * 1024;

    /** [url, bytes on the wire with headers, compressed body, body] of the page and of each script and style sheet. */
    private static final String CODE_ENTRIES = """
            const code = (e) => e.entryType === 'navigation' || /\\.(js|css)$/.test(new URL(e.name).pathname);
            return [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
                .filter(code).map((e) => [e.name, e.transferSize, e.encodedBodySize, e.decodedBodySize]);
            """;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @Test
    void theHomePageTravelsCompressedWithinItsBudgetAndIsCachedAfterwards() {
        Account admin = Accounts.admin();
        Category category = ShopData.category(admin, "Visit " + ShopData.word());
        ShopData.product(admin, category, "Visit lamp " + ShopData.word(), "19.90", 5);
        try (Browser browser = Browser.desktop(FirstVisitIT.class)) {
            new Storefront(browser).home();
            List<List<Object>> first = entries(browser);
            long wire = sum(first, 1);
            long compressed = sum(first, 2);
            long plain = sum(first, 3);
            System.out.printf("FirstVisitIT: home page, first visit: %d files of HTML, CSS and JavaScript, %.1f KB on the"
                    + " wire with headers (%.1f KB compressed bodies, %.1f KB uncompressed); budget %d KB%n",
                    first.size(), wire / 1024.0, compressed / 1024.0, plain / 1024.0, BUDGET_BYTES / 1024);
            assertTrue(first.size() > 10, "the page, its modules and Lit: " + first);
            assertTrue(wire <= BUDGET_BYTES, wire + " bytes: " + first);
            assertTrue(compressed < plain * 0.6, "compressed: " + compressed + " of " + plain + " bytes");

            // A later visit (a new page load, not a reload): only the page itself travels again.
            new Storefront(browser).home();
            List<List<Object>> again = entries(browser).stream().filter(e -> ((Number) e.get(1)).longValue() > 0).toList();
            assertEquals(List.of(), again.stream().filter(e -> !String.valueOf(e.get(0)).endsWith("/")).toList(),
                    "nothing but the page travels again");
        }
    }

    @SuppressWarnings("unchecked")
    private static List<List<Object>> entries(Browser browser) {
        return (List<List<Object>>) browser.script(CODE_ENTRIES);
    }

    private static long sum(List<List<Object>> entries, int column) {
        return entries.stream().mapToLong(e -> ((Number) e.get(column)).longValue()).sum();
    }
}
