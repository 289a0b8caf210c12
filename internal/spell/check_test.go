package spell

import (
	"slices"
	"strings"
	"testing"
)

func TestCheck(t *testing.T) {
	d := Builtin()
	tests := []struct {
		word   string
		status Status
		want   string
	}{
		{"the", Accepted, ""},
		{"The", Accepted, ""},
		{"THE", Accepted, ""},
		{"KGB’s", Accepted, ""},
		{"Trump's", Accepted, ""},
		{"officers’", Accepted, ""},
		{"don’t", Accepted, ""},
		{"I’ve", Accepted, ""},
		{"it’s", Accepted, ""},
		{"can't", Accepted, ""},
		{"long-term", Accepted, ""},
		{"full-page", Accepted, ""},
		{"non-sensitive", Accepted, ""},
		{"self-made", Accepted, ""},
		{"6th", Accepted, ""},
		{"1980s", Accepted, ""},
		{"’80s", Accepted, ""},
		{"21st", Accepted, ""},
		{"U.S", Accepted, ""},
		{"U.S.", Accepted, ""},
		{"e.g.", Accepted, ""},
		{"i.e", Accepted, ""},
		{"KGB", Accepted, ""},
		{"NATO", Accepted, ""},
		{"XYZQ", Accepted, ""},
		{"a", Accepted, ""},
		{"I", Accepted, ""},
		{"of", Accepted, ""},
		{"Mr", Accepted, ""},
		{"UK", Accepted, ""},
		{"E", Accepted, ""},
		{"CIOs", Accepted, ""},
		{"e-mail", Accepted, ""},
		{"ii", Unknown, ""},
		{"w", Unknown, ""},
		{"Zelníčková", Accepted, ""},
		{"o", Unknown, ""},
		{"ut", Unknown, ""},
		{"ge", Unknown, ""},
		{"Czeck", Unknown, ""},
		{"Followig", Unknown, ""},
		{"longrunning", Unknown, ""},
		{"long-runnig", Unknown, ""},
		{"czech", WrongForm, "Czech"},
		{"moscow", WrongForm, "Moscow"},
		{"ivana", WrongForm, "Ivana"},
		{"cia", WrongForm, "CIA"},
		{"CiA", WrongForm, "CIA"},
		{"Ex-CiA", WrongForm, "Ex-CIA"},
		{"Zelnickova", WrongForm, "Zelníčková"},
		{"i", WrongForm, "I"},
		{"czech’s", WrongForm, "Czech’s"},
	}
	for _, tt := range tests {
		v := d.Check(tt.word)
		if v.Status != tt.status || v.Want != tt.want {
			t.Errorf("Check(%q) = %+v, want {%d %q}", tt.word, v, tt.status, tt.want)
		}
	}
}

func TestWithWords(t *testing.T) {
	base := Builtin()
	d := base.WithWords([]string{"Shvets", "Oleg Qarvenkov"})
	for _, w := range []string{"Shvets", "Shvets'", "Qarvenkov’s", "SHVETS"} {
		if !d.Check(w).OK() {
			t.Errorf("overlay Check(%q) not OK", w)
		}
	}
	if base.Check("Qarvenkov").OK() {
		t.Errorf("WithWords changed the base dictionary")
	}
	if v := d.Check("shvets"); v.Status != WrongForm || v.Want != "Shvets" {
		t.Errorf("overlay Check(shvets) = %+v", v)
	}
	if got := d.Suggest("Shvet", 1); len(got) == 0 || got[0] != "Shvets" {
		t.Errorf("overlay Suggest(Shvet) = %v", got)
	}
}

func TestCanonical(t *testing.T) {
	d := Builtin()
	for word, want := range map[string]string{"zelnickova": "Zelníčková", "cia": "CIA", "ivana": "Ivana"} {
		got := d.Canonical(word)
		if len(got) == 0 || got[0] != want {
			t.Errorf("Canonical(%q) = %v, want %q first", word, got, want)
		}
	}
	if got := d.Canonical("qzxv"); got != nil {
		t.Errorf("Canonical(qzxv) = %v, want nil", got)
	}
}

func TestMisspelling(t *testing.T) {
	d := Builtin()
	//nolint:misspell // known misspellings on purpose
	for word, want := range map[string]string{"recieve": "receive", "Recieve": "Receive", "RECIEVE": "RECEIVE"} {
		if got, ok := d.Misspelling(word); !ok || got != want {
			t.Errorf("Misspelling(%q) = %q, %v; want %q", word, got, ok, want)
		}
	}
	if got, ok := d.Misspelling("receive"); ok {
		t.Errorf("Misspelling(receive) = %q, true", got)
	}
}

func TestSplitByte(t *testing.T) {
	for _, w := range []string{"", "-", "a", "a-b", "-a-", "a--b", "long-term-ish", "x-y-z-a-b-c-d-e-f-g"} {
		var buf [2]string
		if got, want := splitByte(buf[:0], w, '-'), strings.Split(w, "-"); !slices.Equal(got, want) {
			t.Errorf("splitByte(%q) = %q, want %q", w, got, want)
		}
	}
}
