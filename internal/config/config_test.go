package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/edlint/edlint/internal/rules"
)

func TestParseGood(t *testing.T) {
	src := `fail-level = "error"
variety = "en-GB"
yardstick = "phia"
words = ["Zelníčková", "Kryuchkov"]
dictionaries = ["names.txt"]

[rules]
unknown-name = "off"
spelling = "warning"
misspelling = "on"

[consistency.prefer]
"per cent" = "percent"

[[overrides]]
paths = ["docs/legal/**"]
words = ["GmbH"]
[overrides.rules]
names = "info"
`
	f, err := Parse("/p/.edlint.toml", []byte(src), DefaultVocabulary())
	if err != nil {
		t.Fatal(err)
	}
	if f.FailLevel != rules.Error || f.Variety != "en-GB" || f.Yardstick != "phia" {
		t.Errorf("top level: %+v", f)
	}
	if !f.Rules["unknown-name"].Off || f.Rules["spelling"].Severity != rules.Warning || f.Rules["misspelling"] != (Setting{}) {
		t.Errorf("rules: %+v", f.Rules)
	}
	if got := f.Dictionaries; len(got) != 1 || got[0] != filepath.Join("/p", "names.txt") {
		t.Errorf("dictionaries: %v", got)
	}
	if f.Prefer["per cent"] != "percent" {
		t.Errorf("prefer: %v", f.Prefer)
	}
	if len(f.Overrides) != 1 || f.Overrides[0].Rules["names"].Severity != rules.Info {
		t.Errorf("overrides: %+v", f.Overrides)
	}
	r := f.For("/p/docs/legal/terms.md")
	if len(r.Layers) != 2 {
		t.Errorf("override not applied: %+v", r)
	}
	if r := f.For("/p/docs/draft.md"); len(r.Layers) != 1 {
		t.Errorf("override applied where it should not: %+v", r)
	}
}

func TestParseErrors(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"fail-level = \"warning\"\nfial = 1\n", `c.toml:2: fial: unknown key`},
		{"[rules]\nunknown-nam = \"off\"\n", `c.toml:2: rules.unknown-nam: unknown rule or category (did you mean "unknown-name"?)`},
		{"[rules]\n\nspelling = \"of\"\n", `c.toml:3: rules.spelling: bad value "of"`},
		{"fail-level = \"fatal\"\n", `c.toml:1: fail-level: unknown severity "fatal"`},
		{"variety = \"en-AU\"\n", `c.toml:1: variety: unknown variety "en-AU"`},
		{"\nwords = \"Zelníčková\"\n", `c.toml:2: words: bad value: want an array, not string`},
		{"words = [\n", `c.toml:1: words: unexpected EOF`},
		{"[[overrides]]\nwords = [\"x\"]\n", `c.toml:1: overrides: an override needs paths`},
		{"[[overrides]]\npaths = [\"a/**\"]\n[overrides.rules]\nhedgin = \"off\"\n", `c.toml:4: overrides.rules.hedgin: unknown rule or category (did you mean "hedging"?)`},
		{"[[overrides]]\npaths = [\"a\"]\nverbose = 1\n", `c.toml:3: overrides.verbose: unknown key`},
		{"unknown-name = \"off\"\n", `(rule settings go under [rules]`},
		{"[consistency]\nprefr = 1\n", `c.toml:2: consistency.prefr: unknown key (did you mean "prefer"?)`},
	} {
		_, err := Parse("c.toml", []byte(tc.src), DefaultVocabulary())
		if err == nil {
			t.Errorf("%q: no error, want %q", tc.src, tc.want)
			continue
		}
		if !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q:\n got %q\nwant %q", tc.src, err, tc.want)
		}
		if strings.Contains(err.Error(), "\n") {
			t.Errorf("%q: error spans lines: %q", tc.src, err)
		}
	}
}

func TestStarterParses(t *testing.T) {
	f, err := Parse("s.toml", []byte(Starter), DefaultVocabulary("unused-directive"))
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Rules) != 0 || len(f.Words) != 0 {
		t.Errorf("starter should change nothing: %+v", f)
	}
}

func TestMatchGlob(t *testing.T) {
	for _, tc := range []struct {
		pat, name string
		want      bool
	}{
		{"docs/legal/**", "docs/legal/a.md", true},
		{"docs/legal/**", "docs/legal/x/y/a.md", true},
		{"docs/legal/**", "docs/other/a.md", false},
		{"docs/legal", "docs/legal/a.md", true},
		{"docs/legal/", "docs/legal/a.md", true},
		{"*.txt", "a/b/c.txt", true},
		{"*.txt", "a/b/c.md", false},
		{"**/README.md", "README.md", true},
		{"docs/*.md", "docs/a.md", true},
		{"docs/*.md", "docs/x/a.md", false},
		{"./docs/*.md", "docs/a.md", true},
		{"**", "anything/here.md", true},
	} {
		if got := MatchGlob(tc.pat, tc.name); got != tc.want {
			t.Errorf("MatchGlob(%q, %q) = %v, want %v", tc.pat, tc.name, got, tc.want)
		}
	}
}

func TestFind(t *testing.T) {
	dir := t.TempDir()
	sub := filepath.Join(dir, "a", "b")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	if _, ok := Find(sub); ok {
		// A config above the temp dir would make this test moot.
		t.Skip("a .edlint.toml exists above the temporary directory")
	}
	if err := os.WriteFile(filepath.Join(dir, "a", FileName), []byte(""), 0o644); err != nil {
		t.Fatal(err)
	}
	p, ok := Find(sub)
	if !ok || p != filepath.Join(dir, "a", FileName) {
		t.Errorf("Find = %q, %v", p, ok)
	}
}
