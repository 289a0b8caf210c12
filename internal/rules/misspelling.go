package rules

import "fmt"

// Misspelling reports common misspellings with exactly one correction, from
// client9/misspell's list; the correction is a safe fix.
func Misspelling() Rule {
	return wordRule{
		kind: kindMisspelling,
		meta: Meta{
			Name:     "misspelling",
			Category: Spelling,
			Severity: Error,
			Summary:  "a common misspelling with exactly one correction",
			Doc: `Reports words found in the list of common English misspellings that
client9/misspell maintains, when the list gives exactly one correction. Because
the correction is unambiguous, --fix applies it. Words the dictionary knows are
never reported, and user words (--dict, edlint-words) take precedence.`,
			Before: "We will recieve the files tomorrow.\n", //nolint:misspell // the example typo
			After:  "We will receive the files tomorrow.\n",
		},
		message: func(is wordIssue) string {
			return fmt.Sprintf("%q is a misspelling of %q", is.word, is.want[0])
		},
	}
}
