package prose

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"flag"
	"fmt"
	"hash"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

var updateDigests = flag.Bool("update-digests", false, "rewrite testdata/document-digests.txt")

// digestFile holds a SHA-256 of the full dump of each document that
// TestDocumentDigests parses: a change to the tokenizer, the vocabulary,
// the sentence splitter or the block model that changes any field of any
// of them shows as a changed digest. Rewrite it (go test -run
// TestDocumentDigests -update-digests) only for a change meant to alter
// documents. Each input is recorded with a digest of its bytes: one added
// or changed since the record was made is not compared.
const digestFile = "testdata/document-digests.txt"

// dumpDocument writes to h every field of d that Parse derives, exported
// or not: all but the input (Path, Src, Text) and the hard-wrap count,
// which shows as HardWrapped. Tokens are written as what they say (span,
// kind, gap, ID), not as their packed bits, so that a change of packing
// keeps the digests.
func dumpDocument(h hash.Hash, d *Document) {
	var buf [8]byte
	u32 := func(x uint32) {
		binary.LittleEndian.PutUint32(buf[:4], x)
		h.Write(buf[:4])
	}
	num := func(x int) {
		binary.LittleEndian.PutUint64(buf[:], uint64(x))
		h.Write(buf[:])
	}
	str := func(s string) {
		num(len(s))
		h.Write([]byte(s))
	}
	flag := func(b bool) {
		if b {
			num(1)
		} else {
			num(0)
		}
	}
	num(int(d.Format))
	flag(d.TooVaried())
	flag(d.HardWrapped())
	num(len(d.lines))
	for _, l := range d.lines {
		u32(l)
	}
	num(len(d.Invalid))
	for _, o := range d.Invalid {
		num(o)
	}
	num(len(d.Prose))
	for _, s := range d.Prose {
		u32(s.start)
		u32(s.end)
	}
	num(len(d.Comments))
	for _, c := range d.Comments {
		num(c.Start)
		num(c.End)
		str(c.Body)
	}
	num(len(d.Blocks))
	for _, b := range d.Blocks {
		for _, x := range []uint32{b.start, b.end, b.firstToken, b.endToken, b.firstSentence, b.endSentence, uint32(b.kind)} {
			u32(x)
		}
		flag(b.inQuote)
	}
	num(len(d.Tokens))
	for i, t := range d.Tokens {
		u32(uint32(d.TokenStart(i)))
		u32(uint32(d.TokenEnd(i)))
		u32(uint32(d.KindOf(t)))
		flag(t.Gap())
		u32(t.ID())
	}
	num(len(d.Sentences))
	for _, s := range d.Sentences {
		u32(s.firstToken)
		u32(s.endToken)
		u32(s.block)
	}
	num(d.NumTypes())
	for tid := range d.NumTypes() {
		t := d.Type(uint32(tid))
		str(t)
	}
	num(len(d.counts))
	for _, c := range d.counts {
		u32(uint32(c))
	}
	num(len(d.lower))
	for _, l := range d.lower {
		u32(l)
	}
}

// digestInputs returns the documents TestDocumentDigests parses, by name:
// the test data, the clean corpora and the seed draft when ../shared is
// present, the fuzz corpus, and of each file variants with CRLF line
// breaks, a byte-order mark and invalid UTF-8.
func digestInputs(t *testing.T) (names []string, srcs map[string][]byte) {
	t.Helper()
	var files []string
	for _, pattern := range []string{"../../testdata/*.txt", "../../testdata/*.md", "../../testdata/e2e/drafts/*", "../../testdata/e2e/drafts/*/*", "../rules/testdata/*/*.md", "../rules/testdata/*/*.txt"} {
		m, _ := filepath.Glob(pattern)
		files = append(files, m...)
	}
	shared := false
	if dir := sharedDir(); dir != "" {
		m, _ := filepath.Glob(filepath.Join(dir, "corpora", "clean", "*"))
		files = append(files, m...)
		files = append(files, filepath.Join(dir, "samples", "seed-draft.txt"))
		shared = true
	}
	srcs = map[string][]byte{}
	add := func(name string, src []byte) {
		names = append(names, name)
		srcs[name] = src
	}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			continue // a directory
		}
		name := filepath.ToSlash(f)
		if shared && (strings.Contains(name, "/corpora/") || strings.HasSuffix(name, "samples/seed-draft.txt")) {
			name = "shared:" + filepath.Base(f)
		}
		add(name, src)
		crlf := []byte(strings.ReplaceAll(string(src), "\n", "\r\n"))
		add(name+"+crlf", crlf)
		add(name+"+bom+crlf", append([]byte("\ufeff"), crlf...))
		bad := slices.Clone(src)
		for i := 0; i < len(bad); i += 997 {
			bad[i] = "\xff\xc3\x80\xe2"[i/997%4]
		}
		add(name+"+invalid", bad)
	}
	fuzz, _ := filepath.Glob("testdata/fuzz/FuzzParse/*")
	for _, f := range fuzz {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		add(filepath.ToSlash(f), src)
	}
	long := strings.Repeat("The U.S. agency's 1,200 staff met Dr. Smith at www.gao.gov today, and said no. ", 3)
	for i, s := range []string{
		"", "Hello world.", "\xff\xfe", "a\u200bb ’80s U.S. e.g. 2.5 1,200,000 '90s x", "---\nx: y\n---\ntext",
		"> q\n> > r\n\n- a\n  - b", "# H\n\n`c` [a](b) <!-- edlint-words: x -->",
		strings.Repeat(long+"\n"+long+"\nedlint-disable x\n", 40),
		strings.Repeat("A short line that goes on\nto the next one. And\n", 200),
		strings.Repeat("a", 300) + " " + strings.Repeat(".", 600) + " " + strings.Repeat("é", 200) + "x",
		"word, word. word.\nWORD Word wOrD ABCDEFGHIJKLMNOPQ abcdefghijklmnopq abcdefghijklmnopqrstuvwxyz0123456789 end",
		"e-mail a@b.gov(202) see http://x.org/a_(b) and (www.gao.gov)under… ?! ... .. ƒ º ‘80s ’80s",
		// Not hard-wrapped, with lines that are all URL, hold URLs, end in
		// white space, are blank but for spaces, or are directives.
		strings.Repeat(long+"\nhttp://example.com/a_(b)\n"+long+" see www.gao.gov, and a@b.gov end \n   \n"+long+"\t\nedlint-disable x\n<!-- edlint-words: y -->\nwww.x.org "+long+"\n", 6),
		// Hard-wrapped once the byte-order mark is left out, not with it.
		"\ufeff" + strings.Repeat("a", 100) + strings.Repeat("\nshort line, and more", 18),
		strings.Repeat("a", 100) + strings.Repeat("\nshort line, and more", 18),
	} {
		add(fmt.Sprintf("synthetic-%d", i), []byte(s))
	}
	return names, srcs
}

// TestDocumentDigests compares a digest of the full dump of each document,
// in both formats, with the one recorded in testdata: an optimisation of
// the parser must leave every field of every document as it was.
func TestDocumentDigests(t *testing.T) {
	names, srcs := digestInputs(t)
	var got []string
	for _, name := range names {
		for _, format := range []Format{Plain, Markdown} {
			h := sha256.New()
			dumpDocument(h, Parse(name, srcs[name], format))
			// The key names the input by its digest too, so that a test
			// file changed since the record was made is not compared.
			got = append(got, fmt.Sprintf("%s %s %x %s", hex.EncodeToString(h.Sum(nil)), format, sha256.Sum256(srcs[name]), name))
		}
	}
	if *updateDigests {
		if err := os.WriteFile(digestFile, []byte(strings.Join(got, "\n")+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	recorded, err := os.ReadFile(digestFile)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{} // "format name" -> digest
	for _, line := range strings.Split(string(recorded), "\n") {
		if digest, key, ok := strings.Cut(line, " "); ok {
			want[key] = digest
		}
	}
	checked := 0
	for _, line := range got {
		digest, key, _ := strings.Cut(line, " ")
		w, ok := want[key]
		if !ok {
			continue // an input added or changed since the record was made
		}
		checked++
		if w != digest {
			t.Errorf("%s: document differs from the recorded one", key)
		}
	}
	// Inputs changed since the record are skipped; when most are, the test
	// no longer guards much: re-record (after checking the parser is
	// unchanged, e.g. against the old record with git stash).
	if checked*2 < len(got) {
		t.Fatalf("only %d of %d documents have a record to compare with: re-record with -update-digests from a parser known to be unchanged", checked, len(got))
	}
	t.Logf("%d of %d documents compared with their record", checked, len(got))
}
