package main

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// SCOWL sizes, as in the file name suffixes of the final/ lists.
var scowlLevels = []int{10, 20, 35, 40, 50, 55, 60, 70, 80, 95}

// baseSpellings are the SCOWL spelling categories merged into en-words.txt:
// words common to all spellings plus the American, British (-ise),
// British (-ize, "Oxford") and Canadian specific ones, and "special" for
// the special-roman-numerals list.
var baseSpellings = []string{"english", "american", "british", "british_z", "canadian", "special"}

// baseKinds are the SCOWL list kinds merged into en-words.txt
// (roman-numerals exists only as special-roman-numerals; there is no
// special-words list, and special-hacker is left out).
var baseKinds = []string{"words", "upper", "proper-names", "abbreviations", "contractions", "roman-numerals"}

// scowl reads the SCOWL final/ lists as the Debian scowl package installs
// them (UTF-8 since Debian 2019.10.06-1).
type scowl struct {
	dir string
}

// list returns the entries of one SCOWL list file such as
// "american-words.60"; a missing file is an empty list (not every
// spelling/kind pair exists at every size).
func (s *scowl) list(spelling, kind string, level int) ([]string, error) {
	path := filepath.Join(s.dir, fmt.Sprintf("%s-%s.%d", spelling, kind, level))
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	defer func() { _ = f.Close() }() // read only: nothing to lose
	var out []string
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		w := strings.TrimSpace(sc.Text())
		if w == "" {
			continue
		}
		if !utf8.ValidString(w) {
			return nil, fmt.Errorf("%s:%d: not UTF-8", path, n)
		}
		out = append(out, norm.NFC.String(w))
	}
	return out, sc.Err()
}

// upTo returns the entries of the given spellings and kinds at every level
// up to and including size, without possessives (entries ending in 's,
// which edlint's code handles), in no particular order and possibly with
// duplicates.
func (s *scowl) upTo(size int, spellings, kinds []string) ([]string, error) {
	if _, err := os.Stat(s.dir); err != nil {
		return nil, fmt.Errorf("SCOWL lists not found (run dict/gen/fetch.sh): %w", err)
	}
	var out []string
	for _, lv := range scowlLevels {
		if lv > size {
			break
		}
		for _, sp := range spellings {
			for _, k := range kinds {
				ws, err := s.list(sp, k, lv)
				if err != nil {
					return nil, err
				}
				for _, w := range ws {
					if isPossessive(w) {
						continue
					}
					out = append(out, w)
				}
			}
		}
	}
	return out, nil
}

// wordList is upTo, de-duplicated.
func (s *scowl) wordList(size int, spellings, kinds []string) ([]string, error) {
	ws, err := s.upTo(size, spellings, kinds)
	if err != nil {
		return nil, err
	}
	seen := make(map[string]bool, len(ws))
	out := ws[:0]
	for _, w := range ws {
		if !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	return out, nil
}

func isPossessive(w string) bool {
	return strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "\u2019s")
}
