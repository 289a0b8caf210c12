package report

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/edlint/edlint/internal/lint"
	"github.com/edlint/edlint/internal/rules"
)

// Ladder writes the estimative ladder of each file: every estimative
// expression of the draft with its band under the chosen yardstick and its
// line, most probable first, so that an editor sees at a glance that one
// draft says "100% certain", "almost certainly" and "high probability"
// about related claims. Hedges with no band come last.
func Ladder(w io.Writer, files []*lint.File, opts Options) error {
	bw := bufio.NewWriter(w)
	y, err := rules.LookupYardstick(opts.RuleOptions.Yardstick)
	if err != nil {
		return err
	}
	for i, f := range files {
		if f.Doc == nil {
			continue
		}
		if i > 0 {
			fmt.Fprintln(bw)
		}
		if err := writeLadder(bw, f, y, opts.RuleOptions); err != nil {
			return err
		}
	}
	return bw.Flush()
}

func writeLadder(w *bufio.Writer, f *lint.File, y *rules.Yardstick, ropts rules.Options) error {
	var es []rules.Estimate
	for _, e := range rules.Estimates(f.Doc, ropts) {
		if e.Kind == rules.EstFrame || e.Kind == rules.EstConfidence {
			continue
		}
		es = append(es, e)
	}
	sort.SliceStable(es, func(i, j int) bool {
		return rung(es[i]) > rung(es[j])
	})
	fmt.Fprintf(w, "%s: estimative ladder under %s, most probable first (%d expressions)\n", f.Path, y.Title, len(es))
	if len(es) == 0 {
		return nil
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "  band\tline\texpression\tunder "+y.Title)
	for _, e := range es {
		pos := f.Doc.Position(e.Start)
		text := strings.Join(strings.Fields(f.Doc.Slice(e.Span)), " ")
		fmt.Fprintf(tw, "  %s\t%d\t%q\t%s\n", ladderBand(e), pos.Line, text, ladderNote(e, y))
	}
	return tw.Flush()
}

// rung places an expression on the ladder: the number it states, or the
// middle of its band, so that expressions of one band stay together in
// source order; hedges with no band (-1) come last.
func rung(e rules.Estimate) float64 {
	switch e.Kind {
	case rules.EstAbsolute, rules.EstBooster, rules.EstPercent, rules.EstHedge, rules.EstStack:
		return e.Percent
	}
	return e.Band.Mid()
}

// ladderBand is what the expression claims: its band, its number, or a
// certainty.
func ladderBand(e rules.Estimate) string {
	switch e.Kind {
	case rules.EstAbsolute, rules.EstBooster, rules.EstPercent:
		return rules.Band{Low: e.Percent, High: e.Percent}.String()
	case rules.EstHedge, rules.EstStack:
		return "no band"
	}
	return e.Band.String()
}

func ladderNote(e rules.Estimate, y *rules.Yardstick) string {
	var note string
	switch e.Kind {
	case rules.EstTerm:
		note = "term"
		if e.Row == "likelihood" || e.Row == "probability" {
			note = e.Row + " row"
		}
	case rules.EstForeign:
		from, err := rules.LookupYardstick(e.From)
		name := e.From
		if err == nil {
			name = from.Title
		}
		note = fmt.Sprintf("%s term → %q", name, e.Term)
	case rules.EstPhrase:
		note = fmt.Sprintf("not a term → %q", e.Term)
	case rules.EstPercent:
		note = fmt.Sprintf("number, in the %q band (%s)", e.Term, e.Band)
	case rules.EstAbsolute:
		note = fmt.Sprintf("certainty claimed → %q (%s)", e.Term, e.Band)
	case rules.EstBooster:
		note = fmt.Sprintf("booster → %q (%s)", e.Term, e.Band)
		if e.Misspelled != "" {
			note = fmt.Sprintf("booster (%q misspelled) → %q (%s)", e.Misspelled, e.Term, e.Band)
		}
	case rules.EstHedge, rules.EstStack:
		note = "vague: say which band"
	}
	switch {
	case e.Quoted:
		note += " [quoted]"
	case e.Attributed:
		note += " [attributed]"
	}
	return note
}
