package rules_test

import (
	"strings"
	"testing"

	"github.com/edlint/edlint/internal/lint"
	"github.com/edlint/edlint/internal/rules"
	"github.com/edlint/edlint/internal/rules/ruletest"
)

func wordRules() []rules.Rule {
	return []rules.Rule{rules.Misspelling(), rules.UnknownWord(), rules.NameCase(), rules.NameDiacritics(), rules.NameVariant(), rules.UnknownName()}
}

// TestWordsCleanCorpus keeps professionally edited prose nearly silent:
// spelling and names errors and warnings at most 10 per 10,000 words.
func TestWordsCleanCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("long")
	}
	files, words := ruletest.CleanCorpus(t, rules.Options{}, wordRules()...)
	ruletest.Budget(t, files, words, rules.Warning, 10)
}

func TestMisspelling(t *testing.T) {
	ruletest.Run(t, "testdata/misspelling", rules.Options{}, rules.Misspelling())
}

func TestUnknownWord(t *testing.T) {
	ruletest.Run(t, "testdata/unknown-word", rules.Options{}, rules.UnknownWord())
}

func TestNameCase(t *testing.T) {
	ruletest.Run(t, "testdata/name-case", rules.Options{}, rules.NameCase())
}

func TestNameDiacritics(t *testing.T) {
	ruletest.Run(t, "testdata/name-diacritics", rules.Options{}, rules.NameDiacritics())
}

func TestNameVariant(t *testing.T) {
	ruletest.Run(t, "testdata/name-variant", rules.Options{}, rules.NameVariant())
}

func TestUnknownName(t *testing.T) {
	ruletest.Run(t, "testdata/unknown-name", rules.Options{}, rules.UnknownName())
}

// TestAnglicisedNameIsANote checks the severity rule of name-diacritics: one
// dropped mark on a name the draft never writes with it is information,
// several marks, or a draft that writes both forms, an error.
func TestAnglicisedNameIsANote(t *testing.T) {
	cases := []struct {
		src  string
		want rules.Severity
	}{
		{"John Podesta spoke.\n", rules.Info},
		{"Ivana Zelnickova spoke.\n", rules.Error},
		{"John Podestà spoke. Later Podesta left.\n", rules.Error},
	}
	for _, c := range cases {
		res := (&lint.Config{Rules: []rules.Rule{rules.NameDiacritics()}}).Lint("x.md", []byte(c.src))
		if len(res.Findings) != 1 {
			t.Errorf("%q: %d findings, want 1", c.src, len(res.Findings))
			continue
		}
		if got := res.Findings[0].Severity; got != c.want {
			t.Errorf("%q: severity %v, want %v", c.src, got, c.want)
		}
	}
}

// TestCompoundUsesSuggest checks that every use of a run-together compound
// gets the same suggestions, made once for its form (with a possessive
// too), and that a finding's suggestions are its own: changing one's leaves
// the others' as they were.
func TestCompoundUsesSuggest(t *testing.T) {
	src := "The watchlist grew. Another watchlist was kept, and the watchlist's third copy too.\n" +
		"They met theTaliban there and theTaliban left.\n"
	res := (&lint.Config{Rules: []rules.Rule{rules.UnknownWord()}}).Lint("x.md", []byte(src))
	want := map[string]string{"watchlist": "watch-list|watch list", "theTaliban": "the Taliban"}
	n := map[string]int{}
	for _, f := range res.Findings {
		word := strings.TrimSuffix(src[f.Start:f.End], "'s")
		if got := strings.Join(f.Suggestions, "|"); got != want[word] {
			t.Errorf("%q at %d: suggestions %q, want %q", word, f.Start, got, want[word])
		}
		n[word]++
	}
	if n["watchlist"] != 3 || n["theTaliban"] != 2 {
		t.Fatalf("findings by word %v, want 3 watchlist and 2 theTaliban", n)
	}
	res.Findings[0].Suggestions[0] = "changed"
	if got := res.Findings[1].Suggestions[0]; got != "watch-list" {
		t.Errorf("the second use's suggestion is %q after the first's changed", got)
	}
}
