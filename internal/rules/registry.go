package rules

import "sort"

// All returns every rule edlint knows, in a stable order. This list is the
// registry: a rule exists when it is here.
func All() []Rule {
	return []Rule{
		// spelling
		Misspelling(),
		UnknownWord(),
		// names
		NameCase(),
		NameDiacritics(),
		NameVariant(),
		UnknownName(),
		// consistency
		ApostropheStyle(),
		QuoteStyle(),
		DashStyle(),
		HyphenAsDash(),
		DecadeStyle(),
		RangeStyle(),
		PercentStyle(),
		CompoundStyle(),
		NameConsistency(),
		EnglishVariety(),
		PreferredForm(),
		// hedging
		Overclaim(),
		NonstandardProbability(),
		VagueHedge(),
		HedgeStacking(),
		ConfidenceLikelihood(),
		YardstickMix(),
		// mechanics
		RepeatedWord(),
		DoubledPunctuation(),
		SpaceBeforePunctuation(),
		MissingSpace(),
		UnbalancedBracket(),
		QuoteMismatch(),
		UnclosedQuote(),
		LowercaseSentenceStart(),
		LowercaseI(),
		ConfusedWord(),
		IndefiniteArticle(),
		CountMismatch(),
		InvisibleCharacter(),
	}
}

// ByName returns the registered rule with that name.
func ByName(name string) (Rule, bool) {
	for _, r := range All() {
		if r.Meta().Name == name {
			return r, true
		}
	}
	return nil, false
}

// CategoriesOf returns the distinct categories of the registered rules, sorted.
func CategoriesOf(rs []Rule) []string {
	seen := map[string]bool{}
	var out []string
	for _, r := range rs {
		c := r.Meta().Category
		if !seen[c] {
			seen[c] = true
			out = append(out, c)
		}
	}
	sort.Strings(out)
	return out
}
