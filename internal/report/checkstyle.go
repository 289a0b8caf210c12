package report

import (
	"encoding/xml"
	"io"

	"github.com/edlint/edlint/internal/lint"
)

type csReport struct {
	XMLName xml.Name `xml:"checkstyle"`
	Version string   `xml:"version,attr"`
	Files   []csFile `xml:"file"`
}

type csFile struct {
	Name   string    `xml:"name,attr"`
	Errors []csError `xml:"error"`
}

type csError struct {
	Line     int    `xml:"line,attr"`
	Column   int    `xml:"column,attr,omitempty"`
	Severity string `xml:"severity,attr"`
	Message  string `xml:"message,attr"`
	Source   string `xml:"source,attr"`
}

// Checkstyle writes the Checkstyle XML report that Jenkins, GitLab
// converters, reviewdog and many CI dashboards read. Every linted file is
// listed, clean ones with no errors; the source of a finding is
// "edlint.RULE".
func Checkstyle(w io.Writer, files []*lint.File, _ Options) error {
	r := csReport{Version: "4.3"}
	for _, f := range files {
		cf := csFile{Name: f.Path}
		switch {
		case f.Err != nil:
			cf.Errors = append(cf.Errors, csError{Line: 1, Severity: "error", Message: f.Err.Error(), Source: "edlint.io"})
		case f.Skipped != "":
			cf.Errors = append(cf.Errors, csError{Line: 1, Severity: "warning", Message: "skipped: " + f.Skipped, Source: "edlint.io"})
		}
		for i := range f.Findings {
			x := &f.Findings[i]
			p := f.Doc.Position(x.Start)
			cf.Errors = append(cf.Errors, csError{
				Line: p.Line, Column: p.Column, Severity: x.Severity.String(),
				Message: messageWithHint(x), Source: "edlint." + x.Rule,
			})
		}
		r.Files = append(r.Files, cf)
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(r); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}
