package spell

import (
	"bytes"
	"flag"
	"os"
	"testing"

	"github.com/edlint/edlint/dict"
)

var update = flag.Bool("update", false, "rewrite compact.bin from the lists in package dict")

// TestCompactFresh checks that compact.bin is the encoding of the current
// lists (with -update it rewrites it: go generate ./internal/spell). A
// stale blob is not an error for users, since Load then parses the text
// lists, only a slower start; so staleness skips with a notice rather
// than failing a build in which someone has just edited a list.
func TestCompactFresh(t *testing.T) {
	words, freq, names, err := readLists(dict.FS())
	if err != nil {
		t.Fatal(err)
	}
	b, err := buildText(words, freq, names)
	if err != nil {
		t.Fatal(err)
	}
	want := encodeCompact(b, fingerprint(words, freq, names))
	if *update {
		if err := os.WriteFile("compact.bin", want, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if !bytes.Equal([]byte(compactBlob), want) {
		t.Skip("compact.bin is stale (Load falls back to the text lists): run go generate ./internal/spell")
	}
	d, err := decodeCompact(string(want), fingerprint(words, freq, names))
	if err != nil {
		t.Fatalf("decode: %v", err)
	}
	if got := encodeCompact(d, fingerprint(words, freq, names)); !bytes.Equal(got, want) {
		t.Fatal("decode(encode(lists)) differs from the lists")
	}
}
