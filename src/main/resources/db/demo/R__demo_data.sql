-- Demo data for local runs (EMPORIUM_DEMO_DATA=true, set by ci/run.sh): six categories, 48 products and two users.
-- Repeatable and idempotent: Flyway runs it after the versioned migrations and again only if this file changes;
-- rows that already exist are left as they are, except that a demo product without a picture gets its demo picture
-- (so a database made before the pictures existed gains them; stock and prices an admin changed stay).
-- The pictures are src/main/webapp/demo/products/<SKU>.svg, drawn by ci/demo-images.sh: run it after adding a product.
--
-- Demo accounts (documented in README.md; for local use only):
--   admin@emporium.test     / Emporium-Admin-Demo-2026     (ADMIN)
--   customer@emporium.test  / Emporium-Customer-Demo-2026  (CUSTOMER)
-- Password hashes: PBKDF2-HMAC-SHA256, 600,000 iterations, 32-byte salt and key, in the format of Jakarta Security's
-- Pbkdf2PasswordHash (algorithm:iterations:base64 salt:base64 hash).

INSERT INTO users (username, email, password_hash, role) VALUES
    ('demo-admin', 'admin@emporium.test', 'PBKDF2WithHmacSHA256:600000:IWwzkmQzjP5Ix5Xapag7hpHYFDPgZC8rF8rrlFJXdDw=:rQmMOzH29M50Uj1vd3/AJ9ZlNYa/8EdNZnfr7Ek6qmc=', 'ADMIN'),
    ('demo-customer', 'customer@emporium.test', 'PBKDF2WithHmacSHA256:600000:kvnBTaAiI8qCRicQdgmDNi0j/zSy/WSCjsgauAFW0nk=:qAWbC3PTPEZ61GtAK/oW1X4A9aSY3dS6ZTRw69ipWTc=', 'CUSTOMER')
ON CONFLICT DO NOTHING;

INSERT INTO categories (name, slug, description) VALUES
    ('Home Office', 'home-office', 'Desks, chairs and lamps for working at home'),
    ('Kitchen', 'kitchen', 'Cookware and tools'),
    ('Outdoor', 'outdoor', 'Camping and garden gear'),
    ('Electronics', 'electronics', 'Audio, power and accessories'),
    ('Books', 'books', 'Printed books on making things')
ON CONFLICT DO NOTHING;

INSERT INTO categories (name, slug, description, parent_id)
SELECT 'Headphones', 'headphones', 'Over-ear, in-ear and wireless', id FROM categories WHERE slug = 'electronics'
ON CONFLICT DO NOTHING;

INSERT INTO products (category_id, sku, name, description, price, currency, stock, image_url)
SELECT c.id, p.sku, p.name, p.description, p.price, 'EUR', p.stock, '/demo/products/' || p.sku || '.svg'
FROM (VALUES
    ('home-office', 'DEMO-HOME-001', 'Walnut standing desk', 'Height-adjustable desk with a solid walnut top and quiet dual motors.', 649.00, 12),
    ('home-office', 'DEMO-HOME-002', 'Ergonomic mesh chair', 'Breathable mesh back, adjustable lumbar support and 4D armrests.', 329.00, 25),
    ('home-office', 'DEMO-HOME-003', 'LED desk lamp', 'Dimmable desk lamp with warm-to-cool colour temperature and USB-C charging.', 59.90, 80),
    ('home-office', 'DEMO-HOME-004', 'Felt desk pad', 'Large wool felt pad that protects the desk and quiets the keyboard.', 34.50, 140),
    ('home-office', 'DEMO-HOME-005', 'Monitor arm', 'Gas-spring arm for monitors up to 32 inches, clamp or grommet mount.', 119.00, 40),
    ('home-office', 'DEMO-HOME-006', 'Cable tray', 'Steel under-desk tray that hides power strips and cables.', 29.00, 200),
    ('home-office', 'DEMO-HOME-007', 'Footrest', 'Tilting footrest with a textured surface.', 39.00, 60),
    ('home-office', 'DEMO-HOME-008', 'Bookshelf speaker stand', 'Pair of desk stands that angle speakers to ear height.', 45.00, 35),
    ('home-office', 'DEMO-HOME-009', 'Oak pen holder', 'Turned oak pen cup, hand finished.', 18.00, 120),
    ('kitchen', 'DEMO-KITC-001', 'Cast iron skillet', 'Pre-seasoned 26 cm cast iron skillet for stove, oven and grill.', 44.90, 90),
    ('kitchen', 'DEMO-KITC-002', 'Chef''s knife', '20 cm stainless steel chef''s knife with a full tang.', 89.00, 55),
    ('kitchen', 'DEMO-KITC-003', 'Pour-over coffee set', 'Ceramic dripper, glass carafe and 100 filters.', 39.50, 70),
    ('kitchen', 'DEMO-KITC-004', 'Stainless stock pot', '8 litre stock pot with an encapsulated base for even heat.', 74.00, 30),
    ('kitchen', 'DEMO-KITC-005', 'Bamboo cutting board', 'Large end-grain bamboo board with a juice groove.', 32.00, 110),
    ('kitchen', 'DEMO-KITC-006', 'Digital kitchen scale', 'Scale with 1 g resolution up to 5 kg and a tare button.', 24.90, 150),
    ('kitchen', 'DEMO-KITC-007', 'Enamelled dutch oven', '5.5 litre enamelled cast iron pot for braising and baking bread.', 159.00, 2),
    ('kitchen', 'DEMO-KITC-008', 'Espresso grinder', 'Burr grinder with 40 settings from espresso to French press.', 189.00, 15),
    ('kitchen', 'DEMO-KITC-009', 'Linen tea towels', 'Set of three stonewashed linen towels.', 21.00, 0),
    ('outdoor', 'DEMO-OUTD-001', 'Two-person tent', 'Freestanding three-season tent, 1.9 kg packed.', 249.00, 18),
    ('outdoor', 'DEMO-OUTD-002', 'Down sleeping bag', 'Comfort rated to -5 C with responsibly sourced down.', 279.00, 1),
    ('outdoor', 'DEMO-OUTD-003', 'Camping stove', 'Compact gas stove with piezo ignition.', 49.00, 65),
    ('outdoor', 'DEMO-OUTD-004', 'Trekking poles', 'Pair of carbon poles with cork grips.', 99.00, 40),
    ('outdoor', 'DEMO-OUTD-005', 'Insulated bottle', '750 ml stainless bottle that keeps drinks cold for 24 hours.', 29.90, 300),
    ('outdoor', 'DEMO-OUTD-006', 'Headlamp', 'Rechargeable 400 lumen headlamp with a red light mode.', 39.00, 85),
    ('outdoor', 'DEMO-OUTD-007', 'Garden kneeler', 'Padded kneeler that flips into a seat.', 34.00, 45),
    ('outdoor', 'DEMO-OUTD-008', 'Hammock', 'Parachute nylon hammock with tree straps.', 54.00, 38),
    ('outdoor', 'DEMO-OUTD-009', 'Folding camp chair', 'Lightweight chair that packs to the size of a water bottle.', 89.00, 0),
    ('electronics', 'DEMO-ELEC-001', 'USB-C power bank', '20,000 mAh power bank with 65 W USB-C output.', 69.00, 100),
    ('electronics', 'DEMO-ELEC-002', 'GaN charger', '100 W three-port charger for laptop, phone and tablet.', 59.00, 140),
    ('electronics', 'DEMO-ELEC-003', 'Mechanical keyboard', 'Tenkeyless keyboard with hot-swappable tactile switches.', 129.00, 45),
    ('electronics', 'DEMO-ELEC-004', 'Wireless mouse', 'Quiet wireless mouse with a 70-day battery.', 39.00, 160),
    ('electronics', 'DEMO-ELEC-005', '4K webcam', 'Webcam with autofocus and dual microphones.', 119.00, 30),
    ('electronics', 'DEMO-ELEC-006', 'Smart plug', 'Wi-Fi plug with energy monitoring.', 19.90, 250),
    ('electronics', 'DEMO-ELEC-007', 'Portable SSD', '1 TB USB-C SSD, 1,000 MB/s.', 99.00, 75),
    ('electronics', 'DEMO-ELEC-008', 'Bluetooth speaker', 'Waterproof speaker with 12 hours of play time.', 79.00, 50),
    ('headphones', 'DEMO-HEAD-001', 'Noise cancelling headphones', 'Over-ear wireless headphones with adaptive noise cancelling.', 299.00, 35),
    ('headphones', 'DEMO-HEAD-002', 'True wireless earbuds', 'Earbuds with wireless charging case and 8 hour battery.', 149.00, 90),
    ('headphones', 'DEMO-HEAD-003', 'Studio monitor headphones', 'Closed-back wired headphones for mixing.', 159.00, 25),
    ('headphones', 'DEMO-HEAD-004', 'Sport earbuds', 'Sweat-resistant earbuds with ear hooks.', 79.00, 60),
    ('headphones', 'DEMO-HEAD-005', 'Headphone stand', 'Aluminium stand with a cable hook.', 35.00, 70),
    ('headphones', 'DEMO-HEAD-006', 'Open-back headphones', 'Open-back wired headphones with velour pads for long listening sessions.', 199.00, 2),
    ('books', 'DEMO-BOOK-001', 'The Joinery Handbook', 'Hand-cut joints explained step by step, 320 pages.', 39.00, 40),
    ('books', 'DEMO-BOOK-002', 'Bread at Home', 'Sourdough and yeasted breads for the home oven.', 29.00, 65),
    ('books', 'DEMO-BOOK-003', 'Small Gardens', 'Planting plans for balconies and courtyards.', 24.00, 50),
    ('books', 'DEMO-BOOK-004', 'Repairing Electronics', 'Diagnosing and fixing everyday devices.', 34.00, 30),
    ('books', 'DEMO-BOOK-005', 'Camp Cooking', 'Recipes for one pot and an open fire.', 22.00, 45),
    ('books', 'DEMO-BOOK-006', 'Sharpening by Hand', 'Whetstones, strops and honing guides for kitchen knives and workshop tools, 192 pages.', 27.00, 3),
    ('books', 'DEMO-BOOK-007', 'The Bicycle Workshop', 'Servicing a bike at home, from brake pads to wheel bearings.', 31.00, 0)
) AS p (category_slug, sku, name, description, price, stock)
JOIN categories c ON c.slug = p.category_slug
-- Only the picture, and only where there is none: an admin's picture, stock and price changes win.
ON CONFLICT (sku) DO UPDATE SET image_url = EXCLUDED.image_url WHERE products.image_url IS NULL;
