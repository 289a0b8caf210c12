package config

import (
	"errors"
	"strings"
	"testing"
)

// FuzzConfigParse feeds any bytes to the config parser: it must not panic, must
// either succeed or return an *Error that names the file, and a parsed file
// must resolve any path and match any glob without panicking.
func FuzzConfigParse(f *testing.F) {
	for _, s := range []string{
		"fail-level = \"error\"\nvariety = \"en-GB\"\nyardstick = \"phia\"\nwords = [\"Zelníčková\"]\n",
		"[rules]\nunknown-name = \"off\"\nspelling = \"warning\"\nmisspelling = \"on\"\n",
		"[consistency.prefer]\n\"per cent\" = \"percent\"\n",
		"[[overrides]]\npaths = [\"docs/legal/**\", \"*.txt\", \"[a-\"]\nwords = [\"GmbH\"]\n[overrides.rules]\nhedging = \"off\"\n",
		"fail-level = 3\n", "[rules]\nbogus = \"on\"\n", "unknown = 1\n", "x = [", "\xff", "dictionaries = [\"../w.txt\"]\n",
		"[[overrides]]\npaths = []\n", "[rules]\nspelling = \"loud\"\n", "",
	} {
		f.Add(s, "docs/legal/a.md")
	}
	vocab := DefaultVocabulary("invalid-utf8", "invalid-directive", "unused-directive")
	f.Fuzz(func(t *testing.T, data, path string) {
		const name = "/p/.edlint.toml"
		cf, err := Parse(name, []byte(data), vocab)
		if err != nil {
			var ce *Error
			if !errors.As(err, &ce) {
				t.Fatalf("error is %T, not *Error: %v", err, err)
			}
			if !strings.HasPrefix(err.Error(), name) {
				t.Fatalf("error does not name the file: %v", err)
			}
			return
		}
		if cf == nil {
			t.Fatal("nil file and nil error")
		}
		r := cf.For(path)
		if len(r.Layers) == 0 || r.Layers[0] != &cf.Layer {
			t.Fatal("resolved layers do not start with the file's top level")
		}
		for _, o := range cf.Overrides {
			for _, g := range o.Paths {
				MatchGlob(g, path)
				MatchGlob(g, strings.TrimPrefix(path, "/"))
			}
		}
	})
}
