package rules

import (
	"os"
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
// isCapitalised.
func TestCapitalTypes(t *testing.T) {
	srcs := indexSources(t)
	srcs["titles.md"] = []byte("# The Ministry of the Interior\n\nA Tale Of Two Cities Ōsaka Édition ƒ º ª Ωmega ωmega\n\n" +
		"The United States and the Soviet Union of the East\n\nÉcole Normale Supérieure de Paris\n\nIn the end it was so\n")
	for path, src := range srcs {
		d := prose.Parse(path, src, prose.FormatFor(path))
		capital, _, _ := capitalTypes(d)
		for id := range d.NumTypes() {
			text := d.Type(uint32(id))
			if want := typeKind(text) == prose.Word && isCapitalised(text); (capital[id]&markCapital != 0) != want {
				t.Errorf("%s: %q capital %d, want %v", path, text, capital[id], want)
			}
		}
	}
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
