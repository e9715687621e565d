#!/usr/bin/env bash
# ci/demo-images.sh: redraws the demo catalog's product pictures (src/main/webapp/demo/products/<SKU>.svg) from the
# demo data script. Run it after adding or renaming a demo product; the output is the same on every run, so the
# pictures are committed and the build does not need this.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$root/src/main/webapp/demo/products"
rm -f "$out"/*.svg
java "$root/ci/DemoImages.java" "$out" "$root/src/main/resources/db/demo/R__demo_data.sql"
