package rules

import "iter"

// chunks collects a list whose length is not known in advance and hands
// it back as one slice of exactly its length.
//
// append grows a slice past 256 elements by a quarter at a time, so a long
// list built by append is allocated about five times over, all of it for
// the collector to trace and free. chunks fills blocks of doubling size,
// up to chunkMax elements, and copies them once into the result: about
// twice the list's size in all, and the result has no spare capacity to
// keep alive (but for a list of one block, at most chunkMin elements,
// which is handed back as it is).
type chunks[T any] struct {
	full [][]T // filled blocks, in order
	cur  []T   // the block being filled
	n    int   // elements in full
}

// chunkMin and chunkMax bound the size of a block, in elements.
const (
	chunkMin = 64
	chunkMax = 4096
)

func (c *chunks[T]) add(v T) {
	if len(c.cur) == cap(c.cur) {
		c.grow()
	}
	c.cur = append(c.cur, v)
}

func (c *chunks[T]) grow() {
	size := chunkMin
	if c.cur != nil {
		c.full = append(c.full, c.cur)
		c.n += len(c.cur)
		size = min(2*cap(c.cur), chunkMax)
	}
	c.cur = make([]T, 0, size)
}

// last returns the element added last; there must be one.
func (c *chunks[T]) last() *T { return &c.cur[len(c.cur)-1] }

// len returns the number of elements added.
func (c *chunks[T]) len() int { return c.n + len(c.cur) }

// slice returns the elements in the order added: nil when there are none,
// the one block when there is one.
func (c *chunks[T]) slice() []T {
	if len(c.full) == 0 {
		if len(c.cur) == 0 {
			return nil
		}
		return c.cur
	}
	out := make([]T, 0, c.len())
	for _, b := range c.full {
		out = append(out, b...)
	}
	return append(out, c.cur...)
}

// all yields the elements in the order added, with their indexes, where
// they are: for a list read in place rather than copied into one slice.
func (c *chunks[T]) all() iter.Seq2[int, T] {
	return func(yield func(int, T) bool) {
		i := 0
		for k := 0; k <= len(c.full); k++ {
			b := c.cur
			if k < len(c.full) {
				b = c.full[k]
			}
			for _, v := range b {
				if !yield(i, v) {
					return
				}
				i++
			}
		}
	}
}

// carve returns, for each size, an empty slice with room for that many
// elements (nil for 0), the slices laid out side by side in one array of
// total elements, the sum of sizes: a list grouped in two passes, counted
// and then appended, is allocated once.
func carve[T any](sizes []int32, total int) [][]T {
	out := make([][]T, len(sizes))
	if total == 0 {
		return out
	}
	all := make([]T, total)
	for k, m := range sizes {
		if m > 0 {
			out[k], all = all[:0:m], all[m:]
		}
	}
	return out
}
