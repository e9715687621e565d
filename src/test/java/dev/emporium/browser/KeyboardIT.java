package dev.emporium.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.emporium.browser.ShopData.Category;
import dev.emporium.browser.ShopData.Product;
import dev.emporium.testing.Accounts;
import dev.emporium.testing.Deployments;
import java.util.function.Predicate;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The storefront with the keyboard alone: Tab reaches the search box, the results, the product's quantity and its
 * button, and the cart; Enter does what a click does; and wherever the focus is, it can be seen.
 */
@ExtendWith(ArquillianExtension.class)
class KeyboardIT {

    /** More Tab presses than any page here needs to reach a control; past them the control is unreachable. */
    private static final int MAX_TABS = 60;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @Test
    void aShopperFindsAProductAndFillsTheCartWithTheKeyboardAlone() {
        String word = ShopData.word();
        Category category = ShopData.category(Accounts.admin(), "Keys " + word);
        Product product = ShopData.product(Accounts.admin(), category, "Keyboard lamp " + word, "24.00", 5);
        try (Browser browser = Browser.desktop(KeyboardIT.class)) {
            Storefront shop = new Storefront(browser);
            shop.home();

            tabTo(browser, "the search box", e -> "q".equals(e.getAttribute("name")));
            focused(browser).sendKeys("lamp " + word, Keys.ENTER);
            browser.until(d -> browser.path().startsWith("/search?") ? true : null);
            browser.page("search", "search-by-keyboard");

            tabTo(browser, "the product's link", e -> e.getTagName().equals("a") && e.getText().contains(product.name()));
            focused(browser).sendKeys(Keys.ENTER);
            browser.page("product", "product-by-keyboard");

            tabTo(browser, "the quantity", e -> "quantity".equals(e.getAttribute("name")));
            WebElement quantity = focused(browser);
            quantity.sendKeys(Keys.chord(Keys.CONTROL, "a"), "2");
            tabTo(browser, "Add to cart", e -> e.getTagName().equals("button") && e.getText().strip().equals("Add to cart"));
            focused(browser).sendKeys(Keys.ENTER);
            browser.awaitText("Added to your cart");
            assertEquals(2, shop.cartCount());

            tabTo(browser, "the cart link", e -> e.getTagName().equals("a") && "/cart".equals(e.getDomAttribute("href")));
            focused(browser).sendKeys(Keys.ENTER);
            browser.page("cart", "cart-by-keyboard");
            assertTrue(browser.bodyText().contains(product.name()));
        }
    }

    /** Presses Tab until the focused element is the one wanted, checking on the way that focus is always visible. */
    private static void tabTo(Browser browser, String what, Predicate<WebElement> wanted) {
        for (int i = 0; i < MAX_TABS; i++) {
            new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
            WebElement element = focused(browser);
            assertTrue(focusVisible(browser), "no visible focus on " + describe(element) + " on the way to " + what);
            if (wanted.test(element)) {
                return;
            }
        }
        throw new AssertionError(what + " is not reachable with " + MAX_TABS + " presses of Tab");
    }

    private static WebElement focused(Browser browser) {
        return browser.driver().switchTo().activeElement();
    }

    /**
     * An outline on the focused element, or on the product card around it (a card draws the ring for its link); the
     * document itself (focus gone to the browser between two rounds of Tab) needs none.
     */
    private static boolean focusVisible(Browser browser) {
        return Boolean.TRUE.equals(browser.script("""
                const el = document.activeElement;
                if (!el || el === document.body) return true;
                const ring = (e) => { const s = getComputedStyle(e);
                    return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0; };
                const card = el.closest('.product-card');
                return ring(el) || (card !== null && ring(card));"""));
    }

    private static String describe(WebElement element) {
        String html = element.getAttribute("outerHTML");
        return element.getTagName() + " '" + element.getText().strip() + "' " + html.substring(0, Math.min(120, html.length()));
    }
}
