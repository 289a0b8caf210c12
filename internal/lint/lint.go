// Package lint is the driver: it parses each file, runs every enabled rule
// over the whole document, applies the draft's own directives, and returns
// the findings sorted. Files are linted in parallel; results keep the order
// of the input.
package lint

import (
	"bytes"
	"cmp"
	"fmt"
	"maps"
	"runtime"
	"slices"
	"sync"

	"github.com/edlint/edlint/internal/par"
	"github.com/edlint/edlint/internal/prose"
	"github.com/edlint/edlint/internal/rules"
	"github.com/edlint/edlint/internal/spell"
)

// Config says which rules run and how.
type Config struct {
	// Rules are the enabled rules; nil means every registered rule.
	Rules []rules.Rule
	// Severity overrides a rule's default severity, by rule name.
	Severity map[string]rules.Severity
	// Dict is the merged dictionary (built-in plus user and project words);
	// nil means the built-in one.
	Dict    *spell.Dict
	Options rules.Options
	// Off turns off findings by rule name; it is how the driver's own
	// rules (DriverRules) are disabled, as they are not in Rules.
	Off map[string]bool
	// Progress, when set, is called after each file LintAll finishes with
	// the number done so far. It may be called from several goroutines,
	// never at once.
	Progress func(done, total int)
	// Together makes LintAll check its files as one set (a book, a series):
	// consistency rules count forms across every file and point to the
	// other files' uses. False limits each check to its own file.
	Together bool
}

// File is the result of linting one file.
type File struct {
	Path     string
	Doc      *prose.Document // nil when the file could not be read or was skipped
	Findings []rules.Finding
	// Err is set when the file could not be read; the message names the file.
	Err error
	// Skipped explains why a readable file was not linted (binary content).
	Skipped string
}

// Source is a file to lint: its path (for messages and format detection)
// and a function that reads it.
type Source struct {
	Path string
	Read func() ([]byte, error)
	// Config, when set, replaces the receiver's configuration for this
	// file (per-directory config files, per-path overrides).
	Config *Config
}

// EncodingRule names the driver's own finding for bytes that are not UTF-8.
const EncodingRule = "invalid-utf8"

// Lint lints one document held in memory.
func (c *Config) Lint(path string, src []byte) *File {
	return c.lint(path, src, runtime.GOMAXPROCS(0), rules.NewPlan(c.rules()))
}

// LintAll lints sources in parallel on up to workers goroutines (0 means one
// per CPU) and returns the results in input order.
func (c *Config) LintAll(sources []Source, workers int) []*File {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	out := make([]*File, len(sources))
	// A source may carry its own configuration (config files, overrides).
	cfgOf := func(i int) *Config {
		if sources[i].Config != nil {
			return sources[i].Config
		}
		return c
	}
	// The plan of each configuration's rules, made once for the run.
	plans := map[*Config]*rules.Plan{}
	for i := range sources {
		if cfg := cfgOf(i); plans[cfg] == nil {
			plans[cfg] = rules.NewPlan(cfg.rules())
		}
	}
	var mu sync.Mutex
	done := 0
	tick := func() {
		if c.Progress != nil {
			mu.Lock()
			done++
			c.Progress(done, len(sources))
			mu.Unlock()
		}
	}
	if !c.Together || len(sources) < 2 {
		par.Do(len(sources), workers, func(i int) {
			defer tick()
			s := sources[i]
			src, err := s.Read()
			if err != nil {
				out[i] = &File{Path: s.Path, Err: err}
				return
			}
			out[i] = cfgOf(i).lint(s.Path, src, spareFor(workers, len(sources)), plans[cfgOf(i)])
		})
		return out
	}
	// Checked together: parse every file first, so that each file's rules
	// see the whole set.
	par.Do(len(sources), workers, func(i int) {
		s := sources[i]
		src, err := s.Read()
		if err != nil {
			out[i] = &File{Path: s.Path, Err: err}
			return
		}
		if skip := unlintable(src); skip != "" {
			out[i] = &File{Path: s.Path, Skipped: skip}
			return
		}
		out[i] = parsed(s.Path, src, spareFor(workers, len(sources)))
	})
	var docs []*prose.Document
	for _, f := range out {
		if f.Doc != nil {
			docs = append(docs, f.Doc)
		}
	}
	corpus := rules.NewCorpus(docs)
	spare := spareFor(workers, len(docs))
	par.Do(len(out), workers, func(i int) {
		defer tick()
		if out[i].Doc != nil {
			out[i].Findings = cfgOf(i).check(out[i].Doc, corpus, spare, plans[cfgOf(i)])
		}
	})
	return out
}

// unlintable says why src cannot be linted ("" when it can): binary
// content, or more than the document model holds.
func unlintable(src []byte) string {
	if len(src) > prose.MaxSize {
		return fmt.Sprintf("too large (%d bytes; edlint reads at most %d)", len(src), prose.MaxSize)
	}
	if bytes.IndexByte(src, 0) >= 0 {
		return "binary content (NUL bytes)"
	}
	return ""
}

// spareFor is how many goroutines each of n documents may run its rules on
// when workers goroutines lint them: the cores that would otherwise idle
// while fewer documents than workers remain (one big draft on a laptop).
func spareFor(workers, n int) int {
	if n <= 0 || workers <= n {
		return 1
	}
	return (workers + n - 1) / n
}

func (c *Config) rules() []rules.Rule {
	if c.Rules != nil {
		return c.Rules
	}
	return rules.All()
}

// LintSet lints documents held in memory as one set, as LintAll does with
// Together set; paths and srcs are parallel.
func (c *Config) LintSet(paths []string, srcs [][]byte) []*File {
	sources := make([]Source, len(paths))
	for i := range paths {
		src := srcs[i]
		sources[i] = Source{Path: paths[i], Read: func() ([]byte, error) { return src, nil }}
	}
	cc := *c
	cc.Together = true
	return cc.LintAll(sources, 0)
}

// lint is Lint with the number of goroutines the document may be parsed
// and its rules run on.
func (c *Config) lint(path string, src []byte, workers int, plan *rules.Plan) *File {
	if skip := unlintable(src); skip != "" {
		return &File{Path: path, Skipped: skip}
	}
	f := parsed(path, src, workers)
	if f.Doc != nil {
		f.Findings = c.check(f.Doc, nil, workers, plan)
	}
	return f
}

// parsed parses src on up to workers goroutines, or says why its document
// cannot be linted.
func parsed(path string, src []byte, workers int) *File {
	doc := prose.ParseWorkers(path, src, prose.FormatFor(path), workers)
	if doc.TooVaried() {
		return &File{Path: path, Skipped: fmt.Sprintf("not prose (more than %d distinct words)", prose.MaxTypes)}
	}
	return &File{Path: path, Doc: doc}
}

// LargeDocument is the size of a document from which edlint trades a
// little time for memory: the collector runs more often (see package cli)
// and the built-in dictionary's memory is released once the words are
// judged (a 20 MB draft's peak RSS 84 -> 77 MiB, the time unchanged;
// lookups after that read their pages back). Below it, a draft's peak is
// tens of megabytes, and a run over many small files would release and
// read back the dictionary for each.
const LargeDocument = 4 << 20

// OnRelease is called, when set, once a large document's words are judged
// and the built-in dictionary's memory released, on the goroutine that
// judged them: package cli lets the collector run less often from there
// (see its memory.go). It is set before any document is linted.
var OnRelease func()

// check runs the rules over doc, on up to workers goroutines. Each rule's
// findings are kept apart and joined in rule order, so the result does not
// depend on the scheduling.
func (c *Config) check(doc *prose.Document, corpus *rules.Corpus, workers int, plan *rules.Plan) []rules.Finding {
	dict := c.Dict
	if dict == nil {
		dict = spell.Builtin()
	}
	dirs := parseDirectives(doc)
	if len(dirs.words) > 0 {
		dict = dict.WithWords(dirs.words)
	}
	var findings []rules.Finding
	for _, off := range doc.Invalid {
		findings = append(findings, rules.Finding{
			Rule: EncodingRule, Category: rules.Mechanics, Severity: rules.Error,
			Span:    prose.Span{Start: off, End: off + 1},
			Message: fmt.Sprintf("invalid UTF-8 byte 0x%02x at offset %d", doc.Src[off], off),
		})
	}
	rs := plan.Rules()
	shared := plan.NewShared()
	if len(doc.Src) >= LargeDocument {
		shared.DropEarly()
		shared.AfterJudgement(func() {
			spell.ReleaseBuiltin()
			if OnRelease != nil {
				OnRelease()
			}
		})
	}
	per := make([]findingList, len(rs))
	run := func(i int) {
		r := rs[i]
		report := func(f rules.Finding) {
			if sev, ok := c.Severity[f.Rule]; ok {
				f.Severity = sev
			}
			per[i].add(f)
		}
		p := plan.NewPass(i, doc, dict, &c.Options, shared, report)
		p.Corpus = corpus
		rules.Run(r, p, plan.Meta(i).Name)
	}
	order := plan.Order()
	if len(doc.Src) >= LargeDocument && len(order) > 1 {
		// The first rule judges the words (RunOrder) with the whole
		// dictionary resident, its suggestions on every core; the others
		// wait for it, so that their facts do not pile up meanwhile.
		run(order[0])
		order = order[1:]
	}
	par.Do(len(order), workers, func(k int) { run(order[k]) })
	// Joined into one slice of the right size (a 20 MB draft has some
	// 8,000 findings of 144 bytes); the rules' own slices are garbage once
	// copied (nothing below reads per).
	n := len(findings)
	for k := range per {
		n += per[k].n
	}
	findings = slices.Grow(findings, n-len(findings))
	for k := range per {
		for _, b := range per[k].blocks {
			findings = append(findings, b...)
		}
	}
	Sort(findings)
	findings = dirs.suppress(doc, dedupe(findings))
	findings = append(findings, dirs.problems...)
	findings = append(findings, dirs.unused(doc)...)
	if len(c.Off) > 0 || len(c.Severity) > 0 {
		kept := findings[:0]
		for _, f := range findings {
			if c.Off[f.Rule] {
				continue
			}
			if sev, ok := c.Severity[f.Rule]; ok {
				f.Severity = sev
			}
			kept = append(kept, f)
		}
		findings = kept
	}
	Sort(findings)
	return findings
}

// Sort orders findings by offset, then end, then rule: the output contract.
// Findings of one span and rule keep their order (the sort is stable).
//
// A finding is some 150 bytes holding pointers: a stable sort that swaps
// them in place (an insertion sort and rotations) moves each many times,
// every move behind write barriers. So the keys are sorted, with the
// index last for stability, and the findings then move once each to
// their places, a cycle of the permutation at a time.
func Sort(fs []rules.Finding) {
	if slices.IsSortedFunc(fs, compareFindings) {
		return // the second sort of lint, most often
	}
	// The keys hold no pointers (a rule is its rank among the rules'
	// names), so that the sort moves them without write barriers.
	ranks := ruleRanks(fs)
	if sortPacked(fs, ranks) {
		return
	}
	keys := make([]findingKey, len(fs))
	for i := range fs {
		keys[i] = findingKey{start: fs[i].Start, end: fs[i].End, rule: ranks[fs[i].Rule], at: i}
	}
	slices.SortFunc(keys, func(a, b findingKey) int {
		if c := comparePlaces(a.start, a.end, a.rule, b.start, b.end, b.rule); c != 0 {
			return c
		}
		return cmp.Compare(a.at, b.at)
	})
	// Place k takes the finding at keys[k].at; a place done has at -1.
	for k := range keys {
		if keys[k].at < 0 {
			continue
		}
		held := fs[k]
		j := k
		for {
			from := keys[j].at
			keys[j].at = -1
			if from == k {
				fs[j] = held
				break
			}
			fs[j] = fs[from]
			j = from
		}
	}
}

// A finding's place packed in one word, for sortPacked: from the top,
// its start, its length (end - start, which orders as end does at one
// start), its rule's rank and its index, the last for stability.
const (
	packAtBits    = 19
	packRankBits  = 6
	packLenBits   = 14
	packStartBits = 64 - packAtBits - packRankBits - packLenBits // 25: 32 MB
	packAtMask    = 1<<packAtBits - 1
)

// sortPacked is Sort's usual case: when every finding's place fits one
// word (a draft under 32 MB, spans under 16 KB, 64 rules, half a million
// findings), the words are sorted as integers, and the findings moved to
// their places; it reports false, having changed nothing, otherwise.
// Sorted through a comparison function, the 8,000 keys of the 20 MB
// corpus took 8M instructions; as integers, under 1M.
func sortPacked(fs []rules.Finding, ranks map[string]int) bool {
	if len(fs) >= packAtMask || len(ranks) > 1<<packRankBits {
		return false
	}
	keys := make([]uint64, len(fs))
	last, rank := "", 0
	for i := range fs {
		f := &fs[i]
		start, n := uint64(f.Start), uint64(f.End-f.Start)
		if start >= 1<<packStartBits || n >= 1<<packLenBits || f.End < f.Start {
			return false
		}
		// Findings of one rule mostly come together.
		if f.Rule != last || i == 0 {
			last, rank = f.Rule, ranks[f.Rule]
		}
		keys[i] = start<<(64-packStartBits) | n<<(packAtBits+packRankBits) | uint64(rank)<<packAtBits | uint64(i)
	}
	slices.Sort(keys)
	// Place k takes the finding at keys[k]&packAtMask; a place done has
	// every bit of its index set (no index is: len(fs) < packAtMask).
	for k := range keys {
		if keys[k]&packAtMask == packAtMask {
			continue
		}
		held := fs[k]
		j := k
		for {
			from := int(keys[j] & packAtMask)
			keys[j] |= packAtMask
			if from == k {
				fs[j] = held
				break
			}
			fs[j] = fs[from]
			j = from
		}
	}
	return true
}

// findingList collects one rule's findings in blocks that are never
// copied as they fill: a finding holds pointers, and growing one slice
// moved each several times behind write barriers (some 6 ms of a one-core
// run on the 20 MB corpus).
type findingList struct {
	blocks [][]rules.Finding
	n      int
}

// add appends f. The blocks double in size, up to maxFindingBlock.
func (l *findingList) add(f rules.Finding) {
	k := len(l.blocks) - 1
	if k < 0 || len(l.blocks[k]) == cap(l.blocks[k]) {
		l.blocks = append(l.blocks, make([]rules.Finding, 0, min(max(8, l.n), maxFindingBlock)))
		k++
	}
	l.blocks[k] = append(l.blocks[k], f)
	l.n++
}

// maxFindingBlock bounds the findings of one block of a findingList.
const maxFindingBlock = 1024

// findingKey is what Sort orders a finding by, and where it was.
type findingKey struct {
	start, end int
	rule       int // the rank of the finding's rule (see ruleRanks)
	at         int
}

// ruleRanks numbers the rules of fs in the order of their names.
func ruleRanks(fs []rules.Finding) map[string]int {
	ranks := map[string]int{}
	last := ""
	for i := range fs {
		// Findings of one rule mostly come together.
		if r := fs[i].Rule; r != last || i == 0 {
			ranks[r] = 0
			last = r
		}
	}
	names := slices.Sorted(maps.Keys(ranks))
	for k, r := range names {
		ranks[r] = k
	}
	return ranks
}

// compareFindings orders two findings as Sort does, but for their places.
func compareFindings(a, b rules.Finding) int {
	return comparePlaces(a.Start, a.End, a.Rule, b.Start, b.End, b.Rule)
}

// comparePlaces is the output order: by start, then end, then rule.
func comparePlaces[R cmp.Ordered](aStart, aEnd int, aRule R, bStart, bEnd int, bRule R) int {
	if aStart != bStart {
		return cmp.Compare(aStart, bStart)
	}
	if aEnd != bEnd {
		return cmp.Compare(aEnd, bEnd)
	}
	return cmp.Compare(aRule, bRule)
}

// dedupe drops a finding identical in rule and span to the one before it.
func dedupe(fs []rules.Finding) []rules.Finding {
	out := fs[:0]
	for i, f := range fs {
		if i > 0 && f.Rule == fs[i-1].Rule && f.Span == fs[i-1].Span {
			continue
		}
		out = append(out, f)
	}
	return out
}
