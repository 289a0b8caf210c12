package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/edlint/edlint/internal/lint"
	"github.com/edlint/edlint/internal/rules"
)

// GitHub writes GitHub Actions workflow commands, which the runner turns
// into annotations on the pull request's diff:
//
//	::error file=draft.md,line=3,col=5,endLine=3,endColumn=10,title=unknown-word::unknown word "Czeck"
//
// Errors become error annotations, warnings warnings and info notices.
func GitHub(w io.Writer, files []*lint.File, _ Options) error {
	bw := bufio.NewWriter(w)
	for _, f := range files {
		switch {
		case f.Err != nil:
			fmt.Fprintf(bw, "::error file=%s::%s\n", escapeProperty(f.Path), escapeData(f.Err.Error()))
			continue
		case f.Skipped != "":
			fmt.Fprintf(bw, "::warning file=%s::%s\n", escapeProperty(f.Path), escapeData("skipped: "+f.Skipped))
			continue
		}
		for i := range f.Findings {
			x := &f.Findings[i]
			start, end := f.Doc.Position(x.Start), f.Doc.Position(x.End)
			fmt.Fprintf(bw, "::%s file=%s,line=%d,col=%d,endLine=%d,endColumn=%d,title=%s::%s\n",
				githubLevel(x.Severity), escapeProperty(f.Path), start.Line, start.Column, end.Line, end.Column,
				escapeProperty(x.Rule+" ("+x.Category+")"), escapeData(messageWithHint(x)))
		}
	}
	return bw.Flush()
}

func githubLevel(s rules.Severity) string {
	switch s {
	case rules.Error:
		return "error"
	case rules.Warning:
		return "warning"
	}
	return "notice"
}

// The replacers are built once: each builds a 256-entry table on first use.
var (
	dataEscaper     = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	propertyEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)

// escapeData escapes a workflow command's message, as the runner's
// toolkit does: %, CR and LF.
func escapeData(s string) string {
	return dataEscaper.Replace(s)
}

// escapeProperty escapes a workflow command property value: the message
// escapes plus ":" and ",", which separate properties.
func escapeProperty(s string) string {
	return propertyEscaper.Replace(s)
}
