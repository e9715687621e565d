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
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The admin console in a real browser: a product made with an image is found by a shopper; an order shipped with a
 * tracking number shows as shipped, live, on the shopper's open order page; and a customer who types /admin/ gets
 * neither the console nor any of its data.
 */
@ExtendWith(ArquillianExtension.class)
class AdminConsoleIT {

    private static final Duration PROCESSING = Duration.ofSeconds(30);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    private Account admin;
    private Category category;

    @BeforeEach
    void setUp() {
        admin = Accounts.admin();
        category = ShopData.category(admin, "Console " + ShopData.word());
    }

    @Test
    void aProductCreatedWithAnImageIsFoundByAShopper() throws IOException {
        String word = ShopData.word();
        String name = "Glass teapot " + word;
        Path image = squarePng();
        try (Browser staff = Browser.desktop(AdminConsoleIT.class)) {
            Console console = new Console(staff);
            console.signIn(Accounts.ADMIN_EMAIL, Accounts.ADMIN_PASSWORD);

            staff.follow("New product");
            staff.page("admin-product", "admin-product-new");
            staff.type("name", name);
            staff.type("description", "A teapot of clear glass that shows the tea brewing.");
            staff.type("sku", "TEA-" + word.toUpperCase());
            staff.type("price", "32.50");
            staff.type("stock", "7");
            new Select(staff.field("category_id")).selectByValue(category.id());
            staff.click("Create product");
            console.awaitNotice("created");
            String productId = staff.path().replaceFirst("^/admin/products/", "");
            staff.check("admin-product-created");

            // The image: chosen (a preview before anything is sent), then uploaded.
            staff.find(By.id("image-file")).sendKeys(image.toAbsolutePath().toString());
            staff.find(By.cssSelector("img[data-role='image-preview']"));
            staff.check("admin-product-image-preview");
            staff.click("Upload image");
            console.awaitNotice("Image uploaded");
            WebElement current = staff.find(By.cssSelector("form[data-form='image'] img[alt^='Current image']"));
            awaitLoaded(staff, current, 64);
            staff.check("admin-product-image-uploaded");

            String imageUrl = Api.newClient().get("/products/" + productId, null).string("image_url");
            assertTrue(imageUrl.contains(productId), "the product has the uploaded image: " + imageUrl);

            try (Browser browser = Browser.desktop(AdminConsoleIT.class)) {
                Storefront shop = new Storefront(browser);
                shop.home();
                shop.search("teapot " + word);
                WebElement card = browser.find(By.cssSelector(".product-card[data-product-id='" + productId + "']"));
                WebElement picture = card.findElement(By.tagName("img"));
                assertEquals(imageUrl, java.net.URI.create(picture.getAttribute("src")).getPath());
                awaitLoaded(browser, picture, 64);
                browser.check("shopper-finds-new-product");
                shop.openProduct(name);
                browser.check("shopper-new-product");
                assertTrue(browser.bodyText().contains("€32.50"), browser.bodyText());
            }
        } finally {
            Files.deleteIfExists(image);
        }
    }

    @Test
    void anOrderShippedInTheConsoleShowsAsShippedOnTheShoppersOpenPage() {
        Product product = ShopData.product(admin, category, "Shipped clock " + ShopData.word(), "55.00", 3);
        Account customer = Accounts.newCustomer();
        Api api = Api.newClient();
        String orderId = Orders.place(api, customer, product.id());
        Orders.awaitStatus(api, customer.accessToken(), orderId, "processing", PROCESSING);
        String tracking = "TRK" + ShopData.word().toUpperCase();

        try (Browser browser = Browser.desktop(AdminConsoleIT.class);
             Browser staff = Browser.desktop(AdminConsoleIT.class)) {
            Storefront shop = new Storefront(browser);
            shop.signIn(customer.email(), Accounts.PASSWORD);
            browser.go("/orders/" + orderId);
            browser.page("order", "order-processing");
            shop.awaitShownStatus("processing", PROCESSING);
            shop.awaitFollowingLive();
            shop.markDocument();

            Console console = new Console(staff);
            console.signIn(Accounts.ADMIN_EMAIL, Accounts.ADMIN_PASSWORD);
            staff.follow("Orders");
            staff.page("admin-orders", "admin-orders");
            staff.clickWhenReady(By.cssSelector("a[href='/admin/orders/" + orderId + "']"));
            staff.page("admin-order", "admin-order-processing");
            staff.type("tracking_number", tracking);
            staff.click("Ship");
            console.awaitNotice("shipped");
            staff.check("admin-order-shipped");

            shop.awaitShownStatus("shipped", Duration.ofSeconds(20));
            browser.awaitText(tracking);
            assertTrue(shop.sameDocument(), "the shopper's page showed shipped without a reload");
            browser.check("order-shipped-live");
        }
    }

    @Test
    void aCustomerWhoTypesTheConsoleAddressGetsNoConsoleAndNoData() {
        Account customer = Accounts.newCustomer();
        try (Browser browser = Browser.desktop(AdminConsoleIT.class)) {
            Storefront shop = new Storefront(browser);
            shop.signIn(customer.email(), Accounts.PASSWORD);
            NetworkLog.responses(browser); // what the storefront loaded is not the question

            for (String path : List.of("/admin/", "/admin/users", "/admin/orders", "/admin/products/new")) {
                browser.go(path);
                browser.page("admin-forbidden", "forbidden" + path.replace('/', '-'));
                assertTrue(browser.all(By.cssSelector("nav[aria-label='Console sections']")).isEmpty(), "no console menu");
                assertTrue(browser.bodyText().contains(customer.email()), "says who is signed in");
            }

            // The console asked the API only for the session and the customer's own profile.
            Set<String> allowed = Set.of("/api/v1/auth/refresh", "/api/v1/users/me");
            List<NetworkLog.Response> answered = NetworkLog.responses(browser).stream()
                    .filter(r -> r.path().startsWith("/api/"))
                    .toList();
            assertTrue(answered.stream().allMatch(r -> allowed.contains(r.path())),
                    "the console made no other API call for a customer: " + answered);
            assertTrue(answered.stream().anyMatch(r -> r.path().equals("/api/v1/users/me") && r.ok()),
                    "it did check who is signed in: " + answered);
        }
    }

    /** Waits until the browser has loaded the picture (and it is the one the test made, by its width). */
    private static void awaitLoaded(Browser browser, WebElement picture, int width) {
        browser.until(d -> Boolean.TRUE.equals(browser.script(
                "return arguments[0].complete && arguments[0].naturalWidth === arguments[1]", picture, width)) ? true : null);
    }

    /** A 64×64 PNG of two colours, made here (no picture from anywhere). */
    private static Path squarePng() throws IOException {
        BufferedImage image = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0x2f6f4f));
        g.fillRect(0, 0, 64, 64);
        g.setColor(new Color(0xf2c14e));
        g.fillOval(12, 12, 40, 40);
        g.dispose();
        Path file = Files.createTempFile("teapot-", ".png");
        ImageIO.write(image, "png", file.toFile());
        return file;
    }
}
