package dev.emporium.site;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One page shell (WEB-INF/pages/*.html) made ready to send: {@code {{static}}} replaced by the versioned prefix,
 * {@code {{importmap}}} by the import map both applications share (WEB-INF/pages/importmap.json: the library
 * versions, which pom.xml pins), and the Content-Security-Policy that allows exactly that import map, the one inline
 * script a page may have.
 */
record Page(String html, String contentSecurityPolicy) {

    private static final Pattern IMPORT_MAP =
            Pattern.compile("<script type=\"importmap\">(.*?)</script>", Pattern.DOTALL);

    /** Everything from this origin, nothing inline but the hashed import map, no framing, no plugins. */
    private static final String POLICY = "default-src 'self'; script-src 'self'%s; style-src 'self'; "
            + "img-src 'self' data: blob:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";

    static Page render(String shell, String staticPrefix, String importMap) {
        String html = shell.replace("{{static}}", staticPrefix).replace("{{importmap}}", importMap);
        Matcher mapScript = IMPORT_MAP.matcher(html);
        String hashes = mapScript.find() ? " 'sha256-" + sha256(mapScript.group(1)) + "'" : "";
        if (mapScript.find()) {
            throw new IllegalStateException("A page may have one import map: browsers ignore the second");
        }
        return new Page(html, POLICY.formatted(hashes));
    }

    private static String sha256(String text) {
        return Base64.getEncoder().encodeToString(StaticBuild.sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
