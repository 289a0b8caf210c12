package rules

import "fmt"

// NameDiacritics reports a known name missing its diacritics, or with
// different ones.
func NameDiacritics() Rule {
	return wordRule{
		kind: kindWrongDiacritic,
		meta: Meta{
			Name:     "name-diacritics",
			Category: Names,
			Severity: Error,
			Summary:  "a known name written without its diacritics",
			Doc: `Reports a name that the lists, the user's words or the draft know with
diacritics when it is written without them or with others: "Zelnickova" for
"Zelníčková", "Krakow" for "Kraków". Names are compared after Unicode
normalisation, so precomposed and combining forms are the same name. The known
form is a safe fix. To keep an ASCII spelling on purpose, add it with --dict or
an edlint-words comment.`,
			Before: "He married Ivana Zelnickova in 1977.\n",
			After:  "He married Ivana Zelníčková in 1977.\n",
		},
		message: func(is wordIssue) string {
			return fmt.Sprintf("%q is written %q", is.word, is.want[0])
		},
	}
}
