package dev.emporium.web.error;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.FileNotFoundException;
import java.io.IOException;

/**
 * Turns what the servlet container answers for files it does not have (and errors it is asked to send) into the
 * one error format in place. Done here rather than by an error-page dispatch, which hangs Liberty on a request that
 * asked to upgrade to HTTP/2 (h2c).
 * Declared in web.xml, which sets the order of the filters.
 */
public class ContainerErrorFilter extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            chain.doFilter(request, new HttpServletResponseWrapper(response) {
                @Override
                public void sendError(int status) throws IOException {
                    sendError(status, null);
                }

                @Override
                public void sendError(int status, String message) throws IOException {
                    if (isCommitted()) {
                        super.sendError(status, message);
                    } else {
                        resetBuffer();
                        ServletErrors.write(request, (HttpServletResponse) getResponse(), StatusErrors.of(status));
                    }
                }
            });
        } catch (FileNotFoundException e) {
            notFound(request, response);
        } catch (ServletException e) {
            if (!(e.getRootCause() instanceof FileNotFoundException)) {
                throw e;
            }
            notFound(request, response);
        }
    }

    private static void notFound(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!response.isCommitted()) {
            response.resetBuffer();
            ServletErrors.write(request, response, StatusErrors.of(404));
        }
    }
}
