package rules

// UnknownWord reports words that are in no dictionary, with suggestions.
func UnknownWord() Rule {
	return wordRule{
		kind: kindUnknown,
		meta: Meta{
			Name:     "unknown-word",
			Category: Spelling,
			Severity: Error,
			Summary:  "a word that is in no dictionary, with the likeliest corrections",
			Doc: `Reports every word that the English dictionary (SCOWL, US and British
spellings), the curated name lists, the user's words and the draft's own names
do not contain. Possessives, contractions, hyphenated compounds (each part is
checked), ordinals, decades, dotted abbreviations, acronyms and tokens with
digits are accepted. Suggestions are ranked by a noisy-channel model: edit
distance with cheap transpositions, doubled letters and keyboard neighbours, a
phonetic key, and word frequency. A capitalised unknown word that the draft
uses consistently is taken as a name (see unknown-name) unless it is one edit
from a dictionary word. A lower-case word made of two dictionary words
(rulemaking, watchlist) is only information: compounds outrun every list, and
the consistency rules catch a draft that writes one two ways. Words built
with a productive prefix or suffix on a known word (nonfederal, interagency,
requesters) are accepted. Suggestions are never applied by --fix.`,
			Before: "Followig the trip, the files were released.\n",
			After:  "Following the trip, the files were released.\n",
		},
		message: func(is wordIssue) string {
			// (quote, not fmt.Sprintf: a long draft has thousands.)
			if is.compound {
				return "unknown word " + quote(is.word) + ": two words run together, or a compound the dictionary lacks"
			}
			return "unknown word " + quote(is.word)
		},
	}
}
