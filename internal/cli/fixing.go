package cli

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/edlint/edlint/internal/fix"
	"github.com/edlint/edlint/internal/lint"
)

// maxFixRounds bounds the fix-and-re-lint loop. Fixes normally converge in
// one or two rounds (a fix may reveal another, or two fixes may overlap so
// that the second waits a round); a pair of rules undoing each other's
// edits must not loop for ever.
const maxFixRounds = 8

// fixed is the outcome of fixing one file.
type fixed struct {
	orig, final []byte
	count       int // findings whose fixes were applied
	result      *lint.File
}

// fixFile applies the safe fixes of f's findings, re-lints, and repeats
// until no fixable finding remains. keep filters the findings of each round
// (--changed); cfg re-lints.
func fixFile(f *lint.File, cfg *lint.Config, keep func(*lint.File)) (*fixed, error) {
	out := &fixed{orig: f.Doc.Src, final: f.Doc.Src, result: f}
	cur := f
	for round := 0; round < maxFixRounds; round++ {
		edits := fix.Select(cur.Findings)
		if len(edits) == 0 {
			break
		}
		next, err := fix.Apply(cur.Doc.Src, edits)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", f.Path, err)
		}
		if bytes.Equal(next, cur.Doc.Src) {
			break
		}
		chosen := map[string]bool{}
		for _, e := range edits {
			chosen[fmt.Sprint(e)] = true
		}
		for _, x := range cur.Findings {
			if len(x.Fix) > 0 && chosen[fmt.Sprint(x.Fix[0])] {
				out.count++
			}
		}
		cur = cfg.Lint(f.Path, next)
		if keep != nil {
			keep(cur)
		}
		out.final, out.result = next, cur
	}
	return out, nil
}

// diffName is the path a diff header names: relative to the working
// directory when possible, with forward slashes, so "patch -p1" run there
// and "git apply" run at the repository root (for paths given from it)
// find the file.
func diffName(path string) string {
	p := path
	if filepath.IsAbs(p) {
		if wd, err := os.Getwd(); err == nil {
			if rel, err := filepath.Rel(wd, p); err == nil && !strings.HasPrefix(rel, "..") {
				p = rel
			}
		}
	}
	return strings.TrimPrefix(filepath.ToSlash(filepath.Clean(p)), "./")
}
