package spell

import (
	_ "embed" // compact.bin
	"encoding/binary"
	"errors"
	"hash/crc32"
	"io/fs"
	"strings"
)

//go:generate go test -run TestCompactFresh -args -update

// compactBlob is the built-in dictionary precomputed from the text lists
// of package dict (the lists stay the source of truth; this is a cache).
// It is written by TestCompactFresh with -update (go generate) and used
// only when its fingerprint matches the lists being loaded, so a stale
// blob costs start-up time, never correctness.
//
//go:embed compact.bin
var compactBlob string

const compactMagic = "edlint-spell-compact-1\n"

var errCompact = errors.New("compact dictionary does not match")

// fingerprint identifies the list contents a base is built from.
func fingerprint(words, freq []byte, names []namedList) uint32 {
	h := crc32.New(crc32.MakeTable(crc32.Castagnoli))
	put := func(name string, data []byte) {
		var n [8]byte
		binary.LittleEndian.PutUint64(n[:], uint64(len(data)))
		_, _ = h.Write([]byte(name))
		_, _ = h.Write(n[:])
		_, _ = h.Write(data)
	}
	put(compactMagic, nil)
	put(wordsFile, words)
	put(freqFile, freq)
	for _, n := range names {
		put(n.name, n.data)
	}
	return h.Sum32()
}

// namedList is one names/*.txt file.
type namedList struct {
	name string
	data []byte
}

// encodeCompact encodes b (with its frequencies) for compactBlob.
func encodeCompact(b *base, fp uint32) []byte {
	counts := b.counts()
	var out []byte
	u32 := func(v uint32) { out = binary.LittleEndian.AppendUint32(out, v) }
	str := func(s string) { u32(uint32(len(s))); out = append(out, s...) }
	u32s := func(vs []uint32) {
		u32(uint32(len(vs)))
		for _, v := range vs {
			u32(v)
		}
	}
	out = append(out, compactMagic...)
	u32(fp)
	str(b.keys.arena)
	u32s(b.keys.off)
	u32s(b.keys.slots)
	u32(uint32(len(b.self)))
	for _, f := range b.self {
		out = append(out, byte(f))
	}
	u32(uint32(len(b.altHead)))
	for _, a := range b.altHead {
		u32(uint32(a))
	}
	str(b.altText)
	u32(uint32(len(b.alts)))
	for _, a := range b.alts {
		u32(a.start)
		u32(a.end)
		u32(uint32(a.flags))
		u32(uint32(a.next))
	}
	u32s(counts)
	u32(b.maxCount)

	sg := b.suggester().phonetic(b)
	u32(uint32(sg.maxDepth))
	u32(uint32(len(sg.nodes)))
	for _, nd := range sg.nodes {
		u32(nd.first)
		u32(nd.next)
		u32(nd.term)
	}
	u32(uint32(len(sg.nodes)))
	for _, nd := range sg.nodes {
		out = append(out, nd.label)
	}
	u32s(sg.phonHash)
	u32s(sg.phonIDs)
	return out
}

// precomputed holds the undecoded suggestion-index sections of
// compact.bin; they are decoded on the first Suggest, not at start-up.
type precomputed struct {
	maxDepth int
	nodes    string // first, next, term per node
	labels   string
	phonHash string
	phonIDs  string
}

func (p *precomputed) trie() ([]trieNode, int) {
	nodes := make([]trieNode, len(p.labels))
	for i := range nodes {
		j := 12 * i
		nodes[i] = trieNode{first: le32(p.nodes, j), next: le32(p.nodes, j+4), term: le32(p.nodes, j+8), label: p.labels[i]}
	}
	return nodes, p.maxDepth
}

func (p *precomputed) phonetic() (hashes, ids []uint32) {
	return le32s(p.phonHash), le32s(p.phonIDs)
}

func le32(s string, j int) uint32 {
	return uint32(s[j]) | uint32(s[j+1])<<8 | uint32(s[j+2])<<16 | uint32(s[j+3])<<24
}

func le32s(s string) []uint32 {
	vs := make([]uint32, len(s)/4)
	for i := range vs {
		vs[i] = le32(s, 4*i)
	}
	return vs
}

// compactReader reads encodeCompact's format from a string without
// copying its text sections. It moves an offset rather than reslicing,
// which would cost a GC write barrier per number.
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

func (r *compactReader) left() int { return len(r.s) - r.pos }

func (r *compactReader) str() string {
	n := int(r.u32())
	if r.bad || n > r.left() {
		r.bad = true
		return ""
	}
	s := r.s[r.pos : r.pos+n]
	r.pos += n
	return s
}

func (r *compactReader) u32s() []uint32 {
	n := int(r.u32())
	if r.bad || 4*n > r.left() {
		r.bad = true
		return nil
	}
	vs := make([]uint32, n)
	s := r.s[r.pos : r.pos+4*n]
	for i := range vs {
		j := 4 * i
		vs[i] = uint32(s[j]) | uint32(s[j+1])<<8 | uint32(s[j+2])<<16 | uint32(s[j+3])<<24
	}
	r.pos += 4 * n
	return vs
}

// raw32 returns a u32s section undecoded.
func (r *compactReader) raw32() string {
	n := int(r.u32())
	if r.bad || 4*n > r.left() {
		r.bad = true
		return ""
	}
	s := r.s[r.pos : r.pos+4*n]
	r.pos += 4 * n
	return s
}

// decodeCompact rebuilds a base from blob if it was made from lists with
// fingerprint fp.
func decodeCompact(blob string, fp uint32) (*base, error) {
	if !strings.HasPrefix(blob, compactMagic) {
		return nil, errCompact
	}
	r := &compactReader{s: blob, pos: len(compactMagic)}
	if r.u32() != fp {
		return nil, errCompact
	}
	keys := &strIndex{arena: r.str(), off: r.u32s(), slots: r.u32s()}
	keys.mask = uint32(len(keys.slots) - 1)
	b := &base{keys: keys}
	selfText := r.str()
	b.self = make([]entryFlag, len(selfText))
	for i := 0; i < len(selfText); i++ {
		b.self[i] = entryFlag(selfText[i])
	}
	heads := r.u32s()
	b.altHead = make([]int32, len(heads))
	for i, h := range heads {
		b.altHead[i] = int32(h)
	}
	b.altText = r.str()
	n := int(r.u32())
	if r.bad || 16*n > r.left() {
		return nil, errCompact
	}
	b.alts = make([]altForm, n)
	for i := range b.alts {
		b.alts[i] = altForm{start: r.u32(), end: r.u32(), flags: entryFlag(r.u32()), next: int32(r.u32())}
	}
	freq := r.u32s()
	b.maxCount = r.u32()
	if r.bad || len(keys.slots) == 0 || len(keys.slots)&(len(keys.slots)-1) != 0 ||
		len(b.self) != keys.len() || len(b.altHead) != keys.len() || len(freq) != keys.len() {
		return nil, errCompact
	}
	b.freqOnce.Do(func() { b.freq = freq })

	pre := &precomputed{maxDepth: int(r.u32())}
	nn := int(r.u32())
	if r.bad || 12*nn > r.left() {
		return nil, errCompact
	}
	pre.nodes = r.s[r.pos : r.pos+12*nn]
	r.pos += 12 * nn
	pre.labels = r.str()
	pre.phonHash = r.raw32()
	pre.phonIDs = r.raw32()
	if r.bad || len(pre.labels) != nn || len(pre.phonHash) != 4*keys.len() || len(pre.phonIDs) != len(pre.phonHash) {
		return nil, errCompact
	}
	b.pre = pre
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
