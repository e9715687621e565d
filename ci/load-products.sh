#!/usr/bin/env bash
# ci/load-products.sh N [DATABASE]: adds N synthetic products (spread over 20 categories, searchable names and
# descriptions, varied prices, stock and dates) to a database of the running service set, in one SQL statement,
# then ANALYZEs. For measuring listings and search at scale (docs/catalog.md), not for production data.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
count=${1:?usage: ci/load-products.sh N [DATABASE]}
database=${2:-$DB_NAME}

"$CI_DIR/postgres.sh" psql -d "$database" -v ON_ERROR_STOP=1 -q <<SQL
INSERT INTO categories (name, slug, description)
SELECT 'Bulk ' || g, 'bulk-' || g, 'Synthetic category ' || g FROM generate_series(1, 20) g
ON CONFLICT DO NOTHING;

WITH words AS (
    SELECT ARRAY['walnut','oak','steel','linen','wool','copper','bamboo','glass','leather','cotton',
                 'desk','lamp','chair','kettle','blanket','speaker','cable','shelf','bottle','jacket'] AS w
), cats AS (
    SELECT array_agg(id ORDER BY slug) AS ids FROM categories WHERE slug LIKE 'bulk-%'
)
INSERT INTO products (category_id, sku, name, description, price, currency, stock, created_at, updated_at)
SELECT cats.ids[1 + (g % 20)],
       'BULK-' || to_char(clock_timestamp(), 'YYYYMMDDHH24MISSUS') || '-' || g,
       initcap(w[1 + (g % 10)]) || ' ' || w[11 + (g / 10 % 10)] || ' ' || g,
       'A ' || w[1 + (g / 100 % 10)] || ' and ' || w[1 + (g / 1000 % 10)] || ' ' || w[11 + (g % 7)] || ' for every day',
       round((1 + (g::bigint * 7919 % 100000) / 100.0)::numeric, 2),
       'EUR',
       CASE WHEN g % 10 = 0 THEN 0 ELSE g % 500 END,
       now() - make_interval(secs => g),
       now() - make_interval(secs => g)
FROM generate_series(1, $count) g, words, cats;
ANALYZE products;
SQL
echo "loaded $count products into $database"
