package rules

import (
	"maps"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/edlint/edlint/internal/prose"
	"github.com/edlint/edlint/internal/spell"
)

// TestConnectorSwitch keeps isConnector's switch and the connectors map
// one list.
func TestConnectorSwitch(t *testing.T) {
	for w := range connectors {
		if !isConnector(w) || !isConnector(strings.ToUpper(w)) {
			t.Errorf("isConnector(%q) = false", w)
		}
	}
	for _, w := range []string{"off", "then", "dell", "a", "xx", "bins", "Thee"} {
		if isConnector(w) {
			t.Errorf("isConnector(%q) = true", w)
		}
	}
}

// benchSources are indexSources, or the file $EDLINT_BENCH_FILE names
// (the 20 MB corpus, say).
func benchSources(b *testing.B) map[string][]byte {
	if f := os.Getenv("EDLINT_BENCH_FILE"); f != "" {
		src, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		return map[string][]byte{f: src}
	}
	return indexSources(&testing.T{})
}

// benchDocs parses benchSources and sets b's bytes per operation to their
// size.
func benchDocs(b *testing.B) []*prose.Document {
	var docs []*prose.Document
	var size int64
	for path, src := range benchSources(b) {
		docs = append(docs, prose.Parse(path, src, prose.FormatFor(path)))
		size += int64(len(src))
	}
	b.SetBytes(size)
	return docs
}

// BenchmarkNameWords times the name facts of the clean corpus (or of the
// test drafts without ../shared; or of $EDLINT_BENCH_FILE).
func BenchmarkNameWords(b *testing.B) {
	docs := benchDocs(b)
	for b.Loop() {
		for _, d := range docs {
			nameWords(d)
		}
	}
}

// BenchmarkNameChecks times the set-wide judgements of name-consistency
// (checkPhrases and checkNameWords) on facts gathered in advance.
func BenchmarkNameChecks(b *testing.B) {
	d := spell.Builtin()
	r := NameConsistency()
	var all []docFacts[nameFacts]
	var size int64
	for path, src := range benchSources(b) {
		doc := prose.Parse(path, src, prose.FormatFor(path))
		all = append(all, docFacts[nameFacts]{doc, nameWords(doc)})
		size += int64(len(src))
	}
	p := NewPass(r, all[0].doc, d, nil, NewShared([]Rule{r}), func(Finding) {})
	checkNameWords(p, all) // the dictionary's one-time indexes
	b.SetBytes(size)
	for b.Loop() {
		checkPhrases(p, all)
		checkNameWords(p, all)
	}
}

// TestCapitalTypes checks nameWords' capital marks against
// isCapitalised, and capitalTypes, which reads the types' classes, against
// capitalTypesRef, which reads their texts, with the classes read from
// the run's memo or not.
func TestCapitalTypes(t *testing.T) {
	srcs := indexSources(t)
	srcs["titles.md"] = []byte("# The Ministry of the Interior\n\nA Tale Of Two Cities Ōsaka Édition ƒ º ª Ωmega ωmega\n\n" +
		"The United States and the Soviet Union of the East\n\nÉcole Normale Supérieure de Paris\n\nIn the end it was so\n\n" +
		"Bush's aides, the Kremlin’s men, THE DEL Della's Van Der Berg's, O'Neil's\n")
	memo := &runTexts{}
	for _, path := range slices.Sorted(maps.Keys(srcs)) {
		d := prose.Parse(path, srcs[path], prose.FormatFor(path))
		for _, x := range []*tokenIndex{buildTokenIndex(d), buildTokenIndexStops(d, nil, newTextRefs(memo, d))} {
			capital, forms, stems := capitalTypes(d, x.class)
			wantCapital, wantForms, wantStems := capitalTypesRef(d)
			for id := range d.NumTypes() {
				text := d.Type(uint32(id))
				if want := typeKind(text) == prose.Word && isCapitalised(text); (capital[id]&markCapital != 0) != want {
					t.Errorf("%s: %q capital %d, want %v", path, text, capital[id], want)
				}
				if d.TypeCount(uint32(id)) > 0 && capital[id] != wantCapital[id] {
					t.Errorf("%s: %q marks %b, want %b", path, text, capital[id], wantCapital[id])
				}
			}
			if forms != wantForms || !maps.Equal(stems, wantStems) {
				t.Errorf("%s: %d forms, stems %v; want %d, %v", path, forms, stems, wantForms, wantStems)
			}
		}
	}
}

// capitalTypesRef is capitalTypes from the types' texts.
func capitalTypesRef(doc *prose.Document) (marks []uint32, forms int, stems map[string]int32) {
	marks = make([]uint32, doc.NumTypes())
	stems = map[string]int32{}
	for id := range doc.NumTypes() {
		text := doc.Type(uint32(id))
		var m uint32
		if isCapitalised(text) {
			w := stripPossessive(text)
			if len(w) != len(text) {
				stems[w] = -1
			}
			if typeKind(text) == prose.Word {
				m = markCapital
				if nameLike(text) {
					m |= markGiven
				}
				if len(w) == len(text) && m&markGiven != 0 || len(w) != len(text) && nameLike(w) {
					forms++
				}
			}
		}
		if isConnector(text) && typeKind(text) == prose.Word {
			m |= markConnector
			if strings.EqualFold(text, "the") {
				m |= markArticle
			}
			if strings.EqualFold(text, "the") || strings.ToLower(text) != text {
				m |= markKeyed
			}
		}
		marks[id] = m
	}
	return marks, forms, stems
}

// TestAppendFold checks appendFold, which copies ASCII names and lowers
// their capitals in place, against foldName, after bytes already in the
// buffer.
func TestAppendFold(t *testing.T) {
	for _, w := range []string{"", "a", "Kryuchkov", "KRYUCHKOV", "McDonald's", "O'Neil-Smith", "Z@[`", "Dvořák", "ÉCOLE", "Łódź", "Straße", "İstanbul", "Ærø", "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"} {
		if got, want := string(appendFold([]byte("Xy"), w)), "Xy"+foldName(w); got != want {
			t.Errorf("appendFold(%q) = %q, want %q", w, got, want)
		}
	}
}

// TestGivenNames checks givenNames, which walks the capitalised words
// after a capitalised word, against nameUses, which finds every use of a
// form and the given name before it: for every form of each document, and
// of the documents together.
func TestGivenNames(t *testing.T) {
	srcs := indexSources(t)
	srcs["givens.md"] = []byte("# Vladimir Kryuchkov\n\nVladimir Kryuchkov met Vladimir Kruchkov. Kruchkov said so. " +
		"Anna Kryuchkov's aide, Anna  Kryuchkov and Anna\nKryuchkov; President Kryuchkov.\n\n" +
		"Kryuchkov\nVladimir Kryuchkov\n\n- Boris Kryuchkov\n- Kryuchkov Vladimir Kryuchkov's\n\n" +
		"NATO Kryuchkov, Dvořák Kryuchkov, Ōsaka Dvořák, Vladimir `code` Kryuchkov.\n")
	// A sentence may start one byte after a capitalised word: after a
	// heading.
	srcs["heading.md"] = []byte("# Early Life\nKryuchkov was born in Volgograd.\n\n## Vladimir\nKryuchkov left.\n")
	d := spell.Builtin()
	r := NameConsistency()
	var docs []*prose.Document
	for _, path := range slices.Sorted(maps.Keys(srcs)) {
		docs = append(docs, prose.Parse(path, srcs[path], prose.FormatFor(path)))
	}
	check := func(name string, docs []*prose.Document) {
		var all []docFacts[nameFacts]
		for _, doc := range docs {
			all = append(all, docFacts[nameFacts]{doc, nameWords(doc)})
		}
		// The forms merged by text, as checkNameWords merges them.
		index := map[string]*nameTotal{}
		var ts []*nameTotal
		for _, df := range all {
			for _, fm := range df.facts.forms {
				tt := index[fm.text]
				if tt == nil {
					tt = &nameTotal{nameForm: &nameForm{text: fm.text}}
					index[fm.text] = tt
					ts = append(ts, tt)
				}
				tt.count += fm.count
			}
		}
		if len(ts) == 0 {
			return
		}
		p := NewPass(r, docs[0], d, nil, NewShared([]Rule{r}), func(Finding) {})
		givenNames(p, all, append(ts, ts[0])) // (a form twice, as two pairs give it)
		want := map[string][]string{}
		ungiven := map[string]bool{}
		uses := map[string]int{}
		for _, doc := range docs {
			m := map[string][]nameOcc{}
			for _, tt := range ts {
				m[tt.text] = nil
			}
			nameUses(doc, m)
			for w, occs := range m {
				uses[w] += len(occs)
				for _, o := range occs {
					if o.given == "" {
						ungiven[w] = true
					} else if !slices.Contains(want[w], o.given) {
						want[w] = append(want[w], o.given)
					}
				}
			}
		}
		for _, tt := range ts {
			if uses[tt.text] != tt.count {
				t.Fatalf("%s: %q has %d uses, nameUses finds %d", name, tt.text, tt.count, uses[tt.text])
			}
			got := slices.Sorted(slices.Values(tt.givens))
			if w := slices.Sorted(slices.Values(want[tt.text])); !slices.Equal(got, w) || tt.ungiven != ungiven[tt.text] {
				t.Errorf("%s: %q givens %q ungiven %v, want %q %v", name, tt.text, got, tt.ungiven, w, ungiven[tt.text])
			}
		}
	}
	for _, doc := range docs {
		check(doc.Path, []*prose.Document{doc})
	}
	check("all", docs)
}

// TestMakePhraseKeyed checks makePhrase, told by phraseAt whether a small
// word before the last makes a key, against makePhrase reading every
// word, on every run phraseAt keeps in the test drafts.
func TestMakePhraseKeyed(t *testing.T) {
	srcs := indexSources(t)
	srcs["keys.md"] = []byte("The Ministry of the Interior and the Ministry Of Interior met the Bank of America.\n\n" +
		"Ludwig Van Della's band, Van Della, the House of Della's and the House Of Van Der Berg's.\n\n" +
		"# The Committee For State Security\n\nPresident of The United States, Duke of the Realm the King.\n")
	n := 0
	for _, path := range slices.Sorted(maps.Keys(srcs)) {
		doc := prose.Parse(path, srcs[path], prose.FormatFor(path))
		marks, _, _ := capitalTypes(doc, buildTokenIndex(doc).class)
		ps := phraseScan{doc: doc, marks: marks}
		for _, s := range doc.Sentences {
			for ti := s.FirstToken(); ti+1 < s.EndToken(); ti++ {
				if m := marks[doc.Tokens[ti].ID()]; m&markCapital == 0 || m&markConnector != 0 {
					continue
				}
				var out chunks[namePhrase]
				end := ps.phraseAt(s, ti, &out)
				got := append(slices.Concat(out.full...), out.cur...)
				if len(got) == 0 {
					continue
				}
				n++
				want := ps.makePhrase(ti, end, s.Block(), true)
				keys := string(ps.keys)
				if len(got) != 1 || got[0].span() != want.span() || got[0].block != want.block {
					t.Errorf("%s: phrase at %d: %+v, want %+v", path, ti, got, want)
					continue
				}
				gs, gk := got[0].surface(doc, keys)
				ws, wk := want.surface(doc, keys)
				if gs != ws || gk != wk {
					t.Errorf("%s: phrase at %d: %q key %q, want %q key %q", path, ti, gs, gk, ws, wk)
				}
			}
		}
	}
	if n == 0 {
		t.Fatal("no phrase")
	}
}
