package spell

import (
	"bytes"
	"errors"
	"flag"
	"io/fs"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/edlint/edlint/dict"
)

var update = flag.Bool("update", false, "rewrite compact.bin from the lists in package dict")

// TestCompactFresh checks that compact.bin is the encoding of the current
// lists (with -update it rewrites it: go generate ./internal/spell). At
// start-up Builtin checks only the lists' names and sizes, so a stale
// blob is a defect this test must catch: it fails until the blob is
// regenerated.
func TestCompactFresh(t *testing.T) {
	want := compactFromLists(t, dict.FS())
	if *update {
		if err := os.WriteFile("compact.bin", want, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if !bytes.Equal([]byte(compactBlob), want) {
		t.Fatal("compact.bin is stale: run go generate ./internal/spell")
	}
	d, err := decodeCompact(string(want), func(srcs []source) bool { return sameContents(dict.FS(), srcs) })
	if err != nil {
		t.Fatalf("decode: %v", err)
	}
	if !sameSizes(dict.FS(), mustSources(t, dict.FS())) {
		t.Fatal("the start-up check rejects the built-in lists")
	}
	words, freq, names, err := readLists(dict.FS())
	if err != nil {
		t.Fatal(err)
	}
	bigrams, _ := fs.ReadFile(dict.FS(), bigramsFile)
	if got := encodeCompact(d, sourcesOf(words, freq, names, bigrams), bigrams); !bytes.Equal(got, want) {
		t.Fatal("decode(encode(lists)) differs from the lists")
	}
	if Builtin().b.pre == nil {
		t.Fatal("Builtin did not load compact.bin")
	}
}

// compactFromLists encodes the lists in fsys as compact.bin.
func compactFromLists(t *testing.T, fsys fs.FS) []byte {
	t.Helper()
	words, freq, names, err := readLists(fsys)
	if err != nil {
		t.Fatal(err)
	}
	b, err := buildText(words, freq, names)
	if err != nil {
		t.Fatal(err)
	}
	bigrams, err := fs.ReadFile(fsys, bigramsFile)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		t.Fatal(err)
	}
	setMisspellTable(b)
	return encodeCompact(b, sourcesOf(words, freq, names, bigrams), bigrams)
}

func mustSources(t *testing.T, fsys fs.FS) []source {
	t.Helper()
	words, freq, names, err := readLists(fsys)
	if err != nil {
		t.Fatal(err)
	}
	bigrams, _ := fs.ReadFile(fsys, bigramsFile)
	return sourcesOf(words, freq, names, bigrams)
}

// TestCompactStale: lists that differ from the blob's, even by a
// same-size edit, are read as text, and the blob is not used for them.
func TestCompactStale(t *testing.T) {
	fsys := fstest.MapFS{}
	err := fs.WalkDir(dict.FS(), ".", func(path string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		data, err := fs.ReadFile(dict.FS(), path)
		fsys[path] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	d, err := Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	if d.b.pre == nil {
		t.Error("a copy of the built-in lists did not load compact.bin")
	}
	words := fsys[wordsFile].Data
	i := bytes.Index(words, []byte("\nzebra\n"))
	if i < 0 {
		t.Fatal("no zebra in the word list")
	}
	edited := bytes.Clone(words)
	copy(edited[i+1:], "zebre")
	fsys[wordsFile] = &fstest.MapFile{Data: edited}
	d, err = Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	if d.b.pre != nil {
		t.Fatal("compact.bin was used for lists it was not made from")
	}
	if !d.Check("zebre").OK() || d.Check("zebra").OK() {
		t.Error("the edited list was not read")
	}
	// misspell's table does not depend on the lists: it is still there.
	if fix, ok := d.Misspelling("recieve"); !ok || fix != "receive" { //nolint:misspell // a known misspelling on purpose
		t.Errorf("Misspelling(recieve) = %q, %v without compact.bin", fix, ok)
	}
}

// TestCompactOldFormat: a blob in the format before the 8-byte trie
// records is rejected, not misread.
func TestCompactOldFormat(t *testing.T) {
	old := strings.Replace(compactBlob, compactMagic, "edlint-spell-compact-2\n", 1)
	if _, err := decodeCompact(old, func([]source) bool { return true }); err == nil {
		t.Fatal("a blob of the previous format was accepted")
	}
}

// TestTrieFieldsFit: a trie whose numbers do not fit a node record's bits
// fails to build rather than being truncated, but for the heights, which
// saturate at heightMax (a loaded list may have keys that long).
func TestTrieFieldsFit(t *testing.T) {
	fits := func(recs []trieNode) (ok bool) {
		defer func() { ok = recover() == nil }()
		layoutTrie(recs, 0)
		return
	}
	root := trieNode{first: 1, children: 1, hmin: 1, hmax: heightMax}
	if !fits([]trieNode{root, {first: 2, term: 1, hmax: heightMax - 1}}) {
		t.Error("a trie whose fields fit was rejected")
	}
	root.hmin, root.hmax = heightMax+1, heightMax+2
	s := layoutTrie([]trieNode{root, {first: 2, term: 1, hmax: heightMax + 1}}, heightMax+2)
	if nd := s.node(0); nd.hmin != heightMax || nd.hmax != heightMax || nd.first != 1 || nd.children != 1 {
		t.Errorf("heights %d to %d below the root read back as %d to %d (first child %d, %d children), not saturated", root.hmin, root.hmax, nd.hmin, nd.hmax, nd.first, nd.children)
	}
	if nd := s.node(1); nd.hmin != 0 || nd.hmax != heightMax {
		t.Errorf("a key with %d letters below it reads back as %d to %d", heightMax+1, nd.hmin, nd.hmax)
	}
	if fits([]trieNode{{first: 1, term: 1, hmin: 1}}) {
		t.Error("a key with letters below it to a key was accepted")
	}
}
