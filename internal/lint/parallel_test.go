package lint

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/edlint/edlint/internal/prose"
	"github.com/edlint/edlint/internal/rules"
)

// TestRulesInParallel checks that running a document's rules on several
// goroutines gives exactly the findings, in exactly the order, of running
// them one after another (run it with -race).
func TestRulesInParallel(t *testing.T) {
	paths, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "*.txt"))
	md, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "*.md"))
	paths = append(paths, md...)
	if len(paths) == 0 {
		t.Fatal("no sample drafts in testdata/")
	}
	c := &Config{}
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		want := c.check(prose.Parse(p, src, prose.FormatFor(p)), nil, 1, rules.NewPlan(c.rules()))
		if len(want) == 0 {
			t.Errorf("%s: no findings: the comparison proves nothing", p)
		}
		for _, workers := range []int{2, 5} {
			got := c.check(prose.Parse(p, src, prose.FormatFor(p)), nil, workers, rules.NewPlan(c.rules()))
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s: %d workers: %d findings differ from the %d of one", p, workers, len(got), len(want))
			}
		}
	}
}

func TestSpareFor(t *testing.T) {
	for _, c := range []struct{ workers, n, want int }{
		{2, 1, 2}, {2, 2, 1}, {2, 200, 1}, {8, 3, 3}, {1, 1, 1}, {4, 0, 1},
	} {
		if got := spareFor(c.workers, c.n); got != c.want {
			t.Errorf("spareFor(%d, %d) = %d, want %d", c.workers, c.n, got, c.want)
		}
	}
}
