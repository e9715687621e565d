package dev.emporium.web.request;

import dev.emporium.web.error.ServletErrors;
import dev.emporium.web.error.StatusErrors;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses request bodies over EMPORIUM_REQUEST_MAX_BYTES (image uploads: EMPORIUM_IMAGES_MAX_BYTES) with 413: at
 * once when Content-Length says so, and while reading when a chunked body runs over.
 * Declared in web.xml, which sets the order of the filters.
 */
public class RequestSizeLimitFilter extends HttpFilter {

    @Inject
    @ConfigProperty(name = "emporium.request.max-bytes", defaultValue = "1048576")
    long maxBytes;

    @Inject
    @ConfigProperty(name = "emporium.images.max-bytes", defaultValue = "5242880")
    long maxImageBytes;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        // Image uploads get their own limit plus room for multipart framing; the resource checks the image itself.
        long limit = request.getRequestURI().endsWith("/image") ? maxImageBytes + 64 * 1024 : maxBytes;
        if (request.getContentLengthLong() > limit) {
            ServletErrors.write(request, response, StatusErrors.of(413));
            return;
        }
        chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public ServletInputStream getInputStream() throws IOException {
                return new Limited(super.getInputStream(), limit);
            }
        }, response);
    }

    /** Thrown when a body without a (truthful) Content-Length runs over the limit; mapped to 413. */
    public static class TooLarge extends IOException {
        TooLarge(long limit) {
            super("request body over " + limit + " bytes");
        }
    }

    private static final class Limited extends ServletInputStream {
        private final ServletInputStream in;
        private final long limit;
        private long read;

        Limited(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws TooLarge {
            read += n;
            if (read > limit) {
                throw new TooLarge(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
