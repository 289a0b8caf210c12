package cli

import (
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"
)

func TestLargeInputLowersGCPercent(t *testing.T) {
	if os.Getenv("GOGC") != "" {
		t.Skip("GOGC set: the user's setting wins")
	}
	old := debug.SetGCPercent(100)
	defer debug.SetGCPercent(old)
	lowGC.percent = 0
	defer func() { lowGC.percent = 0 }()
	noteInput(largeInput - 1)
	noteInput(largeInput / 2)
	if got := debug.SetGCPercent(100); got != 100 {
		t.Fatalf("after two small files GOGC = %d, want 100", got)
	}
	// The largest file decides, whatever the order they are read in.
	for _, n := range []int{lowGCSize, lowGCSize * 4, lowGCSize / 2} {
		noteInput(n)
	}
	if got := debug.SetGCPercent(100); got != lowGCPercent {
		t.Fatalf("after files of up to %d bytes GOGC = %d, want %d", lowGCSize*4, got, lowGCPercent)
	}
}

// TestJudgedRaisesGCPercent: once a large document's words are judged the
// lowered percentage rises by half, once; without a lowered one (a small
// run, or GOGC set) it is left alone.
func TestJudgedRaisesGCPercent(t *testing.T) {
	if os.Getenv("GOGC") != "" {
		t.Skip("GOGC set: the user's setting wins")
	}
	old := debug.SetGCPercent(100)
	defer debug.SetGCPercent(old)
	defer func() { lowGC.percent, lowGC.raised = 0, false }()
	lowGC.percent, lowGC.raised = 0, false
	noteJudged()
	if got := debug.SetGCPercent(100); got != 100 {
		t.Fatalf("judged with no large file: GOGC = %d, want 100", got)
	}
	noteInput(lowGCSize)
	if got := debug.SetGCPercent(lowGCPercent); got != lowGCPercent {
		t.Fatalf("after a large file GOGC = %d, want %d", got, lowGCPercent)
	}
	noteJudged()
	noteJudged()
	if got := debug.SetGCPercent(100); got != lowGCPercent*3/2 {
		t.Fatalf("judged twice: GOGC = %d, want %d", got, lowGCPercent*3/2)
	}
}

// TestGCPercentFor: the heap may grow between collections by about as many
// bytes at any size from largeInput up as at lowGCSize, within 10..100.
func TestGCPercentFor(t *testing.T) {
	for _, c := range []struct{ n, want int }{
		{largeInput, 50}, // 4 MiB
		{6_000_000, 34},
		{10 << 20, 20},
		{lowGCSize - 1, 10},
		{lowGCSize, lowGCPercent},
		{100 << 20, lowGCPercent},
		{1 << 40, lowGCPercent},
		{lowGCSize / 20, 100}, // below largeInput noteInput does not ask, but the cap holds
	} {
		if got := gcPercentFor(c.n); got != c.want {
			t.Errorf("gcPercentFor(%d) = %d, want %d", c.n, got, c.want)
		}
	}
}

func TestSmallRunRaisesGCPercent(t *testing.T) {
	if os.Getenv("GOGC") != "" {
		t.Skip("GOGC set: the user's setting wins")
	}
	old := debug.SetGCPercent(100)
	defer debug.SetGCPercent(old)
	for _, total := range []int64{-1, smallRun + 1, 1 << 30} {
		noteRun(total)
		if got := debug.SetGCPercent(100); got != 100 {
			t.Fatalf("after a run of %d bytes GOGC = %d, want 100", total, got)
		}
	}
	for _, total := range []int64{0, 18 << 10, smallRun} {
		noteRun(total)
		if got := debug.SetGCPercent(100); got != highGCPercent {
			t.Fatalf("after a run of %d bytes GOGC = %d, want %d", total, got, highGCPercent)
		}
	}
}

// TestCollectTotal: the listed files' sizes are summed, through
// directories too; standard input makes the total unknown.
func TestCollectTotal(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, n int) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, make([]byte, n), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	a := write("a.md", 100)
	write("b.txt", 50)
	write("c.go", 1000) // not a draft: not listed
	if _, _, total := collect([]string{a}, nil, 0); total != 100 {
		t.Errorf("one file: total %d, want 100", total)
	}
	if _, _, total := collect([]string{dir}, nil, 0); total != 150 {
		t.Errorf("a directory: total %d, want 150", total)
	}
	if _, _, total := collect([]string{a, a}, nil, 0); total != 100 {
		t.Errorf("a file named twice: total %d, want 100", total)
	}
	if _, _, total := collect([]string{a, "-"}, strings.NewReader("x"), 0); total != -1 {
		t.Errorf("with standard input: total %d, want -1", total)
	}
}
