package dev.emporium.browser;

import static org.junit.jupiter.api.Assertions.fail;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * What every page the tests visit must pass: a screenshot filed under target/screenshots/&lt;test class&gt;/ (kept for
 * people to look at), no error in the browser's console since the previous check (JavaScript errors, CSP refusals,
 * failed loads), and no serious or critical accessibility violation found by axe-core.
 */
final class PageChecks {

    private static final Set<String> BLOCKING_IMPACTS = Set.of("serious", "critical");
    /** Numbering per test class, shared by all its sessions; the directory is emptied the first time in a run. */
    private static final Map<String, AtomicInteger> NUMBERS = new ConcurrentHashMap<>();

    private final String testClass;
    private final String prefix;
    private final List<Pattern> tolerated = new ArrayList<>();

    PageChecks(Class<?> test, Browser.Screen screen) {
        this.testClass = test.getSimpleName();
        this.prefix = screen == Browser.Screen.PHONE ? "phone-" : "";
    }

    void tolerate(String regex) {
        tolerated.add(Pattern.compile(regex));
    }

    void check(WebDriver driver, String name) {
        screenshot(driver, name);
        assertConsoleClean(driver, name);
        assertAccessible(driver, name);
    }

    /** A page already checked, seen again (after a reload or the back button): screenshot and console only. */
    void recheck(WebDriver driver, String name) {
        screenshot(driver, name);
        assertConsoleClean(driver, name);
    }

    void screenshot(WebDriver driver, String name) {
        Path directory = directory();
        int number = NUMBERS.get(testClass).incrementAndGet();
        Path file = directory.resolve("%02d-%s%s.png".formatted(number, prefix, name.replaceAll("[^A-Za-z0-9._-]", "_")));
        Path taken = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
        try {
            Files.move(taken, file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The console entries since the last read: none may be an error unless this test said it expects it. */
    private void assertConsoleClean(WebDriver driver, String name) {
        List<String> errors = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(PageChecks::isError)
                .map(LogEntry::getMessage)
                .filter(message -> tolerated.stream().noneMatch(p -> p.matcher(message).find()))
                .toList();
        if (!errors.isEmpty()) {
            fail("browser console errors on page \"" + name + "\" (" + driver.getCurrentUrl() + "):\n  "
                    + String.join("\n  ", errors));
        }
    }

    private static boolean isError(LogEntry entry) {
        // CSP refusals are errors whatever level Chromium gives them.
        return entry.getLevel().intValue() >= Level.SEVERE.intValue() || entry.getMessage().contains("Content Security Policy");
    }

    private static void assertAccessible(WebDriver driver, String name) {
        Results results = new AxeBuilder().analyze(driver);
        if (results.isErrored()) {
            fail("axe-core could not check page \"" + name + "\": " + results.getErrorMessage());
        }
        List<Rule> blocking = results.getViolations().stream()
                .filter(rule -> BLOCKING_IMPACTS.contains(rule.getImpact()))
                .toList();
        if (!blocking.isEmpty()) {
            fail("accessibility violations on page \"" + name + "\" (" + driver.getCurrentUrl() + "):\n  "
                    + blocking.stream().map(PageChecks::describe).collect(Collectors.joining("\n  ")));
        }
    }

    private static String describe(Rule rule) {
        String targets = rule.getNodes().stream()
                .map(CheckedNode::getTarget)
                .map(String::valueOf)
                .limit(5)
                .collect(Collectors.joining(", "));
        return rule.getImpact() + " " + rule.getId() + " (" + rule.getHelp() + ") at " + targets;
    }

    private Path directory() {
        Path directory = Path.of(System.getProperty("emporium.basedir", "."), "target", "screenshots", testClass);
        NUMBERS.computeIfAbsent(testClass, key -> {
            emptyDirectory(directory);
            return new AtomicInteger();
        });
        return directory;
    }

    private static void emptyDirectory(Path directory) {
        try {
            Files.createDirectories(directory);
            try (var files = Files.list(directory)) {
                for (Path file : files.toList()) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
