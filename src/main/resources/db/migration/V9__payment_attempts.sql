-- The payment gateway is asked outside the transaction that holds the order row: the attempt is recorded first
-- ('pending'), the gateway is asked with the order id as its idempotency key, and its answer is recorded after.
ALTER TABLE payments DROP CONSTRAINT payments_status_check;
ALTER TABLE payments ADD CONSTRAINT payments_status_check
    CHECK (status IN ('pending', 'authorised', 'declined', 'refunded'));
ALTER TABLE payments DROP CONSTRAINT payments_reference_when_authorised;
ALTER TABLE payments ADD CONSTRAINT payments_reference_when_authorised
    CHECK (status IN ('pending', 'declined') OR reference IS NOT NULL);

-- The simulated payment provider's own ledger: one row per idempotency key, however often it is asked. It stands
-- for the provider's side of the wire (written in transactions of its own), so that tests can count the charges a
-- crash or a retry could have doubled. A deployment with a real provider leaves it empty.
CREATE TABLE simulated_provider_charges (
    idempotency_key uuid          PRIMARY KEY,
    approved        boolean       NOT NULL,
    reference       varchar(200),
    reason          text,
    amount          numeric(12,2) NOT NULL,
    currency        char(3)       NOT NULL,
    requests        integer       NOT NULL DEFAULT 1,
    refunded_at     timestamptz,
    created_at      timestamptz   NOT NULL DEFAULT now()
);
