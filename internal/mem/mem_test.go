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

func TestHugeAnySize(t *testing.T) {
	for _, n := range []int{0, 1, 1 << 20, 3 << 20} {
		s := make([]uint32, n)
		Huge(s)
		Huge(s[:0])
		for i := range s {
			s[i] = uint32(i)
		}
		for i, v := range s {
			if v != uint32(i) {
				t.Fatalf("Huge(%d): s[%d] = %d", n, i, v)
			}
		}
	}
}
