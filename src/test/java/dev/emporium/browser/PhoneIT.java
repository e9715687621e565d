package dev.emporium.browser;

import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.emporium.browser.ShopData.Category;
import dev.emporium.browser.ShopData.Product;
import dev.emporium.testing.Accounts;
import dev.emporium.testing.Accounts.Account;
import dev.emporium.testing.Deployments;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A phone, 375 CSS pixels wide: the main pages fit the screen (nothing scrolls sideways) and the journey's key steps
 * work there: search, add to the cart, sign in, place the order and see it processing; and the console too.
 */
@ExtendWith(ArquillianExtension.class)
class PhoneIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @Test
    void theShopFitsAPhoneAndItsJourneyWorksThere() {
        Account admin = Accounts.admin();
        Account customer = Accounts.newCustomer();
        String word = ShopData.word();
        Category category = ShopData.category(admin, "Pocket " + word);
        // Names come from people: one long unbroken word (as the fuzz test leaves behind) must wrap, not widen the page.
        ShopData.category(admin, "Unbroken" + word.repeat(8));
        Product product = ShopData.product(admin, category,
                "Extraordinarily long-named waterproof pocket notebook with elastic closure " + word, "8.75", 9);

        try (Browser phone = Browser.phone(PhoneIT.class)) {
            Storefront shop = new Storefront(phone);
            shop.home();
            assertFits(phone, "home");
            phone.go("/catalog?category=" + category.slug());
            phone.page("catalog", "catalog");
            assertFits(phone, "catalog");

            shop.search("notebook " + word);
            phone.check("search");
            assertFits(phone, "search");
            shop.openProduct(product.name());
            phone.check("product");
            assertFits(phone, "product");
            shop.addToCart(2);
            phone.go("/cart");
            phone.page("cart", "cart");
            assertFits(phone, "cart");

            shop.signIn(customer.email(), Accounts.PASSWORD);
            assertFits(phone, "signin");
            shop.checkout();
            phone.check("checkout");
            assertFits(phone, "checkout");
            shop.fillShippingAndPayment("7 Small Street, Springfield", "tok_visa");
            String orderId = shop.placeOrder();
            shop.awaitShownStatus("processing", Duration.ofSeconds(30));
            phone.check("order");
            assertFits(phone, "order");
            phone.go("/orders");
            phone.page("orders", "orders");
            assertFits(phone, "orders");
            phone.go("/account");
            phone.page("account", "account");
            assertFits(phone, "account");

            try (Browser staffPhone = Browser.phone(PhoneIT.class)) {
                new Console(staffPhone).signIn(Accounts.ADMIN_EMAIL, Accounts.ADMIN_PASSWORD);
                assertFits(staffPhone, "admin-products");
                for (String[] page : new String[][] {{"/admin/products/" + product.id(), "admin-product"},
                        {"/admin/categories", "admin-categories"}, {"/admin/orders", "admin-orders"},
                        {"/admin/orders/" + orderId, "admin-order"}, {"/admin/users", "admin-users"}}) {
                    staffPhone.go(page[0]);
                    staffPhone.page(page[1], page[1]);
                    assertFits(staffPhone, page[1]);
                }
            }
        }
    }

    private static void assertFits(Browser phone, String page) {
        assertFalse(phone.scrollsSideways(), "the " + page + " page scrolls sideways on a phone: "
                + phone.script("return document.documentElement.scrollWidth") + " px wide for a "
                + phone.script("return document.documentElement.clientWidth") + " px screen");
    }
}
