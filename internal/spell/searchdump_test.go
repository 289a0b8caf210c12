package spell

import (
	"bufio"
	"flag"
	"fmt"
	"math"
	"os"
	"slices"
	"strings"
	"testing"
)

var searchDump = flag.String("searchdump", "", "write every ranked candidate and its score's bits for many queries to this file")

// TestSearchDump is a tool for optimising the candidate search, whose
// results must not change: it writes, for the Wikipedia typo list (with
// capitalised and upper-case variants) and the words a run over the
// clean corpora searches for, the n best candidates with the exact bits
// of their scores, for several n and for a Dict with the user's words.
// Run it before and after a change and compare the files:
//
//	go test ./internal/spell -run SearchDump -args -searchdump /tmp/before.txt
func TestSearchDump(t *testing.T) {
	if *searchDump == "" {
		t.Skip("run with -args -searchdump FILE")
	}
	train, test := loadTypos(t)
	corpus, err := os.ReadFile("testdata/corpus-queries.txt")
	if err != nil {
		t.Fatal(err)
	}
	queries := append(slices.Clone(slowQueries), strings.Fields(string(corpus))...)
	for _, c := range append(train, test...) {
		queries = append(queries, c.wrong, strings.ToUpper(c.wrong[:1])+c.wrong[1:], strings.ToUpper(c.wrong))
	}
	f, err := os.Create(*searchDump)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	d := &Dict{b: Builtin().b} // no memo
	du := &Dict{b: d.b, o: Builtin().WithWords([]string{"Qaeda", "jahiliyya", "takfiri", "bNets", "madeIn"}).o}
	for i, q := range queries {
		dump := func(tag string, cands []candidate) {
			fmt.Fprintf(w, "%s\t%s", tag, q)
			for _, c := range cands {
				fmt.Fprintf(w, "\t%s=%x", c.form, math.Float64bits(c.score))
			}
			fmt.Fprintln(w)
		}
		dump("10", d.searchScored(&defaultWeights, q, memoDepth))
		if i%4 == 0 {
			dump("3", d.searchScored(&defaultWeights, q, 3))
			dump("u10", du.searchScored(&defaultWeights, q, memoDepth))
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}
