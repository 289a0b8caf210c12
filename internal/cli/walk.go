package cli

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/edlint/edlint/internal/lint"
)

// draftExts are the extensions linted when walking a directory. A file named
// on the command line is linted whatever its extension.
var draftExts = map[string]bool{".md": true, ".markdown": true, ".txt": true}

// skipDirs are never descended into.
var skipDirs = map[string]bool{"vendor": true, "node_modules": true}

// collect turns the command-line paths into sources. Paths that cannot be
// read become results carrying the error, so the other files are still
// linted and the run exits 2.
func collect(paths []string, stdin io.Reader) ([]lint.Source, []*lint.File) {
	if len(paths) == 0 {
		paths = []string{"-"}
	}
	var srcs []lint.Source
	var errs []*lint.File
	seen := map[string]bool{}
	add := func(path string) {
		if seen[path] {
			return
		}
		seen[path] = true
		srcs = append(srcs, lint.Source{Path: path, Read: func() ([]byte, error) { return readFile(path) }})
	}
	for _, p := range paths {
		if p == "-" {
			srcs = append(srcs, lint.Source{Path: stdinName, Read: func() ([]byte, error) {
				b, err := io.ReadAll(stdin)
				if err != nil {
					return nil, fmt.Errorf("read standard input: %w", err)
				}
				return b, nil
			}})
			continue
		}
		info, err := os.Stat(p)
		if err != nil {
			errs = append(errs, &lint.File{Path: p, Err: describe(p, err)})
			continue
		}
		if !info.IsDir() {
			add(p)
			continue
		}
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				errs = append(errs, &lint.File{Path: path, Err: describe(path, err)})
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			name := d.Name()
			if d.IsDir() {
				if path != p && (strings.HasPrefix(name, ".") || skipDirs[name]) {
					return fs.SkipDir
				}
				return nil
			}
			if d.Type().IsRegular() && draftExts[strings.ToLower(filepath.Ext(name))] {
				add(path)
			}
			return nil
		})
		if err != nil {
			errs = append(errs, &lint.File{Path: p, Err: describe(p, err)})
		}
	}
	return srcs, errs
}

func readFile(path string) ([]byte, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, describe(path, err)
	}
	return b, nil
}

// describe turns an I/O error into a message that names the file and says
// what is wrong in plain words.
func describe(path string, err error) error {
	switch {
	case os.IsNotExist(err):
		return fmt.Errorf("%s: no such file or directory", path)
	case os.IsPermission(err):
		return fmt.Errorf("%s: permission denied", path)
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s: %w", path, pe.Err)
	}
	return fmt.Errorf("%s: %w", path, err)
}

// readWordList reads a user dictionary: one entry a line, '#' starts a
// comment, blank lines ignored. Entries may be several words ("Lisa
// Calandra"); each word is accepted.
func readWordList(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, describe(path, err)
	}
	defer func() { _ = f.Close() }() // read only: nothing to lose
	var words []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		if !utf8.ValidString(line) {
			return nil, fmt.Errorf("%s:%d: not valid UTF-8", path, n)
		}
		words = append(words, strings.Fields(line)...)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return words, nil
}

// stdinName is the path reported for standard input.
const stdinName = "<stdin>"
