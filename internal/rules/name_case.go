package rules

import "fmt"

// NameCase reports a known name or acronym written in the wrong case.
func NameCase() Rule {
	return wordRule{
		kind: kindWrongCase,
		meta: Meta{
			Name:     "name-case",
			Category: Names,
			Severity: Error,
			Summary:  "a known name or acronym in the wrong case",
			Doc: `Reports a name, place, organisation or acronym that the name lists, the
user's words or the draft itself know in another case: "ivana" for "Ivana",
"CiA" for "CIA", "czech" for "Czech". The known form is a safe fix. The
lower-case pronoun "i" is left to the mechanics rules.`,
			Before: "He worked for the CiA in Prague.\n",
			After:  "He worked for the CIA in Prague.\n",
		},
		message: func(is wordIssue) string {
			return fmt.Sprintf("%q should be written %q", is.word, is.want[0])
		},
	}
}
