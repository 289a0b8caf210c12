package prose

import (
	"slices"
	"sync"
)

// minPart is the least number of source bytes worth a goroutine of its
// own: below it, starting the goroutine and joining the parts cost more
// than they save. A variable so that tests can cut small documents.
var minPart = 1 << 20

// buildParallel is build on up to workers goroutines; it reports false,
// having done nothing, when the document is too small to be worth cutting.
//
// The blocks are cut into runs of about equal size, one per goroutine.
// Each run is tokenized into its own region of one token slice, with its
// own vocabulary, and split into sentences, with indices counted from the
// run's start. Then, in run order, the types of each later run are added
// to the first run's vocabulary in the order of their local IDs: the order
// of first use within the run, so that the document's IDs number texts in
// order of first use exactly as one goroutine would, whatever the
// scheduling. The later runs' tokens get their document IDs as they are
// moved down to close up the token slice, and their blocks and sentences
// their document indices as they are appended to the first run's.
func (d *Document) buildParallel(blocks []rawBlock, workers int) bool {
	runs := d.cut(blocks, workers)
	if len(runs) < 2 {
		return false
	}
	// The token estimate of each run, then one slice for all of them.
	ests := make([]int, len(runs))
	each(len(runs), func(k int) { ests[k] = d.estimateBlocks(runs[k]) })
	offs := make([]int, len(runs)+1)
	for k, n := range ests {
		offs[k+1] = offs[k] + n
	}
	buf := make([]Token, offs[len(runs)])
	parts := make([]*part, len(runs))
	each(len(runs), func(k int) {
		parts[k] = d.buildPart(runs[k], ests[k], buf[offs[k]:offs[k]:offs[k+1]])
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
	remaps := make([][]uint32, len(parts))
	for k, p := range parts[1:] {
		remap := make([]uint32, len(p.v.types))
		for lid, t := range p.v.types {
			id := v.lookup(t, 0, len(t))
			v.counts[id] += p.v.counts[lid]
			remap[lid] = id
		}
		remaps[k+1] = remap
		p.v = vocab{}
	}
	// Give the later runs' tokens their document IDs as they are moved to
	// the end of the run before: one pass over them, in order, each moved
	// down (or not at all), so that no token is overwritten before it is
	// read. If a run outgrew its estimate its tokens are elsewhere, and
	// moving them in could overwrite those of the next run: then all go to
	// a new slice.
	toks := buf[:len(parts[0].toks)]
	for k, p := range parts {
		if len(p.toks) > ests[k] {
			toks = append(make([]Token, 0, nTok), parts[0].toks...)
			break
		}
	}
	for k, p := range parts[1:] {
		remap, n := remaps[k+1], len(toks)
		toks = toks[:n+len(p.toks)]
		dst := toks[n:]
		for i, t := range p.toks {
			dst[i] = Token{t.start, t.end, remap[t.bits>>idShift]<<idShift | t.bits&(1<<idShift-1)}
		}
	}

	// Blocks and sentences after the first run's, with document indices.
	d.Blocks = slices.Grow(parts[0].blocks, nBlk-len(parts[0].blocks))
	d.Sentences = slices.Grow(parts[0].sents, nSent-len(parts[0].sents))
	tokOff := len(parts[0].toks)
	for _, p := range parts[1:] {
		blkOff, sentOff := len(d.Blocks), len(d.Sentences)
		for _, b := range p.blocks {
			b.FirstToken += tokOff
			b.EndToken += tokOff
			b.FirstSentence += sentOff
			b.EndSentence += sentOff
			d.Blocks = append(d.Blocks, b)
		}
		for _, s := range p.sents {
			s.FirstToken += tokOff
			s.EndToken += tokOff
			s.Block += blkOff
			d.Sentences = append(d.Sentences, s)
		}
		if p.gapFromBefore && tokOff > 0 {
			prevEnd := toks[tokOff-1].End()
			if !blankOrMarkup(d.Text[prevEnd:toks[tokOff].Start()]) {
				toks[tokOff].bits |= gapBit
			}
		}
		tokOff += len(p.toks)
	}
	d.Tokens = toks
	v.finish(d)
	return true
}

// cut divides blocks into at most workers runs of consecutive blocks of
// about equal size in bytes, each at least minPart.
func (d *Document) cut(blocks []rawBlock, workers int) [][]rawBlock {
	size := func(rb rawBlock) int {
		if rb.endSeg == rb.firstSeg {
			return 0
		}
		return d.Prose[rb.endSeg-1].End - d.Prose[rb.firstSeg].Start
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
	runs := make([][]rawBlock, 0, n)
	start, acc := 0, 0
	for i, rb := range blocks {
		acc += size(rb)
		if acc >= want && len(runs) < n-1 {
			runs = append(runs, blocks[start:i+1])
			start, acc = i+1, 0
		}
	}
	if start < len(blocks) {
		runs = append(runs, blocks[start:])
	}
	return runs
}

// estimateBlocks is estimateTokens for the prose of blocks.
func (d *Document) estimateBlocks(blocks []rawBlock) int {
	n := 0
	if len(blocks) == 0 {
		return 8
	}
	if d.Format == Plain {
		first, last := blocks[0].firstSeg, blocks[len(blocks)-1].endSeg
		if first < last {
			n = countTokenStarts(d.Text, d.Prose[first].Start, d.Prose[last-1].End)
		}
	} else {
		for _, rb := range blocks {
			for _, s := range d.Prose[rb.firstSeg:rb.endSeg] {
				n += countTokenStarts(d.Text, s.Start, s.End)
			}
		}
	}
	return n + n/64 + 8
}

// each runs f(0), ..., f(n-1) on n goroutines and waits for them.
func each(n int, f func(k int)) {
	var wg sync.WaitGroup
	for k := 1; k < n; k++ {
		wg.Go(func() { f(k) })
	}
	f(0)
	wg.Wait()
}
