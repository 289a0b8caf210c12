// Package spell is edlint's dictionary: the built-in English word list,
// the curated name lists and the user's words merged into one immutable
// lookup, with a noisy-channel suggestion model for unknown words.
//
// Words are looked up exactly as written first; only when that fails are
// capitalisation, possessives, contractions, hyphenated compounds,
// abbreviations and digits considered (see Check). Every form also has a
// folded key (lower case, no diacritics) that links "ivana" to "Ivana"
// and "Zelnickova" to "Zelníčková".
//
// Start-up: the lists in package dict are the source of truth; compact.bin
// is a precomputed image of them and of the suggestion indexes (go
// generate ./internal/spell), whose arrays are used where the binary
// embeds them: Builtin decodes and copies nothing, and checks only that
// the lists have the names and sizes the image was made from (their
// contents are checked by TestCompactFresh, which fails while the image
// is stale).
//
// Suggestions score a candidate w for a typo t as
//
//	Freq·ln(1+count(w)) − Edit·cost(t|w) + bonuses
//
// (log P(w) + log P(t|w)). cost is a weighted optimal-string-alignment
// distance: dropped letters, doubled or undoubled letters, vowel swaps,
// adjacent QWERTY keys and transpositions are cheap; edits to the first
// two letters dear. Candidates come from a trie of the folded keys,
// searched with banded alignment rows up to a cost bound, rather than a
// SymSpell delete index: the trie builds in a few milliseconds and a few
// MB, where deletes at distance 2 of 175k forms take hundreds of
// milliseconds and tens of MB, and it searches the weighted cost directly.
// A metaphone index, built only when nothing near is found, adds
// sound-alikes beyond the bound; a split into two frequent words covers a
// missing space. The weights were fitted on a training split of the
// Wikipedia misspellings list (eval_test.go, tune_test.go).
//
// SuggestContext and SuggestIn re-rank those candidates with the
// sentence and the document: a word-bigram model from WordNet's glosses
// (dict/en-bigrams.txt, loaded on first use) and a cache model of the
// document's own words (context.go, tuned on synthetic typos made from
// held-out clean prose, context_test.go).
package spell

import (
	"bytes"
	"fmt"
	"io/fs"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/edlint/edlint/dict"
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

// base is the immutable built-in dictionary shared by every Dict. It is
// keyed by folded key; a key's forms are the key itself when it is
// listed as is (most lower-case words) and a short list of other forms
// ("Czech" under "czech", "Zelníčková" under "zelnickova"). Its arrays
// are read-only strings (see u32s), normally sections of compact.bin.
type base struct {
	keys     *strIndex
	self     string // per key: the lists (entryFlag) the key itself is in, 0 if none
	altHead  u32s   // per key: first other form + 1, 0 if none
	altOff   u32s   // other form a is altText[altOff[a]:altOff[a+1]]
	altFlags string // per other form: its entryFlag
	altNext  u32s   // per other form: the key's next other form + 1, 0 if none
	altText  string
	freq     u32s   // per key: corpus count
	maxCount uint32 // the largest of freq

	suggestOnce sync.Once
	sugg        *suggester
	pre         *precomputed // the suggestion indexes from compact.bin, if loaded from it

	// client9/misspell's unambiguous entries without spaces, sorted, as
	// "wrong\tright" (from compact.bin); missOff holds their offsets and
	// missListLen the length of misspell's list they were made from.
	missText    string
	missOff     u32s
	missListLen uint32

	lmSrc  fs.FS // where en-bigrams.txt is read from, on first need
	lmOnce sync.Once
	lm     *bigramModel // nil when the lists have no bigram table
	lmPre  *bigramModel // the table in compact.bin, if it matches the lists
}

// builder builds a base from the text lists.
type builder struct {
	keys    *indexBuilder
	self    []entryFlag
	altHead []int32 // -1: none
	alts    []altForm
	altBuf  strings.Builder
	scratch []byte // folding buffer
}

// altForm is a listed form that differs from its folded key:
// altText[start:end].
type altForm struct {
	start, end uint32
	flags      entryFlag
	next       int32
}

func (b *builder) altForm(a int32) string {
	return b.altBuf.String()[b.alts[a].start:b.alts[a].end]
}

// altForm returns other form a.
func (b *base) altForm(a uint32) string {
	return b.altText[b.altOff.at(int(a)):b.altOff.at(int(a)+1)]
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
	// ranked remembers the scored candidates of each word suggested with
	// the default weights: a run suggests for the same unknown word in
	// many places and many files, and the search is the costly step. It
	// belongs to one Dict because the overlay's words are candidates too.
	ranked *sync.Map // typed word → *ranking
	// near remembers HasCommonNeighbour's answers, for the same reason.
	near *sync.Map // neighbourQuery → bool
	// inContext remembers SuggestIn's rankings in context, but for the
	// document's own words (see ctxRanking).
	inContext *ctxMemo
	// id is the Dict's number (see ID).
	id uint64
}

// dictIDs numbers the dictionaries of the process (Dict.ID).
var dictIDs atomic.Uint64

// ID returns a number no other Dict of the process has: the key for what
// is worked out with this dictionary and shared by the documents that use
// it. Its address is no such key: once the Dict is freed (a draft's own
// word list makes one for the draft), another Dict may take the address,
// and would be handed the first one's verdicts. (A Dict made as a literal,
// in this package's tests, has 0.)
func (d *Dict) ID() uint64 {
	if d == nil {
		return 0
	}
	return d.id
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
//
// The lists of package dict itself are not read: compact.bin is their
// image, checked against their names and sizes here and against their
// contents by TestCompactFresh. Other lists are read, and compact.bin is
// used only if it was made from the same contents.
func Load(fsys fs.FS) (*Dict, error) {
	if fsys == dict.FS() {
		if b := loadCompact(fsys); b != nil {
			return &Dict{b: b, ranked: new(sync.Map), near: new(sync.Map), inContext: new(ctxMemo), id: dictIDs.Add(1)}, nil
		}
	}
	words, freq, names, err := readLists(fsys)
	if err != nil {
		return nil, fmt.Errorf("read dictionary lists: %w", err)
	}
	if b, err := decodeCompact(compactBlob, func(srcs []source) bool { return sameContents(fsys, srcs) }); err == nil {
		b.lmSrc = fsys
		return &Dict{b: b, ranked: new(sync.Map), near: new(sync.Map), inContext: new(ctxMemo), id: dictIDs.Add(1)}, nil
	}
	b, err := buildText(words, freq, names)
	if err != nil {
		return nil, err
	}
	b.missText, b.missOff = builtinMisspellings()
	b.lmSrc = fsys
	return &Dict{b: b, ranked: new(sync.Map), near: new(sync.Map), inContext: new(ctxMemo), id: dictIDs.Add(1)}, nil
}

// buildText builds the base from the text lists.
func buildText(words, freq []byte, names []namedList) (*base, error) {
	lists := make([][]byte, len(names))
	for i, n := range names {
		lists[i] = n.data
	}
	return build(words, freq, lists)
}

func build(words, freq []byte, names [][]byte) (*base, error) {
	capacity := bytes.Count(words, []byte{'\n'}) + 1
	for _, n := range names {
		capacity += bytes.Count(n, []byte{'\n'}) + bytes.Count(n, []byte{' '}) + 1
	}
	b := &builder{
		keys:    newIndexBuilder(capacity, len(words)),
		self:    make([]entryFlag, 0, capacity),
		altHead: make([]int32, 0, capacity),
	}
	if err := eachLine(words, func(line string) error { return b.add(line, fromWords) }); err != nil {
		return nil, fmt.Errorf("%s: %w", wordsFile, err)
	}
	for _, n := range names {
		err := eachLine(n, func(line string) error { return b.addName(line) })
		if err != nil {
			return nil, fmt.Errorf("names: %w", err)
		}
	}
	return b.base(freq), nil
}

// base returns the finished dictionary, with the counts of en-freq.txt.
// Lines of it that do not parse are skipped (the list's own test checks
// it).
func (b *builder) base(freqData []byte) *base {
	counts := make([]uint32, b.keys.len())
	var maxCount uint32
	_ = eachLine(freqData, func(line string) error {
		w, c, ok := strings.Cut(line, "\t")
		if !ok {
			return nil
		}
		v, err := strconv.ParseUint(strings.TrimSpace(c), 10, 32)
		if err != nil {
			return nil
		}
		if id, ok := b.keyOf(w); ok && v > uint64(counts[id]) {
			counts[id] = uint32(v)
			maxCount = max(maxCount, uint32(v))
		}
		return nil
	})
	self := make([]byte, len(b.self))
	for i, f := range b.self {
		self[i] = byte(f)
	}
	heads := make([]uint32, len(b.altHead))
	for i, h := range b.altHead {
		heads[i] = uint32(h + 1)
	}
	off := make([]uint32, len(b.alts)+1)
	flags := make([]byte, len(b.alts))
	next := make([]uint32, len(b.alts))
	for i, a := range b.alts {
		off[i+1] = a.end
		flags[i] = byte(a.flags)
		next[i] = uint32(a.next + 1)
	}
	return &base{
		keys:     b.keys.index(b.keyMark),
		self:     string(self),
		altHead:  packU32s(heads),
		altOff:   packU32s(off),
		altFlags: string(flags),
		altNext:  packU32s(next),
		altText:  b.altBuf.String(),
		freq:     packU32s(counts),
		maxCount: maxCount,
	}
}

// keyOf returns the number of w's folded key while building.
func (b *builder) keyOf(w string) (uint32, bool) {
	var buf [64]byte
	if len(w) <= len(buf) {
		if k, ascii := foldASCII(buf[:0], w); ascii {
			return b.keys.getBytes(k)
		}
	}
	return b.keys.getBytes([]byte(fold(w)))
}

// addName records the words of one line of a names list. A multi-word
// name gives its words, but not its initials or regnal numbers ("George
// W. Bush", "Elizabeth II"), which as words of their own would make "w"
// and "ii" look like miscapitalised names; a hyphenated name also gives
// its parts, which writers use alone ("al-Qaeda", "Qaeda").
func (b *builder) addName(line string) error {
	multi := strings.IndexByte(line, ' ') >= 0
	for rest := line; rest != ""; {
		var part string
		part, rest, _ = strings.Cut(rest, " ")
		part = strings.TrimFunc(part, func(r rune) bool {
			return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' && r != '’'
		})
		if part == "" || (multi && (utf8.RuneCountInString(part) == 1 || isRoman(part))) {
			continue
		}
		part = normApos(part)
		if err := b.add(part, fromNames); err != nil {
			return err
		}
		if strings.IndexByte(part, '-') > 0 {
			for _, p := range strings.Split(part, "-") {
				if utf8.RuneCountInString(p) < 3 {
					continue
				}
				if err := b.add(p, fromNames); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// isRoman reports whether w is an upper-case Roman numeral.
func isRoman(w string) bool {
	for i := 0; i < len(w); i++ {
		if !strings.ContainsRune("IVXLCDM", rune(w[i])) {
			return false
		}
	}
	return w != ""
}

// add records one listed form.
func (b *builder) add(form string, f entryFlag) error {
	var id uint32
	var ok bool
	k, ascii := foldASCII(b.scratch[:0], form)
	b.scratch = k
	switch {
	case ascii && string(k) == form:
		id, _, ok = b.keys.add(form)
	case ascii:
		if id, ok = b.keys.getBytes(k); !ok {
			id, _, ok = b.keys.add(string(k))
		}
	default:
		id, _, ok = b.keys.add(fold(form))
	}
	if !ok {
		return fmt.Errorf("word index full at %q", form)
	}
	if int(id) == len(b.self) {
		b.self = append(b.self, 0)
		b.altHead = append(b.altHead, -1)
	}
	if b.keys.key(id) == form {
		b.self[id] |= f
		return nil
	}
	last := int32(-1)
	for a := b.altHead[id]; a >= 0; a = b.alts[a].next {
		if b.altForm(a) == form {
			b.alts[a].flags |= f
			return nil
		}
		last = a
	}
	start := uint32(b.altBuf.Len())
	b.altBuf.WriteString(form)
	b.alts = append(b.alts, altForm{start: start, end: uint32(b.altBuf.Len()), flags: f, next: -1})
	if last < 0 {
		b.altHead[id] = int32(len(b.alts) - 1)
	} else {
		b.alts[last].next = int32(len(b.alts) - 1)
	}
	return nil
}

// keyOf returns the number of w's folded key.
func (b *base) keyOf(w string) (uint32, bool) {
	if s := b.keySlot(w); s != 0 {
		return slotID(s), true
	}
	return 0, false
}

// keySlot returns the index entry of w's folded key, 0 if none.
func (b *base) keySlot(w string) uint32 {
	var buf [64]byte
	if len(w) <= len(buf) {
		if k, ascii := foldASCII(buf[:0], w); ascii {
			return b.keys.probeBytes(k)
		}
	}
	return b.keys.probe(fold(w))
}

// key is a word's folded key in the base list: its number and marks
// (keyMark), if listed, and whether the word is the key itself.
type key struct {
	id    uint32
	ok    bool
	exact bool
	mark  uint8
}

// The marks the word index keeps with each key (see strIndex.index):
// the lists the key itself is in (its entryFlag, the low bits), whether
// it has other forms, and the lists its capitalised form is in ("Paris"
// under "paris"; for a lower-case ASCII key). They answer most of Check's
// questions about a key it has just found without reading self or the
// other forms, each another cache miss for a word met for the first time.
const (
	markFlags      = 1<<2 - 1
	markAlts       = 1 << 2
	markTitleShift = 3
)

// keyMark returns the marks of a key in lists self, with other forms if
// alts, whose capitalised form is in lists title.
func keyMark(self entryFlag, alts bool, title entryFlag) uint8 {
	m := uint8(self)&markFlags | uint8(title)&markFlags<<markTitleShift
	if alts {
		m |= markAlts
	}
	return m
}

// keyMark returns key id's marks.
func (b *builder) keyMark(id uint32) uint8 {
	var title entryFlag
	if k := b.keys.key(id); k != "" && 'a' <= k[0] && k[0] <= 'z' && isLowerASCII(k) {
		for a := b.altHead[id]; a >= 0; a = b.alts[a].next {
			if f := b.altForm(a); len(f) == len(k) && f[0] == k[0]-('a'-'A') && f[1:] == k[1:] {
				title = b.alts[a].flags
			}
		}
	}
	return keyMark(b.self[id], b.altHead[id] >= 0, title)
}

// isTitleASCII reports whether w is an upper-case ASCII letter followed
// by lower-case ASCII: the capitalised form of its own folded key.
func isTitleASCII(w string) bool {
	return w != "" && 'A' <= w[0] && w[0] <= 'Z' && isLowerASCII(w[1:])
}

// find returns w's folded key; a lower-case ASCII word is its own.
func (b *base) find(w string) key {
	var s uint32
	exact := isLowerASCII(w)
	switch {
	case exact:
		s = b.keys.probe(w)
	case isASCII(w):
		// An ASCII word that is not lower case has an upper-case
		// letter, which its key has not.
		s = b.keySlot(w)
	default:
		f := fold(w)
		s, exact = b.keys.probe(f), f == w
	}
	if s == 0 {
		return key{}
	}
	return key{id: slotID(s), ok: true, exact: exact, mark: slotMark(s)}
}

// findASCII is find for an ASCII word, with the classes of its bytes
// (classesOf): one pass over w hashes its folded key and classifies it,
// and the probe compares the key with w folded as it goes, where find
// reads w once to tell its case, again to fold it and again to hash it.
// ok is false, and the rest zero, if w is not ASCII.
func (b *base) findASCII(w string) (k key, cls uint8, ok bool) {
	h := uint64(fnvOffset)
	for i := 0; i < len(w); i++ {
		c := w[i]
		bc := byteClass[c]
		cls |= bc
		h = (h ^ uint64(c|bc&clsUpper<<5)) * fnvPrime
	}
	if cls&clsNonASCII != 0 {
		return key{}, 0, false
	}
	var s uint32
	if cls&clsUpper == 0 {
		s = b.keys.probeHashed(w, h)
	} else {
		s = b.keys.probeFolded(w, h)
	}
	if s == 0 {
		return key{}, cls, true
	}
	return key{id: slotID(s), ok: true, exact: cls&clsUpper == 0, mark: slotMark(s)}, cls, true
}

// flagsOf returns the lists the exact form w is in (0: none).
func (b *base) flagsOf(w string) entryFlag { return b.flagsAt(w, b.find(w)) }

// flagsAt is flagsOf for w of key k (k is find(w)).
func (b *base) flagsAt(w string, k key) entryFlag {
	if !k.ok {
		return 0
	}
	if k.exact {
		return entryFlag(k.mark & markFlags)
	}
	if isTitleASCII(w) {
		return entryFlag(k.mark >> markTitleShift & markFlags)
	}
	if k.mark&markAlts != 0 {
		for a := b.altHead.at(int(k.id)); a != 0; a = b.altNext.at(int(a - 1)) {
			if b.altForm(a-1) == w {
				return entryFlag(b.altFlags[a-1])
			}
		}
	}
	return 0
}

// forms calls fn with key id's listed forms, curated ones first, until
// fn returns false.
func (b *base) forms(id uint32, fn func(form string, f entryFlag) bool) {
	for pass := 0; pass < 2; pass++ {
		curated := pass == 0
		if f := entryFlag(b.self[id]); f != 0 && (f&fromNames != 0) == curated {
			if !fn(b.keys.key(id), f) {
				return
			}
		}
		for a := b.altHead.at(int(id)); a != 0; a = b.altNext.at(int(a - 1)) {
			if f := entryFlag(b.altFlags[a-1]); (f&fromNames != 0) == curated {
				if !fn(b.altForm(a-1), f) {
					return
				}
			}
		}
	}
}

// count returns key id's corpus count.
func (b *base) count(id uint32) uint32 { return b.freq.at(int(id)) }

// foldASCII appends the folded key of an ASCII word to dst; ok is false
// for a word with other bytes (use fold).
func foldASCII(dst []byte, w string) ([]byte, bool) {
	for i := 0; i < len(w); i++ {
		c := w[i]
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
	return &Dict{b: d.b, o: o, ranked: new(sync.Map), near: new(sync.Map), inContext: new(ctxMemo), id: dictIDs.Add(1)}
}

// Freq returns the corpus count of word (case- and diacritic-folded), 0
// when the frequency list does not have it.
func (d *Dict) Freq(word string) int {
	if id, ok := d.b.keyOf(normApos(word)); ok {
		return int(d.b.count(id))
	}
	return 0
}

// Canonical returns the known forms that share word's case- and
// diacritic-folded key ("zelnickova" gives ["Zelníčková"], "cia" gives
// ["CIA"]): the user's words first, then curated names, then the base
// list. It returns nil when no form is known.
func (d *Dict) Canonical(word string) []string {
	w := normApos(word)
	var out []string
	if d.o != nil {
		out = append(out, d.o.folds[fold(w)]...)
	}
	if id, ok := d.b.keyOf(w); ok {
		d.b.forms(id, func(form string, _ entryFlag) bool {
			if d.o == nil || !d.o.exact[form] {
				out = append(out, form)
			}
			return true
		})
	}
	return out
}
