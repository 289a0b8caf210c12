package lint

import (
	"fmt"
	"strings"
	"testing"

	"github.com/edlint/edlint/internal/rules"
)

// fooRule reports every word "foo"; it borrows a real rule's name so that
// directives naming it are valid.
type fooRule struct{ name, category string }

func (r fooRule) Meta() rules.Meta {
	return rules.Meta{Name: r.name, Category: r.category, Severity: rules.Warning, Summary: "foo"}
}

func (r fooRule) Check(p *rules.Pass) {
	for i := range p.Doc.Tokens {
		if p.Doc.TokenText(i) == "foo" {
			p.Reportf(p.Doc.TokenSpan(i), nil, "foo found")
		}
	}
}

func lintLines(t *testing.T, path, src string) []string {
	t.Helper()
	c := &Config{Rules: []rules.Rule{fooRule{"unknown-word", rules.Spelling}, fooRule{"name-case", rules.Names}}}
	f := c.Lint(path, []byte(src))
	var out []string
	for _, x := range f.Findings {
		out = append(out, fmt.Sprintf("%d %s", f.Doc.Position(x.Start).Line, x.Rule))
	}
	return out
}

func TestDirectives(t *testing.T) {
	src := `Line one has foo.

<!-- edlint-disable-next-line unknown-word -- a codename -->
Line four has foo.

<!-- edlint-disable spelling -->
Line seven has foo.

<!-- edlint-enable unknown-word -->
Line ten has foo.

Line twelve has foo. <!-- edlint-disable-line -->

<!-- edlint-disable-next-line name-case -->
Nothing here.

<!-- edlint-disable-next-line bogus-rule -->
Line eighteen has foo.

<!-- edlint-frobnicate -->
`
	got := strings.Join(lintLines(t, "d.md", src), "\n")
	want := strings.Join([]string{
		"1 name-case", "1 unknown-word",
		"4 name-case",
		"7 name-case",
		"10 name-case", "10 unknown-word",
		"14 unused-directive",
		"17 invalid-directive",
		"18 name-case", "18 unknown-word",
		"20 invalid-directive",
	}, "\n")
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

func TestDirectivesPlainText(t *testing.T) {
	src := "edlint-disable-next-line all\nThis has foo.\nThis has foo too.\nedlint-disable unknown-word\nAnd foo.\n"
	got := strings.Join(lintLines(t, "d.txt", src), "\n")
	want := "3 name-case\n3 unknown-word\n5 name-case"
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

func TestOffAndSeverity(t *testing.T) {
	c := &Config{
		Rules:    []rules.Rule{fooRule{"unknown-word", rules.Spelling}},
		Off:      map[string]bool{UnusedDirectiveRule: true},
		Severity: map[string]rules.Severity{"unknown-word": rules.Error},
	}
	f := c.Lint("d.md", []byte("foo <!-- edlint-disable-line name-case -->\n"))
	if len(f.Findings) != 1 || f.Findings[0].Severity != rules.Error {
		t.Errorf("got %+v", f.Findings)
	}
}

func TestDriverRulesDocumented(t *testing.T) {
	for _, m := range DriverRules() {
		if m.Name == "" || m.Summary == "" || m.Doc == "" {
			t.Errorf("driver rule %+v lacks docs", m)
		}
		if _, ok := rules.ByName(m.Name); ok {
			t.Errorf("driver rule %s clashes with a registered rule", m.Name)
		}
	}
}

func TestUnusedWordsDirective(t *testing.T) {
	src := "<!-- edlint-words: Zarnitsa, Krasnov -->\n<!-- edlint-words: Nobody, Nowhere -->\nThe Zarnitsa file and Krasnov’s role.\n\nedlint-words: nothing\n"
	got := strings.Join(lintLines(t, "d.md", src), "\n")
	if got != "2 unused-directive" {
		t.Errorf("got:\n%s", got)
	}
	got = strings.Join(lintLines(t, "d.txt", "edlint-words: KGB\nThe KGB’s files.\nedlint-words: Unused\n"), "\n")
	if got != "3 unused-directive" {
		t.Errorf("plain text: got:\n%s", got)
	}
}
