// Package spell is edlint's dictionary: the built-in English word list,
// the curated name lists and the user's words merged into one immutable
// lookup, with a noisy-channel suggestion model for unknown words.
//
// Words are looked up exactly as written first; only when that fails are
// capitalisation, possessives, contractions, hyphenated compounds,
// abbreviations and digits considered (see Check). Every form also has a
// folded key (lower case, no diacritics) that links "ivana" to "Ivana"
// and "Zelnickova" to "Zelníčková".
package spell

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"github.com/edlint/edlint/dict"
	"golang.org/x/text/unicode/norm"
)

// Paths of the lists inside the dict package.
const (
	wordsFile = "en-words.txt"
	freqFile  = "en-freq.txt"
	namesGlob = "names/*.txt"
)

// entryFlag records which lists an exact form came from.
type entryFlag uint8

const (
	fromWords entryFlag = 1 << iota // the English base list
	fromNames                       // a curated list of names and terms
)

// base is the immutable built-in dictionary shared by every Dict.
type base struct {
	words    *strIndex   // exact forms as listed
	flags    []entryFlag // per form
	folds    *strIndex   // folded keys
	wordFold []uint32    // form -> folded key
	// members of folded key k are foldMem[foldStart[k]:foldStart[k+1]],
	// curated names first, then in list order.
	foldStart []uint32
	foldMem   []uint32
	foldFreq  []uint32 // per folded key, from the frequency list

	suggestOnce sync.Once
	sugg        *suggester

	missOnce sync.Once
	miss     map[string]string
}

// overlay holds words added with WithWords. It is small and copied on
// each WithWords call, so a Dict never changes once made.
type overlay struct {
	exact map[string]bool
	folds map[string][]string
}

// Dict is an immutable merged dictionary, safe for concurrent use.
type Dict struct {
	b *base
	o *overlay // nil when there are no added words
}

var (
	builtinOnce sync.Once
	builtin     *Dict
)

// Builtin returns the dictionary made from the lists embedded in package
// dict. It is loaded once and shared. The lists are part of the build, so
// a list that does not parse is a build defect and Builtin panics.
func Builtin() *Dict {
	builtinOnce.Do(func() {
		d, err := Load(dict.FS())
		if err != nil {
			panic(fmt.Sprintf("spell: built-in dictionary: %v", err))
		}
		builtin = d
	})
	return builtin
}

// Load builds a dictionary from lists laid out as in package dict:
// en-words.txt (one form a line), en-freq.txt (word, tab, count) and
// names/*.txt (one name a line; multi-word names are split into words).
// Lines starting with '#' are comments.
func Load(fsys fs.FS) (*Dict, error) {
	words, err := fs.ReadFile(fsys, wordsFile)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", wordsFile, err)
	}
	freq, err := fs.ReadFile(fsys, freqFile)
	if err != nil && !isNotExist(err) {
		return nil, fmt.Errorf("read %s: %w", freqFile, err)
	}
	nameFiles, err := fs.Glob(fsys, namesGlob)
	if err != nil {
		return nil, fmt.Errorf("list %s: %w", namesGlob, err)
	}
	names := make([][]byte, 0, len(nameFiles))
	for _, nf := range nameFiles {
		b, err := fs.ReadFile(fsys, nf)
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", nf, err)
		}
		names = append(names, b)
	}
	b, err := build(words, freq, names)
	if err != nil {
		return nil, err
	}
	return &Dict{b: b}, nil
}

func isNotExist(err error) bool { return errors.Is(err, fs.ErrNotExist) }

func build(words, freq []byte, names [][]byte) (*base, error) {
	capacity := bytes.Count(words, []byte{'\n'}) + 1
	size := len(words)
	for _, n := range names {
		capacity += bytes.Count(n, []byte{'\n'}) + bytes.Count(n, []byte{' '}) + 1
		size += len(n)
	}
	b := &base{words: newStrIndex(capacity, size)}
	b.flags = make([]entryFlag, 0, capacity)
	add := func(w string, f entryFlag) error {
		id, added, ok := b.words.add(w)
		if !ok {
			return fmt.Errorf("word index full at %q", w)
		}
		if added {
			b.flags = append(b.flags, f)
		} else {
			b.flags[id] |= f
		}
		return nil
	}
	if err := eachLine(words, func(line string) error { return add(line, fromWords) }); err != nil {
		return nil, fmt.Errorf("%s: %w", wordsFile, err)
	}
	for _, n := range names {
		err := eachLine(n, func(line string) error {
			for rest := line; rest != ""; {
				var part string
				part, rest, _ = strings.Cut(rest, " ")
				part = strings.TrimFunc(part, func(r rune) bool {
					return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' && r != '’'
				})
				if part == "" {
					continue
				}
				if err := add(normApos(part), fromNames); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("names: %w", err)
		}
	}

	n := b.words.len()
	b.folds = newStrIndex(n, len(b.words.arena))
	b.wordFold = make([]uint32, n)
	count := make([]uint32, n+1)
	var buf [64]byte
	for i := 0; i < n; i++ {
		w := b.words.keyBytes(uint32(i))
		var fid uint32
		if k, ok := foldASCII(buf[:0], w); ok {
			fid, _, _ = b.folds.addBytes(k)
		} else {
			fid, _, _ = b.folds.add(fold(string(w)))
		}
		b.wordFold[i] = fid
		count[fid+1]++
	}
	nf := b.folds.len()
	b.foldStart = make([]uint32, nf+1)
	for k := 1; k <= nf; k++ {
		b.foldStart[k] = b.foldStart[k-1] + count[k]
	}
	b.foldMem = make([]uint32, n)
	fill := append([]uint32(nil), b.foldStart[:nf]...)
	// Curated names first, so that Canonical offers "CIA" before any
	// lower-case homograph from the base list.
	for pass := 0; pass < 2; pass++ {
		for i := 0; i < n; i++ {
			curated := b.flags[i]&fromNames != 0
			if curated != (pass == 0) {
				continue
			}
			f := b.wordFold[i]
			b.foldMem[fill[f]] = uint32(i)
			fill[f]++
		}
	}

	b.foldFreq = make([]uint32, nf)
	err := eachLine(freq, func(line string) error {
		w, c, ok := strings.Cut(line, "\t")
		if !ok {
			return fmt.Errorf("no tab in %q", line)
		}
		v, err := strconv.ParseUint(strings.TrimSpace(c), 10, 32)
		if err != nil {
			return fmt.Errorf("count of %q: %w", w, err)
		}
		k, ascii := foldASCII(buf[:0], []byte(w))
		if !ascii {
			k = []byte(fold(w))
		}
		if fid, ok := b.folds.getBytes(k); ok && uint32(v) > b.foldFreq[fid] {
			b.foldFreq[fid] = uint32(v)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("%s: %w", freqFile, err)
	}
	return b, nil
}

// foldASCII appends the folded key of an ASCII word to dst; ok is false
// for a word with other bytes (use fold).
func foldASCII(dst, w []byte) ([]byte, bool) {
	for _, c := range w {
		switch {
		case c >= 0x80:
			return dst, false
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst, true
}

// eachLine calls fn with every non-empty, non-comment line of data,
// trimmed of surrounding space. The lines share data's memory, converted
// once, so fn must copy what it keeps (strIndex.add does).
func eachLine(data []byte, fn func(string) error) error {
	rest := string(data)
	for rest != "" {
		var line string
		line, rest, _ = strings.Cut(rest, "\n")
		line = strings.TrimSpace(line)
		if line == "" || line[0] == '#' {
			continue
		}
		if err := fn(line); err != nil {
			return err
		}
	}
	return nil
}

// WithWords returns a dictionary that also accepts words (a project's
// word list, a draft's own names). Entries may hold several
// space-separated words. The base is shared, not copied.
func (d *Dict) WithWords(words []string) *Dict {
	o := &overlay{exact: map[string]bool{}, folds: map[string][]string{}}
	if d.o != nil {
		for w := range d.o.exact {
			o.exact[w] = true
		}
		for k, v := range d.o.folds {
			o.folds[k] = append([]string(nil), v...)
		}
	}
	for _, entry := range words {
		for _, w := range strings.Fields(entry) {
			w = normApos(norm.NFC.String(w))
			if o.exact[w] {
				continue
			}
			o.exact[w] = true
			k := fold(w)
			o.folds[k] = append(o.folds[k], w)
		}
	}
	return &Dict{b: d.b, o: o}
}

// Freq returns the corpus count of word (case- and diacritic-folded), 0
// when the frequency list does not have it.
func (d *Dict) Freq(word string) int {
	if fid, ok := d.b.folds.get(fold(normApos(word))); ok {
		return int(d.b.foldFreq[fid])
	}
	return 0
}

// Canonical returns the known forms that share word's case- and
// diacritic-folded key ("zelnickova" gives ["Zelníčková"], "cia" gives
// ["CIA"]): the user's words first, then curated names, then the base
// list. It returns nil when no form is known.
func (d *Dict) Canonical(word string) []string {
	k := fold(normApos(word))
	var out []string
	if d.o != nil {
		out = append(out, d.o.folds[k]...)
	}
	if fid, ok := d.b.folds.get(k); ok {
		for _, m := range d.b.foldMem[d.b.foldStart[fid]:d.b.foldStart[fid+1]] {
			w := d.b.words.key(m)
			if d.o == nil || !d.o.exact[w] {
				out = append(out, w)
			}
		}
	}
	return out
}
