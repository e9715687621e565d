package dev.emporium.catalog;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPOutputStream;

/**
 * An anonymous catalog answer as JAX-RS wrote it, to be written again byte for byte; a body as large as the server
 * compresses (server.xml: 2 KB and more) is kept gzipped as well, so that a hit does not compress it again.
 */
record StoredResponse(byte[] body, byte[] gzipped, String contentType, String etag, String cacheControl,
                      long readStartedNanos) {

    private static final int COMPRESSED_FROM = 2048;

    static StoredResponse of(byte[] body, String contentType, String etag, String cacheControl, long readStartedNanos) {
        return new StoredResponse(body, body.length >= COMPRESSED_FROM ? gzip(body) : null, contentType, etag,
                cacheControl, readStartedNanos);
    }

    private static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4);
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
