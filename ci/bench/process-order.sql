-- Everything the beans do in the database for one order, in their transactions, for pgbench beside the drain
-- benchmark (take-payment.sql is the settlement alone):
--   1. OrderService.beginPayment: the attempt, recorded pending;
--   2. SimulatedProviderLedger.charge: the simulated provider's books (the stand-in for a remote gateway);
--   3. OrderService.settlePayment: the message id claimed, the order and its payment locked, the answer recorded,
--      the order moved, its history, and the status change and the confirmation mail's request put in an outbox
--      (bench_outbox, a copy that the relay does not read);
--   4. NotificationMdb: the mail's message id claimed and the customer's address read.
-- Left out: the outbox relay's reads and deletes, which the server does in batches (so this ceiling is, if anything,
-- a little faster than the server's own SQL).
-- Works through the pending orders that place-order.sql made, numbered in bench_queue (ci/bench/fixtures.sh); :order_id
-- comes quoted from \gset.
BEGIN;
SELECT quote_literal(order_id) AS order_id FROM bench_queue WHERE n = (SELECT nextval('bench_queue_next')) \gset
SELECT id, status, total_amount, currency, version FROM orders WHERE id = :order_id;
INSERT INTO payments (order_id, status, amount, currency) VALUES (:order_id, 'pending', 10.00, 'EUR')
    ON CONFLICT (order_id) DO NOTHING;
SELECT id, status, amount, currency, reference, reason, version FROM payments WHERE order_id = :order_id;
COMMIT;

INSERT INTO simulated_provider_charges (idempotency_key, approved, reference, amount, currency)
    VALUES (:order_id, true, 'bench', 10.00, 'EUR')
    ON CONFLICT (idempotency_key) DO UPDATE SET requests = simulated_provider_charges.requests + 1
    RETURNING approved, reference, reason;

BEGIN;
INSERT INTO processed_messages (consumer, message_id) VALUES ('bench', gen_random_uuid()::text) ON CONFLICT DO NOTHING;
SELECT id, status, version FROM orders WHERE id = :order_id FOR UPDATE;
SELECT id, status, version FROM payments WHERE order_id = :order_id FOR UPDATE;
UPDATE payments SET status = 'authorised', reference = 'bench', version = version + 1, updated_at = now()
 WHERE order_id = :order_id;
UPDATE orders SET status = 'processing', version = version + 1, updated_at = now() WHERE id = :order_id;
INSERT INTO order_status_history (order_id, status, reason) VALUES (:order_id, 'processing', 'payment authorised (bench)');
INSERT INTO bench_outbox (address, routing, body, properties, correlation_id) VALUES
    ('emporium.orders.events', 'multicast', repeat('x', 480), '{"ce_type": "dev.emporium.order.status-changed.v1"}', 'bench'),
    ('emporium.notifications', 'anycast', repeat('x', 440), '{"ce_type": "dev.emporium.notification.requested.v1"}', 'bench');
COMMIT;

BEGIN;
INSERT INTO processed_messages (consumer, message_id) VALUES ('bench', gen_random_uuid()::text) ON CONFLICT DO NOTHING;
SELECT email, active FROM users WHERE id = :user;
COMMIT;
