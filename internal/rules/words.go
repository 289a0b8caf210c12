package rules

import (
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
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

// suggestCache remembers the suggestions for each distinct word of a
// document: suggesting is the costly step, and a draft repeats its unknown
// words.
type suggestCache struct {
	*spell.Dict
	memo map[string][]string
	// checks memoises Check: a document repeats its words, and a map
	// lookup costs less than the dictionary's normalising lookups.
	checks map[string]spell.Verdict
	uses   map[string]int // the document's words, lower case, by count; nil until needed
	size   int            // the number of words in the document
}

// Check is Dict.Check, computed once per distinct word.
func (c *suggestCache) Check(w string) spell.Verdict {
	if v, ok := c.checks[w]; ok {
		return v
	}
	v := c.Dict.Check(w)
	c.checks[w] = v
	return v
}

// Suggest returns the dictionary's suggestions for w, computed once; the
// caller may not modify the result.
func (c *suggestCache) Suggest(w string, n int) []string {
	if s, ok := c.memo[w]; ok {
		return s
	}
	s := c.Dict.Suggest(w, n)
	c.memo[w] = s
	return s
}

// SuggestIn is Suggest for a word of doc between neighbours prev and
// next, ranked with them and with the words doc uses (see
// spell.Dict.SuggestIn), computed once per word and context.
func (c *suggestCache) SuggestIn(doc *prose.Document, w, prev, next string, n int) []string {
	key := w + "\x00" + prev + "\x00" + next
	if s, ok := c.memo[key]; ok {
		return s
	}
	if c.uses == nil {
		c.uses, c.size = wordUses(doc)
	}
	uses := c.uses
	ctx := spell.Context{Prev: prev, Next: next, Uses: func(w string) int { return uses[w] }, Size: c.size}
	s := c.Dict.SuggestIn(w, ctx, n)
	c.memo[key] = s
	return s
}

// suggestJob is one unknown word of a document awaiting suggestions.
type suggestJob struct {
	issue            int // index of its wordIssue
	word, prev, next string
}

// suggestAll computes the suggestions of jobs not yet memoised, on up to
// GOMAXPROCS goroutines: each distinct word costs a dictionary search, and
// a draft's first lint is mostly these searches. Results go to the memo in
// job order, so the findings do not depend on the schedule.
func (c *suggestCache) suggestAll(doc *prose.Document, jobs []suggestJob, n int) {
	if runtime.GOMAXPROCS(0) < 2 || len(jobs) < 2 {
		return // SuggestIn computes each on demand
	}
	if c.uses == nil {
		c.uses, c.size = wordUses(doc)
	}
	uses := c.uses
	var keys []string
	var todo []suggestJob
	seen := map[string]bool{}
	for _, j := range jobs {
		key := j.word + "\x00" + j.prev + "\x00" + j.next
		if _, ok := c.memo[key]; ok || seen[key] {
			continue
		}
		seen[key] = true
		keys = append(keys, key)
		todo = append(todo, j)
	}
	out := make([][]string, len(todo))
	each(len(todo), func(i int) {
		j := todo[i]
		ctx := spell.Context{Prev: j.prev, Next: j.next, Uses: func(w string) int { return uses[w] }, Size: c.size}
		out[i] = c.Dict.SuggestIn(j.word, ctx, n)
	})
	for i, key := range keys {
		c.memo[key] = out[i]
	}
}

// suggestForms is suggestAll for context-free Suggest calls. On one core
// it does nothing: some of the forms may never need a guess.
func (c *suggestCache) suggestForms(forms []string, n int) {
	if runtime.GOMAXPROCS(0) < 2 || len(forms) < 2 {
		return
	}
	var todo []string
	for _, f := range forms {
		if _, ok := c.memo[f]; !ok {
			todo = append(todo, f)
		}
	}
	out := make([][]string, len(todo))
	each(len(todo), func(i int) { out[i] = c.Dict.Suggest(todo[i], n) })
	for i, f := range todo {
		c.memo[f] = out[i]
	}
}

// each calls f(0) … f(n-1) on up to GOMAXPROCS goroutines.
func each(n int, f func(i int)) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), n) {
		wg.Go(func() {
			for {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				f(i)
			}
		})
	}
	wg.Wait()
}

// wordUses counts the word tokens of doc by form, lower case with
// straight apostrophes, and in all.
func wordUses(doc *prose.Document) (uses map[string]int, size int) {
	// Count the forms as written first (no allocation per token: the keys
	// share the document's text), then fold the far fewer distinct forms.
	raw := map[string]int{}
	for ti, t := range doc.Tokens {
		if t.Kind == prose.Word {
			raw[doc.TokenText(ti)]++
			size++
		}
	}
	uses = make(map[string]int, len(raw))
	for w, n := range raw {
		uses[strings.ReplaceAll(strings.ToLower(w), "’", "'")] += n
	}
	return uses, size
}

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
	// compound marks an unknown word made of two dictionary words, reported
	// as information only.
	compound bool
	sev      Severity // overrides the rule's severity when set
	rel      []prose.Span
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

func judgeWords(doc *prose.Document, d *spell.Dict) []wordIssue {
	dict := &suggestCache{Dict: d, memo: map[string][]string{}, checks: map[string]spell.Verdict{}}
	var issues []wordIssue
	// Unknown capitalised forms are judged after the whole draft is read:
	// how often the draft uses a form decides whether it is a name.
	caps := map[string][]occurrence{}
	var capOrder []string
	var lower []lowerWord
	var parts []checkedPart // reused for every token
	names := newDraftNames()
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
				if fragment(doc, ti) {
					continue
				}
				word := doc.TokenText(ti)
				parts = checkParts(dict, word, t.Start, parts[:0])
				for _, part := range parts {
					v := part.verdict
					text := doc.Slice(part.span)
					if v.Status != spell.Accepted && acronymPlural(text) {
						continue
					}
					switch v.Status {
					case spell.Accepted:
						base := stripPossessive(text)
						names.add(dict, base, prose.Span{Start: part.span.Start, End: part.span.Start + len(base)})
						continue
					case spell.WrongForm:
						if text == "i" || houseStyle(text, v.Want) || urlFragment(doc, ti) {
							continue // the pronoun "i" is the mechanics rules' business
						}
						issues = append(issues, wrongForm(text, part.span, v.Want))
						continue
					}
					if fix, ok := dict.Misspelling(text); ok {
						issues = append(issues, misspelling(dict, text, fix, part.span))
						continue
					}
					if derived(dict, text) {
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
					lw := lowerWord{span: part.span}
					if part.span == t.Span {
						lw.prev, lw.next = neighbours(doc, s, ti)
					}
					lower = append(lower, lw)
				}
			}
		}
	}
	// Lower-case unknown words are judged once every capitalised form is
	// known: "ivana" is a wrong case when the draft writes "Ivana" as a name
	// (mid-sentence) more often than it writes "ivana".
	lowerUses := map[string]int{}
	for _, lw := range lower {
		lowerUses[stripPossessive(doc.Slice(lw.span))]++
	}
	var pending []suggestJob // unknown words whose suggestions are computed together
	for _, lw := range lower {
		span := lw.span
		text := doc.Slice(span)
		base := stripPossessive(text)
		if capForm := capitalize(base); namedUses(caps[capForm]) > lowerUses[base] {
			issues = append(issues, wordIssue{kind: kindWrongCase, span: prose.Span{Start: span.Start, End: span.Start + len(base)}, word: base, want: []string{capForm}, safe: true})
			continue
		}
		is := wordIssue{kind: kindUnknown, span: span, word: text}
		switch a, b, ok := closedCompound(dict, base); {
		case ok && isCapitalised(b):
			// "theTaliban": a space lost in conversion.
			is.compound = true
			is.want = []string{a + " " + b}
		case ok:
			// Two dictionary words run together: a compound the lists lack
			// (watchlist, rulemaking) more often than a typo. A note, with the
			// open and hyphenated forms; the consistency rules catch a draft
			// that writes it two ways. No dictionary guess is needed.
			is.compound = true
			is.want = []string{a + "-" + b, a + " " + b}
		default:
			pending = append(pending, suggestJob{issue: len(issues), word: text, prev: lw.prev, next: lw.next})
		}
		issues = append(issues, is)
	}
	dict.suggestAll(doc, pending, 5)
	for _, j := range pending {
		issues[j.issue].want = dict.SuggestIn(doc, j.word, j.prev, j.next, 5)
	}
	for _, form := range capOrder {
		if names.counts[form] == 0 {
			names.first[form] = caps[form][0].span
		}
		names.counts[form] += len(caps[form])
		names.index(form)
	}
	softenAnglicised(issues, doc.Text)
	// The capitalised forms used once or twice may need a dictionary
	// guess (judgeCapitalised): search for them together too.
	var capJobs []string
	for _, form := range capOrder {
		if len(caps[form]) <= 2 {
			capJobs = append(capJobs, form)
		}
	}
	dict.suggestForms(capJobs, 5)
	return append(issues, judgeCapitalised(dict, caps, capOrder, names)...)
}

// productivePrefixes make new words from known ones: nonfederal,
// interagency, reengineer. A prefix joined to a known word of four or more
// letters is accepted, as hunspell's affix rules do for listed stems.
var productivePrefixes = []string{
	"anti", "co", "counter", "cross", "inter", "intra", "micro", "mid", "multi", "non", "over",
	"post", "pre", "re", "semi", "sub", "super", "trans", "un", "under",
}

// productiveSuffixes make agent nouns and the like from known words:
// commenters, requesters, selectees, generalizability.
var productiveSuffixes = []string{"er", "ers", "ee", "ees", "ability", "wide"}

// derived reports whether a lower-case word is a productive derivation of
// a known word.
func derived(dict *suggestCache, w string) bool {
	if len(w) < 7 || strings.ToLower(w) != w {
		return false
	}
	if strings.HasSuffix(w, "als") && dict.Check(w[:len(w)-1]).OK() {
		return true // adjectives used as nouns: tribals, nationals
	}
	for _, p := range productivePrefixes {
		if stem, ok := strings.CutPrefix(w, p); ok && len(stem) >= 4 && dict.Check(stem).OK() {
			return true
		}
	}
	for _, suf := range productiveSuffixes {
		stem, ok := strings.CutSuffix(w, suf)
		if !ok || len(stem) < 4 {
			continue
		}
		if dict.Check(stem).OK() || dict.Check(stem+"e").OK() || strings.HasSuffix(suf, "ability") && dict.Check(stem+"able").OK() {
			return true
		}
	}
	return false
}

// acronymPlural reports an all-caps acronym with a plural s (FTEs, SARs).
func acronymPlural(w string) bool {
	stem, ok := strings.CutSuffix(stripPossessive(w), "s")
	if !ok || len(stem) < 2 || len(stem) > 6 {
		return false
	}
	for i := 0; i < len(stem); i++ {
		if stem[i] < 'A' || stem[i] > 'Z' {
			return false
		}
	}
	return true
}

// closedCompound splits w into two dictionary words of three or more
// letters each, preferring the most even split.
func closedCompound(dict *suggestCache, w string) (string, string, bool) {
	if len(w) < 7 || !isLowerASCIIStart(w) {
		return "", "", false
	}
	best := -1
	for i := 2; i <= len(w)-3; i++ {
		if i == 2 && len(w)-i < 5 {
			continue // "infact", "aswell": too short to be a compound
		}
		if dict.Check(w[:i]).OK() && dict.Check(w[i:]).OK() {
			if best < 0 || abs(len(w)-2*i) < abs(len(w)-2*best) {
				best = i
			}
		}
	}
	if best < 0 {
		return "", "", false
	}
	return w[:best], w[best:], true
}

func removeString(ss []string, x string) []string {
	out := ss[:0:0]
	for _, s := range ss {
		if s != x {
			out = append(out, s)
		}
	}
	return out
}

func isLowerASCIIStart(w string) bool { return w[0] >= 'a' && w[0] <= 'z' }

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// houseStyle reports a case difference that is a matter of style, not an
// error: an acronym written as a word (Nasdaq, Nato), a CamelCase name
// whose letters form a common word (DeLay, WorldWide), and one- or
// two-letter lower-case pieces of names (el, st).
func houseStyle(typed, want string) bool {
	if !strings.EqualFold(typed, want) {
		return false // a diacritic difference
	}
	switch {
	case shapeOf(typed) == shapeTitle && shapeOf(want) == shapeUpper:
		return true
	case shapeOf(typed) == shapeMixed && shapeOf(want) != shapeUpper && shapeOf(want) != shapeMixed:
		return true
	case shapeOf(typed) == shapeLower && utf8.RuneCountInString(typed) <= 2:
		return true
	}
	return false
}

type caseShape uint8

const (
	shapeLower caseShape = iota
	shapeTitle           // first letter upper, the rest lower
	shapeUpper
	shapeMixed // inner capitals: CiA, DeLay, iPhone
)

func shapeOf(w string) caseShape {
	upper, lower, firstUpper := 0, 0, false
	for i, r := range w {
		switch {
		case unicode.IsUpper(r):
			upper++
			if i == 0 {
				firstUpper = true
			}
		case unicode.IsLower(r):
			lower++
		}
	}
	switch {
	case upper == 0:
		return shapeLower
	case lower == 0:
		return shapeUpper
	case upper == 1 && firstUpper:
		return shapeTitle
	}
	return shapeMixed
}

// urlFragment reports a word glued by dots or slashes to its neighbours, a
// piece of a web address broken by extraction (www.gao.gov, index.html).
func urlFragment(doc *prose.Document, ti int) bool {
	t := doc.Tokens[ti]
	glued := func(j int) bool {
		s := doc.TokenText(j)
		return s == "." || s == "/"
	}
	return ti > 0 && doc.Tokens[ti-1].End == t.Start && glued(ti-1) ||
		ti+1 < len(doc.Tokens) && doc.Tokens[ti+1].Start == t.End && glued(ti+1) && ti+2 < len(doc.Tokens) && doc.Tokens[ti+2].Start == doc.Tokens[ti+1].End
}

// namedUses counts the uses of a capitalised form mid-sentence, where only
// a name is capitalised.
func namedUses(occ []occurrence) int {
	n := 0
	for _, o := range occ {
		if !o.positional {
			n++
		}
	}
	return n
}

// draftNames counts the names a draft uses: capitalised forms that are not
// just capitalised dictionary words, known to a list or not.
type draftNames struct {
	counts  map[string]int
	first   map[string]prose.Span // where each name is first used
	byFirst map[rune][]string
	isName  map[string]bool // memo of the dictionary test per form
}

func newDraftNames() *draftNames {
	return &draftNames{counts: map[string]int{}, first: map[string]prose.Span{}, byFirst: map[rune][]string{}, isName: map[string]bool{}}
}

// add counts an accepted token if it is a name.
func (n *draftNames) add(dict *suggestCache, form string, span prose.Span) {
	if !isCapitalised(form) {
		return
	}
	name, seen := n.isName[form]
	if !seen {
		name = !dict.Check(strings.ToLower(form)).OK() && !strings.ContainsAny(form, "-‐‑.") && utf8.RuneCountInString(form) >= 4
		n.isName[form] = name
	}
	if name {
		n.counts[form]++
		if n.counts[form] == 1 {
			n.first[form] = span
			n.index(form)
		}
	}
}

func (n *draftNames) index(form string) {
	r, _ := utf8.DecodeRuneInString(form)
	n.byFirst[r] = append(n.byFirst[r], form)
}

// closest returns the name the draft uses most often, more often than
// uses, that closeNames pairs with form.
func (n *draftNames) closest(form string, uses int) (string, int) {
	r, _ := utf8.DecodeRuneInString(form)
	best, bestN := "", uses
	for _, other := range n.byFirst[r] {
		m := n.counts[other]
		if other == form || m <= bestN || !closeNames(form, other) {
			continue
		}
		best, bestN = other, m
	}
	return best, bestN
}

func wrongForm(text string, span prose.Span, want string) wordIssue {
	kind := kindWrongCase
	if !strings.EqualFold(text, want) {
		kind = kindWrongDiacritic
	}
	return wordIssue{kind: kind, span: span, word: text, want: []string{want}, safe: true}
}

// misspelling turns a hit in misspell's list into an issue. The list's
// correction is a safe fix only when no dictionary word is closer to what
// was typed: the list maps some singular typos to plurals (the seed's typo of
// "relationship" becomes "relationships"), and then the closer word is the better
// guess and a human should choose.
func misspelling(dict *suggestCache, text, fix string, span prose.Span) wordIssue {
	d := spell.Distance(strings.ToLower(text), strings.ToLower(fix))
	if sugg := dict.Suggest(text, 5); len(sugg) > 0 && sugg[0] != fix && !strings.Contains(sugg[0], " ") &&
		spell.Distance(strings.ToLower(text), strings.ToLower(sugg[0])) < d {
		return wordIssue{kind: kindUnknown, span: span, word: text, want: append(sugg[:len(sugg):len(sugg)], fix)}
	}
	return wordIssue{kind: kindMisspelling, span: span, word: text, want: []string{fix}, safe: true}
}

// softenAnglicised turns a missing diacritic into a note when English
// commonly drops it: one mark (Podesta for Podestà, Krakow for Kraków) on a
// name the draft never writes with it. A draft that writes the name both
// ways, or a name with several marks dropped (Zelnickova), stays an error.
func softenAnglicised(issues []wordIssue, text string) {
	// Each wanted form is searched for once: a long document repeats the
	// same anglicised name, and every search reads the whole text.
	written := map[string]bool{}
	for i := range issues {
		is := &issues[i]
		if is.kind != kindWrongDiacritic || len(is.want) == 0 {
			continue
		}
		in, ok := written[is.want[0]]
		if !ok {
			in = strings.Contains(text, is.want[0])
			written[is.want[0]] = in
		}
		if in {
			continue
		}
		if diacriticsDropped(is.word, is.want[0]) <= 1 {
			is.sev = Info
		}
	}
}

// diacriticsDropped counts the letters of want that carry a mark typed
// differs on.
func diacriticsDropped(typed, want string) int {
	t, w := []rune(typed), []rune(want)
	if len(t) != len(w) {
		return len(w) // a different shape: count it as many
	}
	n := 0
	for i := range w {
		if t[i] != w[i] && unicode.ToLower(t[i]) != unicode.ToLower(w[i]) {
			n++
		}
	}
	return n
}

// judgeCapitalised decides what each unknown capitalised form is: a near
// miss of a name the draft uses more often (Shvet beside Shvets), a typo of
// a dictionary word (Czeck, Followig), or a name the draft uses
// consistently, which is worth only a note.
func judgeCapitalised(dict *suggestCache, caps map[string][]occurrence, order []string, names *draftNames) []wordIssue {
	var issues []wordIssue
	for _, form := range order {
		occ := caps[form]
		n := len(occ)
		// A name the draft uses much more often, one or two edits away. A
		// form used three times or more is deliberate: a different person
		// (Shehri and Shehhi) or a transliteration, not a slip.
		best, bestN := names.closest(form, n)
		if best != "" && (plural(form, best) || shapeOf(form) != shapeOf(best)) {
			best = ""
		}
		if best != "" && (n <= 2 && bestN >= 5*n || n == 1 && bestN >= 2) {
			// Used once beside a name used a few times: likely, not certain.
			sev := Error
			if bestN < 5*n {
				sev = Warning
			}
			for _, o := range occ {
				issues = append(issues, wordIssue{kind: kindNameVariant, span: o.span, word: form, want: []string{best}, count: n, other: bestN, rel: []prose.Span{names.first[best]}, sev: sev})
			}
			continue
		}
		positional := true
		for _, o := range occ {
			positional = positional && o.positional
		}
		if n > 2 && best == "" {
			// Used three times or more and near no other name: a name,
			// whatever word it resembles (see looksLikeTypo).
			issues = append(issues, learntName(form, occ))
			continue
		}
		sugg := dict.Suggest(form, 5)
		if best != "" {
			// A name the draft uses more often, but not so much more that
			// the form must be a slip: the likeliest correction all the same.
			sugg = append([]string{best}, removeString(sugg, best)...)
		}
		if len(sugg) > 0 && looksLikeTypo(dict, form, sugg[0], n, positional) {
			for _, o := range occ {
				issues = append(issues, wordIssue{kind: kindUnknown, span: o.span, word: form, want: sugg, count: n})
			}
			continue
		}
		issues = append(issues, learntName(form, occ))
	}
	return issues
}

// learntName notes a name once, at its first use, with the others as
// related places: the writer adds it to a word list once, so one note per
// name is enough, however often the draft uses it.
func learntName(form string, occ []occurrence) wordIssue {
	is := wordIssue{kind: kindLearntName, span: occ[0].span, word: form, count: len(occ)}
	for _, o := range occ[1:min(len(occ), 21)] {
		is.rel = append(is.rel, o.span)
	}
	return is
}

// looksLikeTypo decides whether an unknown capitalised form is a misspelled
// word rather than a name: one edit from a dictionary word and used at most
// twice, or only ever capitalised by position (sentence start, title case)
// and within two edits of a word.
//
// The word must also keep its first letter and be a common one (Czeck →
// Czech): a surname one letter from a rare word (Solow, Solon) or from
// another initial (Kamel, camel) is a name.
func looksLikeTypo(dict *suggestCache, form, sugg string, uses int, positional bool) bool {
	if strings.Contains(sugg, " ") || uses > 2 {
		return false
	}
	d := spell.Distance(strings.ToLower(form), strings.ToLower(sugg))
	fr, _ := utf8.DecodeRuneInString(form)
	sr, _ := utf8.DecodeRuneInString(sugg)
	if unicode.ToLower(fr) != unicode.ToLower(sr) || dict.Freq(sugg) < minTypoTargetFreq {
		return false
	}
	return d <= 1 || d == 2 && positional
}

// minTypoTargetFreq is the SUBTLEX-US count (per 51 million words) below
// which a dictionary word is too rare to explain a capitalised unknown word
// mid-sentence as its typo.
const minTypoTargetFreq = 20

// plural reports whether form is the plural of name (CFOs beside CFO).
func plural(form, name string) bool {
	return form == name+"s" || form == name+"es"
}

// closeNames reports whether two capitalised forms look like one name
// spelt two ways: one edit apart, same first letter.
func closeNames(a, b string) bool {
	// Cheap tests first: one edit changes the length by one at most.
	na, nb := utf8.RuneCountInString(a), utf8.RuneCountInString(b)
	if na < 4 || nb < 4 || abs(na-nb) > 1 {
		return false
	}
	if firstRune(a) != firstRune(b) {
		return false
	}
	return spell.Distance(strings.ToLower(a), strings.ToLower(b)) <= 1
}

// checkedPart is one checked piece of a token.
type checkedPart struct {
	span    prose.Span
	verdict spell.Verdict
}

// checkParts checks a token whole and, when a hyphenated compound fails,
// each part, so the finding points at the bad part ("Ex-CiA" → "CiA"). It
// appends to parts, which the caller reuses from token to token.
func checkParts(dict *suggestCache, word string, start int, parts []checkedPart) []checkedPart {
	v := dict.Check(word)
	if v.OK() || !strings.ContainsAny(word, "-‐‑") {
		return append(parts, checkedPart{prose.Span{Start: start, End: start + len(word)}, v})
	}
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
			if utf8.RuneCountInString(p) == 1 {
				pv = spell.Verdict{Status: spell.Accepted} // e-mail, x-ray, U-turn
			}
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
	return parts
}

// fragment reports a token that is not a word of its own: a list letter
// ("b)", "(c)"), a roman numeral, a page or section abbreviation before its
// dot ("p.", "pp.", "ch."), the letters of "a/c" or "w/o", or the "s" of a
// possessive detached by a stray space ("staff 's").
func fragment(doc *prose.Document, ti int) bool {
	t := doc.Tokens[ti]
	w := doc.TokenText(ti)
	if romanNumeral(w) {
		return true
	}
	n := utf8.RuneCountInString(w)
	if n > 4 {
		return false
	}
	if n == 1 && !strayLetter(doc, ti) {
		return true
	}
	next, prev := "", ""
	if ti+1 < len(doc.Tokens) && doc.Tokens[ti+1].Start == t.End {
		next = doc.TokenText(ti + 1)
	}
	if ti > 0 && doc.Tokens[ti-1].End == t.Start {
		prev = doc.TokenText(ti - 1)
	}
	switch {
	case next == "/" || prev == "/":
		return n <= 3
	case prev == "'" || prev == "’":
		return n <= 2
	case next == ")" || prev == "(":
		return n == 1
	case next == "." || next == ":":
		return n == 1 || abbreviation[strings.ToLower(w)]
	}
	return false
}

// strayLetter reports a lone lower-case letter between two lower-case
// words in running text ("jump o the"): there a single letter is a typo.
// Elsewhere letters are symbols, initials, variables or list markers.
func strayLetter(doc *prose.Document, ti int) bool {
	if ti == 0 || ti+1 >= len(doc.Tokens) {
		return false
	}
	w := doc.TokenText(ti)
	r, _ := utf8.DecodeRuneInString(w)
	if !unicode.IsLower(r) {
		return false
	}
	prev, next := doc.Tokens[ti-1], doc.Tokens[ti+1]
	if prev.Kind != prose.Word || next.Kind != prose.Word || prev.End == doc.Tokens[ti].Start || next.Start == doc.Tokens[ti].End {
		return false
	}
	pr, _ := utf8.DecodeRuneInString(doc.TokenText(ti - 1))
	nr, _ := utf8.DecodeRuneInString(doc.TokenText(ti + 1))
	return unicode.IsLower(pr) && unicode.IsLower(nr)
}

// abbreviation lists short abbreviations written with a final dot.
var abbreviation = map[string]bool{
	"pp": true, "ch": true, "chs": true, "ed": true, "eds": true, "cc": true, "vol": true, "vols": true,
	"vs": true, "viz": true, "etc": true, "al": true, "ibid": true, "op": true, "cit": true, "fig": true,
	"figs": true, "no": true, "nos": true, "sec": true, "secs": true, "art": true, "para": true,
	"app": true, "approx": true, "dept": true, "govt": true, "est": true, "min": true, "max": true,
	"ft": true, "mi": true, "km": true, "kg": true, "lb": true, "lbs": true, "oz": true, "hr": true, "hrs": true,
}

// romanNumeral reports a roman numeral of up to eight letters in one case
// (ii, IV, xiii): chapter and list numbers.
func romanNumeral(w string) bool {
	if w == "" || len(w) > 8 {
		return false
	}
	lower, upper := true, true
	for i := 0; i < len(w); i++ {
		switch w[i] {
		case 'i', 'v', 'x', 'l', 'c', 'd', 'm':
			upper = false
		case 'I', 'V', 'X', 'L', 'C', 'D', 'M':
			lower = false
		default:
			return false
		}
	}
	if !lower && !upper {
		return false
	}
	// Only well-formed small numerals: avoid words such as "mix", "dim", "civil".
	switch strings.ToLower(w) {
	case "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv",
		"xvi", "xvii", "xviii", "xix", "xx", "xxi", "xxii", "xxiii", "xxiv", "xxv":
		return w != "i" && w != "I"
	}
	return false
}

// lowerWord is an unknown lower-case word with its neighbouring words.
type lowerWord struct {
	span       prose.Span
	prev, next string
}

// neighbours returns the words before and after word token ti of
// sentence s, for ranking suggestions by context: "" at the sentence's
// ends, beside a number, across a gap (a code span, a tag) or across
// punctuation other than quotes and brackets, which are skipped ("an
// ‘asset’ ut not").
func neighbours(doc *prose.Document, s prose.Sentence, ti int) (prev, next string) {
	// find walks from token ti in direction step; crossing from token a
	// to token b is impossible when the later of the two has a gap.
	find := func(step int) string {
		for i := ti + step; i >= s.FirstToken && i < s.EndToken; i += step {
			if later := max(i, i-step); doc.Tokens[later].Gap {
				return ""
			}
			if doc.Tokens[i].Kind == prose.Word {
				return doc.TokenText(i)
			}
			switch doc.TokenText(i) {
			case "\"", "'", "‘", "’", "“", "”", "(", ")", "[", "]":
				continue
			}
			return ""
		}
		return ""
	}
	return find(-1), find(1)
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
	if n := len(w); n < 2 || w[n-1] != 's' && w[n-1] != 'S' {
		return w
	}
	for _, suf := range []string{"'s", "’s", "'S", "’S"} {
		if strings.HasSuffix(w, suf) {
			return w[:len(w)-len(suf)]
		}
	}
	return w
}
