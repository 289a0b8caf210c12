package rules

import (
	"github.com/edlint/edlint/internal/prose"
	"github.com/edlint/edlint/internal/spell"
)

// Plan is what linting a document with a list of rules needs of the list,
// worked out once for it rather than for every document: each rule's Meta
// and the facts it reads with those they are computed from (factsOf), the
// count of readers of each fact that a document's Shared starts from, and
// the order the rules run in (RunOrder). On a run over a thousand files of
// a kilobyte, working these out for each file took an eighth of the run
// (NewShared and Shared.done).
type Plan struct {
	rules   []Rule
	metas   []Meta
	closure [][]uint8       // by fact number (see facts)
	direct  [][]uint8       // each rule's Meta.Reads alone, by number
	enabled map[string]bool // read only once made: every Shared of the plan shares it
	readers factCounts      // each Shared starts from a copy
	readsOf factCounts      // direct readers (Shared.direct), likewise
	order   []int
}

// NewPlan makes the plan of rs, which must not change while it is used.
func NewPlan(rs []Rule) *Plan {
	pl := &Plan{
		rules:   rs,
		metas:   make([]Meta, len(rs)),
		closure: make([][]uint8, len(rs)),
		direct:  make([][]uint8, len(rs)),
		enabled: make(map[string]bool, len(rs)),
		order:   RunOrder(rs),
	}
	for i, r := range rs {
		m := r.Meta()
		pl.metas[i] = m
		pl.enabled[m.Name] = true
		pl.closure[i] = factNums(nil, factsOf(nil, m.Reads))
		for _, f := range pl.closure[i] {
			pl.readers[f]++
		}
		pl.direct[i] = factNums(nil, m.Reads)
		for _, f := range pl.direct[i] {
			pl.readsOf[f]++
		}
	}
	return pl
}

// Rules returns the plan's rules; the caller must not modify them.
func (pl *Plan) Rules() []Rule { return pl.rules }

// Order returns RunOrder of the rules; the caller must not modify it.
func (pl *Plan) Order() []int { return pl.order }

// Meta returns rule i's Meta.
func (pl *Plan) Meta(i int) Meta { return pl.metas[i] }

// NewShared is NewShared(pl.Rules()).
func (pl *Plan) NewShared() *Shared {
	return &Shared{enabled: pl.enabled, readers: pl.readers, direct: pl.readsOf}
}

// NewPass is NewPass for rule i of the plan.
func (pl *Plan) NewPass(i int, doc *prose.Document, dict *spell.Dict, opts *Options, shared *Shared, report func(Finding)) *Pass {
	p := NewPassMeta(pl.metas[i], doc, dict, opts, shared, report)
	p.closure, p.direct = pl.closure[i], pl.direct[i]
	return p
}
