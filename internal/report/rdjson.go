package report

import (
	"io"

	"github.com/edlint/edlint/internal/lint"
	"github.com/edlint/edlint/internal/prose"
	"github.com/edlint/edlint/internal/rules"
)

// The Reviewdog Diagnostic Format (rdjson). Columns count UTF-8 bytes,
// 1-based, as reviewdog's format defines them.
type rdSource struct {
	Name string `json:"name"`
	URL  string `json:"url,omitempty"`
}

type rdDiagnostic struct {
	Message     string         `json:"message"`
	Location    rdLocation     `json:"location"`
	Severity    string         `json:"severity"`
	Source      *rdSource      `json:"source,omitempty"`
	Code        *rdCode        `json:"code,omitempty"`
	Suggestions []rdSuggestion `json:"suggestions,omitempty"`
}

type rdCode struct {
	Value string `json:"value"`
	URL   string `json:"url,omitempty"`
}

type rdLocation struct {
	Path  string   `json:"path"`
	Range *rdRange `json:"range,omitempty"`
}

type rdRange struct {
	Start rdPosition `json:"start"`
	End   rdPosition `json:"end"`
}

type rdPosition struct {
	Line   int `json:"line"`
	Column int `json:"column"`
}

type rdSuggestion struct {
	Range rdRange `json:"range"`
	Text  string  `json:"text"`
}

// RDJSON writes reviewdog's rdjson, for "reviewdog -f=rdjson": a finding's
// safe fix becomes its suggestions; without one, the best suggestion is
// offered for the reviewer to accept or not.
func RDJSON(w io.Writer, files []*lint.File, _ Options) error {
	// {"source":{...},"diagnostics":[...]} on one line, one diagnostic
	// encoded at a time.
	s := newJSONStream(w, "")
	s.raw(`{"source":`)
	if err := s.value(0, rdSource{Name: "edlint", URL: toolURI}); err != nil {
		return err
	}
	s.raw(`,"diagnostics":[`)
	n := 0
	add := func(diag *rdDiagnostic) error {
		err := s.elem(0, n, diag)
		n++
		return err
	}
	for _, f := range files {
		var err error
		switch {
		case f.Err != nil:
			err = add(&rdDiagnostic{Message: f.Err.Error(), Location: rdLocation{Path: f.Path}, Severity: "ERROR"})
		case f.Skipped != "":
			err = add(&rdDiagnostic{Message: "skipped: " + f.Skipped, Location: rdLocation{Path: f.Path}, Severity: "WARNING"})
		default:
			for i := range f.Findings {
				if err = add(rdDiagnosticOf(f, &f.Findings[i])); err != nil {
					break
				}
			}
		}
		if err != nil {
			return err
		}
	}
	s.endArray(0, n)
	s.raw("}")
	return s.flush()
}

// rdDiagnosticOf is finding x of file f as a reviewdog diagnostic.
func rdDiagnosticOf(f *lint.File, x *rules.Finding) *rdDiagnostic {
	d := f.Doc
	diag := &rdDiagnostic{
		Message:  x.Message,
		Location: rdLocation{Path: f.Path, Range: rdSpan(d, x.Span)},
		Severity: rdSeverity(x.Severity),
		Code:     &rdCode{Value: x.Rule},
	}
	switch {
	case len(x.Fix) > 0:
		for _, e := range x.Fix {
			diag.Suggestions = append(diag.Suggestions, rdSuggestion{Range: *rdSpan(d, e.Span), Text: e.New})
		}
	case len(x.Suggestions) > 0:
		diag.Suggestions = []rdSuggestion{{Range: *rdSpan(d, x.Span), Text: x.Suggestions[0]}}
	}
	return diag
}

func rdSpan(d *prose.Document, s prose.Span) *rdRange {
	sl, sc := byteColumn(d, s.Start)
	el, ec := byteColumn(d, s.End)
	return &rdRange{Start: rdPosition{sl, sc}, End: rdPosition{el, ec}}
}

func rdSeverity(s rules.Severity) string {
	switch s {
	case rules.Error:
		return "ERROR"
	case rules.Warning:
		return "WARNING"
	}
	return "INFO"
}
