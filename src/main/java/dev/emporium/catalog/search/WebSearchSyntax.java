package dev.emporium.catalog.search;

import java.util.regex.Pattern;

/**
 * The API's search syntax is PostgreSQL's {@code websearch_to_tsquery}: words all required, "quoted phrases",
 * {@code or} between alternatives, {@code -word} to exclude. This turns it into the simple query string the index
 * parses, with only the operators that syntax has (OR, NOT, phrase); other punctuation stays text, which the
 * analyzer drops as the database does.
 */
final class WebSearchSyntax {

    private static final Pattern OR_WORD = Pattern.compile("(?i)(?<=^|\\s)or(?=\\s|$)");

    private WebSearchSyntax() {
    }

    static String toSimpleQueryString(String websearch) {
        // '|' is the index's OR operator but only punctuation to websearch.
        String[] segments = websearch.replace('|', ' ').split("\"", -1);
        StringBuilder query = new StringBuilder();
        for (int i = 0; i < segments.length; i++) {
            if (i > 0) {
                query.append('"');
            }
            boolean insideQuotes = i % 2 == 1;
            query.append(insideQuotes ? segments[i] : OR_WORD.matcher(segments[i]).replaceAll("|"));
        }
        return query.toString().strip();
    }
}
