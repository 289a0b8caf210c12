// Package config reads edlint's project configuration file, .edlint.toml.
//
// A file is found by walking up from each linted file's directory (or named
// with --config). Every key is checked: an unknown key or a bad value is an
// error naming the file, the line and the key, so a typo in the config never
// silently turns a check off.
package config

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/edlint/edlint/internal/spell"

	"github.com/BurntSushi/toml"

	"github.com/edlint/edlint/internal/rules"
)

// FileName is the name of the project configuration file.
const FileName = ".edlint.toml"

// Setting is what the config says about one rule or category: off, on (the
// rule's default severity) or a severity.
type Setting struct {
	Off      bool
	Severity rules.Severity // zero: the rule's default
}

// Layer is a set of settings: the top level of the file, or one override.
type Layer struct {
	// Rules maps a rule name or a category to its setting.
	Rules map[string]Setting
	// Words are accepted as correctly spelt.
	Words []string
	// Dictionaries are word-list files, resolved against the config file's
	// directory.
	Dictionaries []string
	// Yardstick and Variety set rules.Options fields when non-empty.
	Yardstick string
	Variety   string
	// Prefer holds consistency preferences (a form → the form to use); see
	// rules.Options.Preferences.
	Prefer map[string]string
}

// Override is a layer that applies to the files matching its globs.
type Override struct {
	// Paths are glob patterns relative to the config file's directory:
	// "*" matches within one path element, "**" any number of elements; a
	// pattern without "/" matches a file name in any directory; a pattern
	// matching a directory matches everything under it.
	Paths []string
	Layer
}

// File is a parsed configuration file.
type File struct {
	// Path is the file's path as found or given; Dir is its directory,
	// against which override globs and dictionary paths are resolved.
	Path, Dir string
	Layer
	// FailLevel is the lowest severity that makes the exit status 1; zero
	// when the file does not say.
	FailLevel rules.Severity
	Overrides []Override
}

// Vocabulary says which names a config may use under [rules] and in
// directives: rule names and categories.
type Vocabulary struct {
	Rules      map[string]bool
	Categories map[string]bool
}

// DefaultVocabulary knows every registered rule, the five categories, and
// the extra (driver) rule names given.
func DefaultVocabulary(extra ...string) Vocabulary {
	v := Vocabulary{Rules: map[string]bool{}, Categories: map[string]bool{}}
	for _, c := range []string{rules.Spelling, rules.Names, rules.Consistency, rules.Hedging, rules.Mechanics} {
		v.Categories[c] = true
	}
	for _, r := range rules.All() {
		m := r.Meta()
		v.Rules[m.Name] = true
		v.Categories[m.Category] = true
	}
	for _, n := range extra {
		v.Rules[n] = true
	}
	return v
}

// Error is a problem in a configuration file. Its message is one line:
// "file:line: key: problem".
type Error struct {
	Path string
	Line int // 0 when unknown
	Key  string
	Msg  string
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.Path)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
	}
	b.WriteString(": ")
	if e.Key != "" {
		b.WriteString(e.Key + ": ")
	}
	b.WriteString(e.Msg)
	return b.String()
}

// raw mirrors the TOML layout. Values whose type varies (a rule setting may
// one day be a table) are decoded as strings and checked by hand.
type raw struct {
	FailLevel *string `toml:"fail-level"`
	rawSettings
	Overrides []rawOverride `toml:"overrides"`
}

// rawOverride is one [[overrides]] table: the settings a glob changes.
type rawOverride struct {
	Paths []string `toml:"paths"`
	rawSettings
}

// rawSettings are the keys both the top level and an override may set.
type rawSettings struct {
	Yardstick    *string           `toml:"yardstick"`
	Variety      *string           `toml:"variety"`
	Words        []string          `toml:"words"`
	Dictionaries []string          `toml:"dictionaries"`
	Rules        map[string]string `toml:"rules"`
	Consistency  struct {
		Prefer map[string]string `toml:"prefer"`
	} `toml:"consistency"`
}

// Varieties are the accepted values of variety.
var Varieties = []string{"en-US", "en-GB"}

// Load reads and checks the configuration file at path.
func Load(file string, vocab Vocabulary) (*File, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, &Error{Path: file, Msg: "cannot read: " + err.Error()}
	}
	return Parse(file, data, vocab)
}

// lineKeyRe pulls the line and key out of the decoder's type errors.
var lineKeyRe = regexp.MustCompile(`^toml: (?:line (\d+) )?\(last key "([^"]*)"\): (.*)$`)

// Parse checks a configuration file's contents; path names it in errors
// and anchors relative paths.
func Parse(name string, data []byte, vocab Vocabulary) (*File, error) {
	if !utf8.Valid(data) {
		return nil, &Error{Path: name, Msg: "not valid UTF-8"}
	}
	loc := newLocator(data)
	var r raw
	md, err := toml.NewDecoder(bytes.NewReader(data)).Decode(&r)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return nil, &Error{Path: name, Line: pe.Position.Line, Key: pe.LastKey, Msg: pe.Message}
		}
		if m := lineKeyRe.FindStringSubmatch(err.Error()); m != nil {
			line, _ := strconv.Atoi(m[1])
			if line == 0 {
				line = loc.line(strings.Split(m[2], "."))
			}
			return nil, &Error{Path: name, Line: line, Key: m[2], Msg: friendlyType(m[3])}
		}
		return nil, &Error{Path: name, Msg: strings.TrimPrefix(err.Error(), "toml: ")}
	}
	if und := md.Undecoded(); len(und) > 0 {
		k := und[0]
		return nil, &Error{Path: name, Line: loc.line(k), Key: k.String(), Msg: "unknown key" + hintFor(k)}
	}
	f := &File{Path: name, Dir: filepath.Dir(name)}
	bad := func(key []string, format string, args ...any) error {
		return &Error{Path: name, Line: loc.line(key), Key: toml.Key(key).String(), Msg: fmt.Sprintf(format, args...)}
	}
	if r.FailLevel != nil {
		sev, err := rules.ParseSeverity(*r.FailLevel)
		if err != nil {
			return nil, bad([]string{"fail-level"}, "unknown severity %q (want error, warning or info)", *r.FailLevel)
		}
		f.FailLevel = sev
	}
	layer := func(prefix []string, l *Layer, settings map[string]string, words, dicts []string, yard, variety *string, prefer map[string]string) error {
		key := func(k ...string) []string { return append(append([]string(nil), prefix...), k...) }
		l.Rules = map[string]Setting{}
		for _, name := range sortedKeys(settings) {
			if !vocab.Rules[name] && !vocab.Categories[name] {
				return bad(key("rules", name), "unknown rule or category%s", suggestName(name, vocab))
			}
			s, ok := parseSetting(settings[name])
			if !ok {
				return bad(key("rules", name), "bad value %q (want \"off\", \"on\", \"error\", \"warning\" or \"info\")", settings[name])
			}
			l.Rules[name] = s
		}
		for _, w := range words {
			if strings.TrimSpace(w) == "" {
				return bad(key("words"), "empty word")
			}
		}
		l.Words = words
		for _, d := range dicts {
			if d == "" {
				return bad(key("dictionaries"), "empty file name")
			}
			if !filepath.IsAbs(d) {
				d = filepath.Join(f.Dir, filepath.FromSlash(d))
			}
			l.Dictionaries = append(l.Dictionaries, d)
		}
		if yard != nil {
			if names := rules.YardstickNames(); !contains(names, *yard) {
				return bad(key("yardstick"), "unknown yardstick %q (want one of %s)", *yard, strings.Join(names, ", "))
			}
			l.Yardstick = *yard
		}
		if variety != nil {
			if !contains(Varieties, *variety) {
				return bad(key("variety"), "unknown variety %q (want \"en-US\" or \"en-GB\")", *variety)
			}
			l.Variety = *variety
		}
		for _, from := range sortedKeys(prefer) {
			if strings.TrimSpace(from) == "" || strings.TrimSpace(prefer[from]) == "" {
				return bad(key("consistency", "prefer", from), "a preference needs a form and the form to use")
			}
		}
		l.Prefer = prefer
		return nil
	}
	if err := layer(nil, &f.Layer, r.Rules, r.Words, r.Dictionaries, r.Yardstick, r.Variety, r.Consistency.Prefer); err != nil {
		return nil, err
	}
	for _, ro := range r.Overrides {
		var o Override
		if len(ro.Paths) == 0 {
			return nil, bad([]string{"overrides"}, "an override needs paths = [\"glob\", ...]")
		}
		for _, p := range ro.Paths {
			if _, err := path.Match(strings.ReplaceAll(p, "**", "*"), ""); err != nil || p == "" {
				return nil, bad([]string{"overrides", "paths"}, "bad glob %q", p)
			}
		}
		o.Paths = ro.Paths
		if err := layer([]string{"overrides"}, &o.Layer, ro.Rules, ro.Words, ro.Dictionaries, ro.Yardstick, ro.Variety, ro.Consistency.Prefer); err != nil {
			return nil, err
		}
		f.Overrides = append(f.Overrides, o)
	}
	return f, nil
}

func parseSetting(v string) (Setting, bool) {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "off", "false", "disabled":
		return Setting{Off: true}, true
	case "on", "true", "enabled", "default":
		return Setting{}, true
	}
	sev, err := rules.ParseSeverity(v)
	if err != nil {
		return Setting{}, false
	}
	return Setting{Severity: sev}, true
}

// friendlyType rewords the decoder's type mismatch for people.
func friendlyType(msg string) string {
	if m := regexp.MustCompile(`TOML value has type (\S+); destination has type (\S+)`).FindStringSubmatch(msg); m != nil {
		want := map[string]string{"string": "a string", "slice": "an array", "map": "a table", "struct": "a table"}[m[2]]
		if want == "" {
			want = m[2]
		}
		return fmt.Sprintf("bad value: want %s, not %s", want, strings.ToLower(m[1]))
	}
	return msg
}

// hintFor suggests where an unknown key may belong.
func hintFor(k toml.Key) string {
	last := k[len(k)-1]
	if len(k) == 1 {
		if _, ok := rules.ByName(last); ok {
			return fmt.Sprintf(" (rule settings go under [rules]: %s = \"off\")", last)
		}
	}
	known := []string{"fail-level", "yardstick", "variety", "words", "dictionaries", "rules", "consistency", "overrides", "paths", "prefer"}
	if s := closest(last, known); s != "" {
		return fmt.Sprintf(" (did you mean %q?)", s)
	}
	return ""
}

func suggestName(name string, v Vocabulary) string {
	var all []string
	for n := range v.Rules {
		all = append(all, n)
	}
	for n := range v.Categories {
		all = append(all, n)
	}
	sort.Strings(all)
	if s := closest(name, all); s != "" {
		return fmt.Sprintf(" (did you mean %q?)", s)
	}
	return " (run 'edlint rules' for the list)"
}

// closest returns the candidate within a small edit distance of s.
func closest(s string, cands []string) string {
	best, bestD := "", 3
	for _, c := range cands {
		if d := spell.Distance(s, c); d < bestD {
			best, bestD = c, d
		}
	}
	return best
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// locator finds the line of a key in TOML text. The decoder knows key
// positions but does not export them, so this reads the table headers and
// "key =" lines itself; it is only used to point at errors.
type locator struct {
	lines []locLine
}

type locLine struct {
	n   int
	key []string // full key path of a key line or table header
}

var (
	bareOrQuoted = `(?:[A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*"|'[^']*')`
	dottedKey    = bareOrQuoted + `(?:\s*\.\s*` + bareOrQuoted + `)*`
	headerRe     = regexp.MustCompile(`^\s*\[\[?\s*(` + dottedKey + `)\s*\]\]?\s*(?:#.*)?$`)
	keyLineRe    = regexp.MustCompile(`^\s*(` + dottedKey + `)\s*=`)
	keyPartRe    = regexp.MustCompile(bareOrQuoted)
)

func splitKey(s string) []string {
	var out []string
	for _, p := range keyPartRe.FindAllString(s, -1) {
		switch {
		case strings.HasPrefix(p, `"`):
			if u, err := strconv.Unquote(p); err == nil {
				p = u
			}
		case strings.HasPrefix(p, `'`):
			p = strings.Trim(p, `'`)
		}
		out = append(out, p)
	}
	return out
}

func newLocator(data []byte) *locator {
	l := &locator{}
	var table []string
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 64*1024), 4*1024*1024)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if m := headerRe.FindStringSubmatch(line); m != nil {
			table = splitKey(m[1])
			l.lines = append(l.lines, locLine{n, table})
			continue
		}
		if m := keyLineRe.FindStringSubmatch(line); m != nil {
			key := append(append([]string(nil), table...), splitKey(m[1])...)
			l.lines = append(l.lines, locLine{n, key})
		}
	}
	return l
}

// line returns the first line defining key, or the line of the longest
// defined prefix of it, or 0.
func (l *locator) line(key []string) int {
	for k := len(key); k > 0; k-- {
		for _, ll := range l.lines {
			if slices.Equal(ll.key, key[:k]) {
				return ll.n
			}
		}
	}
	return 0
}
