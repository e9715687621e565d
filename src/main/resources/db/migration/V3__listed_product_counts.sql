-- Listed (not archived) products per category, kept exact by statement-level triggers, so that the total of an
-- unfiltered or category-only listing is a lookup instead of counting up to a million rows (docs/catalog.md).
-- Stock and price updates do not touch it: only inserts, deletes, archiving and moves between categories do.
CREATE TABLE category_product_counts (
    category_id uuid   PRIMARY KEY REFERENCES categories (id) ON DELETE CASCADE,
    listed      bigint NOT NULL DEFAULT 0,
    CONSTRAINT category_product_counts_non_negative CHECK (listed >= 0)
);

INSERT INTO category_product_counts (category_id, listed)
SELECT category_id, count(*) FROM products WHERE archived_at IS NULL GROUP BY category_id;

CREATE FUNCTION products_listed_counts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO category_product_counts AS c (category_id, listed)
        SELECT category_id, count(*) FROM new_rows WHERE archived_at IS NULL GROUP BY category_id
        ON CONFLICT (category_id) DO UPDATE SET listed = c.listed + EXCLUDED.listed;
    ELSIF TG_OP = 'DELETE' THEN
        UPDATE category_product_counts c SET listed = c.listed - o.n
        FROM (SELECT category_id, count(*) AS n FROM old_rows WHERE archived_at IS NULL GROUP BY category_id) o
        WHERE c.category_id = o.category_id;
    ELSE
        WITH changed AS (
            SELECT o.category_id AS old_category, o.archived_at IS NULL AS was_listed,
                   n.category_id AS new_category, n.archived_at IS NULL AS is_listed
            FROM old_rows o JOIN new_rows n ON n.id = o.id
            WHERE o.category_id <> n.category_id OR (o.archived_at IS NULL) <> (n.archived_at IS NULL)
        ), delta AS (
            SELECT old_category AS category_id, -1 AS d FROM changed WHERE was_listed
            UNION ALL
            SELECT new_category, 1 FROM changed WHERE is_listed
        ), sums AS (
            SELECT category_id, sum(d) AS d FROM delta GROUP BY category_id HAVING sum(d) <> 0
        ), updated AS (
            UPDATE category_product_counts c SET listed = c.listed + s.d
            FROM sums s WHERE c.category_id = s.category_id
            RETURNING c.category_id
        )
        -- A category without a row can only gain products here (it had none listed).
        INSERT INTO category_product_counts AS c (category_id, listed)
        SELECT category_id, d FROM sums WHERE category_id NOT IN (SELECT category_id FROM updated)
        ON CONFLICT (category_id) DO UPDATE SET listed = c.listed + EXCLUDED.listed;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER products_listed_counts_insert AFTER INSERT ON products
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION products_listed_counts();
CREATE TRIGGER products_listed_counts_update AFTER UPDATE ON products
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION products_listed_counts();
CREATE TRIGGER products_listed_counts_delete AFTER DELETE ON products
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION products_listed_counts();

-- "In stock" listings sorted or bounded by price, and their totals, read this index alone.
CREATE INDEX products_listed_in_stock_price_idx ON products (price, id) WHERE archived_at IS NULL AND stock > 0;
