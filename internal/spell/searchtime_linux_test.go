package spell

import (
	"flag"
	"os"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
	"unsafe"
)

var searchTimeReps = flag.Int("searchtime", 0, "run TestSearchTime with this many repetitions")

// TestSearchTime is a tool for timing the candidate search on a shared,
// noisy machine, where the wall-clock benchmarks wander by tens of
// percent: it reports the least thread CPU time, over the repetitions, of
// the 320 corpus searches (testdata/corpus-queries.txt) one after the
// other ("warm"), and of the same searches each after 8 MB of unrelated
// memory traffic ("cold", as in a run, where the linting between searches
// evicts the trie from the caches). Compare two test binaries in turn:
//
//	GOMAXPROCS=1 ./spell.test -test.run SearchTime -test.v -searchtime 10
func TestSearchTime(t *testing.T) {
	if *searchTimeReps <= 0 {
		t.Skip("run with -searchtime N")
	}
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	corpus, err := os.ReadFile("testdata/corpus-queries.txt")
	if err != nil {
		t.Fatal(err)
	}
	words := strings.Fields(string(corpus))
	d := &Dict{b: Builtin().b} // no memo
	for _, w := range words {
		d.searchScored(&defaultWeights, w, memoDepth)
	}
	junk := make([]byte, 8<<20)
	warm, cold := time.Duration(1<<62), time.Duration(1<<62)
	for range *searchTimeReps {
		t0 := threadCPU()
		for _, w := range words {
			d.searchScored(&defaultWeights, w, memoDepth)
		}
		warm = min(warm, threadCPU()-t0)
		var c time.Duration
		for _, w := range words {
			for i := 0; i < len(junk); i += 64 {
				junk[i]++
			}
			t0 := threadCPU()
			d.searchScored(&defaultWeights, w, memoDepth)
			c += threadCPU() - t0
		}
		cold = min(cold, c)
	}
	t.Logf("least of %d: warm %.1f ms, cold %.1f ms (%d searches)", *searchTimeReps, ms(warm), ms(cold), len(words))
}

func ms(d time.Duration) float64 { return d.Seconds() * 1000 }

// threadCPU returns the calling thread's CPU time (CLOCK_THREAD_CPUTIME_ID).
func threadCPU() time.Duration {
	const clockThreadCPUTime = 3
	var ts syscall.Timespec
	_, _, errno := syscall.Syscall(syscall.SYS_CLOCK_GETTIME, clockThreadCPUTime, uintptr(unsafe.Pointer(&ts)), 0)
	if errno != 0 {
		panic(errno)
	}
	return time.Duration(ts.Nano())
}
