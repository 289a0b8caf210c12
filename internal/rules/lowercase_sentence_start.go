package rules

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/edlint/edlint/internal/prose"
)

// LowercaseSentenceStart reports a sentence or paragraph that starts with a
// lower-case letter.
func LowercaseSentenceStart() Rule { return lowercaseSentenceStart{} }

type lowercaseSentenceStart struct{}

func (lowercaseSentenceStart) Meta() Meta {
	return Meta{
		Name:     "lowercase-sentence-start",
		Category: Mechanics,
		Severity: Warning,
		Reads:    []string{factHardWrapped, factTokenIndex},
		Summary:  "a sentence or paragraph that starts with a lower-case letter",
		Doc: `Reports a word starting with a lower-case letter at the start of a paragraph
or after a full stop, question or exclamation mark. Not reported: words
written in lower case on purpose (iPhone, eBay, mRNA), name particles before
a name (de Gaulle, van Gogh, al Qaeda), continuations after abbreviations
(e.g., etc., p.), after an ellipsis, after a mark inside a closing quotation
or bracket ("Why?" he asked), list items and fragments that continue a
sentence introduced by a colon or a comma, headings and table cells. The fix
capitalises the word.`,
		Before: "Here is my bottom line. it is certain that the KGB assessed him.\n",
		After:  "Here is my bottom line. It is certain that the KGB assessed him.\n",
	}
}

// nameParticles stay lower-case before a name.
var nameParticles = map[string]bool{
	"de": true, "da": true, "di": true, "du": true, "des": true, "del": true, "della": true, "der": true,
	"den": true, "van": true, "von": true, "la": true, "le": true, "al": true, "el": true, "bin": true,
	"ibn": true, "ben": true, "bint": true, "abu": true, "dos": true, "das": true, "do": true, "ter": true,
	"zu": true, "af": true, "av": true, "y": true,
}

func (lowercaseSentenceStart) Check(p *Pass) {
	d := p.Doc
	wrapped := hardWrapped(p)
	bc, sc := blockCursor{d: d}, sentenceCursor{d: d}
	// Only a lower-case word that opens its block or follows . ? or ! can
	// start a sentence that startsAfterStop accepts.
	for _, i32 := range tokenIndexOf(p, d).starts {
		i := int(i32)
		bi, si := bc.of(i), sc.of(i)
		b := d.Blocks[bi]
		if b.Kind() == prose.TableCell || b.Kind() == prose.Heading {
			continue
		}
		first := b.FirstSentence()
		if b.Kind() == prose.ListItem {
			first++ // a list item may start as a fragment; its later sentences may not
		}
		if si < first || d.Sentences[si].FirstToken() != i {
			continue
		}
		t := d.Tokens[i]
		w := tok(d, i)
		if t.Kind() != prose.Word || !isLowerWord(w) || mixedCase(w) || t.Gap() {
			continue
		}
		if !startsAfterStop(d, wrapped, bi, i) || lowercaseOnPurpose(d, i) || pathLike(d, i) {
			continue
		}
		if i > b.FirstToken() && (d.Tokens[i-1].Gap() || i-2 >= b.FirstToken() && mixedCase(tok(d, i-2))) {
			continue // the mark follows a URL or a glued name ("TimT.")
		}
		if i == b.FirstToken() && (afterMaskedText(d, d.TokenStart(i)) || listLike(d.Slice(b.Span()))) {
			continue // "`dict/` holds": the sentence starts with code
		}
		// A lower-case word the dictionary does not know is a command
		// or product name (edlint, npm) or a typo the spelling rules
		// report; only ordinary words get capitalised.
		if p.Dict != nil && !p.Dict.Check(w).OK() {
			continue
		}
		sp := d.TokenSpan(i)
		p.Report(Finding{
			Span:        sp,
			Message:     fmt.Sprintf("%q starts a sentence in lower case", w),
			Suggestions: []string{capitalize(w)},
			Fix:         []prose.Edit{{Span: sp, New: capitalize(w)}},
		})
	}
}

// startsAfterStop reports whether token i, the first of a sentence, follows
// a full stop, question or exclamation mark that ends a sentence, or opens
// a paragraph after a finished one.
func startsAfterStop(d *prose.Document, wrapped bool, bi, i int) bool {
	b := d.Blocks[bi]
	if i > b.FirstToken() {
		prev := tok(d, i-1)
		if i-2 >= b.FirstToken() && !adjacent(d, i-2, i-1) {
			return false // "-, _, and . in flags": a mark talked about, not a stop
		}
		switch prev {
		case ".":
			return !isAbbrevBefore(d, i-2) && (i-2 < b.FirstToken() || d.Tokens[i-2].Kind() != prose.Number)
		case "?", "!":
			// Run-in questions: "Who acts? and who pays?"
			return !runIn[tok(d, i)]
		}
		return false // after an ellipsis, a closing quote or bracket
	}
	// A paragraph start. Only a paragraph that is a finished sentence
	// counts: an unpunctuated line is a list fragment or a heading.
	if !endsWithStop(d, b.EndToken()-1) {
		return false
	}
	if bi == 0 {
		return true
	}
	if d.Format == prose.Markdown {
		// A paragraph after a list or a code block often finishes the
		// sentence the list or code interrupted.
		pb := d.Blocks[bi-1]
		return pb.Kind() != prose.ListItem && !maskedBetween(d.Text[pb.End():b.Start()]) && endsWithStop(d, pb.EndToken()-1)
	}
	// Hard-wrapped text (PDF extractions above all) breaks sentences at
	// page ends, footnotes and sidebars: a lower-case line there is a
	// continuation far more often than a slip.
	if wrapped {
		return false
	}
	pb := d.Blocks[bi-1]
	last := pb.EndToken() - 1
	switch tok(d, last) {
	case ".":
		return !isAbbrevBefore(d, last-1) && d.Tokens[last-1].Kind() != prose.Number && !isEnumerator(d, last-1) && !spacedDots(d, last)
	case "?", "!":
		return !runIn[tok(d, i)]
	}
	return false
}

// runIn are conjunctions that may follow a question mark in a run-in
// series of questions.
var runIn = map[string]bool{"and": true, "or": true, "but": true, "nor": true}

// endsWithStop reports whether token i (possibly followed by closing
// quotes or brackets) ends a sentence.
func endsWithStop(d *prose.Document, i int) bool {
	for i >= 0 && isClosingMark(tok(d, i)) {
		i--
	}
	if i < 0 {
		return false
	}
	switch tok(d, i) {
	case ".", "?", "!":
		return true
	}
	return false
}

// spacedDots reports whether the full stop at token i ends a spaced
// ellipsis (". . .").
func spacedDots(d *prose.Document, i int) bool {
	return i > 0 && tok(d, i-1) == "." && !adjacent(d, i-1, i)
}

// lowercaseOnPurpose reports words that begin a sentence in lower case by
// convention: name particles before a capitalised name, enumerators, units
// and symbols.
func lowercaseOnPurpose(d *prose.Document, i int) bool {
	w := tok(d, i)
	if nameParticles[w] && i+1 < len(d.Tokens) && isCapitalised(tok(d, i+1)) {
		return true
	}
	if isEnumerator(d, i) {
		return true
	}
	for _, r := range w {
		if unicode.IsDigit(r) {
			return true
		}
	}
	// Dotted abbreviations (e.g., i.e., a.m.) and single letters (x, n).
	if strings.Contains(w, ".") || len([]rune(w)) == 1 && w != "i" {
		return true
	}
	return false
}

// pathLike reports whether word token i runs on into a path or query
// string ("gov/news", "content_"): a URL broken by a line break.
func pathLike(d *prose.Document, i int) bool {
	end := d.TokenEnd(i)
	if end >= len(d.Text) {
		return false
	}
	switch d.Text[end] {
	case '/', '_', '=', '&', '\\':
		return true
	}
	return false
}

// afterMaskedText reports whether the text before off on its line ends in
// something the parser masked: a code span, an HTML tag, a link target.
func afterMaskedText(d *prose.Document, off int) bool {
	j := off
	for j > 0 && (d.Text[j-1] == ' ' || d.Text[j-1] == '\t') {
		j--
	}
	if j == 0 || d.Text[j-1] == '\n' {
		return false
	}
	switch d.Text[j-1] {
	case '`', ')', ']', '}', '[':
		return true
	case '>':
		return j >= 2 && d.Text[j-2] != ' ' && d.Text[j-2] != '\n' && d.Text[j-2] != '>'
	}
	return false
}

// maskedBetween reports whether the text between two Markdown blocks holds
// something other than white space and block markers: a code block, HTML.
func maskedBetween(s string) bool {
	// HTML comments (edlint directives, notes) hide nothing.
	for {
		i := strings.Index(s, "<!--")
		if i < 0 {
			break
		}
		j := strings.Index(s[i:], "-->")
		if j < 0 {
			break
		}
		s = s[:i] + s[i+j+3:]
	}
	for _, line := range strings.Split(s, "\n") {
		t := strings.TrimLeft(strings.TrimSpace(line), "#>*-+|")
		if strings.TrimSpace(t) != "" {
			return true
		}
	}
	return false
}

// listLike reports whether a block reads as data rather than a sentence:
// items separated by middle dots, bullets, bars or arrows.
//
// Each mark is searched for alone: strings.ContainsAny, given marks
// outside ASCII, decodes every rune of the block and looks it up among
// them, some twenty instructions a byte (13M over a thousand files of a
// kilobyte, a block each), where strings.Contains skips to each mark's
// first byte. (A mark's first byte is no continuation byte, so the
// decoding finds every mark the bytes hold.)
func listLike(s string) bool {
	return strings.Contains(s, "|") || strings.Contains(s, "·") || strings.Contains(s, "•") || strings.Contains(s, "→")
}
