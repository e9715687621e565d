-- Idempotency-Key of POST /orders: the same key from the same user within 24 hours gives the first answer again.
-- The row is written first in the placing transaction, so a concurrent request with the same key waits for it.
CREATE TABLE order_idempotency_keys (
    user_id         uuid         NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    idempotency_key varchar(255) NOT NULL,
    request_hash    bytea        NOT NULL,
    order_id        uuid         REFERENCES orders (id) ON DELETE CASCADE,
    created_at      timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, idempotency_key)
);
CREATE INDEX order_idempotency_keys_created_idx ON order_idempotency_keys (created_at);

-- Orders carry the creation time every main entity has (TrackedEntity); order_date stays the business date shown.
ALTER TABLE orders ADD COLUMN created_at timestamptz NOT NULL DEFAULT now();
