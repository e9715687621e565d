#!/bin/bash
# Stand-in for the official kernel-slim image's features.sh, which runs `featureUtility installServerFeatures` to
# download the features the server configuration names. This base holds the full runtime already, so it only does
# the part that can fail a build: every feature named in /config must be one this Liberty has.
set -euo pipefail

shopt -s nullglob
configuration=(/config/server.xml /config/configDropins/*/*.xml)
features=$(sed -n 's:.*<feature>[[:space:]]*\([^<[:space:]]*\)[[:space:]]*</feature>.*:\1:p' "${configuration[@]}" | sort -u)
[[ -n $features ]] || { echo "features.sh: the server configuration names no features" >&2; exit 1; }

missing=0
for feature in $features; do
    if ! grep -qiE "^IBM-ShortName: *${feature//./\\.}[[:space:]]*\$" /opt/ol/wlp/lib/features/*.mf; then
        echo "features.sh: Liberty has no feature $feature" >&2
        missing=1
    fi
done
exit $missing
