package report

import (
	"net/url"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/edlint/edlint/internal/lint"
	"github.com/edlint/edlint/internal/prose"
	"github.com/edlint/edlint/internal/rules"
)

// toolURI is edlint's home, named by formats that describe the tool.
const toolURI = "https://github.com/edlint/edlint"

// maxHint is how many suggestions the one-line formats name.
const maxHint = 3

// messageWithHint is the finding's message followed by its best
// suggestions, for formats that have one text field (GitHub annotations,
// code scanning alerts, checkstyle).
func messageWithHint(x *rules.Finding) string {
	var at [maxHint]string
	hs := hints(x, at[:0])
	if len(hs) == 0 {
		return x.Message
	}
	b := append(make([]byte, 0, len(x.Message)+32), x.Message...)
	b = append(b, " (suggestions: "...)
	for i, h := range hs {
		if i > 0 {
			b = append(b, ", "...)
		}
		b = appendQuoted(b, h)
	}
	return string(append(b, ')'))
}

// hints appends to hs the suggestions messageWithHint names: the first
// maxHint that the message does not quote already ("…is a misspelling of
// "receive"" names it).
func hints(x *rules.Finding, hs []string) []string {
	for _, sug := range x.Suggestions {
		if !quotes(x.Message, sug) {
			hs = append(hs, sug)
			if len(hs) == maxHint {
				break
			}
		}
	}
	return hs
}

// quotes reports whether msg holds strconv.Quote(s). When s is quoted as
// it is (rules.PlainQuoted), that is an occurrence of s between two quotes,
// found without building the quoted string (with fmt's %q and the final
// Sprintf, building was most of messageWithHint).
func quotes(msg, s string) bool {
	if s == "" || !rules.PlainQuoted(s) {
		return strings.Contains(msg, strconv.Quote(s))
	}
	for from := 0; ; {
		i := strings.Index(msg[from:], s)
		if i < 0 {
			return false
		}
		i += from
		if j := i + len(s); i > 0 && j < len(msg) && msg[i-1] == '"' && msg[j] == '"' {
			return true
		}
		from = i + 1
	}
}

// appendQuoted appends strconv.Quote(s), without strconv's rune by rune
// escaping when s is rules.PlainQuoted.
func appendQuoted(b []byte, s string) []byte {
	if !rules.PlainQuoted(s) {
		return strconv.AppendQuote(b, s)
	}
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"')
}

// fileURI turns a path as given on the command line into a URI reference:
// relative paths stay relative (SARIF consumers resolve them against the
// repository root), absolute ones become file URIs.
func fileURI(path string) string {
	p := filepath.ToSlash(path)
	if filepath.IsAbs(path) {
		if !strings.HasPrefix(p, "/") {
			p = "/" + p // a Windows drive path
		}
		return "file://" + (&url.URL{Path: p}).EscapedPath()
	}
	return (&url.URL{Path: strings.TrimPrefix(p, "./")}).EscapedPath()
}

// allMetas lists the rules that may appear in a report: those that ran,
// then the driver's own.
func allMetas(rs []rules.Rule) []rules.Meta {
	if rs == nil {
		rs = rules.All()
	}
	var out []rules.Meta
	for _, r := range rs {
		out = append(out, r.Meta())
	}
	return append(out, lint.DriverRules()...)
}

// byteColumn is the 1-based column of off counted in bytes, as reviewdog
// wants.
func byteColumn(d *prose.Document, off int) (line, col int) {
	p := d.Position(off)
	return p.Line, off - d.LineSpan(p.Line).Start + 1
}
