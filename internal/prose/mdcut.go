package prose

import "bytes"

// Where a Markdown document may be cut into pieces parsed on their own.
//
// A cut goes before a line L that follows a blank line and starts, at
// column 0, with a character that cannot continue any block: not white
// space (indented code, list item content), not '>' (block quote), not a
// list marker, not '|' or '='. A blank line closes every paragraph (so
// L is no lazy continuation line, and no table or setext underline), and
// such an L closes every list item and block quote. What may still be
// open, and would take L as its content, is a top-level fenced code block
// or HTML block of types 1 to 5 (<script>, <!--, <?, <!X, <![CDATA[): the
// blocks a blank line does not end. So the cut also needs that none of
// them is open; then the parse of the whole closes every block at L,
// exactly as the end of the piece before does, and starts afresh at L, as
// the parse of the piece after does.
//
// Whether such a block is open is tracked line by line without the
// containers, over a set of hypotheses of what is open at the top level:
// wherever a line's meaning at the top level is uncertain (an opening
// fence indented by one to three spaces may be inside a list item; a
// line starting with '<' may or may not open an HTML block of a given
// type, or may or may not close it), every possibility is kept, and a cut
// is made only where all of them say that nothing is open. Extra
// hypotheses can only forbid cuts, never allow a wrong one. If the set
// grows past a few, no further cut is made.
//
// Link reference definitions are the one thing in CommonMark that reaches
// across blocks: a definition anywhere resolves links anywhere. The
// pieces that might hold one (mayDefineLinks) are parsed first to collect
// them, and every piece is parsed with all (markdownBlocks).

// mdLines reads the lines of a Markdown source whose first bytes (the
// BOM and front matter) are replaced by head, a blanked copy of whole
// lines.
type mdLines struct {
	src, head []byte
	lines     []uint32
}

// line returns line i without its newline.
func (m mdLines) line(i int) []byte {
	start, end := int(m.lines[i]), len(m.src)
	if i+1 < len(m.lines) {
		end = int(m.lines[i+1]) - 1
	}
	if end <= len(m.head) {
		return m.head[start:end]
	}
	return m.src[start:end]
}

// mdBlank reports whether goldmark takes line as blank: only spaces, tabs
// and carriage returns.
func mdBlank(line []byte) bool {
	for _, c := range line {
		if !isLineSpace(c) {
			return false
		}
	}
	return true
}

// mayDefineLinks reports whether src[from:to], whole lines, might hold a
// link reference definition. A definition is "[label]:" at the start of
// a paragraph or after another definition: the "]:" is contiguous, and
// the "[" starts a line (after indentation and container markers) of the
// same run of non-blank lines. So each "]:" is checked against the lines
// back to the blank line before it.
func (m mdLines) mayDefineLinks(from, to int) bool {
	checked := lineAtOrAfter(m.lines, from) // lines below have been checked
	for off := max(from, len(m.head)); ; {
		i := bytes.Index(m.src[off:to], []byte("]:"))
		if i < 0 {
			return false
		}
		off += i + 2
		at := lineAtOrAfter(m.lines, off-1) - 1 // the line holding the ']'
		for j := at; j >= checked; j-- {
			line := m.line(j)
			if mdBlank(line) {
				break
			}
			if mayStartLinkDef(line) {
				return true
			}
		}
		checked = at + 1
	}
}

// mayStartLinkDef reports whether line, past any indentation, block quote
// and list markers, starts with '['.
func mayStartLinkDef(line []byte) bool {
	for _, c := range line {
		switch c {
		case ' ', '\t', '>', '-', '+', '*', '.', ')', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
			continue
		}
		return c == '['
	}
	return false
}

// mdOpen is a hypothesis of what block is open at the top level.
type mdOpen struct {
	kind uint8 // mdNone, mdFence, mdHTML, mdHTMLToBlank or mdNested
	c    byte  // the fence character; the HTML block type (1 to 5)
	n    int   // the fence length
	col  int   // for mdNested, the opening fence's indentation
}

const (
	mdNone        = iota // nothing a blank line leaves open
	mdFence              // a fenced code block
	mdHTML               // an HTML block of type 1 to 5, ending at a marker
	mdHTMLToBlank        // an HTML block of type 6 or 7, ending at a blank line
	// mdNested is nothing open at the top level, but a list item whose
	// content starts at most col columns in, which may hold a fenced code
	// block (c, n) opened by a line indented col columns.
	// It ends at a line that leaves the item or that closes the fence.
	mdNested
)

// mdMaxHypotheses bounds the set of hypotheses; past it, no more cuts.
const mdMaxHypotheses = 8

// cuts returns the offsets where the pieces of the document start, after
// the first: the first safe point at least size bytes past the previous.
func (m mdLines) cuts(size int) []int {
	var cuts []int
	hyp := []mdOpen{{}}
	next := make([]mdOpen, 0, mdMaxHypotheses+4)
	last := 0
	prevBlank := false
	for i := range m.lines {
		line := m.line(i)
		start := int(m.lines[i])
		if prevBlank && len(hyp) == 1 && hyp[0].kind == mdNone &&
			start-last >= size && start >= len(m.head) && mdCanStartPiece(line) {
			cuts = append(cuts, start)
			last = start
		}
		if len(line) > 0 && line[0] > ' ' {
			// Most lines start with a character that is not white
			// space: they are not blank, and with nothing open they
			// open a block only if it is '`', '~' or '<' (mdMayOpen,
			// without the call).
			prevBlank = false
			if c := line[0]; len(hyp) == 1 && hyp[0].kind == mdNone && c != '`' && c != '~' && c != '<' {
				continue
			}
		} else {
			// The leading spaces, eight at a time: some drafts indent
			// lines by dozens. Spaces are blank, and a line indented
			// four columns or more opens no block (mdMayOpen).
			k, s := 0, bytesView(line)
			for k+8 <= len(s) && load64(s, k) == ' '*lsb {
				k += 8
			}
			for k < len(s) && s[k] == ' ' {
				k++
			}
			prevBlank = mdBlank(line[k:])
			if len(hyp) == 1 && hyp[0].kind == mdNone && (k >= 4 || !mdMayOpen(line)) {
				continue
			}
		}
		next = next[:0]
		for _, h := range hyp {
			next = stepMarkdown(next, h, line)
		}
		if len(next) > mdMaxHypotheses {
			break
		}
		hyp, next = next, hyp
	}
	return cuts
}

// mdCanStartPiece reports whether line, after a blank line, can continue
// no block but a fenced code or HTML block.
func mdCanStartPiece(line []byte) bool {
	if len(line) == 0 {
		return false
	}
	switch c := line[0]; {
	case c <= ' ', c == 0x7f, c == '>', c == '-', c == '+', c == '*', c == '|', c == '=':
		return false
	case '0' <= c && c <= '9':
		i := 1
		for i < len(line) && '0' <= line[i] && line[i] <= '9' {
			i++
		}
		return i == len(line) || line[i] != '.' && line[i] != ')'
	}
	return true
}

// mdIndent returns the column of the first character of line that is
// not a space or tab (tabs stop every four columns), and its index.
func mdIndent(line []byte) (col, i int) {
	for ; i < len(line); i++ {
		switch line[i] {
		case ' ':
			col++
		case '\t':
			col += 4 - col%4
		default:
			return col, i
		}
	}
	return col, i
}

// mdMayOpen reports whether line, with nothing open, may open a fenced
// code or HTML block: it starts, indented by less than four columns, with
// '`', '~' or '<'.
func mdMayOpen(line []byte) bool {
	col, i := mdIndent(line)
	if col >= 4 || i == len(line) {
		return false
	}
	c := line[i]
	return c == '`' || c == '~' || c == '<'
}

// addHyp adds h to hyp unless it is there.
func addHyp(hyp []mdOpen, h mdOpen) []mdOpen {
	for _, x := range hyp {
		if x == h {
			return hyp
		}
	}
	return append(hyp, h)
}

// stepMarkdown adds to next what may be open at the top level after line
// if h was before it.
func stepMarkdown(next []mdOpen, h mdOpen, line []byte) []mdOpen {
	switch h.kind {
	case mdFence:
		// goldmark closes a fence at a line indented less than four
		// columns holding at least as many fence characters and then
		// only white space.
		col, i := mdIndent(line)
		if col < 4 {
			j := i
			for j < len(line) && line[j] == h.c {
				j++
			}
			if j-i >= h.n && mdBlank(line[j:]) {
				return addHyp(next, mdOpen{})
			}
		}
		return addHyp(next, h)
	case mdHTML:
		switch closes(line, int(h.c)) {
		case yes:
			return addHyp(next, mdOpen{})
		case maybe:
			next = addHyp(next, mdOpen{})
		}
		return addHyp(next, h)
	case mdHTMLToBlank:
		if mdBlank(line) {
			return addHyp(next, mdOpen{})
		}
		return addHyp(next, h)
	case mdNested:
		if mdBlank(line) {
			return addHyp(next, h)
		}
		col, i := mdIndent(line)
		if col == 0 {
			// Surely outside the item: at the top level.
			return stepMarkdown(next, mdOpen{}, line)
		}
		if col < h.col {
			// Outside the item if its content starts further in.
			next = stepMarkdown(next, mdOpen{}, line)
		}
		// Inside the item: a closing fence ends the code block;
		// indented four columns or more from the item's content it
		// would not, and where that starts is not known.
		j := i
		for j < len(line) && line[j] == h.c {
			j++
		}
		if j-i >= h.n && mdBlank(line[j:]) {
			next = addHyp(next, mdOpen{})
			if col < 4 {
				return next
			}
		}
		return addHyp(next, h)
	}
	// Nothing open: line may open a block.
	col, i := mdIndent(line)
	if col >= 4 || i == len(line) {
		return addHyp(next, h)
	}
	// At column 0 the line is at the top level (no container takes it:
	// a list item wants it indented, a block quote wants '>', and a
	// fence or HTML block of type 1 to 6 interrupts a paragraph rather
	// than continuing it lazily). Indented by one to three spaces it may
	// be inside a list item.
	certain := col == 0
	rest := line[i:]
	switch c := rest[0]; c {
	case '`', '~':
		n := 0
		for n < len(rest) && rest[n] == c {
			n++
		}
		if n < 3 || c == '`' && bytes.IndexByte(rest[n:], '`') >= 0 {
			return addHyp(next, h)
		}
		if !certain {
			// Inside a list item, whose content then starts at most
			// col columns in (a block quote would want '>'), or at the
			// top level.
			next = addHyp(next, mdOpen{kind: mdNested, c: c, n: n, col: col})
		}
		return addHyp(next, mdOpen{kind: mdFence, c: c, n: n})
	case '<':
		typ, sure := htmlBlockType(rest)
		if typ == 0 || !sure || !certain {
			// Maybe no HTML block (or one nested in a container), or one
			// of type 6 or 7, which a blank line ends.
			next = addHyp(next, h)
			next = addHyp(next, mdOpen{kind: mdHTMLToBlank})
		}
		if typ != 0 {
			// goldmark ends the block before the next line if its first
			// line holds the end marker.
			switch closes(rest, typ) {
			case yes:
				next = addHyp(next, mdOpen{})
			case maybe:
				next = addHyp(next, mdOpen{})
				next = addHyp(next, mdOpen{kind: mdHTML, c: byte(typ)})
			default:
				next = addHyp(next, mdOpen{kind: mdHTML, c: byte(typ)})
			}
		}
		return next
	}
	return addHyp(next, h)
}

// htmlBlockType returns the type (1 to 5) of the HTML block that line
// (from its '<') may open, or 0, and whether it surely opens one of that
// type if it opens a block.
func htmlBlockType(line []byte) (typ int, sure bool) {
	switch {
	case bytes.HasPrefix(line, []byte("<!--")):
		return 2, true
	case bytes.HasPrefix(line, []byte("<?")):
		return 3, true
	case len(line) > 2 && line[1] == '!' && 'A' <= line[2] && line[2] <= 'Z':
		return 4, true
	case bytes.HasPrefix(line, []byte("<![CDATA[")):
		return 5, true
	}
	// Type 1: <script, <pre, <style or <textarea, matched without regard
	// to case (by goldmark in Unicode's sense, so a non-ASCII letter may
	// match too), then white space, '>', "/>" or the end of the line.
	for _, tag := range [...]string{"script", "pre", "style", "textarea"} {
		if len(line) > len(tag) && asciiFoldPrefix(line[1:], tag) {
			rest := line[1+len(tag):]
			if len(rest) == 0 || rest[0] == ' ' || rest[0] == '\t' || rest[0] == '>' {
				return 1, true
			}
			if rest[0] == '/' || rest[0] == '\r' || rest[0] == '\f' {
				return 1, false
			}
		}
	}
	for _, c := range line[1:min(len(line), 12)] {
		if c >= 0x80 {
			return 1, false
		}
	}
	return 0, false
}

// asciiFoldPrefix reports whether b starts with lower, an ASCII lower-case
// word, in any case.
func asciiFoldPrefix(b []byte, lower string) bool {
	if len(b) < len(lower) {
		return false
	}
	for i := range len(lower) {
		if b[i]|0x20 != lower[i] {
			return false
		}
	}
	return true
}

type tristate uint8

const (
	no tristate = iota
	maybe
	yes
)

// closes reports whether line holds the end marker of an HTML block of
// type typ.
func closes(line []byte, typ int) tristate {
	switch typ {
	case 2:
		return yesIf(bytes.Contains(line, []byte("-->")))
	case 3:
		return yesIf(bytes.Contains(line, []byte("?>")))
	case 4:
		return yesIf(bytes.IndexByte(line, '>') >= 0)
	case 5:
		return yesIf(bytes.Contains(line, []byte("]]>")))
	}
	// Type 1: </script>, </pre>, </style> or </textarea>, in any case.
	nonASCII := false
	for i, c := range line {
		if c >= 0x80 {
			nonASCII = true
		}
		if c != '<' || i+1 >= len(line) || line[i+1] != '/' {
			continue
		}
		for _, tag := range [...]string{"script", "pre", "style", "textarea"} {
			rest := line[i+2:]
			if asciiFoldPrefix(rest, tag) && len(rest) > len(tag) && rest[len(tag)] == '>' {
				return yes
			}
		}
	}
	if nonASCII {
		return maybe
	}
	return no
}

func yesIf(b bool) tristate {
	if b {
		return yes
	}
	return no
}

// Cutting around links. goldmark calls linkify at every space and line
// head, and that costs a quarter of a Markdown parse even where it finds
// nothing; a piece in which it can find nothing is parsed without it
// (mdParserOf). Most prose holds a link here and there, so a document
// that holds one is cut (linkCuts) to part the runs of text that may hold
// a link from the runs that cannot.
// linkSplitMin is the least size of a document worth cutting so. (A
// variable, so that tests can parse a document whole.)
var linkSplitMin = 16 << 10

const (
	// linkCutSize is the least size of the pieces linkCuts sorts, and
	// minPlainRun the least size of a run without links worth a piece
	// of its own, as each piece costs a parse's set-up. Finer sorting
	// paid down to paragraphs: 2 and 8 KiB left 17.4 of the 21 MB of
	// link-heavy Markdown with linkify, 256 bytes and 1 KiB 9.6 MB (5%
	// fewer instructions in all); 128 bytes and 512 gained 0.2% more.
	linkCutSize = 256
	minPlainRun = 1 << 10
)

// linkCuts returns cuts, as cuts finds them, before and after each run of
// pieces of linkCutSize or more (the last may be shorter) that need
// linkify, the pieces that hold one of marks (linkMarks), so that the
// runs between, if minPlainRun or longer, parse without it. A document of
// 2*mdPieceSize or more is also cut within a run as cuts(mdPieceSize)
// would cut it.
func (m mdLines) linkCuts(marks []int) []int {
	// (Never sorted coarser than mdPieceSize, which tests set to cut at
	// every safe point.)
	fine := m.cuts(min(linkCutSize, mdPieceSize))
	type run struct {
		start int
		link  bool
	}
	runs := make([]run, 0, 8)
	prev, j := 0, 0 // j: the first mark at or after prev
	for i := 0; i <= len(fine); i++ {
		end := len(m.src)
		if i < len(fine) {
			end = fine[i]
		}
		link := j < len(marks) && marks[j] < end
		for j < len(marks) && marks[j] < end {
			j++
		}
		if len(runs) == 0 || runs[len(runs)-1].link != link {
			runs = append(runs, run{prev, link})
		}
		prev = end
	}
	runEnd := func(i int) int {
		if i+1 < len(runs) {
			return runs[i+1].start
		}
		return len(m.src)
	}
	// A short run without links goes with the runs around it.
	merged := runs[:0]
	for i, r := range runs {
		if !r.link && runEnd(i)-r.start < minPlainRun && len(runs) > 1 {
			r.link = true
		}
		if len(merged) > 0 && merged[len(merged)-1].link == r.link {
			continue
		}
		merged = append(merged, r)
	}
	runs = merged
	var cuts []int
	large := len(m.src) >= 2*mdPieceSize
	k := 0 // the next fine cut
	for i, r := range runs {
		if i > 0 {
			cuts = append(cuts, r.start)
		}
		if !large {
			continue
		}
		last, end := r.start, runEnd(i)
		for k < len(fine) && fine[k] <= r.start {
			k++
		}
		for ; k < len(fine) && fine[k] < end; k++ {
			if fine[k]-last >= mdPieceSize {
				cuts = append(cuts, fine[k])
				last = fine[k]
			}
		}
	}
	return cuts
}
