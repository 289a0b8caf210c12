package rules

import (
	"iter"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"testing"

	"github.com/edlint/edlint/internal/prose"
	"github.com/edlint/edlint/internal/spell"
)

// factTestDocs are the drafts the facts test runs each rule on: every
// rule's examples and annotated test drafts, and one more.
func factTestDocs(t *testing.T) []*prose.Document {
	t.Helper()
	// Plain text wrapped inside sentences, with an article before a line
	// break (indefinite-article asks whether the draft is hard-wrapped).
	wrapped := "The team met a\nEuropean delegation and an\nUnited group the next day, as\nplanned by the two sides.\n"
	docs := []*prose.Document{prose.Parse("wrapped.txt", []byte(wrapped), prose.Plain)}
	for _, r := range All() {
		m := r.Meta()
		docs = append(docs,
			prose.Parse("before.md", []byte(m.Before), prose.Markdown),
			prose.Parse("after.md", []byte(m.After), prose.Markdown))
	}
	paths, err := filepath.Glob("testdata/*/*")
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range paths {
		if ext := filepath.Ext(path); ext != ".md" && ext != ".txt" {
			continue
		}
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, prose.Parse(path, src, prose.FormatFor(path)))
	}
	return docs
}

// TestFactsRead runs each rule alone on every test draft, so that it
// computes every fact it needs itself, and checks the facts it asked for
// against its Meta.Reads: a fact it reads but does not list could be
// dropped before it runs (and computed again), and a listed fact it never
// asks for would be held for nothing.
func TestFactsRead(t *testing.T) {
	dict := spell.Builtin()
	docs := factTestDocs(t)
	for _, r := range All() {
		m := r.Meta()
		covered := factsOf(nil, m.Reads)
		asked := map[string]bool{}
		for _, quotes := range []bool{false, true} {
			opts := &Options{HedgingQuotes: quotes}
			for _, doc := range docs {
				s := &Shared{}
				Run(r, NewPass(r, doc, dict, opts, s, func(Finding) {}), m.Name)
				for f := range s.memo {
					asked[f] = true
					if !slices.Contains(covered, f) {
						t.Errorf("%s asks for fact %q on %s but its Meta.Reads does not cover it", m.Name, f, doc.Path)
					}
				}
			}
		}
		for _, f := range m.Reads {
			if !asked[f] {
				t.Errorf("%s lists fact %q in Meta.Reads but never asks for it", m.Name, f)
			}
		}
	}
}

// TestFactsDropped checks that the shared facts of a run are dropped
// once their last reader has run, whatever the order, and that a fact no
// rule lists is kept.
func TestFactsDropped(t *testing.T) {
	dict := spell.Builtin()
	src := []byte("He said \"it is almost certainly long-term\", and a longterm plan.\n\nThe Minister's view (CIA) is likely.\n")
	doc := prose.Parse("t.md", src, prose.Markdown)
	rs := All()
	for _, order := range [][]int{RunOrder(rs), reversed(len(rs))} {
		s := NewShared(rs)
		for k, i := range order {
			r := rs[i]
			Run(r, NewPass(r, doc, dict, nil, s, func(Finding) {}), r.Meta().Name)
			// Every fact still held, or value stashed, has a reader yet
			// to run.
			for f := range joinKeys(s.memo, s.stashed) {
				if !slices.ContainsFunc(order[k+1:], func(j int) bool { return slices.Contains(factsOf(nil, rs[j].Meta().Reads), f) }) {
					t.Errorf("after %s: fact %q is held but no rule still to run reads it", r.Meta().Name, f)
				}
			}
		}
		if len(s.memo)+len(s.stashed) != 0 {
			var held []string
			for f := range joinKeys(s.memo, s.stashed) {
				held = append(held, f)
			}
			sort.Strings(held)
			t.Errorf("facts held after every rule ran: %v", held)
		}
	}
	// A fact no rule lists stays.
	s := NewShared(rs)
	p := NewPass(rs[0], doc, dict, nil, s, func(Finding) {})
	p.Memo("test.unlisted", func() any { return 1 })
	s.done([]string{factWordIssues})
	if _, ok := s.memo["test.unlisted"]; !ok {
		t.Error("a fact no rule lists was dropped")
	}
}

// TestFactsDroppedEarly is TestFactsDropped with Shared.DropEarly: a fact
// held after a rule must be one that a rule still to run reads, or reads
// to compute a fact not computed yet; the compounds, which the word
// judgement reads, go once compound-style has run and the words are
// judged, and the findings are those of the run without it.
func TestFactsDroppedEarly(t *testing.T) {
	dict := spell.Builtin()
	src := []byte("He said \"it is almost certainly long-term\", and a longterm plan, long-term.\n\nThe Minister's view (CIA) is likely.\n")
	doc := prose.Parse("t.md", src, prose.Markdown)
	rs := All()
	for _, order := range [][]int{RunOrder(rs), reversed(len(rs))} {
		var want, got []Finding
		plain := NewShared(rs)
		for _, i := range order {
			Run(rs[i], NewPass(rs[i], doc, dict, nil, plain, func(f Finding) { want = append(want, f) }), rs[i].Meta().Name)
		}
		s := NewShared(rs)
		s.DropEarly()
		seen := map[string]bool{}
		compounds := false
		for k, i := range order {
			r := rs[i]
			Run(r, NewPass(r, doc, dict, nil, s, func(f Finding) {
				got = append(got, f)
				compounds = compounds || f.Rule == "compound-style"
			}), r.Meta().Name)
			for f := range joinKeys(s.memo, s.stashed) {
				seen[f] = true
			}
			for f := range joinKeys(s.memo, s.stashed) {
				if !slices.ContainsFunc(order[k+1:], func(j int) bool { return needsFact(rs[j].Meta().Reads, f, seen) }) {
					t.Errorf("after %s: fact %q is held but no rule still to run needs it", r.Meta().Name, f)
				}
			}
			judged := seen[factWordIssues] && !slices.ContainsFunc(order[k+1:], func(j int) bool { return rs[j].Meta().Name == "compound-style" })
			if _, held := s.memo[factCompounds]; held && judged {
				t.Errorf("after %s: the compounds are held, the words judged and compound-style run", r.Meta().Name)
			}
		}
		if !compounds {
			t.Error("the draft has no compounds: the test says little")
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("findings with DropEarly:\n%v\nwant\n%v", got, want)
		}
	}
}

// needsFact reports whether a rule reading reads needs fact f, the facts
// of done computed: f is one of reads, or one that a fact of reads not
// computed is computed from, directly or not (its computation may ask
// for any of those).
func needsFact(reads []string, f string, done map[string]bool) bool {
	for _, r := range reads {
		if r == f || !done[r] && slices.Contains(factsOf(nil, factDeps[r]), f) {
			return true
		}
	}
	return false
}

func reversed(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = n - 1 - i
	}
	return out
}

// TestAfterJudgement: the hook is called once, when the words are judged,
// before the misspelling rule reports (and not by a run without a word rule).
func TestAfterJudgement(t *testing.T) {
	dict := spell.Builtin()
	doc := prose.Parse("t.txt", []byte("We will recieve the files; the analyst was undoubtedly right.\n"), prose.Plain) //nolint:misspell // the typo to report
	rs := All()
	s := NewShared(rs)
	calls, seen := 0, false
	s.AfterJudgement(func() { calls++ })
	for _, i := range RunOrder(rs) {
		r := rs[i]
		reported := 0
		Run(r, NewPass(r, doc, dict, nil, s, func(Finding) { reported++ }), r.Meta().Name)
		if r.Meta().Name == "misspelling" {
			seen = true
			if calls != 1 || reported == 0 {
				t.Fatalf("after misspelling: %d calls of the hook, %d findings", calls, reported)
			}
		}
	}
	if !seen || calls != 1 {
		t.Errorf("hook called %d times, want 1", calls)
	}
	s = NewShared(nil)
	s.AfterJudgement(func() { calls++ })
	r := rs[slices.IndexFunc(rs, func(r Rule) bool { return r.Meta().Name == "doubled-punctuation" })]
	Run(r, NewPass(r, doc, dict, nil, s, func(Finding) {}), r.Meta().Name)
	if calls != 1 {
		t.Errorf("a rule that judges no words called the hook")
	}
}

// joinKeys yields the keys of a and of b.
func joinKeys[A, B any](a map[string]A, b map[string]B) iter.Seq[string] {
	return func(yield func(string) bool) {
		for k := range a {
			if !yield(k) {
				return
			}
		}
		for k := range b {
			if !yield(k) {
				return
			}
		}
	}
}

// TestPlanPasses checks that a Plan's passes drop each fact when its last
// reader finishes, as passes made one by one do: the facts held after each
// rule of the run order are the same either way.
func TestPlanPasses(t *testing.T) {
	doc := prose.Parse("d.md", []byte("# Title\n\nThe draft says \"yes\" and it's long-term; a longterm plan. Teh end.\n"), prose.Markdown)
	dict := spell.Builtin()
	rs := All()
	pl := NewPlan(rs)
	a, b := pl.NewShared(), NewShared(rs)
	for _, i := range pl.Order() {
		Run(rs[i], pl.NewPass(i, doc, dict, nil, a, func(Finding) {}), pl.Meta(i).Name)
		Run(rs[i], NewPass(rs[i], doc, dict, nil, b, func(Finding) {}), rs[i].Meta().Name)
		if a.readers != b.readers {
			t.Fatalf("after %s: readers %v, want %v", pl.Meta(i).Name, a.readers, b.readers)
		}
		if !slices.Equal(slices.Sorted(maps.Keys(a.memo)), slices.Sorted(maps.Keys(b.memo))) {
			t.Fatalf("after %s: facts held differ", pl.Meta(i).Name)
		}
	}
	if a.readers != (factCounts{}) {
		t.Errorf("facts still counted after every rule: %v", a.readers)
	}
}

// TestFactsNumbered checks that every fact a rule reads, or a fact is
// computed from, has a number (facts), each its own: a fact without one
// would never be dropped.
func TestFactsNumbered(t *testing.T) {
	if len(factNum) != len(facts) {
		t.Fatalf("%d facts numbered, %d distinct", len(facts), len(factNum))
	}
	if len(facts) > 32 {
		t.Fatalf("%d facts: factUsers and Shared.computed hold 32", len(facts))
	}
	var names []string
	for _, r := range All() {
		names = factsOf(names, r.Meta().Reads)
	}
	for f, deps := range factDeps {
		names = append(append(names, f), deps...)
	}
	for _, f := range names {
		if _, ok := factNum[f]; !ok {
			t.Errorf("fact %q has no number", f)
		}
	}
}
