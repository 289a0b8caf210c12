#!/usr/bin/env bash
# fetch.sh downloads the pinned WordNet package that dict/gen/bigrams reads
# into a cache directory (default: dict/gen/.cache, which git ignores):
#
#   CACHE/wordnet/usr/share/wordnet/data.{noun,verb,adj,adv}
#
# Then regenerate dict/en-bigrams.txt from the repository root with
#   go run ./dict/gen/bigrams -src dict/gen/.cache
#
# Needs apt-get (after an `apt-get update`). The download is checked
# against the SHA-256 recorded here, so the generated file is
# reproducible; bump the version and its hash together.
set -euo pipefail

WORDNET_VERSION=1:3.0-37
WORDNET_SHA256=61060d960f9ada8fa120872312eccd3ecebfbab8c4579e4f5a74e1cf67620752

here="$(cd "$(dirname "$0")/.." && pwd)"
cache="${1:-$here/.cache}"
mkdir -p "$cache"
cache="$(cd "$cache" && pwd)"

deb="$cache/wordnet-base_${WORDNET_VERSION/:/%3a}_all.deb"
if [ ! -f "$deb" ]; then
	(cd "$cache" && apt-get download "wordnet-base=$WORDNET_VERSION") || {
		echo "fetch.sh: apt-get download failed; run 'apt-get update' first" >&2
		exit 1
	}
fi
echo "$WORDNET_SHA256  $deb" | sha256sum -c --quiet - || {
	echo "fetch.sh: $deb: unexpected SHA-256" >&2
	exit 1
}
rm -rf "$cache/wordnet"
dpkg-deb -x "$deb" "$cache/wordnet"
echo "fetch.sh: WordNet ready in $cache/wordnet"
