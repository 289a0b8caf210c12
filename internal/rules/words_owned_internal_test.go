package rules

import (
	"reflect"
	"testing"

	"github.com/edlint/edlint/internal/prose"
	"github.com/edlint/edlint/internal/spell"
)

// TestJudgeWordsOwned checks that the suggestions put off until the owned
// compounds are known, which spares their searches, leave the issues
// that dropOwned keeps as they are when every word is searched.
func TestJudgeWordsOwned(t *testing.T) {
	d := spell.Builtin()
	src := "A long-term bet and a longterm one; a Longterm plan, the longterm's end.\n\n" +
		"An up-to-date file and an uptodate one, followig the rules.\n"
	doc := prose.Parse("owned.txt", []byte(src), prose.Plain)
	owned := map[string]bool{"longterm": true, "uptodate": true}
	want := dropOwned(judgeWords(doc, d, nil), owned)
	all, suggest := judgeWordsLater(doc, d, nil, nil)
	suggest(all, owned)
	searched := false
	for _, is := range all {
		searched = searched || is.word == "uptodate" && is.want != nil
	}
	if searched {
		t.Error("uptodate, an owned compound, was searched for suggestions")
	}
	got := dropOwned(all, owned)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("with owned compounds known:\n%+v\nwant\n%+v", got, want)
	}
	if len(want) == 0 {
		t.Fatal("no issues: the test says nothing")
	}
}
