#!/usr/bin/env bash
# ci/chromium.sh ensure|status
#   ensure: makes sure Debian's chromium and chromium-driver are installed (the browser tests drive them through
#           Selenium): as root, installs the missing packages with apt-get, as ci/postgres.sh does for PostgreSQL;
#           otherwise says what to install.
#   status: prints the browser's and the driver's versions; fails if either is missing.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

CHROMIUM_BIN=/usr/bin/chromium
CHROMEDRIVER_BIN=/usr/bin/chromedriver

installed() { [[ -x "$CHROMIUM_BIN" && -x "$CHROMEDRIVER_BIN" ]]; }

# Another apt-get or dpkg (an image build, another session's install) may hold dpkg's locks: wait for it rather
# than fail. apt-get's own lock timeout covers the front-end lock; this covers the time before apt-get even starts.
dpkg_free() {
    ! fuser /var/lib/dpkg/lock-frontend /var/lib/dpkg/lock /var/lib/apt/lists/lock >/dev/null 2>&1
}

install_chromium() {
    installed && return
    [[ $(id -u) -eq 0 ]] \
        || die "Chromium is missing ($CHROMIUM_BIN, $CHROMEDRIVER_BIN); install the Debian packages 'chromium' and 'chromium-driver'"
    if command -v fuser >/dev/null 2>&1 && ! dpkg_free; then
        log "another package installation is running: waiting for it (up to 15 minutes)"
        wait_for 900 "dpkg lock released" dpkg_free || die "dpkg stayed locked for 15 minutes; try again later"
        installed && return
    fi
    log "installing chromium and chromium-driver from Debian packages"
    export DEBIAN_FRONTEND=noninteractive
    apt-get -o DPkg::Lock::Timeout=900 update -qq >/dev/null
    # Without the recommended desktop packages (udev, upower, printing...), but with a font for the screenshots.
    apt-get -o DPkg::Lock::Timeout=900 install -y -qq --no-install-recommends chromium chromium-driver fonts-liberation >/dev/null
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
