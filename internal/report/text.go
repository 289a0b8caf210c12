package report

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"runtime"
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

type palette struct {
	path, err, warn, info, rule, match, del, ins, dim *color.Color
}

func newPalette(on bool) palette {
	p := palette{
		path:  color.New(color.Bold),
		err:   color.New(color.FgRed, color.Bold),
		warn:  color.New(color.FgYellow, color.Bold),
		info:  color.New(color.FgCyan),
		rule:  color.New(color.Faint),
		match: color.New(color.Underline, color.FgRed),
		del:   color.New(color.FgRed, color.CrossedOut),
		ins:   color.New(color.FgGreen, color.Bold),
		dim:   color.New(color.Faint),
	}
	for _, c := range []*color.Color{p.path, p.err, p.warn, p.info, p.rule, p.match, p.del, p.ins, p.dim} {
		if on {
			c.EnableColor()
		} else {
			c.DisableColor()
		}
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
	pieces := textPieces(files)
	workers := runtime.GOMAXPROCS(0)
	window := 4 * workers
	bufs := make([]bytes.Buffer, window)
	for first := 0; first < len(pieces); first += window {
		n := min(window, len(pieces)-first)
		par.Do(n, workers, func(i int) {
			bufs[i].Reset()
			pieces[first+i].write(&bufs[i], p)
		})
		for i := range n {
			if _, err := bw.Write(bufs[i].Bytes()); err != nil {
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
// formatted on several cores too.
const findingsPerPiece = 256

func textPieces(files []*lint.File) []textPiece {
	var out []textPiece
	for _, f := range files {
		if f.Err != nil || f.Skipped != "" {
			out = append(out, textPiece{f: f})
			continue
		}
		for i := 0; i < len(f.Findings); i += findingsPerPiece {
			out = append(out, textPiece{f: f, start: i, end: min(i+findingsPerPiece, len(f.Findings))})
		}
	}
	return out
}

func (t textPiece) write(w io.Writer, p palette) {
	f := t.f
	switch {
	case f.Err != nil:
		fmt.Fprintf(w, "%s: %s\n", p.path.Sprint(f.Path), p.err.Sprint("error: ")+f.Err.Error())
		return
	case f.Skipped != "":
		fmt.Fprintf(w, "%s: %s skipped: %s\n", p.path.Sprint(f.Path), p.warn.Sprint("warning:"), f.Skipped)
		return
	}
	for _, x := range f.Findings[t.start:t.end] {
		writeFinding(w, p, f, x)
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

func severityColor(p palette, s rules.Severity) *color.Color {
	switch s {
	case rules.Error:
		return p.err
	case rules.Warning:
		return p.warn
	}
	return p.info
}

func writeFinding(w io.Writer, p palette, f *lint.File, x rules.Finding) {
	d := f.Doc
	pos := d.Position(x.Start)
	fmt.Fprintf(w, "%s: %s %s %s\n",
		p.path.Sprintf("%s:%d:%d", f.Path, pos.Line, pos.Column),
		severityColor(p, x.Severity).Sprintf("%s:", x.Severity),
		x.Message, p.rule.Sprintf("[%s]", x.Rule))
	if x.End < x.Start || x.End > len(d.Src) {
		return
	}
	line := d.LineSpan(pos.Line)
	end := x.End
	if end > line.End {
		end = line.End // a multi-line match: show its first line
	}
	before, match, after := excerpt(d.Text, line, x.Start, end)
	fmt.Fprintf(w, "    %s%s%s\n", p.dim.Sprint(before), p.match.Sprint(match), p.dim.Sprint(after))
	if len(x.Suggestions) == 0 {
		return
	}
	old := before + match + after
	fixed := before + x.Suggestions[0] + after
	if x.End > line.End {
		fixed = before + strings.SplitN(x.Suggestions[0], "\n", 2)[0] + after
	}
	fmt.Fprintf(w, "    %s\n", wordDiff(p, old, fixed))
	if len(x.Suggestions) > 1 {
		fmt.Fprintf(w, "    %s %s\n", p.dim.Sprint("also:"), strings.Join(quoteAll(x.Suggestions[1:]), ", "))
	}
}

func quoteAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = fmt.Sprintf("%q", s)
	}
	return out
}

// excerpt cuts the line around [start, end) to at most contextRunes on each
// side, marking cuts with an ellipsis, and replaces tabs so columns line up.
func excerpt(text string, line prose.Span, start, end int) (before, match, after string) {
	before = text[line.Start:start]
	if n := utf8.RuneCountInString(before); n > contextRunes {
		cut := len(before)
		for i := 0; i < contextRunes; i++ {
			_, size := utf8.DecodeLastRuneInString(before[:cut])
			cut -= size
		}
		before = "…" + before[cut:]
	}
	after = text[end:line.End]
	if n := utf8.RuneCountInString(after); n > contextRunes {
		cut := 0
		for i := 0; i < contextRunes; i++ {
			_, size := utf8.DecodeRuneInString(after[cut:])
			cut += size
		}
		after = after[:cut] + "…"
	}
	clean := func(s string) string { return strings.ReplaceAll(s, "\t", " ") }
	return clean(before), clean(text[start:end]), clean(after)
}

// wordDiff shows how fixed differs from old, word by word: deleted words
// struck through in red, inserted words in green. Without colour the
// changes are marked [-old-]{+new+}, as git diff --word-diff does.
func wordDiff(p palette, old, fixed string) string {
	a, b, vocab := wordsToRunes(old, fixed)
	dmp := diffmatchpatch.New()
	diffs := dmp.DiffMainRunes(a, b, false)
	var out strings.Builder
	for _, df := range diffs {
		var text strings.Builder
		for _, r := range df.Text {
			text.WriteString(vocab[r-runeBase])
		}
		s := text.String()
		switch df.Type {
		case diffmatchpatch.DiffEqual:
			out.WriteString(p.dim.Sprint(s))
		case diffmatchpatch.DiffDelete:
			if p.del.Sprint("x") == "x" {
				out.WriteString("[-" + s + "-]")
			} else {
				out.WriteString(p.del.Sprint(s))
			}
		case diffmatchpatch.DiffInsert:
			if p.ins.Sprint("x") == "x" {
				out.WriteString("{+" + s + "+}")
			} else {
				out.WriteString(p.ins.Sprint(s))
			}
		}
	}
	return out.String()
}

// runeBase puts diff symbols in the private-use area, away from surrogates.
const runeBase = 0xE000

// wordsToRunes maps each word, space run and punctuation mark of both texts
// to one rune, so that the character diff of go-diff becomes a word diff.
func wordsToRunes(a, b string) (ra, rb []rune, vocab []string) {
	e := &unitEncoder{index: make(map[string]rune, 32)}
	ra = e.encode(a)
	rb = e.encode(b)
	return ra, rb, e.vocab
}

// unitEncoder numbers diff units. (A closure appending to a named result
// that the same return statement also reads is unspecified in evaluation
// order; go1.26 builds it into a corrupt slice, so the state lives here.)
type unitEncoder struct {
	index map[string]rune
	vocab []string
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
func unitLen(s string) int {
	r, size := utf8.DecodeRuneInString(s)
	switch {
	case isWord(r):
		i := size
		for i < len(s) {
			r, n := utf8.DecodeRuneInString(s[i:])
			if !isWord(r) {
				// Inner apostrophes and hyphens join a word; trailing ones don't.
				next, _ := utf8.DecodeRuneInString(s[i+n:])
				if r != '\'' && r != '’' && r != '-' || !isWord(next) {
					break
				}
			}
			i += n
		}
		return i
	case r == ' ':
		i := size
		for i < len(s) && s[i] == ' ' {
			i++
		}
		return i
	}
	return size
}
