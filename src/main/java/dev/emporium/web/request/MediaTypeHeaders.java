package dev.emporium.web.request;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks Accept and Content-Type against the media-type grammar of RFC 9110 (type/subtype, then ";name=value"
 * parameters, q a weight between 0 and 1). The JAX-RS runtime fails with a 500 of its own on some malformed values
 * (a q that is not a number, a parameter without a value) while choosing the resource method, so they are refused
 * before that.
 */
final class MediaTypeHeaders {

    private static final String TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
    /** type/subtype; a lone * too, which java.net.HttpURLConnection sends by default ("*; q=.2"). */
    private static final Pattern MEDIA_RANGE = Pattern.compile(TOKEN + "/" + TOKEN + "|\\*");
    private static final Pattern PARAMETER = Pattern.compile("(" + TOKEN + ")\\s*=\\s*(" + TOKEN + "|\"(?:[^\"\\\\]|\\\\.)*\")");
    /** RFC 9110's weight ("0.5", "1.000"), plus a missing leading zero (".2"), as common clients send it. */
    private static final Pattern WEIGHT = Pattern.compile("0?\\.\\d{1,3}|0(\\.)?|1(\\.0{0,3})?");

    private MediaTypeHeaders() {
    }

    /** What is wrong with an Accept value, if anything. Empty elements (",,") are allowed, as RFC 9110 says. */
    static Optional<String> acceptProblem(String value) {
        for (String element : split(value, ',')) {
            if (!element.isBlank()) {
                Optional<String> problem = mediaTypeProblem(element);
                if (problem.isPresent()) {
                    return problem;
                }
            }
        }
        return Optional.empty();
    }

    /** What is wrong with one media type (or media range), if anything. */
    static Optional<String> mediaTypeProblem(String value) {
        List<String> parts = split(value, ';');
        if (!MEDIA_RANGE.matcher(parts.get(0).strip()).matches()) {
            return Optional.of("\"" + parts.get(0).strip() + "\" is not a media type (type/subtype)");
        }
        for (String parameter : parts.subList(1, parts.size())) {
            if (parameter.isBlank()) {
                continue; // RFC 9110 allows empty parameters (";;")
            }
            var matcher = PARAMETER.matcher(parameter.strip());
            if (!matcher.matches()) {
                return Optional.of("parameter \"" + parameter.strip() + "\" is not name=value");
            }
            if (matcher.group(1).equalsIgnoreCase("q") && !WEIGHT.matcher(matcher.group(2)).matches()) {
                return Optional.of("q=" + matcher.group(2) + " is not a weight from 0 to 1 (at most 3 decimals)");
            }
        }
        return Optional.empty();
    }

    /** Splits at the separator outside quoted strings. */
    private static List<String> split(String value, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '\\' && quoted && i + 1 < value.length()) {
                current.append(c);
                c = value.charAt(++i);
            } else if (c == separator && !quoted) {
                parts.add(current.toString());
                current.setLength(0);
                continue;
            }
            current.append(c);
        }
        parts.add(current.toString());
        return parts;
    }
}
