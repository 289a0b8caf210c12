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
	buf    bytes.Buffer // one value's encoding
	enc    *json.Encoder
	depth  int // the depth enc is indented for
}

func newJSONStream(w io.Writer, indent string) *jsonStream {
	s := &jsonStream{w: bufio.NewWriterSize(w, 64<<10), indent: indent, depth: -1}
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
		s.w.WriteString("\n")
		for range depth {
			s.w.WriteString(s.indent)
		}
	}
}

// value writes v where its first byte sits on a line indented depth levels
// (after a key, or as an array element): its inner lines are indented as
// the enclosing document's would be.
func (s *jsonStream) value(depth int, v any) error {
	if s.indent != "" && depth != s.depth {
		s.enc.SetIndent(strings.Repeat(s.indent, depth), s.indent)
		s.depth = depth
	}
	s.buf.Reset()
	if err := s.enc.Encode(v); err != nil {
		return err
	}
	b := s.buf.Bytes()
	_, err := s.w.Write(b[:len(b)-1]) // without Encode's newline
	return err
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
