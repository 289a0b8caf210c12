package lint

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/edlint/edlint/internal/prose"
	"github.com/edlint/edlint/internal/rules"
)

// The driver's own rules: findings about directives.
const (
	UnusedDirectiveRule  = "unused-directive"
	InvalidDirectiveRule = "invalid-directive"
)

// DriverRules describes the findings the driver itself reports, so that
// formats listing rules (SARIF) and the config know them.
func DriverRules() []rules.Meta {
	return []rules.Meta{
		{
			Name: EncodingRule, Category: rules.Mechanics, Severity: rules.Error,
			Summary: "bytes that are not valid UTF-8",
			Doc:     "The draft holds bytes that are not valid UTF-8, usually from a file saved in a legacy encoding. Re-save the file as UTF-8.",
		},
		{
			Name: UnusedDirectiveRule, Category: rules.Mechanics, Severity: rules.Info,
			Summary: "an edlint-disable directive that suppresses nothing, or edlint-words the draft does not use",
			Doc: "A directive such as <!-- edlint-disable-next-line unknown-word --> that no longer hides any finding: " +
				"the text it protected was fixed or moved. Delete it, so that it cannot hide a future mistake. " +
				"An edlint-words comment none of whose words the draft uses is reported too. " +
				"Turn the report off with `unused-directive = \"off\"` under [rules] in .edlint.toml.",
		},
		{
			Name: InvalidDirectiveRule, Category: rules.Mechanics, Severity: rules.Warning,
			Summary: "an edlint directive edlint cannot read",
			Doc: "A comment starting with edlint- that is not a known directive, or names a rule or category that does not exist. " +
				"Directives: edlint-disable [RULE…], edlint-enable [RULE…], edlint-disable-next-line [RULE…] [-- reason], " +
				"edlint-disable-line [RULE…] [-- reason], edlint-words: WORD, ….",
		},
	}
}

// wordList is one edlint-words comment.
type wordList struct {
	span  prose.Span
	words []string
}

type directiveKind uint8

const (
	dirDisable directiveKind = iota
	dirEnable
	dirNextLine
	dirLine
)

// directive is one suppression comment.
type directive struct {
	kind directiveKind
	span prose.Span
	// selectors name rules or categories; empty means all.
	selectors []string
	// first, last are the lines a line directive covers.
	first, last int
	used        bool
}

// directives are what a draft says about its own checking.
type directives struct {
	words []string
	// wordLists are the edlint-words comments, to tell which are unused.
	wordLists []wordList
	list      []*directive
	// problems are findings about the directives themselves.
	problems []rules.Finding
}

// knownName reports whether name is a rule, a category or a driver rule.
func knownName(name string) bool {
	switch name {
	case rules.Spelling, rules.Names, rules.Consistency, rules.Hedging, rules.Mechanics, "all":
		return true
	}
	if _, ok := rules.ByName(name); ok {
		return true
	}
	for _, m := range DriverRules() {
		if m.Name == name {
			return true
		}
	}
	return false
}

// parseDirectives reads edlint comments:
//
//	edlint-words: Name1, Name2             accept words in this draft
//	edlint-disable [RULE…]                 stop reporting (all rules, or those named) from here
//	edlint-enable [RULE…]                  start again
//	edlint-disable-next-line [RULE…] [-- reason]
//	edlint-disable-line [RULE…] [-- reason]  the line(s) the comment is on
//
// RULE is a rule name or a category; names may be separated by spaces or
// commas.
func parseDirectives(doc *prose.Document) directives {
	var d directives
	for _, c := range doc.Comments {
		body := c.Body
		if !strings.HasPrefix(body, prose.DirectivePrefix) {
			continue
		}
		if rest, ok := strings.CutPrefix(body, "edlint-words:"); ok {
			wl := wordList{span: c.Span}
			for _, w := range strings.FieldsFunc(rest, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' || r == '\n' || r == '\r' }) {
				if utf8.ValidString(w) {
					d.words = append(d.words, w)
					wl.words = append(wl.words, w)
				}
			}
			d.wordLists = append(d.wordLists, wl)
			continue
		}
		name, args, _ := strings.Cut(body, " ")
		if i := strings.IndexAny(name, "\t\r\n"); i >= 0 {
			name, args = name[:i], name[i:]+" "+args
		}
		var kind directiveKind
		switch name {
		case "edlint-disable":
			kind = dirDisable
		case "edlint-enable":
			kind = dirEnable
		case "edlint-disable-next-line":
			kind = dirNextLine
		case "edlint-disable-line":
			kind = dirLine
		default:
			d.problems = append(d.problems, invalid(c.Span, fmt.Sprintf("unknown directive %q (want edlint-disable, edlint-enable, edlint-disable-next-line, edlint-disable-line or edlint-words:)", name)))
			continue
		}
		if i := strings.Index(args, "--"); i >= 0 {
			args = args[:i] // the reason
		}
		dir := &directive{kind: kind, span: c.Span}
		ok := true
		for _, sel := range strings.FieldsFunc(args, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' || r == '\n' || r == '\r' }) {
			if !knownName(sel) {
				d.problems = append(d.problems, invalid(c.Span, fmt.Sprintf("unknown rule or category %q in %s (run 'edlint rules' for the list)", sel, name)))
				ok = false
				continue
			}
			if sel != "all" {
				dir.selectors = append(dir.selectors, sel)
			}
		}
		if !ok {
			// A half-understood directive would hide more or less than
			// the writer meant: ignore it, having said so.
			continue
		}
		first, last := doc.Position(c.Start).Line, doc.Position(c.End).Line
		switch kind {
		case dirNextLine:
			dir.first, dir.last = last+1, last+1
		case dirLine:
			dir.first, dir.last = first, last
		}
		d.list = append(d.list, dir)
	}
	return d
}

func invalid(span prose.Span, msg string) rules.Finding {
	return rules.Finding{Rule: InvalidDirectiveRule, Category: rules.Mechanics, Severity: rules.Warning, Span: span, Message: msg}
}

func (dir *directive) matches(f *rules.Finding) bool {
	if len(dir.selectors) == 0 {
		return true
	}
	for _, s := range dir.selectors {
		if s == f.Rule || s == f.Category {
			return true
		}
	}
	return false
}

// suppress drops the findings the directives hide and marks the directives
// that hid something. Findings must be sorted by offset.
func (d *directives) suppress(doc *prose.Document, findings []rules.Finding) []rules.Finding {
	if len(d.list) == 0 {
		return findings
	}
	out := findings[:0]
	for _, f := range findings {
		if !d.hides(doc, &f) {
			out = append(out, f)
		}
	}
	return out
}

func (d *directives) hides(doc *prose.Document, f *rules.Finding) bool {
	if f.Rule == InvalidDirectiveRule || f.Rule == rules.InternalErrorRule {
		return false
	}
	line := doc.Position(f.Start).Line
	// Line directives first: they are the most specific.
	for _, dir := range d.list {
		if (dir.kind == dirNextLine || dir.kind == dirLine) && line >= dir.first && line <= dir.last && dir.matches(f) {
			dir.used = true
			return true
		}
	}
	// Ranges: the last matching disable/enable before the finding decides.
	var last *directive
	for _, dir := range d.list {
		if dir.span.End > f.Start {
			break
		}
		if (dir.kind == dirDisable || dir.kind == dirEnable) && dir.matches(f) {
			last = dir
		}
	}
	if last != nil && last.kind == dirDisable {
		last.used = true
		return true
	}
	return false
}

// unused reports the disable directives that hid nothing, and the
// edlint-words comments none of whose words the draft uses.
func (d *directives) unused(doc *prose.Document) []rules.Finding {
	var out []rules.Finding
	if len(d.wordLists) > 0 {
		used := usedWords(doc)
		for _, wl := range d.wordLists {
			if len(wl.words) == 0 || anyUsed(wl.words, used) {
				continue
			}
			out = append(out, rules.Finding{
				Rule: UnusedDirectiveRule, Category: rules.Mechanics, Severity: rules.Info, Span: wl.span,
				Message: "the draft uses none of the words this edlint-words comment lists: delete it",
			})
		}
	}
	for _, dir := range d.list {
		if dir.used || dir.kind == dirEnable {
			continue
		}
		what := "all rules"
		if len(dir.selectors) > 0 {
			what = strings.Join(dir.selectors, ", ")
		}
		out = append(out, rules.Finding{
			Rule: UnusedDirectiveRule, Category: rules.Mechanics, Severity: rules.Info, Span: dir.span,
			Message: fmt.Sprintf("directive suppresses no finding of %s: delete it", what),
		})
	}
	return out
}

// usedWords is the set of the draft's words, case-folded, with each part
// of a hyphenated word and the stem of a possessive ("KGB’s") too.
func usedWords(doc *prose.Document) map[string]bool {
	used := map[string]bool{}
	for i, t := range doc.Tokens {
		if t.Kind() != prose.Word {
			continue
		}
		w := strings.ToLower(doc.TokenText(i))
		used[w] = true
		for _, suf := range []string{"’s", "'s", "’", "'"} {
			if stem, ok := strings.CutSuffix(w, suf); ok {
				used[stem] = true
			}
		}
		if strings.Contains(w, "-") {
			for _, part := range strings.Split(w, "-") {
				used[part] = true
			}
		}
	}
	return used
}

func anyUsed(words []string, used map[string]bool) bool {
	for _, w := range words {
		if used[strings.ToLower(w)] {
			return true
		}
	}
	return false
}
