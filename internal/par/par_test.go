package par

import (
	"sync/atomic"
	"testing"
)

func TestDoCallsEachIndexOnce(t *testing.T) {
	for _, c := range []struct{ n, workers int }{{0, 4}, {1, 4}, {5, 1}, {100, 3}, {7, 0}, {3, 10}} {
		calls := make([]atomic.Int32, c.n)
		Do(c.n, c.workers, func(i int) { calls[i].Add(1) })
		for i := range calls {
			if got := calls[i].Load(); got != 1 {
				t.Errorf("Do(%d, %d): f(%d) called %d times", c.n, c.workers, i, got)
			}
		}
	}
}
