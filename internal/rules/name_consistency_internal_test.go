package rules

import (
	"os"
	"strings"
	"testing"

	"github.com/edlint/edlint/internal/prose"
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

// BenchmarkNameWords times the name facts of the clean corpus (or of the
// test drafts without ../shared; or of $EDLINT_BENCH_FILE).
func BenchmarkNameWords(b *testing.B) {
	var docs []*prose.Document
	var size int64
	for path, src := range benchSources(b) {
		docs = append(docs, prose.Parse(path, src, prose.FormatFor(path)))
		size += int64(len(src))
	}
	b.SetBytes(size)
	for b.Loop() {
		for _, d := range docs {
			nameWords(d)
		}
	}
}
