package rules

import (
	"slices"
	"testing"
)

func TestChunks(t *testing.T) {
	for _, n := range []int{0, 1, chunkMin - 1, chunkMin, chunkMin + 1, 3*chunkMax + 7} {
		var c chunks[int]
		var want []int
		for i := range n {
			c.add(i)
			want = append(want, i)
			*c.last() += 1000
			want[i] += 1000
		}
		got := c.slice()
		if c.len() != n || !slices.Equal(got, want) || (n == 0) != (got == nil) {
			t.Errorf("n=%d: len %d, slice %d elements, equal %v", n, c.len(), len(got), slices.Equal(got, want))
		}
		var each []int
		for i, v := range c.all() {
			if i != len(each) {
				t.Fatalf("n=%d: all yields index %d for element %d", n, i, len(each))
			}
			each = append(each, v)
		}
		if !slices.Equal(each, want) {
			t.Errorf("n=%d: all yields %d elements, equal %v", n, len(each), slices.Equal(each, want))
		}
	}
}
