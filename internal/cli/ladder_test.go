package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestGoldenLadder checks the estimative ladder of the seed draft under the
// default yardstick and under PHIA.
func TestGoldenLadder(t *testing.T) {
	path := filepath.Join("..", "..", "testdata", "seed-draft.txt")
	for _, tc := range []struct {
		golden string
		args   []string
	}{
		{"seed-draft.txt.ladder", []string{"--ladder", path}},
		{"seed-draft.txt.phia.ladder", []string{"--format", "ladder", "--yardstick", "phia", path}},
	} {
		out, errOut, code := runCLI(t, "", tc.args...)
		if code == ExitError {
			t.Fatalf("%v: exit %d: %s", tc.args, code, errOut)
		}
		golden(t, tc.golden, strings.ReplaceAll(out, filepath.Join("..", "..", "testdata")+"/", ""))
	}
}

func TestUnknownYardstick(t *testing.T) {
	_, errOut, code := runCLI(t, "", "--yardstick", "kent", "-")
	if code != ExitError || !strings.Contains(errOut, "unknown yardstick") {
		t.Errorf("exit %d, stderr %q: want exit 2 naming the unknown yardstick", code, errOut)
	}
}
