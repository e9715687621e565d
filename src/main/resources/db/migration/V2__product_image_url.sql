-- A product's picture: an external URL given by the catalog admin (image_url), or later an uploaded image in the
-- object store (image_key), whose URL the API derives.
ALTER TABLE products ADD COLUMN image_url varchar(2048);
