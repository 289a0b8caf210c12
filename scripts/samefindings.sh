#!/usr/bin/env bash
# Checks that an optimisation changed no finding: runs a reference edlint
# binary and the working tree's on the seed draft and the clean corpora
# (JSON output) and diffs the results. Build the reference from main first:
#   git worktree add /tmp/ref main && (cd /tmp/ref && go build -o /tmp/edlint-ref ./cmd/edlint)
#   scripts/samefindings.sh /tmp/edlint-ref
set -euo pipefail
cd "$(dirname "$0")/.."
ref=${1:?usage: scripts/samefindings.sh REFERENCE-BINARY}
shared=""
d=$PWD
while [ "$d" != / ]; do
  if [ -d "$d/../shared/corpora" ]; then shared=$(cd "$d/../shared" && pwd); break; fi
  d=$(dirname "$d")
done
[ -n "$shared" ] || { echo "samefindings: ../shared not found" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/edlint" ./cmd/edlint
status=0
for f in "$shared/samples/seed-draft.txt" "$shared"/corpora/clean/*; do
  name=$(basename "$f")
  "$ref" --format json "$f" >"$tmp/$name.ref.json" || true
  "$tmp/edlint" --format json "$f" >"$tmp/$name.new.json" || true
  if cmp -s "$tmp/$name.ref.json" "$tmp/$name.new.json"; then
    echo "same: $name ($(grep -c '"rule"' "$tmp/$name.new.json" || true) findings)"
  else
    echo "DIFFERENT: $name"
    diff "$tmp/$name.ref.json" "$tmp/$name.new.json" | head -20
    status=1
  fi
done
# All of them in one run: the files are then checked together.
"$ref" --format json "$shared/samples/seed-draft.txt" "$shared"/corpora/clean/* >"$tmp/all.ref.json" || true
"$tmp/edlint" --format json "$shared/samples/seed-draft.txt" "$shared"/corpora/clean/* >"$tmp/all.new.json" || true
if cmp -s "$tmp/all.ref.json" "$tmp/all.new.json"; then
  echo "same: all files in one run ($(grep -c '"rule"' "$tmp/all.new.json" || true) findings)"
else
  echo "DIFFERENT: all files in one run"
  diff "$tmp/all.ref.json" "$tmp/all.new.json" | head -20
  status=1
fi
exit $status
