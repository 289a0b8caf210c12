// Package rules defines what a rule is, what it reports, and the registry of
// every rule edlint runs.
//
// A rule sees one whole document through a Pass and reports Findings. It keeps
// no state between documents; what several rules need from one document (the
// names it uses, say) is computed once through Pass.Memo.
package rules

import (
	"fmt"
	"math/bits"
	"strings"
	"sync"

	"github.com/edlint/edlint/internal/prose"
	"github.com/edlint/edlint/internal/spell"
)

// Severity ranks findings. The zero value means "the rule's default".
type Severity uint8

// Severities, least severe first.
const (
	Info Severity = iota + 1
	Warning
	Error
)

func (s Severity) String() string {
	switch s {
	case Error:
		return "error"
	case Warning:
		return "warning"
	}
	return "info"
}

// ParseSeverity reads "error", "warning" or "info".
func ParseSeverity(s string) (Severity, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "error":
		return Error, nil
	case "warning", "warn":
		return Warning, nil
	case "info":
		return Info, nil
	}
	return Info, fmt.Errorf("unknown severity %q (want error, warning or info)", s)
}

// Categories group rules; the JSON output reports them.
const (
	Spelling    = "spelling"
	Names       = "names"
	Consistency = "consistency"
	Hedging     = "hedging"
	Mechanics   = "mechanics"
)

// Meta describes a rule for users and for the registry test.
type Meta struct {
	Name     string // stable kebab-case identifier
	Category string
	Severity Severity // default severity
	Summary  string   // one line, lower-case start, no final period
	Doc      string   // what it catches, why, and how to silence it
	// Before is a draft the rule reports; After is the corrected draft,
	// which it must not. Both are Markdown.
	Before, After string
	// Reads lists the shared facts (facts.go) the rule asks Pass.Memo for;
	// the driver drops a fact once all its readers have run.
	Reads []string
}

// Rule checks a document.
type Rule interface {
	Meta() Meta
	Check(p *Pass)
}

// Related points at another place that explains a finding (the majority
// form of an inconsistency, the opening bracket of an unclosed pair).
type Related struct {
	prose.Span
	Message string
	// Path is set when the related place is in another file.
	Path string
}

// Finding is one problem in a document.
type Finding struct {
	Rule     string
	Category string
	Severity Severity
	prose.Span
	Message string
	// Suggestions are replacements for the span, best first.
	Suggestions []string
	// Fix is a safe correction that --fix may apply without asking: a set of
	// non-overlapping edits. Nil when the correction needs a human.
	Fix     []prose.Edit
	Related []Related
}

// Options carry the settings rules read. Each field's zero value is the
// default.
type Options struct {
	// Yardstick names the estimative-language standard the hedging rules
	// apply: "icd203" (the default when empty), "phia" or "nato" (see
	// YardstickNames; --yardstick and the config key "yardstick" set it).
	Yardstick string
	// HedgingQuotes makes the hedging rules check quoted and attributed
	// words too ("Kalugin claimed that …"); by default they are not the
	// author's claims and are left alone.
	HedgingQuotes bool
	// Variety pins the English variety ("en-US" or "en-GB"); empty means
	// either, but not both in one draft.
	Variety string
	// Preferences is the project's style sheet: a variant (a word or a
	// phrase, matched as written) mapped to the form the project prefers,
	// e.g. "Kiev" → "Kyiv". The consistency rule preferred-form reports
	// each variant with a safe fix. The config file fills it.
	Preferences map[string]string
}

// Pass is one rule's view of one document.
type Pass struct {
	// Doc is never TooVaried (the driver skips such a document): the rules
	// keep per-type tables and judge each text once by its Token.ID.
	Doc     *prose.Document
	Dict    *spell.Dict
	Options *Options
	// Shared holds facts about the document computed once and shared by
	// every rule that asks for them (see Memo).
	Shared *Shared
	// Corpus is the set of documents linted together with Doc (Doc among
	// them), read-only; nil when Doc is linted alone. Consistency rules
	// count forms across it.
	Corpus *Corpus

	meta Meta
	// closure is factsOf(meta.Reads), by number (see facts), when a
	// Plan made the pass.
	closure []uint8
	direct  []uint8 // meta.Reads by number, with closure
	report  func(Finding)
}

// NewPass makes a pass for rule r; report receives each finding.
func NewPass(r Rule, doc *prose.Document, dict *spell.Dict, opts *Options, shared *Shared, report func(Finding)) *Pass {
	return NewPassMeta(r.Meta(), doc, dict, opts, shared, report)
}

// NewPassMeta is NewPass for the rule whose Meta is m.
func NewPassMeta(m Meta, doc *prose.Document, dict *spell.Dict, opts *Options, shared *Shared, report func(Finding)) *Pass {
	if opts == nil {
		opts = &Options{}
	}
	if shared == nil {
		shared = &Shared{}
	}
	return &Pass{Doc: doc, Dict: dict, Options: opts, Shared: shared, meta: m, report: report}
}

// Report records a finding; rule, category and severity default to the
// rule's own.
func (p *Pass) Report(f Finding) {
	if f.Rule == "" {
		f.Rule = p.meta.Name
	}
	if f.Category == "" {
		f.Category = p.meta.Category
	}
	if f.Severity == 0 {
		f.Severity = p.meta.Severity
	}
	p.report(f)
}

// Reportf reports a finding at span with a formatted message and optional
// suggestions.
func (p *Pass) Reportf(span prose.Span, suggestions []string, format string, args ...any) {
	p.Report(Finding{Span: span, Message: fmt.Sprintf(format, args...), Suggestions: suggestions})
}

// Shared memoises per-document facts across the rules of one lint run.
// The driver may run a document's rules on several goroutines, so it is
// safe for concurrent use: a fact is computed once, and a rule asking for
// it meanwhile waits.
type Shared struct {
	mu      sync.Mutex
	memo    map[string]*memoEntry
	enabled map[string]bool // nil: every rule
	// readers counts, by fact, the rules yet to finish that read it
	// (Meta.Reads, with the facts those are computed from); a fact is
	// dropped when its count reaches zero. Facts not counted are kept.
	readers factCounts
	// pruning is set by DropEarly.
	pruning bool
	// direct counts, by fact, the rules yet to finish that list it in
	// their Meta.Reads themselves. computed has bit n set once fact n,
	// one computed from others (factDeps), has been computed, and prune
	// says that a fact may have become droppable (see pruneFacts).
	direct   factCounts
	computed uint32
	prune    bool
	// judged, if set, is called once the words are judged (AfterJudgement).
	judged func()
	// stashed holds the values rules leave for others (see Pass.stash).
	stashed map[string]any
}

// AfterJudgement has f called once the document's words are judged (the
// fact the spelling and names rules share), on the goroutine that judged
// them. The judgement is by far the dictionary's main reader, every word
// type looked up and the suggestions searched: the driver releases the
// dictionary's memory there for a large document (see spell.ReleaseBuiltin).
// Call it before the rules run.
func (s *Shared) AfterJudgement(f func()) { s.judged = f }

// DropEarly has the facts that rules yet to finish read only to compute
// others drop as soon as those are computed (see pruneFacts), rather than
// when those rules finish. It is for a large document, whose collections
// during the rules mark every fact held: on the 20 MB corpus -4.0M
// instructions (stop-the-world collector, one core); on a thousand files
// of a kilobyte the bookkeeping cost 5.5M for nothing. Call it before the
// rules run.
func (s *Shared) DropEarly() { s.pruning = true }

// factCounts holds a count for each fact, by number (see facts): an
// array, where a map by name cost some 1,200 instructions for each rule
// run on each document to count down (Shared.drop, a map read and write a
// fact), 45M over a thousand files of a kilobyte, a sixteenth of the run.
type factCounts [len(facts)]int32

type memoEntry struct {
	once sync.Once
	v    any
}

// NewShared makes the shared facts of one document linted with rs, so
// that a rule can leave a word to another rule only when that one runs.
// (A driver linting many documents with one list makes a Plan of it.)
func NewShared(rs []Rule) *Shared {
	return NewPlan(rs).NewShared()
}

// done is told that a rule reading reads has finished; it drops the facts
// no rule still to finish reads. Asked for again (by a rule that did not
// list it), a dropped fact would be computed anew: slower, never wrong.
func (s *Shared) done(reads []string) {
	if s == nil || len(reads) == 0 {
		return
	}
	var buf [16]string
	var nums, direct [16]uint8
	s.drop(factNums(nums[:0], factsOf(buf[:0], reads)), factNums(direct[:0], reads))
}

// drop is done for the facts read by a rule and every fact they are
// computed from (factsOf), by number (see facts); direct are those the
// rule lists itself.
func (s *Shared) drop(nums, direct []uint8) {
	if s == nil || len(nums) == 0 {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, f := range nums {
		switch n := s.readers[f]; n {
		case 0:
			// Not counted, or dropped already.
		case 1:
			s.dropFact(f)
			// (Those it is computed from may go now.)
			s.prune = s.prune || derivedFacts&(1<<f) != 0
		default:
			s.readers[f] = n - 1
		}
	}
	if !s.pruning {
		return
	}
	for _, f := range direct {
		if n := s.direct[f]; n > 0 {
			s.direct[f] = n - 1
			if n == 1 && factUsers[f] != 0 && s.readers[f] > 0 {
				s.prune = true
			}
		}
	}
	if s.prune {
		s.prune = false
		s.pruneFacts()
	}
}

// dropFact drops fact f. The caller holds s.mu.
func (s *Shared) dropFact(f uint8) {
	s.readers[f] = 0
	delete(s.memo, facts[f])
	delete(s.stashed, facts[f])
}

// pruneFacts drops the facts that rules yet to finish read only to
// compute others already computed: the compounds and their verdicts, for
// instance, which the word judgement reads (through ownedCompounds) and
// the spelling and names rules after it would otherwise hold to the end
// (on the 20 MB corpus half a megabyte of pointers, marked by every
// collection after the judgement). A fact is kept while a rule yet to
// finish lists it itself, or while a fact computed from it is not yet
// computed and still counted. The caller holds s.mu.
func (s *Shared) pruneFacts() {
	// (In pruneOrder a fact comes after the facts computed from it, so
	// that one pass sees the drops that let it go.)
	for _, f := range pruneOrder {
		if s.readers[f] == 0 || s.direct[f] > 0 {
			continue
		}
		needed := false
		for x := factUsers[f] &^ s.computed; x != 0; x &= x - 1 {
			if s.readers[bits.TrailingZeros32(x)] > 0 {
				needed = true
				break
			}
		}
		if !needed {
			s.dropFact(f)
		}
	}
}

// computedFact notes that the fact under key has been computed: a fact
// computed from others may let those go (see pruneFacts).
func (s *Shared) computedFact(key string) {
	if !s.pruning {
		return
	}
	n, ok := factNum[key]
	if !ok || derivedFacts&(1<<n) == 0 {
		return
	}
	s.mu.Lock()
	s.computed |= 1 << n
	s.prune = true
	s.mu.Unlock()
}

// readersOf returns the count of readers of fact: 0 when none is counted.
// The caller holds s.mu.
func (s *Shared) readersOf(fact string) int32 {
	if n, ok := factNum[fact]; ok {
		return s.readers[n]
	}
	return 0
}

// Enabled reports whether the rule named name runs on this document
// (always true when the driver did not say which rules run).
func (p *Pass) Enabled(name string) bool {
	return p.Shared.enabled == nil || p.Shared.enabled[name]
}

// Memo returns the value stored under key, computing it with f the first
// time any rule of this document asks.
func (p *Pass) Memo(key string, f func() any) any {
	s := p.Shared
	s.mu.Lock()
	e := s.memo[key]
	if e == nil {
		if s.memo == nil {
			s.memo = make(map[string]*memoEntry)
		}
		e = &memoEntry{}
		s.memo[key] = e
	}
	s.mu.Unlock()
	e.once.Do(func() {
		e.v = f()
		s.computedFact(key)
	})
	return e.v
}

// stash leaves v under key for another rule of this document to take
// (take): a value one rule's work produces on the way, which saves
// another's. Facts' rules apply: a rule reading it lists it in Meta.Reads,
// and it is dropped once they have run.
func (p *Pass) stash(key string, v any) {
	s := p.Shared
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.readersOf(key) == 0 {
		return // its readers have run (or none will)
	}
	if s.stashed == nil {
		s.stashed = map[string]any{}
	}
	s.stashed[key] = v
}

// take returns the value stashed under key, nil if none is (yet).
func (p *Pass) take(key string) any {
	s := p.Shared
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.stashed[key]
}

// awaited reports whether a rule of this document yet to finish reads
// fact (Meta.Reads, with the facts those are computed from).
func (p *Pass) awaited(fact string) bool {
	s := p.Shared
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.readersOf(fact) > 0
}

// Corpus is the documents of one run that are checked together (a book, a
// series of reports). Facts about the whole set are computed once, by
// whichever document's rules ask first, and shared by every goroutine of
// the run.
type Corpus struct {
	// Docs are the parsed documents, in input order.
	Docs []*prose.Document

	index map[*prose.Document]int
	mu    sync.Mutex
	memo  map[string]*corpusEntry
	// tokenIndexes holds each document's token index, by its index in
	// Docs (see tokenIndexOf): an entry each, where a key of memo for
	// each, built and hashed at every ask (some twenty a document), cost
	// some 600 instructions an ask, 14M over a thousand files of a
	// kilobyte.
	tokenIndexes []corpusEntry
	// texts holds each document's textRefs, by its index in Docs.
	texts []corpusEntry
}

type corpusEntry struct {
	once sync.Once
	v    any
}

// NewCorpus makes a corpus of docs.
func NewCorpus(docs []*prose.Document) *Corpus {
	c := &Corpus{Docs: docs, index: make(map[*prose.Document]int, len(docs)), tokenIndexes: make([]corpusEntry, len(docs)), texts: make([]corpusEntry, len(docs))}
	for i, d := range docs {
		c.index[d] = i
	}
	return c
}

// Has reports whether doc is one of the corpus's documents.
func (c *Corpus) Has(doc *prose.Document) bool {
	_, ok := c.index[doc]
	return ok
}

// IndexOf returns doc's index in Docs, or -1.
func (c *Corpus) IndexOf(doc *prose.Document) int {
	if i, ok := c.index[doc]; ok {
		return i
	}
	return -1
}

// Memo returns the value stored under key, computing it with f the first
// time any document's rules ask. It is safe for concurrent use.
func (c *Corpus) Memo(key string, f func() any) any {
	c.mu.Lock()
	if c.memo == nil {
		c.memo = make(map[string]*corpusEntry)
	}
	e, ok := c.memo[key]
	if !ok {
		e = &corpusEntry{}
		c.memo[key] = e
	}
	c.mu.Unlock()
	e.once.Do(func() { e.v = f() })
	return e.v
}

// InternalErrorRule names the finding reported when a rule fails.
const InternalErrorRule = "internal-error"

// Run runs r over p. A panic inside a rule is a bug in edlint, not in the
// draft: it becomes one error finding naming the rule, and the other rules
// still run, so a hook never dies on one odd document.
func Run(r Rule, p *Pass, name string) {
	if p.closure != nil {
		defer p.Shared.drop(p.closure, p.direct)
	} else {
		defer p.Shared.done(p.meta.Reads)
	}
	defer func() {
		if v := recover(); v != nil {
			p.report(Finding{
				Rule: InternalErrorRule, Category: Mechanics, Severity: Error,
				Message: fmt.Sprintf("rule %s failed on this document: %v (please report this bug)", name, v),
			})
		}
	}()
	r.Check(p)
}
