package report

// The text format as it was before its fast path (a word diff without
// go-diff for the usual one-change suggestion, colours written without
// fmt), kept as the reference the new one must match byte for byte.

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

type refPalette struct {
	path, err, warn, info, rule, match, del, ins, dim *color.Color
}

func refNewPalette(on bool) refPalette {
	p := refPalette{
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

// refText writes findings for people: "path:line:col: severity: message [rule]",
// the source line with the match marked, and the best suggestion as a
// word-level diff of that line; then a one-line summary.
func refText(w io.Writer, files []*lint.File, opts Options) error {
	bw := bufio.NewWriter(w)
	p := refNewPalette(opts.Color)
	// The findings are cut into pieces formatted on every core (the
	// refExcerpt and word diff of each finding is most of the report's time),
	// a window at a time, and written in order: the output is the same as
	// one goroutine's, and memory holds one window, not the whole report.
	pieces := refTextPieces(files)
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

// refTextPiece is a run of one file's findings, or a file's error or skip
// line, formatted as a unit.
type refTextPiece struct {
	f          *lint.File
	start, end int // findings [start, end)
}

// refFindingsPerPiece bounds a piece, so that one big draft's report is
// formatted on several cores too.
const refFindingsPerPiece = 256

func refTextPieces(files []*lint.File) []refTextPiece {
	var out []refTextPiece
	for _, f := range files {
		if f.Err != nil || f.Skipped != "" {
			out = append(out, refTextPiece{f: f})
			continue
		}
		for i := 0; i < len(f.Findings); i += refFindingsPerPiece {
			out = append(out, refTextPiece{f: f, start: i, end: min(i+refFindingsPerPiece, len(f.Findings))})
		}
	}
	return out
}

func (t refTextPiece) write(w io.Writer, p refPalette) {
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
		refWriteFinding(w, p, f, x)
	}
}

func refSeverityColor(p refPalette, s rules.Severity) *color.Color {
	switch s {
	case rules.Error:
		return p.err
	case rules.Warning:
		return p.warn
	}
	return p.info
}

func refWriteFinding(w io.Writer, p refPalette, f *lint.File, x rules.Finding) {
	d := f.Doc
	pos := d.Position(x.Start)
	fmt.Fprintf(w, "%s: %s %s %s\n",
		p.path.Sprintf("%s:%d:%d", f.Path, pos.Line, pos.Column),
		refSeverityColor(p, x.Severity).Sprintf("%s:", x.Severity),
		x.Message, p.rule.Sprintf("[%s]", x.Rule))
	if x.End < x.Start || x.End > len(d.Src) {
		return
	}
	line := d.LineSpan(pos.Line)
	end := x.End
	if end > line.End {
		end = line.End // a multi-line match: show its first line
	}
	before, match, after := refExcerpt(d.Text, line, x.Start, end)
	fmt.Fprintf(w, "    %s%s%s\n", p.dim.Sprint(before), p.match.Sprint(match), p.dim.Sprint(after))
	if len(x.Suggestions) == 0 {
		return
	}
	old := before + match + after
	fixed := before + x.Suggestions[0] + after
	if x.End > line.End {
		fixed = before + strings.SplitN(x.Suggestions[0], "\n", 2)[0] + after
	}
	fmt.Fprintf(w, "    %s\n", refWordDiff(p, old, fixed))
	if len(x.Suggestions) > 1 {
		fmt.Fprintf(w, "    %s %s\n", p.dim.Sprint("also:"), strings.Join(refQuoteAll(x.Suggestions[1:]), ", "))
	}
}

func refQuoteAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = fmt.Sprintf("%q", s)
	}
	return out
}

// refExcerpt cuts the line around [start, end) to at most contextRunes on each
// side, marking cuts with an ellipsis, and replaces tabs so columns line up.
func refExcerpt(text string, line prose.Span, start, end int) (before, match, after string) {
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

// refWordDiff shows how fixed differs from old, word by word: deleted words
// struck through in red, inserted words in green. Without colour the
// changes are marked [-old-]{+new+}, as git diff --word-diff does.
func refWordDiff(p refPalette, old, fixed string) string {
	a, b, vocab := refWordsToRunes(old, fixed)
	dmp := diffmatchpatch.New()
	diffs := dmp.DiffMainRunes(a, b, false)
	var out strings.Builder
	for _, df := range diffs {
		var text strings.Builder
		for _, r := range df.Text {
			text.WriteString(vocab[r-refRuneBase])
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

// refRuneBase puts diff symbols in the private-use area, away from surrogates.
const refRuneBase = 0xE000

// refWordsToRunes maps each word, space run and punctuation mark of both texts
// to one rune, so that the character diff of go-diff becomes a word diff.
func refWordsToRunes(a, b string) (ra, rb []rune, vocab []string) {
	e := &refUnitEncoder{index: make(map[string]rune, 32)}
	ra = e.encode(a)
	rb = e.encode(b)
	return ra, rb, e.vocab
}

// refUnitEncoder numbers diff units. (A closure appending to a named result
// that the same return statement also reads is unspecified in evaluation
// order; go1.26 builds it into a corrupt slice, so the state lives here.)
type refUnitEncoder struct {
	index map[string]rune
	vocab []string
}

func (e *refUnitEncoder) encode(s string) []rune {
	out := make([]rune, 0, len(s)/3+1)
	for s != "" {
		n := refUnitLen(s)
		u := s[:n]
		r, ok := e.index[u]
		if !ok {
			r = refRuneBase + rune(len(e.vocab))
			e.index[u] = r
			e.vocab = append(e.vocab, u)
		}
		out = append(out, r)
		s = s[n:]
	}
	return out
}

// refIsWord reports whether r belongs to a word for the diff: a letter, a
// digit or a combining mark.
func refIsWord(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// refUnitLen is the length of the first diff unit of s: a word (letters,
// digits, inner apostrophes and hyphens), a run of spaces, or one rune.
func refUnitLen(s string) int {
	r, size := utf8.DecodeRuneInString(s)
	switch {
	case refIsWord(r):
		i := size
		for i < len(s) {
			r, n := utf8.DecodeRuneInString(s[i:])
			if !refIsWord(r) {
				// Inner apostrophes and hyphens join a word; trailing ones don't.
				next, _ := utf8.DecodeRuneInString(s[i+n:])
				if r != '\'' && r != '’' && r != '-' || !refIsWord(next) {
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
