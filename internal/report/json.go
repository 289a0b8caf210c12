package report

import (
	"io"

	"github.com/edlint/edlint/internal/lint"
	"github.com/edlint/edlint/internal/prose"
	"github.com/edlint/edlint/internal/rules"
)

// jsonFinding is one finding in the version-1 JSON contract (design.md §5).
// Fields may be added; none may change or go.
type jsonFinding struct {
	Path        string        `json:"path"`
	Line        int           `json:"line"`
	Column      int           `json:"column"`
	EndLine     int           `json:"end_line"`
	EndColumn   int           `json:"end_column"`
	Offset      int           `json:"offset"`
	EndOffset   int           `json:"end_offset"`
	Rule        string        `json:"rule"`
	Category    string        `json:"category"`
	Severity    string        `json:"severity"`
	Message     string        `json:"message"`
	Match       string        `json:"match"`
	Suggestions []string      `json:"suggestions"`
	Fix         []jsonEdit    `json:"fix,omitempty"`
	Related     []jsonRelated `json:"related,omitempty"`
}

type jsonEdit struct {
	Offset    int    `json:"offset"`
	EndOffset int    `json:"end_offset"`
	NewText   string `json:"new_text"`
}

type jsonRelated struct {
	Path    string `json:"path"`
	Line    int    `json:"line"`
	Column  int    `json:"column"`
	Offset  int    `json:"offset"`
	Match   string `json:"match"`
	Message string `json:"message,omitempty"`
}

type jsonError struct {
	Path    string `json:"path"`
	Message string `json:"message"`
}

// JSON writes the stable machine-readable report:
//
//	{"version": 1, "findings": [...], "errors": [...], "summary": {...}}
//
// indented by two spaces, "errors" only when a file could not be read or was
// skipped. It streams: each finding is encoded on its own as it comes.
func JSON(w io.Writer, files []*lint.File, _ Options) error {
	// Related spans may point into another file linted in the same run.
	docs := map[string]*prose.Document{}
	for _, f := range files {
		if f.Doc != nil {
			docs[f.Path] = f.Doc
		}
	}
	s := newJSONStream(w, "  ")
	s.raw("{\n  \"version\": 1,\n  \"findings\": [")
	n := 0
	var errs []jsonError
	for _, f := range files {
		if f.Err != nil {
			errs = append(errs, jsonError{Path: f.Path, Message: f.Err.Error()})
			continue
		}
		if f.Skipped != "" {
			errs = append(errs, jsonError{Path: f.Path, Message: "skipped: " + f.Skipped})
			continue
		}
		for i := range f.Findings {
			if err := s.elem(1, n, jsonFindingOf(f, &f.Findings[i], docs)); err != nil {
				return err
			}
			n++
		}
	}
	s.endArray(1, n)
	if len(errs) > 0 {
		s.raw(",\n  \"errors\": ")
		if err := s.value(1, errs); err != nil {
			return err
		}
	}
	s.raw(",\n  \"summary\": ")
	if err := s.value(1, Summarize(files)); err != nil {
		return err
	}
	s.raw("\n}")
	return s.flush()
}

// jsonFindingOf is finding x of file f in the JSON contract; docs are the
// run's documents by path, for related spans in other files.
func jsonFindingOf(f *lint.File, x *rules.Finding, docs map[string]*prose.Document) jsonFinding {
	d := f.Doc
	start, end := d.Position(x.Start), d.Position(x.End)
	jf := jsonFinding{
		Path: f.Path, Line: start.Line, Column: start.Column, EndLine: end.Line, EndColumn: end.Column,
		Offset: x.Start, EndOffset: x.End, Rule: x.Rule, Category: x.Category, Severity: x.Severity.String(),
		Message: x.Message, Match: d.Slice(x.Span), Suggestions: x.Suggestions,
	}
	if jf.Suggestions == nil {
		jf.Suggestions = []string{}
	}
	for _, e := range x.Fix {
		jf.Fix = append(jf.Fix, jsonEdit{Offset: e.Start, EndOffset: e.End, NewText: e.New})
	}
	for _, rel := range x.Related {
		jr := jsonRelated{Path: rel.Path, Message: rel.Message, Offset: rel.Start}
		rd, path := d, f.Path
		if rel.Path != "" && rel.Path != f.Path {
			rd, path = docs[rel.Path], rel.Path
		}
		if rd != nil && rel.End <= len(rd.Src) {
			p := rd.Position(rel.Start)
			jr.Path, jr.Line, jr.Column, jr.Match = path, p.Line, p.Column, rd.Slice(rel.Span)
		}
		jf.Related = append(jf.Related, jr)
	}
	return jf
}
