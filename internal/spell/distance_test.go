package spell

import (
	"math/rand/v2"
	"testing"
)

// distanceRef is the textbook optimal-string-alignment table over whole
// rune slices, the definition Distance must agree with.
func distanceRef(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	d := make([][]int, len(ra)+1)
	for i := range d {
		d[i] = make([]int, len(rb)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(ra)][len(rb)]
}

func TestDistance(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want int
	}{
		{"", "", 0}, {"a", "", 1}, {"", "abc", 3}, {"ab", "ba", 1}, {"ca", "abc", 3},
		{"Zelnickova", "Zelníčková", 3}, {"recieve", "receive", 1}, {"kitten", "sitting", 3},
	} {
		if got := Distance(c.a, c.b); got != c.want {
			t.Errorf("Distance(%q, %q) = %d, want %d", c.a, c.b, got, c.want)
		}
	}
	r := rand.New(rand.NewPCG(7, 7))
	alpha := []rune("abcé")
	word := func(max int) string {
		rs := make([]rune, r.IntN(max+1))
		for i := range rs {
			rs[i] = alpha[r.IntN(len(alpha))]
		}
		return string(rs)
	}
	for range 200000 {
		a, b := word(7), word(7)
		if got, want := Distance(a, b), distanceRef(a, b); got != want {
			t.Fatalf("Distance(%q, %q) = %d, want %d", a, b, got, want)
		}
	}
	long := word(70) + "x" + word(70)
	if got, want := Distance(long, long[3:]+"yz"), distanceRef(long, long[3:]+"yz"); got != want {
		t.Errorf("long: Distance = %d, want %d", got, want)
	}
	if n := testing.AllocsPerRun(100, func() { Distance("intelligence", "inteligense") }); n != 0 {
		t.Errorf("Distance allocates %v times", n)
	}
}

func BenchmarkDistance(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		Distance("intelligence", "inteligense")
		Distance("Zelnickova", "Zelníčková")
	}
}
