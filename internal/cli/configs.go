package cli

import (
	"fmt"
	"maps"
	"os"
	"path/filepath"

	"github.com/edlint/edlint/internal/config"
	"github.com/edlint/edlint/internal/lint"
	"github.com/edlint/edlint/internal/rules"
	"github.com/edlint/edlint/internal/spell"
)

// configs finds, loads and caches configuration files, and turns what they
// say about each file into a lint.Config, shared by all files with the same
// settings.
type configs struct {
	explicit string // --config
	disabled bool   // --no-config
	base     *spell.Dict
	vocab    config.Vocabulary

	files   map[string]*config.File // by config path; nil value: load failed
	found   map[string]string       // directory → config path ("" for none)
	errs    []error
	seenErr map[string]bool
	lint    map[string]*lint.Config // by config.Resolved.Key
	dicts   map[string][]string     // word lists by path
	plain   *lint.Config            // no config file
}

func newConfigs(explicit string, disabled bool, base *spell.Dict) *configs {
	var extra []string
	for _, m := range lint.DriverRules() {
		extra = append(extra, m.Name)
	}
	return &configs{
		explicit: explicit, disabled: disabled, base: base, vocab: config.DefaultVocabulary(extra...),
		files: map[string]*config.File{}, found: map[string]string{}, seenErr: map[string]bool{}, lint: map[string]*lint.Config{}, dicts: map[string][]string{},
	}
}

// fileFor returns the configuration file governing path ("" for standard
// input: the working directory), or nil.
func (c *configs) fileFor(path string) *config.File {
	if c.disabled {
		return nil
	}
	cpath := c.explicit
	if cpath == "" {
		dir := "."
		if path != "" {
			dir = filepath.Dir(path)
		}
		p, ok := c.found[dir]
		if !ok {
			p, _ = config.Find(dir)
			c.found[dir] = p
		}
		if p == "" {
			return nil
		}
		cpath = p
	}
	if f, ok := c.files[cpath]; ok {
		return f
	}
	f, err := config.Load(displayPath(cpath), c.vocab)
	if err != nil {
		c.fail(err)
	}
	c.files[cpath] = f
	return f
}

func (c *configs) fail(err error) {
	if !c.seenErr[err.Error()] {
		c.seenErr[err.Error()] = true
		c.errs = append(c.errs, err)
	}
}

// lintConfig returns the lint configuration for the file at path and the
// config file's fail level (zero when it sets none).
func (c *configs) lintConfig(path string) (*lint.Config, rules.Severity) {
	f := c.fileFor(path)
	if f == nil {
		if c.plain == nil {
			c.plain = &lint.Config{Dict: c.base}
		}
		return c.plain, 0
	}
	res := f.For(path)
	if lc, ok := c.lint[res.Key]; ok {
		return lc, f.FailLevel
	}
	lc := c.build(res)
	c.lint[res.Key] = lc
	return lc, f.FailLevel
}

// build layers the settings: the top of the file, then each matching
// override; within a layer, category settings first, then rule settings,
// so a rule's own setting beats its category's.
func (c *configs) build(res config.Resolved) *lint.Config {
	type state struct {
		off bool
		sev rules.Severity
	}
	metas := map[string]rules.Meta{}
	var order []string
	for _, r := range rules.All() {
		m := r.Meta()
		metas[m.Name] = m
		order = append(order, m.Name)
	}
	for _, m := range lint.DriverRules() {
		metas[m.Name] = m
		order = append(order, m.Name)
	}
	st := map[string]*state{}
	for _, n := range order {
		st[n] = &state{}
	}
	apply := func(s *state, set config.Setting) {
		s.off = set.Off
		s.sev = set.Severity
	}
	var words []string
	var opts rules.Options
	for _, l := range res.Layers {
		for name, set := range l.Rules {
			for _, n := range order {
				if metas[n].Category == name {
					apply(st[n], set)
				}
			}
		}
		for name, set := range l.Rules {
			if s, ok := st[name]; ok {
				apply(s, set)
			}
		}
		words = append(words, l.Words...)
		for _, p := range l.Dictionaries {
			ws, ok := c.dicts[p]
			if !ok {
				var err error
				ws, err = readWordList(p)
				if err != nil {
					c.fail(fmt.Errorf("%s: dictionaries: %w", res.File.Path, err))
				}
				c.dicts[p] = ws
			}
			words = append(words, ws...)
		}
		if l.Yardstick != "" {
			opts.Yardstick = l.Yardstick
		}
		if l.Variety != "" {
			opts.Variety = l.Variety
		}
		if len(l.Prefer) > 0 {
			if opts.Preferences == nil {
				opts.Preferences = map[string]string{}
			}
			maps.Copy(opts.Preferences, l.Prefer)
		}
	}
	lc := &lint.Config{Dict: c.base, Options: opts, Rules: []rules.Rule{}, Severity: map[string]rules.Severity{}, Off: map[string]bool{}}
	if len(words) > 0 {
		lc.Dict = c.base.WithWords(words)
	}
	for _, r := range rules.All() {
		if !st[r.Meta().Name].off {
			lc.Rules = append(lc.Rules, r)
		}
	}
	for n, s := range st {
		if s.off {
			lc.Off[n] = true
		} else if s.sev != 0 {
			lc.Severity[n] = s.sev
		}
	}
	return lc
}

// displayPath shortens an absolute path to one relative to the working
// directory when it lies below it, for messages.
func displayPath(p string) string {
	if !filepath.IsAbs(p) {
		return p
	}
	wd, err := os.Getwd()
	if err != nil {
		return p
	}
	rel, err := filepath.Rel(wd, p)
	if err != nil || rel == ".." || len(rel) > 2 && rel[:3] == ".."+string(filepath.Separator) {
		return p
	}
	return rel
}
