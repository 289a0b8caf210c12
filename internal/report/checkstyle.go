package report

import (
	"bufio"
	"encoding/xml"
	"io"
	"strconv"
	"unicode/utf8"

	"github.com/edlint/edlint/internal/lint"
	"github.com/edlint/edlint/internal/rules"
)

// Checkstyle writes the Checkstyle XML report that Jenkins, GitLab
// converters, reviewdog and many CI dashboards read. Every linted file is
// listed, clean ones with no errors; the source of a finding is
// "edlint.RULE".
//
// The report is written an element at a time, as encoding/xml's Encoder
// with a two-space indent wrote the whole report built in memory (the
// reference in reference_test.go), whose reflection and rune by rune
// escaping cost 154M instructions more than the text report on the 20 MB
// corpus (one core, collector off; now about as much as text: 1,556.8M
// against 1,557.7M), and which held the whole report in memory.
func Checkstyle(w io.Writer, files []*lint.File, _ Options) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	bw.WriteString(xml.Header)
	bw.WriteString(`<checkstyle version="4.3">`)
	var b []byte // one element, escaped
	for _, f := range files {
		b = append(b[:0], "\n  <file name=\""...)
		b = appendXMLEscaped(b, f.Path)
		b = append(b, `">`...)
		n := 0 // errors listed
		switch {
		case f.Err != nil:
			b = appendCSError(b, 1, 0, "error", &rules.Finding{Message: f.Err.Error()}, "io")
			n++
		case f.Skipped != "":
			b = appendCSError(b, 1, 0, "warning", &rules.Finding{Message: "skipped: " + f.Skipped}, "io")
			n++
		}
		for i := range f.Findings {
			x := &f.Findings[i]
			p := f.Doc.Position(x.Start)
			b = appendCSError(b, p.Line, p.Column, x.Severity.String(), x, x.Rule)
			n++
			if len(b) >= 4<<10 {
				if _, err := bw.Write(b); err != nil {
					return err
				}
				b = b[:0]
			}
		}
		// As the Encoder indents: an element with children closes on a
		// line of its own, one without closes where it opens.
		if n > 0 {
			b = append(b, "\n  "...)
		}
		b = append(b, "</file>"...)
		if _, err := bw.Write(b); err != nil {
			return err
		}
	}
	if len(files) > 0 {
		bw.WriteString("\n")
	}
	bw.WriteString("</checkstyle>\n")
	return bw.Flush()
}

// appendCSError appends a checkstyle error element on its own line; a
// column of 0 is left out (omitempty), the message is messageWithHint(x)
// and the source is "edlint."+rule.
func appendCSError(b []byte, line, column int, severity string, x *rules.Finding, rule string) []byte {
	b = append(b, "\n    <error line=\""...)
	b = strconv.AppendInt(b, int64(line), 10)
	if column != 0 {
		b = append(b, `" column="`...)
		b = strconv.AppendInt(b, int64(column), 10)
	}
	b = append(b, `" severity="`...)
	b = appendXMLEscaped(b, severity)
	b = append(b, `" message="`...)
	b = appendCSMessage(b, x)
	b = append(b, `" source="edlint.`...)
	b = appendXMLEscaped(b, rule)
	return append(b, `"></error>`...)
}

// appendCSMessage appends messageWithHint(x) escaped, a piece at a time
// and without building it: escaping goes rune by rune, and the pieces
// meet at ASCII, where an invalid sequence ending one piece decodes as it
// does at the end of a string. A suggestion that Quote leaves as it is
// is escaped between escaped quotes.
func appendCSMessage(b []byte, x *rules.Finding) []byte {
	var at [maxHint]string
	hs := hints(x, at[:0])
	b = appendXMLEscaped(b, x.Message)
	if len(hs) == 0 {
		return b
	}
	b = append(b, " (suggestions: "...)
	for i, h := range hs {
		if i > 0 {
			b = append(b, ", "...)
		}
		if rules.PlainQuoted(h) {
			b = append(b, "&#34;"...)
			b = appendXMLEscaped(b, h)
			b = append(b, "&#34;"...)
		} else {
			b = appendXMLEscaped(b, strconv.Quote(h))
		}
	}
	return append(b, ')')
}

// xmlEscapes is what encoding/xml writes for each ASCII byte of an
// attribute value ("" for a byte written as it is): quotes, markup and
// the whitespace an attribute's normalisation would lose as character
// references, and the control characters XML cannot hold as U+FFFD.
var xmlEscapes = func() (t [utf8.RuneSelf]string) {
	for c := range ' ' {
		t[c] = "\uFFFD"
	}
	t['"'], t['\''], t['&'], t['<'], t['>'] = "&#34;", "&#39;", "&amp;", "&lt;", "&gt;"
	t['\t'], t['\n'], t['\r'] = "&#x9;", "&#xA;", "&#xD;"
	return t
}()

// xmlPlain marks the bytes appendXMLEscaped copies without a look: the
// ASCII that xmlEscapes leaves.
var xmlPlain = func() (t [256]bool) {
	for c := range utf8.RuneSelf {
		t[c] = xmlEscapes[c] == ""
	}
	return t
}()

// appendXMLEscaped appends s escaped as encoding/xml escapes an attribute
// value (its printer's EscapeString): ASCII by the table, and beyond it
// only what is not an XML character, each invalid byte (Go decodes a
// surrogate's encoding as three) and U+FFFE and U+FFFF, which become
// U+FFFD. Runs of bytes that stay are copied whole, and found by a loop
// of a table look-up a byte (with a loop that switched on each byte the
// function cost 18.7M instructions on the 20 MB corpus's report, with
// this one 12.8M, 10M of it the loop).
func appendXMLEscaped(b []byte, s string) []byte {
	last := 0
	for i := 0; ; {
		for i < len(s) && xmlPlain[s[i]] {
			i++
		}
		if i == len(s) {
			break
		}
		if c := s[i]; c < utf8.RuneSelf {
			b = append(b, s[last:i]...)
			b = append(b, xmlEscapes[c]...)
			i++
			last = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || r == 0xFFFE || r == 0xFFFF {
			b = append(b, s[last:i]...)
			b = append(b, "\uFFFD"...)
			last = i + size
		}
		i += size
	}
	return append(b, s[last:]...)
}
