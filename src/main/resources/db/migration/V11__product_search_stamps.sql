-- Each replica keeps a search index of the products (dev.emporium.catalog.search.ProductIndexSync) and follows this
-- stamp: the transaction that last changed anything the index holds. Stock stamps only when it crosses zero (the
-- in-stock filter), so an order's stock update leaves it alone.
ALTER TABLE products ADD COLUMN search_xid xid8 NOT NULL DEFAULT '0';

CREATE INDEX products_search_xid_idx ON products (search_xid, id);

CREATE FUNCTION products_stamp_search() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT'
        OR NEW.name IS DISTINCT FROM OLD.name
        OR NEW.description IS DISTINCT FROM OLD.description
        OR NEW.price IS DISTINCT FROM OLD.price
        OR NEW.category_id IS DISTINCT FROM OLD.category_id
        OR NEW.created_at IS DISTINCT FROM OLD.created_at
        OR NEW.archived_at IS DISTINCT FROM OLD.archived_at
        OR (NEW.stock > 0) IS DISTINCT FROM (OLD.stock > 0) THEN
        NEW.search_xid := pg_current_xact_id();
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER products_stamp_search BEFORE INSERT OR UPDATE ON products
    FOR EACH ROW EXECUTE FUNCTION products_stamp_search();
