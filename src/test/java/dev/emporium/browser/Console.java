package dev.emporium.browser;

import org.openqa.selenium.By;

/** The admin console as the store's staff use it: the steps several tests share. */
final class Console {

    private final Browser browser;

    Console(Browser browser) {
        this.browser = browser;
    }

    /** Opens /admin/, signs in on the console's own form and waits for the products list. */
    void signIn(String email, String password) {
        browser.go("/admin/");
        browser.page("admin-signin", "admin-signin");
        browser.find(By.id("signin-email")).sendKeys(email);
        browser.find(By.id("signin-password")).sendKeys(password);
        browser.click("Sign in");
        browser.page("admin-products", "admin-products");
    }

    /** The notice (role=status) a view shows after a change, once it says the text. */
    void awaitNotice(String text) {
        browser.until(d -> browser.all(By.cssSelector(".admin-notice[role='status']")).stream()
                .anyMatch(notice -> notice.getText().contains(text)) ? true : null);
    }
}
