package cli

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/edlint/edlint/internal/lint"
	"github.com/edlint/edlint/internal/mem"
	"github.com/edlint/edlint/internal/prose"
)

// draftExts are the extensions linted when walking a directory. A file named
// on the command line is linted whatever its extension.
var draftExts = map[string]bool{".md": true, ".markdown": true, ".txt": true}

// skipDirs are never descended into.
var skipDirs = map[string]bool{"vendor": true, "node_modules": true}

// collect turns the command-line paths into sources. Paths that cannot be
// read become results carrying the error, so the other files are still
// linted and the run exits 2.
//
// Files larger than maxSize bytes (0: no limit) become results that are
// skipped with a warning, read neither whole nor at all.
//
// total is the size of the sources as listed, or -1 when one of them is
// standard input, whose size is not known before it is read.
func collect(paths []string, stdin io.Reader, maxSize int64) (srcs []lint.Source, errs []*lint.File, total int64) {
	if len(paths) == 0 {
		paths = []string{"-"}
	}
	seen := map[string]bool{}
	add := func(path string, size int64) {
		if seen[path] {
			return
		}
		seen[path] = true
		if total >= 0 {
			total += size
		}
		srcs = append(srcs, lint.Source{Path: path, Read: func() ([]byte, error) { return readFile(path, maxSize) }})
	}
	for _, p := range paths {
		if p == "-" {
			total = -1
			srcs = append(srcs, lint.Source{Path: stdinName, Read: func() ([]byte, error) {
				b, err := readLimited(stdin, maxSize, sizeOf(stdin))
				if err != nil {
					return nil, fmt.Errorf("read standard input: %w", err)
				}
				noteInput(len(b))
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
			if tooLarge(info, maxSize) {
				errs = append(errs, skippedLarge(p, info.Size(), maxSize))
				continue
			}
			add(p, info.Size())
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
				var size int64
				if info, err := d.Info(); err == nil {
					if tooLarge(info, maxSize) {
						errs = append(errs, skippedLarge(path, info.Size(), maxSize))
						return nil
					}
					size = info.Size()
				}
				add(path, size)
			}
			return nil
		})
		if err != nil {
			errs = append(errs, &lint.File{Path: p, Err: describe(p, err)})
		}
	}
	return srcs, errs, total
}

// readFile reads the file at path; a file that grew past maxSize since it
// was listed is an error rather than a surprise allocation.
func readFile(path string, maxSize int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, describe(path, err)
	}
	defer func() { _ = f.Close() }() // read only: nothing to lose
	// A regular file's size lets the buffer be made once, rather than
	// grown by doubling (a 20 MB draft was copied five times over).
	b, err := readLimited(f, maxSize, sizeOf(f))
	if err != nil {
		return nil, describe(path, err)
	}
	noteInput(len(b))
	return b, nil
}

// sizeOf is the size of r if it is a regular file (standard input may be
// one, redirected), else 0: unknown.
func sizeOf(r io.Reader) int64 {
	if f, ok := r.(*os.File); ok {
		if info, err := f.Stat(); err == nil && info.Mode().IsRegular() {
			return info.Size()
		}
	}
	return 0
}

// errTooLarge is returned by readLimited for input past the limit.
var errTooLarge = errors.New("larger than --max-file-size")

// readLimited reads r to the end, or fails with errTooLarge as soon as it
// has read more than maxSize bytes (0: no limit). sizeHint, when positive,
// is the expected size (a file may still grow or shrink while read).
func readLimited(r io.Reader, maxSize, sizeHint int64) ([]byte, error) {
	if maxSize > 0 {
		r = io.LimitReader(r, maxSize+1)
		sizeHint = min(sizeHint, maxSize+1)
	}
	// The buffer is made at the expected size, one byte more so that
	// reaching the end needs no growth, and prose.ReadAhead more, which
	// the tokenizer reads past the text's end when they are there.
	// (bytes.Buffer's Grow clears the room it adds: a pass over a 20 MB
	// draft's memory, 2% of its run, that the read then overwrites.)
	size := bytes.MinRead
	if sizeHint > 0 && sizeHint < 1<<40 {
		size = int(sizeHint) + 1 + prose.ReadAhead
	}
	b := make([]byte, 0, size)
	mem.Huge(b)
	for {
		if len(b) == cap(b) {
			b = slices.Grow(b, max(bytes.MinRead, len(b)))
		}
		n, err := r.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
	}
	if maxSize <= 0 {
		return b, nil
	}
	if int64(len(b)) > maxSize {
		return nil, fmt.Errorf("%w (%s)", errTooLarge, formatSize(maxSize))
	}
	return b, nil
}

func tooLarge(info fs.FileInfo, maxSize int64) bool {
	return maxSize > 0 && info.Mode().IsRegular() && info.Size() > maxSize
}

func skippedLarge(path string, size, maxSize int64) *lint.File {
	return &lint.File{Path: path, Skipped: fmt.Sprintf("%s is larger than --max-file-size %s", formatSize(size), formatSize(maxSize))}
}

// defaultMaxSize is --max-file-size's default: far above any draft (a
// 600-page report is about 2 MB), low enough that an export or a log
// dumped into docs/ cannot exhaust memory.
const defaultMaxSize = "64MiB"

// parseSize reads a size: a number of bytes, optionally followed by K, KB,
// KiB, M, MB, MiB, G, GB or GiB (all binary multiples), case-insensitive.
func parseSize(s string) (int64, error) {
	t := strings.ToLower(strings.TrimSpace(s))
	mult := int64(1)
	for _, u := range []struct {
		suffix string
		mult   int64
	}{{"kib", 1 << 10}, {"mib", 1 << 20}, {"gib", 1 << 30}, {"kb", 1 << 10}, {"mb", 1 << 20}, {"gb", 1 << 30}, {"k", 1 << 10}, {"m", 1 << 20}, {"g", 1 << 30}, {"b", 1}} {
		if rest, ok := strings.CutSuffix(t, u.suffix); ok {
			t, mult = strings.TrimSpace(rest), u.mult
			break
		}
	}
	n, err := strconv.ParseInt(t, 10, 64)
	if err != nil || n < 0 || n > math.MaxInt64/mult {
		return 0, fmt.Errorf("%q is not a size (want bytes, or a number with KiB, MiB or GiB; 0 for no limit)", s)
	}
	return n * mult, nil
}

// formatSize prints n bytes in the largest binary unit that divides it, or
// to one decimal place.
func formatSize(n int64) string {
	switch {
	case n >= 1<<30:
		return trimUnit(float64(n)/(1<<30), "GiB")
	case n >= 1<<20:
		return trimUnit(float64(n)/(1<<20), "MiB")
	case n >= 1<<10:
		return trimUnit(float64(n)/(1<<10), "KiB")
	}
	return strconv.FormatInt(n, 10) + " bytes"
}

func trimUnit(v float64, unit string) string {
	return strings.TrimSuffix(strconv.FormatFloat(v, 'f', 1, 64), ".0") + " " + unit
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
