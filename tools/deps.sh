#!/bin/sh
# Installs the Debian packages marsad needs to build and test, when missing.
set -e
need="build-essential pkg-config libmicrohttpd-dev libjansson-dev libsqlite3-dev libstemmer-dev zlib1g-dev libxml2-dev libxxhash-dev libcriterion-dev libcurl4-openssl-dev sqlite3 curl python3 python3-yaml"
missing=""
for p in $need; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "deps: installing$missing"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing
