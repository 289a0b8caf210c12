package rules

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/edlint/edlint/internal/prose"
	"github.com/edlint/edlint/internal/spell"
)

// wordKind classifies a word the dictionary does not accept as written.
type wordKind uint8

const (
	kindMisspelling    wordKind = iota + 1 // a known misspelling with one correction (misspell's list)
	kindUnknown                            // not a word; suggestions from the dictionary
	kindWrongCase                          // a known name or acronym in the wrong case
	kindWrongDiacritic                     // a known name without or with other diacritics
	kindNameVariant                        // a near miss of a name the draft uses more often
	kindLearntName                         // an unknown capitalised word the draft uses as a name
)

// wordIssue is one word the spelling and names rules report; each rule
// reports the issues of its kind, so every word is judged once.
type wordIssue struct {
	kind  wordKind
	span  prose.Span
	word  string
	want  []string // best first
	count int      // uses of this form in the draft
	other int      // uses of the wanted form, for name variants
	safe  bool     // the first wanted form is a safe fix
	rel   []prose.Span
}

// wordIssues judges every word of the document once and is shared by the
// spelling and names rules through Pass.Memo.
func wordIssues(p *Pass) []wordIssue {
	return p.Memo("rules.wordIssues", func() any {
		return dropOwned(judgeWords(p.Doc, p.Dict), ownedCompounds(p))
	}).([]wordIssue)
}

// dropOwned removes the unknown words that a consistency rule reports
// instead: a closed compound ("longterm") whose hyphenated form the draft
// uses is an inconsistency, not a spelling error.
func dropOwned(issues []wordIssue, owned map[string]bool) []wordIssue {
	if len(owned) == 0 {
		return issues
	}
	out := issues[:0]
	for _, is := range issues {
		if is.kind == kindUnknown && owned[strings.ToLower(is.word)] {
			continue
		}
		out = append(out, is)
	}
	return out
}

// occurrence is one use of an unknown capitalised form.
type occurrence struct {
	span       prose.Span
	positional bool // capitalised because of its position (sentence start, heading)
}

func judgeWords(doc *prose.Document, dict *spell.Dict) []wordIssue {
	var issues []wordIssue
	// Unknown capitalised forms are judged after the whole draft is read:
	// how often the draft uses a form decides whether it is a name.
	caps := map[string][]occurrence{}
	var capOrder []string
	var lower []prose.Span
	for bi := range doc.Blocks {
		b := &doc.Blocks[bi]
		titleCase := b.Kind == prose.Heading || isTitleCase(doc, b)
		for si := b.FirstSentence; si < b.EndSentence; si++ {
			s := doc.Sentences[si]
			for ti := s.FirstToken; ti < s.EndToken; ti++ {
				t := doc.Tokens[ti]
				if t.Kind != prose.Word {
					continue
				}
				if enumerator(doc, ti) {
					continue
				}
				word := doc.TokenText(ti)
				for _, part := range checkParts(dict, word, t.Start) {
					v := part.verdict
					text := doc.Slice(part.span)
					switch v.Status {
					case spell.Accepted:
						continue
					case spell.WrongForm:
						if text == "i" {
							continue // the pronoun: the mechanics rules report it
						}
						issues = append(issues, wrongForm(text, part.span, v.Want))
						continue
					}
					if fix, ok := dict.Misspelling(text); ok {
						issues = append(issues, wordIssue{kind: kindMisspelling, span: part.span, word: text, want: []string{fix}, safe: true})
						continue
					}
					base := stripPossessive(text)
					if isCapitalised(base) {
						positional := titleCase || ti == s.FirstToken || afterOpener(doc, ti, s.FirstToken)
						if _, seen := caps[base]; !seen {
							capOrder = append(capOrder, base)
						}
						caps[base] = append(caps[base], occurrence{span: prose.Span{Start: part.span.Start, End: part.span.Start + len(base)}, positional: positional})
						continue
					}
					lower = append(lower, part.span)
				}
			}
		}
	}
	// Lower-case unknown words are judged once every capitalised form is
	// known: "ivana" is a wrong case when the draft writes "Ivana" anywhere.
	for _, span := range lower {
		text := doc.Slice(span)
		base := stripPossessive(text)
		if cap := capitalize(base); len(caps[cap]) > 0 {
			issues = append(issues, wordIssue{kind: kindWrongCase, span: prose.Span{Start: span.Start, End: span.Start + len(base)}, word: base, want: []string{cap}, safe: true})
			continue
		}
		issues = append(issues, wordIssue{kind: kindUnknown, span: span, word: text, want: dict.Suggest(text, 5)})
	}
	return append(issues, judgeCapitalised(dict, caps, capOrder)...)
}

func wrongForm(text string, span prose.Span, want string) wordIssue {
	kind := kindWrongCase
	if !strings.EqualFold(text, want) {
		kind = kindWrongDiacritic
	}
	return wordIssue{kind: kind, span: span, word: text, want: []string{want}, safe: true}
}

// judgeCapitalised decides what each unknown capitalised form is: a near
// miss of a name the draft uses more often (Shvet beside Shvets), a typo of
// a dictionary word (Czeck, Followig), or a name the draft uses
// consistently, which is worth only a note.
func judgeCapitalised(dict *spell.Dict, caps map[string][]occurrence, order []string) []wordIssue {
	var issues []wordIssue
	for _, form := range order {
		occ := caps[form]
		n := len(occ)
		// A name the draft uses more often, one or two edits away.
		best, bestN := "", 0
		for _, other := range order {
			m := len(caps[other])
			if other == form || m <= n || m <= bestN {
				continue
			}
			if closeNames(form, other) {
				best, bestN = other, m
			}
		}
		if best != "" {
			var rel []prose.Span
			for _, o := range caps[best] {
				rel = append(rel, o.span)
			}
			for _, o := range occ {
				issues = append(issues, wordIssue{kind: kindNameVariant, span: o.span, word: form, want: []string{best}, count: n, other: bestN, rel: rel[:1]})
			}
			continue
		}
		positional := true
		for _, o := range occ {
			positional = positional && o.positional
		}
		sugg := dict.Suggest(form, 5)
		if len(sugg) > 0 && looksLikeTypo(form, sugg[0], n, positional) {
			for _, o := range occ {
				issues = append(issues, wordIssue{kind: kindUnknown, span: o.span, word: form, want: sugg, count: n})
			}
			continue
		}
		for _, o := range occ {
			issues = append(issues, wordIssue{kind: kindLearntName, span: o.span, word: form, count: n})
		}
	}
	return issues
}

// looksLikeTypo decides whether an unknown capitalised form is a misspelt
// word rather than a name: one edit from a dictionary word and used at most
// twice, or only ever capitalised by position (sentence start, title case)
// and within two edits of a word.
func looksLikeTypo(form, sugg string, uses int, positional bool) bool {
	if strings.Contains(sugg, " ") {
		return false
	}
	d := editDistance(strings.ToLower(form), strings.ToLower(sugg))
	switch {
	case d <= 1:
		return uses <= 2 || positional
	case d == 2:
		return positional && uses <= 2
	}
	return false
}

// closeNames reports whether two capitalised forms look like one name
// spelt two ways: one edit apart (two for long names), same first letter.
func closeNames(a, b string) bool {
	ra, rb := []rune(a), []rune(b)
	if len(ra) < 4 || len(rb) < 4 || ra[0] != rb[0] {
		return false
	}
	limit := 1
	if len(ra) >= 8 && len(rb) >= 8 {
		limit = 2
	}
	return editDistance(strings.ToLower(a), strings.ToLower(b)) <= limit
}

// checkedPart is one checked piece of a token.
type checkedPart struct {
	span    prose.Span
	verdict spell.Verdict
}

// checkParts checks a token whole and, when a hyphenated compound fails,
// each part, so the finding points at the bad part ("Ex-CiA" → "CiA").
func checkParts(dict *spell.Dict, word string, start int) []checkedPart {
	v := dict.Check(word)
	if v.OK() || !strings.ContainsAny(word, "-‐‑") {
		return []checkedPart{{prose.Span{Start: start, End: start + len(word)}, v}}
	}
	var parts []checkedPart
	off := 0
	for off <= len(word) {
		i := strings.IndexAny(word[off:], "-‐‑")
		end := len(word)
		if i >= 0 {
			end = off + i
		}
		if end > off {
			p := word[off:end]
			pv := dict.Check(p)
			if pv.Status == spell.Unknown && i >= 0 && dict.Check(word[off:end+1]).OK() {
				pv = spell.Verdict{Status: spell.Accepted} // a prefix such as "ex-"
			}
			parts = append(parts, checkedPart{prose.Span{Start: start + off, End: start + end}, pv})
		}
		if i < 0 {
			break
		}
		_, size := utf8.DecodeRuneInString(word[end:])
		off = end + size
	}
	for _, p := range parts {
		if !p.verdict.OK() {
			return parts
		}
	}
	// Every part passes alone but the whole does not: report the whole.
	return []checkedPart{{prose.Span{Start: start, End: start + len(word)}, v}}
}

// enumerator reports a list letter such as the "b" of "b)" or "(c)".
func enumerator(doc *prose.Document, ti int) bool {
	t := doc.Tokens[ti]
	if utf8.RuneCountInString(doc.TokenText(ti)) != 1 {
		return false
	}
	if ti+1 < len(doc.Tokens) && doc.Tokens[ti+1].Start == t.End && doc.TokenText(ti+1) == ")" {
		return true
	}
	return false
}

// afterOpener reports whether token ti follows an opening quote, bracket,
// colon or dash that starts a new phrase, where writers capitalise.
func afterOpener(doc *prose.Document, ti, first int) bool {
	if ti <= first {
		return true
	}
	switch doc.TokenText(ti - 1) {
	case "\"", "“", "‘", "'", "(", "[", ":", "—", "–":
		return true
	}
	return false
}

// isTitleCase reports whether most words of a block are capitalised, as in
// a heading written in title case.
func isTitleCase(doc *prose.Document, b *prose.Block) bool {
	words, caps := 0, 0
	for ti := b.FirstToken; ti < b.EndToken; ti++ {
		if doc.Tokens[ti].Kind != prose.Word {
			continue
		}
		w := doc.TokenText(ti)
		if len(w) <= 3 && !isCapitalised(w) {
			continue // articles and short prepositions stay lower case in titles
		}
		words++
		if isCapitalised(w) {
			caps++
		}
		if words > 20 {
			return false
		}
	}
	return words >= 2 && caps*4 >= words*3
}

func isCapitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

func capitalize(w string) string {
	r, size := utf8.DecodeRuneInString(w)
	return string(unicode.ToUpper(r)) + w[size:]
}

// stripPossessive removes a final 's, ’s, s' or s’.
func stripPossessive(w string) string {
	for _, suf := range []string{"'s", "’s", "'S", "’S"} {
		if strings.HasSuffix(w, suf) {
			return w[:len(w)-len(suf)]
		}
	}
	return w
}

// editDistance is the optimal-string-alignment distance between a and b,
// counting runes: insertions, deletions, substitutions and transpositions
// of neighbours each cost one.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	if len(ra) < len(rb) {
		ra, rb = rb, ra
	}
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}
