package dev.emporium.catalog;

import dev.emporium.web.ratelimit.RateLimitGroup;
import dev.emporium.web.ratelimit.RateLimitPolicy;
import dev.emporium.web.ratelimit.RateLimits;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Answers anonymous reads of products and listings from CatalogCache without going through JAX-RS, whose per-request
 * work is most of what such a read costs once the database is out of it (docs/performance.md). A miss goes through
 * JAX-RS as usual and its 200 is kept, for as long as the value it was made of may be served. Hits still count
 * against the caller's read allowance and carry the same RateLimit headers; a spent allowance goes on to JAX-RS,
 * which answers the 429. Authenticated reads are never answered here.
 */
public class CatalogResponseCache extends HttpFilter {

    /** Set by ProductResource: when the database read behind its answer began (System.nanoTime). */
    static final String READ_STARTED = CatalogResponseCache.class.getName() + ".readStarted";

    private static final String API = "/api/v1";
    private static final String PRODUCTS = "/products";

    @Inject
    CatalogCache cache;

    @Inject
    RateLimitPolicy policy;

    @Inject
    RateLimits limits;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!"GET".equals(request.getMethod()) || request.getHeader("Authorization") != null || !path.startsWith(API + PRODUCTS)) {
            chain.doFilter(request, response);
            return;
        }
        String route = path.substring(API.length());
        Optional<UUID> product = productOf(route);
        if (product.isEmpty() && !route.equals(PRODUCTS)) {
            chain.doFilter(request, response);
            return;
        }
        String listing = request.getQueryString() == null ? "" : request.getQueryString();
        StoredResponse stored = product.isPresent() ? cache.productResponse(product.get()) : cache.listingResponse(listing);
        if (stored != null && allowed(request, response, route)) {
            write(stored, request, response);
            return;
        }
        // The conditional part and the content coding are done here, so that what JAX-RS answers is always the whole
        // 200, in plain bytes, to keep: kept gzipped, it would reach clients that cannot read it.
        Capture capture = new Capture(response);
        chain.doFilter(new AsKept(request), capture);
        byte[] body = capture.body();
        if (capture.getStatus() == HttpServletResponse.SC_OK && request.getAttribute(READ_STARTED) instanceof Long started
                && String.valueOf(response.getHeader("Cache-Control")).startsWith("public")
                && response.getHeader("Content-Encoding") == null) {
            StoredResponse answer = StoredResponse.of(body, response.getContentType(), response.getHeader("ETag"),
                    response.getHeader("Cache-Control"), started);
            if (product.isPresent()) {
                cache.keepProductResponse(product.get(), answer);
            } else {
                cache.keepListingResponse(listing, answer);
            }
            write(answer, request, response);
        } else if (body.length > 0) {
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        }
    }

    /** /products/{id} with a well-formed id (anything else is left to JAX-RS, which says what is wrong). */
    private static Optional<UUID> productOf(String route) {
        if (!route.startsWith(PRODUCTS + "/") || route.length() != PRODUCTS.length() + 37) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(route.substring(PRODUCTS.length() + 1)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Takes one read from the caller's allowance, as RateLimitFilter would, and says so in the headers. */
    private boolean allowed(HttpServletRequest request, HttpServletResponse response, String route) {
        Optional<RateLimitGroup> group = policy.groupFor("GET", route);
        if (group.isEmpty()) {
            return true;
        }
        RateLimits.Decision decision = limits.take(group.get(), "ip:" + request.getRemoteAddr());
        if (!decision.allowed()) {
            return false;
        }
        if (decision.limit() > 0) {
            response.setIntHeader("RateLimit-Limit", decision.limit());
            response.setHeader("RateLimit-Remaining", Long.toString(decision.remaining()));
            response.setHeader("RateLimit-Reset", Long.toString(decision.resetSeconds()));
        }
        return true;
    }

    private static void write(StoredResponse stored, HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", stored.cacheControl());
        if (stored.etag() != null) {
            response.setHeader("ETag", stored.etag());
            if (matches(request.getHeader("If-None-Match"), stored.etag())) {
                response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
                return;
            }
        }
        response.setContentType(stored.contentType());
        byte[] body = stored.body();
        if (stored.gzipped() != null) {
            response.setHeader("Vary", "Accept-Encoding");
            if (acceptsGzip(request.getHeader("Accept-Encoding"))) {
                // The server's own compression leaves an answer alone that already names its encoding.
                response.setHeader("Content-Encoding", "gzip");
                body = stored.gzipped();
            }
        }
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** Accept-Encoding names gzip (or *) without refusing it with q=0. */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String coding : acceptEncoding.split(",")) {
            String[] parts = coding.strip().split(";");
            String name = parts[0].strip().toLowerCase(Locale.ROOT);
            if (name.equals("gzip") || name.equals("*")) {
                for (int i = 1; i < parts.length; i++) {
                    String parameter = parts[i].strip().replace(" ", "");
                    if (parameter.matches("q=0(\\.0{0,3})?")) {
                        return false;
                    }
                }
                return true;
            }
        }
        return false;
    }

    /** If-None-Match's weak comparison (RFC 9110 13.1.2): any listed tag, W/ or not, or *. */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        String opaque = opaque(etag);
        for (String tag : ifNoneMatch.split(",")) {
            String candidate = tag.strip();
            if (candidate.equals("*") || opaque(candidate).equals(opaque)) {
                return true;
            }
        }
        return false;
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }

    /** The request as JAX-RS sees it on a miss: unconditional, and taking no content coding. */
    private static final class AsKept extends HttpServletRequestWrapper {
        AsKept(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getHeader(String name) {
            return hidden(name) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return hidden(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            return Collections.enumeration(Collections.list(super.getHeaderNames()).stream()
                    .filter(name -> !hidden(name)).toList());
        }

        private static boolean hidden(String name) {
            return "If-None-Match".equalsIgnoreCase(name) || "Accept-Encoding".equalsIgnoreCase(name);
        }
    }

    /** Holds the body JAX-RS writes, so that it can be kept as well as sent. */
    private static final class Capture extends HttpServletResponseWrapper {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
        private ServletOutputStream stream;
        private PrintWriter writer;

        Capture(HttpServletResponse response) {
            super(response);
        }

        @Override
        public ServletOutputStream getOutputStream() {
            if (stream == null) {
                stream = new ServletOutputStream() {
                    @Override
                    public void write(int b) {
                        bytes.write(b);
                    }

                    @Override
                    public void write(byte[] b, int off, int len) {
                        bytes.write(b, off, len);
                    }

                    @Override
                    public boolean isReady() {
                        return true;
                    }

                    @Override
                    public void setWriteListener(WriteListener listener) {
                        throw new UnsupportedOperationException("the catalog's answers are written blocking");
                    }
                };
            }
            return stream;
        }

        @Override
        public PrintWriter getWriter() {
            if (writer == null) {
                String charset = getCharacterEncoding() == null ? StandardCharsets.UTF_8.name() : getCharacterEncoding();
                writer = new PrintWriter(new OutputStreamWriter(getOutputStream(), Charset.forName(charset)));
            }
            return writer;
        }

        @Override
        public void flushBuffer() {
            if (writer != null) {
                writer.flush();
            }
        }

        @Override
        public void setContentLength(int length) {
            // the length is the captured body's, set when it is written
        }

        @Override
        public void setContentLengthLong(long length) {
            // as above
        }

        byte[] body() {
            flushBuffer();
            return bytes.toByteArray();
        }
    }
}
