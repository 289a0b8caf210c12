package rules

import (
	"reflect"
	"strconv"
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
	all, suggest := judgeWordsLater(doc, d, nil, nil, nil)
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

// TestJudgeWordsVerdicts checks that documents judged with the run's memo
// of word verdicts (wordVerdicts, knownWords), filled by the documents
// before them, get the issues and the extraction's type tables they get
// alone, in either order, and that the memo was read.
func TestJudgeWordsVerdicts(t *testing.T) {
	d := spell.Builtin()
	srcs := []string{
		"The Kremlin's analysts saw Putin's aides in Moscow. Followig the summit, moscow and the KGB, NATO's CIOs.\n\n" +
			"A long-term bet, a longterm one; Ex-CiA officers' views, don’t, I’ve, 1980s, U.S. e.g. Mr. Smith.\n",
		"Putin met the aides in moscow; the Kremlin denied it. Smith's analysts, the longterm plan and a long-term one.\n\n" +
			"Followig that, NATO and the KGB met; Vladimir Putin, President Putin, Ivana Zelníčková and ivana.\n",
		"An unrelated draft: recieve the teh report, Smith and Jones, ii and XIV, Mix and mix, Civil civil.\n\n" +
			"It is very likly, almost certianly so, and definately not 30 percent; highly likely, we assess.\n",
	}
	docs := make([]*prose.Document, len(srcs))
	for i, src := range srcs {
		docs[i] = prose.Parse("v.txt", []byte(src), prose.Plain)
	}
	boosted := false
	for _, order := range [][]int{{0, 1, 2}, {2, 1, 0}} {
		w := &wordVerdicts{}
		for k, i := range order {
			doc := docs[i]
			before, inMemo := len(w.words), 0
			for id := range doc.NumTypes() {
				if text := doc.Type(uint32(id)); w.find(text, memoHash(text)) >= 0 {
					inMemo++
				}
			}
			known := knownWords(doc, d, w)
			if k > 0 && inMemo == 0 || len(w.words)-before != doc.NumTypes()-inMemo {
				t.Errorf("document %d: %d of its %d types in the memo, %d added", i, inMemo, doc.NumTypes(), len(w.words)-before)
			}
			// A plain type is one plan, alone, gives no parts.
			alone := &judge{doc: doc, dict: &suggestCache{Dict: d, memo: map[string][]string{}}, plans: make([]wordPlan, doc.NumTypes()), names: newDraftNames(doc.NumTypes())}
			plains := 0
			for id := range doc.NumTypes() {
				if !known[id].plain {
					continue
				}
				plains++
				if alone.plan(uint32(id)); !alone.plans[id].ok || alone.plans[id].first != alone.plans[id].end {
					t.Errorf("document %d: %q is plain, but its plan has parts", i, doc.Type(uint32(id)))
				}
			}
			if plains == 0 {
				t.Errorf("document %d: no plain type", i)
			}
			// Every word type's plan is the same with the memo's verdicts.
			with := &judge{doc: doc, dict: &suggestCache{Dict: d, memo: map[string][]string{}}, plans: make([]wordPlan, doc.NumTypes()), names: newDraftNames(doc.NumTypes()), known: known}
			alone = &judge{doc: doc, dict: &suggestCache{Dict: d, memo: map[string][]string{}}, plans: make([]wordPlan, doc.NumTypes()), names: newDraftNames(doc.NumTypes())}
			for id := range doc.NumTypes() {
				if quickKind(doc.Type(uint32(id))) != prose.Word {
					continue
				}
				for _, j := range []*judge{alone, with} {
					if !j.plans[id].planned {
						j.plan(uint32(id))
					}
				}
			}
			if !reflect.DeepEqual(with.plans, alone.plans) || !reflect.DeepEqual(with.parts, alone.parts) || !reflect.DeepEqual(with.names, alone.names) {
				t.Errorf("document %d: the plans differ with the memo", i)
			}
			want := judgeWords(doc, d, nil)
			got, suggest := judgeWordsLater(doc, d, nil, nil, known)
			suggest(got, nil)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("document %d with the memo:\n%+v\nwant\n%+v", i, got, want)
			}
			x, xk := newExtractor(doc, nil, nil), newExtractorKnown(doc, nil, nil, known)
			if !reflect.DeepEqual(x.flags, xk.flags) || !reflect.DeepEqual(x.words, xk.words) || !reflect.DeepEqual(x.boosterOf, xk.boosterOf) {
				t.Errorf("document %d: the extraction's tables differ with the memo", i)
			}
			boosted = boosted || len(x.boosterOf) > 0
		}
	}
	if !boosted {
		t.Error("no misspelt booster: the tables' test says little")
	}
}

// TestWordVerdictsTable checks the memo's hash table as it grows: every
// word added is found with its verdict, and no other, among words that
// share their ends and lengths (memoHash reads at most sixteen bytes).
func TestWordVerdictsTable(t *testing.T) {
	w := &wordVerdicts{}
	word := func(i int) string {
		switch i % 4 {
		case 0:
			return strconv.Itoa(i)
		case 1:
			return "counter" + strconv.Itoa(i) + "intelligence" // long, the ends shared
		case 2:
			return string(rune('a'+i%26)) + strconv.Itoa(i%7)
		}
		return "w" + strconv.Itoa(i)
	}
	const n = 5000
	for i := range n {
		text := word(i)
		if k := w.find(text, memoHash(text)); k >= 0 {
			if i%4 != 2 { // (the short ones repeat)
				t.Fatalf("%q found before it was added", text)
			}
			continue
		}
		w.add(text, memoHash(text), wordVerdict{want: text})
	}
	for i := range n {
		text := word(i)
		k := w.find(text, memoHash(text))
		if k < 0 || w.words[k].v.want != text {
			t.Fatalf("%q: found %d", text, k)
		}
		if other := text + "x"; w.find(other, memoHash(other)) >= 0 {
			t.Fatalf("%q found, never added", other)
		}
	}
	if len(w.slots) < 2*1024 {
		t.Fatalf("%d slots: the table never grew", len(w.slots))
	}
}
