// Package lint is the driver: it parses each file, runs every enabled rule
// over the whole document, applies the draft's own directives, and returns
// the findings sorted. Files are linted in parallel; results keep the order
// of the input.
package lint

import (
	"bytes"
	"fmt"
	"runtime"
	"sort"
	"sync"

	"github.com/edlint/edlint/internal/prose"
	"github.com/edlint/edlint/internal/rules"
	"github.com/edlint/edlint/internal/spell"
)

// Config says which rules run and how.
type Config struct {
	// Rules are the enabled rules; nil means every registered rule.
	Rules []rules.Rule
	// Severity overrides a rule's default severity, by rule name.
	Severity map[string]rules.Severity
	// Dict is the merged dictionary (built-in plus user and project words);
	// nil means the built-in one.
	Dict    *spell.Dict
	Options rules.Options
	// Off turns off findings by rule name; it is how the driver's own
	// rules (DriverRules) are disabled, as they are not in Rules.
	Off map[string]bool
	// Progress, when set, is called after each file LintAll finishes with
	// the number done so far. It may be called from several goroutines,
	// never at once.
	Progress func(done, total int)
}

// File is the result of linting one file.
type File struct {
	Path     string
	Doc      *prose.Document // nil when the file could not be read or was skipped
	Findings []rules.Finding
	// Err is set when the file could not be read; the message names the file.
	Err error
	// Skipped explains why a readable file was not linted (binary content).
	Skipped string
}

// Source is a file to lint: its path (for messages and format detection)
// and a function that reads it.
type Source struct {
	Path string
	Read func() ([]byte, error)
	// Config, when set, replaces the receiver's configuration for this
	// file (per-directory config files, per-path overrides).
	Config *Config
}

// EncodingRule names the driver's own finding for bytes that are not UTF-8.
const EncodingRule = "invalid-utf8"

// Lint lints one document held in memory.
func (c *Config) Lint(path string, src []byte) *File {
	if bytes.IndexByte(src, 0) >= 0 {
		return &File{Path: path, Skipped: "binary content (NUL bytes)"}
	}
	doc := prose.Parse(path, src, prose.FormatFor(path))
	return &File{Path: path, Doc: doc, Findings: c.check(doc)}
}

// LintAll lints sources in parallel on up to workers goroutines (0 means one
// per CPU) and returns the results in input order.
func (c *Config) LintAll(sources []Source, workers int) []*File {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	out := make([]*File, len(sources))
	next := make(chan int)
	var wg sync.WaitGroup
	var mu sync.Mutex
	done := 0
	for w := 0; w < workers && w < len(sources); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				s := sources[i]
				cfg := c
				if s.Config != nil {
					cfg = s.Config
				}
				if src, err := s.Read(); err != nil {
					out[i] = &File{Path: s.Path, Err: err}
				} else {
					out[i] = cfg.Lint(s.Path, src)
				}
				if c.Progress != nil {
					mu.Lock()
					done++
					c.Progress(done, len(sources))
					mu.Unlock()
				}
			}
		}()
	}
	for i := range sources {
		next <- i
	}
	close(next)
	wg.Wait()
	return out
}

func (c *Config) rules() []rules.Rule {
	if c.Rules != nil {
		return c.Rules
	}
	return rules.All()
}

func (c *Config) check(doc *prose.Document) []rules.Finding {
	dict := c.Dict
	if dict == nil {
		dict = spell.Builtin()
	}
	dirs := parseDirectives(doc)
	if len(dirs.words) > 0 {
		dict = dict.WithWords(dirs.words)
	}
	var findings []rules.Finding
	for _, off := range doc.Invalid {
		findings = append(findings, rules.Finding{
			Rule: EncodingRule, Category: rules.Mechanics, Severity: rules.Error,
			Span:    prose.Span{Start: off, End: off + 1},
			Message: fmt.Sprintf("invalid UTF-8 byte 0x%02x at offset %d", doc.Src[off], off),
		})
	}
	shared := &rules.Shared{}
	for _, r := range c.rules() {
		name := r.Meta().Name
		report := func(f rules.Finding) {
			if sev, ok := c.Severity[f.Rule]; ok {
				f.Severity = sev
			}
			findings = append(findings, f)
		}
		rules.Run(r, rules.NewPass(r, doc, dict, &c.Options, shared, report), name)
	}
	Sort(findings)
	findings = dirs.suppress(doc, dedupe(findings))
	findings = append(findings, dirs.problems...)
	findings = append(findings, dirs.unused(doc)...)
	if len(c.Off) > 0 || len(c.Severity) > 0 {
		kept := findings[:0]
		for _, f := range findings {
			if c.Off[f.Rule] {
				continue
			}
			if sev, ok := c.Severity[f.Rule]; ok {
				f.Severity = sev
			}
			kept = append(kept, f)
		}
		findings = kept
	}
	Sort(findings)
	return findings
}

// Sort orders findings by offset, then end, then rule: the output contract.
func Sort(fs []rules.Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		if a.Start != b.Start {
			return a.Start < b.Start
		}
		if a.End != b.End {
			return a.End < b.End
		}
		return a.Rule < b.Rule
	})
}

// dedupe drops a finding identical in rule and span to the one before it.
func dedupe(fs []rules.Finding) []rules.Finding {
	out := fs[:0]
	for i, f := range fs {
		if i > 0 && f.Rule == fs[i-1].Rule && f.Span == fs[i-1].Span {
			continue
		}
		out = append(out, f)
	}
	return out
}
