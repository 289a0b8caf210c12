// Package shareddir finds the team's ../shared directory (sample drafts,
// clean corpora, typo lists) for tests and benchmarks. It imports nothing
// of edlint's, so that every package's tests can use it.
package shareddir

import (
	"os"
	"path/filepath"
)

// Find walks up from the working directory to the nearest ../shared that
// holds corpora and returns its path; "" when there is none, as in a
// user's clone (tests that need it then skip).
func Find() string {
	dir, err := os.Getwd()
	if err != nil {
		return ""
	}
	for {
		cand := filepath.Join(dir, "..", "shared")
		if st, err := os.Stat(filepath.Join(cand, "corpora")); err == nil && st.IsDir() {
			return cand
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}
