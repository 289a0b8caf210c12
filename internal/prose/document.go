// Package prose turns a draft into what edlint's rules read: the prose a
// reader sees, as words, numbers and punctuation grouped into sentences and
// blocks, every piece a byte span into the unmodified source.
//
// Nothing here ever copies or rewrites the source: a Span always indexes the
// bytes the user wrote, so findings, fixes and line:column positions agree.
package prose

import (
	"math/bits"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"
	"unsafe"

	"github.com/edlint/edlint/internal/mem"
	"github.com/edlint/edlint/internal/par"
)

// Format is the syntax a document is written in.
type Format uint8

// Formats edlint reads.
const (
	Plain Format = iota
	Markdown
)

func (f Format) String() string {
	if f == Markdown {
		return "markdown"
	}
	return "text"
}

// FormatFor chooses a format from a file name: .md, .markdown, .mdown and
// .mkd are Markdown, everything else plain text.
func FormatFor(path string) Format {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".md", ".markdown", ".mdown", ".mkd", ".mdx":
		return Markdown
	}
	return Plain
}

// Span is a half-open byte range [Start, End) into a document's source.
type Span struct {
	Start, End int
}

// Len is the number of bytes the span covers.
func (s Span) Len() int { return s.End - s.Start }

// Contains reports whether off lies inside the span.
func (s Span) Contains(off int) bool { return off >= s.Start && off < s.End }

// Edit replaces the bytes of Span with New.
type Edit struct {
	Span
	New string
}

// Position is a 1-based line and column; columns count Unicode code points.
type Position struct {
	Line, Column int
}

// TokenKind says what a token is.
type TokenKind uint8

// Token kinds.
const (
	Word   TokenKind = iota // letters, with inner apostrophes, hyphens and abbreviation dots
	Number                  // starts with a digit: 1987, 2.5, 1,200, 6th, 1980s, 1985-87
	Punct                   // one punctuation mark or symbol ("..." is one token)
)

// Token is one word, number or punctuation mark. A document holds one per
// four or five bytes of prose, so a token is kept in 4 bytes: one word
// packing its kind, the gap flag, its start's offset from its group's base
// and its ID. The document holds the rest: the start of every eighth token
// (a group's base), the starts that lie too far past their base (a long
// masked stretch inside a group: rare), and the length of each type's
// text, which is the length of each of its tokens. So a token's kind, gap
// and ID are read from the token, its span from the document
// (Document.TokenSpan). A 20 MB draft's tokens take 15 MB (at 8 bytes, a
// start and the packed word, they took 28; with two int offsets and the
// rest, 87).
//
// A token is at most MaxTokenLen bytes long (the tokenizer cuts longer
// runs of letters or dots, which are not prose, into pieces), and a
// document has at most MaxTypes distinct token texts (see TooVaried).
type Token struct {
	// bits packs the kind (2 bits), the gap flag (1 bit), the offset of
	// the start from the group's base (8 bits; farOff: listed in
	// Document.far) and the ID (21 bits).
	bits uint32
}

// MaxSize bounds the documents Parse takes: 2 GiB, so that token offsets
// fit in 32 bits.
const MaxSize = 1<<31 - 1

// MaxTokenLen is the length in bytes of the longest token.
const MaxTokenLen = 255

// MaxTypes bounds the distinct token texts of a document: about two
// million, where edited English has tens of thousands (Heaps' law puts two
// million at some three billion words).
const MaxTypes = 1 << (32 - idShift)

const (
	kindMask   = 3
	gapBit     = 4
	offShift   = 3
	offMask    = 0xff
	idShift    = 11
	groupShift = 3 // a group is eight tokens
	// farOff is the offset of a start listed in Document.far.
	farOff = offMask
)

// farStart is the start of a token too far past its group's base.
type farStart struct {
	tok, start uint32
}

// oddLen is the length of a token whose ID is no one text's (the overflow
// ID of a TooVaried document), by its start.
type oddLen struct {
	start uint32
	n     uint8
}

// Kind says whether the token is a word, a number or a punctuation mark.
func (t Token) Kind() TokenKind { return TokenKind(t.bits & kindMask) }

// Gap is true when something other than white space that is not prose (a
// code span, an inline HTML tag, a URL) lies between the previous token of
// the block and this one.
func (t Token) Gap() bool { return t.bits&gapBit != 0 }

// ID numbers the token's text: two tokens have the same ID exactly when
// they have the same text, and Document.Type(ID) is that text. (In a
// TooVaried document, the last ID is shared by texts past the limit.)
func (t Token) ID() uint32 { return t.bits >> idShift }

// off is the offset of the token's start from its group's base.
func (t Token) off() uint32 { return t.bits >> offShift & offMask }

// Offset is the offset of the token's start from its group's base (see
// NearGap), 255 for a start farther: a loop that holds neighbours of one
// group tells their gaps from their offsets and TypeLen without a call.
// (off written out: off inlined in Offset left a NOP at each use.)
func (t Token) Offset() uint32 { return t.bits >> offShift & offMask }

// tokenStarts locates the starts of a run of tokens: bases[g] is the start
// of token 8g, and far lists, by token, the starts too far past their base
// to be an offset.
type tokenStarts struct {
	bases []uint32
	far   []farStart
	base  uint32 // the last of bases, while tokens are added
}

// add packs a token of kind k and type id starting at start as the token
// of index n of the run; start is not before the run's previous token's.
func (ts *tokenStarts) add(n, start int, k TokenKind, id uint32) Token {
	if n&(1<<groupShift-1) == 0 {
		ts.bases = append(ts.bases, uint32(start))
		ts.base = uint32(start)
	}
	off := uint32(start) - ts.base
	if off >= farOff {
		ts.far = append(ts.far, farStart{uint32(n), uint32(start)})
		off = farOff
	}
	return Token{id<<idShift | off<<offShift | uint32(k)}
}

// newGroup starts a group at start, in bases with room for it.
func (ts *tokenStarts) newGroup(start int) {
	m := len(ts.bases)
	ts.bases = ts.bases[:m+1]
	ts.bases[m] = uint32(start)
	ts.base = uint32(start)
}

// packToken is the token of kind k and type id whose start lies off bytes
// past its group's base.
func packToken(off uint32, k TokenKind, id uint32) Token {
	return Token{id<<idShift | off<<offShift | uint32(k)}
}

// start is the start of token i, t.
func (ts *tokenStarts) start(i int, t Token) int {
	if off := t.off(); off != farOff {
		return int(ts.bases[i>>groupShift]) + int(off)
	}
	return ts.farStart(i)
}

// farStart finds the start of token i in far.
func (ts *tokenStarts) farStart(i int) int { return farStartOf(ts.far, i) }

// farStartOf finds the start of token i in far. It searches by hand, not
// by slices.BinarySearchFunc: without a call, it is inlined, and the
// Document's token accessors that read it call nothing, which spares
// them a stack frame and its check (they are called millions of times).
func farStartOf(far []farStart, i int) int {
	lo, hi := 0, len(far)
	for lo < hi {
		if m := int(uint(lo+hi) >> 1); int(far[m].tok) < i {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return int(far[lo].start)
}

// oddLenOf finds the length of the token that starts at start in odd (see
// farStartOf).
func oddLenOf(odd []oddLen, start int) int {
	lo, hi := 0, len(odd)
	for lo < hi {
		if m := int(uint(lo+hi) >> 1); int(odd[m].start) < start {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return int(odd[lo].n)
}

// BlockKind says what kind of text block holds some prose.
type BlockKind uint8

// Block kinds.
const (
	Paragraph BlockKind = iota
	Heading
	ListItem
	TableCell
)

func (k BlockKind) String() string {
	return [...]string{"paragraph", "heading", "list item", "table cell"}[k]
}

// Block is one paragraph, heading, list item or table cell: the unit inside
// which quotes and brackets must balance.
//
// A 20 MB draft has some 70 K blocks, so a block keeps its offsets and
// indices in 32 bits (a document is shorter than MaxSize) and is read
// through methods: 28 bytes instead of 56.
type Block struct {
	start, end uint32
	// Tokens and sentences index Document.Tokens and Document.Sentences.
	firstToken, endToken       uint32
	firstSentence, endSentence uint32
	kind                       BlockKind
	inQuote                    bool
}

// Span is the bytes the block covers, from its first prose segment to its
// last.
func (b *Block) Span() Span { return Span{int(b.start), int(b.end)} }

// Start is the byte offset of the block's first byte.
func (b *Block) Start() int { return int(b.start) }

// End is the byte offset just past the block.
func (b *Block) End() int { return int(b.end) }

// Kind says whether the block is a paragraph, heading, list item or table
// cell.
func (b *Block) Kind() BlockKind { return b.kind }

// InQuote is true inside a Markdown block quote.
func (b *Block) InQuote() bool { return b.inQuote }

// FirstToken is the index in Document.Tokens of the block's first token.
func (b *Block) FirstToken() int { return int(b.firstToken) }

// EndToken is the index in Document.Tokens just past the block's last
// token.
func (b *Block) EndToken() int { return int(b.endToken) }

// FirstSentence is the index in Document.Sentences of the block's first
// sentence.
func (b *Block) FirstSentence() int { return int(b.firstSentence) }

// EndSentence is the index in Document.Sentences just past the block's
// last sentence.
func (b *Block) EndSentence() int { return int(b.endSentence) }

// Sentence is a run of tokens ending in terminal punctuation or at the end
// of its block.
//
// A 20 MB draft has some 160 K sentences, so a sentence keeps only its
// token and block indices, in 32 bits, read through methods: 12 bytes
// instead of 40. Its bytes are Document.SentenceSpan.
type Sentence struct {
	firstToken, endToken uint32
	block                uint32
}

// FirstToken is the index in Document.Tokens of the sentence's first
// token.
func (s Sentence) FirstToken() int { return int(s.firstToken) }

// EndToken is the index in Document.Tokens just past the sentence's last
// token.
func (s Sentence) EndToken() int { return int(s.endToken) }

// Block is the index in Document.Blocks of the block holding the sentence.
func (s Sentence) Block() int { return int(s.block) }

// Segment is a byte range of the source that a reader reads, a span kept
// in 8 bytes (a 20 MB draft has some 320 K of them) and read through
// methods.
type Segment struct {
	start, end uint32
}

// newSegment is the segment [start, end).
func newSegment(start, end int) Segment { return Segment{uint32(start), uint32(end)} }

// Start is the byte offset of the segment's first byte.
func (s Segment) Start() int { return int(s.start) }

// End is the byte offset just past the segment.
func (s Segment) End() int { return int(s.end) }

// Span is the bytes the segment covers.
func (s Segment) Span() Span { return Span{int(s.start), int(s.end)} }

// Comment is a Markdown HTML comment, or in plain text a line that holds an
// edlint directive. Body is the text inside the comment markers, trimmed.
type Comment struct {
	Span
	Body string
}

// Document is a parsed draft.
type Document struct {
	Path   string
	Format Format
	// Src is the unmodified source; Text is the same bytes as a string
	// (a view, not a copy: see Parse), so that token text can be sliced
	// without allocating.
	Src  []byte
	Text string

	Blocks []Block
	// Tokens are read with the document's help for their spans
	// (TokenSpan): starts places them, lens[id] is the length of type id's
	// text (0 for the overflow ID of a TooVaried document, whose tokens'
	// lengths odd lists by start).
	Tokens    []Token
	starts    tokenStarts
	lens      []uint8
	odd       []oddLen
	Sentences []Sentence
	Comments  []Comment
	// Prose lists the byte ranges a reader reads, in order; everything else
	// (code, markup, URLs, front matter, comments) is masked.
	Prose []Segment
	// Invalid holds the offsets of bytes that are not valid UTF-8.
	Invalid []int
	// types holds the document's vocabulary (see Type), type id's text
	// starting at byte uint32(typeRefs[id]) of it, typeRefs[id]>>32 bytes
	// long: every
	// token's text, then the lower-case forms of those texts that no token
	// spells (see Lower). One string and offsets, not a string a type: the
	// collector visits every string of a []string at each cycle, and a
	// large draft's types (38,700 strings on the 20 MB corpus) cost some
	// 8 million instructions a cycle, for as long as the rules run.
	types    string
	typeRefs []uint64
	// spelt: the types some token spells are IDs 0 to spelt-1 (see
	// SpeltTexts).
	spelt int
	// Tokens of type id occur counts[id] times; lower[id] is the ID of
	// strings.ToLower(Types[id]).
	counts []int32
	lower  []uint32

	// tooVaried: see TooVaried.
	tooVaried bool

	// lines holds the byte offset of the start of each line (32 bits, as
	// token offsets: a document is shorter than MaxSize).
	lines []uint32

	// wrap counts the lines for HardWrapped when wrapCounted (plain text
	// parsed on one goroutine counts them as it makes its blocks).
	wrap        wrapCount
	wrapCounted bool
}

// TooVaried reports whether the document has more than MaxTypes distinct
// token texts: not prose, but a table of identifiers or random text. Its
// token IDs are then not one per text, and it must not be linted.
func (d *Document) TooVaried() bool { return d.tooVaried }

// Type returns the text of every token whose ID is id; the IDs past the
// tokens' are the lower-case forms of those texts that no token spells
// (see Lower).
func (d *Document) Type(id uint32) string {
	r := d.typeRefs[id]
	// Within types by construction (vocab.finish): no check on the slice.
	return unsafe.String((*byte)(unsafe.Add(unsafe.Pointer(unsafe.StringData(d.types)), uint32(r))), int(r>>32))
}

// NumTypes is the number of types: their IDs run from 0 to NumTypes()-1.
func (d *Document) NumTypes() int { return len(d.typeRefs) }

// TypeCounts holds TypeCount of every type, by ID, for a loop over the
// types that would check its bounds at each call; its callers must not
// change it.
func (d *Document) TypeCounts() []int32 { return d.counts }

// Lowers holds Lower of every type, by ID, as TypeCounts.
func (d *Document) Lowers() []uint32 { return d.lower }

// GroupStarts holds the start of each group's first token: a token of
// Offset below 255 starts at GroupStarts()[i/8] + Offset, for a loop that
// tells the gaps across groups from the offsets (see NearGap).
func (d *Document) GroupStarts() []uint32 { return d.starts.bases }

// TypeLens holds TypeLen of every type, by ID, as TypeCounts.
func (d *Document) TypeLens() []uint8 { return d.lens }

// Parse builds the document model of src. It never fails: invalid UTF-8 is
// recorded in Invalid and treated as a non-letter.
//
// The document does not copy src: Src is src itself and Text is a string
// view of the same bytes. The caller must therefore not modify src after
// Parse; every caller reads a file into a buffer of its own and hands it
// over (fixes build a new buffer and parse that). Parse may also read, never
// write, up to ReadAhead bytes of src's spare capacity (src[len(src):cap(src)]),
// which the caller must not write while it runs either.
//
// src must be shorter than MaxSize (offsets are kept in 32 bits); the
// driver refuses longer files before parsing.
func Parse(path string, src []byte, format Format) *Document {
	return ParseWorkers(path, src, format, 1)
}

// ParseWorkers is Parse on up to workers goroutines: a large document is
// cut at block boundaries into parts of at least a megabyte that are
// tokenized and split into sentences at once, then joined (and large
// Markdown is parsed by goldmark in pieces at once: see markdownBlocks).
// The document is the same, field by field, whatever workers is.
func ParseWorkers(path string, src []byte, format Format, workers int) *Document {
	d := &Document{Path: path, Format: format, Src: src, Text: bytesView(src)}
	if workers > 1 && len(src) >= 2*minPart {
		// The line table on several goroutines, the invalid bytes on one
		// more.
		par.Do(2, 2, func(k int) {
			if k == 0 {
				d.lines = lineStartsParallel(src, workers)
			} else {
				d.Invalid = invalidOffsets(src)
			}
		})
	} else {
		d.lines, d.Invalid = scanSource(src, true)
	}
	if format == Plain && workers > 1 && d.parsePlainParallel(workers) {
		return d
	}
	var blocks []rawBlock
	var joins []uint64
	if format == Markdown {
		blocks = d.markdownBlocks(workers)
	} else {
		blocks, joins = d.plainBlocks()
	}
	d.build(blocks, joins, workers)
	return d
}

// bytesView returns b as a string without copying it.
func bytesView(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b))
}

// rawBlock is a block before tokenization: its kind and its prose
// segments, Prose[firstSeg:endSeg] (32-bit, as in Block: a 20 MB draft
// has some 70 K blocks, kept until they are built).
type rawBlock struct {
	firstSeg, endSeg uint32
	kind             BlockKind
	inQuote          bool
}

// build tokenizes the prose segments of blocks, numbers the token texts,
// and splits each block into sentences, on up to workers goroutines (see
// buildParallel).
func (d *Document) build(blocks []rawBlock, joins []uint64, workers int) {
	if workers > 1 && d.buildParallel(blocks, joins, workers) {
		return
	}
	est := d.estimateTokens()
	toks := make([]Token, 0, est)
	mem.Huge(toks)
	sents := make([]Sentence, 0, sentenceRoom(est, len(blocks)))
	mem.Huge(sents)
	p := d.buildPart(run{blocks, d.Prose, joins}, est, toks,
		make([]Block, 0, len(blocks)), sents)
	d.Blocks, d.Tokens, d.Sentences = p.blocks, p.toks, p.sents
	d.starts = p.starts
	p.v.finish(d)
}

// part is the model of a run of blocks built on its own: token, sentence
// and block indices count from the part's start, and token IDs number the
// part's own vocabulary.
type part struct {
	toks   []Token
	starts tokenStarts
	v      vocab
	blocks []Block
	sents  []Sentence
	// gapFromBefore is set when the gap of the part's first token is to
	// be measured from the last token of the parts before it.
	gapFromBefore bool
}

// beforePart stands for the end of the last token before a part.
const beforePart = -2

// buildPart tokenizes the blocks of r into toks (empty, with room for
// about est tokens), numbers the texts and splits the blocks into
// sentences.
//
// blks and sents, empty, receive the blocks and sentences; blks has room
// for every block, sents for about sentenceRoom(est, len(r.blocks)).
func (d *Document) buildPart(r run, est int, toks []Token, blks []Block, sents []Sentence) *part {
	blocks := r.blocks
	p := &part{blocks: blks, sents: sents}
	// The sentence splitter reads tokens through a document.
	view := &Document{Text: d.Text}
	b := builder{text: d.Text, toks: toks, view: view, readable: readableEnd(d)}
	b.starts.bases = make([]uint32, 0, cap(toks)>>groupShift+1)
	b.v.init(d.Text, est)
	var sc splitScratch
	for _, rb := range blocks {
		segs := r.prose[rb.firstSeg:rb.endSeg]
		if len(segs) == 0 {
			continue
		}
		firstTok := len(b.toks)
		b.terms = b.terms[:0]
		b.prevEnd = -1
		if r.joins == nil { // (Markdown: the test cost it 4M on md20)
			for _, s := range segs {
				first := len(b.toks)
				b.tokenize(s.Span())
				b.join(first, s.Span())
			}
		} else {
			// (This loop reloads the outer loop's values after each
			// tokenize too; as a function of its own, which reloaded
			// only its own, it cost 1.2M more on c20.)
			for x := 0; x < len(segs); x++ {
				s := segs[x]
				// Most lines of a paragraph follow a token that ends
				// on the newline before them, and most paragraphs start
				// with such a line (see joinedLine): join's work without
				// the call.
				if k := int(rb.firstSeg) + x; (b.prevEnd+1 == int(s.start) || b.prevEnd == -1) && joinedLine(r.joins, k) {
					// So are the marked lines after it, those of the
					// run of marks from it: the quick loop made them one
					// after another, and a line it left between two of
					// them would be a segment, unmarked, or a blank line
					// or a directive, which ends the block. Between two
					// of them lies the newline (after a carriage return,
					// perhaps) that ends the first. Their tokens are
					// those of the lines as one span (the line break and
					// the indentation are white space, which makes no
					// token and ends the word before it), made in one
					// call of tokenize, not one a line; join would have
					// found no gap before any of them.
					x += joinedRun(r.joins, k, len(segs)-1-x)
					end := segs[x].end
					b.tokenize(Span{int(s.start), int(end)})
					b.prevEnd = int(end)
					continue
				}
				first := len(b.toks)
				b.tokenize(s.Span())
				b.join(first, s.Span())
			}
		}
		endTok := len(b.toks)
		if endTok == firstTok {
			continue
		}
		// Split the block while its tokens are still in the cache. A
		// block without a mark that may end a sentence (a heading, a
		// line of a list) is one sentence: no view to update, no call.
		// So is a block whose one mark is its last token (a sentence
		// of its own, or a heading that ends in a dot): it ends its
		// sentence at the block's end, or none.
		firstSent := len(p.sents)
		if n := len(b.terms); n == 0 || n == 1 && b.terms[0] == endTok-1 {
			p.sents = append(p.sents, newSentence(firstTok, endTok, len(p.blocks)))
		} else {
			b.see(view)
			resetTo(&p.sents, splitSentences(view, firstTok, endTok, len(p.blocks), b.terms, &b.facts, &sc, p.sents))
		}
		p.blocks = append(p.blocks, Block{
			start: segs[0].start, end: segs[len(segs)-1].end,
			firstToken: uint32(firstTok), endToken: uint32(endTok),
			firstSentence: uint32(firstSent), endSentence: uint32(len(p.sents)),
			kind: rb.kind, inQuote: rb.inQuote,
		})
	}
	p.toks, p.starts = b.toks, b.starts
	p.gapFromBefore = b.fromBefore
	b.v.settle()
	p.v = b.v
	return p
}

// joinedLine reports whether joins marks prose segment k: a whole line
// but the first, that starts with ASCII ink, after spaces if indented,
// and ends with it (plainRun's quick loop marks them). When the last
// token before it, of its block, ends on the newline before it (prevEnd
// is its start less one), its first token follows it after white space
// only: join leaves its gap flag clear and sets prevEnd to its end. It
// does the same when the segment is its block's first (prevEnd is -1).
func joinedLine(joins []uint64, k int) bool {
	return uint(k>>6) < uint(len(joins)) && joins[k>>6]>>(k&63)&1 != 0
}

// joinedRun is the number of segments after segment k, up to most, that
// joins marks, one after another (see joinedLine): the run of set bits
// from bit k+1, counted a word at a time.
func joinedRun(joins []uint64, k, most int) int {
	n := 0
	for n < most {
		j := k + 1 + n
		if j>>6 >= len(joins) {
			break
		}
		// The bits shifted in at the top are clear, so the count of
		// set bits stops at the word's end at the latest.
		ones := bits.TrailingZeros64(^(joins[j>>6] >> (j & 63)))
		n += ones
		if ones < 64-j&63 {
			break
		}
	}
	return min(n, most)
}

// see points view at the tokens made so far, for reading their spans.
// It runs once a block, and the slices have mostly only grown in place
// since the last time: see resets.
func (b *builder) see(view *Document) {
	resetTo(&view.Tokens, b.toks)
	resetTo(&view.starts.bases, b.starts.bases)
	view.starts.base = b.starts.base
	resetTo(&view.lens, b.v.lens)
	// The starts and lengths listed apart are mostly none.
	if len(b.starts.far)|len(view.starts.far) != 0 {
		resetTo(&view.starts.far, b.starts.far)
	}
	if len(b.v.odd)|len(view.odd) != 0 {
		resetTo(&view.odd, b.v.odd)
	}
}

// resetTo sets *dst to src. When src is *dst grown in place (the same
// array), only the length is written: storing the slice whole would store
// its pointer, which while the collector marks passes through its write
// barrier, and the parse of a large draft, which collects as it grows,
// would spend most of its barrier calls here and in tokenize.
func resetTo[T any](dst *[]T, src []T) {
	if cap(*dst) == cap(src) && unsafe.SliceData(*dst) == unsafe.SliceData(src) {
		*dst = (*dst)[:len(src)]
		return
	}
	*dst = src
}

// join sets the gap flag of the first token of prose segment s, token
// first if the segment has tokens, when something other than white
// space and inline markers parts it from the token before it: the last
// token of an earlier segment of the block, or of an earlier block if the
// segments before have no tokens; the gap of the part's first token is
// measured from the parts before (fromBefore). It then keeps the end of
// the last token so far in prevEnd for the next segment.
//
// A token holds every ASCII byte but white space, and none reaches past
// its segment: a segment that starts with such a byte (ink) starts with
// a token, and one that ends with ink ends with one. The lines of a
// hard-wrapped draft do both, and most are parted by one newline: they
// are told from the segment alone, without reading the tokens.
func (b *builder) join(first int, s Span) {
	text, n := b.text, len(b.toks)
	if first == n { // no tokens
		if b.prevEnd == -1 {
			// The end of the block's last token (of an earlier block),
			// as for a segment with tokens.
			b.prevEnd = beforePart
			if n > 0 {
				b.prevEnd = b.tokenEnd(n-1, b.view)
			}
		}
		return
	}
	if prevEnd := b.prevEnd; prevEnd >= 0 {
		start := s.Start
		if !isASCIIInk(text[start]) {
			start = b.starts.start(first, b.toks[first])
		}
		if (start != prevEnd+1 || text[prevEnd] != '\n') && !blankOrMarkup(text[prevEnd:start]) {
			b.toks[first].bits |= gapBit
		}
	} else if prevEnd == beforePart {
		b.fromBefore = true
	}
	b.prevEnd = s.End
	if !isASCIIInk(text[s.End-1]) {
		b.prevEnd = b.tokenEnd(n-1, b.view)
	}
}

// tokenEnd is Document.TokenEnd of the tokens made so far; the rare token
// whose start or length is listed apart is read through view.
func (b *builder) tokenEnd(i int, view *Document) int {
	t := b.toks[i]
	off, n := t.off(), b.v.lens[t.ID()]
	if off == farOff || n == 0 {
		b.see(view)
		return view.TokenEnd(i)
	}
	return int(b.starts.bases[i>>groupShift]) + int(off) + int(n)
}

// sentenceRoom is the room to make for the sentences of blocks blocks of
// about tokens tokens: about one sentence in 22 tokens (16 to 22 in edited
// prose); the slice grows if there are more.
func sentenceRoom(tokens, blocks int) int { return tokens/22 + blocks/4 + 1 }

// blankOrMarkup reports whether text between two prose segments is only
// white space and Markdown inline markers (emphasis, link brackets), so that
// the tokens on either side read as neighbours. Spaces are skipped eight
// at a time: between the lines of an indented draft lie a newline and the
// next line's indentation.
func blankOrMarkup(s string) bool {
	for i := 0; i < len(s); i++ {
		for s[i] == ' ' && i+8 <= len(s) && load64(s, i) == ' '*lsb {
			if i += 8; i == len(s) {
				return true
			}
		}
		switch s[i] {
		case ' ', '\t', '\n', '\r', '*', '_', '~', '[', ']', '>':
		default:
			return false // including any byte of a non-ASCII character
		}
	}
	return true
}

// TokenStart is the byte offset of token i's first byte.
func (d *Document) TokenStart(i int) int {
	t := d.Tokens[i]
	if off := t.off(); off != farOff {
		return int(d.starts.bases[i>>groupShift]) + int(off)
	}
	return farStartOf(d.starts.far, i)
}

// TokenEnd is the byte offset just past token i.
func (d *Document) TokenEnd(i int) int {
	t := d.Tokens[i]
	off, n := t.off(), int(d.lens[t.ID()])
	start := int(d.starts.bases[i>>groupShift]) + int(off)
	if off == farOff {
		start = farStartOf(d.starts.far, i)
	}
	if n == 0 {
		n = oddLenOf(d.odd, start)
	}
	return start + n
}

// TokenGap is the number of bytes between token i-1 and token i (i > 0):
// TokenStart(i) - TokenEnd(i-1).
func (d *Document) TokenGap(i int) int {
	t, p := d.Tokens[i].bits, d.Tokens[i-1].bits
	off, poff, n := t>>offShift&offMask, p>>offShift&offMask, uint32(d.lens[p>>idShift])
	// The two starts from their groups' bases, which are one base when
	// the tokens share a group.
	b := d.starts.bases
	start, pstart := int(b[i>>groupShift]+off), int(b[(i-1)>>groupShift]+poff)
	if off == farOff || poff == farOff || n == 0 {
		// (By hand, as TokenEnd: see farStartOf.)
		if off == farOff {
			start = farStartOf(d.starts.far, i)
		}
		if poff == farOff {
			pstart = farStartOf(d.starts.far, i-1)
		}
		if n == 0 {
			return start - pstart - oddLenOf(d.odd, pstart)
		}
	}
	return start - (pstart + int(n))
}

// NearTokenGap is TokenGap(i) when the two tokens alone tell it, which
// they do for seven tokens in eight: when they share a group (their bases
// cancel out), token i's offset is not farOff (starts rise within a
// group, so neither is token i-1's) and token i-1's length is its type's.
// It is -1 otherwise. The rules ask the gap of every punctuation mark (is
// it spaced from the word before it, glued to the token after it?), and
// this part of TokenGap is small enough to inline in their loops.
func (d *Document) NearTokenGap(i int) int {
	t, p := d.Tokens[i].bits, d.Tokens[i-1].bits
	off, n := t>>offShift&offMask, uint32(d.lens[p>>idShift])
	if off == farOff || n == 0 || i&(1<<groupShift-1) == 0 {
		return -1
	}
	return int(off) - int(p>>offShift&offMask+n)
}

// NearGap is NearTokenGap(i) for a caller that holds the two tokens,
// p = d.Tokens[i-1] and t = d.Tokens[i]: a loop that has read them saves
// their loads and bounds checks.
func (d *Document) NearGap(i int, p, t Token) int {
	off, n := t.off(), uint32(d.lens[p.ID()])
	if off == farOff || n == 0 || i&(1<<groupShift-1) == 0 {
		return -1
	}
	return int(off) - int(p.off()+n)
}

// TypeLen is the length of every token of type id (0 for the overflow ID
// of a TooVaried document).
func (d *Document) TypeLen(id uint32) uint32 { return uint32(d.lens[id]) }

// GroupGap is NearGap for tokens in two groups too: TokenGap(i) when
// neither token's start is listed in far and token i-1's length is its
// type's, and -1 otherwise. Small enough to inline where NearGap fails,
// one token in eight, in place of a call of TokenGap.
func (d *Document) GroupGap(i int, p, t Token) int {
	off, poff, n := t.off(), p.off(), uint32(d.lens[p.ID()])
	if max(off, poff) == farOff || n == 0 {
		return -1
	}
	b := d.starts.bases
	return int(b[i>>groupShift]+off) - int(b[(i-1)>>groupShift]+poff+n)
}

// TokenSpan is the bytes token i covers.
func (d *Document) TokenSpan(i int) Span {
	t := d.Tokens[i]
	off, n := t.off(), int(d.lens[t.ID()])
	start := int(d.starts.bases[i>>groupShift]) + int(off)
	if off == farOff {
		start = farStartOf(d.starts.far, i)
	}
	if n == 0 {
		n = oddLenOf(d.odd, start)
	}
	return Span{start, start + n}
}

// KindOf says whether t is a word, a number or a punctuation mark.
func (d *Document) KindOf(t Token) TokenKind { return t.Kind() }

// TokenText returns the source text of token i without allocating.
func (d *Document) TokenText(i int) string {
	s := d.TokenSpan(i)
	return d.Text[s.Start:s.End]
}

// Slice returns the source text of a span.
func (d *Document) Slice(s Span) string { return d.Text[s.Start:s.End] }

// Position turns a byte offset into a 1-based line and a column counted in
// code points. Offsets past the end map to the end of the document.
func (d *Document) Position(off int) Position {
	if off > len(d.Src) {
		off = len(d.Src)
	}
	if off < 0 {
		off = 0
	}
	i := sort.Search(len(d.lines), func(i int) bool { return int(d.lines[i]) > off }) - 1
	start := int(d.lines[i])
	// (runeCount: utf8.RuneCount, eight ASCII bytes at a time.)
	return Position{Line: i + 1, Column: 1 + runeCount(d.Text[start:off])}
}

// LineSpan returns the span of 1-based line n without its line terminator.
func (d *Document) LineSpan(n int) Span {
	if n < 1 || n > len(d.lines) {
		return Span{len(d.Src), len(d.Src)}
	}
	start := int(d.lines[n-1])
	end := len(d.Src)
	if n < len(d.lines) {
		end = int(d.lines[n]) - 1
	}
	if end > start && d.Src[end-1] == '\r' {
		end--
	}
	return Span{start, end}
}

// LineCount is the number of lines (a final line without a newline counts).
func (d *Document) LineCount() int { return len(d.lines) }

// SentenceSpan is the bytes of sentence s, from the start of its first
// token to the end of its last.
func (d *Document) SentenceSpan(s Sentence) Span {
	return Span{d.TokenStart(int(s.firstToken)), d.TokenEnd(int(s.endToken) - 1)}
}

// BlockOf returns the index of the block holding token i.
func (d *Document) BlockOf(tok int) int {
	return sort.Search(len(d.Blocks), func(i int) bool { return d.Blocks[i].EndToken() > tok })
}

func lineStarts(src []byte) []uint32 {
	lines, _ := scanSource(src, false)
	return lines
}

// scanSource returns the line table of src and, if invalid, the offsets
// of its bytes that are not valid UTF-8 (invalidOffsets), in one pass:
// utf8.Valid read every byte again, and so did the count of newlines
// that sized the table (it is grown instead, about once).
func scanSource(src []byte, invalid bool) (lines []uint32, bad []int) {
	lines = make([]uint32, 1, len(src)/64+16)
	var badp *[]int
	if invalid {
		badp = &bad
	}
	return appendLineStarts(lines, bytesView(src), 0, len(src), badp), bad
}

// appendLineStarts appends the offset just past each newline of
// text[from:to] to lines, growing it when it has room for fewer than
// sixteen more (so a caller that must not see it grow gives it room for
// sixteen more than it needs); if
// bad is not nil it appends the offsets of the bytes of text[from:to]
// that are not valid UTF-8 to *bad (from must then be a character
// boundary). It looks at sixteen bytes at a time: lines of prose are some
// sixty bytes long, too short for bytes.IndexByte, whose call and setup
// once a line cost twice as much as the scan.
//
// The ASCII text, most of it, is scanned by asciiLineStarts, a loop
// without calls; here are taken the sixteen bytes that hold a byte
// outside ASCII, which may need checking, and the growth of lines.
func appendLineStarts(lines []uint32, text string, from, to int, bad *[]int) []uint32 {
	i := from
	// The bytes before checked are checked UTF-8 (it is a character
	// boundary); the sixteen bytes at i are looked at only if one of them
	// is outside ASCII.
	checked := from
	for {
		if lines, i = asciiLineStarts(lines, text, i, to); i+16 > to {
			break
		}
		if cap(lines)-len(lines) < 16 {
			lines = slices.Grow(lines, 16)
			continue
		}
		// The sixteen bytes at i hold one outside ASCII.
		w0, w1 := load64(text, i), load64(text, i+8)
		if bad != nil && checked < i+16 {
			checked = checkUTF8(text, max(checked, i), i+16, bad)
		}
		lines = putLineStarts(lines, i, w0, w1)
		i += 16
	}
	if bad != nil && checked < to {
		checkUTF8(text, max(checked, i), to, bad)
	}
	for ; i < to; i++ {
		if text[i] == '\n' {
			lines = append(lines, uint32(i+1))
		}
	}
	return lines
}

// asciiLineStarts is appendLineStarts on text[i:to] up to the first
// sixteen bytes (from i, by sixteens) that hold a byte outside ASCII, or
// that lines, which it does not grow, has room for fewer than sixteen
// more offsets before, or that reach past to; it returns lines and where
// it stopped. It calls nothing, so that its values stay in registers:
// with the checks and the growth in the loop, it reloaded them from the
// stack at every line.
func asciiLineStarts(lines []uint32, text string, i, to int) ([]uint32, int) {
	for cap(lines)-len(lines) >= 16 {
		// Most turns find neither a newline nor a byte outside ASCII,
		// which this tells in few steps: for a byte b, b-0x20 has its
		// high bit set if b is below 0x20 (a control: a newline, or a
		// tab or carriage return, which newlines tells apart) or 0xa0 or
		// above, and b itself if it is 0x80 or above; a borrow from a
		// byte below reaches it only when that byte is a control.
		// Thirty-two bytes a turn, then sixteen; the words of the
		// sixteen bytes that stop it are kept, not read and tested again.
		// (Sixty-four a turn, four tests, cost 1.3M more on c20: a line
		// is some sixty bytes, so a turn seldom ends without a stop, and
		// the inlining marks of two of the loads came back as no-ops.
		// The two masks are made anew at every turn, two instructions;
		// read once from a variable instead, they cost 2.3M more: the
		// loop spilled.)
		var w0, w1 uint64
		for {
			if i+32 <= to {
				// (The loads in the test's statement: on a line of their
				// own, the marks of their inlining stayed as two no-ops.)
				if w0, w1 = load64(text, i), load64(text, i+8); ((w0-0x20*lsb)|w0|(w1-0x20*lsb)|w1)&msb != 0 {
					break
				}
				w0, w1 = load64(text, i+16), load64(text, i+24)
				if i += 16; ((w0-0x20*lsb)|w0|(w1-0x20*lsb)|w1)&msb != 0 {
					break
				}
				i += 16
				continue
			}
			if i+16 > to {
				return lines, i
			}
			if w0, w1 = load64(text, i), load64(text, i+8); ((w0-0x20*lsb)|w0|(w1-0x20*lsb)|w1)&msb != 0 {
				break
			}
			i += 16
		}
		if (w0|w1)&msb != 0 {
			return lines, i // (appendLineStarts takes them)
		}
		// (putLineStarts by hand: the call kept i on the stack; and
		// asciiNewlines, not newlines: the words are ASCII here.)
		for nl := asciiNewlines(w0); nl != 0; nl &= nl - 1 {
			k := len(lines)
			lines = lines[:k+1]
			lines[k] = uint32(i + bits.TrailingZeros64(nl)>>3 + 1)
		}
		for nl := asciiNewlines(w1); nl != 0; nl &= nl - 1 {
			k := len(lines)
			lines = lines[:k+1]
			lines[k] = uint32(i + 8 + bits.TrailingZeros64(nl)>>3 + 1)
		}
		i += 16
	}
	return lines, i
}

// putLineStarts appends to lines, which has room for them, the offsets
// just past the newlines of the sixteen bytes at i, w0 and w1. (They are
// put in place, not appended: no call to grow the slice.)
func putLineStarts(lines []uint32, i int, w0, w1 uint64) []uint32 {
	for nl := newlines(w0); nl != 0; nl &= nl - 1 {
		k := len(lines)
		lines = lines[:k+1]
		lines[k] = uint32(i + bits.TrailingZeros64(nl)>>3 + 1)
	}
	for nl := newlines(w1); nl != 0; nl &= nl - 1 {
		k := len(lines)
		lines = lines[:k+1]
		lines[k] = uint32(i + 8 + bits.TrailingZeros64(nl)>>3 + 1)
	}
	return lines
}

// checkUTF8 appends to bad the offsets of the bytes that are not valid
// UTF-8 among the characters that start in text[i:end], i a character
// boundary, as invalidOffsets does, and returns the end of the last of
// them: the next character boundary at or after end.
func checkUTF8(text string, i, end int, bad *[]int) int {
	for i < end {
		// The sixteen bytes it is given hold few outside ASCII: the
		// ASCII before them is passed over eight bytes at a time, not
		// one.
		if i+8 <= len(text) {
			m := load64(text, i) & msb
			if m == 0 {
				i += 8
				continue
			}
			i += bits.TrailingZeros64(m) >> 3
			if i >= end {
				break
			}
		} else if text[i] < utf8.RuneSelf {
			i++
			continue
		}
		// Most characters outside ASCII in prose are of three bytes
		// whose second may be any continuation byte (E1 to EC, EE, EF:
		// the quotes and dashes), checked here without decoding them.
		if c := text[i]; c-0xe1 <= 0xef-0xe1 && c != 0xed && i+2 < len(text) &&
			text[i+1]&0xc0 == 0x80 && text[i+2]&0xc0 == 0x80 {
			i += 3
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if r == utf8.RuneError && size == 1 {
			*bad = append(*bad, i)
		}
		i += size
	}
	return i
}

// newlines sets the high bit of each byte of w that is a newline.
func newlines(w uint64) uint64 {
	const low7 = 0x7f7f7f7f7f7f7f7f
	x := w ^ '\n'*lsb
	// The high bit of each byte of x that is zero (a newline): its low
	// seven bits plus 0x7f do not carry into the high bit, which is
	// clear. Exact, unlike (x-lsb)&^x.
	return ^((x&low7 + low7) | x) & msb
}

// asciiNewlines is newlines for a word w of ASCII bytes: each byte of
// w^'\n' is below 0x80, so adding 0x7f carries into its high bit unless
// it is zero, and never into the next byte.
func asciiNewlines(w uint64) uint64 {
	const low7 = 0x7f7f7f7f7f7f7f7f
	return ^(w ^ '\n'*lsb + low7) & msb
}

func invalidOffsets(src []byte) []int {
	if utf8.Valid(src) {
		return nil
	}
	var bad []int
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && size == 1 {
			bad = append(bad, i)
		}
		i += size
	}
	return bad
}
