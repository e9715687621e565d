package dev.emporium.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.emporium.browser.ShopData.Category;
import dev.emporium.browser.ShopData.Product;
import dev.emporium.testing.Accounts;
import dev.emporium.testing.Accounts.Account;
import dev.emporium.testing.Api;
import dev.emporium.testing.Deployments;
import dev.emporium.testing.Mailbox;
import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * A shopper's whole journey on a desktop: browse, filter, search, put two products in the cart, register during the
 * checkout (the cart stays), place the order, watch the order page reach processing without a reload, and receive
 * the confirmation mail.
 */
@ExtendWith(ArquillianExtension.class)
class ShopperJourneyIT {

    private static final Duration PROCESSING = Duration.ofSeconds(30);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @Test
    void browseFilterSearchRegisterAtCheckoutAndFollowTheOrder() {
        Account admin = Accounts.admin();
        String word = ShopData.word();
        Category lamps = ShopData.category(admin, "Lamps " + word);
        Product lantern = ShopData.product(admin, lamps, "Brass lantern " + word, "24.00", 10);
        Product kettle = ShopData.product(admin, lamps, "Copper kettle " + word, "39.50", 10);
        Product soldOut = ShopData.product(admin, lamps, "Tin candle holder " + word, "9.90", 0);

        try (Browser browser = Browser.desktop(ShopperJourneyIT.class)) {
            Storefront shop = new Storefront(browser);

            // Browse: the home page lists the category; the catalog filters by it and by stock.
            shop.home();
            browser.clickWhenReady(By.cssSelector("a[href='/catalog?category=" + lamps.slug() + "']"));
            browser.page("catalog", "catalog-category");
            assertEquals("/catalog?category=" + lamps.slug(), browser.path());
            browser.awaitText(soldOut.name());
            assertEquals(3, productCards(browser).size(), "the category's three products");
            browser.clickWhenReady(By.id("filter-in-stock"));
            browser.until(d -> browser.path().contains("in_stock=true") ? true : null);
            browser.until(d -> productCards(browser).size() == 2 ? true : null);
            assertFalse(browser.bodyText().contains(soldOut.name()), "in stock only leaves out the sold-out product");
            new Select(browser.find(By.id("filter-sort"))).selectByValue("-price");
            browser.until(d -> browser.path().contains("sort=-price") ? true : null);
            browser.until(d -> productCards(browser).size() == 2 && productCards(browser).get(0).getText().contains(kettle.name()) ? true : null);
            browser.check("catalog-in-stock-by-price");

            // Search: ranked results for the made-up word, then an empty state that helps.
            shop.search("lantern " + word);
            browser.check("search-results");
            assertTrue(productCards(browser).get(0).getText().contains(lantern.name()), "the best match comes first");
            shop.search("zzqx" + word);
            browser.awaitText("Nothing matches");
            browser.check("search-empty");

            // Two products into the cart.
            shop.search(word);
            shop.openProduct(lantern.name());
            browser.check("product-lantern");
            shop.addToCart(2);
            browser.back();
            browser.view("search");
            shop.openProduct(kettle.name());
            shop.addToCart(1);
            assertEquals(3, shop.cartCount());
            browser.follow("View cart");
            browser.page("cart", "cart");
            assertTrue(browser.bodyText().contains("€87.50"), "the total at current prices: 2 × 24.00 + 39.50");

            // Checkout: register inline; the cart is still there afterwards.
            browser.follow("Proceed to checkout");
            browser.page("checkout", "checkout-signed-out");
            browser.click("I am new here");
            String username = "shopper" + word;
            String email = username + "@example.com";
            browser.find(By.id("checkout-register-username")).sendKeys(username);
            browser.find(By.id("checkout-register-email")).sendKeys(email);
            browser.find(By.id("checkout-register-password")).sendKeys(Accounts.PASSWORD);
            browser.screenshot("checkout-register-filled");
            browser.clickWhenReady(By.cssSelector("form[aria-label='Register'] button[type='submit']"));
            shop.awaitSignedIn();
            browser.field("shipping_address");
            assertEquals(3, shop.cartCount(), "registering kept the cart");
            shop.fillShippingAndPayment("Ada Shopper\n1 Main Street\n1000 Springfield", "tok_visa");
            browser.check("checkout-ready");

            // Place the order and follow it on its page, in the same document (no reload).
            shop.markDocument();
            String orderId = shop.placeOrder();
            shop.awaitShownStatus("processing", PROCESSING);
            assertTrue(shop.sameDocument(), "the order page reached processing without a reload");
            List<String> seen = shop.statusesSeen();
            assertTrue(seen.equals(List.of("processing")) || seen.equals(List.of("pending", "processing")),
                    "the page showed the order's statuses in order: " + seen);
            shop.awaitFollowingLive();
            browser.check("order-processing");
            assertEquals(0, shop.cartCount(), "the cart is empty after the order");

            // The order as the API sees it, and the mail.
            JsonObject order = Api.newClient().get("/orders/" + orderId, admin.accessToken()).json();
            assertEquals("87.50", order.getJsonNumber("total_amount").bigDecimalValue().setScale(2).toPlainString());
            assertEquals(2, order.getJsonArray("items").size());
            MimeMessage mail = Mailbox.await(email, "confirmed", PROCESSING);
            assertTrue(Mailbox.text(mail).contains(orderId.substring(0, 8)) || Mailbox.text(mail).contains(orderId),
                    "the mail names the order: " + Mailbox.text(mail));

            // The order is in the shopper's list too.
            browser.follow("All my orders");
            browser.page("orders", "my-orders");
            browser.find(By.cssSelector("[data-order-id='" + orderId + "']"));
        }
    }

    private static List<WebElement> productCards(Browser browser) {
        return browser.all(By.cssSelector(".product-card"));
    }
}
