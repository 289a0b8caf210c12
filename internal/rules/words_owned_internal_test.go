package rules

import (
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strconv"
	"strings"
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
	all, suggest := judgeWordsLater(doc, d, nil, nil, nil, nil)
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
// of texts (runTexts, knownWords), filled by the documents
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
			"It is very likly, almost certianly so, and definately not 30 percent; highly likely, we assess.\n\n" +
			"Putin, NATO and the KGB met Ivana Zelníčková in Moscow; Followig, recieve.\n",
	}
	docs := make([]*prose.Document, len(srcs))
	for i, src := range srcs {
		docs[i] = prose.Parse("v.txt", []byte(src), prose.Plain)
	}
	boosted, planned := false, 0
	for _, order := range [][]int{{0, 1, 2}, {2, 1, 0}} {
		w := &runTexts{}
		for k, i := range order {
			doc := docs[i]
			// Every type a token spells is added if the memo lacks it
			// (the others are left unset: see textRefs.verdicts).
			before, inMemo, spelt := len(w.words), 0, 0
			for id := range doc.NumTypes() {
				if text := doc.Type(uint32(id)); w.find(text, memoHash(text)) >= 0 {
					inMemo++
				} else if doc.TypeCount(uint32(id)) > 0 {
					spelt++
				}
			}
			known := knownWords(doc, d, newTextRefs(w, doc))
			if k > 0 && inMemo == 0 || len(w.words)-before != spelt {
				t.Errorf("document %d: %d of its %d types in the memo, %d added, want %d", i, inMemo, doc.NumTypes(), len(w.words)-before, spelt)
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
			got, suggest := judgeWordsLater(doc, d, nil, nil, known, nil)
			suggest(got, nil)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("document %d with the memo:\n%+v\nwant\n%+v", i, got, want)
			}
			// And with the plans the documents before it left in the
			// memo (textPlan), which it then adds to: each type's plan
			// is the one it makes alone.
			refs := newTextRefs(w, doc)
			known = knownWords(doc, d, refs)
			for id := range known {
				if tp := known[id].plan; tp != nil && len(tp.parts) > 0 && tp.parts[0].act == actName {
					planned++ // (a name's plan, which its document numbers)
				}
			}
			alone = newJudge(doc, d, nil, nil)
			alone.planAll(nil, nil)
			with = newJudge(doc, d, known, refs)
			with.planAll(nil, nil)
			for id := range doc.NumTypes() {
				if a, b := planText(alone, uint32(id)), planText(with, uint32(id)); a != b {
					t.Errorf("document %d: %q planned %s with the memo's plans, %s alone", i, doc.Type(uint32(id)), b, a)
				}
			}
			refs = newTextRefs(w, doc)
			known = knownWords(doc, d, refs)
			got, suggest = judgeWordsLater(doc, d, nil, nil, known, refs)
			suggest(got, nil)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("document %d with the memo's plans:\n%+v\nwant\n%+v", i, got, want)
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
	if planned == 0 {
		t.Error("no plan read from the memo: the plans' test says nothing")
	}
}

// TestWordVerdictsTable checks the memo's hash table as it grows: every
// word added is found with its verdict, and no other, among words that
// share their ends and lengths (memoHash reads at most sixteen bytes).
func TestWordVerdictsTable(t *testing.T) {
	w := &runTexts{}
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
		w.add(text, memoHash(text), runText{verdict: wordVerdict{want: text}})
	}
	for i := range n {
		text := word(i)
		k := w.find(text, memoHash(text))
		if k < 0 || w.words[k].v.verdict.want != text {
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

// TestRunTextsShared checks that the two readers of the run's texts (the
// verdicts, knownWords, and the classes, buildTokenIndexStops), which
// find a document's types once and in either order, and documents
// judged with another dictionary, get what they get alone: the verdicts
// of their own dictionary, never another's, and the classes; also when
// the memo holds more texts than refs refer to (maxRef).
func TestRunTextsShared(t *testing.T) {
	srcs := indexSources(t)
	paths := slices.Sorted(maps.Keys(srcs))
	docs := make([]*prose.Document, len(paths))
	for i, path := range paths {
		docs[i] = prose.Parse(path, srcs[path], prose.FormatFor(path))
	}
	base := spell.Builtin()
	// The other dictionary accepts words the built-in one does not.
	other := base.WithWords([]string{"Followig", "longterm", "Zelníčková", "teh"})
	shared := 0
	for round := range 4 {
		memo := &runTexts{}
		if round >= 2 {
			// Past maxRef, the texts the documents add are found
			// again, not by their refs. (The texts before them hold
			// what no document's type is.)
			odd := runText{verdict: wordVerdict{status: spell.WrongForm, want: "odd"}, dict: uint32(base.ID()), class: classKnown | 1<<30}
			for i := range maxRef + 10 {
				text := "zz" + strconv.Itoa(i)
				memo.add(text, memoHash(text), odd)
			}
		}
		for k, d := range docs {
			if round%2 == 1 {
				d = docs[len(docs)-1-k]
			}
			dict := base
			if (k+round)%3 == 2 {
				dict = other
			}
			refs := newTextRefs(memo, d)
			for _, r := range refs.ref {
				if r > 0 {
					shared++
				}
			}
			var known []wordVerdict
			var x *tokenIndex
			if (k+round/2)%2 == 0 {
				known, x = knownWords(d, dict, refs), buildTokenIndexStops(d, nil, refs)
			} else {
				x, known = buildTokenIndexStops(d, nil, refs), knownWords(d, dict, refs)
			}
			if want := buildTokenIndex(d); !reflect.DeepEqual(x, want) {
				t.Fatalf("round %d, %s: the index differs with the memo", round, d.Path)
			}
			// (A lower-case form no token spells may be left unset, if
			// the memo lacks it; a type a token spells never is.)
			want := knownWords(d, dict, newTextRefs(&runTexts{}, d))
			for id := range known {
				if known[id].unset || want[id].unset {
					if d.TypeCount(uint32(id)) != 0 {
						t.Fatalf("round %d, %s: %q, which a token spells, is unset", round, d.Path, d.Type(uint32(id)))
					}
					continue
				}
				if known[id] != want[id] {
					t.Fatalf("round %d, %s: %q is %+v, want %+v", round, d.Path, d.Type(uint32(id)), known[id], want[id])
				}
			}
		}
		skip := 0
		if round >= 2 {
			skip = maxRef + 10
		}
		for _, w := range memo.words[skip:] {
			if w.v.dict == 0 && w.v.class == 0 {
				t.Errorf("round %d: %q in the memo with nothing known", round, w.text)
			}
		}
	}
	if shared == 0 {
		t.Error("no type found in the memo: the test says little")
	}
}

// TestMemoHashExact checks what find relies on: the words of one length
// under exactHash have distinct memoHashes, over every word of those
// lengths made of a few bytes (the ends of the byte values, letters, and
// a byte of UTF-8).
func TestMemoHashExact(t *testing.T) {
	alphabet := []byte{0, 'a', 'b', 0x80, 0xff}
	for n := range exactHash {
		seen := map[uint64]string{}
		word := make([]byte, n)
		var each func(i int)
		each = func(i int) {
			if i == n {
				w := string(word)
				h := memoHash(w)
				if other, ok := seen[h]; ok {
					t.Fatalf("%q and %q share memoHash %#x", w, other, h)
				}
				seen[h] = w
				return
			}
			for _, c := range alphabet {
				word[i] = c
				each(i + 1)
			}
		}
		each(0)
	}
}

// TestTextRefsHash checks newTextRefs' copies of memoHash and sameText,
// and find's sameText: every type of a document of words of each length
// up to forty bytes, ASCII and not, which the memo holds, is found at its
// index there, and none that it lacks.
func TestTextRefsHash(t *testing.T) {
	var b strings.Builder
	for n := range 40 {
		for _, c := range []string{"a", "é", "z"} {
			b.WriteString(strings.Repeat(c, n) + "x ")
		}
	}
	d := prose.Parse("t.txt", []byte(b.String()), prose.Plain)
	// Each text of eight bytes or more comes after decoys of its
	// length and hash, which differ from it in a byte: the probe meets
	// them first.
	memo := &runTexts{}
	for id := range d.NumTypes() {
		if text := d.Type(uint32(id)); id%3 != 0 {
			if n := len(text); n >= exactHash {
				for _, i := range []int{0, n / 2, n - 1} {
					b := []byte(text)
					b[i] ^= 1
					memo.add(string(b), memoHash(text), runText{})
				}
			}
			memo.add(text, memoHash(text), runText{})
		}
	}
	refs := newTextRefs(memo, d)
	found := 0
	for id, r := range refs.ref {
		text := d.Type(uint32(id))
		want := -1
		for k, w := range memo.words {
			if w.text == text {
				want = k
			}
		}
		if got := memo.find(text, memoHash(text)); got != want {
			t.Errorf("%q: find %d, want %d", text, got, want)
		}
		if int(r)-1 != want {
			t.Errorf("%q: ref %d, want %d", text, int(r)-1, want)
		} else if want >= 0 {
			found++
		}
	}
	if found < 60 {
		t.Errorf("%d types found: the test says little", found)
	}
}

// newJudge is the judge judgeWordsLater makes.
func newJudge(doc *prose.Document, d *spell.Dict, known []wordVerdict, refs *textRefs) *judge {
	return &judge{known: known, refs: refs, doc: doc, dict: &suggestCache{Dict: d, memo: map[string][]string{}},
		plans: make([]wordPlan, doc.NumTypes()), seen: idTable[uint8](doc.NumTypes()), names: newDraftNames(doc.NumTypes()), capIdx: map[string]int32{}}
}

// planText writes out the plan of type id of j, its parts' refs as what
// they refer to, and "-" when it is not planned, is plain (planAll plans
// a plain type alone, not with the memo) or no token spells it (planned
// alone only as another's lower-case form).
func planText(j *judge, id uint32) string {
	p := &j.plans[id]
	if !p.planned || p.ok && p.first == p.end && !p.names || j.doc.TypeCount(id) == 0 {
		return "-"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "ok=%v names=%v frag=%d/%d", p.ok, p.names, p.frag, p.runes)
	for _, pp := range j.parts[p.first:p.end] {
		fmt.Fprintf(&b, " [%d %d %d %d %v", pp.off, pp.end, pp.base, pp.act, pp.whole)
		switch pp.act {
		case actName:
			fmt.Fprintf(&b, " %q]", j.names.forms[pp.ref])
		case actWrongForm, actIssue:
			fmt.Fprintf(&b, " %+v]", j.tmpl[pp.ref])
		default:
			fmt.Fprintf(&b, " %d]", pp.ref)
		}
	}
	return b.String()
}
