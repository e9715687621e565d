package dev.emporium.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.emporium.browser.ShopData.Category;
import dev.emporium.browser.ShopData.Product;
import dev.emporium.testing.Accounts;
import dev.emporium.testing.Accounts.Account;
import dev.emporium.testing.Api;
import dev.emporium.testing.Deployments;
import dev.emporium.testing.Orders;
import jakarta.json.JsonObject;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The checkout's hard cases in a real browser: a double click on "Place order" places one order, the last unit
 * bought by someone else meanwhile is refused as out of stock (with what to do next), and a declined card ends as
 * payment_failed on the order page.
 */
@ExtendWith(ArquillianExtension.class)
class CheckoutIT {

    private static final Duration PROCESSING = Duration.ofSeconds(30);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    private Account admin;
    private Category category;
    private Account shopper;

    @BeforeEach
    void setUp() {
        admin = Accounts.admin();
        category = ShopData.category(admin, "Checkout " + ShopData.word());
        shopper = Accounts.newCustomer();
    }

    /** Signs the shopper in, puts the product in the cart and opens the checkout. */
    private Storefront atCheckoutWith(Browser browser, Product product, int quantity) {
        Storefront shop = new Storefront(browser);
        shop.signIn(shopper.email(), Accounts.PASSWORD);
        browser.go("/products/" + product.id());
        browser.page("product", "product");
        shop.addToCart(quantity);
        shop.checkout();
        return shop;
    }

    @Test
    void aDoubleClickOnPlaceOrderPlacesOneOrder() {
        Product product = ShopData.product(admin, category, "Double click mug " + ShopData.word(), "12.00", 10);
        try (Browser browser = Browser.desktop(CheckoutIT.class)) {
            Storefront shop = atCheckoutWith(browser, product, 2);
            shop.fillShippingAndPayment("2 Double Street, Springfield", "tok_visa");
            browser.check("double-click-checkout");

            WebElement place = browser.button("Place order");
            browser.doubleClick(place);
            String orderId = shop.awaitOrderPage();
            browser.check("double-click-order");

            JsonObject orders = Api.newClient().get("/orders?user_id=" + shopper.id(), admin.accessToken()).json();
            assertEquals(1, orders.getInt("total"), "one order for the double click: " + orders);
            assertEquals(orderId, orders.getJsonArray("data").getJsonObject(0).getString("id"));
            assertEquals(8, ShopData.stock(product.id()), "the stock was taken once");
        }
    }

    @Test
    void theLastUnitBoughtMeanwhileIsShownAsOutOfStock() {
        Product product = ShopData.product(admin, category, "Last unit vase " + ShopData.word(), "30.00", 1);
        try (Browser browser = Browser.desktop(CheckoutIT.class)) {
            Storefront shop = atCheckoutWith(browser, product, 1);
            shop.fillShippingAndPayment("3 Late Lane, Springfield", "tok_visa");

            // Someone else buys the last unit through the API while the shopper is at the checkout.
            Account other = Accounts.newCustomer();
            Orders.place(Api.newClient(), other, product.id());

            // The refusal is the point of this test: the browser logs the API's 409 as a failed load.
            browser.tolerateConsole("/api/v1/orders - Failed to load resource: the server responded with a status of 409");
            browser.click("Place order");
            WebElement failure = browser.find(By.cssSelector(".checkout-failure[role='alert']"));
            browser.until(d -> failure.getText().contains("Someone bought the last units") ? true : null);
            assertTrue(failure.getText().toLowerCase().contains("stock"), "the API's out-of-stock message: " + failure.getText());
            browser.find(By.cssSelector("a[href='/cart']"));
            browser.check("out-of-stock-refused");

            JsonObject orders = Api.newClient().get("/orders?user_id=" + shopper.id(), admin.accessToken()).json();
            assertEquals(0, orders.getInt("total"), "no order for the shopper: " + orders);

            // What to do next: the cart says the line is out of stock now.
            browser.follow("Change the quantity or remove the product in your cart");
            browser.view("cart");
            browser.awaitText("Out of stock now");
            browser.check("cart-out-of-stock");
        }
    }

    @Test
    void aDeclinedCardEndsAsPaymentFailed() {
        Product product = ShopData.product(admin, category, "Declined lamp " + ShopData.word(), "45.00", 4);
        try (Browser browser = Browser.desktop(CheckoutIT.class)) {
            Storefront shop = atCheckoutWith(browser, product, 1);
            shop.fillShippingAndPayment("4 Broke Boulevard, Springfield", "tok_declined");
            browser.check("declined-checkout");
            shop.placeOrder();
            shop.awaitShownStatus("payment_failed", PROCESSING);
            browser.awaitText("Your payment was declined");
            browser.check("declined-order");
            assertEquals(4, ShopData.stock(product.id()), "the reserved unit went back on sale");
        }
    }
}
