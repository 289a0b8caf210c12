// Package ruletest checks rules against annotated drafts, in the style of
// golang.org/x/tools/go/analysis/analysistest.
//
// An annotated draft is Markdown. Expectations sit in HTML comments on the
// line they concern (or a relative line: "want +1" means the next line):
//
//	Followig the trip. <!-- want spelling:"Followig" -->
//	<!-- want +1 hedging:"100% certain" mechanics:"it’s"->"its" -->
//
// Each expectation names a rule or a category, the exact text the finding
// matches, and optionally its first suggestion after "->". Every finding of
// the rules under test must be expected, and every expectation met.
// A file named x.md with a sibling x.md.golden is also a fix test (-update
// writes the golden of files whose names start with "fix"): applying
// the safe fixes must give the golden text, and linting that must give no
// fixable finding.
package ruletest

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/edlint/edlint/internal/fix"
	"github.com/edlint/edlint/internal/lint"
	"github.com/edlint/edlint/internal/prose"
	"github.com/edlint/edlint/internal/rules"
)

var update = flag.Bool("update", false, "rewrite .golden files")

// Expectation is one "key:"text"" item of a want comment.
type Expectation struct {
	Line       int
	Key        string // rule name or category
	Match      string
	Suggestion string // first suggestion, when given
	met        bool
}

var (
	wantRe = regexp.MustCompile(`^want(?:\s+([+-]\d+))?\s+(.*)$`)
	itemRe = regexp.MustCompile(`([a-z0-9-]+):("(?:[^"\\]|\\.)*")(?:->("(?:[^"\\]|\\.)*"))?`)
)

// Parse reads the expectations of an annotated document.
func Parse(doc *prose.Document) ([]*Expectation, error) {
	var out []*Expectation
	for _, c := range doc.Comments {
		m := wantRe.FindStringSubmatch(c.Body)
		if m == nil {
			continue
		}
		line := doc.Position(c.Start).Line
		if m[1] != "" {
			n, _ := strconv.Atoi(m[1])
			line += n
		}
		items := itemRe.FindAllStringSubmatch(m[2], -1)
		if len(items) == 0 {
			return nil, fmt.Errorf("%s:%d: want comment without expectations: %q", doc.Path, line, c.Body)
		}
		for _, it := range items {
			match, err := strconv.Unquote(it[2])
			if err != nil {
				return nil, fmt.Errorf("%s:%d: bad quoted text %s: %w", doc.Path, line, it[2], err)
			}
			e := &Expectation{Line: line, Key: it[1], Match: match}
			if it[3] != "" {
				if e.Suggestion, err = strconv.Unquote(it[3]); err != nil {
					return nil, fmt.Errorf("%s:%d: bad quoted suggestion %s: %w", doc.Path, line, it[3], err)
				}
			}
			out = append(out, e)
		}
	}
	return out, nil
}

// Run checks every .md file in dir against rs (run together, with the
// built-in dictionary and opts).
func Run(t *testing.T, dir string, opts rules.Options, rs ...rules.Rule) {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.md"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no annotated drafts in %s", dir)
	}
	for _, path := range files {
		t.Run(filepath.Base(path), func(t *testing.T) {
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			cfg := &lint.Config{Rules: rs, Options: opts}
			res := cfg.Lint(path, src)
			Check(t, res)
			golden := path + ".golden"
			_, err = os.Stat(golden)
			if err == nil || *update && strings.HasPrefix(filepath.Base(path), "fix") {
				checkFix(t, cfg, res, golden)
			}
		})
	}
}

// Check compares a lint result with the want comments of its document.
func Check(t *testing.T, res *lint.File) {
	t.Helper()
	if res.Doc == nil {
		t.Fatalf("%s: not linted: %v %s", res.Path, res.Err, res.Skipped)
	}
	want, err := Parse(res.Doc)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range res.Findings {
		pos := res.Doc.Position(f.Start)
		match := res.Doc.Slice(f.Span)
		found := false
		for _, w := range want {
			if w.met || w.Line != pos.Line || w.Match != match || (w.Key != f.Rule && w.Key != f.Category) {
				continue
			}
			w.met, found = true, true
			if w.Suggestion != "" && (len(f.Suggestions) == 0 || f.Suggestions[0] != w.Suggestion) {
				t.Errorf("%s:%d: %s %q: first suggestion %q, want %q (all: %q)", res.Path, pos.Line, f.Rule, match, first(f.Suggestions), w.Suggestion, f.Suggestions)
			}
			break
		}
		if !found {
			t.Errorf("%s:%d:%d: unexpected %s finding %q: %s (suggestions %q)", res.Path, pos.Line, pos.Column, f.Rule, match, f.Message, f.Suggestions)
		}
	}
	for _, w := range want {
		if !w.met {
			t.Errorf("%s:%d: expected %s finding %q, got none", res.Path, w.Line, w.Key, w.Match)
		}
	}
}

func first(s []string) string {
	if len(s) == 0 {
		return ""
	}
	return s[0]
}

func checkFix(t *testing.T, cfg *lint.Config, res *lint.File, golden string) {
	t.Helper()
	fixed, err := fix.Apply(res.Doc.Src, fix.Select(res.Findings))
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile(golden, fixed, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(fixed, want) {
		t.Errorf("%s: fixed text differs from golden:\n got: %s\nwant: %s", golden, fixed, want)
	}
	again := cfg.Lint(res.Path, fixed)
	for _, f := range again.Findings {
		if len(f.Fix) > 0 {
			pos := again.Doc.Position(f.Start)
			t.Errorf("%s: fixes do not converge: after fixing, %s still fixes %q at line %d", golden, f.Rule, again.Doc.Slice(f.Span), pos.Line)
		}
	}
}
