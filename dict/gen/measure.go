package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// runMeasure prints, for each candidate SCOWL size and list composition,
// how many of the Wikipedia misspellings the list would accept (they could
// never be flagged) and how many words of the clean corpora it would flag.
func runMeasure(w io.Writer, s *scowl, shared string) error {
	typos, err := readTypos(filepath.Join(shared, "corpora", "typos", "wikipedia-for-machines.tsv"))
	if err != nil {
		return err
	}
	clean, err := filepath.Glob(filepath.Join(shared, "corpora", "clean", "*.txt"))
	if err != nil || len(clean) == 0 {
		return fmt.Errorf("no clean corpora under %s", shared)
	}
	var tokens []string
	for _, p := range clean {
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		tokens = append(tokens, tokenize(norm.NFC.String(string(b)))...)
	}
	fmt.Fprintf(w, "misspellings: %d distinct; clean corpus: %d word tokens\n\n", len(typos), len(tokens))
	fmt.Fprintln(w, "| size | lists | entries | typos accepted | typo recall | distinct flagged | flagged tokens | flagged per 10k words |")
	fmt.Fprintln(w, "|---|---|---:|---:|---:|---:|---:|---:|")

	type variant struct {
		name      string
		spellings []string
		kinds     []string
	}
	noRoman := baseKinds[:len(baseKinds)-1]
	variants := []variant{
		{"words only", baseSpellings, []string{"words"}},
		{"+ upper, proper-names, abbreviations, contractions", baseSpellings, noRoman},
		{"+ roman numerals (chosen composition)", baseSpellings, baseKinds},
		{"+ roman numerals + variant_1", append(append([]string(nil), baseSpellings...), "variant_1"), baseKinds},
	}
	for _, size := range []int{50, 55, 60, 70, 80} {
		for _, v := range variants {
			ws, err := s.wordList(size, v.spellings, v.kinds)
			if err != nil {
				return err
			}
			set := make(map[string]bool, len(ws))
			for _, x := range ws {
				set[x] = true
			}
			accepted := 0
			for _, t := range typos {
				if known(set, t) {
					accepted++
				}
			}
			flagged := map[string]int{}
			total := 0
			for _, t := range tokens {
				if !known(set, t) {
					flagged[t]++
					total++
				}
			}
			fmt.Fprintf(w, "| %d | %s | %d | %d | %.1f%% | %d | %d | %.1f |\n", size, v.name, len(set),
				accepted, 100*float64(len(typos)-accepted)/float64(len(typos)),
				len(flagged), total, 1e4*float64(total)/float64(len(tokens)))
			if os.Getenv("GEN_MEASURE_VERBOSE") != "" {
				top := make([]string, 0, len(flagged))
				for t := range flagged {
					top = append(top, t)
				}
				sort.Slice(top, func(i, j int) bool {
					if flagged[top[i]] != flagged[top[j]] {
						return flagged[top[i]] > flagged[top[j]]
					}
					return top[i] < top[j]
				})
				if len(top) > 60 {
					top = top[:60]
				}
				for _, t := range top {
					fmt.Fprintf(w, "    %s %d\n", t, flagged[t])
				}
			}
		}
	}
	return nil
}

// readTypos returns the distinct misspellings (left column) of the
// Wikipedia list, skipping those containing spaces.
func readTypos(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer func() { _ = f.Close() }() // read only: nothing to lose
	seen := map[string]bool{}
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		wrong, _, _ := strings.Cut(sc.Text(), "\t")
		wrong = norm.NFC.String(strings.TrimSpace(wrong))
		if wrong == "" || strings.ContainsRune(wrong, ' ') || seen[wrong] {
			continue
		}
		seen[wrong] = true
		out = append(out, wrong)
	}
	return out, sc.Err()
}

// known reports whether w is in the list as it is or, if it is
// capitalised, in lower case.
func known(set map[string]bool, w string) bool {
	if set[w] {
		return true
	}
	first, size := utf8.DecodeRuneInString(w)
	lw := strings.ToLower(w)
	return unicode.IsUpper(first) && w[size:] == lw[len(string(unicode.ToLower(first))):] && set[lw]
}

// tokenize splits text into the words a spelling check would look at:
// runs of letters, split at inner apostrophes and hyphens, with a
// possessive 's dropped; tokens containing digits and all-capital tokens
// of two or more letters are left out.
func tokenize(text string) []string {
	var out []string
	rs := []rune(text)
	isApos := func(r rune) bool { return r == '\'' || r == '\u2019' }
	for i := 0; i < len(rs); {
		if !unicode.IsLetter(rs[i]) && !unicode.IsDigit(rs[i]) {
			i++
			continue
		}
		j := i
		for j < len(rs) {
			r := rs[j]
			if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) {
				j++
				continue
			}
			if (isApos(r) || r == '-') && j+1 < len(rs) && (unicode.IsLetter(rs[j+1]) || unicode.IsDigit(rs[j+1])) {
				j++
				continue
			}
			break
		}
		tok := string(rs[i:j])
		i = j
		if strings.ContainsFunc(tok, unicode.IsDigit) {
			continue
		}
		for _, suf := range []string{"'s", "\u2019s"} {
			tok = strings.TrimSuffix(tok, suf)
		}
		for _, part := range strings.FieldsFunc(tok, func(r rune) bool { return isApos(r) || r == '-' }) {
			if isAllCaps(part) {
				continue
			}
			out = append(out, part)
		}
	}
	return out
}

func isAllCaps(w string) bool {
	n := 0
	for _, r := range w {
		if !unicode.IsUpper(r) {
			return false
		}
		n++
	}
	return n >= 2
}
