package rules

import "github.com/edlint/edlint/internal/prose"

type hyphenAsDash struct{}

// HyphenAsDash reports hyphens standing in for dashes ("Trump - KGB") in a
// draft that uses real dashes elsewhere.
func HyphenAsDash() Rule { return hyphenAsDash{} }

func (hyphenAsDash) Meta() Meta {
	return Meta{
		Name:     "hyphen-as-dash",
		Category: Consistency,
		Severity: Warning,
		Reads:    []string{factDashes},
		Summary:  "a spaced hyphen used as a dash where the draft uses dashes",
		Doc: "A hyphen with a space on each side (`Almost Certainly - Yes`) is a keyboard stand-in for a " +
			"dash. When the draft sets its other dashes properly, the rule reports the spaced hyphens once, " +
			"at the first, with a count, and the fix turns them into the draft's usual dash. A hyphen " +
			"between two numbers (5 - 3) is a minus and is left alone, and so is a draft that uses no other " +
			"dash at all (its hyphens are at least consistent).",
		Before: "The process — as the KGB ran it — was slow. Almost certainly - yes.\n",
		After:  "The process — as the KGB ran it — was slow. Almost certainly — yes.\n",
	}
}

func (hyphenAsDash) Check(p *Pass) {
	all := gather(p, factDashes, func(d *prose.Document) styleUses { return dashes(d, tokenIndexOf(p, d)) })
	reportMixed(p, factDashes, mixedStyles{
		labels:  dashLabels,
		never:   map[int]bool{dashSpacedHyphen: true},
		quiet:   map[int]bool{dashSpacedEm: true, dashClosedEm: true, dashSpacedEn: true, dashDoubleHyphen: true},
		prefer:  -1,
		convert: convertDash,
		example: textAround,
	}, all)
}
