package rules

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/edlint/edlint/internal/prose"
)

// InvisibleCharacter reports zero-width and bidirectional control
// characters, which hide or reorder text, and U+FFFD replacement characters
// left by a broken conversion.
func InvisibleCharacter() Rule { return invisibleCharacter{} }

type invisibleCharacter struct{}

func (invisibleCharacter) Meta() Meta {
	return Meta{
		Name:     "invisible-character",
		Category: Mechanics,
		Severity: Warning,
		Summary:  "an invisible or bidirectional control character, or a U+FFFD replacement character",
		Doc: `Reports characters a reader cannot see but that change what the text is:
zero-width spaces and joiners (U+200B–U+200D, U+2060), a byte-order mark
inside the text (U+FEFF), left-to-right and right-to-left marks and the
bidirectional embeddings, overrides and isolates (U+200E, U+200F,
U+202A–U+202E, U+2066–U+2069), which can make text display in another order
than it reads; and U+FFFD, the replacement character a broken conversion
leaves where a letter was lost (attach� for attaché). Joiners inside emoji or
non-Latin words and direction marks in a draft that has right-to-left text
are allowed. The fix deletes zero-width spaces, word joiners and stray
byte-order marks; a lost letter needs a human.`,
		Before: "The KGB\u200b recruited him.\n",
		After:  "The KGB recruited him.\n",
	}
}

var invisibleNames = map[rune]string{
	'\u200b': "zero width space", '\u200c': "zero width non-joiner", '\u200d': "zero width joiner",
	'\u200e': "left-to-right mark", '\u200f': "right-to-left mark", '\u2060': "word joiner",
	'\ufeff': "zero width no-break space (byte-order mark)", '\u202a': "left-to-right embedding",
	'\u202b': "right-to-left embedding", '\u202c': "pop directional formatting",
	'\u202d': "left-to-right override", '\u202e': "right-to-left override",
	'\u2066': "left-to-right isolate", '\u2067': "right-to-left isolate",
	'\u2068': "first strong isolate", '\u2069': "pop directional isolate",
	'\ufffd': "replacement character",
}

func (invisibleCharacter) Check(p *Pass) {
	d := p.Doc
	rtl := -1 // whether the draft holds right-to-left letters; computed on need
	// Every character reported here is three bytes led by 0xE2 or 0xEF:
	// look only at those bytes, found by a fast search over the whole
	// text, and at the ones inside prose.
	e2, ef := nextByte(d.Text, 0, 0xE2), nextByte(d.Text, 0, 0xEF)
	si := 0
	for off := 0; si < len(d.Prose); {
		if e2 < off {
			e2 = nextByte(d.Text, off, 0xE2)
		}
		if ef < off {
			ef = nextByte(d.Text, off, 0xEF)
		}
		off = min(e2, ef)
		if off == len(d.Text) {
			break
		}
		si = segmentAfter(d.Prose, si, off)
		if si == len(d.Prose) {
			break
		}
		s := d.Prose[si]
		if off < s.Start() {
			off++
			continue
		}
		r, size := utf8.DecodeRuneInString(d.Text[off:s.End()])
		name, ok := invisibleNames[r]
		if !ok || r == utf8.RuneError && size == 1 {
			off += size
			continue
		}
		span := prose.Span{Start: off, End: off + size}
		off += size
		switch r {
		case '\ufeff':
			if span.Start == 0 {
				continue
			}
		case '\u200c', '\u200d':
			// Joiners shape emoji sequences and Indic or Arabic words.
			if !latinNeighbours(d, span) {
				continue
			}
		case '\u200e', '\u200f', '\u202a', '\u202b', '\u202c', '\u2066', '\u2067', '\u2068', '\u2069':
			if rtl < 0 {
				rtl = 0
				if hasRTL(d.Text) {
					rtl = 1
				}
			}
			if rtl == 1 {
				continue
			}
		}
		f := Finding{Span: span}
		if r == '\ufffd' {
			f.Message = "U+FFFD replacement character: a letter was lost in a conversion"
		} else {
			f.Message = fmt.Sprintf("invisible character U+%04X (%s)", r, name)
			switch r {
			case '\u200b', '\u2060', '\ufeff':
				f.Fix = []prose.Edit{{Span: span}}
				f.Suggestions = []string{""}
			}
		}
		p.Report(f)
	}
}

// latinNeighbours reports whether the characters on both sides of s are
// ASCII or Latin letters, spaces or punctuation: no script needs a joiner
// there.
func latinNeighbours(d *prose.Document, s prose.Span) bool {
	b, _ := utf8.DecodeLastRuneInString(d.Text[:s.Start])
	a, _ := utf8.DecodeRuneInString(d.Text[s.End:])
	ok := func(r rune) bool {
		return r < 0x250 || unicode.IsSpace(r) || r == utf8.RuneError
	}
	return ok(b) && ok(a)
}

func hasRTL(text string) bool {
	for _, r := range text {
		if unicode.In(r, unicode.Hebrew, unicode.Arabic, unicode.Syriac, unicode.Thaana) {
			return true
		}
	}
	return false
}

// nextByte returns the offset of the first c in text at or after from, or
// len(text).
func nextByte(text string, from int, c byte) int {
	if k := strings.IndexByte(text[from:], c); k >= 0 {
		return from + k
	}
	return len(text)
}

// segmentAfter returns the index of the first of segs from index from
// on that ends after off, or len(segs). The segments are in
// order, one a line or so: it steps from from by doubling strides, then
// halves the last, so that far apart marks cost a few probes each rather
// than a step per line, and near ones a probe or two.
func segmentAfter(segs []prose.Segment, from, off int) int {
	// Invariant: the segments before lo end at or before off; hi is past
	// the end or a segment that ends after it.
	lo, hi := from, len(segs)
	for stride := 1; lo < hi; stride *= 2 {
		probe := lo + stride - 1
		if probe >= hi {
			break
		}
		if segs[probe].End() > off {
			hi = probe
			break
		}
		lo = probe + 1
	}
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if segs[mid].End() <= off {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo
}
