package dev.emporium.catalog;

import dev.emporium.platform.error.InvalidInput;
import dev.emporium.platform.json.JsonP;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import java.util.zip.CRC32;

/**
 * Where the next page of a product listing starts: handed to clients as {@code next_cursor} and sent back as
 * {@code ?cursor=}, opaque to them. It holds the listing it belongs to (a digest of its filters and sort), the offset
 * of the next page, and, where the source that chose the page can resume from a row instead of counting rows to it,
 * that row's sort key: the product index's relevance score for a ranked search, or the sort column's value in the
 * database. Either way the id of the last row breaks ties. A source that did not choose the previous page (the
 * index was rebuilding meanwhile) resumes at the offset.
 */
public record ProductCursor(Source source, int offset, String listing, float score, String key, UUID lastId) {

    /** What chose the page the cursor follows. */
    public enum Source {
        INDEX, DATABASE
    }

    private static final String NOT_OURS = "is not a cursor this listing handed out (same filters and sort): ask for the"
            + " listing again without it";

    /** A cursor that resumes at the offset alone. */
    static ProductCursor atOffset(Source source, int offset, ProductFilter filter) {
        return new ProductCursor(source, offset, listing(filter), Float.NaN, null, null);
    }

    /** A cursor that resumes after the index's hit with this relevance score. */
    static ProductCursor afterScore(int offset, ProductFilter filter, float score, UUID lastId) {
        return new ProductCursor(Source.INDEX, offset, listing(filter), score, null, lastId);
    }

    /** A cursor that resumes after the database's row with this sort value. */
    static ProductCursor afterKey(int offset, ProductFilter filter, String key, UUID lastId) {
        return new ProductCursor(Source.DATABASE, offset, listing(filter), Float.NaN, key, lastId);
    }

    boolean resumesAfterScore() {
        return source == Source.INDEX && !Float.isNaN(score) && lastId != null;
    }

    boolean resumesAfterKey() {
        return source == Source.DATABASE && key != null && lastId != null;
    }

    /** The text a client gets: base64url of a small JSON object. */
    public String encode() {
        JsonObjectBuilder json = JsonP.PROVIDER.createObjectBuilder()
                .add("v", 1)
                .add("source", source.name())
                .add("offset", offset)
                .add("listing", listing);
        if (!Float.isNaN(score)) {
            // The score's bits, so that it comes back to the last bit.
            json.add("score", Float.floatToIntBits(score));
        }
        if (key != null) {
            json.add("key", key);
        }
        if (lastId != null) {
            json.add("id", lastId.toString());
        }
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(json.build().toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor sent for this listing, or null when none was; a cursor of another listing, or no cursor at all, is a 400. */
    static ProductCursor parse(String text, ProductFilter filter) {
        if (text == null || text.isBlank()) {
            return null;
        }
        JsonObject json;
        try (JsonReader reader = JsonP.PROVIDER.createReader(new StringReader(
                new String(Base64.getUrlDecoder().decode(text.strip()), StandardCharsets.UTF_8)))) {
            json = reader.readObject();
        } catch (IllegalArgumentException | JsonException e) {
            throw new InvalidInput("cursor", NOT_OURS);
        }
        try {
            ProductCursor cursor = new ProductCursor(Source.valueOf(json.getString("source")), json.getInt("offset"),
                    json.getString("listing"),
                    json.containsKey("score") ? Float.intBitsToFloat(json.getInt("score")) : Float.NaN,
                    json.containsKey("key") ? json.getString("key") : null,
                    json.containsKey("id") ? UUID.fromString(json.getString("id")) : null);
            if (json.getInt("v") != 1 || cursor.offset < 0 || !cursor.listing.equals(listing(filter))) {
                throw new InvalidInput("cursor", NOT_OURS);
            }
            return cursor;
        } catch (ClassCastException | NullPointerException | IllegalArgumentException e) {
            throw new InvalidInput("cursor", NOT_OURS);
        }
    }

    /** A digest of what the listing selects and how it is ordered: a cursor only continues the listing it came from. */
    static String listing(ProductFilter filter) {
        String canonical = String.join("\u0000", String.valueOf(filter.categorySlug()), String.valueOf(filter.categoryId()),
                filter.search() == null ? "" : filter.search().strip(), amount(filter.minPrice()), amount(filter.maxPrice()),
                String.valueOf(filter.inStockOnly()), filter.sort() == null ? "" : filter.sort().name());
        CRC32 crc = new CRC32();
        crc.update(canonical.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().toHexDigits((int) crc.getValue());
    }

    private static String amount(BigDecimal amount) {
        return amount == null ? "" : amount.stripTrailingZeros().toPlainString();
    }
}
