package prose

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/edlint/edlint/internal/shareddir"
)

// sharedDir finds ../shared; "" when absent.
func sharedDir() string { return shareddir.Find() }

// sameDocument fails unless a and b agree in every field.
func sameDocument(t *testing.T, name string, a, b *Document) {
	t.Helper()
	if !reflect.DeepEqual(a, b) {
		switch {
		case !reflect.DeepEqual(a.Tokens, b.Tokens):
			t.Fatalf("%s: tokens differ (%d vs %d)", name, len(a.Tokens), len(b.Tokens))
		case !sameTypes(a, b):
			t.Fatalf("%s: types differ (%d vs %d)", name, a.NumTypes(), b.NumTypes())
		case !reflect.DeepEqual(a.Sentences, b.Sentences):
			t.Fatalf("%s: sentences differ (%d vs %d)", name, len(a.Sentences), len(b.Sentences))
		case !reflect.DeepEqual(a.Blocks, b.Blocks):
			t.Fatalf("%s: blocks differ (%d vs %d)", name, len(a.Blocks), len(b.Blocks))
		}
		t.Fatalf("%s: documents differ", name)
	}
}

// parseBoth parses src on one goroutine and, cut into parts of about
// partSize bytes, on several, and compares the documents.
func parseBoth(t *testing.T, name string, src []byte, format Format, partSize, workers int) {
	t.Helper()
	defer func(m int) { minPart = m }(minPart)
	minPart = partSize
	one := Parse(name, src, format)
	many := ParseWorkers(name, src, format, workers)
	sameDocument(t, name, one, many)
}

// TestParallelParseIsSequential checks that ParseWorkers builds the same
// document as Parse on the test data and the clean corpora, in both
// formats and with runs of several sizes.
func TestParallelParseIsSequential(t *testing.T) {
	var files []string
	for _, pattern := range []string{"../../testdata/*.txt", "../../testdata/*.md", "../rules/testdata/*/*.md", "testdata/*", "../lint/testdata/*"} {
		m, _ := filepath.Glob(pattern)
		files = append(files, m...)
	}
	if shared := sharedDir(); shared != "" {
		m, _ := filepath.Glob(filepath.Join(shared, "corpora", "clean", "*"))
		files = append(files, m...)
		files = append(files, filepath.Join(shared, "samples", "seed-draft.txt"))
	}
	n := 0
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			continue // a directory
		}
		n++
		for _, format := range []Format{Plain, Markdown} {
			for _, size := range []int{1, 1000, len(src)/3 + 1} {
				for _, workers := range []int{2, 3, 8} {
					parseBoth(t, f, src, format, size, workers)
				}
			}
		}
	}
	if n == 0 {
		t.Fatal("no files")
	}
	// Paragraphs on long lines with no blank line between them (every line
	// a block), and hard-wrapped ones without a blank line.
	long := strings.Repeat("The U.S. agency's 1,200 staff met Dr. Smith at www.gao.gov today, and said no. ", 3)
	unwrapped := strings.Repeat(long+"\n"+long+"\nedlint-disable x\n", 40)
	wrapped := strings.Repeat("A short line that goes on\nto the next one. And\n", 200)
	for _, src := range []string{unwrapped, wrapped, "\ufeff" + unwrapped} {
		for _, size := range []int{1, 500, len(src) / 3} {
			parseBoth(t, "synthetic", []byte(src), Plain, size, 3)
		}
	}
}

// sameTypes reports whether a and b have the same types, in order.
func sameTypes(a, b *Document) bool {
	if a.NumTypes() != b.NumTypes() {
		return false
	}
	for id := range a.NumTypes() {
		if a.Type(uint32(id)) != b.Type(uint32(id)) {
			return false
		}
	}
	return true
}
