package dev.emporium.browser;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The storefront as a shopper uses it: the steps several tests share (search, add to cart, sign in, check out),
 * each ending when the page shows its outcome. Every page a step reaches is checked (see {@link Browser#page}).
 */
final class Storefront {

    private static final Pattern ORDER_PATH = Pattern.compile("/orders/([0-9a-f-]{36})");

    private final Browser browser;

    Storefront(Browser browser) {
        this.browser = browser;
    }

    Browser browser() {
        return browser;
    }

    void home() {
        browser.go("/");
        browser.page("home", "home");
    }

    /** Types the words into the header's search box and waits for the results. */
    void search(String words) {
        WebElement box = browser.field("q");
        box.clear();
        box.sendKeys(words, Keys.ENTER);
        browser.until(d -> browser.path().startsWith("/search?") ? true : null);
        browser.view("search");
        browser.until(d -> d.findElements(By.cssSelector("[data-view='search'] .result-count")).isEmpty() ? null : true);
    }

    /** Opens a product by following its link (from a list the page shows). */
    void openProduct(String name) {
        browser.follow(name);
        browser.view("product");
        browser.until(d -> d.findElements(By.cssSelector("[data-view='product'] .product-detail")).isEmpty() ? null : true);
    }

    /** On a product page: sets the quantity and adds it to the cart. */
    void addToCart(int quantity) {
        browser.type("quantity", String.valueOf(quantity));
        browser.click("Add to cart");
        browser.awaitText("Added to your cart");
    }

    /** The header's cart count (what the badge shows). */
    int cartCount() {
        String count = browser.find(By.cssSelector(".cart-count")).getAttribute("data-cart-count");
        return Integer.parseInt(count);
    }

    /** Signs in on the sign-in page, and waits until the header shows the signed-in menu. */
    void signIn(String email, String password) {
        browser.go("/signin");
        browser.page("signin", "signin");
        fillSignIn("signin", email, password);
        awaitSignedIn();
    }

    void fillSignIn(String prefix, String email, String password) {
        browser.find(By.id(prefix + "-email")).sendKeys(email);
        browser.find(By.id(prefix + "-password")).sendKeys(password);
        browser.clickWhenReady(By.cssSelector("form[aria-label='Sign in'] button[type='submit']"));
    }

    void awaitSignedIn() {
        browser.button("Sign out");
    }

    boolean signedIn() {
        return !browser.all(Locate.button("Sign out")).isEmpty();
    }

    /** Goes to the checkout, which must show the shipping and payment form (the shopper being signed in). */
    void checkout() {
        browser.go("/checkout");
        browser.view("checkout");
        browser.field("shipping_address");
    }

    /** On the checkout: address and demo card (its payment token), not yet placed. */
    void fillShippingAndPayment(String address, String paymentToken) {
        WebElement field = browser.field("shipping_address");
        field.clear();
        field.sendKeys(address);
        browser.clickWhenReady(By.id("card-" + paymentToken));
    }

    /** Clicks "Place order" and returns the id of the order whose page the shopper lands on. */
    String placeOrder() {
        browser.click("Place order");
        return awaitOrderPage();
    }

    String awaitOrderPage() {
        String path = browser.until(Duration.ofSeconds(20),
                d -> ORDER_PATH.matcher(browser.path()).find() ? browser.path() : null,
                () -> "the order page after placing; the page says:\n" + browser.bodyText());
        browser.view("order");
        browser.find(By.id("order-status"));
        Matcher matcher = ORDER_PATH.matcher(path);
        matcher.find();
        return matcher.group(1);
    }

    /** The status the open order page shows now (its data-status). */
    String shownStatus() {
        return browser.find(By.id("order-status")).getAttribute("data-status");
    }

    /** Waits, without reloading, until the open order page shows the status. */
    void awaitShownStatus(String status, Duration wait) {
        browser.until(wait, d -> status.equals(shownStatus()) ? true : null,
                () -> "the order page to show " + status + " (it shows " + shownStatus() + ")");
    }

    /**
     * Marks the current document, so that a test can tell later that the page was not reloaded (a reload makes a
     * new document without the mark).
     */
    void markDocument() {
        browser.script("""
                window.__emporiumTestMark = 'still here';
                window.__statusesSeen = [];
                new MutationObserver(() => {
                  const status = document.querySelector('#order-status')?.dataset.status;
                  if (status && window.__statusesSeen.at(-1) !== status) window.__statusesSeen.push(status);
                }).observe(document.body, {subtree: true, childList: true, attributes: true, attributeFilter: ['data-status']});
                """);
    }

    /** The statuses the order page showed since {@link #markDocument()}, in order. */
    @SuppressWarnings("unchecked")
    List<String> statusesSeen() {
        return (List<String>) browser.script("return window.__statusesSeen || []");
    }

    /** Waits until the order page follows the order through the server-sent events stream (not by polling). */
    void awaitFollowingLive() {
        browser.find(By.cssSelector(".live-indicator.live-stream"));
    }

    boolean sameDocument() {
        return "still here".equals(browser.script("return window.__emporiumTestMark"));
    }
}
