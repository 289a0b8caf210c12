package rules

import (
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/edlint/edlint/dict"
	"github.com/edlint/edlint/internal/prose"
)

type preferredForm struct{}

// PreferredForm reports variants that a style sheet maps to a preferred
// form: the project's own (Options.Preferences) and the built-in standard
// forms of renamed places and transliterations (dict/preferred.txt).
func PreferredForm() Rule { return preferredForm{} }

func (preferredForm) Meta() Meta {
	return Meta{
		Name:     "preferred-form",
		Category: Consistency,
		Severity: Warning,
		Reads:    []string{factTokenIndex},
		Summary:  "a variant the style sheet maps to a preferred form",
		Doc: "A project's style sheet (the config's consistency preferences, e.g. `Kiev` → `Kyiv`, " +
			"`Czeck` → `Czech`) maps variants to the forms the project wants; each use of a variant is " +
			"reported as a warning with a safe fix. Built-in entries in dict/preferred.txt give the standard " +
			"forms of renamed places and of transliterations (Bombay → Mumbai, Kiev → Kyiv), each with its " +
			"source; they are notes with a suggestion only, because the old name is right where the " +
			"historical place is meant, and they stay quiet in a sentence that already names the new form " +
			"(`Leningrad (now St. Petersburg)`). Variants match as written, as whole words or phrases. " +
			"A project silences a built-in entry by mapping the variant to itself.",
		Before: "Harding reported from Kiev.\n",
		After:  "Harding reported from Kyiv.\n",
	}
}

// preference is one variant with its preferred form.
type preference struct {
	words    []string // the variant's words
	want     string
	source   string // for built-in entries
	declared bool   // from the project's style sheet
}

var builtinPreferences = sync.OnceValue(func() []preference {
	var out []preference
	b, err := dict.Read("preferred.txt")
	if err != nil {
		return nil
	}
	for _, line := range strings.Split(string(b), "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < 2 {
			continue
		}
		pr := preference{words: strings.Fields(f[0]), want: f[1]}
		if len(f) > 2 {
			pr.source = f[2]
		}
		out = append(out, pr)
	}
	return out
})

// builtinFirstWords holds the first word of every built-in variant, and
// their first bytes.
var builtinFirstWords = sync.OnceValue(func() *firstWords {
	out := &firstWords{words: map[string]bool{}}
	for _, pr := range builtinPreferences() {
		out.words[pr.words[0]] = true
		out.bytes[pr.words[0][0]] = true
	}
	return out
})

type firstWords struct {
	words map[string]bool
	bytes [256]bool
}

// mayStartPreference reports whether a word, or the word without a
// possessive, is the first word of a built-in variant. first is
// builtinFirstWords(), which its caller, asking for every word type of a
// document, reads once.
func mayStartPreference(first *firstWords, w string) bool {
	if !first.bytes[w[0]] {
		return false
	}
	if first.words[w] {
		return true
	}
	// Most words have no possessive to strip: the map was read twice
	// for the same string.
	base := stripPossessive(w)
	return len(base) < len(w) && first.words[base]
}

// preferencesFor merges the project's style sheet over the built-in
// entries, indexed by each variant's first word.
func preferencesFor(opts *Options) map[string][]preference {
	idx := map[string][]preference{}
	declared := map[string]bool{}
	var keys []string
	for k := range opts.Preferences {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		words := strings.Fields(k)
		if len(words) == 0 {
			continue
		}
		declared[strings.Join(words, " ")] = true
		v := strings.TrimSpace(opts.Preferences[k])
		if v == "" || v == strings.Join(words, " ") {
			continue // the project keeps this form
		}
		idx[words[0]] = append(idx[words[0]], preference{words: words, want: v, declared: true})
	}
	for _, pr := range builtinPreferences() {
		if !declared[strings.Join(pr.words, " ")] {
			idx[pr.words[0]] = append(idx[pr.words[0]], pr)
		}
	}
	// Longer variants first, so that a phrase wins over its first word.
	for _, prs := range idx {
		sort.SliceStable(prs, func(i, j int) bool { return len(prs[i].words) > len(prs[j].words) })
	}
	return idx
}

func (preferredForm) Check(p *Pass) {
	doc := p.Doc
	// With only built-in variants the index lists the words that may start
	// one (clsPreferred); a style sheet's variants may start with any word.
	// Most documents have none of those words, and need neither the
	// variants nor a look at their types: a map lookup or two for each
	// type whose first byte starts a variant cost 35M over the 205 files
	// of the split corpus. Those that have some look only at their types.
	all := len(p.Options.Preferences) > 0
	var cands []int32
	var class []uint32 // by Token.ID, when !all
	if !all {
		x := tokenIndexOf(p, doc)
		if cands, class = x.list(clsPreferred), x.class; len(cands) == 0 {
			return
		}
	}
	idx := preferencesFor(p.Options)
	var first [256]bool // first bytes of the variants, to skip most words unhashed
	for k := range idx {
		first[k[0]] = true
	}
	// Which variants each type may start, decided once per type; most
	// documents have none, and then no token is read.
	var starts [][]preference
	for id := range doc.NumTypes() {
		if !all && class[id]&clsPreferred == 0 {
			continue
		}
		text := doc.Type(uint32(id))
		if doc.TypeCount(uint32(id)) == 0 || text == "" || !first[text[0]] {
			continue
		}
		base := stripPossessive(text)
		prs := idx[base]
		if len(prs) == 0 && len(base) < len(text) {
			prs = idx[text]
		}
		if len(prs) == 0 {
			continue
		}
		if starts == nil {
			starts = make([][]preference, doc.NumTypes())
		}
		starts[id] = prs
	}
	if starts == nil {
		return
	}
	sc := sentenceCursor{d: doc}
	resume := 0 // the token after the last variant reported
	n := len(doc.Tokens)
	if !all {
		n = len(cands)
	}
	for k := 0; k < n; k++ {
		ti := k
		if !all {
			ti = int(cands[k])
		}
		t := doc.Tokens[ti]
		prs := starts[t.ID()]
		if len(prs) == 0 || t.Kind() != prose.Word || ti < resume {
			continue
		}
		s := doc.Sentences[sc.of(ti)]
		for _, pr := range prs {
			end, ok := matchWords(doc, ti, s.EndToken(), pr.words)
			if !ok {
				continue
			}
			span := prose.Span{Start: doc.TokenStart(ti), End: end}
			if pr.declared {
				p.Report(Finding{
					Span:        span,
					Message:     fmt.Sprintf("the style sheet prefers %q to %q", pr.want, doc.Slice(span)),
					Suggestions: []string{pr.want},
					Fix:         []prose.Edit{{Span: span, New: pr.want}},
				})
			} else if !mentions(doc, s, pr.want) {
				p.Report(Finding{
					Severity:    Info,
					Span:        span,
					Message:     fmt.Sprintf("%q is now written %q (%s); keep %q only where the historical name is meant", doc.Slice(span), pr.want, pr.source, doc.Slice(span)),
					Suggestions: []string{pr.want},
				})
			}
			resume = ti + len(pr.words)
			break
		}
	}
}

// matchWords reports whether the tokens from ti spell words, one space
// apart (the last may carry a possessive), returning the end of the
// match.
func matchWords(doc *prose.Document, ti, end int, words []string) (int, bool) {
	var last prose.Span // of the token matched last
	for k, w := range words {
		i := ti + k
		if i >= end {
			return 0, false
		}
		sp := doc.TokenSpan(i)
		text := doc.Text[sp.Start:sp.End]
		if text != w && (k != len(words)-1 || stripPossessive(text) != w) {
			return 0, false
		}
		if k > 0 && sp.Start != last.End+1 {
			return 0, false
		}
		last = sp
	}
	return last.Start + len(words[len(words)-1]), true
}

// mentions reports whether sentence s names want (or its last word),
// as in "Leningrad (now St. Petersburg)".
func mentions(doc *prose.Document, s prose.Sentence, want string) bool {
	text := doc.Slice(doc.SentenceSpan(s))
	if strings.Contains(text, want) {
		return true
	}
	f := strings.Fields(want)
	return len(f) > 1 && strings.Contains(text, f[len(f)-1])
}
