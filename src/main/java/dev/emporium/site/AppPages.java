package dev.emporium.site;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.MappingMatch;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serves the two single-page applications: the storefront for every route outside the reserved prefixes, the admin
 * console for every route under {@code /admin}, so that a deep link or a reload of any client-side route answers the
 * application (the routers in js/ then draw the view). Files and the API pass through untouched: an unknown
 * {@code /api/...} path keeps its JSON 404. Also gives the versioned static files and the WebJars their long cache.
 * Declared in web.xml, which sets the order of the filters.
 */
public class AppPages extends HttpFilter {

    static final String STATIC = "/static/";
    /**
     * First path segments that belong to files, the API or the server's own endpoints, never to a client-side route
     * (a path a servlet claims is never one either: see forDefaultServlet).
     */
    private static final Set<String> NOT_PAGES = Set.of("api", "static", "webjars", "demo", "js", "css", "health",
            "metrics", "openapi", "WEB-INF", "META-INF");
    private static final String IMMUTABLE = "public, max-age=31536000, immutable";

    private volatile StaticBuild build;
    /** Each page rendered once: the shells, the import map and the static version do not change while deployed. */
    private final Map<String, Page> pages = new ConcurrentHashMap<>();

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        // Decoded and normalised by the container ("/js/../WEB-INF" is "/WEB-INF" here), unlike getRequestURI.
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        if (path.startsWith(STATIC)) {
            serveStatic(path, request, response);
        } else if (path.startsWith("/webjars/")) {
            // The library's version is part of the path.
            response.setHeader("Cache-Control", IMMUTABLE);
            chain.doFilter(request, response);
        } else if (forDefaultServlet(request) && isPageRoute(request.getMethod(), path)) {
            servePage(path.equals("/admin") || path.startsWith("/admin/") ? "admin" : "storefront", request, response);
        } else {
            chain.doFilter(request, response);
        }
    }

    /**
     * Only a path no servlet of its own claims can be a client-side route: the API's, the test runner's or any other
     * servlet's paths go to their servlet, and only the container's file serving is stood in for.
     */
    private static boolean forDefaultServlet(HttpServletRequest request) {
        MappingMatch match = request.getHttpServletMapping().getMappingMatch();
        return match == MappingMatch.DEFAULT || match == MappingMatch.CONTEXT_ROOT;
    }

    static boolean isPageRoute(String method, String path) {
        if (!method.equals("GET") && !method.equals("HEAD")) {
            return false;
        }
        if (!path.startsWith("/") || NOT_PAGES.contains(path.split("/", 3)[1])) {
            return false;
        }
        String last = path.substring(path.lastIndexOf('/') + 1);
        return !last.contains(".") || last.equals("index.html");
    }

    private void servePage(String name, HttpServletRequest request, HttpServletResponse response) throws IOException {
        Page page = pages.computeIfAbsent(name, shell -> Page.render(resource(shell + ".html"),
                request.getContextPath() + STATIC + build().version(), resource("importmap.json")));
        response.setContentType("text/html;charset=UTF-8");
        // The shell is tiny and names the current static version: always revalidate it.
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("Content-Security-Policy", page.contentSecurityPolicy());
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("X-Frame-Options", "DENY");
        byte[] body = page.html().getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        if (!request.getMethod().equals("HEAD")) {
            response.getOutputStream().write(body);
        }
    }

    private String resource(String name) {
        try (InputStream in = getServletContext().getResourceAsStream("/WEB-INF/pages/" + name)) {
            if (in == null) {
                throw new IllegalStateException("The WAR has no WEB-INF/pages/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read WEB-INF/pages/" + name, e);
        }
    }

    /** /static/<version>/js/x.js is /js/x.js; a stale version (a page from before a deployment) is not kept. */
    private void serveStatic(String path, HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        int slash = path.indexOf('/', STATIC.length());
        if (slash < 0) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String version = path.substring(STATIC.length(), slash);
        String file = path.substring(slash);
        if (!List.of(StaticBuild.ROOTS).stream().anyMatch(file::startsWith) || file.contains("/.")) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setHeader("Cache-Control", version.equals(build().version()) ? IMMUTABLE : "no-cache");
        request.getRequestDispatcher(file).forward(request, response);
    }

    private StaticBuild build() {
        StaticBuild current = build;
        if (current == null) {
            current = StaticBuild.of(getServletContext());
            build = current;
        }
        return current;
    }
}
