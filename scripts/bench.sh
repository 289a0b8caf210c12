#!/usr/bin/env bash
# Speed and memory figures for edlint, as reported in the README and the
# issue notes. Needs ../shared (the clean corpora and the seed draft).
#   scripts/bench.sh            # benchmarks + end-to-end timings
# It builds a 20 MB corpus from ../shared/corpora/clean in a temporary
# directory, then measures:
#   - go test -bench for the parser and the whole rule set (one core);
#   - the built binary on the seed draft (wall time including start-up,
#     best of 10) and on the 20 MB file (wall time, peak RSS);
#   - misspell (github.com/client9/misspell, installed from the Go module
#     proxy) on the same file, for a ratio.
set -euo pipefail
cd "$(dirname "$0")/.."
shared=../shared
[ -d "$shared/corpora/clean" ] || { echo "bench: $shared/corpora/clean not found" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

go build -o "$tmp/edlint" ./cmd/edlint
while [ "$(stat -c %s "$tmp/corpus.txt" 2>/dev/null || echo 0)" -lt 20971520 ]; do
  cat "$shared"/corpora/clean/*.txt >> "$tmp/corpus.txt"
done
head -c 20971520 "$tmp/corpus.txt" > "$tmp/corpus20.txt"

echo "== go test -bench (one core)"
GOMAXPROCS=1 go test ./internal/lint -run '^$' -bench . -benchtime 3x -benchmem

echo "== hedging: the one-pass phrase matching against a whole lint (clean corpus, one core)"
GOMAXPROCS=1 go test ./internal/rules -run '^$' -bench 'HedgingRules|HedgingEstimates|LintAll' -benchtime 3x

echo "== seed draft, wall time including start-up (best of 10)"
best=""
for _ in $(seq 10); do
  t=$( { /usr/bin/time -f "%e" "$tmp/edlint" --color never "$shared/samples/seed-draft.txt" >/dev/null; } 2>&1 | tail -1)
  if [ -z "$best" ] || awk "BEGIN{exit !($t < $best)}"; then best=$t; fi
done
echo "seed draft: ${best}s"

echo "== 20 MB corpus, one file, GOMAXPROCS=1"
GOMAXPROCS=1 /usr/bin/time -f "edlint: %e s wall, %M KB peak RSS" "$tmp/edlint" --color never -q "$tmp/corpus20.txt" >/dev/null || true

if command -v misspell >/dev/null 2>&1 || go install github.com/client9/misspell/cmd/misspell@v0.3.4 2>/dev/null; then
  PATH="$(go env GOPATH)/bin:$PATH"
  /usr/bin/time -f "misspell: %e s wall, %M KB peak RSS" misspell "$tmp/corpus20.txt" >/dev/null || true
fi
