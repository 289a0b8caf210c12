package spell

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Status is the outcome of Check.
type Status uint8

// Check outcomes.
const (
	// Unknown: no acceptable reading of the token is known.
	Unknown Status = iota
	// Accepted: the token is acceptable as written.
	Accepted
	// WrongForm: the word is known, but in another case or with other
	// diacritics (ivana for Ivana, CiA for CIA, Zelnickova for
	// Zelníčková); Verdict.Want holds the known form.
	WrongForm
)

// Verdict is what Check says about one token.
type Verdict struct {
	Status Status
	// Want is the known form of a WrongForm token, adapted to the token's
	// capitalisation where that is allowed (a sentence-initial "Cafe"
	// wants "Café") and with its possessive or compound parts kept.
	Want string
}

// OK reports whether the token is acceptable as written.
func (v Verdict) OK() bool { return v.Status == Accepted }

var (
	accepted = Verdict{Status: Accepted}
	unknown  = Verdict{Status: Unknown}
)

// maxAcronym is the longest all-caps token accepted without being known:
// analysts' drafts are full of agency and program acronyms (StB, GRU,
// SVR, NKVD) that no list is complete for, while long all-caps words are
// headings whose words can be checked in lower case.
const maxAcronym = 6

// Check tells whether word, one token from the tokenizer, is acceptable
// as written. It accepts, in this order:
//
//   - forms in the dictionary exactly as written, except that words of one
//     or two letters are trusted only from the curated lists or a short
//     list of real English words (the base list has "ut", "ge", "o" as
//     abbreviations and letters, which in prose are typos);
//   - tokens with a digit (6th, 1980s, ’80s, 21st, MI6);
//   - abbreviations with inner dots whose parts have one or two letters
//     (U.S, U.S., e.g., Ph.D.); other dotted tokens are checked part by part;
//   - a capitalised form of a lower-case word (The), any all-caps form of
//     a known word (THE, ZELNICKOVA), and an all-caps token of up to
//     maxAcronym letters even if unknown (KGB, NATO);
//   - possessives (KGB’s, officers’, Shvets') and contractions (don’t,
//     I’ve, it’s) of acceptable words; ’ is read as ';
//   - hyphenated compounds whose parts are acceptable, with common
//     prefixes (non, ex, pre, anti, co, re, self, post, sub, …) accepted as
//     parts before a hyphen.
//
// A lower-case word the lists have only capitalised (czech, ivana) and a
// mixed-case token (CiA) are WrongForm with the listed form in Want.
func (d *Dict) Check(word string) Verdict {
	if len(word) > 4 {
		// Most tokens: ASCII (no curly apostrophe to straighten) and
		// longer than shortWord's, read once for their key's hash and
		// their classes (see findASCII), where check reads them five
		// times over.
		if k, cls, ok := d.b.findASCII(word); ok {
			if k.exact && k.mark&markFlags != 0 {
				return accepted // a listed lower-case word: most types
			}
			v := d.checkKey(word, k, cls)
			if v.Status == WrongForm && v.Want == word {
				return accepted // see below
			}
			return v
		}
	}
	return d.checkSlow(word)
}

// checkSlow is Check without its path for ASCII words longer than four
// bytes: every word, read byte by byte.
func (d *Dict) checkSlow(word string) Verdict {
	if word == "" {
		return unknown
	}
	w := normApos(word)
	v := d.check(w)
	if v.Status == WrongForm && v.Want == w {
		// The known form, adapted to the token's case, is the token
		// itself ("Es" from a lower-case "es"): nothing to change, and a
		// fix to the same text would never settle.
		return accepted
	}
	if v.Status == WrongForm && len(w) != len(word) {
		v.Want = strings.ReplaceAll(v.Want, "'", "’")
	}
	return v
}

func (d *Dict) check(w string) Verdict {
	if letters, ok := shortWord(w); ok {
		return d.checkShort(w, letters)
	}
	// Every base-list test below reads w's folded key: look it up once
	// (a miss, the costliest lookup, would otherwise be repeated).
	return d.checkKey(w, d.b.find(w), classesOf(w))
}

// checkKey is check for a word of more than two letters, of key k (find)
// and classes cls (classesOf).
func (d *Dict) checkKey(w string, k key, cls uint8) Verdict {
	if d.b.flagsAt(w, k) != 0 || d.o != nil && d.o.exact[w] {
		return accepted
	}
	if cls&clsDigit != 0 {
		return accepted
	}
	if cls&clsDot != 0 {
		return d.checkDotted(w)
	}
	shape := shapeLower // an ASCII word without upper-case letters
	if cls&(clsUpper|clsNonASCII) != 0 {
		shape = shapeOf(w)
	}
	switch shape {
	case shapeTitle:
		if d.knownLowerFirst(w, k) {
			return accepted
		}
	case shapeUpper:
		if utf8.RuneCountInString(w) <= maxAcronym && isLetters(w) {
			return accepted
		}
		if k.ok || d.o != nil && len(d.o.folds[fold(w)]) > 0 {
			return accepted
		}
	}
	if acronymPlural(w) {
		return accepted // CIOs, NGOs
	}
	if cls&clsApos != 0 {
		if v, done := d.checkApostrophe(w); done {
			return v
		}
	}
	if cls&clsHyphen != 0 {
		return d.checkHyphenated(w)
	}
	return d.wrongForm(w, k, false)
}

// The classes of bytes checkKey asks about (byteClass): an upper-case
// ASCII letter, a digit, a dot, an apostrophe, a hyphen, a byte outside
// ASCII.
const (
	clsUpper = 1 << iota
	clsDigit
	clsDot
	clsApos
	clsHyphen
	clsNonASCII
)

// byteClass is the class of each byte; clsUpper is 1, so that
// c | byteClass[c]&clsUpper<<5 lower-cases an ASCII letter.
var byteClass = func() (t [256]uint8) {
	for c := 'A'; c <= 'Z'; c++ {
		t[c] = clsUpper
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = clsDigit
	}
	t['.'], t['\''], t['-'] = clsDot, clsApos, clsHyphen
	for c := 0x80; c < 0x100; c++ {
		t[c] = clsNonASCII
	}
	return t
}()

// classesOf returns the classes of w's bytes, or-ed.
func classesOf(w string) uint8 {
	var cls uint8
	for i := 0; i < len(w); i++ {
		cls |= byteClass[w[i]]
	}
	return cls
}

// knownExact reports whether w is listed exactly as written.
func (d *Dict) knownExact(w string) bool {
	if d.b.flagsOf(w) != 0 {
		return true
	}
	return d.o != nil && d.o.exact[w]
}

// knownLowerFirst reports whether w, of key k, with its first letter
// lower-cased is listed. An ASCII word with only its first letter upper
// case lower-cased is its own folded key: k answers without a lookup.
func (d *Dict) knownLowerFirst(w string, k key) bool {
	if w[0] >= 'A' && w[0] <= 'Z' && len(w) <= 64 {
		var buf [64]byte
		n := copy(buf[:], w)
		buf[0] += 'a' - 'A'
		if isLowerASCIIBytes(buf[:n]) && k.ok && k.mark&markFlags != 0 {
			return true
		}
		return d.o != nil && d.o.exact[string(buf[:n])]
	}
	return d.knownExact(lowerFirst(w))
}

// wrongForm returns WrongForm with the best form sharing w's folded key k,
// or Unknown. With curatedOnly, only the user's words and curated names
// count (for one- and two-letter tokens, whose base-list forms are mostly
// abbreviations).
func (d *Dict) wrongForm(w string, k key, curatedOnly bool) Verdict {
	if d.o != nil {
		if fs := d.o.folds[fold(w)]; len(fs) > 0 {
			return Verdict{Status: WrongForm, Want: adaptForm(fs[0], w)}
		}
	}
	if !k.ok {
		return unknown
	}
	v := unknown
	d.b.forms(k.id, func(form string, f entryFlag) bool {
		if curatedOnly && f&fromNames == 0 {
			return true
		}
		v = Verdict{Status: WrongForm, Want: adaptForm(form, w)}
		return false
	})
	return v
}

// adaptForm gives a known form the capitalisation of the typed token
// where the form has none of its own: a capitalised "Cafe" wants "Café",
// a lower-case "cia" wants "CIA", and all-caps "CZECK" wants "CZECH".
func adaptForm(form, typed string) string {
	return adaptShaped(form, shapeOf(form), typed, shapeOf(typed))
}

// adaptShaped is adaptForm for a form and a token whose shapes (fs,
// shape) the caller knows: the candidate search adapts every form it
// offers, and already has both.
func adaptShaped(form string, fs caseShape, typed string, shape caseShape) string {
	if fs != shapeLower && (shape != shapeUpper || utf8.RuneCountInString(typed) < 2) {
		return form
	}
	return matchShaped(form, typed, shape)
}

// shortWord reports whether w is a one- or two-letter word, returning
// its letter count.
func shortWord(w string) (int, bool) {
	if len(w) > 4 { // two letters take at most 4 bytes in UTF-8 here
		return 0, false
	}
	n := 0
	for _, r := range w {
		if !unicode.IsLetter(r) {
			return 0, false
		}
		n++
	}
	return n, n <= 2
}

// checkShort decides one- and two-letter tokens. The base list is not
// trusted for them: it has nearly every letter pair as an abbreviation,
// which would hide typos like "ut" (but), "ge" (be), "o" (on).
func (d *Dict) checkShort(w string, letters int) Verdict {
	if d.b.flagsOf(w)&fromNames != 0 {
		return accepted
	}
	if d.o != nil && d.o.exact[w] {
		return accepted
	}
	shape := shapeOf(w)
	if shape == shapeUpper {
		return accepted // UK, EU, UN, AI; Appendix E, Plan B
	}
	if shortCapitalised(w) {
		return accepted
	}
	lw := strings.ToLower(w)
	if (shape == shapeLower || shape == shapeTitle || shape == shapeUpper) && shortEnglish(lw) {
		return accepted
	}
	if lw == "i" {
		return Verdict{Status: WrongForm, Want: "I"}
	}
	if v := d.wrongForm(w, d.b.find(w), true); v.Status == WrongForm {
		return v
	}
	if shortCapitalised(capitalize(lw)) {
		return Verdict{Status: WrongForm, Want: capitalize(lw)}
	}
	return unknown
}

// shortEnglish lists the one- and two-letter words of running English
// text, including interjections and the Latin "et al".
func shortEnglish(w string) bool {
	switch w {
	case "a",
		"ad", "ah", "al", "am", "an", "as", "at", "aw", "ax", "be", "by",
		"do", "eh", "em", "en", "et", "ex", "go", "ha", "he", "hi", "hm",
		"ho", "id", "if", "in", "is", "it", "lo", "ma", "me", "mm", "my",
		"no", "of", "oh", "ok", "on", "or", "ow", "ox", "oy", "pa", "pi",
		"re", "so", "to", "uh", "um", "up", "us", "vs", "we", "ye", "yo":
		return true
	}
	return false
}

// shortCapitalised lists short words written capitalised: the pronoun
// and the usual titles and abbreviations.
func shortCapitalised(w string) bool {
	switch w {
	case "I", "Mr", "Ms", "Dr", "St", "Jr", "Sr", "Mt", "Co", "Lt", "Ft", "No":
		return true
	}
	return false
}

// acronymPlural reports whether w is an all-caps acronym of two to
// maxAcronym letters with a plural s (CIOs, NGOs).
func acronymPlural(w string) bool {
	n := len(w) - 1
	if n < 2 || n > maxAcronym || w[n] != 's' {
		return false
	}
	for i := 0; i < n; i++ {
		if w[i] < 'A' || w[i] > 'Z' {
			return false
		}
	}
	return true
}

func isLetters(w string) bool {
	for _, r := range w {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

// checkDotted accepts abbreviations whose dot-separated parts have one
// or two letters (U.S, U.S., e.g., i.e., Ph.D.) and otherwise checks the
// parts (etc., Mr.).
func (d *Dict) checkDotted(w string) Verdict {
	trimmed := strings.TrimRight(w, ".")
	parts := strings.Split(trimmed, ".")
	abbrev := len(parts) > 1 || trimmed != w
	for _, p := range parts {
		if n := utf8.RuneCountInString(p); n == 0 || n > 2 || !isLetters(p) {
			abbrev = false
			break
		}
	}
	if abbrev {
		return accepted
	}
	return d.combine(parts, ".", func(_ int, p string) Verdict {
		if p == "" {
			return accepted
		}
		return d.check(p)
	})
}

// combine checks parts with fn and joins the verdicts: Unknown if any
// part is, else WrongForm (with the parts' wanted forms joined by sep) if
// any part is, else Accepted.
func (d *Dict) combine(parts []string, sep string, fn func(i int, p string) Verdict) Verdict {
	var want []string
	for i, p := range parts {
		v := fn(i, p)
		switch v.Status {
		case Unknown:
			return unknown
		case WrongForm:
			if want == nil {
				want = append([]string(nil), parts...)
			}
			want[i] = v.Want
		}
	}
	if want == nil {
		return accepted
	}
	return Verdict{Status: WrongForm, Want: strings.Join(want, sep)}
}

// checkApostrophe handles possessives and contractions. done is false
// when w has an apostrophe in no pattern known here.
func (d *Dict) checkApostrophe(w string) (v Verdict, done bool) {
	i := strings.LastIndexByte(w, '\'')
	stem, suffix := w[:i], strings.ToLower(w[i+1:])
	if stem == "" {
		return unknown, false
	}
	withSuffix := func(v Verdict) (Verdict, bool) {
		if v.Status == WrongForm {
			v.Want += w[i:]
		}
		return v, true
	}
	switch suffix {
	case "":
		last := stem[len(stem)-1]
		if last == 's' || last == 'S' || last == 'z' || last == 'x' {
			return withSuffix(d.check(stem)) // officers', Shvets'
		}
	case "s", "ve", "re", "ll", "d", "m":
		return withSuffix(d.check(stem)) // KGB's, I've, you're, we'll
	case "t":
		if strings.HasSuffix(stem, "n") || strings.HasSuffix(stem, "N") {
			if negatable(strings.ToLower(stem[:len(stem)-1])) {
				return accepted, true
			}
		}
	}
	return unknown, false
}

// negatable lists the stems that take n't (don't, can't, won't).
func negatable(stem string) bool {
	switch stem {
	case "do", "does", "did", "is", "are", "was", "were", "has", "have", "had",
		"could", "would", "should", "must", "might", "need", "dare", "ought",
		"ca", "wo", "sha", "ai":
		return true
	}
	return false
}

// checkHyphenated accepts compounds whose parts are acceptable; common
// prefixes count as parts before a hyphen (non-sensitive, ex-CIA).
func (d *Dict) checkHyphenated(w string) Verdict {
	var buf [8]string
	parts := splitByte(buf[:0], w, '-')
	return d.combine(parts, "-", func(i int, p string) Verdict {
		if p == "" {
			return unknown
		}
		if i < len(parts)-1 && isPrefix(strings.ToLower(p)) {
			return accepted
		}
		return d.check(p)
	})
}

// splitByte is strings.Split(w, string(sep)) appended to dst, which
// lets a caller keep the parts on its stack.
func splitByte(dst []string, w string, sep byte) []string {
	for {
		i := strings.IndexByte(w, sep)
		if i < 0 {
			return append(dst, w)
		}
		dst = append(dst, w[:i])
		w = w[i+1:]
	}
}

// isPrefix lists prefixes written with a hyphen.
func isPrefix(p string) bool {
	switch p {
	case "non", "ex", "pre", "anti", "co", "re", "self", "post", "sub",
		"semi", "multi", "mid", "pro", "counter", "inter", "intra", "quasi",
		"pseudo", "neo", "micro", "macro", "ultra", "bi", "tri", "de", "un",
		"mis", "cross", "trans", "extra", "hyper", "over", "under", "vice", "e":
		return true
	}
	return false
}

func isLowerASCIIBytes(w []byte) bool {
	for _, c := range w {
		if c >= 0x80 || ('A' <= c && c <= 'Z') {
			return false
		}
	}
	return true
}
