#!/bin/bash
# Stand-in for the official image's configure.sh, reduced to what applies to this project: the generated
# keystore.xml (written unless one exists, or TLS/SSL is "false") and the touch that makes the server read its
# configuration afresh. Left out: session-cache and SSO snippets (not used), interim fixes (none), and the OpenJ9
# shared class cache, which needs OpenJ9 (this base runs HotSpot) and which the official script fills by starting
# the server once during the build.
set -euo pipefail

keystore=/config/configDropins/defaults/keystore.xml
if [[ ${SSL:-} != false && ${TLS:-} != false && ! -e $keystore ]]; then
    password=$(head -c 24 /dev/urandom | base64)
    echo "<server><keyStore id=\"defaultKeyStore\" location=\"\${server.output.dir}/resources/security/key.p12\" type=\"PKCS12\" password=\"$password\"/></server>" > "$keystore"
fi
touch /config/server.xml
