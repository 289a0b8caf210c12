package lint

import (
	"fmt"
	"reflect"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/edlint/edlint/internal/prose"
	"github.com/edlint/edlint/internal/rules"
)

// manySources returns n small drafts, each with findings, some sharing
// names and forms so that the consistency rules link files.
func manySources(n int) []Source {
	srcs := make([]Source, n)
	for i := range srcs {
		text := fmt.Sprintf("# Part %d\n\nGorbachev met the the officers in %d. It is likely that 55 per cent recieve it.\nGorbachov did not.\n", i, 1900+i%100)
		if i%3 == 0 {
			text += "We judge it almost certain, maybe, that 70% agree.\n"
		}
		srcs[i] = Source{Path: fmt.Sprintf("d/%04d.md", i), Read: func() ([]byte, error) { return []byte(text), nil }}
	}
	return srcs
}

// TestLintAllNoGoroutineLeak: LintAll returns only when its workers are
// gone, in both modes, however many workers it is given.
func TestLintAllNoGoroutineLeak(t *testing.T) {
	before := runtime.NumGoroutine()
	for _, together := range []bool{false, true} {
		for _, workers := range []int{0, 1, 3, 64} {
			c := &Config{Together: together}
			c.LintAll(manySources(20), workers)
			c.LintAll(nil, workers)
		}
	}
	deadline := time.Now().Add(2 * time.Second)
	for runtime.NumGoroutine() > before && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if after := runtime.NumGoroutine(); after > before {
		buf := make([]byte, 1<<16)
		t.Fatalf("%d goroutines before LintAll, %d after:\n%s", before, after, buf[:runtime.Stack(buf, true)])
	}
}

// TestLintAllMemoryPerFile: linting file by file keeps no document once
// its result is dropped (no cache keyed by file grows), and what a result
// holds is proportional to its file: the heap retained per file is the
// same for 500 files as for 2,000.
func TestLintAllMemoryPerFile(t *testing.T) {
	if testing.Short() {
		t.Skip("lints 2,500 files")
	}
	c := &Config{}
	c.LintAll(manySources(50), 2) // warm the dictionary and rule tables
	base := heap()
	perFile := map[int]float64{}
	for _, n := range []int{500, 2000} {
		files := c.LintAll(manySources(n), 2)
		held := heap()
		perFile[n] = float64(held-base) / float64(n)
		runtime.KeepAlive(files)
		files = nil
		if after := heap(); after > base+base/5+(1<<20) {
			t.Errorf("%d files: heap %d KiB after dropping the results, %d KiB before: something keeps them", n, after>>10, base>>10)
		}
		_ = files
	}
	t.Logf("heap retained per file: %.0f bytes (500 files), %.0f bytes (2,000 files)", perFile[500], perFile[2000])
	if perFile[2000] > 1.5*perFile[500] {
		t.Errorf("per-file memory grows with the count: %.0f bytes at 500 files, %.0f at 2,000", perFile[500], perFile[2000])
	}
}

func heap() uint64 {
	var m runtime.MemStats
	runtime.GC()
	runtime.GC()
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

// TestLintAllDeterministic: the findings do not depend on the number of
// workers or on scheduling, checked separately and together.
func TestLintAllDeterministic(t *testing.T) {
	for _, together := range []bool{false, true} {
		c := &Config{Together: together}
		want := summary(c.LintAll(manySources(60), 1))
		for round := range 5 {
			for _, workers := range []int{8, 3, 0} {
				if got := summary(c.LintAll(manySources(60), workers)); !reflect.DeepEqual(got, want) {
					t.Fatalf("together=%v round %d: -j %d differs from -j 1", together, round, workers)
				}
			}
		}
	}
}

func summary(files []*File) []string {
	var out []string
	for _, f := range files {
		for _, x := range f.Findings {
			out = append(out, fmt.Sprintf("%s %v %s %s %q %v %v %v", f.Path, x.Span, x.Rule, x.Severity, x.Message, x.Suggestions, x.Fix, x.Related))
		}
	}
	return out
}

// TestTooVariedIsSkipped: a file with more distinct tokens than a token
// can number (a table of two million identifiers) is skipped with a
// reason, whether parsed on one goroutine or on several, and in a set.
func TestTooVariedIsSkipped(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 16 MB file")
	}
	var b []byte
	for i := 0; i <= prose.MaxTypes; i++ {
		b = strconv.AppendInt(b, int64(i), 36)
		b = append(b, ' ')
	}
	c := &Config{}
	// Parsed in runs on two goroutines, then (in a set of two files on
	// two workers) on one.
	if f := c.lint("ids.txt", b, 2, rules.NewPlan(c.rules())); f.Doc != nil || !strings.Contains(f.Skipped, "not prose") {
		t.Errorf("skipped %q, %d findings", f.Skipped, len(f.Findings))
	}
	files := c.LintAll([]Source{
		{Path: "ids.txt", Read: func() ([]byte, error) { return b, nil }},
		{Path: "ok.txt", Read: func() ([]byte, error) { return []byte("We recieve it.\n"), nil }},
	}, 2)
	if files[0].Doc != nil || files[0].Skipped == "" || files[1].Doc == nil || len(files[1].Findings) == 0 {
		t.Errorf("in a set: %q skipped %q; %q has %d findings", files[0].Path, files[0].Skipped, files[1].Path, len(files[1].Findings))
	}
}
