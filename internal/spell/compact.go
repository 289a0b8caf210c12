package spell

import (
	_ "embed" // compact.bin
	"encoding/binary"
	"errors"
	"hash/crc32"
	"io/fs"
	"math"
	"math/bits"
	"strings"
	"sync"
)

//go:generate go test -run TestCompactFresh -args -update

// compactBlob is the built-in dictionary precomputed from the text lists
// of package dict (the lists stay the source of truth; this is a cache):
// the word index, the suggestion trie, the metaphone index, the bigram
// table with its totals, and misspell's list as a sorted table. It is written by TestCompactFresh with -update
// (go generate ./internal/spell), which also fails while the blob is
// stale. Its arrays are used in place (see u32s), so loading it costs
// no decoding.
//
//go:embed compact.bin
var compactBlob string

const compactMagic = "edlint-spell-compact-5\n"

var errCompact = errors.New("compact dictionary does not match")

// source is one list a blob was made from.
type source struct {
	name string
	size uint32
	crc  uint32
}

// castagnoli is the CRC table of the lists' checksums, made on first use:
// only go generate and the freshness tests checksum anything, and making
// it at start-up cost every run 1.2 million instructions.
var castagnoli = sync.OnceValue(func() *crc32.Table { return crc32.MakeTable(crc32.Castagnoli) })

// sourcesOf describes the lists a blob is made from: those Load reads,
// then the bigram table if there is one.
func sourcesOf(words, freq []byte, names []namedList, bigrams []byte) []source {
	src := func(name string, data []byte) source {
		return source{name, uint32(len(data)), crc32.Checksum(data, castagnoli())}
	}
	out := []source{src(wordsFile, words), src(freqFile, freq)}
	for _, n := range names {
		out = append(out, src(n.name, n.data))
	}
	if bigrams != nil {
		out = append(out, src(bigramsFile, bigrams))
	}
	return out
}

// sameSizes reports whether fsys has exactly the lists srcs names, with
// their sizes: the start-up check for package dict's own lists, whose
// contents TestCompactFresh checks.
func sameSizes(fsys fs.FS, srcs []source) bool { return sameLists(fsys, srcs, false) }

// sameContents reports whether fsys has exactly the lists srcs names,
// with their contents.
func sameContents(fsys fs.FS, srcs []source) bool { return sameLists(fsys, srcs, true) }

// sameLists is sameContents, or with read false sameSizes, which reads no
// list.
func sameLists(fsys fs.FS, srcs []source, read bool) bool {
	names, err := listNames(fsys)
	if err != nil || len(names) != len(srcs) {
		return false
	}
	for i, name := range names {
		if name != srcs[i].name {
			return false
		}
		if !read {
			fi, err := fs.Stat(fsys, name)
			if err != nil || fi.Size() != int64(srcs[i].size) {
				return false
			}
			continue
		}
		data, err := fs.ReadFile(fsys, name)
		if err != nil || uint32(len(data)) != srcs[i].size || crc32.Checksum(data, castagnoli()) != srcs[i].crc {
			return false
		}
	}
	return true
}

// listNames returns the names sourcesOf gives for the lists in fsys.
func listNames(fsys fs.FS) ([]string, error) {
	names := []string{wordsFile, freqFile}
	files, err := fs.Glob(fsys, namesGlob)
	if err != nil {
		return nil, err
	}
	names = append(names, files...)
	if _, err := fs.Stat(fsys, bigramsFile); err == nil {
		names = append(names, bigramsFile)
	}
	return names, nil
}

// namedList is one names/*.txt file.
type namedList struct {
	name string
	data []byte
}

// compactWriter appends encodeCompact's sections, each 4-byte aligned.
type compactWriter struct{ out []byte }

func (w *compactWriter) u32(v uint32) { w.out = binary.LittleEndian.AppendUint32(w.out, v) }

func (w *compactWriter) str(s string) {
	w.u32(uint32(len(s)))
	w.out = append(w.out, s...)
	for len(w.out)%4 != 0 {
		w.out = append(w.out, 0)
	}
}

// encodeCompact encodes b, its suggestion indexes and the bigram table
// (bigrams nil: none) for compactBlob.
func encodeCompact(b *base, srcs []source, bigrams []byte) []byte {
	w := &compactWriter{out: []byte(compactMagic)}
	for len(w.out)%4 != 0 {
		w.out = append(w.out, 0)
	}
	w.u32(uint32(len(srcs)))
	for _, s := range srcs {
		w.str(s.name)
		w.u32(s.size)
		w.u32(s.crc)
	}
	w.str(b.keys.arena)
	w.str(string(b.keys.off))
	w.str(string(b.keys.slots))
	w.str(b.self)
	w.str(string(b.altHead))
	w.str(string(b.altOff))
	w.str(b.altFlags)
	w.str(string(b.altNext))
	w.str(b.altText)
	w.str(string(b.freq))
	w.u32(b.maxCount)

	sg := b.suggester().phonetic(b)
	w.u32(uint32(sg.maxDepth))
	w.str(sg.nodes)
	w.str(sg.labels)
	w.str(string(sg.terms))
	w.str(string(sg.rank))
	w.str(string(sg.phonHash))
	w.str(string(sg.phonIDs))

	var m bigramModel
	if bigrams != nil {
		m = *newBigramModel(bigrams)
	}
	w.out = binary.LittleEndian.AppendUint64(w.out, math.Float64bits(m.total))
	w.out = binary.LittleEndian.AppendUint64(w.out, math.Float64bits(m.vocab))
	w.str(m.data)

	w.u32(b.missListLen)
	w.str(b.missText)
	w.str(string(b.missOff))
	return w.out
}

// precomputed holds the suggestion-index sections of compact.bin.
type precomputed struct {
	maxDepth          int
	nodes, labels     string
	terms, rank       u32s
	phonHash, phonIDs u32s
}

func (p *precomputed) suggester() *suggester {
	return &suggester{nodes: p.nodes, labels: p.labels, terms: p.terms, rank: p.rank, maxDepth: p.maxDepth}
}

// compactReader reads encodeCompact's format from a string without
// copying. It moves an offset rather than reslicing, which would cost a
// GC write barrier per number.
type compactReader struct {
	s   string
	pos int
	bad bool
}

func (r *compactReader) u32() uint32 {
	p := r.pos
	if p+4 > len(r.s) {
		r.bad = true
		return 0
	}
	r.pos = p + 4
	return uint32(r.s[p]) | uint32(r.s[p+1])<<8 | uint32(r.s[p+2])<<16 | uint32(r.s[p+3])<<24
}

func (r *compactReader) u64() uint64 {
	lo := r.u32()
	return uint64(lo) | uint64(r.u32())<<32
}

func (r *compactReader) str() string {
	n := int(r.u32())
	if r.bad || n > len(r.s)-r.pos {
		r.bad = true
		return ""
	}
	s := r.s[r.pos : r.pos+n]
	r.pos += (n + 3) &^ 3
	return s
}

func (r *compactReader) u32s() u32s {
	s := r.str()
	if len(s)%4 != 0 {
		r.bad = true
	}
	return u32s(s)
}

// loadCompact returns the base in compactBlob if it was made from lists
// with fsys's names and sizes, else nil.
func loadCompact(fsys fs.FS) *base {
	b, err := decodeCompact(compactBlob, func(srcs []source) bool { return sameSizes(fsys, srcs) })
	if err != nil {
		return nil
	}
	b.lmSrc = fsys
	return b
}

// decodeCompact returns the base in blob if match accepts the lists it
// was made from.
func decodeCompact(blob string, match func([]source) bool) (*base, error) {
	if !strings.HasPrefix(blob, compactMagic) {
		return nil, errCompact
	}
	r := &compactReader{s: blob, pos: (len(compactMagic) + 3) &^ 3}
	srcs := make([]source, r.u32())
	if r.bad || len(srcs) > 1000 {
		return nil, errCompact
	}
	for i := range srcs {
		srcs[i] = source{name: r.str(), size: r.u32(), crc: r.u32()}
	}
	if r.bad || !match(srcs) {
		return nil, errCompact
	}
	keys := &strIndex{arena: r.str(), off: r.u32s(), slots: r.u32s()}
	keys.mask = uint32(keys.slots.len() - 1)
	b := &base{keys: keys}
	b.self = r.str()
	b.altHead = r.u32s()
	b.altOff = r.u32s()
	b.altFlags = r.str()
	b.altNext = r.u32s()
	b.altText = r.str()
	b.freq = r.u32s()
	b.maxCount = r.u32()
	nk, na := keys.len(), len(b.altFlags)
	if r.bad || keys.slots.len() == 0 || keys.slots.len()&(keys.slots.len()-1) != 0 ||
		len(b.self) != nk || b.altHead.len() != nk || b.freq.len() != nk ||
		b.altOff.len() != na+1 || b.altNext.len() != na {
		return nil, errCompact
	}

	p := &precomputed{maxDepth: int(r.u32())}
	p.nodes = r.str()
	p.labels = r.str()
	p.terms = r.u32s()
	p.rank = r.u32s()
	p.phonHash = r.u32s()
	p.phonIDs = r.u32s()
	nn := len(p.labels)
	if r.bad || nn == 0 || len(p.nodes) != (nn+1)*nodeSize || le32(p.nodes, nn*nodeSize) != uint32(nn) ||
		p.terms.len() > nn || p.rank.len() != 3*((nn+63)/64) ||
		p.phonHash.len() != nk || p.phonIDs.len() != nk {
		return nil, errCompact
	}
	if last := p.rank.len() - 3; int(p.rank.at(last))+bits.OnesCount32(p.rank.at(last+1))+bits.OnesCount32(p.rank.at(last+2)) != p.terms.len() {
		return nil, errCompact // rank does not count the keys terms lists
	}
	b.pre = p
	lm := &bigramModel{total: math.Float64frombits(r.u64()), vocab: math.Float64frombits(r.u64())}
	lm.data = r.str()
	if r.bad {
		return nil, errCompact
	}
	if lm.data != "" {
		b.lmPre = lm
	}
	// misspell's list is code, not a list in package dict: the binary
	// does not link it (its package pulls in net/http), and
	// TestCompactFresh fails when this table no longer matches it.
	b.missListLen = r.u32()
	b.missText, b.missOff = r.str(), r.u32s()
	if r.bad || b.missOff.len() == 0 {
		return nil, errCompact
	}
	return b, nil
}

// readLists reads the lists Load uses from fsys.
func readLists(fsys fs.FS) (words, freq []byte, names []namedList, err error) {
	words, err = fs.ReadFile(fsys, wordsFile)
	if err != nil {
		return nil, nil, nil, err
	}
	freq, err = fs.ReadFile(fsys, freqFile)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, nil, nil, err
	}
	files, err := fs.Glob(fsys, namesGlob)
	if err != nil {
		return nil, nil, nil, err
	}
	for _, f := range files {
		data, err := fs.ReadFile(fsys, f)
		if err != nil {
			return nil, nil, nil, err
		}
		names = append(names, namedList{f, data})
	}
	return words, freq, names, nil
}
