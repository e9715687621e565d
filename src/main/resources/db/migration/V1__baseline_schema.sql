-- Baseline schema. Ids are UUIDs made by the database (gen_random_uuid is built into PostgreSQL 13+),
-- money is NUMERIC(12,2), every point in time is timestamptz. Optimistic locking uses the version columns.

CREATE TABLE users (
    id            uuid         PRIMARY KEY DEFAULT gen_random_uuid(),
    username      varchar(50)  NOT NULL,
    email         varchar(254) NOT NULL,
    password_hash varchar(512) NOT NULL,
    role          varchar(16)  NOT NULL DEFAULT 'CUSTOMER',
    active        boolean      NOT NULL DEFAULT true,
    created_at    timestamptz  NOT NULL DEFAULT now(),
    updated_at    timestamptz  NOT NULL DEFAULT now(),
    version       bigint       NOT NULL DEFAULT 0,
    CONSTRAINT users_role_check CHECK (role IN ('CUSTOMER', 'ADMIN')),
    -- The service normalises e-mail addresses; the database refuses any that slipped through un-normalised.
    CONSTRAINT users_email_normalised CHECK (email = lower(btrim(email))),
    CONSTRAINT users_username_not_blank CHECK (btrim(username) <> '')
);
CREATE UNIQUE INDEX users_email_key ON users (email);
CREATE UNIQUE INDEX users_username_key ON users (lower(username));
CREATE INDEX users_created_at_idx ON users (created_at DESC, id);

CREATE TABLE refresh_tokens (
    id          uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id     uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    family_id   uuid        NOT NULL,
    -- SHA-256 of the opaque token: the token itself is never stored.
    token_hash  bytea       NOT NULL,
    issued_at   timestamptz NOT NULL DEFAULT now(),
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz,
    revoked_at  timestamptz,
    CONSTRAINT refresh_tokens_hash_length CHECK (octet_length(token_hash) = 32),
    CONSTRAINT refresh_tokens_expiry_after_issue CHECK (expires_at > issued_at)
);
CREATE UNIQUE INDEX refresh_tokens_hash_key ON refresh_tokens (token_hash);
CREATE INDEX refresh_tokens_user_idx ON refresh_tokens (user_id);
CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_expires_idx ON refresh_tokens (expires_at);

CREATE TABLE categories (
    id          uuid         PRIMARY KEY DEFAULT gen_random_uuid(),
    parent_id   uuid         REFERENCES categories (id) ON DELETE RESTRICT,
    name        varchar(100) NOT NULL,
    slug        varchar(120) NOT NULL,
    description text         NOT NULL DEFAULT '',
    created_at  timestamptz  NOT NULL DEFAULT now(),
    updated_at  timestamptz  NOT NULL DEFAULT now(),
    version     bigint       NOT NULL DEFAULT 0,
    CONSTRAINT categories_slug_format CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    CONSTRAINT categories_not_own_parent CHECK (parent_id IS NULL OR parent_id <> id)
);
CREATE UNIQUE INDEX categories_slug_key ON categories (slug);
CREATE INDEX categories_parent_idx ON categories (parent_id);

CREATE TABLE products (
    id            uuid          PRIMARY KEY DEFAULT gen_random_uuid(),
    category_id   uuid          NOT NULL REFERENCES categories (id) ON DELETE RESTRICT,
    sku           varchar(64)   NOT NULL,
    name          varchar(200)  NOT NULL,
    description   text          NOT NULL DEFAULT '',
    price         numeric(12,2) NOT NULL,
    currency      char(3)       NOT NULL,
    stock         integer       NOT NULL,
    image_key     varchar(255),
    archived_at   timestamptz,
    created_at    timestamptz   NOT NULL DEFAULT now(),
    updated_at    timestamptz   NOT NULL DEFAULT now(),
    version       bigint        NOT NULL DEFAULT 0,
    -- Maintained by the database, so every writer (the app, bulk loads, psql) keeps search in step.
    search_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', name), 'A') || setweight(to_tsvector('english', description), 'B')
    ) STORED,
    CONSTRAINT products_price_non_negative CHECK (price >= 0),
    CONSTRAINT products_stock_non_negative CHECK (stock >= 0),
    CONSTRAINT products_currency_iso4217 CHECK (currency ~ '^[A-Z]{3}$'),
    CONSTRAINT products_sku_not_blank CHECK (btrim(sku) <> '')
);
CREATE UNIQUE INDEX products_sku_key ON products (sku);
CREATE INDEX products_search_idx ON products USING gin (search_vector);
-- Listings only ever show products that are not archived: partial indexes for each offered sort and filter.
CREATE INDEX products_listed_created_idx ON products (created_at DESC, id) WHERE archived_at IS NULL;
CREATE INDEX products_listed_price_idx ON products (price, id) WHERE archived_at IS NULL;
CREATE INDEX products_listed_name_idx ON products (name, id) WHERE archived_at IS NULL;
CREATE INDEX products_listed_category_idx ON products (category_id, created_at DESC, id) WHERE archived_at IS NULL;
-- Foreign key lookups (deleting a category checks for products, archived or not).
CREATE INDEX products_category_idx ON products (category_id);

CREATE TABLE orders (
    id               uuid          PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id          uuid          NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
    status           varchar(20)   NOT NULL DEFAULT 'pending',
    total_amount     numeric(12,2) NOT NULL,
    currency         char(3)       NOT NULL,
    shipping_address text          NOT NULL,
    tracking_number  varchar(100),
    order_date       timestamptz   NOT NULL DEFAULT now(),
    updated_at       timestamptz   NOT NULL DEFAULT now(),
    version          bigint        NOT NULL DEFAULT 0,
    CONSTRAINT orders_status_check
        CHECK (status IN ('pending', 'processing', 'shipped', 'delivered', 'payment_failed', 'cancelled')),
    CONSTRAINT orders_total_non_negative CHECK (total_amount >= 0),
    CONSTRAINT orders_currency_iso4217 CHECK (currency ~ '^[A-Z]{3}$')
);
CREATE INDEX orders_user_date_idx ON orders (user_id, order_date DESC, id);
CREATE INDEX orders_status_date_idx ON orders (status, order_date DESC, id);
CREATE INDEX orders_date_idx ON orders (order_date DESC, id);

CREATE TABLE order_items (
    id           uuid          PRIMARY KEY DEFAULT gen_random_uuid(),
    order_id     uuid          NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    product_id   uuid          NOT NULL REFERENCES products (id) ON DELETE RESTRICT,
    -- Snapshots taken when the order is placed: later catalog edits do not rewrite history.
    product_name varchar(200)  NOT NULL,
    quantity     integer       NOT NULL,
    unit_price   numeric(12,2) NOT NULL,
    line_total   numeric(12,2) NOT NULL,
    CONSTRAINT order_items_quantity_range CHECK (quantity BETWEEN 1 AND 1000),
    CONSTRAINT order_items_unit_price_non_negative CHECK (unit_price >= 0),
    CONSTRAINT order_items_line_total_consistent CHECK (line_total = unit_price * quantity),
    CONSTRAINT order_items_one_line_per_product UNIQUE (order_id, product_id)
);
CREATE INDEX order_items_product_idx ON order_items (product_id);

CREATE TABLE order_status_history (
    id       bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id uuid        NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    status   varchar(20) NOT NULL,
    reason   text,
    at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX order_status_history_order_idx ON order_status_history (order_id, at, id);

-- Messaging: every consumer records the ids of the messages it has handled, in the same XA transaction as its
-- effect, so a redelivered duplicate changes nothing.
CREATE TABLE processed_messages (
    consumer     varchar(100) NOT NULL,
    message_id   varchar(200) NOT NULL,
    processed_at timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, message_id)
);
CREATE INDEX processed_messages_processed_at_idx ON processed_messages (processed_at);

-- Messaging round trips proven end to end (sent through the broker, received by a message-driven bean).
CREATE TABLE system_probes (
    id          uuid        PRIMARY KEY,
    sent_at     timestamptz NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now()
);
