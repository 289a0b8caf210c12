package cli

import (
	"os"
	"runtime/debug"
	"sync"

	"github.com/edlint/edlint/internal/lint"
)

// largeInput is the size of one file from which the garbage collector
// runs at a lowered percentage. Most of such a run's heap is the source and
// its token array, which hold no pointers and are cheap to mark, and never
// become garbage while the file is linted; letting the heap grow by Go's
// default 100% of them between collections only inflates the peak. On a
// 20 MB draft (one core) GOGC=25 cut peak RSS from 172 to 148 MB at no cost
// in time; 10 cuts it by another 9 MB (107 to 98 MiB, with the shared facts
// dropped after use) for 2% more CPU; 5 would save 3 MB more for 5%.
// Otherwise the default stands: with small heaps a low setting collects
// often for nothing (the seed draft took 9 ms longer), and with many small
// files, whose heap is pointer-rich, it cost 13% of the time.
//
// The percentage is lowGCPercent at lowGCSize and above, and scaled up as
// the file is smaller (lowGCPercent*lowGCSize/size, at most 100), so that
// the heap grows by about as many bytes between collections as the 20 MB
// draft's does: the same percentage of a smaller heap collects more often
// for fewer bytes. On the clean corpora (one file of 5.8 MB, GOGC 35, not
// 10) that is 1,159M -> 1,046M instructions (stop-the-world collector,
// one core), for 3 MiB more peak RSS (43 -> 46 MiB); on 10 MB (GOGC 20)
// 1,265M -> 1,216M for 1.4 MiB (54 -> 55 MiB); the 20 MB draft is as
// before.
const (
	largeInput   = lint.LargeDocument
	lowGCPercent = 10
	lowGCSize    = 20 << 20
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

// lowGC is the GC percentage noteInput set (0: none yet). A run that
// reads several large files keeps the lowest, the largest file's. raised
// is set once noteJudged has raised it.
var lowGC struct {
	sync.Mutex
	percent int
	raised  bool
}

func init() { lint.OnRelease = noteJudged }

// noteJudged is told that a large document's words are judged and the
// built-in dictionary's memory released (lint.OnRelease); it raises the
// GC percentage that noteInput lowered by half, once a run. The peak RSS
// of a large draft comes while its words are judged, the dictionary's
// pages resident (13 MB, read back only in part by the rules after), and
// most collections after it free short-lived garbage of the rules: on the
// 20 MB draft, GOGC 15 from there is 12 collections, not 13, 1,415.0M ->
// 1,403.9M instructions (stop-the-world collector, one core), the peak
// unchanged (9 runs each, one core and two). 20 saved 21.8M, but on two
// cores the end of the run, not the judgement, set the peak, 0.8 MB
// higher (median).
func noteJudged() {
	lowGC.Lock()
	defer lowGC.Unlock()
	if lowGC.percent == 0 || lowGC.raised {
		return
	}
	lowGC.raised = true
	debug.SetGCPercent(lowGC.percent + lowGC.percent/2)
}

// noteInput is told the size of each file read for linting; it lowers the
// GC percentage once one is large (see largeInput), unless the user set
// GOGC.
func noteInput(n int) {
	if n < largeInput || os.Getenv("GOGC") != "" {
		return
	}
	p := gcPercentFor(n)
	lowGC.Lock()
	defer lowGC.Unlock()
	if lowGC.percent == 0 || p < lowGC.percent {
		lowGC.percent = p
		debug.SetGCPercent(p)
	}
}

// gcPercentFor is the GC percentage for a file of n bytes, n >= largeInput.
func gcPercentFor(n int) int {
	return min(100, max(lowGCPercent, int(int64(lowGCPercent)*lowGCSize/int64(n))))
}
