package mem

import "testing"

func TestTable(t *testing.T) {
	for _, n := range []int{0, 1, 4096, 1 << 20} {
		s := Table[uint32](n)
		if len(s) != n {
			t.Fatalf("Table(%d) has length %d", n, len(s))
		}
		for i, v := range s {
			if v != 0 {
				t.Fatalf("Table(%d)[%d] = %d, want 0", n, i, v)
			}
		}
	}
}
