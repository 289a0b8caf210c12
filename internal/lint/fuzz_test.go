package lint

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/edlint/edlint/internal/fix"
	"github.com/edlint/edlint/internal/prose"
	"github.com/edlint/edlint/internal/rules"
)

// fuzzSeeds are drafts in the shape edlint serves, plus the odd corners
// found while fuzzing; testdata/fuzz holds the rest of the corpus.
var fuzzSeeds = []string{
	"# Assessment\n\nWe judge it likely (55-80%) that the the KGB’s officers , met in Praha.i think so.\n",
	"Gorbachev and Gorbachov met. It is almost certain that maybe perhaps 70 per cent agree.\n",
	"> quoted “text\n> - item with 1980's and ’80s\n\n* a\n  * b\n    * c\n",
	"<!-- edlint-disable-next-line unknown-word -- a codename -->\nZyxwv is here.\n<!-- edlint-words: Zyxwv, Qqq -->\n",
	"edlint-disable spelling\nplain teh text\nedlint-enable\n",
	"| a | b |\n|---|---|\n| teh | 1,200 |\n\n```\ncode teh\n```\n",
	"a\u200bb \u202eevil\u202c \ufeffBOM. a\r\nb\rc\n",
	"\xff\xfe bad \xc3 utf8 \xe2\x80",
	"---\ntitle: x\n---\nA [link](http://x.y) and <span>html</span> and `code`.\n",
	"", "\n", "a", "’", "...", "((((", "“”‘’",
}

// FuzzLintAllRules runs every registered rule through Config.Lint on
// Markdown and plain text and checks the driver's contract: no rule
// panics (rules.Run turns a panic into an internal-error finding), spans
// are in range and on rune boundaries (an invalid byte is its own unit),
// findings are sorted by offset, end and rule, selected fixes are in range
// and do not overlap, applying them changes no byte outside the edited
// spans, and the fixed text settles: within the eight rounds --fix allows no finding offers
// a fix.
func FuzzLintAllRules(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s, true)
		f.Add(s, false)
	}
	cfg := &Config{}
	f.Fuzz(func(t *testing.T, src string, md bool) {
		path := "f.txt"
		if md {
			path = "f.md"
		}
		cur := []byte(src)
		for round := 0; ; round++ {
			res := cfg.Lint(path, cur)
			if res.Doc == nil {
				if bytes.IndexByte(cur, 0) < 0 {
					t.Fatalf("no document and no NUL byte (skipped: %q)", res.Skipped)
				}
				return
			}
			checkFindings(t, cur, res.Findings)
			edits := fix.Select(res.Findings)
			if len(edits) == 0 {
				return
			}
			if round == 8 { // cli.maxFixRounds
				t.Fatalf("fixes do not settle after %d rounds; still offering %v on %q", round, edits, cur)
			}
			next := checkEdits(t, cur, edits)
			cur = next
		}
	})
}

// checkFindings checks spans and order.
func checkFindings(t *testing.T, src []byte, fs []rules.Finding) {
	t.Helper()
	for i, x := range fs {
		if x.Rule == rules.InternalErrorRule {
			t.Fatalf("rule panicked: %s", x.Message)
		}
		if x.Start < 0 || x.Start > x.End || x.End > len(src) {
			t.Fatalf("%s: span %v out of range [0,%d]", x.Rule, x.Span, len(src))
		}
		if !boundary(src, x.Start) || !boundary(src, x.End) {
			t.Fatalf("%s: span %v not on rune boundaries in %q", x.Rule, x.Span, src)
		}
		for _, e := range x.Fix {
			if e.Start < 0 || e.Start > e.End || e.End > len(src) {
				t.Fatalf("%s: fix edit %v out of range [0,%d]", x.Rule, e.Span, len(src))
			}
			if !boundary(src, e.Start) || !boundary(src, e.End) {
				t.Fatalf("%s: fix edit %v not on rune boundaries in %q", x.Rule, e.Span, src)
			}
		}
		if i > 0 {
			a := fs[i-1]
			if a.Start > x.Start || a.Start == x.Start && (a.End > x.End || a.End == x.End && a.Rule > x.Rule) {
				t.Fatalf("findings out of order: %s %v before %s %v", a.Rule, a.Span, x.Rule, x.Span)
			}
		}
	}
}

// checkEdits checks that the selected edits are sorted and apart, applies
// them, and checks that every byte outside the edited spans is kept.
func checkEdits(t *testing.T, src []byte, edits []prose.Edit) []byte {
	t.Helper()
	for i, e := range edits {
		if e.Start < 0 || e.Start > e.End || e.End > len(src) {
			t.Fatalf("selected edit %v out of range", e.Span)
		}
		if i > 0 && (edits[i-1].End > e.Start || edits[i-1].Start == e.Start) {
			t.Fatalf("selected edits overlap: %v and %v", edits[i-1].Span, e.Span)
		}
	}
	out, err := fix.Apply(src, edits)
	if err != nil {
		t.Fatalf("selected edits do not apply: %v", err)
	}
	// Walk both texts: the gaps between edits must be copied unchanged.
	in, o := 0, 0
	for _, e := range edits {
		gap := e.Start - in
		if !bytes.Equal(src[in:e.Start], out[o:o+gap]) {
			t.Fatalf("bytes outside the edits changed before %v", e.Span)
		}
		o += gap
		if !bytes.Equal(out[o:o+len(e.New)], []byte(e.New)) {
			t.Fatalf("edit %v not applied as given", e.Span)
		}
		o += len(e.New)
		in = e.End
	}
	if !bytes.Equal(src[in:], out[o:]) {
		t.Fatalf("bytes after the last edit changed")
	}
	return out
}

// boundary reports whether off is a rune boundary of src. An invalid
// UTF-8 byte counts as a unit of its own, so the offsets on either side of
// it are boundaries.
func boundary(src []byte, off int) bool {
	if off == 0 || off == len(src) {
		return true
	}
	for i := 0; i < len(src); {
		if i == off {
			return true
		}
		if i > off {
			return false
		}
		_, n := utf8.DecodeRune(src[i:])
		i += n
	}
	return false
}

// FuzzDirectives fuzzes the text of a directive comment in Markdown and in
// plain text. Directives only hide findings (and report their own
// problems): every finding of the test rule left is one the rule made, and
// every directive finding lies on a comment.
func FuzzDirectives(f *testing.F) {
	for _, s := range []string{
		"edlint-disable", "edlint-enable", "edlint-disable unknown-word", "edlint-disable-next-line spelling -- why",
		"edlint-disable-line all", "edlint-words: foo, Bar", "edlint-disable\tunknown-word,\nname-case",
		"edlint-frob", "edlint-", "edlint-disable -- ", "edlint-disable-next-line bogus", "edlint-words:",
		"edlint-disable-line \xff", "edlint-disable-next-line\r\nunknown-word",
	} {
		f.Add(s, "foo here.\nand foo there.", true)
		f.Add(s, "foo here.\nand foo there.", false)
	}
	cfg := &Config{Rules: []rules.Rule{fooRule{"unknown-word", rules.Spelling}}}
	f.Fuzz(func(t *testing.T, body, text string, md bool) {
		var src, path string
		if md {
			path, src = "d.md", "<!-- "+body+" -->\n"+text+" <!-- "+body+" -->\n"+text
		} else {
			path, src = "d.txt", text+"\n"+body+"\n"+text+"\n"+body
		}
		res := cfg.Lint(path, []byte(src))
		if res.Doc == nil {
			return
		}
		checkFindings(t, []byte(src), res.Findings)
		foo := map[prose.Span]bool{}
		for i := range res.Doc.Tokens {
			if res.Doc.TokenText(i) == "foo" {
				foo[res.Doc.TokenSpan(i)] = true
			}
		}
		for _, x := range res.Findings {
			switch x.Rule {
			case "unknown-word":
				if !foo[x.Span] {
					t.Fatalf("finding %v is not one the rule made", x.Span)
				}
			case InvalidDirectiveRule, UnusedDirectiveRule:
				if !onComment(res.Doc, x.Span) {
					t.Fatalf("%s at %v is not on a comment", x.Rule, x.Span)
				}
				if x.Message == "" || strings.HasSuffix(x.Message, ".") {
					t.Fatalf("%s: bad message %q", x.Rule, x.Message)
				}
			case EncodingRule:
			default:
				t.Fatalf("unexpected rule %s", x.Rule)
			}
		}
	})
}

func onComment(doc *prose.Document, s prose.Span) bool {
	for _, c := range doc.Comments {
		if c.Start <= s.Start && s.End <= c.End {
			return true
		}
	}
	return false
}
