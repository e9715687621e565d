#!/usr/bin/env bash
# ci/jwt-keys.sh: makes the RSA key pair that signs access tokens for this service set, unless the files named by
# EMPORIUM_JWT_PRIVATE_KEY_FILE and MP_JWT_VERIFY_PUBLICKEY_LOCATION exist. For local runs and tests only: in
# production the keys come from a Secret.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

if [[ -f "$EMPORIUM_JWT_PRIVATE_KEY_FILE" && -f "$MP_JWT_VERIFY_PUBLICKEY_LOCATION" ]]; then
    exit 0
fi
log "generating a JWT signing key pair in $JWT_KEY_DIR"
java "$CI_DIR/GenerateJwtKeys.java" "$JWT_KEY_DIR"
