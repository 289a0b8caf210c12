// Package par runs the iterations of a loop on several goroutines: the one
// worker pool the parser, the rules, the driver and the report share.
package par

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// Do calls f(0), …, f(n-1) on up to workers goroutines (GOMAXPROCS when
// workers <= 0), handing out indices in increasing order, and returns when
// every call has. With one worker, or one index, f runs on the caller's
// goroutine.
func Do(n, workers int, f func(i int)) {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = min(workers, n)
	if workers <= 1 {
		for i := range n {
			f(i)
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				f(i)
			}
		})
	}
	wg.Wait()
}
