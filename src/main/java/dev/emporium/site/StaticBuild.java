package dev.emporium.site;

import jakarta.servlet.ServletContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import java.util.TreeSet;

/**
 * The version of the application's own static files: a hash of every file under {@code /js/} and {@code /css/}.
 * Pages refer to those files under {@code /static/<version>/}, so a browser may keep them for a year and still
 * fetches the new ones after a deployment that changed any of them.
 */
public final class StaticBuild {

    static final String[] ROOTS = {"/js/", "/css/"};

    private final String version;

    private StaticBuild(String version) {
        this.version = version;
    }

    public String version() {
        return version;
    }

    public static StaticBuild of(ServletContext context) {
        MessageDigest digest = sha256();
        for (String path : files(context)) {
            digest.update(path.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            try (InputStream in = context.getResourceAsStream(path)) {
                if (in != null) {
                    digest.update(in.readAllBytes());
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + path, e);
            }
        }
        return new StaticBuild(HexFormat.of().formatHex(digest.digest()).substring(0, 12));
    }

    /** Sorted, so that the hash does not depend on the order the container lists them in. */
    private static Set<String> files(ServletContext context) {
        Set<String> files = new TreeSet<>();
        for (String root : ROOTS) {
            collect(context, root, files);
        }
        return files;
    }

    private static void collect(ServletContext context, String dir, Set<String> files) {
        Set<String> entries = context.getResourcePaths(dir);
        if (entries == null) {
            return;
        }
        for (String entry : entries) {
            if (entry.endsWith("/")) {
                collect(context, entry, files);
            } else {
                files.add(entry);
            }
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
