package dev.emporium.browser;

import java.util.Locale;
import org.openqa.selenium.By;

/**
 * Finds controls the way a person does: by what they say. Text matches ignore case and surrounding space; a control
 * named by aria-label matches that label.
 */
final class Locate {

    private static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String LOWER = "abcdefghijklmnopqrstuvwxyz";

    private Locate() {
    }

    /** A button (or submit input) that says the text. */
    static By button(String text) {
        String t = literal(text);
        return By.xpath("//button[" + said(".", t) + " or " + said("@aria-label", t) + "]"
                + " | //input[(@type='submit' or @type='button') and " + said("@value", t) + "]");
    }

    /** A link that says the text. */
    static By link(String text) {
        String t = literal(text);
        return By.xpath("//a[" + said(".", t) + " or " + said("@aria-label", t) + "]");
    }

    private static String said(String node, String literal) {
        return lower("normalize-space(" + node + ")") + " = " + literal;
    }

    private static String lower(String expression) {
        return "translate(" + expression + ", '" + UPPER + "', '" + LOWER + "')";
    }

    /** The text, lower-cased, as an XPath 1.0 string literal (which has no escapes: concat() around quotes). */
    private static String literal(String text) {
        String lower = text.strip().toLowerCase(Locale.ROOT);
        if (!lower.contains("'")) {
            return "'" + lower + "'";
        }
        return "concat('" + lower.replace("'", "', \"'\", '") + "')";
    }
}
