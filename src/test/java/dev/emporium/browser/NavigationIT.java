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
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * Real URLs: every route of the storefront and of the console loads from its address (a deep link), survives a
 * reload, and the back button returns through them; client-side navigation keeps its state in the URL, so the back
 * button restores filters too.
 */
@ExtendWith(ArquillianExtension.class)
class NavigationIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    /** A route and the view it shows. */
    record Route(String path, String view) {
    }

    private Account admin;
    private Account customer;
    private String word;
    private Category category;
    private Product product;
    private String orderId;

    @BeforeEach
    void setUp() {
        admin = Accounts.admin();
        customer = Accounts.newCustomer();
        word = ShopData.word();
        category = ShopData.category(admin, "Routes " + word);
        product = ShopData.product(admin, category, "Route map " + word, "14.00", 20);
        ShopData.product(admin, category, "Route atlas " + word, "28.00", 0);
        orderId = Orders.place(Api.newClient(), customer, product.id());
    }

    @Test
    void everyStorefrontRouteLoadsFromItsAddressSurvivesAReloadAndGoesBack() {
        try (Browser browser = Browser.desktop(NavigationIT.class)) {
            Storefront shop = new Storefront(browser);
            shop.signIn(customer.email(), Accounts.PASSWORD);
            browser.go("/products/" + product.id());
            browser.view("product");
            shop.addToCart(1);

            reloadAndGoBack(browser, shop::awaitSignedIn, List.of(
                    new Route("/", "home"),
                    new Route("/catalog?category=" + category.slug() + "&sort=price", "catalog"),
                    new Route("/search?q=" + word, "search"),
                    new Route("/products/" + product.id(), "product"),
                    new Route("/cart", "cart"),
                    new Route("/checkout", "checkout"),
                    new Route("/orders", "orders"),
                    new Route("/orders/" + orderId, "order"),
                    new Route("/account", "account"),
                    new Route("/signin", "signin"),
                    new Route("/register", "register"),
                    new Route("/no-such-page", "not-found")));
        }
    }

    @Test
    void theCatalogsFiltersLiveInTheUrlSoTheBackButtonRestoresThem() {
        try (Browser browser = Browser.desktop(NavigationIT.class)) {
            Storefront shop = new Storefront(browser);
            shop.home();
            browser.follow("Catalog");
            browser.view("catalog");
            assertEquals("/catalog", browser.path());

            new Select(browser.find(By.id("filter-category"))).selectByValue(category.slug());
            String byCategory = "/catalog?category=" + category.slug();
            browser.until(d -> browser.path().equals(byCategory) ? true : null);
            browser.view("catalog");
            browser.clickWhenReady(By.id("filter-in-stock"));
            String inStock = byCategory + "&in_stock=true";
            browser.until(d -> browser.path().equals(inStock) ? true : null);
            browser.view("catalog");
            browser.check("catalog-filtered");

            shop.openProduct(product.name());
            browser.check("product-from-filtered-catalog");

            browser.back();
            awaitPath(browser, inStock, "catalog");
            assertTrue(browser.find(By.id("filter-in-stock")).isSelected(), "the in-stock filter is back");
            assertEquals(category.slug(), new Select(browser.find(By.id("filter-category"))).getFirstSelectedOption().getAttribute("value"));
            assertEquals(1, browser.all(By.cssSelector(".product-card")).size(), "the filtered list is back");
            browser.back();
            awaitPath(browser, byCategory, "catalog");
            browser.until(d -> browser.all(By.cssSelector(".product-card")).size() == 2 ? true : null);
            browser.back();
            awaitPath(browser, "/catalog", "catalog");
            browser.back();
            awaitPath(browser, "/", "home");
            browser.driver().navigate().forward();
            awaitPath(browser, "/catalog", "catalog");
            browser.check("catalog-after-forward");
        }
    }

    @Test
    void everyConsoleRouteLoadsFromItsAddressSurvivesAReloadAndGoesBack() {
        try (Browser browser = Browser.desktop(NavigationIT.class)) {
            new Console(browser).signIn(Accounts.ADMIN_EMAIL, Accounts.ADMIN_PASSWORD);

            reloadAndGoBack(browser, () -> browser.find(By.cssSelector("nav[aria-label='Console sections']")), List.of(
                    new Route("/admin/", "admin-products"),
                    new Route("/admin/products?search=" + word, "admin-products"),
                    new Route("/admin/products/new", "admin-product"),
                    new Route("/admin/products/" + product.id(), "admin-product"),
                    new Route("/admin/categories", "admin-categories"),
                    new Route("/admin/orders", "admin-orders"),
                    new Route("/admin/orders?attention=true", "admin-orders"),
                    new Route("/admin/orders/" + orderId, "admin-order"),
                    new Route("/admin/users", "admin-users"),
                    new Route("/admin/users?search=" + customer.username(), "admin-users"),
                    new Route("/admin/no-such-page", "admin-not-found")));

            // Client-side: the console's menu, then back through it.
            browser.go("/admin/products");
            browser.view("admin-products");
            for (String[] section : new String[][] {{"Categories", "/admin/categories", "admin-categories"},
                    {"Orders", "/admin/orders", "admin-orders"}, {"Users", "/admin/users", "admin-users"}}) {
                browser.clickWhenReady(By.xpath("//nav[@aria-label='Console sections']//a[normalize-space()='" + section[0] + "']"));
                awaitPath(browser, section[1], section[2]);
            }
            browser.back();
            awaitPath(browser, "/admin/orders", "admin-orders");
            browser.back();
            awaitPath(browser, "/admin/categories", "admin-categories");
            browser.back();
            awaitPath(browser, "/admin/products", "admin-products");
            browser.check("admin-back-through-menu");
        }
    }

    /**
     * Loads each route from its address and reloads it (both must show its view at the same URL, the user still
     * signed in), then walks back through all of them with the back button.
     */
    private static void reloadAndGoBack(Browser browser, Runnable awaitSignedIn, List<Route> routes) {
        for (Route route : routes) {
            String name = route.view() + route.path().replaceAll("[^A-Za-z0-9]+", "-");
            browser.go(route.path());
            browser.page(route.view(), name);
            awaitSignedIn.run();
            browser.reload();
            awaitPath(browser, route.path(), route.view());
            awaitSignedIn.run();
            browser.recheck(name + "-reloaded");
        }
        for (int i = routes.size() - 2; i >= 0; i--) {
            Route route = routes.get(i);
            browser.back();
            awaitPath(browser, route.path(), route.view());
            awaitSignedIn.run();
        }
        browser.recheck("back-at-the-start");
    }

    private static void awaitPath(Browser browser, String path, String view) {
        browser.until(d -> browser.path().equals(path) ? true : null);
        browser.view(view);
    }
}
