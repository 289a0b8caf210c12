package report

import (
	"fmt"
	"net/url"
	"path/filepath"
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
	var s []string
	for _, sug := range x.Suggestions {
		// "…is a misspelling of "receive"" already names it.
		if !strings.Contains(x.Message, fmt.Sprintf("%q", sug)) {
			s = append(s, sug)
		}
	}
	if len(s) == 0 {
		return x.Message
	}
	if len(s) > maxHint {
		s = s[:maxHint]
	}
	return fmt.Sprintf("%s (suggestions: %s)", x.Message, strings.Join(quoteAll(s), ", "))
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

func quoteAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = fmt.Sprintf("%q", s)
	}
	return out
}
