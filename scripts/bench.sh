#!/usr/bin/env bash
# Speed and memory figures for edlint, as reported in the README ("Speed")
# and the issue notes. Needs the shared corpora (../shared, looked for
# upward from the repository): the clean corpora and the seed draft.
#
#   scripts/bench.sh            # everything (about five minutes)
#   scripts/bench.sh quick      # skip the go test benchmarks and the 100 MB run
#   EDLINT_REF=/tmp/edlint-main scripts/bench.sh quick
#                               # also time a reference binary (before/after)
#   EDLINT_REF=/tmp/edlint-main scripts/bench.sh ab [ROUNDS]
#                               # only the before/after: interleaved rounds
#
# The machine's speed drifts by as much as a fifth within the hour, and
# edlint's more than the other tools' (its tables live in the shared
# cache): compare a change with its reference by "ab", which runs the two
# in turn on one core, ROUNDS times (11 by default), and prints the median
# and best of each and the ratio of the medians.
#
# It builds a 20 MB corpus from ../shared/corpora/clean (the corpora
# repeated) in a temporary directory, then measures:
#   - go test -bench on one core: the parser, the dictionary (Check,
#     Suggest), every rule category, the whole lint and the reports;
#   - edlint on the 20 MB file on one core (wall time, MB/s, peak RSS),
#     against misspell (github.com/client9/misspell v0.3.4, installed from
#     the Go module proxy when missing), aspell in list mode and codespell
#     when installed, and Vale (on PATH, or built from the Go module proxy), with the ratio of each tool's
#     time to edlint's;
#   - the clean corpora once, as one file: the rate on text that does not
#     repeat (edlint judges each distinct word once), against the same tools;
#   - linear scaling: edlint on 1, 10 and 100 MB (one core);
#   - a directory of many files (the 20 MB cut into 100 KB files) with one
#     core and with two, and the speed-up;
#   - the seed draft, wall time including start-up (best and mean of 20).
# Every timing is one run of /usr/bin/time (10 ms resolution) on a machine
# that may be busy: repeat it before trusting a small difference.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-full}

shared=""
d=$PWD
while [ "$d" != / ]; do
  if [ -d "$d/../shared/corpora/clean" ]; then shared=$(cd "$d/../shared" && pwd); break; fi
  d=$(dirname "$d")
done
[ -n "$shared" ] || { echo "bench: ../shared/corpora/clean not found" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
PATH="$(go env GOPATH)/bin:$PATH"

# Static, as README "Install" builds it.
CGO_ENABLED=0 go build -o "$tmp/edlint" ./cmd/edlint
edlint="$tmp/edlint"

# corpus N FILE: N MB of the clean corpora, repeated.
corpus() {
  local bytes=$(($1 * 1048576)) out=$2
  : >"$out.all"
  while [ "$(stat -c %s "$out.all")" -lt "$bytes" ]; do
    cat "$shared"/corpora/clean/*.txt >>"$out.all"
  done
  head -c "$bytes" "$out.all" >"$out"
  rm "$out.all"
}
corpus 20 "$tmp/c20.txt"
size20=$(stat -c %s "$tmp/c20.txt")


# timed NAME CMD...: runs CMD (output discarded), prints the wall time, the
# throughput on the 20 MB corpus (or on $tsize bytes) and the peak RSS; sets
# $secs.
timed() {
  local name=$1
  shift
  /usr/bin/time -f "%e %M" -o "$tmp/time" "$@" >/dev/null 2>&1 || true
  read -r secs kb < <(tail -1 "$tmp/time")
  awk -v n="$name" -v s="$secs" -v kb="$kb" -v b="${tsize:-$size20}" \
    'BEGIN { printf "%-34s %7.2f s %8.1f MB/s %6.0f MB peak RSS\n", n, s, (s > 0 ? b / 1048576 / s : 0), kb / 1024 }'
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.1f", a / b; else print "-" }'; }

if [ "$mode" = ab ]; then
  [ -n "${EDLINT_REF:-}" ] || { echo "bench: ab needs EDLINT_REF=reference-binary" >&2; exit 2; }
  rounds=${2:-11}
  pin=()
  if command -v taskset >/dev/null 2>&1; then pin=(taskset -c 0); fi
  echo "== before/after on the 20 MB corpus, one core, $rounds interleaved rounds"
  : >"$tmp/ab"
  for _ in $(seq "$rounds"); do
    for which in new ref; do
      bin=$edlint
      [ "$which" = ref ] && bin=$EDLINT_REF
      # Wall time to the microsecond: /usr/bin/time's %e has 10 ms steps,
      # as coarse as the differences this mode is for.
      t0=$(date +%s%N)
      GOMAXPROCS=1 /usr/bin/time -f "%M" -o "$tmp/time" "${pin[@]}" "$bin" --color never -q "$tmp/c20.txt" >/dev/null 2>&1 || true
      t1=$(date +%s%N)
      echo "$which $(awk -v d=$((t1 - t0)) 'BEGIN { printf "%.4f", d / 1e9 }') $(tail -1 "$tmp/time")" >>"$tmp/ab"
    done
  done
  for which in new ref; do
    awk -v w="$which" '$1 == w { print $2, $3 }' "$tmp/ab" | sort -n | awk -v w="$which" -v b="$size20" '
      { t[NR] = $1; if ($2 > rss) rss = $2 }
      END { m = (NR % 2) ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2
            printf "%-9s median %5.3f s (%5.1f MB/s)  best %5.3f s  peak RSS %d MB\n", (w == "new" ? "this" : "reference"), m, b / 1048576 / m, t[1], rss / 1024
            print m > "/dev/stderr" }' 2>>"$tmp/medians"
  done
  { read -r mnew; read -r mref; } <"$tmp/medians"
  awk -v a="$mref" -v b="$mnew" 'BEGIN { printf "   the reference'"'"'s median is %.3fx this build'"'"'s\n", a / b }'
  exit 0
fi

if [ "$mode" != quick ]; then
  echo "== go test -bench, one core (parser, dictionary, rule categories, whole lint, reports)"
  GOMAXPROCS=1 go test ./internal/prose -run '^$' -bench Parse -benchtime 5x -benchmem
  GOMAXPROCS=1 go test ./internal/spell -run '^$' -bench 'Check|Suggest$|SuggestMemo|SuggestContext' -benchmem
  GOMAXPROCS=1 go test ./internal/rules -run '^$' -bench 'Category' -benchtime 3x -benchmem
  GOMAXPROCS=1 go test ./internal/lint -run '^$' -bench . -benchtime 3x -benchmem
  GOMAXPROCS=1 go test ./internal/report -run '^$' -bench 'Text|Streamed' -benchtime 3x -benchmem
fi

echo "== the 20 MB corpus ($size20 bytes), one file, one core"
GOMAXPROCS=1 timed "edlint (all rules)" "$edlint" --color never -q "$tmp/c20.txt"
t_edlint=$secs
if [ -n "${EDLINT_REF:-}" ]; then
  GOMAXPROCS=1 timed "reference edlint" "$EDLINT_REF" --color never -q "$tmp/c20.txt"
  echo "   the reference takes $(ratio "$secs" "$t_edlint")x this edlint's time"
fi
if command -v misspell >/dev/null 2>&1 || go install github.com/client9/misspell/cmd/misspell@v0.3.4 >/dev/null 2>&1; then
  GOMAXPROCS=1 timed "misspell v0.3.4" misspell "$tmp/c20.txt"
  echo "   misspell takes $(ratio "$secs" "$t_edlint")x edlint's time"
else
  echo "misspell: not installable here"
fi
if command -v aspell >/dev/null 2>&1 && aspell dicts 2>/dev/null | grep -qx en; then
  timed "aspell list (no suggestions)" sh -c "aspell --lang=en list < '$tmp/c20.txt'"
  echo "   aspell takes $(ratio "$secs" "$t_edlint")x edlint's time"
else
  echo "aspell: not installed (apt-get install aspell aspell-en)"
fi
if command -v codespell >/dev/null 2>&1; then
  timed "codespell" codespell "$tmp/c20.txt"
  echo "   codespell takes $(ratio "$secs" "$t_edlint")x edlint's time"
else
  echo "codespell: not installed (apt-get install codespell)"
fi
# Vale: on PATH, or built once from the Go module proxy into the cache. Its
# current release (github.com/vale-cli/vale/v3) pins a pseudo-version of
# cascadia that the proxy refuses here; the released v1.3.3 builds.
vale=$(command -v vale || true)
valecache="${XDG_CACHE_HOME:-$HOME/.cache}/edlint-bench"
if [ -z "$vale" ] && [ -x "$valecache/vale" ]; then vale=$valecache/vale; fi
if [ -z "$vale" ]; then
  mkdir -p "$valecache/mod"
  printf 'module valebuild\n\ngo 1.26\n\nrequire github.com/vale-cli/vale/v3 v3.26.0\n\nreplace github.com/andybalholm/cascadia => github.com/andybalholm/cascadia v1.3.3\n' >"$valecache/mod/go.mod"
  if (cd "$valecache/mod" && GOFLAGS=-mod=mod go build -o "$valecache/vale" github.com/vale-cli/vale/v3/cmd/vale) >/dev/null 2>&1; then
    vale=$valecache/vale
  fi
fi
if [ -n "$vale" ]; then
  # Vale's own built-in style: spelling, repeated words, its term list.
  printf 'MinAlertLevel = suggestion\n\n[*]\nBasedOnStyles = Vale\n' >"$tmp/vale.ini"
  GOMAXPROCS=1 timed "vale $("$vale" --version | awk '{print $NF}') (Vale style)" "$vale" --config "$tmp/vale.ini" --output line "$tmp/c20.txt"
  echo "   vale takes $(ratio "$secs" "$t_edlint")x edlint's time"
else
  echo "vale: not installable here"
fi

# The 20 MB corpus repeats the clean corpora; edlint judges each distinct
# word of a document once, so repeats cost it less than new text. The
# corpora once, as one file, show the rate on text it has not seen.
cat "$shared"/corpora/clean/*.txt >"$tmp/clean.txt"
tsize=$(stat -c %s "$tmp/clean.txt")
echo "== the clean corpora once, as one file ($tsize bytes of distinct text), one core"
GOMAXPROCS=1 timed "edlint (all rules)" "$edlint" --color never -q "$tmp/clean.txt"
t_clean=$secs
if [ -n "${EDLINT_REF:-}" ]; then
  GOMAXPROCS=1 timed "reference edlint" "$EDLINT_REF" --color never -q "$tmp/clean.txt"
fi
if command -v misspell >/dev/null 2>&1; then
  GOMAXPROCS=1 timed "misspell v0.3.4" misspell "$tmp/clean.txt"
  echo "   misspell takes $(ratio "$secs" "$t_clean")x edlint's time"
fi
if command -v aspell >/dev/null 2>&1 && aspell dicts 2>/dev/null | grep -qx en; then
  timed "aspell list (no suggestions)" sh -c "aspell --lang=en list < '$tmp/clean.txt'"
  echo "   aspell takes $(ratio "$secs" "$t_clean")x edlint's time"
fi
if command -v codespell >/dev/null 2>&1; then
  timed "codespell" codespell "$tmp/clean.txt"
  echo "   codespell takes $(ratio "$secs" "$t_clean")x edlint's time"
fi
unset tsize

echo "== linear scaling, one core"
sizes="1 10"
[ "$mode" = quick ] || sizes="1 10 100"
for mb in $sizes; do
  corpus "$mb" "$tmp/s$mb.txt"
  /usr/bin/time -f "%e %M" -o "$tmp/time" env GOMAXPROCS=1 "$edlint" --color never -q --max-file-size 0 "$tmp/s$mb.txt" >/dev/null 2>&1 || true
  read -r secs kb < <(tail -1 "$tmp/time")
  awk -v mb="$mb" -v s="$secs" -v kb="$kb" 'BEGIN { printf "%4d MB: %7.2f s %7.1f MB/s %6.0f MB peak RSS\n", mb, s, (s > 0 ? mb / s : 0), kb / 1024 }'
  rm -f "$tmp/s$mb.txt"
done

echo "== a directory of many files (the 20 MB in 100 KB files)"
mkdir "$tmp/many"
split -C 100k -d -a 4 --additional-suffix=.txt "$tmp/c20.txt" "$tmp/many/part"
echo "$(find "$tmp/many" -name '*.txt' | wc -l) files"
GOMAXPROCS=1 timed "edlint, 1 core" "$edlint" --color never -q "$tmp/many"
t1=$secs
GOMAXPROCS=2 timed "edlint, 2 cores" "$edlint" --color never -q "$tmp/many"
echo "   speed-up with two cores: $(ratio "$t1" "$secs")x"
if [ -n "${EDLINT_REF:-}" ]; then
  GOMAXPROCS=1 timed "reference edlint, 1 core" "$EDLINT_REF" --color never -q "$tmp/many"
  t1=$secs
  GOMAXPROCS=2 timed "reference edlint, 2 cores" "$EDLINT_REF" --color never -q "$tmp/many"
  echo "   speed-up with two cores: $(ratio "$t1" "$secs")x"
fi
GOMAXPROCS=1 timed "edlint --each-file, 1 core" "$edlint" --color never -q --each-file "$tmp/many"
t1=$secs
GOMAXPROCS=2 timed "edlint --each-file, 2 cores" "$edlint" --color never -q --each-file "$tmp/many"
echo "   speed-up with two cores: $(ratio "$t1" "$secs")x"

echo "== many small files: 1 and 2 MB in files of 1 KB (checked together), one core"
# The time per file must not grow with the number of files: the work of a
# set of files checked together is linear in their number.
for mb in 1 2; do
  mkdir "$tmp/small$mb"
  head -c $((mb * 1000000)) "$tmp/c20.txt" >"$tmp/small$mb.txt"
  split -C 1k -d -a 5 --additional-suffix=.txt "$tmp/small$mb.txt" "$tmp/small$mb/f"
  n=$(find "$tmp/small$mb" -name '*.txt' | wc -l)
  tsize=$((mb * 1000000)) GOMAXPROCS=1 timed "edlint, $n files" "$edlint" --color never -q "$tmp/small$mb"
  awk -v s="$secs" -v n="$n" 'BEGIN { printf "   %.2f ms a file\n", s * 1000 / n }'
  if [ -n "${EDLINT_REF:-}" ]; then
    tsize=$((mb * 1000000)) GOMAXPROCS=1 timed "reference edlint, $n files" "$EDLINT_REF" --color never -q "$tmp/small$mb"
    awk -v s="$secs" -v n="$n" 'BEGIN { printf "   %.2f ms a file\n", s * 1000 / n }'
  fi
  rm -rf "$tmp/small$mb" "$tmp/small$mb.txt"
done

echo "== seed draft ($(stat -c %s "$shared/samples/seed-draft.txt") bytes), wall time including start-up, 20 runs"
seedtime() {
  local name=$1
  shift
  for i in $(seq 20); do
    s=$(date +%s%N)
    "$@" "$shared/samples/seed-draft.txt" >/dev/null 2>&1 || true
    e=$(date +%s%N)
    echo $(((e - s) / 1000))
  done | sort -n | awk -v n="$name" '{ t[NR] = $1; sum += $1 } END { printf "%-10s best %6.1f ms, median %6.1f ms, mean %6.1f ms\n", n, t[1] / 1000, t[int((NR + 1) / 2)] / 1000, sum / NR / 1000 }'
}
seedtime edlint "$edlint" --color never
[ -z "${EDLINT_REF:-}" ] || seedtime reference "$EDLINT_REF" --color never
command -v misspell >/dev/null 2>&1 && seedtime misspell misspell
[ -z "$vale" ] || seedtime vale "$vale" --config "$tmp/vale.ini" --output line
if command -v aspell >/dev/null 2>&1 && aspell dicts 2>/dev/null | grep -qx en; then
  seedtime aspell sh -c 'aspell --lang=en list < "$0"'
fi
command -v codespell >/dev/null 2>&1 && seedtime codespell codespell
exit 0
