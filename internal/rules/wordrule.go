package rules

import (
	"slices"

	"github.com/edlint/edlint/internal/prose"
)

// wordRule reports the word issues of one kind. The spelling and names
// rules are all views of one judgement of the draft's words (wordIssues),
// so each word is looked up once and reported by exactly one rule.
type wordRule struct {
	meta    Meta
	kind    wordKind
	message func(is wordIssue) string
}

// wordRuleReads is what every word rule reads.
var wordRuleReads = []string{factWordIssues}

func (r wordRule) Meta() Meta {
	m := r.meta
	m.Reads = wordRuleReads
	return m
}

func (r wordRule) Check(p *Pass) {
	for _, is := range wordIssues(p) {
		if is.kind != r.kind {
			continue
		}
		f := Finding{Span: is.span, Message: r.message(is), Suggestions: dedupeStrings(is.want)}
		if is.compound {
			f.Severity = Info
		}
		if is.sev != 0 {
			f.Severity = is.sev
		}
		if is.safe && len(is.want) > 0 {
			f.Fix = []prose.Edit{{Span: is.span, New: is.want[0]}}
		}
		msg := "the form used elsewhere"
		if is.kind == kindLearntName {
			msg = "used here too"
		}
		if len(is.rel) > 0 {
			f.Related = make([]Related, len(is.rel))
			for i, s := range is.rel {
				f.Related[i] = Related{Span: s, Message: msg}
			}
		}
		p.Report(f)
	}
}

// dedupeStrings drops repeated suggestions, keeping the first of each.
// A word has a handful of suggestions: they are compared with those kept
// so far, without a map.
//
// (Tried for the collector's sake, the lists making some 500 KB of
// garbage on the 20 MB corpus: a list without repeats returned as it is,
// capped, saved 1.4M instructions with GOGC=off and nothing with the
// collector on, but a finding's suggestions must be its own, as
// TestCompoundUsesSuggest checks, and the judgement's lists are shared;
// a rule's lists laid out in one array cost 0.7M more with GOGC=off,
// 0.4M with the collector on. Neither kept.)
func dedupeStrings(ss []string) []string {
	if len(ss) == 0 {
		return ss[:0:0]
	}
	if len(ss) > 16 {
		out := ss[:0:0]
		seen := make(map[string]bool, len(ss))
		for _, s := range ss {
			if !seen[s] {
				seen[s] = true
				out = append(out, s)
			}
		}
		return out
	}
	out := make([]string, 0, len(ss))
	for _, s := range ss {
		if !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

// RunOrder returns the order in which to start rs: the first rule that
// reads the word judgement (wordIssues), which then computes it, then
// every rule that does not read it, then the other readers. Started in registry order the readers would all wait for the
// judgement, most of a short draft's time, while the rest of the rules
// could have run beside it: on the seed draft and two cores that cost 2 of
// 11 ms. The findings do not depend on the order (each rule's are kept
// apart and joined in registry order).
func RunOrder(rs []Rule) []int {
	order := make([]int, 0, len(rs))
	var readers []int
	for i, r := range rs {
		if _, ok := r.(wordRule); ok {
			readers = append(readers, i)
		}
	}
	if len(readers) > 0 {
		order = append(order, readers[0])
	}
	for i, r := range rs {
		if _, ok := r.(wordRule); !ok {
			order = append(order, i)
		}
	}
	if len(readers) > 1 {
		order = append(order, readers[1:]...)
	}
	return order
}
