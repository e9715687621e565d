-- A refund is asked of the gateway after the transaction that cancels the order commits, not inside it: until the
-- gateway has answered, the payment is 'refund_pending' (owed), and a periodic job asks again for those still owed.
ALTER TABLE payments DROP CONSTRAINT payments_status_check;
ALTER TABLE payments ADD CONSTRAINT payments_status_check
    CHECK (status IN ('pending', 'authorised', 'declined', 'refund_pending', 'refunded'));
-- The job looks for the refunds owed, oldest first: few rows at any time.
CREATE INDEX payments_refunds_owed_idx ON payments (updated_at) WHERE status = 'refund_pending';

-- The simulated provider counts the requests to give back, as it counts those to charge.
ALTER TABLE simulated_provider_charges ADD COLUMN refund_requests integer NOT NULL DEFAULT 0;
