#!/usr/bin/env bash
# aspell-baseline.sh measures GNU Aspell's first-suggestion accuracy on a
# list of common misspellings (wrong<TAB>right per line), as a baseline for
# edlint's own suggestions. Needs the Debian packages aspell and aspell-en.
#
#   bash dict/gen/aspell-baseline.sh [TSV]
#
# TSV defaults to ../shared/corpora/typos/wikipedia-for-machines.tsv (from
# the repository root). Each row is checked with `aspell -a` in its
# default mode (language, suggestion mode); a row is "flagged" when Aspell
# reports any word of the misspelling as unknown and "first correct" when
# its first suggestion is exactly the correction. A correction containing
# a space counts as a miss unless Aspell suggests exactly that.
set -euo pipefail

tsv="${1:-../shared/corpora/typos/wikipedia-for-machines.tsv}"
command -v aspell >/dev/null || {
	echo "aspell-baseline.sh: aspell not installed (apt-get install aspell aspell-en)" >&2
	exit 1
}
[ -r "$tsv" ] || {
	echo "aspell-baseline.sh: cannot read $tsv" >&2
	exit 1
}

echo "aspell: $(aspell --version)"
echo "lang: $(aspell config lang), sug-mode: $(aspell config sug-mode), master: $(aspell config master)"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# One aspell pipe for all rows; '^' makes every line plain data.
cut -f1 "$tsv" | sed 's/^/^/' | aspell -a | tail -n +2 >"$tmp/out"

awk -F'\t' -v out="$tmp/out" '
BEGIN {
	# Read the result blocks: one per input line, ended by an empty line.
	n = 1
	while ((getline line < out) > 0) {
		if (line == "") { n++; continue }
		c = substr(line, 1, 1)
		if ((c == "&" || c == "#") && !(n in flagged)) {
			flagged[n] = 1
			sug[n] = ""
			if (c == "&") {
				s = line
				sub(/^[^:]*: /, "", s)
				split(s, parts, ", ")
				sug[n] = parts[1]
			}
		}
	}
}
{
	rows++
	if (NR in flagged) {
		found++
		if (sug[NR] == $2) first++
	}
}
END {
	printf "rows: %d\nflagged: %d (%.1f%%)\nfirst suggestion correct: %d (%.1f%%)\n",
		rows, found, 100 * found / rows, first, 100 * first / rows
}' "$tsv"
