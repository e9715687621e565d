package dev.emporium.web;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/**
 * The envelope of every paginated listing: {@code {"data": [...], "total": n, "page": p, "limit": l, "offset": o}}
 * (see {@link PageRequest}).
 */
@JsonbPropertyOrder({"data", "total", "page", "limit", "offset"})
public record Page<T>(List<T> data, long total, int page, int limit, int offset) {
}
