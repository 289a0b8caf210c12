package spell

import (
	"slices"
	"strings"
	"testing"

	"github.com/client9/misspell"
)

// misspellMap returns client9/misspell's main list as a map from a
// misspelling to its one correction; misspellings listed with several
// different corrections are left out, as are entries with spaces. It is
// the source of compact.bin's misspelling table (see setMisspellTable).
func misspellMap() map[string]string {
	m := make(map[string]string, len(misspell.DictMain)/2)
	ambiguous := map[string]bool{}
	for i := 0; i+1 < len(misspell.DictMain); i += 2 {
		wrong, right := misspell.DictMain[i], misspell.DictMain[i+1]
		if strings.ContainsAny(wrong, " ") || strings.ContainsAny(right, " ") {
			continue
		}
		if old, ok := m[wrong]; ok && old != right {
			ambiguous[wrong] = true
		}
		m[wrong] = right
	}
	for w := range ambiguous {
		delete(m, w)
	}
	return m
}

// setMisspellTable gives b the table compact.bin stores: misspellMap
// sorted, as "wrong\tright" entries and their offsets.
func setMisspellTable(b *base) {
	m := misspellMap()
	wrongs := make([]string, 0, len(m))
	for w := range m {
		wrongs = append(wrongs, w)
	}
	slices.Sort(wrongs)
	var sb strings.Builder
	off := []uint32{0}
	for _, w := range wrongs {
		sb.WriteString(w)
		sb.WriteByte('\t')
		sb.WriteString(m[w])
		off = append(off, uint32(sb.Len()))
	}
	b.missText, b.missOff, b.missListLen = sb.String(), packU32s(off), uint32(len(misspell.DictMain))
}

// TestMisspellingTable: compact.bin's table of misspell's list answers as
// the map built from the list does (TestCompactFresh checks the table's
// bytes).
func TestMisspellingTable(t *testing.T) {
	b := Builtin().b
	if b.missOff == "" {
		t.Fatal("the misspelling table was not loaded")
	}
	m := misspellMap()
	if b.missOff.len()-1 != len(m) {
		t.Errorf("table has %d entries, the list %d", b.missOff.len()-1, len(m))
	}
	for w, fix := range m {
		if got, ok := b.misspellingOf(w); !ok || got != fix {
			t.Fatalf("misspellingOf(%q) = %q, %v; want %q", w, got, ok, fix)
		}
	}
	for _, w := range []string{"", "a", "receive", "zzzz", "\xff", "\x00", "\t", "zzzzzzzzzzzz", "\xff\xff\xff\xff\xff\xff\xff\xff\xff"} {
		if got, ok := b.misspellingOf(w); ok && m[w] != got {
			t.Errorf("misspellingOf(%q) = %q", w, got)
		}
	}
}

// TestMisspellingOfEveryEntry looks up every entry of the table, and each
// entry's wrong form extended and cut short, against a map of the table.
func TestMisspellingOfEveryEntry(t *testing.T) {
	b := Builtin().b
	table := map[string]string{}
	for i := range b.missOff.len() - 1 {
		wrong, right, _ := strings.Cut(b.missText[b.missOff.at(i):b.missOff.at(i+1)], "\t")
		table[wrong] = right
	}
	if len(table) < 1000 {
		t.Fatalf("only %d entries", len(table))
	}
	for wrong := range table {
		for _, w := range []string{wrong, wrong + "\x01", wrong + "\x00", wrong + "\t", wrong + "a", wrong[:len(wrong)-1], wrong[:len(wrong)-1] + "\x00"} {
			want, wantOK := table[w]
			if got, ok := b.misspellingOf(w); got != want || ok != wantOK {
				t.Fatalf("misspellingOf(%q) = %q, %v; want %q, %v", w, got, ok, want, wantOK)
			}
		}
	}
}
