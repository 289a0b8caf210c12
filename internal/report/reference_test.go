package report

// The formatters as they were before they streamed (they built the whole
// report and encoded it at once) and GitHub's as it was before its
// replacers were built once, kept as the reference the new ones must
// match byte for byte.

import (
	"bufio"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"github.com/edlint/edlint/internal/lint"
	"github.com/edlint/edlint/internal/prose"
	"github.com/edlint/edlint/internal/rules"
)

type jsonReport struct {
	Version  int           `json:"version"`
	Findings []jsonFinding `json:"findings"`
	Errors   []jsonError   `json:"errors,omitempty"`
	Summary  Summary       `json:"summary"`
}

func refJSON(w io.Writer, files []*lint.File, _ Options) error {
	r := jsonReport{Version: 1, Findings: []jsonFinding{}, Summary: Summarize(files)}
	// Related spans may point into another file linted in the same run.
	docs := map[string]*prose.Document{}
	for _, f := range files {
		if f.Doc != nil {
			docs[f.Path] = f.Doc
		}
	}
	for _, f := range files {
		if f.Err != nil {
			r.Errors = append(r.Errors, jsonError{Path: f.Path, Message: f.Err.Error()})
			continue
		}
		if f.Skipped != "" {
			r.Errors = append(r.Errors, jsonError{Path: f.Path, Message: "skipped: " + f.Skipped})
			continue
		}
		d := f.Doc
		for _, x := range f.Findings {
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
			r.Findings = append(r.Findings, jf)
		}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(r)
}

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool        sarifTool         `json:"tool"`
	Invocations []sarifInvocation `json:"invocations"`
	ColumnKind  string            `json:"columnKind"`
	Results     []sarifResult     `json:"results"`
}

func refSARIF(w io.Writer, files []*lint.File, opts Options) error {
	run := sarifRun{
		Tool:        sarifTool{Driver: sarifDriver{Name: "edlint", Version: opts.Version, InformationURI: toolURI}},
		Invocations: []sarifInvocation{{ExecutionSuccessful: true}},
		ColumnKind:  "unicodeCodePoints",
		Results:     []sarifResult{},
	}
	index := map[string]int{}
	addRule := func(m rules.Meta) int {
		if i, ok := index[m.Name]; ok {
			return i
		}
		index[m.Name] = len(run.Tool.Driver.Rules)
		run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, sarifRuleOf(m))
		return index[m.Name]
	}
	for _, m := range allMetas(opts.Rules) {
		addRule(m)
	}
	inv := &run.Invocations[0]
	for _, f := range files {
		uri := fileURI(f.Path)
		if f.Err != nil || f.Skipped != "" {
			level, msg := "error", ""
			if f.Err != nil {
				inv.ExecutionSuccessful = false
				msg = f.Err.Error()
			} else {
				level, msg = "warning", "skipped: "+f.Skipped
			}
			inv.Notifications = append(inv.Notifications, sarifNotification{
				Level: level, Message: sarifText{msg},
				Locations: []sarifLocation{{PhysicalLocation: sarifPhysical{ArtifactLocation: sarifArtifact{uri}}}},
			})
			continue
		}
		d := f.Doc
		for i := range f.Findings {
			x := &f.Findings[i]
			idx, ok := index[x.Rule]
			if !ok {
				idx = addRule(rules.Meta{Name: x.Rule, Category: x.Category, Severity: x.Severity, Summary: x.Rule})
			}
			res := sarifResult{
				RuleID: x.Rule, RuleIndex: idx, Level: sarifLevel(x.Severity),
				Message:    sarifText{refMessageWithHint(x)},
				Locations:  []sarifLocation{{PhysicalLocation: sarifPhysical{ArtifactLocation: sarifArtifact{uri}, Region: sarifRegionOf(d, x.Span, true)}}},
				Properties: &sarifResultProperties{Category: x.Category, Suggestions: x.Suggestions},
			}
			for j, rel := range x.Related {
				if rel.Path != "" && rel.Path != f.Path {
					continue // another file's offsets cannot be placed here
				}
				sr := sarifRelated{ID: j + 1, PhysicalLocation: sarifPhysical{ArtifactLocation: sarifArtifact{uri}, Region: sarifRegionOf(d, rel.Span, true)}}
				if rel.Message != "" {
					sr.Message = &sarifText{rel.Message}
				}
				res.RelatedLocations = append(res.RelatedLocations, sr)
			}
			if len(x.Fix) > 0 {
				change := sarifArtifactChange{ArtifactLocation: sarifArtifact{uri}}
				var what []string
				for _, e := range x.Fix {
					change.Replacements = append(change.Replacements, sarifReplacement{
						DeletedRegion:   sarifRegion{ByteOffset: e.Start, ByteLength: e.End - e.Start},
						InsertedContent: sarifText{e.New},
					})
					what = append(what, fmt.Sprintf("%q → %q", d.Slice(e.Span), e.New))
				}
				res.Fixes = []sarifFix{{Description: sarifText{"replace " + strings.Join(what, ", ")}, ArtifactChanges: []sarifArtifactChange{change}}}
			}
			run.Results = append(run.Results, res)
		}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(sarifLog{Schema: sarifSchema, Version: sarifVersion, Runs: []sarifRun{run}})
}

type rdResult struct {
	Source      rdSource       `json:"source"`
	Diagnostics []rdDiagnostic `json:"diagnostics"`
}

func refRDJSON(w io.Writer, files []*lint.File, _ Options) error {
	r := rdResult{Source: rdSource{Name: "edlint", URL: toolURI}, Diagnostics: []rdDiagnostic{}}
	for _, f := range files {
		switch {
		case f.Err != nil:
			r.Diagnostics = append(r.Diagnostics, rdDiagnostic{Message: f.Err.Error(), Location: rdLocation{Path: f.Path}, Severity: "ERROR"})
			continue
		case f.Skipped != "":
			r.Diagnostics = append(r.Diagnostics, rdDiagnostic{Message: "skipped: " + f.Skipped, Location: rdLocation{Path: f.Path}, Severity: "WARNING"})
			continue
		}
		d := f.Doc
		for i := range f.Findings {
			x := &f.Findings[i]
			diag := rdDiagnostic{
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
			r.Diagnostics = append(r.Diagnostics, diag)
		}
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(r)
}

func refGitHub(w io.Writer, files []*lint.File, _ Options) error {
	bw := bufio.NewWriter(w)
	for _, f := range files {
		switch {
		case f.Err != nil:
			fmt.Fprintf(bw, "::error file=%s::%s\n", refEscapeProperty(f.Path), refEscapeData(f.Err.Error()))
			continue
		case f.Skipped != "":
			fmt.Fprintf(bw, "::warning file=%s::%s\n", refEscapeProperty(f.Path), refEscapeData("skipped: "+f.Skipped))
			continue
		}
		for i := range f.Findings {
			x := &f.Findings[i]
			start, end := f.Doc.Position(x.Start), f.Doc.Position(x.End)
			fmt.Fprintf(bw, "::%s file=%s,line=%d,col=%d,endLine=%d,endColumn=%d,title=%s::%s\n",
				githubLevel(x.Severity), refEscapeProperty(f.Path), start.Line, start.Column, end.Line, end.Column,
				refEscapeProperty(x.Rule+" ("+x.Category+")"), refEscapeData(refMessageWithHint(x)))
		}
	}
	return bw.Flush()
}

func refEscapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

func refEscapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}

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

func refCheckstyle(w io.Writer, files []*lint.File, _ Options) error {
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
				Message: refMessageWithHint(x), Source: "edlint." + x.Rule,
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

// refMessageWithHint is the finding's message followed by its best
// suggestions, for formats that have one text field (GitHub annotations,
// code scanning alerts, checkstyle).
func refMessageWithHint(x *rules.Finding) string {
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
	return fmt.Sprintf("%s (suggestions: %s)", x.Message, strings.Join(refHintQuotes(s), ", "))
}

func refHintQuotes(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = fmt.Sprintf("%q", s)
	}
	return out
}
