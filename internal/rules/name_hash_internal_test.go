package rules

import (
	"testing"
	"unicode/utf8"
)

// hashWithout hashes w without its bytes [at, at+size) from the start, a
// byte at a time: what fillDeletions computes from the hashes of the
// prefixes and suffixes.
func hashWithout(w string, at, size int) uint64 {
	h := uint64(nameHashSeed)
	for i := 0; i < len(w); i++ {
		if i == at && size > 0 {
			i += size - 1
			continue
		}
		h = h*nameBase + uint64(w[i])
	}
	return h
}

// TestDeletionHashes checks fillDeletions (and its ASCII path) against
// hashing each deletion from the start, and its deletions against the
// runes of the form.
func TestDeletionHashes(t *testing.T) {
	for _, f := range []string{"", "a", "ab", "kryuchkov", "van der berg", "abcdefgh", "abcdefghi", "o'neil-smith", "dvořák", "ab\xffcd", "\xe2\x82", "ééé", "x\xf0\x9f\x98\x80y",
		"\xffa", "a\xff", "\xff\xff\xffé\xff", "é\xffab\xe2\x82x", "\xe2\x82\xe2", "aé\xc3"} {
		want := utf8.RuneCountInString(f) + 1
		dels, hashes := make([]nameDeletion, want), make([]uint64, want)
		if n := fillDeletions(dels, hashes, 3, f); n != want {
			t.Fatalf("%q: %d deletions, want %d", f, n, want)
		}
		k := 1
		for at, r := range f {
			if d := dels[k]; int(d.at) != at || int(d.size) != min(utf8.RuneLen(r), len(f)-at) {
				t.Errorf("%q: deletion %d is [%d, +%d), want at %d", f, k, d.at, d.size, at)
			}
			k++
		}
		for k, d := range dels {
			if d.form != 3 || d.next != -1 {
				t.Errorf("%q: deletion %d: form %d next %d", f, k, d.form, d.next)
			}
			if want := hashWithout(f, int(d.at), int(d.size)); hashes[k] != want {
				t.Errorf("%q without [%d, +%d): hash %x, want %x", f, d.at, d.size, hashes[k], want)
			}
		}
	}
}
