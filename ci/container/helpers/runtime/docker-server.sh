#!/bin/bash
# Stand-in for the official image's entry point, reduced to what matters here: it writes a keystore.xml with a
# generated password at every start unless the image has one (on a read-only root filesystem that write fails and
# ends the container), then runs the command. Left out: importing mounted TLS certificates, session caches, and
# checkpoint/restore (InstantOn).
set -e
defaults=/config/configDropins/defaults/keystore.xml
if [[ ! -e $defaults && ! -e /config/configDropins/overrides/keystore.xml ]]; then
    echo "<server><keyStore id=\"defaultKeyStore\" password=\"$(head -c 24 /dev/urandom | base64)\"/></server>" > "$defaults"
fi
exec "$@"
