package prose

import (
	"bytes"
	"cmp"
	"slices"
	"strings"

	"github.com/edlint/edlint/internal/mem"
	"github.com/edlint/edlint/internal/par"
)

// minPart is the least number of source bytes worth a goroutine of its
// own: below it, starting the goroutine and joining the parts cost more
// than they save. A variable so that tests can cut small documents.
var minPart = 1 << 20

// run is a run of consecutive blocks and the prose segments they index.
type run struct {
	blocks []rawBlock
	prose  []Segment
	// joins marks by index the prose segments that plainRun's quick
	// loop made (see joinedLine); nil or short when no more are known.
	joins []uint64
}

// buildParallel is build on up to workers goroutines; it reports false,
// having done nothing, when the document is too small to be worth cutting.
func (d *Document) buildParallel(blocks []rawBlock, joins []uint64, workers int) bool {
	runs := d.cut(blocks, joins, workers)
	if len(runs) < 2 {
		return false
	}
	ests := make([]int, len(runs))
	par.Do(len(runs), len(runs), func(k int) { ests[k] = d.estimateRun(runs[k]) })
	d.buildRuns(runs, ests)
	return true
}

// parsePlainParallel is the rest of Parse for plain text on up to workers
// goroutines; it reports false, having done nothing, when the document is
// too small to be worth cutting.
//
// The lines are cut after blank lines (where plainBlocks ends any block)
// into runs of about equal size, one per goroutine, which are split into
// blocks and estimated at once; then built by buildRuns.
func (d *Document) parsePlainParallel(workers int) bool {
	cuts := d.plainCuts(workers, false)
	if len(cuts) < 3 {
		return false
	}
	n := len(cuts) - 1
	bom := bomLen(d.Src)
	// Whether the text is hard-wrapped, counted over shares at once.
	lines, long := make([]int, n), make([]int, n)
	par.Do(n, n, func(k int) { lines[k], long[k] = d.countLong(bom, cuts[k], cuts[k+1]) })
	nLines, nLong := 0, 0
	for k := range n {
		nLines += lines[k]
		nLong += long[k]
	}
	unwrapped := nLong*20 > nLines
	d.setWrap(wrapCount{nLines, nLong})
	if !unwrapped {
		// A block may go on over a line break: cut after blank lines.
		if cuts = d.plainCuts(workers, true); len(cuts) < 3 {
			return false
		}
		n = len(cuts) - 1
	}
	runs := make([]run, n)
	comments := make([][]Comment, n)
	ests := make([]int, n)
	// The prose segments in one slice, with room for a segment a line in
	// each run's region (more if URLs split lines).
	room := make([]int, n)
	for k := range n {
		room[k] = cuts[k+1] - cuts[k]
	}
	buf := make([]Segment, len(d.lines))
	mem.Huge(buf)
	par.Do(n, n, func(k int) {
		runs[k], comments[k] = d.plainRun(cuts[k], cuts[k+1], unwrapped, buf[cuts[k]:cuts[k]:cuts[k+1]], nil)
		ests[k] = d.estimateRun(runs[k])
	})
	for k := range n {
		d.Comments = append(d.Comments, comments[k]...)
	}
	d.buildRuns(runs, ests)
	// The document's prose segments, closed up once the runs' blocks no
	// longer read them.
	regions, nSeg := make([][]Segment, n), 0
	for k, r := range runs {
		regions[k] = r.prose
		nSeg += len(r.prose)
	}
	d.Prose = closeUp(buf, regions, room, nSeg, func(_ int, s Segment) Segment { return s })
	return true
}

// plainCuts returns the line numbers where runs of plain text start, and
// the number of lines at the end: 0 and the first line at or after each
// share of the text; with afterBlank, the first line after a blank line,
// so that no block spans two runs. (In text that is not hard-wrapped every
// line ends its block, so any line will do.)
func (d *Document) plainCuts(workers int, afterBlank bool) []int {
	n := min(workers, len(d.Text)/minPart)
	if n < 2 {
		return nil
	}
	cuts := []int{0}
	next := 1
	for k := 1; k < n; k++ {
		target := len(d.Text) / n * k
		i := max(next, lineAtOrAfter(d.lines, target))
		for ; afterBlank && i < len(d.lines); i++ {
			if d.isBlankLine(i - 1) {
				break
			}
		}
		if i >= len(d.lines) {
			break
		}
		cuts = append(cuts, i)
		next = i + 1
	}
	return append(cuts, len(d.lines))
}

// lineAtOrAfter returns the first line starting at or after off.
func lineAtOrAfter(lines []uint32, off int) int {
	lo, hi := 0, len(lines)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if int(lines[m]) < off {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// isBlankLine reports whether line n (not the first) holds only white
// space, so that plainBlocks ends any block there.
func (d *Document) isBlankLine(n int) bool {
	if n < 1 {
		return false
	}
	end := len(d.Text)
	if n+1 < len(d.lines) {
		end = int(d.lines[n+1]) - 1
	}
	return strings.TrimSpace(d.Text[d.lines[n]:end]) == ""
}

// buildRuns builds the runs, each with about ests[k] tokens, on a
// goroutine each and joins them.
//
// Each run is tokenized into its own region of one token slice, with its
// own vocabulary, and split into sentences, with indices counted from the
// run's start. Then, in run order, the types of each later run are added
// to the first run's vocabulary in the order of their local IDs: the order
// of first use within the run, so that the document's IDs number texts in
// order of first use exactly as one goroutine would, whatever the
// scheduling. The later runs' tokens get their document IDs as they are
// moved down to close up the token slice, and their blocks and sentences
// their document indices as they are appended to the first run's.
func (d *Document) buildRuns(runs []run, ests []int) {
	offs := make([]int, len(runs)+1)
	for k, n := range ests {
		offs[k+1] = offs[k] + n
	}
	// One slice each for the tokens, blocks and sentences of all runs,
	// each run with its own region.
	bRoom, sRoom := make([]int, len(runs)), make([]int, len(runs))
	bOffs, sOffs := make([]int, len(runs)+1), make([]int, len(runs)+1)
	for k, r := range runs {
		bRoom[k], sRoom[k] = len(r.blocks), sentenceRoom(ests[k], len(r.blocks))
		bOffs[k+1], sOffs[k+1] = bOffs[k]+bRoom[k], sOffs[k]+sRoom[k]
	}
	buf := make([]Token, offs[len(runs)])
	mem.Huge(buf)
	bBuf := make([]Block, bOffs[len(runs)])
	sBuf := make([]Sentence, sOffs[len(runs)])
	mem.Huge(sBuf)
	parts := make([]*part, len(runs))
	par.Do(len(runs), len(runs), func(k int) {
		parts[k] = d.buildPart(runs[k], ests[k], buf[offs[k]:offs[k]:offs[k+1]],
			bBuf[bOffs[k]:bOffs[k]:bOffs[k+1]], sBuf[sOffs[k]:sOffs[k]:sOffs[k+1]])
	})

	// The document's vocabulary, in run order: the first run's, to which
	// the others' types are added. The first run's IDs are already the
	// document's.
	nTok, nBlk, nSent := 0, 0, 0
	for _, p := range parts {
		nTok += len(p.toks)
		nBlk += len(p.blocks)
		nSent += len(p.sents)
	}
	v := parts[0].v
	// A run's tokens of the overflow ID (and any whose text the
	// document's vocabulary has no room for) keep their lengths in odd;
	// spill[k] is set when run k has texts of the latter kind.
	remaps := make([][]uint32, len(parts))
	lens := make([][]uint8, len(parts))
	spill := make([]bool, len(parts))
	for k, p := range parts[1:] {
		remap := make([]uint32, len(p.v.refs))
		for lid, r := range p.v.refs { // (places in the run's buffer)
			var id uint32
			if p.v.lens[lid] == 0 {
				// The run's own overflow ID, its last type: by now the
				// document's vocabulary holds the run's limit-1 texts, so
				// it is full or just at its limit.
				id = v.overflow()
			} else if id = v.lookup(p.v.base, int(uint32(r)), int(r>>32)); v.lens[id] == 0 {
				spill[k+1] = true
			}
			v.counts[id] += p.v.counts[lid]
			remap[lid] = id
		}
		remaps[k+1], lens[k+1] = remap, p.v.lens
		v.odd = append(v.odd, p.v.odd...)
		p.v = vocab{}
	}
	// Give the later runs' tokens their document IDs as they are moved to
	// the end of the run before: one pass over them, in order, each moved
	// down (or not at all), so that no token is overwritten before it is
	// read. If a run outgrew its estimate its tokens are elsewhere, and
	// moving them in could overwrite those of the next run: then all go to
	// a new slice.
	outgrown := false
	for k, p := range parts {
		outgrown = outgrown || len(p.toks) > ests[k]
	}
	// The starts are placed anew from the document's groups of eight.
	var toks []Token
	if outgrown {
		toks = append(make([]Token, 0, nTok), parts[0].toks...)
	} else {
		toks = buf[:len(parts[0].toks)]
	}
	starts := parts[0].starts
	for k, p := range parts[1:] {
		remap, n := remaps[k+1], len(toks)
		toks = toks[:n+len(p.toks)]
		dst := toks[n:]
		for i, t := range p.toks {
			start, id := p.starts.start(i, t), remap[t.ID()]
			nt := starts.add(n+i, start, t.Kind(), id)
			dst[i] = Token{nt.bits | t.bits&gapBit}
			if spill[k+1] && v.lens[id] == 0 && lens[k+1][t.ID()] != 0 {
				v.odd = append(v.odd, oddLen{uint32(start), lens[k+1][t.ID()]})
			}
		}
	}
	if spill := slices.Contains(spill, true); spill {
		slices.SortFunc(v.odd, func(a, b oddLen) int { return cmp.Compare(a.start, b.start) })
	}

	// Blocks and sentences, with document indices, closed up the same way.
	tokOffs, blkOffs, sentOffs := make([]int, len(parts)), make([]int, len(parts)), make([]int, len(parts))
	blks, sents := make([][]Block, len(parts)), make([][]Sentence, len(parts))
	for k, p := range parts {
		if k > 0 {
			tokOffs[k] = tokOffs[k-1] + len(parts[k-1].toks)
			blkOffs[k] = blkOffs[k-1] + len(parts[k-1].blocks)
			sentOffs[k] = sentOffs[k-1] + len(parts[k-1].sents)
		}
		blks[k], sents[k] = p.blocks, p.sents
	}
	d.Blocks = closeUp(bBuf, blks, bRoom, nBlk, func(k int, b Block) Block {
		b.firstToken += uint32(tokOffs[k])
		b.endToken += uint32(tokOffs[k])
		b.firstSentence += uint32(sentOffs[k])
		b.endSentence += uint32(sentOffs[k])
		return b
	})
	d.Sentences = closeUp(sBuf, sents, sRoom, nSent, func(k int, s Sentence) Sentence {
		s.firstToken += uint32(tokOffs[k])
		s.endToken += uint32(tokOffs[k])
		s.block += uint32(blkOffs[k])
		return s
	})
	d.Tokens, d.starts = toks, starts
	v.finish(d)
	for k, p := range parts[1:] {
		tokOff := tokOffs[k+1]
		if p.gapFromBefore && tokOff > 0 {
			if !blankOrMarkup(d.Text[d.TokenEnd(tokOff-1):d.TokenStart(tokOff)]) {
				toks[tokOff].bits |= gapBit
			}
		}
	}
}

// closeUp joins regions, each made in its part of buf with room for
// room[k] elements, into one slice of total elements, applying fix to each
// element of region k > 0 as it moves it down to the end of region k-1.
// If a region outgrew its room (its elements are elsewhere, and moving
// them in could overwrite the next region's) the slice is a new one.
func closeUp[T any](buf []T, regions [][]T, room []int, total int, fix func(k int, t T) T) []T {
	outgrown := false
	for k, r := range regions {
		outgrown = outgrown || len(r) > room[k]
	}
	var out []T
	if outgrown {
		out = append(make([]T, 0, total), regions[0]...)
	} else {
		out = buf[:len(regions[0])]
	}
	for k, r := range regions[1:] {
		n := len(out)
		out = out[:n+len(r)]
		dst := out[n:]
		for i, t := range r {
			dst[i] = fix(k+1, t)
		}
	}
	return out
}

// cut divides blocks into at most workers runs of consecutive blocks of
// about equal size in bytes, each at least minPart.
func (d *Document) cut(blocks []rawBlock, joins []uint64, workers int) []run {
	size := func(rb rawBlock) int {
		if rb.endSeg == rb.firstSeg {
			return 0
		}
		return d.Prose[rb.endSeg-1].End() - d.Prose[rb.firstSeg].Start()
	}
	total := 0
	for _, rb := range blocks {
		total += size(rb)
	}
	n := min(workers, total/minPart)
	if n < 2 {
		return nil
	}
	want := total / n
	runs := make([]run, 0, n)
	start, acc := 0, 0
	for i, rb := range blocks {
		acc += size(rb)
		if acc >= want && len(runs) < n-1 {
			runs = append(runs, run{blocks[start : i+1], d.Prose, joins})
			start, acc = i+1, 0
		}
	}
	if start < len(blocks) {
		runs = append(runs, run{blocks[start:], d.Prose, joins})
	}
	return runs
}

// estimateRun is estimateTokens for the prose of a run.
func (d *Document) estimateRun(r run) int {
	n := 0
	blocks := r.blocks
	if len(blocks) == 0 {
		return 8
	}
	if d.Format == Plain {
		first, last := blocks[0].firstSeg, blocks[len(blocks)-1].endSeg
		if first < last {
			n = sampleTokenStarts(d.Text, r.prose[first].Start(), r.prose[last-1].End())
		}
	} else {
		// (Every segment of Markdown is a block's: the run's are those
		// from its first block's to its last's.)
		n = sampleSegments(d.Text, r.prose[blocks[0].firstSeg:blocks[len(blocks)-1].endSeg])
	}
	return n + n/64 + 8
}

// lineStartsParallel is lineStarts on up to workers goroutines, each
// counting then recording the line breaks of its share of src.
func lineStartsParallel(src []byte, workers int) []uint32 {
	n := min(workers, len(src)/minPart)
	if n < 2 {
		return lineStarts(src)
	}
	counts := make([]int, n+1)
	bounds := make([]int, n+1)
	for k := range n + 1 {
		bounds[k] = len(src) / n * k
	}
	bounds[n] = len(src)
	par.Do(n, n, func(k int) { counts[k+1] = bytes.Count(src[bounds[k]:bounds[k+1]], []byte{'\n'}) })
	for k := range n {
		counts[k+1] += counts[k]
	}
	// Each share's slice reaches sixteen places into the next share's,
	// or past the end, so that appendLineStarts never grows it: it
	// writes only the line starts of its share.
	lines := make([]uint32, counts[n]+1, counts[n]+1+16)
	par.Do(n, n, func(k int) {
		at := counts[k] + 1
		appendLineStarts(lines[at:at:counts[k+1]+1+16], bytesView(src), bounds[k], bounds[k+1], nil)
	})
	return lines
}
