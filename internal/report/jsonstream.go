package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"strings"
)

// jsonStream writes a JSON document piece by piece: the caller writes the
// envelope (braces, keys, separators) by hand and hands each large array's
// elements over one at a time, so that memory holds one element's encoding
// rather than the whole report. The bytes are those json.Encoder with
// SetEscapeHTML(false) and SetIndent("", indent) writes for the whole
// document; indent "" is the compact form.
type jsonStream struct {
	w      *bufio.Writer
	indent string
	buf    bytes.Buffer // one value's compact encoding
	enc    *json.Encoder
	lines  lineStarts
}

func newJSONStream(w io.Writer, indent string) *jsonStream {
	s := &jsonStream{w: bufio.NewWriterSize(w, 64<<10), indent: indent, lines: lineStarts{indent: indent}}
	s.enc = json.NewEncoder(&s.buf)
	s.enc.SetEscapeHTML(false)
	return s
}

// raw writes envelope text as it is. Write errors stay in the
// bufio.Writer, which reports the first at flush.
func (s *jsonStream) raw(text string) {
	s.w.WriteString(text)
}

// newline starts a line indented depth levels (nothing in compact form).
func (s *jsonStream) newline(depth int) {
	if s.indent != "" {
		s.w.WriteString(s.lines.get(depth))
	}
}

// value writes v where its first byte sits on a line indented depth levels
// (after a key, or as an array element): its inner lines are indented as
// the enclosing document's would be.
//
// The encoder writes v compact and layOut lays it out. json.Encoder's own
// SetIndent does the same through json.Indent, whose scanner validates
// each byte with a call of its state machine; output the encoder has just
// written needs no validation. On the 20 MB corpus (one core, collector
// off) the JSON report took 1,995M instructions to the text report's
// 1,611M, and 1,782M with layOut; SARIF 2,412M, and 2,005M.
func (s *jsonStream) value(depth int, v any) error {
	s.buf.Reset()
	if err := s.enc.Encode(v); err != nil {
		return err
	}
	b := s.buf.Bytes()
	b = b[:len(b)-1] // without Encode's newline
	if s.indent == "" {
		_, err := s.w.Write(b)
		return err
	}
	// Laid out in the writer's free space, which it then takes without
	// a copy when the value fits.
	_, err := s.w.Write(s.lines.layOut(s.w.AvailableBuffer(), b, depth))
	return err
}

// lineStarts are what starts each line of an indented document: at[d] is
// a newline and d indents.
type lineStarts struct {
	indent string
	at     []string
}

// get returns a newline and d indents.
func (l *lineStarts) get(d int) string {
	if d < len(l.at) {
		return l.at[d]
	}
	return l.grow(d)
}

func (l *lineStarts) grow(d int) string {
	for len(l.at) <= d {
		l.at = append(l.at, "\n"+strings.Repeat(l.indent, len(l.at)))
	}
	return l.at[d]
}

// layOut appends to dst the compact JSON src laid out as json.Indent lays
// it out with l's indent and a prefix of depth indents: a newline, the
// prefix and one indent a level before each element and member and before
// the closing bracket of a non-empty array or object, a space after each
// colon; empty arrays and objects stay "[]" and "{}", and the first line
// has no prefix. src must be valid compact JSON, as json.Encoder writes
// it: that is what makes the layout a matter of the bytes outside
// strings, and a string's end the first quote that no odd run of
// backslashes escapes.
func (l *lineStarts) layOut(dst, src []byte, depth int) []byte {
	open := false // after "[" or "{": the newline waits for the next byte
	for i := 0; i < len(src); {
		c := src[i]
		if open {
			open = false
			if c == ']' || c == '}' {
				dst = append(dst, c)
				i++
				continue
			}
			depth++
			dst = append(dst, l.get(depth)...)
		}
		switch c {
		case '"':
			end := stringEnd(src, i)
			dst = append(dst, src[i:end]...)
			i = end
		case '[', '{':
			dst = append(dst, c)
			open = true
			i++
		case ',':
			dst = append(dst, ',')
			dst = append(dst, l.get(depth)...)
			i++
		case ':':
			dst = append(dst, ':', ' ')
			i++
		case ']', '}':
			depth--
			dst = append(dst, l.get(depth)...)
			dst = append(dst, c)
			i++
		default:
			// A number or a literal: up to the next comma or bracket.
			j := i + 1
			for j < len(src) && !jsonPunct[src[j]] {
				j++
			}
			dst = append(dst, src[i:j]...)
			i = j
		}
	}
	return dst
}

// jsonPunct marks the bytes that end a number or a literal in compact
// JSON.
var jsonPunct = [256]bool{',': true, ']': true, '}': true}

// stringEnd returns the index past the closing quote of the JSON string
// whose opening quote is src[i] (len(src) if it has none).
func stringEnd(src []byte, i int) int {
	j := i + 1
	for {
		k := bytes.IndexByte(src[j:], '"')
		if k < 0 {
			return len(src)
		}
		j += k
		n := 0 // the backslashes before the quote
		for n < j-i-1 && src[j-1-n] == '\\' {
			n++
		}
		j++
		if n%2 == 0 {
			return j
		}
	}
}

// elem writes the i-th (0-based) element of an array whose "[" sits on a
// line indented depth levels.
func (s *jsonStream) elem(depth, i int, v any) error {
	if i > 0 {
		s.w.WriteString(",")
	}
	s.newline(depth + 1)
	return s.value(depth+1, v)
}

// endArray closes an array of n elements whose "[" sits on a line indented
// depth levels; an empty one stays "[]".
func (s *jsonStream) endArray(depth, n int) {
	if n > 0 {
		s.newline(depth)
	}
	s.w.WriteString("]")
}

// flush ends the document with the newline json.Encoder writes and reports
// the first write error.
func (s *jsonStream) flush() error {
	s.w.WriteString("\n")
	return s.w.Flush()
}
