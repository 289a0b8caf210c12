package rules

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/edlint/edlint/internal/mem"
	"github.com/edlint/edlint/internal/prose"
)

// IndefiniteArticle reports "a" before a vowel sound and "an" before a
// consonant sound: "a hour", "an European", "a FBI agent", "an US official".
func IndefiniteArticle() Rule { return indefiniteArticle{} }

type indefiniteArticle struct{}

func (indefiniteArticle) Meta() Meta {
	return Meta{
		Name:     "indefinite-article",
		Category: Mechanics,
		Severity: Warning,
		Reads:    []string{factTokenIndex, factHardWrapped},
		Summary:  "\"a\" before a vowel sound or \"an\" before a consonant sound",
		Doc: `Chooses between "a" and "an" by the sound of the next word, not its first
letter: an hour, an honest, a European, a one-off, a university, an FBI agent,
an MI6 officer, an NSA analyst, a US official, a NATO summit, an 18-year-old,
an F-16. Words whose sound it cannot tell (acronyms that may be read as words
or as letters, such as SALT or HUD, and "an historic", which some styles
keep) are left alone, and so are the letter a in "(a)" and "a and b".`,
		Before: "Require that audit organizations have an human capital system.\n",
		After:  "Require that audit organizations have a human capital system.\n",
	}
}

// sound is how a word begins when read aloud.
type sound uint8

const (
	soundUnknown sound = iota
	soundVowel
	soundConsonant
)

// notArticleFollowers follow the letter "a" (paragraphs a and b) but never
// the article.
var notArticleFollowers = map[string]bool{
	"and": true, "or": true, "nor": true, "but": true, "of": true, "to": true, "in": true, "on": true,
	"at": true, "as": true, "is": true, "are": true, "was": true, "were": true, "if": true, "it": true,
	"its": true, "an": true, "a": true, "the": true, "through": true, "above": true, "below": true,
	"also": true, "into": true, "under": true, "over": true, "upon": true, "from": true, "with": true,
	"by": true, "for": true, "that": true, "which": true, "be": true, "has": true, "had": true,
	"posteriori": true, "fortiori": true, "priori": true, "la": true, "le": true, "propos": true,
	"outrance": true, "i.e.": true, "e.g.": true,
}

func (indefiniteArticle) Check(p *Pass) {
	d := p.Doc
	bc := blockCursor{d: d}
	var sounds []sound // per type of the word after an article, +1 once known
	for _, i32 := range tokenIndexOf(p, d).list(clsArticle) {
		i := int(i32)
		b := d.Blocks[bc.of(i)]
		if i+1 >= b.EndToken() {
			continue
		}
		art := d.TokenText(i)
		switch art {
		case "a", "an":
		case "A", "An":
			// Capitalised only as the first word of a sentence; "Plan A"
			// and "Vitamin A" are letters.
			if !sentenceStart(d, b, i) {
				continue
			}
		default:
			continue
		}
		if i > b.FirstToken() && (tok(d, i-1) == "(" || tok(d, i-1) == "." && adjacent(d, i-1, i)) || isEnumerator(d, i) {
			continue
		}
		j := i + 1
		// Look through one opening quotation mark: an ‘agent’.
		switch d.TokenText(j) {
		case "‘", "“", "\"", "'":
			if j+1 < b.EndToken() && adjacent(d, j, j+1) {
				j++
			}
		}
		next := d.Tokens[j]
		if next.Gap() || d.Tokens[i+1].Gap() || !blank(between(d, i, i+1)) {
			continue
		}
		// In hard-wrapped text a capitalised word after a line break may
		// be a heading or sidebar that a PDF extraction ran into the
		// sentence.
		if strings.Contains(between(d, i, j), "\n") && isCapitalised(d.TokenText(j)) && hardWrapped(p) {
			continue
		}
		w := d.TokenText(j)
		if next.Kind() == prose.Punct || notArticleFollowers[d.Type(d.Lower(next.ID()))] {
			continue
		}
		if sounds == nil {
			sounds = mem.Table[sound](d.NumTypes())
		}
		s := sounds[next.ID()] - 1
		if s+1 == 0 {
			s = soundOf(w, next.Kind() == prose.Number)
			sounds[next.ID()] = s + 1
		}
		an := strings.EqualFold(art, "an")
		var want string
		switch {
		case s == soundVowel && !an:
			want = caseLike("an", art)
		case s == soundConsonant && an:
			if hasAnyPrefix(strings.ToLower(w), anH) {
				continue // "an historic": a style some editors keep
			}
			want = caseLike("a", art)
		default:
			continue
		}
		what := "a vowel"
		if s == soundConsonant {
			what = "a consonant"
		}
		p.Report(Finding{
			Span:        d.TokenSpan(i),
			Message:     fmt.Sprintf("%q before %q, which begins with %s sound", art, w, what),
			Suggestions: []string{want},
		})
	}
}

// sentenceStart reports whether token i opens a sentence of block b.
func sentenceStart(d *prose.Document, b prose.Block, i int) bool {
	for si := b.FirstSentence(); si < b.EndSentence(); si++ {
		s := d.Sentences[si]
		if s.FirstToken() == i {
			return true
		}
		// After an opening quotation mark or bracket.
		if s.FirstToken() == i-1 && d.Tokens[i-1].Kind() == prose.Punct {
			return true
		}
	}
	return false
}

// Letters whose names begin with a vowel sound: A E F H I L M N O R S X.
const vowelLetters = "AEFHILMNORSX"

// silentH words begin with a vowel sound.
var silentH = []string{"hour", "honest", "honor", "honour", "heir"} //nolint:misspell // British forms are data

// anH begin words with an unstressed first syllable, before which some
// styles write "an" (an historic, an hotel, an hypothesis).
var anH = []string{"hist", "hotel", "hero", "hered", "habit", "hypo", "hyst", "horr", "hallu", "hilar", "homag"}

// youU are prefixes of words whose u is read "you".
var youU = []string{
	"uni", "unan", "usa", "use", "usi", "usu", "uta", "ute", "uti", "uto", "ura", "ure", "uri", "uro",
	"uru", "ukr", "uga", "ubiq", "ufo", "uku", "ula", "ule", "umami",
}

// unU are exceptions to youU read with a vowel: unimportant, uninformed,
// unidentified.
var unU = []string{"unim", "unin", "unid"}

func hasAnyPrefix(w string, ps []string) bool {
	for _, p := range ps {
		if p != "" && strings.HasPrefix(w, p) {
			return true
		}
	}
	return false
}

// soundOf tells whether w begins with a vowel or a consonant sound.
func soundOf(w string, number bool) sound {
	if number {
		return numberSound(w)
	}
	// "U-turn", "X-ray", "F-16": a letter read by its name.
	if k := indexHyphen(w); k == 1 && unicode.IsUpper(firstRune(w)) {
		return letterSound(rune(w[0]))
	}
	if strings.Contains(w, ".") {
		// U.S., F.B.I.: letters.
		if allUpper(w) {
			return letterSound(firstRune(w))
		}
		return soundUnknown
	}
	if utf8.RuneCountInString(w) == 1 {
		r := firstRune(w)
		if unicode.IsUpper(r) {
			return letterSound(r)
		}
		return soundUnknown
	}
	if allUpper(w) {
		return acronymSound(w)
	}
	if mixedCase(w) {
		return soundUnknown
	}
	lw := strings.ToLower(w)
	r := firstRune(lw)
	switch r {
	case 'a', 'i':
		return soundVowel
	case 'e':
		if strings.HasPrefix(lw, "eu") || strings.HasPrefix(lw, "ewe") {
			return soundConsonant
		}
		return soundVowel
	case 'o':
		// one, one-off, onetime, once: "wun"; but onerous.
		if strings.HasPrefix(lw, "one") && !strings.HasPrefix(lw, "oner") || strings.HasPrefix(lw, "once") || strings.HasPrefix(lw, "ouija") {
			return soundConsonant
		}
		return soundVowel
	case 'u':
		if hasAnyPrefix(lw, unU) {
			return soundVowel
		}
		if hasAnyPrefix(lw, youU) {
			return soundConsonant
		}
		if unicode.IsUpper(firstRune(w)) {
			return soundUnknown // a name: Uribe, Umar
		}
		return soundVowel
	case 'h':
		if hasAnyPrefix(lw, silentH) {
			return soundVowel
		}
		if strings.HasPrefix(lw, "herb") {
			return soundUnknown
		}
		return soundConsonant
	case 'y':
		if len(lw) > 1 && !strings.ContainsRune("aeiou", rune(lw[1])) {
			return soundUnknown // Ypres, Yttrium
		}
		return soundConsonant
	}
	if r >= 'a' && r <= 'z' {
		return soundConsonant
	}
	return soundUnknown
}

func letterSound(r rune) sound {
	if r > unicode.MaxASCII {
		return soundUnknown
	}
	if strings.ContainsRune(vowelLetters, unicode.ToUpper(r)) {
		return soundVowel
	}
	return soundConsonant
}

// wordAcronyms are read as words, not letters.
var wordAcronyms = map[string]sound{
	"NATO": soundConsonant, "NASA": soundConsonant, "NAFTA": soundConsonant, "FEMA": soundConsonant,
	"SWAT": soundConsonant, "SALT": soundConsonant, "START": soundConsonant, "HAMAS": soundConsonant,
	"NORAD": soundConsonant, "SEAL": soundConsonant, "SARS": soundConsonant, "MERS": soundConsonant,
	"RADAR": soundConsonant, "LASER": soundConsonant, "SONAR": soundConsonant, "NASDAQ": soundConsonant,
	"UNESCO": soundConsonant, "UNICEF": soundConsonant, "UNSCOM": soundVowel, "UNITA": soundConsonant,
	"HUMINT": soundConsonant, "SIGINT": soundConsonant, "MASINT": soundConsonant, "SOCOM": soundConsonant,
}

// acronymSound reads an all-capitals word.
func acronymSound(w string) sound {
	base := strings.TrimSuffix(strings.TrimSuffix(w, "’s"), "'s")
	base = strings.TrimSuffix(base, "s")
	if s, ok := wordAcronyms[base]; ok {
		return s
	}
	if s, ok := wordAcronyms[w]; ok {
		return s
	}
	r := firstRune(w)
	if !strings.ContainsRune(vowelLetters, r) || strings.ContainsRune("AEIO", r) {
		// Consonant letters sound like consonants whether read as letters
		// or as a word; A, E, I and O sound like vowels either way.
		return letterSound(r)
	}
	// F H L M N R S X: "an FBI agent" but "a FEMA team". Read as letters
	// only when the word cannot be pronounced: no vowel, or a short one
	// that does not alternate consonant and vowel.
	letters := []rune(base)
	vowels := 0
	for _, c := range letters {
		if strings.ContainsRune("AEIOUY", c) {
			vowels++
		}
	}
	switch {
	case vowels == 0 || strings.ContainsAny(base, "0123456789"):
		return soundVowel
	case len(letters) <= 2:
		return soundVowel // MP, NY, HQ
	case len(letters) == 3 && !strings.ContainsRune("AEIOUY", letters[1]):
		return soundVowel // FBI, NSA, MI6, HHS
	}
	return soundUnknown
}

// numberSound reads a number: an 8, an 11, an 18-year-old, an 80% share,
// a 1,800-mile border, a 100.
func numberSound(w string) sound {
	digits := w
	if k := strings.IndexAny(digits, ",.-–/"); k >= 0 {
		digits = digits[:k]
	}
	n := 0
	for n < len(digits) && digits[n] >= '0' && digits[n] <= '9' {
		n++
	}
	switch strings.ToLower(digits[n:]) {
	case "", "s", "st", "nd", "rd", "th", "%":
	default:
		return soundUnknown // "80Not-Good": a table run together
	}
	digits = digits[:n]
	if digits == "" {
		return soundUnknown
	}
	if digits[0] == '8' {
		return soundVowel
	}
	if strings.HasPrefix(digits, "11") || strings.HasPrefix(digits, "18") {
		switch len(digits) {
		case 2, 4:
			// eleven, eighteen; 1100 and 1800 read as eleven/eighteen hundred.
			return soundVowel
		case 3:
			return soundConsonant // one hundred and eighty
		}
		return soundUnknown
	}
	return soundConsonant
}
