-- What placing one order does in the database (OrderService.place), for pgbench beside the HTTP benchmark:
-- read the product, insert the order, its line, its first history entry and its two outgoing messages (order placed,
-- status changed), and reserve the stock last (so the product's row is locked only until the commit), in one
-- transaction. The messages go to bench_outbox, a copy of the outbox table
-- that the relay does not read.
-- Set with pgbench -D: :prefix (quoted SKU prefix), :products (how many products the clients share), :user.
\set n :client_id % :products + 1
BEGIN;
SELECT id, name, price, currency FROM products WHERE sku = :prefix || :n AND archived_at IS NULL;
WITH p AS (
    SELECT id FROM products WHERE sku = :prefix || :n
), o AS (
    INSERT INTO orders (user_id, status, total_amount, currency, shipping_address)
    VALUES (:user, 'pending', 10.00, 'EUR', '1 Bench Street') RETURNING id
), line AS (
    INSERT INTO order_items (order_id, product_id, product_name, quantity, unit_price, line_total)
    SELECT o.id, p.id, 'Bench product', 1, 10.00, 10.00 FROM o, p
)
INSERT INTO order_status_history (order_id, status, reason) SELECT id, 'pending', 'placed' FROM o;
INSERT INTO bench_outbox (address, routing, body, properties, correlation_id) VALUES
    ('emporium.orders.placed', 'anycast', repeat('x', 420), '{"ce_type": "dev.emporium.order.placed.v1"}', 'bench'),
    ('emporium.orders.events', 'multicast', repeat('x', 480), '{"ce_type": "dev.emporium.order.status-changed.v1"}', 'bench');
UPDATE products SET stock = stock - 1, version = version + 1, updated_at = now()
 WHERE sku = :prefix || :n AND archived_at IS NULL AND stock >= 1;
COMMIT;
