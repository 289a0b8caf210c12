package rules

import (
	"math/bits"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/edlint/edlint/internal/prose"
)

// This file holds what the mechanics rules (punctuation, capitals, quotes,
// brackets, confusions, counts, invisible characters) share: token tests
// and the paragraphs inside which brackets and quotes must balance.

// tok returns the text of token i, or "" when i is out of range: its
// type's text (see typeText), where TokenText finds it in the source
// with a call.
func tok(d *prose.Document, i int) string {
	if i < 0 || i >= len(d.Tokens) {
		return ""
	}
	return typeText(d, i)
}

// typeText returns the text of token i as its type holds it: the same
// text (a type's tokens all have its text in any document but one that is
// TooVaried, which the driver does not lint), read in the vocabulary,
// which the cache keeps, rather than at the token in the source. For the
// rules that read a few kinds of mark spread over a long draft.
func typeText(d *prose.Document, i int) string { return d.Type(d.Tokens[i].ID()) }

// between returns the source text between tokens i and j (i < j).
func between(d *prose.Document, i, j int) string {
	return d.Text[d.TokenEnd(i):d.TokenStart(j)]
}

// adjacent reports whether token j directly follows token i with nothing
// in between. The rules ask it of neighbours (j is i+1), whose gap
// NearTokenGap tells for seven tokens in eight without a call, where
// TokenEnd and TokenStart cost a call each.
func adjacent(d *prose.Document, i, j int) bool {
	if j != i+1 || i < 0 {
		return d.TokenEnd(i) == d.TokenStart(j)
	}
	gap := d.NearTokenGap(j)
	if gap < 0 {
		gap = d.TokenGap(j)
	}
	return gap == 0
}

// spacesOnly reports whether s is one or more spaces or tabs (no line
// break).
func spacesOnly(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] != ' ' && s[i] != '\t' {
			return false
		}
	}
	return true
}

// blank reports whether s is only white space (line breaks allowed).
func blank(s string) bool {
	return strings.TrimSpace(s) == ""
}

// firstRune returns the first rune of s.
func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// lastRune returns the last rune of s.
func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// isLowerWord reports whether w starts with a lower-case letter.
func isLowerWord(w string) bool {
	return unicode.IsLower(firstRune(w))
}

// allLower reports whether every letter of w is lower-case.
func allLower(w string) bool {
	for _, r := range w {
		if unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// allUpper reports whether w has letters and all of them are upper-case.
func allUpper(w string) bool {
	n := 0
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n > 0
}

// mixedCase reports whether w has an upper-case letter after its first
// letter (iPhone, eBay, McCain, mRNA).
func mixedCase(w string) bool {
	for i, r := range w {
		if i > 0 && unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

// caseLike gives want the capitalisation of the first letter of like.
func caseLike(want, like string) string {
	if isCapitalised(like) {
		return capitalize(want)
	}
	return want
}

// extraAbbreviations end with a dot that seldom ends a sentence, beyond
// the ones the sentence splitter knows (prose.IsAbbreviation): a lower-case
// word after them continues the sentence.
var extraAbbreviations = map[string]bool{
	"etc": true, "est": true, "min": true, "max": true, "sec": true, "secs": true, "hr": true, "hrs": true,
	"yr": true, "yrs": true, "mo": true, "mos": true, "wk": true, "ft": true, "lb": true, "lbs": true,
	"oz": true, "dept": true, "govt": true, "incl": true, "esp": true, "viz": true, "resp": true,
	"op": true, "cit": true, "ibid": true, "Ibid": true, "seq": true, "ed": true, "eds": true, "trans": true,
	"rev": true, "n": true, "nn": true, "et": true, "jr": true, "sr": true, "par": true, "pars": true,
	"sect": true, "Sec": true, "Secs": true, "Pub": true, "Stat": true, "Cong": true, "Sess": true,
	"Doc": true, "Reg": true, "Fed": true, "Sup": true, "Ct": true, "Cir": true, "App": true, "Supp": true,
	"Rept": true, "Rpt": true, "art": true, "Art": true, "Arts": true, "sq": true, "mi": true, "km": true,
	"cm": true, "mm": true, "kg": true, "approx": true, "misc": true, "Tel": true, "tel": true, "ext": true,
	"Ext": true, "Amend": true, "Ref": true, "ref": true, "Nr": true, "nr": true, "Ex": true, "Exh": true,
	"Attach": true, "Encl": true, "encl": true, "Atty": true, "Comm": true, "Ass": true, "Asst": true,
	"Assoc": true, "Admin": true, "Dist": true, "Div": true, "Sgt": true, "Cpl": true, "Pvt": true,
	"Cmdr": true, "Gens": true, "Messrs": true, "Mme": true, "Mlle": true, "Msgr": true, "Fr": true,
	"Supt": true, "Insp": true, "Det": true, "cc": true, "Ph": true, "Rs": true, "Id": true, "id": true,
	"cert": true, "Subcomm": true, "Comm.": true, "Rep.": true, "Ill": true, "Cal": true, "Calif": true,
	"Fla": true, "Tex": true, "Va": true, "Md": true, "Pa": true, "Mass": true, "Mich": true, "Wis": true,
	"Minn": true, "Conn": true, "Ariz": true, "Colo": true, "Ga": true, "La": true, "Ky": true, "Tenn": true,
	"Ala": true, "Miss": true, "Okla": true, "Ore": true, "Wash": true, "Nev": true, "Neb": true, "Kan": true,
	"Del": true, "Ind": true, "Ark": true, "Mont": true, "Wyo": true, "Vt": true, "Cl": true, "Sts": true,
	"ie": true, "eg": true, "pt": true, "pts": true, "figs": true, "eq": true, "eqs": true, "chap": true,
	"cont": true, "corp": true, "co": true, "bros": true, "inc": true, "ltd": true, "Bldg": true, "Blvd": true, "Rd": true, "Hwy": true, "Ft": true, "Pt": true, "Pts": true, "Vols": true,
}

// isAbbrevBefore reports whether the word token i, followed by a dot, is an
// abbreviation or an initial rather than the end of a sentence.
func isAbbrevBefore(d *prose.Document, i int) bool {
	if i < 0 || d.Tokens[i].Kind() != prose.Word {
		return false
	}
	w := tok(d, i)
	if prose.IsAbbreviation(w) || extraAbbreviations[w] || extraAbbreviations[strings.ToLower(w)] {
		return true
	}
	// A single lower-case letter (p., n., a.) and dotted abbreviations.
	if utf8.RuneCountInString(w) == 1 || strings.HasSuffix(w, ".") {
		return true
	}
	return false
}

// paragraph is a run of blocks [first, end) read as one paragraph: the
// unit inside which brackets and quotations must close.
type paragraph struct{ first, end int }

// paragraphs groups the blocks of d into paragraphs. In Markdown and in
// text with one paragraph per line a block is a paragraph. Hard-wrapped
// plain text is split into blocks at every line that ends a sentence, and
// text extracted from PDFs breaks paragraphs at page ends: there a block
// joins the previous one unless a blank line or an outdent starts a new
// paragraph after a finished sentence.
func paragraphs(p *Pass) []paragraph {
	return p.Memo(factParagraphs, func() any { return groupParagraphs(p.Doc, hardWrapped(p)) }).([]paragraph)
}

// groupParagraphs groups the blocks of d, hard-wrapped or not.
func groupParagraphs(d *prose.Document, wrapped bool) []paragraph {
	if !wrapped {
		out := make([]paragraph, len(d.Blocks))
		for bi := range out {
			out[bi] = paragraph{bi, bi + 1}
		}
		return out
	}
	var out chunks[paragraph]
	// The verdict on most block breaks needs only the last byte of the
	// block before and the first byte of the block after: the last of its
	// last token's text and the first of its first token's, read from
	// their types (see tok), where locating them in the text cost two
	// calls. They are read first for a stretch of breaks, loads the
	// processor overlaps, and the verdicts then decided from them:
	// continues reads the text again only where they cannot decide.
	const stretch = 32
	var last, first [stretch]byte
	for lo := 1; lo < len(d.Blocks); lo += stretch {
		hi := min(lo+stretch, len(d.Blocks))
		for bi := lo; bi < hi; bi++ {
			lt, ft := tok(d, d.Blocks[bi-1].EndToken()-1), tok(d, d.Blocks[bi].FirstToken())
			last[bi-lo], first[bi-lo] = lt[len(lt)-1], ft[0]
		}
		if lo == 1 {
			out.add(paragraph{0, 1})
		}
		for bi := lo; bi < hi; bi++ {
			if quickContinues(last[bi-lo], first[bi-lo]) || continues(d, bi-1, bi) {
				out.last().end = bi + 1
				continue
			}
			out.add(paragraph{bi, bi + 1})
		}
	}
	if len(d.Blocks) == 1 {
		out.add(paragraph{0, 1})
	}
	return out.slice()
}

// quickContinues reports, from the last byte of a block's last token and
// the first byte of the next block's first token, a break continues
// reports true for: an ASCII last character that finishes no sentence, or
// a next word that starts with an ASCII lower-case letter or digit.
// False leaves the verdict to continues.
func quickContinues(last, first byte) bool {
	if last < utf8.RuneSelf {
		switch last {
		case '.', '?', '!', ':', '"', ')':
		default:
			return true
		}
	}
	return first >= 'a' && first <= 'z' || first >= '0' && first <= '9'
}

// continues reports whether block b carries on the paragraph of block a
// in hard-wrapped plain text.
func continues(d *prose.Document, a, b int) bool {
	ba, bb := &d.Blocks[a], &d.Blocks[b]
	last := tok(d, ba.EndToken()-1)
	first := tok(d, bb.FirstToken())
	// An ASCII last or first character (most) is told from its byte,
	// without decoding a rune or the Unicode tables.
	finished := false
	if c := last[len(last)-1]; c < utf8.RuneSelf {
		finished = c == '.' || c == '?' || c == '!' || c == ':' || c == '"' || c == ')'
	} else {
		switch lastRune(last) {
		case '”', '’', '…':
			finished = true
		}
	}
	if !finished {
		return true
	}
	if c := first[0]; c < utf8.RuneSelf {
		if c >= 'a' && c <= 'z' || c >= '0' && c <= '9' {
			return true
		}
	} else if isLowerWord(first) || unicode.IsDigit(firstRune(first)) {
		return true
	}
	// A blank line between the blocks: the gap, most often one or two
	// line breaks, is read a byte at a time (strings.Count costs a call).
	// Block b's line starts after the gap's last line break, when it has
	// one: lineStart need not read back to it.
	gap, lines, bLine := d.Text[ba.End():bb.Start()], 0, -1
	for i := 0; i < len(gap); i++ {
		if gap[i] == '\n' {
			lines++
			bLine = ba.End() + i + 1
		}
	}
	if lines > 1 {
		return false
	}
	if bLine < 0 {
		bLine = lineStart(d, bb.Start())
	}
	return indentAtLeast(d.Text, bLine, lineStart(d, ba.End()))
}

// lineStart returns the start of the line holding off. It reads the line
// back eight bytes at a time (strings.LastIndexByte reads one at a time:
// continues asks for the start of the last line of most paragraphs of a
// hard-wrapped text).
func lineStart(d *prose.Document, off int) int {
	text := d.Text[:off]
	i := len(text)
	for ; i >= 8; i -= 8 {
		x := load64(text, i-8) ^ 0x0a0a0a0a0a0a0a0a // zero bytes where text has '\n'
		// The top bit of each byte of x that is not zero: the low seven
		// bits plus 0x7f carry into it when any is set, and into no other
		// byte. Its complement marks exactly the zero bytes, the last
		// newline the highest of them (little-endian).
		nonZero := (x&0x7f7f7f7f7f7f7f7f + 0x7f7f7f7f7f7f7f7f) | x
		if z := ^nonZero & 0x8080808080808080; z != 0 {
			return i - 8 + (63-bits.LeadingZeros64(z))/8 + 1
		}
	}
	return strings.LastIndexByte(text[:i], '\n') + 1
}

// indent is the number of spaces and tabs at the start of the line holding
// off.
func indent(d *prose.Document, off int) int {
	return indentAt(d.Text, lineStart(d, off))
}

// indentAt is the number of spaces and tabs at s in text, a line's start.
func indentAt(text string, s int) int {
	e := s
	for e < len(text) && (text[e] == ' ' || text[e] == '\t') {
		e++
	}
	return e - s
}

// indentAtLeast reports whether the line starting at b in text is indented
// at least as far as the line starting at a: indentAt(text, b) >=
// indentAt(text, a). The two indents are read side by side, eight spaces
// at a time while both have them, then a byte at a time to the end of
// the shorter: a text extracted from a PDF indents most lines by many
// spaces, which indentAt read a byte at a time, each indent to its end.
func indentAtLeast(text string, b, a int) bool {
	const spaces = 0x2020202020202020
	for max(a, b)+8 <= len(text) && load64(text, a) == spaces && load64(text, b) == spaces {
		a, b = a+8, b+8
	}
	for ; ; a, b = a+1, b+1 {
		if a >= len(text) || text[a] != ' ' && text[a] != '\t' {
			return true // a's indent ends here, and b's reaches as far
		}
		if b >= len(text) || text[b] != ' ' && text[b] != '\t' {
			return false
		}
	}
}

// hardWrapped reports, once per document, whether it is plain text with
// hard line breaks inside paragraphs.
func hardWrapped(p *Pass) bool {
	return p.Memo(factHardWrapped, func() any {
		return p.Doc.Format == prose.Plain && p.Doc.HardWrapped()
	}).(bool)
}

// tokenRange returns the tokens [first, end) of a paragraph.
func (pa paragraph) tokenRange(d *prose.Document) (first, end int) {
	return d.Blocks[pa.first].FirstToken(), d.Blocks[pa.end-1].EndToken()
}

// romanNumerals are list enumerators that look like words.
var romanNumerals = map[string]bool{
	"i": true, "ii": true, "iii": true, "iv": true, "v": true, "vi": true, "vii": true, "viii": true,
	"ix": true, "x": true, "xi": true, "xii": true, "I": true, "II": true, "III": true, "IV": true,
	"V": true, "VI": true, "VII": true, "VIII": true, "IX": true, "X": true, "XI": true, "XII": true,
}

// isEnumerator reports whether token i is a list marker such as the "a" of
// "a)" or "(a)", the "2" of "2." at the start of a line, or a roman
// numeral in the same places.
func isEnumerator(d *prose.Document, i int) bool {
	t := d.Tokens[i]
	w := tok(d, i)
	short := t.Kind() == prose.Number && len(w) <= 3 || t.Kind() == prose.Word && (utf8.RuneCountInString(w) == 1 || romanNumerals[w])
	if !short {
		return false
	}
	next := tok(d, i+1)
	if i+1 < len(d.Tokens) && adjacent(d, i, i+1) && (next == ")" || next == "]") {
		return true
	}
	if next == "." && i+1 < len(d.Tokens) && adjacent(d, i, i+1) {
		// "a." or "2." opening a line.
		start := d.TokenStart(i)
		ls := lineStart(d, start)
		return blank(d.Text[ls:start])
	}
	return false
}

// quote quotes user text for a message, as %q does. A text that needs no
// escape (the usual word or phrase) is only framed: strconv.Quote appends
// it a rune at a time, each looked up in its tables, some 900 instructions
// a message (9M on the 20 MB corpus, for 9,600 messages), and a
// fmt.Sprintf round it cost twice that again.
func quote(s string) string {
	if !PlainQuoted(s) {
		return strconv.Quote(s)
	}
	return "\"" + s + "\""
}

// PlainQuoted reports whether strconv.Quote leaves s as it is between its
// quotation marks: valid UTF-8 of printable runes (strconv.IsPrint), none
// of them " or \. ASCII is told from its bytes. (The reports quote
// suggestions with it too.)
func PlainQuoted(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < ' ' || c == 0x7f || c == '"' || c == '\\' {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || !strconv.IsPrint(r) {
			return false
		}
		i += size
	}
	return true
}

// isClosingMark reports closing quotes and brackets.
func isClosingMark(s string) bool {
	switch s {
	case "\"", "'", "’", "”", ")", "]", "}", "»", "›":
		return true
	}
	return false
}
