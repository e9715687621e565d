#!/usr/bin/env bash
# ci/chromium.sh ensure|status
#   ensure: makes sure Debian's chromium and chromium-driver are installed (the browser tests drive them through
#           Selenium): as root, installs the missing packages with apt-get; otherwise says what to install.
#   status: prints the browser's and the driver's versions; fails if either is missing.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

CHROMIUM_BIN=/usr/bin/chromium
CHROMEDRIVER_BIN=/usr/bin/chromedriver

installed() { [[ -x "$CHROMIUM_BIN" && -x "$CHROMEDRIVER_BIN" ]]; }

install_chromium() {
    installed && return
    # Without the recommended desktop packages (udev, upower, printing...), but with a font for the screenshots.
    apt_install chromium chromium-driver fonts-liberation
    installed || die "apt-get finished but $CHROMIUM_BIN or $CHROMEDRIVER_BIN is still missing"
}

# Debian's chromium wrapper script prints a harmless shell warning on stderr: keep only the version lines.
versions() {
    "$CHROMIUM_BIN" --version 2>/dev/null
    "$CHROMEDRIVER_BIN" --version 2>/dev/null
}

case "${1:-}" in
    ensure)
        install_chromium
        log "$(versions | paste -sd ';' | sed 's/;/; /')"
        ;;
    status)
        installed || { echo "Chromium missing"; exit 1; }
        versions
        ;;
    *)
        echo "usage: $0 ensure|status" >&2; exit 2
        ;;
esac
