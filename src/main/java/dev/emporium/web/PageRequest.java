package dev.emporium.web;

import dev.emporium.platform.error.InvalidInput;
import dev.emporium.web.request.QueryParams;
import java.util.List;

/**
 * Which slice of a listing a client asks for: by {@code page} (1-based, of {@code limit} rows) or by {@code offset}
 * (rows to skip), as clients written against either style send. When both are given, {@code offset} wins; each is
 * checked against its range, so either out of range is a 400 naming it.
 */
public record PageRequest(int offset, int limit) {

    public static final int MAX_PAGE = 1_000_000;

    /** Parses the query parameters of a listing whose page size defaults to {@code defaultLimit}. */
    public static PageRequest of(String page, String offset, String limit, int defaultLimit, int maxLimit) {
        int size = QueryParams.integer("limit", limit, defaultLimit, 1, maxLimit);
        int pageNumber = QueryParams.integer("page", page, 1, 1, MAX_PAGE);
        int skipped = QueryParams.integer("offset", offset, (pageNumber - 1) * size, 0, maxOffset(maxLimit));
        return new PageRequest(skipped, size);
    }

    /** A slice that a cursor places at {@code offset}; page and offset may not be given beside it. */
    public static PageRequest resuming(int offset, String page, String offsetParameter, String limit, int defaultLimit,
                                       int maxLimit) {
        if ((page != null && !page.isBlank()) || (offsetParameter != null && !offsetParameter.isBlank())) {
            throw new InvalidInput("cursor", "goes without page and offset: the cursor says where the page starts");
        }
        if (offset > maxOffset(maxLimit)) {
            throw new InvalidInput("cursor", "points past the last page a listing has");
        }
        return new PageRequest(offset, QueryParams.integer("limit", limit, defaultLimit, 1, maxLimit));
    }

    private static int maxOffset(int maxLimit) {
        return (MAX_PAGE - 1) * maxLimit;
    }

    /** The page this slice starts in (1-based): exact when the offset is a multiple of the limit. */
    public int page() {
        return offset / limit + 1;
    }

    /** The envelope of this slice of the listing. */
    public <T> Page<T> of(List<T> data, long total) {
        return new Page<>(data, total, page(), limit, offset);
    }

    /** The envelope of this slice, with where the next one starts (null on the last). */
    public <T> Page<T> of(List<T> data, long total, String nextCursor) {
        return new Page<>(data, total, page(), limit, offset, nextCursor);
    }
}
