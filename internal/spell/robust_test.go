package spell

import "testing"

// TestWrongFormNeverWantsItself: a WrongForm verdict must name a different
// form, or a fix would rewrite the word as itself forever (found by
// lint.FuzzLintAllRules on "Es").
func TestWrongFormNeverWantsItself(t *testing.T) {
	d := Builtin()
	for _, w := range []string{"Es", "es", "ES", "De", "Al", "Van", "Ivana", "ivana", "CiA", "Cia"} {
		if v := d.Check(w); v.Status == WrongForm && v.Want == w {
			t.Errorf("Check(%q) = WrongForm wanting %q", w, v.Want)
		}
	}
}
