package dev.emporium.web;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/**
 * The envelope of every paginated listing: {@code {"data": [...], "total": n, "page": p, "limit": l, "offset": o}}
 * (see {@link PageRequest}), and, in a listing that offers cursors while a next page exists, {@code next_cursor}.
 */
@JsonbPropertyOrder({"data", "total", "page", "limit", "offset", "nextCursor"})
public record Page<T>(List<T> data, long total, int page, int limit, int offset, String nextCursor) {

    public Page(List<T> data, long total, int page, int limit, int offset) {
        this(data, total, page, limit, offset, null);
    }
}
