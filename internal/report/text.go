package report

import (
	"bufio"
	"fmt"
	"io"
	"runtime"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/fatih/color"
	"github.com/sergi/go-diff/diffmatchpatch"

	"github.com/edlint/edlint/internal/lint"
	"github.com/edlint/edlint/internal/par"
	"github.com/edlint/edlint/internal/prose"
	"github.com/edlint/edlint/internal/rules"
)

// contextRunes is how much of a long line the text format shows on each
// side of a finding.
const contextRunes = 40

// style is a colour as the escape sequences written before and after the
// text it colours ("" for both when colour is off): what color.Color's
// Sprint wraps its argument in, computed once instead of per call.
type style struct{ pre, post string }

func styleOf(c *color.Color) style {
	s := c.Sprint("\x00")
	i := strings.IndexByte(s, 0)
	return style{pre: s[:i], post: s[i+1:]}
}

func (st style) write(b *textBuf, s string) {
	b.str(st.pre)
	b.str(s)
	b.str(st.post)
}

// write3 is write of s1+s2+s3, without the concatenation.
func (st style) write3(b *textBuf, s1, s2, s3 string) {
	b.str(st.pre)
	b.str(s1)
	b.str(s2)
	b.str(s3)
	b.str(st.post)
}

// textBuf is what a piece is formatted in. Its appends inline, where
// bytes.Buffer's WriteString and WriteByte are calls of some fifty and
// thirty instructions: a finding is some forty of them, and they were a
// quarter of the text report's instructions on the 20 MB corpus.
type textBuf []byte

// str appends s; an empty s (a colour when colour is off, most often)
// costs only the test.
func (b *textBuf) str(s string) {
	if s != "" {
		*b = append(*b, s...)
	}
}

func (b *textBuf) byte(c byte) {
	*b = append(*b, c)
}

type palette struct {
	path, err, warn, info, rule, match, dim style
	// delOpen and delClose surround deleted words, insOpen and insClose
	// inserted ones: colours, or git's [-old-]{+new+} without them.
	delOpen, delClose, insOpen, insClose string
}

func newPalette(on bool) palette {
	colors := []*color.Color{
		color.New(color.Bold),                    // path
		color.New(color.FgRed, color.Bold),       // err
		color.New(color.FgYellow, color.Bold),    // warn
		color.New(color.FgCyan),                  // info
		color.New(color.Faint),                   // rule
		color.New(color.Underline, color.FgRed),  // match
		color.New(color.FgRed, color.CrossedOut), // del
		color.New(color.FgGreen, color.Bold),     // ins
		color.New(color.Faint),                   // dim
	}
	for _, c := range colors {
		if on {
			c.EnableColor()
		} else {
			c.DisableColor()
		}
	}
	p := palette{
		path: styleOf(colors[0]), err: styleOf(colors[1]), warn: styleOf(colors[2]), info: styleOf(colors[3]),
		rule: styleOf(colors[4]), match: styleOf(colors[5]), dim: styleOf(colors[8]),
		delOpen: "[-", delClose: "-]", insOpen: "{+", insClose: "+}",
	}
	if del := styleOf(colors[6]); del.pre+del.post != "" {
		p.delOpen, p.delClose = del.pre, del.post
	}
	if ins := styleOf(colors[7]); ins.pre+ins.post != "" {
		p.insOpen, p.insClose = ins.pre, ins.post
	}
	return p
}

// Text writes findings for people: "path:line:col: severity: message [rule]",
// the source line with the match marked, and the best suggestion as a
// word-level diff of that line; then a one-line summary.
func Text(w io.Writer, files []*lint.File, opts Options) error {
	bw := bufio.NewWriter(w)
	p := newPalette(opts.Color)
	// The findings are cut into pieces formatted on every core (the
	// excerpt and word diff of each finding is most of the report's time),
	// a window at a time, and written in order: the output is the same as
	// one goroutine's, and memory holds one window, not the whole report.
	// Each slot of the window keeps its buffer and word-diff scratch.
	workers := runtime.GOMAXPROCS(0)
	// Four pieces a core balance the cores' loads. One core formats the
	// pieces in order anyway: one small piece at a time, in one buffer,
	// where a window of four pieces of findingsPerPiece grew four
	// buffers, a megabyte in all on the 20 MB corpus.
	window, perPiece := 4*workers, findingsPerPiece
	if workers == 1 {
		window, perPiece = 1, findingsPerPieceAlone
	}
	pieces := textPieces(files, perPiece)
	slots := make([]textWriter, window)
	for first := 0; first < len(pieces); first += window {
		n := min(window, len(pieces)-first)
		par.Do(n, workers, func(i int) {
			slots[i].buf = slots[i].buf[:0]
			slots[i].piece(&p, pieces[first+i])
		})
		for i := range n {
			if _, err := bw.Write(slots[i].buf); err != nil {
				return err
			}
		}
	}
	if !opts.Quiet {
		fmt.Fprintln(bw, SummaryLine(Summarize(files), opts))
	}
	return bw.Flush()
}

// textPiece is a run of one file's findings, or a file's error or skip
// line, formatted as a unit.
type textPiece struct {
	f          *lint.File
	start, end int // findings [start, end)
}

// findingsPerPiece bounds a piece, so that one big draft's report is
// formatted on several cores too; findingsPerPiece is the bound on one
// core, where a piece is formatted in a buffer and then copied out.
const (
	findingsPerPiece      = 256
	findingsPerPieceAlone = 16
)

// textPieces cuts the files' findings into pieces of at most perPiece.
func textPieces(files []*lint.File, perPiece int) []textPiece {
	var out []textPiece
	for _, f := range files {
		if f.Err != nil || f.Skipped != "" {
			out = append(out, textPiece{f: f})
			continue
		}
		for i := 0; i < len(f.Findings); i += perPiece {
			out = append(out, textPiece{f: f, start: i, end: min(i+perPiece, len(f.Findings))})
		}
	}
	return out
}

// textWriter formats pieces into buf, one goroutine at a time, reusing
// the word diff's scratch from one finding to the next.
type textWriter struct {
	buf textBuf
	wd  wordDiffer
}

func (tw *textWriter) piece(p *palette, t textPiece) {
	f, b := t.f, &tw.buf
	switch {
	case f.Err != nil:
		p.path.write(b, f.Path)
		b.str(": ")
		p.err.write(b, "error: ")
		b.str(f.Err.Error())
		b.byte('\n')
		return
	case f.Skipped != "":
		p.path.write(b, f.Path)
		b.str(": ")
		p.warn.write(b, "warning:")
		b.str(" skipped: ")
		b.str(f.Skipped)
		b.byte('\n')
		return
	}
	for i := t.start; i < t.end; i++ {
		tw.finding(p, f, &f.Findings[i])
	}
}

// SummaryLine is the one-line summary of a run: files, findings by
// severity and, when opts.Elapsed is set, the time taken.
func SummaryLine(s Summary, opts Options) string {
	plural := func(n int, one string) string {
		if n == 1 {
			return fmt.Sprintf("%d %s", n, one)
		}
		return fmt.Sprintf("%d %ss", n, one)
	}
	var b strings.Builder
	if s.Error+s.Warning+s.Info == 0 {
		fmt.Fprintf(&b, "no problems in %s", plural(s.Files, "file"))
	} else {
		fmt.Fprintf(&b, "%s: %s, %s, %d info", plural(s.Files, "file"), plural(s.Error, "error"), plural(s.Warning, "warning"), s.Info)
	}
	if opts.Elapsed > 0 {
		fmt.Fprintf(&b, " (%.2fs)", opts.Elapsed.Seconds())
	}
	return b.String()
}

func severityStyle(p *palette, s rules.Severity) style {
	switch s {
	case rules.Error:
		return p.err
	case rules.Warning:
		return p.warn
	}
	return p.info
}

// writeInt appends n in decimal. Lines and columns are small and never
// negative: their digits, written from the last, cost a third of
// strconv.AppendInt's instructions through the buffer.
func writeInt(b *textBuf, n int) {
	if n < 0 {
		*b = strconv.AppendInt(*b, int64(n), 10)
		return
	}
	var d [20]byte
	i := len(d)
	for u := uint(n); ; {
		i--
		d[i] = byte('0' + u%10)
		u /= 10
		if u == 0 {
			break
		}
	}
	*b = append(*b, d[i:]...)
}

// quote appends s as strconv.Quote writes it (appendQuoted: strconv's
// rune by rune escaping was a tenth of the text report).
func (b *textBuf) quote(s string) {
	*b = appendQuoted(*b, s)
}

func (tw *textWriter) finding(p *palette, f *lint.File, x *rules.Finding) {
	d, b := f.Doc, &tw.buf
	pos := d.Position(x.Start)
	line := d.LineSpan(pos.Line)
	b.str(p.path.pre)
	b.str(f.Path)
	b.byte(':')
	writeInt(b, pos.Line)
	b.byte(':')
	writeInt(b, pos.Column)
	b.str(p.path.post)
	b.str(": ")
	sev := severityStyle(p, x.Severity)
	b.str(sev.pre)
	b.str(x.Severity.String())
	b.byte(':')
	b.str(sev.post)
	b.byte(' ')
	b.str(x.Message)
	b.byte(' ')
	b.str(p.rule.pre)
	b.byte('[')
	b.str(x.Rule)
	b.byte(']')
	b.str(p.rule.post)
	b.byte('\n')
	if x.End < x.Start || x.End > len(d.Src) {
		return
	}
	// A match that starts in the line break of a CRLF line (past the
	// line's visible end) is shown as an empty match at that end.
	start := min(x.Start, line.End)
	end := max(start, min(x.End, line.End)) // a multi-line match: show its first line
	// The excerpt shown is lead+old+trail, the match old[nb:nb+nm].
	lead, old, trail, nb, nm := excerpt(d.Text, line, start, end)
	before, match, after := old[:nb], old[nb:nb+nm], old[nb+nm:]
	b.str("    ")
	p.dim.write3(b, lead, before, "")
	p.match.write(b, match)
	p.dim.write3(b, "", after, trail)
	b.byte('\n')
	if len(x.Suggestions) == 0 {
		return
	}
	best := x.Suggestions[0]
	if x.End > line.End {
		best, _, _ = strings.Cut(best, "\n")
	}
	b.str("    ")
	tw.wd.writeFramed(b, p, lead, old, before+best+after, trail, known{len(before), len(after)})
	b.byte('\n')
	if len(x.Suggestions) > 1 {
		b.str("    ")
		p.dim.write(b, "also:")
		b.byte(' ')
		for i, s := range x.Suggestions[1:] {
			if i > 0 {
				b.str(", ")
			}
			b.quote(s)
		}
		b.byte('\n')
	}
}

// excerpt cuts the line around [start, end) to at most contextRunes on each
// side, marking cuts with an ellipsis, and replaces tabs so columns line up.
// The excerpt is lead+old+trail, lead and trail each the ellipsis or "",
// and the match is old[nb:nb+nm]: old is a slice of text unless it has a
// tab, so that the excerpt and its word diff (writeFramed) cost no
// concatenation, which with the ellipses' was a third of a large
// report's allocations.
func excerpt(text string, line prose.Span, start, end int) (lead, old, trail string, nb, nm int) {
	from := line.Start
	if before := text[line.Start:start]; runesPast(before, contextRunes) >= 0 {
		cut := len(before) - contextRunes
		if !isASCII(before[cut:]) {
			cut = len(before)
			for i := 0; i < contextRunes; i++ {
				_, size := utf8.DecodeLastRuneInString(before[:cut])
				cut -= size
			}
		}
		from, lead = line.Start+cut, ellipsis
	}
	to := line.End
	if cut := runesPast(text[end:line.End], contextRunes); cut >= 0 {
		to, trail = end+cut, ellipsis
	}
	// A tab becomes one space: the offsets stay.
	return lead, noTabs(text[from:to]), trail, start - from, end - start
}

// ellipsis marks where an excerpt cuts its line.
const ellipsis = "…"

// runesPast is the length of the first n runes of s when s has more than
// n runes (as utf8.RuneCountInString counts them), and -1 when it has not:
// it reads no further than it must.
func runesPast(s string, n int) int {
	if len(s) <= n {
		return -1
	}
	if isASCII(s[:n]) {
		return n
	}
	i := 0
	for range n {
		if i == len(s) {
			return -1
		}
		if s[i] < utf8.RuneSelf {
			i++
		} else {
			_, size := utf8.DecodeRuneInString(s[i:])
			i += size
		}
	}
	if i == len(s) {
		return -1
	}
	return i
}

// isASCII reports whether s is all ASCII, where a rune is a byte (however
// the rest of the text is encoded): eight bytes at a time, which the
// compiler loads as one word.
func isASCII(s string) bool {
	for ; len(s) >= 8; s = s[8:] {
		w := uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
			uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
		if w&0x8080808080808080 != 0 {
			return false
		}
	}
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func noTabs(s string) string {
	if strings.IndexByte(s, '\t') < 0 {
		return s
	}
	return strings.ReplaceAll(s, "\t", " ")
}

// wordDiffer writes word diffs, keeping its scratch between calls.
//
// go-diff's diff of the texts' units (each word, space run and other rune
// encoded as one rune) is what it shows. A suggestion changes one place of
// the line, and there that diff is known without running go-diff: go-diff
// trims the common prefix and suffix of the units, diffs the middles and
// merges the result (DiffCleanupMerge). When one middle is empty, the
// middle's diff is one insertion or deletion, which the merge leaves
// between the prefix and the suffix unless the edit ends with the whole
// prefix or starts with the whole suffix (then it shifts the edit). When
// both middles are non-empty and share no unit, no diff of them has an
// equality, and the merge joins its edits into one deletion of the old
// middle followed by one insertion of the new (whose first units differ,
// and whose last units differ, so nothing is factored out), and no single
// edit lies between two equalities. Every other case, and the shifts, go
// to go-diff as before. The reference in reftext_test.go checks this.
type wordDiffer struct {
	ua, ub []int32 // ends of the units of old and fixed, from split
	enc    unitEncoder
}

// maxMiddlePairs bounds the unit comparisons of the fast path's test that
// the middles share no unit.
const maxMiddlePairs = 64

// writeFramed is write of lead+old+trail against lead+fixed+trail, where
// lead and trail are each an excerpt's ellipsis or "", without building
// the two texts when the diff changes units in both middles (a word
// replaced by another, most suggestions). The ellipsis is a unit of its
// own, which no unit of old or fixed runs into (see unitLen), so the
// framed texts' units are old's and fixed's with one more at each framed
// end. Where both middles are left non-empty, the common prefix of units
// stopped at a unit that differs inside both, and so did the common
// suffix: the framed texts' split is old's and fixed's with the lead in
// its prefix and the trail in its suffix, and its middles are the same.
// An insertion or a deletion alone (one middle empty) may run into the
// frame (an ellipsis in fixed, or the shift of the merge): those, and
// go-diff's cases, read the framed texts. kn is what old and fixed are
// known to share.
func (wd *wordDiffer) writeFramed(b *textBuf, p *palette, lead, old, fixed, trail string, kn known) {
	if lead == "" && trail == "" {
		wd.writeKnown(b, p, old, fixed, kn)
		return
	}
	if old == fixed {
		p.dim.write3(b, lead, old, trail)
		return
	}
	sp, pre, suf, midA, midB := wd.parts(old, fixed, kn)
	if midA == "" || midB == "" || len(sp.ma)*len(sp.mb) > maxMiddlePairs || wd.shareUnit(old, fixed, sp) {
		wd.writeKnown(b, p, lead+old+trail, lead+fixed+trail, known{len(lead) + kn.pre, kn.suf + len(trail)})
		return
	}
	if lead != "" || pre != "" {
		p.dim.write3(b, lead, pre, "")
	}
	b.str(p.delOpen)
	b.str(midA)
	b.str(p.delClose)
	b.str(p.insOpen)
	b.str(midB)
	b.str(p.insClose)
	if suf != "" || trail != "" {
		p.dim.write3(b, "", suf, trail)
	}
}

// parts splits old and fixed where they differ: the split, the prefix
// and suffix they share (as old has them), and the middles that differ.
func (wd *wordDiffer) parts(old, fixed string, kn known) (sp split, pre, suf, midA, midB string) {
	sp, ok := wd.splitNear(old, fixed, kn)
	if !ok {
		sp = wd.splitAll(old, fixed)
	}
	return sp, old[:sp.pre], old[len(old)-sp.suf:], old[sp.pre : len(old)-sp.suf], fixed[sp.pre : len(fixed)-sp.suf]
}

// shareUnit reports whether the middles of a split of old and fixed have
// a unit in common (write's fast path needs them to have none).
func (wd *wordDiffer) shareUnit(old, fixed string, sp split) bool {
	startA := sp.pre
	for _, endA := range sp.ma {
		unitA := old[startA:endA]
		startA = int(endA)
		startB := sp.pre
		for _, endB := range sp.mb {
			if fixed[startB:endB] == unitA {
				return true
			}
			startB = int(endB)
		}
	}
	return false
}

// known is what two texts are known to share: their first pre bytes and
// their last suf bytes. A finding's excerpt and its fix share the text
// before and after the match, which splitNear then need not compare byte
// by byte again (the suffix's loop was a tenth of the text report).
type known struct{ pre, suf int }

func (wd *wordDiffer) write(b *textBuf, p *palette, old, fixed string) {
	wd.writeKnown(b, p, old, fixed, known{})
}

// writeKnown is write where old and fixed are known to share kn.
func (wd *wordDiffer) writeKnown(b *textBuf, p *palette, old, fixed string, kn known) {
	if old == fixed {
		if old != "" {
			p.dim.write(b, old)
		}
		return
	}
	sp, pre, suf, midA, midB := wd.parts(old, fixed, kn)
	fast := false
	switch {
	case midA == "" || midB == "":
		// One edit; the merge shifts it when it ends with the whole
		// prefix or starts with the whole suffix (as units; any such
		// bytes go to go-diff).
		edit := midA + midB
		fast = pre == "" || suf == "" || !strings.HasSuffix(edit, pre) && !strings.HasPrefix(edit, suf)
	case len(sp.ma)*len(sp.mb) <= maxMiddlePairs:
		fast = !wd.shareUnit(old, fixed, sp)
	}
	if !fast {
		wd.goDiff(b, p, old, fixed)
		return
	}
	if pre != "" {
		p.dim.write(b, pre)
	}
	if midA != "" {
		b.str(p.delOpen)
		b.str(midA)
		b.str(p.delClose)
	}
	if midB != "" {
		b.str(p.insOpen)
		b.str(midB)
		b.str(p.insClose)
	}
	if suf != "" {
		p.dim.write(b, suf)
	}
}

// split cuts two texts that differ into their longest common prefix of
// units, then the longest common suffix of units of what is left, as
// go-diff trims them: old is old[:pre] + its middle + old[len(old)-suf:],
// and fixed likewise; ma and mb are the ends of the middles' units.
type split struct {
	pre, suf int
	ma, mb   []int32
}

// splitAll splits old and fixed by cutting both into units.
func (wd *wordDiffer) splitAll(old, fixed string) split {
	sp, _ := wd.splitBetween(old, fixed, 0, 0)
	return sp
}

// splitNear splits old and fixed by cutting into units only the part
// around where their bytes differ, between a cut k at or before their
// common byte prefix and cuts tA and tB at or after their common byte
// suffix, each a cut no unit crosses whatever the text around it (see
// unitCut): old's units are then those of old[:k], of old[k:tA] and of
// old[tA:], and fixed's those of fixed[:k] (the same), of fixed[k:tB] and
// of fixed[tB:] (the same as old[tA:]'s). When the units of the two
// middle parts differ at some unit p', the common prefix ends there, and
// the common suffix is the tail's units and the middle parts' common
// suffix after p'. When one middle part is all common prefix, the prefix
// may go on into the tail; then, unless the other's next unit differs from
// the tail's first, it is not ok and splitAll must do it. The common byte
// prefix and suffix are counted on from what kn says the texts share.
func (wd *wordDiffer) splitNear(old, fixed string, kn known) (split, bool) {
	n := min(len(old), len(fixed))
	cp := min(kn.pre, n)
	for cp < n && old[cp] == fixed[cp] {
		cp++
	}
	// The suffix may not overlap the prefix: kn.suf can run into the
	// bytes the prefix took (a deletion of a repeat).
	cs := min(kn.suf, n-cp)
	for cs < n-cp && old[len(old)-1-cs] == fixed[len(fixed)-1-cs] {
		cs++
	}
	k := cp
	for !unitCut(old, k) || !unitCut(fixed, k) {
		k--
	}
	j := cs
	for !unitCut(old, len(old)-j) || !unitCut(fixed, len(fixed)-j) {
		j--
	}
	return wd.splitBetween(old, fixed, k, j)
}

// splitBetween is the split of old and fixed that cuts into units only
// old[k:len(old)-j] and fixed[k:len(fixed)-j], where k and the two ends
// are cuts no unit crosses and the text outside is common (see
// splitNear); with k and j 0 it cuts everything (splitAll).
func (wd *wordDiffer) splitBetween(old, fixed string, k, j int) (split, bool) {
	tA, tB := len(old)-j, len(fixed)-j
	ua, ub := unitEnds(wd.ua[:0], old, k, tA), unitEnds(wd.ub[:0], fixed, k, tB)
	wd.ua, wd.ub = ua, ub
	unitA := func(i int) string { return old[unitStart(ua, i, k):ua[i]] }
	unitB := func(i int) string { return fixed[unitStart(ub, i, k):ub[i]] }
	np := 0
	for np < len(ua) && np < len(ub) && unitA(np) == unitB(np) {
		np++
	}
	if tA < len(old) {
		tail := old[tA : tA+unitLen(old[tA:])]
		if np == len(ua) && unitB(np) == tail || np == len(ub) && unitA(np) == tail {
			return split{}, false
		}
	}
	ns := 0
	for ns < len(ua)-np && ns < len(ub)-np && unitA(len(ua)-1-ns) == unitB(len(ub)-1-ns) {
		ns++
	}
	return split{
		pre: unitStart(ua, np, k), suf: len(old) - unitStart(ua, len(ua)-ns, k),
		ma: ua[np : len(ua)-ns], mb: ub[np : len(ub)-ns],
	}, true
}

// unitCut reports whether the units of s are those of s[:i] followed by
// those of s[i:]: at either end, and after a space that ends a run of
// spaces (a space belongs to no unit but a run of spaces, which ends
// where the spaces do, and the units before it depend on nothing after
// it).
func unitCut(s string, i int) bool {
	return i == 0 || i == len(s) || s[i-1] == ' ' && s[i] != ' '
}

// unitStart is where unit i starts, given the units' ends and where the
// first starts.
func unitStart(ends []int32, i, first int) int {
	if i == 0 {
		return first
	}
	return int(ends[i-1])
}

// unitEnds appends the end of each diff unit of s[from:to] to ends.
func unitEnds(ends []int32, s string, from, to int) []int32 {
	s = s[:to]
	for i := from; i < len(s); {
		i += unitLen(s[i:])
		ends = append(ends, int32(i))
	}
	return ends
}

// goDiff writes go-diff's diff of the texts' units.
func (wd *wordDiffer) goDiff(b *textBuf, p *palette, old, fixed string) {
	e := &wd.enc
	e.reset()
	ra := e.encode(old)
	rb := e.encode(fixed)
	dmp := diffmatchpatch.New()
	diffs := dmp.DiffMainRunes(ra, rb, false)
	for _, df := range diffs {
		var opening, closing string
		switch df.Type {
		case diffmatchpatch.DiffEqual:
			opening, closing = p.dim.pre, p.dim.post
		case diffmatchpatch.DiffDelete:
			opening, closing = p.delOpen, p.delClose
		case diffmatchpatch.DiffInsert:
			opening, closing = p.insOpen, p.insClose
		default:
			continue
		}
		b.str(opening)
		for _, r := range df.Text {
			b.str(e.vocab[r-runeBase])
		}
		b.str(closing)
	}
}

// runeBase puts diff symbols in the private-use area, away from surrogates.
const runeBase = 0xE000

// unitEncoder maps each word, space run and punctuation mark of texts to
// one rune, so that the character diff of go-diff becomes a word diff.
type unitEncoder struct {
	index map[string]rune
	vocab []string
}

func (e *unitEncoder) reset() {
	if e.index == nil {
		e.index = make(map[string]rune, 32)
	}
	clear(e.index)
	e.vocab = e.vocab[:0]
}

func (e *unitEncoder) encode(s string) []rune {
	out := make([]rune, 0, len(s)/3+1)
	for s != "" {
		n := unitLen(s)
		u := s[:n]
		r, ok := e.index[u]
		if !ok {
			r = runeBase + rune(len(e.vocab))
			e.index[u] = r
			e.vocab = append(e.vocab, u)
		}
		out = append(out, r)
		s = s[n:]
	}
	return out
}

// isWord reports whether r belongs to a word for the diff: a letter, a
// digit or a combining mark.
func isWord(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// unitLen is the length of the first diff unit of s: a word (letters,
// digits, inner apostrophes and hyphens), a run of spaces, or one rune.
// ASCII is classed by table, without decoding.
func unitLen(s string) int {
	if c := s[0]; c < utf8.RuneSelf {
		switch {
		case asciiWord[c]:
			return wordLen(s, 1)
		case c == ' ':
			i := 1
			for i < len(s) && s[i] == ' ' {
				i++
			}
			return i
		}
		return 1
	}
	r, size := utf8.DecodeRuneInString(s)
	if isWord(r) {
		return wordLen(s, size)
	}
	return size
}

// asciiWord is isWord for ASCII.
var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = isWord(rune(c))
	}
	return t
}()

// wordLen is the length of the word that starts s and goes on at least to
// i.
func wordLen(s string, i int) int {
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if !asciiWord[c] && (c != '\'' && c != '-' || !startsWord(s[i+1:])) {
				// Inner apostrophes and hyphens join a word; trailing ones don't.
				return i
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if !isWord(r) && (r != '’' || !startsWord(s[i+n:])) {
			return i
		}
		i += n
	}
	return i
}

// startsWord reports whether s starts with a rune of a word.
func startsWord(s string) bool {
	if s == "" {
		return false
	}
	if c := s[0]; c < utf8.RuneSelf {
		return asciiWord[c]
	}
	r, _ := utf8.DecodeRuneInString(s)
	return isWord(r)
}
