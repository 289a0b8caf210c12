package cli

import (
	"os"
	"runtime/debug"
	"sync"

	"github.com/edlint/edlint/internal/lint"
)

// largeInput is the size of one file above which the garbage collector
// runs at lowGCPercent. Most of such a run's heap is the source and its
// token array, which hold no pointers and are cheap to mark, and never
// become garbage while the file is linted; letting the heap grow by Go's
// default 100% of them between collections only inflates the peak. On a
// 20 MB draft (one core) GOGC=25 cut peak RSS from 172 to 148 MB at no
// cost in time; 10 cuts it by another 9 MB (107 to 98 MiB, with the shared
// facts dropped after use) for 2% more CPU; 5 would save 3 MB more for 5%.
// Otherwise the default stands: with small heaps a low setting collects
// often for nothing (the seed draft took 9 ms longer), and with many small
// files, whose heap is pointer-rich, it cost 13% of the time.
const (
	largeInput   = lint.LargeDocument
	lowGCPercent = 10
)

// smallRun is the total size of a run's files up to which the collector
// runs at highGCPercent. Such a run's heap stays within a few tens of
// megabytes, and at Go's default the collector would run once or twice as
// the heap passes 4 MB: on the seed draft that cost 3 of 19 ms (a cycle
// starts its workers, turns on write barriers and touches fresh metadata,
// on every core), and on a 1 MB draft 8% of the time, for 2 MB of RSS.
const (
	smallRun      = 1 << 20
	highGCPercent = 400
)

// noteRun is told the total size of the files to lint (-1: not known, as
// for standard input); it raises the GC percentage for a small run, unless
// the user set GOGC.
func noteRun(total int64) {
	if total < 0 || total > smallRun || os.Getenv("GOGC") != "" {
		return
	}
	debug.SetGCPercent(highGCPercent)
}

var lowGCOnce sync.Once

// noteInput is told the size of each file read for linting; it lowers the
// GC percentage once one is large, unless the user set GOGC.
func noteInput(n int) {
	if n < largeInput {
		return
	}
	lowGCOnce.Do(func() {
		if os.Getenv("GOGC") == "" {
			debug.SetGCPercent(lowGCPercent)
		}
	})
}
