package dev.emporium.browser;

import dev.emporium.testing.Http;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium session (Debian's chromium and chromium-driver, installed by ci/chromium.sh) on the
 * integration tests' server, with the few ways the tests look for things: views by their data-view, controls by
 * their name, label or text. Every wait is an explicit WebDriverWait on a condition, never a sleep (only
 * {@link #freezeFor} lets time pass, on purpose).
 *
 * <p>Each session sends an X-Forwarded-For of its own (the test server trusts it from localhost, as it does for
 * {@link dev.emporium.testing.Api}), so that the per-address sign-in limit of one test does not spill into another.
 */
public final class Browser implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(15);
    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    /**
     * Selenium warns when Debian's Chromium is newer than its newest DevTools bindings; the tests send their few
     * DevTools commands through the driver (executeCdpCommand), which needs no bindings. Kept in a field: the
     * logging framework holds its loggers weakly, and a collected logger would forget the level.
     */
    private static final Logger CDP_VERSION_LOG = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    static {
        CDP_VERSION_LOG.setLevel(Level.SEVERE);
    }

    /** The two screens the tests use. */
    public enum Screen {
        DESKTOP, PHONE
    }

    private final ChromeDriver driver;
    private final Path profile;
    private final PageChecks checks;
    private final String address;

    private Browser(ChromeDriver driver, Path profile, PageChecks checks, String address) {
        this.driver = driver;
        this.profile = profile;
        this.checks = checks;
        this.address = address;
    }

    /** A desktop session (1280×900) whose pages are filed under the test class. */
    public static Browser desktop(Class<?> test) {
        return open(test, Screen.DESKTOP);
    }

    /** A phone session: 375×812 CSS pixels, touch and a mobile user agent (Chromium's mobile emulation). */
    public static Browser phone(Class<?> test) {
        return open(test, Screen.PHONE);
    }

    public static Browser open(Class<?> test, Screen screen) {
        Chromium.ensure();
        Path profile;
        try {
            profile = Files.createTempDirectory("emporium-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--lang=en-US");
        if (screen == Screen.PHONE) {
            options.addArguments("--window-size=375,812");
            options.setExperimentalOption("mobileEmulation", Map.of(
                    "deviceMetrics", Map.of("width", 375, "height", 812, "pixelRatio", 2.0, "mobile", true, "touch", true),
                    "userAgent", "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
                            + "Chrome/130.0 Mobile Safari/537.36"));
        } else {
            options.addArguments("--window-size=1280,900");
        }
        // The browser's console (errors, CSP violations, failed loads) and its network events, read after each page.
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String address = "203.0.113." + random.nextInt(1, 255);
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of("X-Forwarded-For", address)));
        return new Browser(driver, profile, new PageChecks(test, screen), address);
    }

    public WebDriver driver() {
        return driver;
    }

    /** The client address this session sends as X-Forwarded-For. */
    public String address() {
        return address;
    }

    /** Loads a path of the test server (e.g. "/catalog?page=2") as if typed into the address bar. */
    public void go(String path) {
        driver.get(Http.server(path).toString());
    }

    public String path() {
        Object path = script("return location.pathname + location.search");
        return String.valueOf(path);
    }

    /** Waits until the view with data-view=name is displayed, and returns its root. */
    public WebElement view(String name) {
        By selector = By.cssSelector("[data-view='" + name + "']");
        until(WAIT, d -> ExpectedConditions.visibilityOfElementLocated(selector).apply(d) != null
                        && Boolean.TRUE.equals(script(SETTLED, name)) ? true : null,
                () -> "the view " + name + " at " + driver.getCurrentUrl() + "; the page says:\n" + bodyText());
        return driver.findElement(selector);
    }

    /** Whether the view has loaded what it shows: not busy, no loading indicator (storefront or console). */
    private static final String SETTLED = """
            const root = document.querySelector(`[data-view='${arguments[0]}']`);
            if (!root || root.closest('[aria-busy="true"]') || root.querySelector('[aria-busy="true"], emp-loading')) {
              return false;
            }
            return ![...document.querySelectorAll('[role="status"]')].some((e) => /^Loading/.test(e.textContent.trim()));
            """;

    /** Waits for the view, then checks the page (screenshot, console, accessibility) under the name. */
    public WebElement page(String view, String name) {
        WebElement root = view(view);
        check(name);
        return root;
    }

    /** Screenshot, no console error since the last check, no serious or critical accessibility violation. */
    public void check(String name) {
        checks.check(driver, name);
    }

    /** For a page this session checked already, seen again (reload, back button): screenshot and console. */
    public void recheck(String name) {
        checks.recheck(driver, name);
    }

    /** Only the screenshot (for intermediate states whose console and accessibility the next check covers). */
    public void screenshot(String name) {
        checks.screenshot(driver, name);
    }

    /** Console messages that this test expects (e.g. a refused request it provokes): they pass the console check. */
    public void tolerateConsole(String regex) {
        checks.tolerate(regex);
    }

    /** The network events of the session so far (Chromium's performance log), consumed by this call. */
    public List<LogEntry> networkEvents() {
        return driver.manage().logs().get(LogType.PERFORMANCE).getAll();
    }

    public WebElement find(By by) {
        return until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    public List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    /** A form control by its name attribute (the API's field name). */
    public WebElement field(String name) {
        return find(By.cssSelector("[name='" + name + "']"));
    }

    /** Clears a control and types the text into it. */
    public void type(String name, String text) {
        WebElement field = field(name);
        field.clear();
        field.sendKeys(text);
    }

    /** A button whose visible text (or aria-label) is the text, ignoring case and surrounding space. */
    public WebElement button(String text) {
        return until(ExpectedConditions.elementToBeClickable(Locate.button(text)));
    }

    public void click(String buttonText) {
        clickWhenReady(Locate.button(buttonText));
    }

    public void follow(String linkText) {
        clickWhenReady(Locate.link(linkText));
    }

    /** Clicks the element, retrying if Lit re-rendered it between finding and clicking. */
    public void clickWhenReady(By by) {
        until(d -> {
            try {
                WebElement element = ExpectedConditions.elementToBeClickable(by).apply(d);
                if (element == null) {
                    return null;
                }
                scrollIntoView(element);
                element.click();
                return true;
            } catch (StaleElementReferenceException | ElementClickInterceptedException e) {
                return null;
            }
        });
    }

    public void doubleClick(WebElement element) {
        scrollIntoView(element);
        new Actions(driver).doubleClick(element).perform();
    }

    public void scrollIntoView(WebElement element) {
        script("arguments[0].scrollIntoView({block: 'center'})", element);
    }

    /** Waits until the text appears anywhere in the page's visible text. */
    public void awaitText(String text) {
        awaitText(text, WAIT);
    }

    public void awaitText(String text, Duration wait) {
        until(wait, d -> bodyText().contains(text) ? true : null, () -> "the text \"" + text + "\" in:\n" + bodyText());
    }

    public String bodyText() {
        try {
            return driver.findElement(By.tagName("body")).getText();
        } catch (StaleElementReferenceException e) {
            return "";
        }
    }

    public Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    public <T> T until(Function<WebDriver, T> condition) {
        return until(WAIT, condition, () -> "a condition at " + driver.getCurrentUrl() + "; the page says:\n" + bodyText());
    }

    public <T> T until(Duration wait, Function<WebDriver, T> condition, Supplier<String> what) {
        WebDriverWait waiter = new WebDriverWait(driver, wait, Duration.ofMillis(100));
        waiter.ignoring(StaleElementReferenceException.class);
        waiter.withMessage(what);
        try {
            return waiter.until(condition);
        } catch (TimeoutException e) {
            // What the page looked like when the wait gave up: the first thing to look at.
            checks.screenshot(driver, "FAILED-wait");
            throw e;
        }
    }

    /** Whether the page scrolls sideways (the page is wider than the screen). */
    public boolean scrollsSideways() {
        Object wider = script("return document.documentElement.scrollWidth > document.documentElement.clientWidth");
        return Boolean.TRUE.equals(wider);
    }

    /** A DevTools command on the session's page (the driver relays it, whatever Chromium's version). */
    public Map<String, Object> cdp(String command, Map<String, Object> parameters) {
        return driver.executeCdpCommand(command, parameters);
    }

    /**
     * Freezes the page (no timer, no task runs, as in a tab the browser put to sleep) while the time passes, then
     * wakes it. This is time meant to pass, such as a token's lifetime, not a wait for the page to get somewhere.
     */
    public void freezeFor(Duration time) {
        cdp("Page.setWebLifecycleState", Map.of("state", "frozen"));
        try {
            Thread.sleep(time.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            cdp("Page.setWebLifecycleState", Map.of("state", "active"));
        }
    }

    public void back() {
        driver.navigate().back();
    }

    public void reload() {
        driver.navigate().refresh();
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteQuietly(profile);
        }
    }

    private static void deleteQuietly(Path directory) {
        try (var paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a temporary directory left behind is harmless
        }
    }
}
