package rules

import (
	"fmt"
	"sort"
	"strconv"
	"unicode"
	"unicode/utf8"

	"github.com/edlint/edlint/internal/par"
	"github.com/edlint/edlint/internal/prose"
)

// This file holds what the consistency rules share: facts gathered once
// per document (or once per set of documents checked together), and the
// report of a mixed style, made once per minority style with a count
// rather than once per use.

// docFacts pairs a document with the facts a rule gathered from it.
type docFacts[T any] struct {
	doc   *prose.Document
	facts T
}

// gather returns f's facts about every document checked with p.Doc (just
// p.Doc when it is linted alone), computed once per run under key. The
// facts must not depend on the pass's dictionary or options: with a
// corpus, another document's pass computes them.
func gather[T any](p *Pass, key string, f func(*prose.Document) T) []docFacts[T] {
	if p.Corpus == nil || !p.Corpus.Has(p.Doc) {
		return p.Memo(key, func() any { return []docFacts[T]{{p.Doc, f(p.Doc)}} }).([]docFacts[T])
	}
	return p.Corpus.Memo(key, func() any {
		// Every other document's rules wait for this: gather the documents'
		// facts on every core (f reads only its document).
		out := make([]docFacts[T], len(p.Corpus.Docs))
		par.Do(len(out), 0, func(i int) {
			d := p.Corpus.Docs[i]
			out[i] = docFacts[T]{d, f(d)}
		})
		return out
	}).([]docFacts[T])
}

// setMemo computes f once for the set of documents p.Doc is checked with
// (once per dictionary: a draft's own word list can change the verdicts),
// or once for p.Doc when it is linted alone. Decisions about the whole set
// are made here, so that each document's pass only reports its share.
func setMemo(p *Pass, key string, f func() any) any {
	if p.Corpus == nil || !p.Corpus.Has(p.Doc) {
		return p.Memo(key, f)
	}
	// (Built with strconv: fmt.Sprintf cost some 960 instructions a
	// call, several calls a document.)
	return p.Corpus.Memo(key+"#"+strconv.FormatUint(p.Dict.ID(), 10), f)
}

// mine returns the facts about p.Doc among all.
func mine[T any](p *Pass, all []docFacts[T]) (T, bool) {
	if p.Corpus != nil && len(all) == len(p.Corpus.Docs) {
		if i := p.Corpus.IndexOf(p.Doc); i >= 0 && all[i].doc == p.Doc {
			return all[i].facts, true
		}
	}
	for _, df := range all {
		if df.doc == p.Doc {
			return df.facts, true
		}
	}
	var zero T
	return zero, false
}

// relatedIn makes a related span, naming the file when it is another
// document of the set.
func relatedIn(p *Pass, doc *prose.Document, span prose.Span, msg string) Related {
	r := Related{Span: span, Message: msg}
	if doc != p.Doc {
		r.Path = doc.Path
	}
	return r
}

// styleUses are the uses of each style of one typographic choice in one
// document, indexed by style.
type styleUses [][]prose.Span

// mixedStyles describes one typographic choice (apostrophes, dashes) for
// reportMixed.
type mixedStyles struct {
	// labels name each style in the plural ("straight apostrophes").
	labels []string
	// never lists styles that are never the draft's style even when most
	// common (a hyphen used as a dash); they are reported only when some
	// other style is used.
	never map[int]bool
	// quiet lists styles that count but that this rule does not report
	// (another rule does).
	quiet map[int]bool
	// prefer, when >= 0, is the style to suggest whatever the counts.
	prefer int
	// convert rewrites one use of style from into style to: the edits, the
	// use's text after them (the suggestion; "" for none), and whether the
	// edits are safe to apply without a human.
	convert func(doc *prose.Document, span prose.Span, from, to int) (edits []prose.Edit, sugg string, safe bool)
	// severity overrides the rule's default for a minority style, when set;
	// total counts each style's uses in the set.
	severity func(from, to int, total []int) Severity
	// companion counts, per style, the uses of marks another rule checks
	// that follow the same choice (curly quotation marks for curly
	// apostrophes: smart quotes are one setting); they weigh in on the
	// majority. companionLabel names all the marks together and
	// styleWords each style in a word ("curly"), for the message.
	companion      []int
	companionLabel string
	styleWords     []string
	// example, when set, gives the text quoted in the message for a use
	// (the word around an apostrophe).
	example func(doc *prose.Document, span prose.Span) string
	// maxRelated caps the other uses listed as related spans.
	maxRelated int
}

// setOnce returns f's value, computed once for the set of documents p.Doc
// is checked with (under key, which names the facts it is made from: it
// must not depend on the pass's dictionary or options), or by every call
// for a document linted alone. What each document's pass would otherwise
// compute from all the documents goes here: computed by each pass, it
// made a run over many files quadratic in their number (a thousand files
// of a kilobyte spent 384M instructions, a quarter of the run, summing
// the styles of all the others).
func setOnce[T any](p *Pass, key string, f func() T) T {
	if p.Corpus == nil || !p.Corpus.Has(p.Doc) {
		return f()
	}
	return p.Corpus.Memo(key, func() any { return f() }).(T)
}

// styleSet is what the consistency rules read of every document's uses of
// the styles of one choice (the facts gathered under one key).
type styleSet struct {
	// total counts each style's uses in all the documents.
	total []int
	// firstDoc and firstSpan give each style's first use, in the order of
	// the documents (nil and zero for a style none uses).
	firstDoc  []*prose.Document
	firstSpan []prose.Span
}

// stylesKeys holds, by fact, the key of its styleSet: built once, where
// the concatenation at every call (several a document) cost some 390
// instructions.
var stylesKeys = func() map[string]string {
	out := make(map[string]string, len(facts))
	for _, f := range facts {
		out[f] = f + "#styles"
	}
	return out
}()

// styleSetOf returns the styleSet of all, the facts gathered under key,
// computed once for the set of documents (see setOnce).
func styleSetOf(p *Pass, key string, all []docFacts[styleUses]) *styleSet {
	sk, ok := stylesKeys[key]
	if !ok {
		sk = key + "#styles"
	}
	return setOnce(p, sk, func() *styleSet {
		n := 0
		for _, df := range all {
			n = max(n, len(df.facts))
		}
		ss := &styleSet{total: make([]int, n), firstDoc: make([]*prose.Document, n), firstSpan: make([]prose.Span, n)}
		for _, df := range all {
			for s, uses := range df.facts {
				ss.total[s] += len(uses)
				if ss.firstDoc[s] == nil && len(uses) > 0 {
					ss.firstDoc[s], ss.firstSpan[s] = df.doc, uses[0]
				}
			}
		}
		return ss
	})
}

// reportMixed reports each style of p.Doc that is not the style of the set
// of documents once, at its first use, with the number of uses, the
// majority style as the fix and the other uses as related spans. all are
// the facts gathered under key.
func reportMixed(p *Pass, key string, m mixedStyles, all []docFacts[styleUses]) {
	own, ok := mine(p, all)
	if !ok {
		return
	}
	n := len(m.labels)
	set := styleSetOf(p, key, all)
	total := make([]int, n)
	copy(total, set.total)
	// The majority is decided on the uses plus the companion counts, when
	// the choice is shared with another rule's marks.
	weight := make([]int, n)
	for s := range weight {
		weight[s] = total[s]
		if s < len(m.companion) {
			weight[s] += m.companion[s]
		}
	}
	major := -1
	for s := 0; s < n; s++ {
		if m.never[s] || weight[s] == 0 {
			continue
		}
		if major < 0 || weight[s] > weight[major] {
			major = s
		}
	}
	if major < 0 {
		return
	}
	if m.prefer >= 0 {
		major = m.prefer
	}
	// The first use of the majority style, for the related span.
	var majDoc *prose.Document
	var majSpan prose.Span
	if major < len(own) && len(own[major]) > 0 {
		majDoc, majSpan = p.Doc, own[major][0]
	} else if major < len(set.firstDoc) {
		majDoc, majSpan = set.firstDoc[major], set.firstSpan[major]
	}
	for s := 0; s < n && s < len(own); s++ {
		uses := own[s]
		if s == major || len(uses) == 0 || m.quiet[s] {
			continue
		}
		var fix []prose.Edit
		var sugg []string
		for i, u := range uses {
			edits, text, safe := m.convert(p.Doc, u, s, major)
			if i == 0 && text != "" {
				sugg = []string{text}
			}
			if safe {
				fix = append(fix, edits...)
			}
		}
		if !sortedApart(fix) {
			fix = nil
		}
		first := uses[0]
		example := p.Doc.Slice(first)
		if m.example != nil {
			example = m.example(p.Doc, first)
		}
		msg := fmt.Sprintf("%s used %s (like %q) where the draft mostly uses %s (%s)", m.labels[s], times(total[s]), example, m.labels[major], times(total[major]))
		switch {
		case m.companion != nil && total[major] <= total[s]:
			msg = fmt.Sprintf("%s used %s (like %q) where the draft's %s are mostly %s (%d against %d)", m.labels[s], times(total[s]), example, m.companionLabel, m.styleWords[major], weight[major], weight[s])
		case total[major] == 0:
			msg = fmt.Sprintf("%s used %s (like %q); prefer %s", m.labels[s], times(total[s]), example, m.labels[major])
		}
		if total[s] > len(uses) {
			msg += fmt.Sprintf(" (%d in this file)", len(uses))
		}
		f := Finding{Span: first, Message: msg, Suggestions: sugg, Fix: fix}
		if m.severity != nil {
			f.Severity = m.severity(s, major, total)
		}
		if majDoc != nil {
			f.Related = append(f.Related, relatedIn(p, majDoc, majSpan, "the draft's style: "+m.labels[major]))
		}
		limit := m.maxRelated
		if limit == 0 {
			limit = 20
		}
		for i, u := range uses[1:] {
			if i >= limit {
				break
			}
			f.Related = append(f.Related, Related{Span: u, Message: "also " + m.labels[s]})
		}
		p.Report(f)
	}
}

// times spells a count: once, twice, 3 times.
func times(n int) string {
	switch n {
	case 1:
		return "once"
	case 2:
		return "twice"
	}
	return fmt.Sprintf("%d times", n)
}

// sortedApart reports whether edits are in order and do not overlap, as
// a fix must be.
func sortedApart(edits []prose.Edit) bool {
	for i := 1; i < len(edits); i++ {
		if edits[i].Start < edits[i-1].End || edits[i].Start == edits[i-1].Start {
			return false
		}
	}
	return true
}

// runeBefore returns the rune ending at off in doc, or 0 at the start.
func runeBefore(doc *prose.Document, off int) rune {
	if off <= 0 {
		return 0
	}
	r, _ := utf8.DecodeLastRuneInString(doc.Text[:off])
	return r
}

// runeAt returns the rune starting at off in doc, or 0 at the end.
func runeAt(doc *prose.Document, off int) rune {
	if off >= len(doc.Text) {
		return 0
	}
	r, _ := utf8.DecodeRuneInString(doc.Text[off:])
	return r
}

func isAlnum(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// textAround returns span's text with the words that touch it on either
// side, for quoting a punctuation mark in a message ("Ivana." for a quote
// mark, "Certainly - Yes" for a dash).
func textAround(doc *prose.Document, span prose.Span) string {
	start, end := span.Start, span.End
	i := sort.Search(len(doc.Tokens), func(i int) bool { return doc.TokenEnd(i) >= span.Start })
	if i < len(doc.Tokens) && doc.TokenEnd(i) == span.Start && doc.Tokens[i].Kind() != prose.Punct {
		start = doc.TokenStart(i)
	}
	j := sort.Search(len(doc.Tokens), func(j int) bool { return doc.TokenStart(j) >= span.End })
	if j < len(doc.Tokens) && doc.TokenStart(j) == span.End && doc.Tokens[j].Kind() != prose.Punct {
		end = doc.TokenEnd(j)
	}
	return doc.Text[start:end]
}
