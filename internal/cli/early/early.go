// Package early does, before any other package's initialisation runs,
// what that initialisation would otherwise pay for: it turns heap sampling
// off and gives the main goroutine the stack initialisation ends up
// needing.
//
// Heap sampling (runtime.MemProfileRate) is off unless --memprofile asks
// for it (the cli turns it back on): the sampler's tables and records cost
// about a megabyte of a large run's memory, for a profile nobody reads.
// Turned off in main, it had already sampled initialisation's allocations,
// a stack trace each (0.2M instructions of a one-line file's run).
//
// Goldmark's linkify extension compiles its URL expressions at
// initialisation, and the regexp compiler recurses deep: the main
// goroutine's stack, 8 KB at first, doubled eight times on the way, each
// time copying the frames in use and adjusting their pointers (1.09M
// instructions, an eighth of a run on a one-line file, paid by every run).
// Grown here, with nothing on it, it is copied once, and the frames it
// copies are this package's own few.
//
// The package imports only runtime (initialised before all others):
// packages are initialised in import-path order among those whose imports
// are done, so this one comes before github.com/yuin/goldmark/..., and
// before most of the standard library's (GODEBUG=inittrace=1 shows it
// sixth). cmd/edlint imports it for that alone.
package early

import "runtime"

func init() {
	runtime.MemProfileRate = 0
	reserve(1)
}

// reserve's frame, the three arrays of the branch no caller takes (so they
// are never cleared), makes the runtime grow the stack in one step to the
// next power of two past it: 512 KB, what the regexp compiler reaches.
// (Four nested 120 KB frames, grown four times, cost as much; a 1 MB stack
// 0.2M more, in copying and clearing.)
//
//go:noinline
func reserve(n int) int {
	if n < 0 {
		var a, b, c [100 << 10]byte
		a[-n%len(a)], b[-n%len(b)], c[-n%len(c)] = 1, 2, 3
		return int(a[(-n*7)%len(a)] + b[(-n*5)%len(b)] + c[(-n*3)%len(c)])
	}
	return 0
}
