package config

import (
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
)

// Find returns the path of the configuration file that governs files in
// dir: the nearest .edlint.toml in dir or one of its parents. ok is false
// when there is none.
func Find(dir string) (string, bool) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", false
	}
	for {
		p := filepath.Join(abs, FileName)
		if info, err := os.Stat(p); err == nil && !info.IsDir() {
			return p, true
		} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
			// An unreadable candidate is still the nearest one: Load
			// reports the problem rather than silently skipping it.
			return p, true
		}
		parent := filepath.Dir(abs)
		if parent == abs {
			return "", false
		}
		abs = parent
	}
}

// Resolved is what a configuration file says about one linted file: its
// top-level layer followed by the overrides that match, in file order.
type Resolved struct {
	File   *File
	Layers []*Layer
	// Key identifies the set of layers, so that files sharing it can share
	// one lint configuration.
	Key string
}

// For resolves the settings for the file at p (as given on the command
// line).
func (f *File) For(p string) Resolved {
	r := Resolved{File: f, Layers: []*Layer{&f.Layer}, Key: f.Path}
	rel := relTo(f.Dir, p)
	for i := range f.Overrides {
		o := &f.Overrides[i]
		for _, g := range o.Paths {
			if MatchGlob(g, rel) {
				r.Layers = append(r.Layers, &o.Layer)
				r.Key += "#" + strconv.Itoa(i)
				break
			}
		}
	}
	return r
}

func relTo(dir, p string) string {
	ad, err1 := filepath.Abs(dir)
	ap, err2 := filepath.Abs(p)
	if err1 == nil && err2 == nil {
		if rel, err := filepath.Rel(ad, ap); err == nil {
			return filepath.ToSlash(rel)
		}
	}
	return filepath.ToSlash(p)
}

// MatchGlob reports whether the slash-separated relative path name matches
// pattern: "*", "?" and "[...]" match within one path element, "**" matches
// any number of elements, a pattern without "/" matches the file name in any
// directory, and a pattern that matches a directory matches all under it.
func MatchGlob(pattern, name string) bool {
	pattern = strings.TrimPrefix(strings.TrimSuffix(pattern, "/"), "./")
	if !strings.Contains(pattern, "/") && pattern != "**" {
		pattern = "**/" + pattern
	}
	pp := strings.Split(pattern, "/")
	np := strings.Split(name, "/")
	// A match of any leading part of the path is a match of a directory.
	for k := len(np); k > 0; k-- {
		if matchParts(pp, np[:k]) {
			return true
		}
	}
	return false
}

func matchParts(pp, np []string) bool {
	for len(pp) > 0 {
		if pp[0] == "**" {
			rest := pp[1:]
			for i := 0; i <= len(np); i++ {
				if matchParts(rest, np[i:]) {
					return true
				}
			}
			return false
		}
		if len(np) == 0 {
			return false
		}
		if ok, err := path.Match(pp[0], np[0]); err != nil || !ok {
			return false
		}
		pp, np = pp[1:], np[1:]
	}
	return len(np) == 0
}
