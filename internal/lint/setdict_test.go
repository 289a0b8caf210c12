package lint

import (
	"fmt"
	"reflect"
	"runtime/debug"
	"testing"
)

// TestSetOwnWordLists checks that files checked together, each with its own
// word list (an edlint-words directive, which gives the file a dictionary
// of its own), are each judged with their own list: every file's findings
// are those it gets linted alone. What a run works out with a dictionary
// was once keyed by the dictionary's address, which a later file's
// dictionary could take once the first was freed, and then inherit its
// verdicts ("Flurbix" accepted where only "Glormp" was added, and the
// reverse); the collector runs often here so that addresses are reused.
func TestSetOwnWordLists(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(1))
	var paths []string
	var srcs [][]byte
	for i := range 300 {
		paths = append(paths, fmt.Sprintf("d%03d.md", i))
		if i%2 == 0 {
			srcs = append(srcs, []byte("<!-- edlint-words: Flurbix -->\n\nFlurbix visited the archive on Monday.\n"))
		} else {
			srcs = append(srcs, []byte("<!-- edlint-words: Glormp -->\n\nFlurbix visited the archive with Glormp.\n"))
		}
	}
	c := &Config{}
	alone := []*File{c.Lint(paths[0], srcs[0]), c.Lint(paths[1], srcs[1])}
	if reflect.DeepEqual(alone[0].Findings, alone[1].Findings) {
		t.Fatal("the two kinds of file have the same findings: the test tests nothing")
	}
	for _, workers := range []int{1, 2} {
		cc := *c
		cc.Together = true
		sources := make([]Source, len(paths))
		for i := range paths {
			src := srcs[i]
			sources[i] = Source{Path: paths[i], Read: func() ([]byte, error) { return src, nil }}
		}
		for i, f := range cc.LintAll(sources, workers) {
			want := alone[i%2].Findings
			if len(f.Findings) != len(want) {
				t.Fatalf("workers %d, %s: %d findings together, %d alone", workers, f.Path, len(f.Findings), len(want))
			}
			for k := range want {
				if f.Findings[k].Rule != want[k].Rule || f.Findings[k].Span != want[k].Span || f.Findings[k].Message != want[k].Message {
					t.Fatalf("workers %d, %s: finding %d is %+v together, %+v alone", workers, f.Path, k, f.Findings[k], want[k])
				}
			}
		}
	}
}
