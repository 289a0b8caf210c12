package rules

import "fmt"

// NameVariant reports a rarer spelling of a name the draft uses more often.
func NameVariant() Rule {
	return wordRule{
		kind: kindNameVariant,
		meta: Meta{
			Name:     "name-variant",
			Category: Names,
			Severity: Error,
			Summary:  "an unknown name one edit from a name the draft uses more often",
			Doc: `Reports a capitalised word that no dictionary knows when it is one edit
(two for long names) from another unknown name that the draft uses more often,
with the same first letter: "Shvet" in a draft that says "Shvets" six times.
The majority form is suggested and the finding points at where it is used.
It is not a safe fix: two people can have names one letter apart.`,
			Before: "Yuri Shvets served in Washington. Shvets later left. Shvet said so.\n",
			After:  "Yuri Shvets served in Washington. Shvets later left. Shvets said so.\n",
		},
		message: func(is wordIssue) string {
			return fmt.Sprintf("%q (%d×) looks like a misspelling of %q (%d× in this draft)", is.word, is.count, is.want[0], is.other)
		},
	}
}
