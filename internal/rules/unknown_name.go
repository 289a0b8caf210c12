package rules

import "strconv"

// UnknownName notes a capitalised word the draft uses as a name that no
// dictionary knows.
func UnknownName() Rule {
	return wordRule{
		kind: kindLearntName,
		meta: Meta{
			Name:     "unknown-name",
			Category: Names,
			Severity: Info,
			Summary:  "a name no dictionary knows, taken from the draft",
			Doc: `A capitalised word that is in no dictionary and is not a near miss of a
dictionary word or of another name in the draft is taken to be a name: drafts
are full of surnames no list can hold. It is reported only as information, so
that a writer can add it to a project word list (--dict, or an edlint-words
comment in the draft) once it is confirmed, after which edlint also catches its
misspellings and wrong case. Each name is noted once, at its first use, with
its other uses as related places.`,
			Before: "Sergei Zhirnovsk made the claim.\n",
			After:  "<!-- edlint-words: Zhirnovsk -->\nSergei Zhirnovsk made the claim.\n",
		},
		message: func(is wordIssue) string {
			return "unknown name " + quote(is.word) + " (" + strconv.Itoa(is.count) + "× in this draft): add it to a word list if it is right"
		},
	}
}
