-- Payments taken for orders: at most one per order, so a payment can be refunded when its order is cancelled and
-- a duplicate order-placed message cannot charge twice.
CREATE TABLE payments (
    id          uuid          PRIMARY KEY DEFAULT gen_random_uuid(),
    order_id    uuid          NOT NULL UNIQUE REFERENCES orders (id) ON DELETE RESTRICT,
    status      varchar(20)   NOT NULL,
    amount      numeric(12,2) NOT NULL,
    currency    char(3)       NOT NULL,
    reference   varchar(200),
    reason      text,
    created_at  timestamptz   NOT NULL DEFAULT now(),
    updated_at  timestamptz   NOT NULL DEFAULT now(),
    version     bigint        NOT NULL DEFAULT 0,
    CONSTRAINT payments_status_check CHECK (status IN ('authorised', 'declined', 'refunded')),
    CONSTRAINT payments_amount_non_negative CHECK (amount >= 0),
    CONSTRAINT payments_reference_when_authorised CHECK (status = 'declined' OR reference IS NOT NULL)
);

-- An order whose message could not be processed (it reached the dead-letter queue) waits for an operator.
ALTER TABLE orders ADD COLUMN attention_reason text;
ALTER TABLE orders ADD COLUMN attention_at timestamptz;
CREATE INDEX orders_attention_idx ON orders (attention_at DESC, id) WHERE attention_at IS NOT NULL;
