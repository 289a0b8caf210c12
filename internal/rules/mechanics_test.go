package rules_test

import (
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"github.com/edlint/edlint/internal/fix"
	"github.com/edlint/edlint/internal/lint"
	"github.com/edlint/edlint/internal/prose"
	"github.com/edlint/edlint/internal/rules"
	"github.com/edlint/edlint/internal/rules/ruletest"
)

// mechanicsRules are the rules of the mechanics category.
func mechanicsRules() []rules.Rule {
	var out []rules.Rule
	for _, r := range rules.All() {
		if r.Meta().Category == rules.Mechanics {
			out = append(out, r)
		}
	}
	return out
}

// TestMechanicsSeed lints the seed draft and checks that the mechanics
// errors it is known to hold are reported, with a fix where the fix is
// unambiguous, and nothing else.
func TestMechanicsSeed(t *testing.T) {
	path, src := ruletest.Seed(t)
	res := (&lint.Config{Rules: mechanicsRules()}).Lint(path, src)
	type want struct {
		line  int
		rule  string
		match string
		fix   bool
	}
	wants := []want{
		{3, "lowercase-i", "i", true},
		{3, "quote-mismatch", "’’", true},
		{13, "confused-word", "it’s", false},
		{18, "doubled-punctuation", ". :", true},
		{28, "count-mismatch", "three former KGB officers, Yuri Shvets, Alnur Mussayev, ,", false},
		{28, "doubled-punctuation", ", ,", true},
		{42, "unbalanced-bracket", "(", false},
		{50, "lowercase-sentence-start", "it’s", true},
	}
	got := map[want]bool{}
	for _, f := range res.Findings {
		pos := res.Doc.Position(f.Start)
		got[want{pos.Line, f.Rule, res.Doc.Slice(f.Span), len(f.Fix) > 0}] = true
		t.Logf("%d:%d %s %q %s %q", pos.Line, pos.Column, f.Rule, res.Doc.Slice(f.Span), f.Message, f.Suggestions)
	}
	for _, w := range wants {
		if !got[w] {
			t.Errorf("seed line %d: want %s %q (fix %v)", w.line, w.rule, w.match, w.fix)
		}
		delete(got, w)
	}
	for g := range got {
		t.Errorf("seed line %d: unexpected %s %q", g.line, g.rule, g.match)
	}
}

// TestMechanicsCleanCorpus keeps the mechanics rules nearly silent on
// professionally edited prose.
func TestMechanicsCleanCorpus(t *testing.T) {
	files, words := ruletest.CleanCorpus(t, rules.Options{}, mechanicsRules()...)
	ruletest.Budget(t, files, words, rules.Warning, 5)
}

func TestRepeatedWord(t *testing.T) {
	ruletest.Run(t, "testdata/repeated-word", rules.Options{}, rules.RepeatedWord())
}

func TestDoubledPunctuation(t *testing.T) {
	ruletest.Run(t, "testdata/doubled-punctuation", rules.Options{}, rules.DoubledPunctuation())
}

func TestSpaceBeforePunctuation(t *testing.T) {
	ruletest.Run(t, "testdata/space-before-punctuation", rules.Options{}, rules.SpaceBeforePunctuation())
}

func TestMissingSpace(t *testing.T) {
	ruletest.Run(t, "testdata/missing-space", rules.Options{}, rules.MissingSpace())
}

func TestUnbalancedBracket(t *testing.T) {
	ruletest.Run(t, "testdata/unbalanced-bracket", rules.Options{}, rules.UnbalancedBracket())
}

func TestQuoteMismatch(t *testing.T) {
	ruletest.Run(t, "testdata/quote-mismatch", rules.Options{}, rules.QuoteMismatch())
}

func TestUnclosedQuote(t *testing.T) {
	ruletest.Run(t, "testdata/unclosed-quote", rules.Options{}, rules.UnclosedQuote())
}

func TestLowercaseSentenceStart(t *testing.T) {
	ruletest.Run(t, "testdata/lowercase-sentence-start", rules.Options{}, rules.LowercaseSentenceStart())
}

func TestLowercaseI(t *testing.T) {
	ruletest.Run(t, "testdata/lowercase-i", rules.Options{}, rules.LowercaseI())
}

func TestConfusedWord(t *testing.T) {
	ruletest.Run(t, "testdata/confused-word", rules.Options{}, rules.ConfusedWord())
}

func TestIndefiniteArticle(t *testing.T) {
	ruletest.Run(t, "testdata/indefinite-article", rules.Options{}, rules.IndefiniteArticle())
}

func TestCountMismatch(t *testing.T) {
	ruletest.Run(t, "testdata/count-mismatch", rules.Options{}, rules.CountMismatch())
}

func TestInvisibleCharacter(t *testing.T) {
	ruletest.Run(t, "testdata/invisible-character", rules.Options{}, rules.InvisibleCharacter())
}

// FuzzMechanics checks the mechanics rules on any input: no panic (a panic
// becomes an internal-error finding), spans in range and on rune
// boundaries, and safe fixes that apply.
func FuzzMechanics(f *testing.F) {
	for _, s := range []string{
		"it’s 100% certain. In Part 1 i looked. awareness. : Mussayev, , claim (Comment: x",
		"’’probability assessment” and “x’ and ‘y” and \"z",
		"three officers, A B, C D, , claim. a hour, an European. the the end.Then ok ,",
		"a\u200bb\u202e \ufffd . . . we", "(a) b) [x", "’’", "”a", "an", "a 8", "Two x:",
	} {
		f.Add(s, true)
		f.Add(s, false)
	}
	cfg := &lint.Config{Rules: mechanicsRules()}
	f.Fuzz(func(t *testing.T, src string, md bool) {
		path := "f.txt"
		if md {
			path = "f.md"
		}
		res := cfg.Lint(path, []byte(src))
		if res.Doc == nil {
			return
		}
		var edits []prose.Edit
		for _, x := range res.Findings {
			if x.Rule == rules.InternalErrorRule {
				t.Fatalf("rule panicked: %s", x.Message)
			}
			if x.Start < 0 || x.End > len(src) || x.Start > x.End {
				t.Fatalf("%s: span %v out of range", x.Rule, x.Span)
			}
			if utf8.ValidString(src) && (!utf8.RuneStart(byteAt(src, x.Start)) || !utf8.RuneStart(byteAt(src, x.End))) {
				t.Fatalf("%s: span %v not on rune boundaries", x.Rule, x.Span)
			}
			edits = append(edits, x.Fix...)
		}
		if _, err := fix.Apply([]byte(src), fix.Select(res.Findings)); err != nil {
			t.Fatalf("fixes do not apply: %v (%v)", err, edits)
		}
	})
}

func byteAt(s string, i int) byte {
	if i >= len(s) {
		return 0 // the end is a boundary
	}
	return s[i]
}

// BenchmarkMechanics lints the 9/11 Commission Report (about 290,000
// words) with the mechanics rules; it skips without ../shared.
func BenchmarkMechanics(b *testing.B) {
	shared := ruletest.SharedDir()
	if shared == "" {
		b.Skip("../shared not present")
	}
	path := filepath.Join(shared, "corpora", "clean", "911-commission-report.txt")
	src, err := os.ReadFile(path)
	if err != nil {
		b.Skip("corpus not present")
	}
	doc := prose.Parse(path, src, prose.Plain)
	rs := mechanicsRules()
	b.SetBytes(int64(len(src)))
	b.ResetTimer()
	for range b.N {
		shared := &rules.Shared{}
		for _, r := range rs {
			rules.Run(r, rules.NewPass(r, doc, nil, nil, shared, func(rules.Finding) {}), r.Meta().Name)
		}
	}
}

// FuzzMechanicsConverge checks that the safe fixes converge: a fix that
// overlaps one already chosen waits for the next pass, so after a few
// passes no finding offers a fix.
func FuzzMechanicsConverge(f *testing.F) {
	for _, s := range []string{"the the end.Then ok , x", "a, , , b. : c ,d", "’’x” i go. it is", "x\u200b\u200by", "0 ,,"} {
		f.Add(s)
	}
	cfg := &lint.Config{Rules: mechanicsRules()}
	f.Fuzz(func(t *testing.T, src string) {
		out := []byte(src)
		// As many rounds as the CLI's --fix allows (cli.maxFixRounds): a
		// long run of alternating marks (",,:,,:,;,,:,:") sheds one mark
		// of each pair per round, as overlapping fixes wait a round.
		for range 8 {
			res := cfg.Lint("f.txt", out)
			if res.Doc == nil {
				return
			}
			var err error
			if out, err = fix.Apply(out, fix.Select(res.Findings)); err != nil {
				t.Fatal(err)
			}
		}
		again := cfg.Lint("f.txt", out)
		for _, x := range again.Findings {
			if len(x.Fix) > 0 {
				t.Fatalf("%q -> %q: %s still fixes %q", src, out, x.Rule, again.Doc.Slice(x.Span))
			}
		}
	})
}
