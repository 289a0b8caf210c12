package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/edlint/edlint/internal/lint"
	"github.com/edlint/edlint/internal/prose"
	"github.com/edlint/edlint/internal/rules"
)

// SARIF 2.1.0 (OASIS). Only the parts edlint fills are declared.
const (
	sarifVersion = "2.1.0"
	sarifSchema  = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version,omitempty"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID                   string            `json:"id"`
	Name                 string            `json:"name,omitempty"`
	ShortDescription     sarifText         `json:"shortDescription"`
	FullDescription      sarifText         `json:"fullDescription"`
	Help                 sarifMarkdown     `json:"help"`
	DefaultConfiguration sarifRuleConfig   `json:"defaultConfiguration"`
	Properties           sarifRuleProperty `json:"properties"`
}

type sarifRuleConfig struct {
	Level string `json:"level"`
}

type sarifRuleProperty struct {
	Tags []string `json:"tags"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifMarkdown struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown,omitempty"`
}

type sarifInvocation struct {
	ExecutionSuccessful bool                `json:"executionSuccessful"`
	Notifications       []sarifNotification `json:"toolExecutionNotifications,omitempty"`
}

type sarifNotification struct {
	Level     string          `json:"level"`
	Message   sarifText       `json:"message"`
	Locations []sarifLocation `json:"locations,omitempty"`
}

type sarifResult struct {
	RuleID           string                 `json:"ruleId"`
	RuleIndex        int                    `json:"ruleIndex"`
	Level            string                 `json:"level"`
	Message          sarifText              `json:"message"`
	Locations        []sarifLocation        `json:"locations"`
	RelatedLocations []sarifRelated         `json:"relatedLocations,omitempty"`
	Fixes            []sarifFix             `json:"fixes,omitempty"`
	Properties       *sarifResultProperties `json:"properties,omitempty"`
}

type sarifResultProperties struct {
	Category    string   `json:"category"`
	Suggestions []string `json:"suggestions,omitempty"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
}

type sarifRelated struct {
	ID               int           `json:"id"`
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
	Message          *sarifText    `json:"message,omitempty"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           *sarifRegion  `json:"region,omitempty"`
}

type sarifArtifact struct {
	URI string `json:"uri"`
}

type sarifRegion struct {
	StartLine   int        `json:"startLine,omitempty"`
	StartColumn int        `json:"startColumn,omitempty"`
	EndLine     int        `json:"endLine,omitempty"`
	EndColumn   int        `json:"endColumn,omitempty"`
	ByteOffset  int        `json:"byteOffset"`
	ByteLength  int        `json:"byteLength"`
	Snippet     *sarifText `json:"snippet,omitempty"`
}

type sarifFix struct {
	Description     sarifText             `json:"description"`
	ArtifactChanges []sarifArtifactChange `json:"artifactChanges"`
}

type sarifArtifactChange struct {
	ArtifactLocation sarifArtifact      `json:"artifactLocation"`
	Replacements     []sarifReplacement `json:"replacements"`
}

type sarifReplacement struct {
	DeletedRegion   sarifRegion `json:"deletedRegion"`
	InsertedContent sarifText   `json:"insertedContent"`
}

// SARIF writes a SARIF 2.1.0 log: GitHub code scanning
// (github/codeql-action/upload-sarif), IDE viewers and security dashboards
// read it. Columns count Unicode code points (columnKind
// "unicodeCodePoints"); regions carry byte offsets too, and safe fixes are
// replacements of byte ranges.
func SARIF(w io.Writer, files []*lint.File, opts Options) error {
	// The rules and the invocation come before the results: gather them
	// first, then stream the results.
	driver := sarifDriver{Name: "edlint", Version: opts.Version, InformationURI: toolURI}
	index := map[string]int{}
	addRule := func(m rules.Meta) {
		if _, ok := index[m.Name]; !ok {
			index[m.Name] = len(driver.Rules)
			driver.Rules = append(driver.Rules, sarifRuleOf(m))
		}
	}
	for _, m := range allMetas(opts.Rules) {
		addRule(m)
	}
	inv := sarifInvocation{ExecutionSuccessful: true}
	for _, f := range files {
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
				Locations: []sarifLocation{{PhysicalLocation: sarifPhysical{ArtifactLocation: sarifArtifact{fileURI(f.Path)}}}},
			})
			continue
		}
		for i := range f.Findings {
			x := &f.Findings[i]
			addRule(rules.Meta{Name: x.Rule, Category: x.Category, Severity: x.Severity, Summary: x.Rule})
		}
	}

	s := newJSONStream(w, "  ")
	s.raw("{\n  \"$schema\": \"" + sarifSchema + "\",\n  \"version\": \"" + sarifVersion + "\",\n  \"runs\": [\n    {\n      \"tool\": ")
	if err := s.value(3, sarifTool{Driver: driver}); err != nil {
		return err
	}
	s.raw(",\n      \"invocations\": ")
	if err := s.value(3, []sarifInvocation{inv}); err != nil {
		return err
	}
	s.raw(",\n      \"columnKind\": \"unicodeCodePoints\",\n      \"results\": [")
	n := 0
	for _, f := range files {
		if f.Err != nil || f.Skipped != "" {
			continue
		}
		uri := fileURI(f.Path)
		for i := range f.Findings {
			x := &f.Findings[i]
			if err := s.elem(3, n, sarifResultOf(f, x, index[x.Rule], uri)); err != nil {
				return err
			}
			n++
		}
	}
	s.endArray(3, n)
	s.raw("\n    }\n  ]\n}")
	return s.flush()
}

// sarifResultOf is finding x of file f as a SARIF result; idx is its rule's
// index in the driver's rules, uri the file's.
func sarifResultOf(f *lint.File, x *rules.Finding, idx int, uri string) sarifResult {
	d := f.Doc
	res := sarifResult{
		RuleID: x.Rule, RuleIndex: idx, Level: sarifLevel(x.Severity),
		Message:    sarifText{messageWithHint(x)},
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
	return res
}

func sarifRegionOf(d *prose.Document, s prose.Span, snippet bool) *sarifRegion {
	start, end := d.Position(s.Start), d.Position(s.End)
	r := &sarifRegion{
		StartLine: start.Line, StartColumn: start.Column, EndLine: end.Line, EndColumn: end.Column,
		ByteOffset: s.Start, ByteLength: s.End - s.Start,
	}
	if snippet && s.End > s.Start {
		r.Snippet = &sarifText{d.Slice(s)}
	}
	return r
}

func sarifLevel(s rules.Severity) string {
	switch s {
	case rules.Error:
		return "error"
	case rules.Warning:
		return "warning"
	}
	return "note"
}

func sarifRuleOf(m rules.Meta) sarifRule {
	full := m.Doc
	if full == "" {
		full = m.Summary
	}
	md := full
	if m.Before != "" {
		md += "\n\n**Reported:**\n\n```markdown\n" + strings.TrimRight(m.Before, "\n") + "\n```"
	}
	if m.After != "" {
		md += "\n\n**Not reported:**\n\n```markdown\n" + strings.TrimRight(m.After, "\n") + "\n```"
	}
	md += fmt.Sprintf("\n\nSilence one place with `<!-- edlint-disable-next-line %s -->`, or the rule with `%s = \"off\"` under `[rules]` in `.edlint.toml`.", m.Name, m.Name)
	sev := m.Severity
	if sev == 0 {
		sev = rules.Warning
	}
	return sarifRule{
		ID: m.Name, Name: pascal(m.Name),
		ShortDescription:     sarifText{m.Summary},
		FullDescription:      sarifText{full},
		Help:                 sarifMarkdown{Text: full, Markdown: md},
		DefaultConfiguration: sarifRuleConfig{Level: sarifLevel(sev)},
		Properties:           sarifRuleProperty{Tags: []string{m.Category}},
	}
}

// pascal turns a kebab-case rule name into the PascalCase name SARIF
// viewers show ("unknown-word" → "UnknownWord").
func pascal(name string) string {
	var b strings.Builder
	for _, part := range strings.Split(name, "-") {
		if part != "" {
			b.WriteString(strings.ToUpper(part[:1]) + part[1:])
		}
	}
	return b.String()
}
