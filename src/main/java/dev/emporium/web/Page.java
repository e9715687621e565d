package dev.emporium.web;

import java.util.List;

/** The envelope of every paginated listing: {@code {"data": [...], "total": n, "page": p, "limit": l}}. */
public record Page<T>(List<T> data, long total, int page, int limit) {
}
