-- What OrderProcessingMdb does in the database for one order (payment step), for pgbench beside the drain
-- benchmark: claim the message id, lock the order, record the payment, move the order, record the history, and
-- put the status change and the confirmation e-mail request in an outbox (bench_outbox, a copy of the outbox table
-- that the relay does not read).
-- Works through the pending orders that place-order.sql made, numbered in bench_queue (ci/bench/fixtures.sh); :order_id
-- comes quoted from \gset.
BEGIN;
SELECT quote_literal(order_id) AS order_id FROM bench_queue WHERE n = (SELECT nextval('bench_queue_next')) \gset
INSERT INTO processed_messages (consumer, message_id) VALUES ('bench', gen_random_uuid()::text) ON CONFLICT DO NOTHING;
SELECT id, status, version FROM orders WHERE id = :order_id FOR UPDATE;
INSERT INTO payments (order_id, status, amount, currency, reference) VALUES (:order_id, 'authorised', 10.00, 'EUR', 'bench');
UPDATE orders SET status = 'processing', version = version + 1, updated_at = now() WHERE id = :order_id;
INSERT INTO order_status_history (order_id, status, reason) VALUES (:order_id, 'processing', 'payment authorised (bench)');
INSERT INTO bench_outbox (address, routing, body, properties, correlation_id) VALUES
    ('emporium.orders.events', 'multicast', repeat('x', 480), '{"ce_type": "dev.emporium.order.status-changed.v1"}', 'bench'),
    ('emporium.notifications', 'anycast', repeat('x', 440), '{"ce_type": "dev.emporium.notification.requested.v1"}', 'bench');
COMMIT;
