package prose

import (
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/edlint/edlint/internal/mem"
)

// DirectivePrefix starts an edlint directive: in Markdown inside an HTML
// comment, in plain text on a line of its own.
const DirectivePrefix = "edlint-"

// plainBlocks splits plain text into blocks. A blank line always ends a
// block. Many drafts put each paragraph on one long line with no blank line
// between them: there every line is a block. In hard-wrapped text a line
// break ends a block after a line that ends a sentence or looks like a
// heading (short, no final punctuation); a line that stops mid-sentence
// continues its block.
//
// Whether the text is hard-wrapped is counted in the same pass over the
// lines as the blocks are made, taking it to be (most text is); if it is
// not, each block is then cut at its line breaks.
//
// It returns with the blocks the marks of the segments that plainRun's
// quick loop made (see joinedLine), which buildPart reads.
func (d *Document) plainBlocks() ([]rawBlock, []uint64) {
	var wc wrapCount
	segs := make([]Segment, 0, len(d.lines))
	mem.Huge(segs)
	r, comments := d.plainRun(0, len(d.lines), false, segs, &wc)
	d.Prose, d.Comments = r.prose, comments
	d.setWrap(wc)
	if wc.long*20 > wc.lines {
		return d.splitAtLines(r.blocks), r.joins
	}
	return r.blocks, r.joins
}

// setWrap keeps wc, counted from after the byte-order mark, for
// HardWrapped, which counts the first line from the start of the source.
func (d *Document) setWrap(wc wrapCount) {
	if bom := bomLen(d.Src); bom > 0 && len(d.lines) > 0 {
		l, g := d.countLong(bom, 0, 1)
		l0, g0 := d.countLong(0, 0, 1)
		wc = wrapCount{wc.lines - l + l0, wc.long - g + g0}
	}
	d.wrap, d.wrapCounted = wc, true
}

// wrapCount counts the lines that are not blank and those of them longer
// than 100 code points (see countLong).
type wrapCount struct {
	lines, long int
}

// splitAtLines cuts blocks made of several lines into one block a line,
// as plainRun makes them in text that is not hard-wrapped. The prose
// segments of a line lie between line breaks: two segments are of one line
// (a URL between them) unless a line break separates them.
func (d *Document) splitAtLines(blocks []rawBlock) []rawBlock {
	newLine := func(k uint32) bool {
		return strings.IndexByte(d.Text[d.Prose[k-1].end:d.Prose[k].start], '\n') >= 0
	}
	n := 0
	for _, b := range blocks {
		n++
		for k := b.firstSeg + 1; k < b.endSeg; k++ {
			if newLine(k) {
				n++
			}
		}
	}
	if n == len(blocks) {
		return blocks
	}
	out := make([]rawBlock, 0, n)
	for _, b := range blocks {
		first := b.firstSeg
		for k := b.firstSeg + 1; k < b.endSeg; k++ {
			if newLine(k) {
				out = append(out, rawBlock{firstSeg: first, endSeg: k, kind: b.kind, inQuote: b.inQuote})
				first = k
			}
		}
		out = append(out, rawBlock{firstSeg: first, endSeg: b.endSeg, kind: b.kind, inQuote: b.inQuote})
	}
	return out
}

// plainRun splits lines [from, to) into blocks, as plainBlocks does when
// a block ends before line from (the line before it is blank, or from is
// 0). The blocks index the prose segments of the run, appended to prose.
// If wc is not nil it receives countLong(bomLen(d.Src), from, to).
func (d *Document) plainRun(from, to int, unwrapped bool, prose []Segment, wc *wrapCount) (r run, comments []Comment) {
	text := d.Text
	// Room for a block every four lines, about what hard-wrapped drafts
	// have (a 20 MB draft: 73,586 blocks in 342,830 lines); grown from
	// nothing, the slice was reallocated twenty times, the last few times
	// into fresh pages.
	blocks := make([]rawBlock, 0, (to-from)/4+1)
	open := false // the last block continues on the next line
	bom := bomLen(d.Src)
	var urls urlFinder
	// Lines before quick have a next line: their ends are read off it.
	quick := min(to, len(d.lines)-1)
	if unwrapped {
		quick = 0
	}
	lines := d.lines[:quick+1]
	plainLines := 0 // lines the quick loop counted for wc
	// The segments the quick loop makes are marked (see joinedLine), a
	// run at a time once it stops: one at a time in the loop, the marks
	// cost it 9 instructions a line, 3M on c20.
	joins := make([]uint64, cap(prose)>>6+1)
	for n := from; n < to; n++ {
		// Most lines are plain: ASCII ink at either end (after
		// indentation), short, with no directive or URL marker, ending in
		// a byte that tells whether the block goes on. They are taken
		// by quickLines, a loop without a call, which keeps its values
		// in registers; the loop below, whose calls make it keep them on
		// the stack, takes the others (and the first line, which may
		// start with a byte-order mark).
		if n > 0 {
			// A line here appends at most a segment and a block: the
			// loop stops before the slices run out of room, so that it
			// neither grows them nor asks whether it must.
			// (The blocks keep one more: see quickLines.)
			stop := min(quick, n+cap(prose)-len(prose), n+cap(blocks)-len(blocks)-1)
			segs := len(prose)
			if n < stop { // (stop is 0 in unwrapped text)
				var taken int
				taken, prose, blocks, open = quickLines(text, lines[n:stop+1], prose, blocks, open, urls.first)
				n += taken
			}
			plainLines += len(prose) - segs // a segment a line
			markRange(joins, segs, len(prose))
		}
		if n >= to {
			break
		}
		start := int(d.lines[n])
		if n == 0 {
			start = bom
		}
		end := len(text)
		if n+1 < len(d.lines) {
			end = int(d.lines[n+1]) - 1
		}
		if start >= len(text) {
			break // nothing after a final newline
		}
		lineEnd := end
		if lineEnd > start && text[lineEnd-1] == '\r' {
			lineEnd--
		}
		line := text[start:lineEnd]
		trimmed := line
		if line == "" || !isASCIIInk(line[len(line)-1]) {
			trimmed = trimSpace(line)
		} else if !isASCIIInk(line[0]) {
			// (Most lines start and end with ink.) An indented line
			// that ends with ink: its spaces are skipped here, eight at
			// a time, without a call; the last byte stops the loops.
			k := 0
			for k+8 <= len(line) && load64(line, k) == ' '*lsb {
				k += 8
			}
			for line[k] == ' ' {
				k++
			}
			if trimmed = line[k:]; !isASCIIInk(line[k]) {
				trimmed = trimSpace(line) // a tab, or white space outside ASCII
			}
		}
		if wc != nil && trimmed != "" {
			wc.lines++
			// (Most lines are too short to be long: no call.)
			if end-start > 100 && d.isLongLine(text[start:end]) {
				wc.long++
			}
		}
		switch {
		case trimmed == "":
			open = false
		case (trimmed[0] == DirectivePrefix[0] || trimmed[0] == '<') && isDirective(trimmed):
			comments = append(comments, Comment{Span: Span{start, lineEnd}, Body: strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(trimmed, "<!--"), "-->"))})
			open = false
		default:
			if !open {
				first := len(prose)
				blocks = append(blocks, rawBlock{kind: Paragraph, firstSeg: uint32(first), endSeg: uint32(first)})
				open = true
			}
			// The nearest URL marker lies beyond most lines: no call.
			if lineEnd > urls.first && urls.maybeIn(text, start, lineEnd) {
				prose = appendMasked(prose, text, Span{start, lineEnd})
			} else {
				prose = append(prose, newSegment(start, lineEnd))
			}
			// Most lines end in an ASCII character that tells whether
			// the line ends its block (endsBlock's first step, without
			// the call).
			if c := trimmed[len(trimmed)-1]; unwrapped {
				open = false
			} else if c < utf8.RuneSelf && finalByte[c] != finalAsk {
				open = finalByte[c] == finalGoesOn
			} else if endsBlock(trimmed) {
				open = false
			}
		}
	}
	if wc != nil {
		wc.lines += plainLines
	}
	// The segments appended while a block is open are its own, so a
	// block ends where the next begins (set here, not once a line).
	for k := range blocks {
		end := len(prose)
		if k+1 < len(blocks) {
			end = int(blocks[k+1].firstSeg)
		}
		blocks[k].endSeg = uint32(end)
	}
	return run{blocks, prose, joins}, comments
}

// quickLines takes lines of text as plainRun's quick loop (see there):
// the plain lines from the first of lines (whose last entry is the start
// of the line after the last it may take) up to the first that is not,
// each a segment appended to prose and, if no block is open, a block
// appended to blocks, which have room for a segment and a block a line
// and for one block more.
// It returns how many of the lines it took, the slices and whether the
// last block is open. urlFirst is the offset of the nearest URL marker
// (urlFinder.first): a line that ends past it is not taken.
//
// It is a function of its own, and walks the line table and the slices
// by pointer, so that its values fit in the registers: as a loop in
// plainRun, whose calls and many live values crowded them, it kept a
// dozen on the stack and moved them at every line (some 92 instructions
// a line); as a function with the slices' lengths and the counts (and
// the bounds checks they pay for), it still spilled half of them (84).
func quickLines(text string, lines []uint32, prose []Segment, blocks []rawBlock, open bool, urlFirst int) (int, []Segment, []rawBlock, bool) {
	if len(lines) < 2 {
		return 0, prose, blocks, open
	}
	// Room for a segment and a block a line, checked once, and for one
	// block more: quickWalk's pointer to the next block then stays inside
	// the blocks' array. (With every line a block and no block more, it
	// ended one past the array's end, which no pointer may, by
	// unsafe.Pointer's rules: checkptr, on under go test -race, stopped
	// the run there. Counting the blocks instead, and writing each at
	// the array plus its count, cost 1.0M instructions on the 20 MB
	// corpus, a register the loop had no room for.)
	_ = prose[:len(prose)+len(lines)-1]
	_ = blocks[:len(blocks)+len(lines)]
	rest, np, bp, open := quickWalk(text, unsafe.Pointer(&lines[0]), len(lines)-1, prose, unsafe.Pointer(unsafe.SliceData(blocks[len(blocks):cap(blocks)])), open, urlFirst)
	nb := int((uintptr(bp) - uintptr(unsafe.Pointer(unsafe.SliceData(blocks)))) / unsafe.Sizeof(rawBlock{}))
	return len(lines) - 1 - rest, prose[:np], blocks[:nb], open
}

// quickWalk is quickLines' loop over the n lines whose starts lp points
// to, the blocks written at bp, the segments after those of prose: it
// returns how many lines it left, the count of segments, where the next
// block goes and whether the last block is open.
func quickWalk(text string, lp unsafe.Pointer, n int, prose []Segment, bp unsafe.Pointer, open bool, urlFirst int) (int, int, unsafe.Pointer, bool) {
	lend := unsafe.Add(lp, n*4)
	pbase := unsafe.Pointer(unsafe.SliceData(prose))
	np := len(prose)
	tp := unsafe.Pointer(unsafe.StringData(text))
	next := int(*(*uint32)(lp)) // the start of the line, carried from the turn before
	for ; lp != lend; lp = unsafe.Add(lp, 4) {
		start := next
		next = int(*(*uint32)(unsafe.Add(lp, 4)))
		end := next - 1
		if end-start > 100 {
			break // wc may count it long
		}
		if end == start {
			open = false // a blank line
			continue
		}
		c := *(*byte)(unsafe.Add(tp, end-1)) // the last byte, read once
		if c == '\r' {
			end--
			if end == start {
				open = false
				continue
			}
			c = *(*byte)(unsafe.Add(tp, end-1))
		}
		k := start
		if *(*byte)(unsafe.Add(tp, k)) == ' ' {
			for k+8 <= end && load64(text, k) == ' '*lsb {
				k += 8
			}
			for k < end && *(*byte)(unsafe.Add(tp, k)) == ' ' {
				k++
			}
			if k == end {
				break
			}
		}
		f := quickFinal[c]
		lead := *(*byte)(unsafe.Add(tp, k))
		if !quickLead[lead] || f == 0 || end > urlFirst {
			break
		}
		// A line that starts with an e (one in thirty) is a directive
		// only if it starts with the prefix, told here by a word of it.
		if lead == DirectivePrefix[0] && (end-k < 8 || load64(text, k)&(1<<56-1) == directiveWord) {
			break
		}
		f-- // the finalByte class
		if f == finalAsk && end-k >= 40 {
			// endsBlock counts the code points: a line of ASCII has
			// one a byte, at least 40, and goes on.
			x := uint64(0)
			i := k
			for ; i+8 <= end; i += 8 {
				x |= load64(text, i)
			}
			x |= load64(text, end-8)
			if x&msb != 0 {
				break
			}
			f = finalGoesOn
		}
		if !open {
			*(*rawBlock)(bp) = rawBlock{kind: Paragraph, firstSeg: uint32(np)}
			bp = unsafe.Add(bp, unsafe.Sizeof(rawBlock{}))
		}
		// (A pointer to the next segment, in place of the array and the
		// count, to free a register: 2.8M more on c20, the loop spilled
		// more, not less.)
		*(*Segment)(unsafe.Add(pbase, uintptr(np)*unsafe.Sizeof(Segment{}))) = newSegment(start, end)
		np++
		open = f == finalGoesOn
	}
	return int((uintptr(lend) - uintptr(lp)) / 4), np, bp, open
}

// markRange sets bits [from, to) of marks, those it holds.
func markRange(marks []uint64, from, to int) {
	to = min(to, len(marks)<<6)
	for from < to {
		w := from >> 6
		// The bits from from to the end of its word, or to to.
		m := ^uint64(0) << (from & 63)
		if end := (w + 1) << 6; to < end {
			m &= ^uint64(0) >> (end - to)
			from = to
		} else {
			from = end
		}
		marks[w] |= m
	}
}

// isDirective reports whether a trimmed plain-text line holds an edlint
// directive.
func isDirective(trimmed string) bool {
	return strings.HasPrefix(trimmed, DirectivePrefix) || strings.HasPrefix(trimmed, "<!--") && strings.Contains(trimmed, DirectivePrefix)
}

// Classes of the final byte of a line, for whether the line ends its block
// (see endsBlock).
const (
	finalAsk    uint8 = iota // endsBlock must tell
	finalEnds                // the line ends its block
	finalGoesOn              // the block goes on
)

// finalByte classes the ASCII bytes as the final byte of a line, as
// endsBlock does.
var finalByte = func() (t [utf8.RuneSelf]uint8) {
	for c := range t {
		switch {
		case strings.IndexByte(".!?:\")", byte(c)) >= 0:
			t[c] = finalEnds
		case c == ',' || c == '-' || c == ';' || c >= 'a' && c <= 'z':
			t[c] = finalGoesOn
		}
	}
	return t
}()

// quickLead holds the first bytes of a line that plainRun's quick loop
// takes: ASCII ink but '<', which may start a directive (as may 'e': the
// loop tells those apart). quickFinal holds, for the
// last bytes it takes (ASCII ink), 1 + their finalByte class, and 0 for
// the others. (One lookup a byte tells what took several tests.)
// directiveWord is DirectivePrefix as the low seven bytes of a word.
var directiveWord = load64(DirectivePrefix+" ", 0) & (1<<56 - 1)

var quickLead, quickFinal = func() (lead [256]bool, final [256]uint8) {
	for c := range byte(utf8.RuneSelf) {
		if isASCIIInk(c) {
			lead[c] = c != '<'
			final[c] = 1 + finalByte[c]
		}
	}
	return lead, final
}()

// trimSpace is strings.TrimSpace, quicker on the white space of ASCII
// (the indentation of a line) that it finds at either end: spaces eight
// at a time, the rest byte by byte, handing strings.TrimSpace only what
// starts or ends outside ASCII.
func trimSpace(s string) string {
	i := 0
	for i+8 <= len(s) {
		x := load64(s, i) ^ ' '*lsb
		if x != 0 {
			i += bits.TrailingZeros64(x) >> 3
			break
		}
		i += 8
	}
	for i < len(s) && s[i] < utf8.RuneSelf && asciiClass[s[i]] == cSpace {
		i++
	}
	j := len(s)
	for j > i && s[j-1] < utf8.RuneSelf && asciiClass[s[j-1]] == cSpace {
		j--
	}
	if i < j && (s[i] >= utf8.RuneSelf || s[j-1] >= utf8.RuneSelf) {
		return strings.TrimSpace(s[i:j])
	}
	return s[i:j]
}

// isASCIIInk reports whether c is an ASCII character that is not white
// space: strings.TrimSpace stops at it.
func isASCIIInk(c byte) bool { return c < utf8.RuneSelf && asciiClass[c] != cSpace }

// urlFinder tells cheaply whether a line may hold a URL or an e-mail
// address: it keeps, for each marker nextURL looks for, the next offset
// where it occurs, so that the text is searched once, not once a line.
type urlFinder struct {
	next [3]int // offsets of the next "://", "www." and "@", or len(text)
	// first is the least of next (0 until the first search): a line
	// that ends by first holds no marker.
	first int
	ready bool
}

var urlMarkers = [3]string{"://", "www.", "@"}

// maybeIn reports whether text[start:end] holds a URL marker. Lines must be
// asked in order.
func (u *urlFinder) maybeIn(text string, start, end int) bool {
	if u.ready && u.first >= end {
		return false // the nearest marker lies beyond this line
	}
	found := false
	u.first = len(text)
	for k, m := range urlMarkers {
		if !u.ready || u.next[k] < start {
			u.next[k] = len(text)
			if i := indexMarker(text[start:], m); i >= 0 {
				u.next[k] = start + i
			}
		}
		if u.next[k]+len(m) <= end {
			found = true
		}
		u.first = min(u.first, u.next[k])
	}
	u.ready = true
	return found
}

// indexMarker is strings.Index(s, m) for a URL marker.
func indexMarker(s, m string) int {
	if m != "www." {
		return strings.Index(s, m)
	}
	return indexWWW(s)
}

// indexWWW is strings.Index(s, "www."). strings.Index looks for the first
// two bytes, ww, by calling IndexByte at every w, some 1.5% of the bytes
// of English. Dots are rarer (about one byte in a hundred of prose) and
// IndexByte finds them 32 bytes a step, so it looks for the dot and checks
// the three bytes before it: three times as quick as looking at every
// byte for a "ww", eight at a time, which it did before.
func indexWWW(s string) int {
	for i := 3; i < len(s); i++ {
		k := strings.IndexByte(s[i:], '.')
		if k < 0 {
			break
		}
		// (Testing the byte before the dot first, then the two before
		// it, saved only 0.9M on c20: not kept.)
		if i += k; s[i-3:i] == "www" {
			return i - 3
		}
	}
	return -1
}

// HardWrapped is HardWrapped(d.Text), read off the line table: whether the
// whole source looks hard-wrapped (rules that join a hard-wrapped
// paragraph's lines ask it).
func (d *Document) HardWrapped() bool {
	if d.wrapCounted {
		return d.wrap.long*20 <= d.wrap.lines
	}
	return d.hardWrappedFrom(0, 0, len(d.lines))
}

// hardWrappedFrom is HardWrapped(d.Text[from:]), read off lines [n0, n1)
// of the line table.
func (d *Document) hardWrappedFrom(from, n0, n1 int) bool {
	lines, long := d.countLong(from, n0, n1)
	return long*20 <= lines
}

// countLong counts the lines of [n0, n1) that are not blank, and those of
// them longer than 100 code points; line 0 starts at from.
func (d *Document) countLong(from, n0, n1 int) (lines, long int) {
	text := d.Text
	for n := n0; n < n1; n++ {
		start := int(d.lines[n])
		end := len(text)
		if n+1 < len(d.lines) {
			end = int(d.lines[n+1]) - 1
		}
		if n == 0 {
			start = from
		}
		if start >= end || text[start] <= ' ' && isBlank(text[start:end]) || text[start] >= utf8.RuneSelf && isBlank(text[start:end]) {
			continue
		}
		lines++
		if d.isLongLine(text[start:end]) {
			long++
		}
	}
	return lines, long
}

// HardWrapped reports whether text looks hard-wrapped: almost no line is
// longer than 100 code points. Text whose paragraphs each sit on one long
// line is not, and there every line break ends a block.
func HardWrapped(text string) bool {
	lines, long := 0, 0
	for text != "" {
		nl := strings.IndexByte(text, '\n')
		line := text
		if nl >= 0 {
			line, text = text[:nl], text[nl+1:]
		} else {
			text = ""
		}
		if isBlank(line) {
			continue
		}
		lines++
		if isLong(line) {
			long++
		}
	}
	return long*20 <= lines
}

// isLong reports whether line has more than 100 code points. A line of
// more than 400 bytes has (a code point takes at most four), so the
// paragraphs of unwrapped text, most of its bytes, are not counted.
func isLong(line string) bool {
	return len(line) > 400 || len(line) > 100 && utf8.RuneCountInString(line) > 100
}

// isLongLine is isLong for a line of d. In a document of valid UTF-8 its
// code points are counted as the bytes that do not continue one, eight at
// a time (utf8.RuneCountInString decodes them one by one: a tenth of the
// parse of text whose paragraphs are lines).
func (d *Document) isLongLine(line string) bool {
	if len(line) <= 100 || len(line) > 400 || d.Invalid != nil {
		return isLong(line)
	}
	return runesValid(line) > 100
}

// runesValid is utf8.RuneCountInString(s) for valid UTF-8.
func runesValid(s string) int {
	cont := 0 // continuation bytes, 10xxxxxx
	i := 0
	for ; i+8 <= len(s); i += 8 {
		w := load64(s, i)
		cont += bits.OnesCount64(w &^ (w << 1) & msb)
	}
	for ; i < len(s); i++ {
		if s[i]&0xc0 == 0x80 {
			cont++
		}
	}
	return len(s) - cont
}

// isBlank is strings.TrimSpace(s) == "" without scanning to the end of a
// line that starts with a visible ASCII character.
func isBlank(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v':
		case c < utf8.RuneSelf:
			return false
		default:
			return strings.TrimSpace(s[i:]) == ""
		}
	}
	return true
}

// endsBlock reports whether a plain-text line closes its block: it ends a
// sentence or a clause that introduces what follows, or it is short enough to
// be a heading.
func endsBlock(line string) bool {
	if line != "" && line[len(line)-1] < utf8.RuneSelf {
		// A final ASCII character (most lines), without decoding.
		switch c := line[len(line)-1]; c {
		case '.', '!', '?', ':', '"', ')':
			return true
		case ',', '-', ';':
			return false
		default:
			if c >= 'a' && c <= 'z' {
				return false
			}
		}
	} else {
		r, _ := utf8.DecodeLastRuneInString(line)
		switch r {
		case '.', '!', '?', ':', '"', '”', '’', ')', '…':
			return true
		}
		if unicode.IsLower(r) {
			return false
		}
	}
	// Fewer than 40 code points; a code point is 1 to 4 bytes.
	return len(line) < 40 || len(line) < 160 && runeCount(line) < 40
}

// runeCount is utf8.RuneCountInString(s), which decodes every byte; the
// lines endsBlock counts and the columns Position counts are mostly
// ASCII, one code point a byte, which it tells eight bytes at a time,
// decoding from the first byte outside ASCII only.
func runeCount(s string) int {
	i := 0
	for i+8 <= len(s) && load64(s, i)&msb == 0 {
		i += 8
	}
	for i < len(s) && s[i] < utf8.RuneSelf {
		i++
	}
	return i + utf8.RuneCountInString(s[i:])
}

// appendMasked appends the prose parts of line, leaving out URLs and e-mail
// addresses.
func appendMasked(segs []Segment, text string, line Span) []Segment {
	pos := line.Start
	for pos < line.End {
		m := nextURL(text, pos, line.End)
		if m.Start < 0 {
			break
		}
		if m.Start > pos {
			segs = append(segs, newSegment(pos, m.Start))
		}
		pos = m.End
	}
	if pos < line.End {
		segs = append(segs, newSegment(pos, line.End))
	}
	return segs
}

// nextURL finds the next URL (scheme:// or www.) or e-mail address in
// text[from:to]; Start is -1 when there is none.
func nextURL(text string, from, to int) Span {
	best := Span{-1, -1}
	s := text[from:to]
	for _, marker := range []string{"://", "www.", "@"} {
		i := strings.Index(s, marker)
		for i >= 0 {
			st, en := from+i, from+i+len(marker)
			ok := false
			switch marker {
			case "://":
				for st > from && isSchemeByte(text[st-1]) {
					st--
				}
				ok = st < from+i
			case "www.":
				ok = st == from || !isSchemeByte(text[st-1])
			case "@":
				for st > from && isEmailByte(text[st-1]) {
					st--
				}
				ok = st < from+i && en < to && isEmailByte(text[en])
			}
			if ok {
				en = urlEnd(text, en, to, marker == "@")
				// Trailing sentence punctuation belongs to the prose, and so
				// does a ")" unless it closes a "(" of the URL.
				for en > st && strings.IndexByte(".,;:!?)'\"", text[en-1]) >= 0 {
					if text[en-1] == ')' && strings.Count(text[st:en], "(") >= strings.Count(text[st:en], ")") {
						break
					}
					en--
				}
				if marker != "@" || strings.Contains(text[from+i:en], ".") {
					if best.Start < 0 || st < best.Start {
						best = Span{st, en}
					}
					break
				}
			}
			j := strings.Index(s[i+1:], marker)
			if j < 0 {
				break
			}
			i += 1 + j
		}
	}
	return best
}

// urlEnd returns where a URL or e-mail address that has reached en ends.
// An e-mail address ends at the first byte it cannot hold, so that
// "a@b.gov(202) 512-4800" keeps the bracket in the prose. A URL may hold
// parentheses (Wikipedia's do), but a ")" that closes nothing opened inside
// it belongs to the sentence: "(www.gao.gov)under".
func urlEnd(text string, en, to int, email bool) int {
	depth := 0
	for en < to && !isURLStop(text[en]) {
		c := text[en]
		if email && !isEmailByte(c) {
			break
		}
		if c == '(' {
			depth++
		}
		if c == ')' {
			if depth == 0 {
				break
			}
			depth--
		}
		en++
	}
	return en
}

func isSchemeByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.'
}

func isEmailByte(c byte) bool {
	return isSchemeByte(c) || c == '_' || c == '%'
}

func isURLStop(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '<' || c == '>' || c == '"'
}
