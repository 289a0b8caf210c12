// Package report writes lint results in the formats users and CI read. Every
// formatter writes to an io.Writer and turns byte offsets into line:column
// only through prose.Document.Position.
package report

import (
	"fmt"
	"io"
	"sort"
	"time"

	"github.com/edlint/edlint/internal/lint"
	"github.com/edlint/edlint/internal/rules"
)

// Options control a formatter.
type Options struct {
	// Color turns on ANSI colours in the text format.
	Color bool
	// Elapsed is shown in the text summary when non-zero.
	Elapsed time.Duration
	// Rules is the rule set that ran, for formats that describe rules (SARIF).
	Rules []rules.Rule
	// Version is edlint's version, for formats that name the tool.
	Version string
	// Quiet leaves out the text summary line.
	Quiet bool
	// RuleOptions are the settings the rules ran with; the ladder format
	// reads the yardstick from them.
	RuleOptions rules.Options
}

// Formatter writes the results of one run.
type Formatter func(w io.Writer, files []*lint.File, opts Options) error

// Formats maps each --format name to its formatter.
var formats = map[string]Formatter{
	"text":       Text,
	"json":       JSON,
	"sarif":      SARIF,
	"github":     GitHub,
	"checkstyle": Checkstyle,
	"rdjson":     RDJSON,
	"ladder":     Ladder,
}

// Lookup returns the formatter for a --format name.
func Lookup(name string) (Formatter, error) {
	if f, ok := formats[name]; ok {
		return f, nil
	}
	return nil, fmt.Errorf("unknown format %q (want one of %v)", name, Names())
}

// Names lists the format names, sorted.
func Names() []string {
	var out []string
	for n := range formats {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// Summary counts findings by severity.
type Summary struct {
	Files   int `json:"files"`
	Error   int `json:"error"`
	Warning int `json:"warning"`
	Info    int `json:"info"`
}

// Summarize counts the linted files and their findings by severity.
func Summarize(files []*lint.File) Summary {
	var s Summary
	for _, f := range files {
		if f.Doc != nil {
			s.Files++
		}
		for _, x := range f.Findings {
			switch x.Severity {
			case rules.Error:
				s.Error++
			case rules.Warning:
				s.Warning++
			default:
				s.Info++
			}
		}
	}
	return s
}
