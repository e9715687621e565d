package dev.emporium.web.request;

import dev.emporium.platform.correlation.LogCorrelation;
import dev.emporium.web.error.ServletErrors;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Settles the request's X-Request-Id first thing (the caller's when well-formed, a new one otherwise), sends it back,
 * leaves it for the rest of the request in an attribute, and writes it on every log line the request causes.
 * Declared in web.xml, which sets the order of the filters.
 */
public class RequestIdServletFilter extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String id = ServletErrors.requestId(request, response);
        LogCorrelation.begin(id);
        try {
            chain.doFilter(request, response);
        } finally {
            LogCorrelation.end();
        }
    }
}
