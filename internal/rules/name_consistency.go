package rules

import (
	"fmt"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/edlint/edlint/dict"
	"github.com/edlint/edlint/internal/prose"
	"github.com/edlint/edlint/internal/spell"
)

type nameConsistency struct{}

// NameConsistency reports a proper name written two ways in one draft
// where the names rules do not already: multi-word names with a small word
// inserted or dropped (Ministry of Interior / Ministry of the Interior),
// two listed names one letter apart when one is clearly a slip for the
// other (Kruchkov beside Kryuchkov), and unlisted names written with and
// without diacritics.
func NameConsistency() Rule { return nameConsistency{} }

func (nameConsistency) Meta() Meta {
	return Meta{
		Name:     "name-consistency",
		Category: Consistency,
		Severity: Warning,
		Summary:  "a proper name written in two forms in one draft",
		Doc: "A name spelt two ways is the slip a spell checker passes: both forms may be in a dictionary. " +
			"The rule compares the names the draft uses (and the files checked with it) and reports the " +
			"form used less, suggesting the form used more, with a related span at that form's first use:\n\n" +
			"- multi-word names that differ only in a small word or its case (`Ministry of Interior` / " +
			"`Ministry of the Interior`, `Committee For State Security` / `Committee for State Security`); " +
			"on a tie the form a name list holds, then the fuller form, wins;\n" +
			"- two listed names one letter apart (`Kruchkov` / `Kryuchkov`) when the draft uses one at least " +
			"twice as often, neither is a common word or a frequent name (`Iran`/`Iraq`, `John`/`Joan` are " +
			"different entities) and they do not follow different given names;\n" +
			"- unlisted names written with and without diacritics (`Dvořák` / `Dvorak`).\n\n" +
			"Single words the dictionary does not know and that are one edit from another form are the names " +
			"rules' (name-variant, name-case, name-diacritics), so they are not reported twice. Silence a " +
			"deliberate pair by writing one of them into the draft's word list (`edlint-words:`).",
		Before: "He joined the Ministry of the Interior in 1985. The Ministry of Interior denied it.\n",
		After:  "He joined the Ministry of the Interior in 1985. The Ministry of the Interior denied it.\n",
	}
}

// nameOcc is one use of a capitalised word.
type nameOcc struct {
	span prose.Span
	// given is the capitalised word right before it ("Vladimir" before
	// "Kryuchkov"), or "".
	given string
}

// namePhrase is one use of a multi-word name.
type namePhrase struct {
	span    prose.Span
	surface string // the words joined by single spaces
	key     string // the content words with the small words lower-cased and articles dropped
	content string // the content words as written
	title   bool   // in a heading or a title-case line, where small words may be capitalised
}

type nameFacts struct {
	words   map[string]*[]nameOcc
	order   []string
	phrases []namePhrase
}

// connectors are the small words inside multi-word names.
var connectors = map[string]bool{
	"of": true, "the": true, "for": true, "on": true, "de": true, "du": true, "des": true, "del": true,
	"della": true, "di": true, "da": true, "la": true, "le": true, "al": true, "bin": true, "ibn": true,
	"von": true, "van": true, "der": true, "den": true, "dos": true, "das": true,
}

// articles are the connectors a writer drops or inserts without meaning
// another name.
var articles = map[string]bool{"the": true}

func nameWords(doc *prose.Document) nameFacts {
	f := nameFacts{words: map[string]*[]nameOcc{}}
	for bi := range doc.Blocks {
		b := &doc.Blocks[bi]
		title := b.Kind == prose.Heading || isTitleCase(doc, b)
		for si := b.FirstSentence; si < b.EndSentence; si++ {
			s := doc.Sentences[si]
			for ti := s.FirstToken; ti < s.EndToken; ti++ {
				t := doc.Tokens[ti]
				if t.Kind != prose.Word {
					continue
				}
				w := stripPossessive(doc.Text[t.Start:t.End])
				if !nameLike(w) {
					continue
				}
				occ := nameOcc{span: prose.Span{Start: t.Start, End: t.Start + len(w)}}
				if ti > s.FirstToken {
					prev := doc.Tokens[ti-1]
					if pw := doc.Text[prev.Start:prev.End]; prev.Kind == prose.Word && prev.End+1 == t.Start && nameLike(pw) {
						occ.given = pw
					}
				}
				uses := f.words[w]
				if uses == nil {
					uses = &[]nameOcc{}
					f.words[w] = uses
					f.order = append(f.order, w)
				}
				*uses = append(*uses, occ)
			}
			f.phrases = appendPhrases(doc, s, title, f.phrases)
		}
	}
	return f
}

// nameLike reports a capitalised word of letters with a lower-case letter
// after the first (not an acronym or a heading in capitals).
func nameLike(w string) bool {
	r, size := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) || len(w) < 3 {
		return false
	}
	lower := false
	for _, r := range w[size:] {
		if !unicode.IsLetter(r) && !unicode.Is(unicode.Mn, r) {
			return false
		}
		if unicode.IsLower(r) {
			lower = true
		}
	}
	return lower
}

// appendPhrases finds the multi-word names of sentence s: runs of
// capitalised words joined by single spaces and small words, with at least
// two capitalised words. A leading "The" is left out.
func appendPhrases(doc *prose.Document, s prose.Sentence, title bool, out []namePhrase) []namePhrase {
	ti := s.FirstToken
	for ti < s.EndToken {
		t := doc.Tokens[ti]
		if t.Kind != prose.Word || !isCapitalised(doc.Text[t.Start:t.End]) || isConnector(doc.Text[t.Start:t.End]) {
			ti++
			continue
		}
		// Extend the run.
		end := ti + 1
		lastContent := ti
		prevConnector := false
		for end < s.EndToken {
			n := doc.Tokens[end]
			if n.Kind != prose.Word || n.Gap || n.Start != doc.Tokens[end-1].End+1 || doc.Text[n.Start-1] != ' ' {
				break
			}
			w := doc.Text[n.Start:n.End]
			if isConnector(w) {
				if strings.EqualFold(w, "the") && !prevConnector {
					break // "Washington the President": the article starts a new phrase
				}
				prevConnector = true
				end++
				continue
			}
			if !isCapitalised(w) {
				break
			}
			prevConnector = false
			lastContent = end
			end++
			if strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s") {
				break
			}
		}
		// A run without a small word inside cannot be a variant of another:
		// the forms compared differ only in their small words.
		if lastContent > ti && hasConnector(doc, ti+1, lastContent) {
			out = append(out, makePhrase(doc, ti, lastContent+1, title))
		}
		ti = lastContent + 1
	}
	return out
}

func makePhrase(doc *prose.Document, first, end int, title bool) namePhrase {
	var surface, key, content []string
	for i := first; i < end; i++ {
		w := doc.TokenText(i)
		if i == end-1 {
			w = stripPossessive(w)
		}
		surface = append(surface, w)
		lw := strings.ToLower(w)
		switch {
		case articles[lw]:
		case connectors[lw]:
			key = append(key, lw)
		default:
			key = append(key, w)
			content = append(content, w)
		}
	}
	last := doc.Tokens[end-1]
	span := prose.Span{Start: doc.Tokens[first].Start, End: last.Start + len(surface[len(surface)-1])}
	return namePhrase{span: span, surface: strings.Join(surface, " "), key: strings.Join(key, " "), content: strings.Join(content, " "), title: title}
}

// listedPhrases are the multi-word entries of the name lists, for the
// tie-break between two forms of a multi-word name.
var listedPhrases = sync.OnceValue(func() map[string]bool {
	out := map[string]bool{}
	for _, name := range []string{"organizations.txt", "people.txt", "countries.txt", "cities.txt"} {
		b, err := dict.Read("names/" + name)
		if err != nil {
			continue
		}
		for _, line := range strings.Split(string(b), "\n") {
			if line = strings.TrimSpace(line); line != "" && line[0] != '#' && strings.Contains(line, " ") {
				out[line] = true
			}
		}
	}
	return out
})

// nameUse is a use of a name form somewhere in the set of documents.
type nameUse struct {
	doc *prose.Document
	occ nameOcc
}

// pendingFinding is a finding decided once for the whole set of
// documents, reported by the pass of the document it is in.
type pendingFinding struct {
	doc     *prose.Document
	span    prose.Span
	message string
	want    string
	relDoc  *prose.Document
	relSpan prose.Span
	relMsg  string
}

// reportPending reports the pending findings that lie in p.Doc.
func reportPending(p *Pass, pend []pendingFinding) {
	for _, pf := range pend {
		if pf.doc != p.Doc {
			continue
		}
		f := Finding{Span: pf.span, Message: pf.message, Suggestions: []string{pf.want}}
		if pf.relDoc != nil {
			f.Related = []Related{relatedIn(p, pf.relDoc, pf.relSpan, pf.relMsg)}
		}
		p.Report(f)
	}
}

func (nameConsistency) Check(p *Pass) {
	pend := setMemo(p, "consistency.nameFindings", func() any {
		all := gather(p, "consistency.names", nameWords)
		return append(checkPhrases(p, all), checkNameWords(p, all)...)
	}).([]pendingFinding)
	reportPending(p, pend)
}

func checkPhrases(p *Pass, all []docFacts[nameFacts]) (out []pendingFinding) {
	type form struct {
		surface string
		uses    []nameUse
		title   bool // every use is in a title-case line
	}
	byKey := map[string]map[string]*form{}
	var keys []string
	for _, df := range all {
		for _, ph := range df.facts.phrases {
			m := byKey[ph.key]
			if m == nil {
				m = map[string]*form{}
				byKey[ph.key] = m
				keys = append(keys, ph.key)
			}
			fm := m[ph.surface]
			if fm == nil {
				fm = &form{surface: ph.surface, title: true}
				m[ph.surface] = fm
			}
			fm.uses = append(fm.uses, nameUse{df.doc, nameOcc{span: ph.span}})
			fm.title = fm.title && ph.title
		}
	}
	listed := listedPhrases()
	for _, k := range keys {
		m := byKey[k]
		if len(m) < 2 {
			continue
		}
		forms := make([]*form, 0, len(m))
		for _, fm := range m {
			forms = append(forms, fm)
		}
		// Most used first; then the listed form, the fuller form, the
		// surface, for a stable order.
		sort.Slice(forms, func(i, j int) bool {
			a, b := forms[i], forms[j]
			if len(a.uses) != len(b.uses) {
				return len(a.uses) > len(b.uses)
			}
			if listed[a.surface] != listed[b.surface] {
				return listed[a.surface]
			}
			if na, nb := strings.Count(a.surface, " "), strings.Count(b.surface, " "); na != nb {
				return na > nb
			}
			// Small words are lower case inside a sentence (bin, al).
			if ua, ub := upperConnectors(a.surface), upperConnectors(b.surface); ua != ub {
				return ua < ub
			}
			return a.surface < b.surface
		})
		major := forms[0]
		for _, fm := range forms[1:] {
			if fm.title && strings.EqualFold(fm.surface, major.surface) {
				continue // "Committee For State Security" in a title-case heading
			}
			for _, u := range fm.uses {
				mu := major.uses[0]
				out = append(out, pendingFinding{
					doc: u.doc, span: u.occ.span,
					message: variantMessage(fm.surface, major.surface, len(fm.uses), len(major.uses)),
					want:    major.surface,
					relDoc:  mu.doc, relSpan: mu.occ.span, relMsg: fmt.Sprintf("written %q here", major.surface),
				})
			}
		}
	}
	return out
}

// frequentName is the SUBTLEX-US count above which a listed name is
// common enough that a near miss of it is another entity (Iraq, Joan).
const frequentName = 20

func checkNameWords(p *Pass, all []docFacts[nameFacts]) (out []pendingFinding) {
	d := p.Dict
	uses := map[string][]nameUse{}
	var order []string
	for _, df := range all {
		for _, w := range df.facts.order {
			if _, ok := uses[w]; !ok {
				order = append(order, w)
			}
			for _, o := range *df.facts.words[w] {
				uses[w] = append(uses[w], nameUse{df.doc, o})
			}
		}
	}
	// Candidates: forms whose lower case is no English word (Will, Swede,
	// Bush are words), with their dictionary status.
	status := map[string]spell.Status{}
	var cands []string
	for _, w := range order {
		if d.Check(strings.ToLower(w)).Status == spell.Accepted {
			continue
		}
		status[w] = d.Check(w).Status
		cands = append(cands, w)
	}
	// Pair forms one deletion apart, or with one folded key (case and
	// diacritics), through a table of their deletion neighborhoods.
	buckets := map[string][]int{}
	for i, w := range cands {
		for _, k := range deletions(foldName(w)) {
			buckets[k] = append(buckets[k], i)
		}
	}
	seen := map[[2]int]bool{}
	for _, ids := range buckets {
		if len(ids) < 2 || len(ids) > 8 {
			continue
		}
		for x := 0; x < len(ids); x++ {
			for y := x + 1; y < len(ids); y++ {
				i, j := ids[x], ids[y]
				if i == j || seen[[2]int{i, j}] {
					continue
				}
				seen[[2]int{i, j}] = true
				out = append(out, judgeNamePair(p, cands[i], cands[j], uses, status)...)
			}
		}
	}
	// The buckets are a map: sort for a stable order.
	sort.SliceStable(out, func(i, j int) bool { return out[i].span.Start < out[j].span.Start })
	return out
}

// judgeNamePair decides whether two forms are one name and reports the
// minority form's uses in p.Doc.
func judgeNamePair(p *Pass, a, b string, uses map[string][]nameUse, status map[string]spell.Status) []pendingFinding {
	ua, ub := uses[a], uses[b]
	if len(ua) < len(ub) || len(ua) == len(ub) && hasFewerMarks(a, b) {
		a, b, ua, ub = b, a, ub, ua
	}
	// a is the majority form, b the minority.
	fa, fb := foldName(a), foldName(b)
	sameFold := fa == fb
	if !sameFold {
		ra, rb := []rune(fa), []rune(fb)
		if ra[0] != rb[0] || spell.Distance(fa, fb) != 1 || len(ra) < 5 || len(rb) < 5 {
			return nil
		}
	}
	switch {
	case status[b] != spell.Accepted:
		// The names rules own an unknown word near another form, and a
		// listed name in the wrong case or without its diacritics.
		if !sameFold || status[b] == spell.WrongForm || closeNames(b, a) {
			return nil
		}
		if len(ua) == len(ub) && !hasFewerMarks(b, a) {
			return nil
		}
	case status[a] != spell.Accepted:
		return nil // the dictionary knows the minority form: not a slip for the majority
	default:
		// Both listed: two real names one letter apart are usually two
		// entities (Iran, Iraq; Edwin, Erwin; Sunni, Sunnis). One is a
		// slip for the other only when the draft uses it at least twice as
		// often, neither is frequent, the letters differ inside the word
		// (not an ending: Bosnia, Bosnian) and the two follow the same
		// given name (Vladimir Kryuchkov, Vladimir Kruchkov).
		if sameFold || len(ua) < 2 || len(ua) < 2*len(ub) {
			return nil
		}
		if p.Dict.Freq(a) >= frequentName || p.Dict.Freq(b) >= frequentName {
			return nil
		}
		if differAtEnd(fa, fb) || !sameGiven(ua, ub) {
			return nil
		}
	}
	out := make([]pendingFinding, 0, len(ub))
	for _, u := range ub {
		mu := ua[0]
		out = append(out, pendingFinding{
			doc: u.doc, span: u.occ.span,
			message: variantMessage(b, a, len(ub), len(ua)),
			want:    a,
			relDoc:  mu.doc, relSpan: mu.occ.span, relMsg: fmt.Sprintf("written %q here", a),
		})
	}
	return out
}

// sameGiven reports whether every use of the minority form follows a
// capitalised word that also precedes the majority form: the given name
// that shows both forms name one person.
func sameGiven(major, minor []nameUse) bool {
	givens := map[string]bool{}
	for _, u := range major {
		if u.occ.given != "" {
			givens[u.occ.given] = true
		}
	}
	for _, u := range minor {
		if !givens[u.occ.given] {
			return false
		}
	}
	return true
}

// differAtEnd reports whether two folded forms differ only in their last
// two letters: an ending (Sunni, Sunnis; Islamist, Islamism), not a slip.
func differAtEnd(a, b string) bool {
	ra, rb := []rune(a), []rune(b)
	n := 0
	for n < len(ra) && n < len(rb) && ra[n] == rb[n] {
		n++
	}
	return n >= min(len(ra), len(rb))-2
}

// hasFewerMarks reports whether a has fewer non-ASCII letters than b
// (Dvorak against Dvořák): the form a writer drops marks from.
func hasFewerMarks(a, b string) bool {
	return nonASCII(a) < nonASCII(b)
}

func nonASCII(s string) int {
	n := 0
	for _, r := range s {
		if r >= utf8.RuneSelf {
			n++
		}
	}
	return n
}

// foldName lower-cases w and strips its diacritics.
func foldName(w string) string {
	if isLowerASCII(w) {
		return w
	}
	var b strings.Builder
	for _, r := range strings.ToLower(w) {
		if r < utf8.RuneSelf {
			b.WriteRune(r)
			continue
		}
		b.WriteString(stripMark(r))
	}
	return b.String()
}

// deletions returns w and every string made by deleting one rune of it.
func deletions(w string) []string {
	out := []string{w}
	for i, r := range w {
		out = append(out, w[:i]+w[i+utf8.RuneLen(r):])
	}
	return out
}

// stripMark returns r without its diacritics, lower case; letters with a
// stroke are spelt out as writers type them (ł → l, ø → o).
func stripMark(r rune) string {
	switch r {
	case 'ł':
		return "l"
	case 'ø':
		return "o"
	case 'đ', 'ð':
		return "d"
	case 'ß':
		return "ss"
	case 'æ':
		return "ae"
	case 'œ':
		return "oe"
	case 'ı':
		return "i"
	}
	var b strings.Builder
	for _, m := range norm.NFD.String(string(r)) {
		if !unicode.Is(unicode.Mn, m) {
			b.WriteRune(m)
		}
	}
	return b.String()
}

// variantMessage says that form (used n times) is written want elsewhere
// (m times).
func variantMessage(form, want string, n, m int) string {
	if n == m {
		return fmt.Sprintf("%q is written %q elsewhere; use one form", form, want)
	}
	return fmt.Sprintf("%q is written %q elsewhere (%s against %s)", form, want, times(m), times(n))
}

// hasConnector reports whether a small word lies among tokens [from, to).
func hasConnector(doc *prose.Document, from, to int) bool {
	for i := from; i < to; i++ {
		if t := doc.Tokens[i]; isConnector(doc.Text[t.Start:t.End]) {
			return true
		}
	}
	return false
}

// upperConnectors counts the small words of a name written with a capital.
func upperConnectors(surface string) int {
	n := 0
	for _, w := range strings.Fields(surface) {
		if connectors[strings.ToLower(w)] && isCapitalised(w) {
			n++
		}
	}
	return n
}

// isConnector reports whether w, in any case, is one of the small words
// inside names, without allocating.
func isConnector(w string) bool {
	if len(w) < 2 || len(w) > 5 {
		return false
	}
	var buf [5]byte
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return connectors[string(buf[:len(w)])]
}
