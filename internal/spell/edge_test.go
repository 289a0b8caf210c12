package spell

import (
	"io/fs"
	"strings"
	"testing"

	"github.com/edlint/edlint/dict"
)

func dictFS() fs.FS { return dict.FS() }

func TestSuggestShapes(t *testing.T) {
	d := Builtin()
	tests := []struct{ typo, want string }{
		{"Followig", "Following"},
		{"CZECK", "CZECH"},
		{"Czeck", "Czech"},
		{"Kruchkov", "Kryuchkov"},
		{"aboutthe", "about the"},
		{"Czeck’s", "Czech’s"},
		{"long-runnig", "long-running"},
		{"epionage", "espionage"},
		{"accummulating", "accumulating"},
		{"zelnickova", "Zelníčková"},
	}
	for _, tt := range tests {
		got := d.Suggest(tt.typo, 3)
		if len(got) == 0 || got[0] != tt.want {
			t.Errorf("Suggest(%q) = %v, want %q first", tt.typo, got, tt.want)
		}
	}
}

// TestOddInput: no panics and no suggestions that are not words, whatever
// the token.
func TestOddInput(t *testing.T) {
	d := Builtin()
	for _, w := range []string{"", "'", "-", "--", "’s", "a-", "-a", ".", "...", "x.y.z.w",
		strings.Repeat("a", 200), "ﬁnance", "日本語", "Ελλάδα", "é", "\xff\xfe", "a\x00b", "O'Brien’s", "A.B.C", "U.S.-led"} {
		_ = d.Check(w)
		_ = d.Canonical(w)
		_ = d.Freq(w)
		_, _ = d.Misspelling(w)
		for _, s := range d.Suggest(w, 5) {
			if s == "" {
				t.Errorf("Suggest(%q) gave an empty suggestion", w)
			}
		}
	}
}

func FuzzCheckSuggest(f *testing.F) {
	for _, s := range []string{"Followig", "KGB’s", "long-term", "U.S.", "’80s", "Zelníčková"} {
		f.Add(s)
	}
	d := Builtin()
	f.Fuzz(func(_ *testing.T, w string) {
		if len(w) > 40 {
			return
		}
		d.Check(w)
		d.Canonical(w)
		d.Suggest(w, 3)
	})
}

// TestConcurrent: one Dict used from many goroutines while its lazy
// indexes are built (run with -race).
func TestConcurrent(t *testing.T) {
	d, err := Load(dictFS())
	if err != nil {
		t.Fatal(err)
	}
	d.PrepareSuggest()
	done := make(chan bool)
	for i := 0; i < 4; i++ {
		go func() {
			for _, w := range []string{"Followig", "xqzjvkw", "recieve", "epionage"} { //nolint:misspell // typos on purpose
				d.Check(w)
				d.Suggest(w, 3)
				d.Misspelling(w)
				d.Freq(w)
			}
			done <- true
		}()
	}
	for i := 0; i < 4; i++ {
		<-done
	}
}
