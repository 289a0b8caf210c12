package cli

import (
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// copyTree copies the end-to-end drafts into a fresh directory.
func copyTree(t *testing.T, src string) string {
	t.Helper()
	dst := t.TempDir()
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

func readTree(t *testing.T, root string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(root, p)
		out[rel] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func mtimes(t *testing.T, root string) map[string]time.Time {
	t.Helper()
	out := map[string]time.Time{}
	_ = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			info, _ := d.Info()
			out[p] = info.ModTime()
		}
		return nil
	})
	return out
}

// backdate sets every file's mtime an hour back, so a rewrite shows.
func backdate(t *testing.T, root string) {
	t.Helper()
	old := time.Now().Add(-time.Hour).Truncate(time.Second)
	for p := range mtimes(t, root) {
		if err := os.Chtimes(p, old, old); err != nil {
			t.Fatal(err)
		}
	}
}

func TestFixEqualsDiffAndIsIdempotent(t *testing.T) {
	if _, err := exec.LookPath("patch"); err != nil {
		t.Skip("patch not installed")
	}
	src, _ := filepath.Abs(filepath.Join(e2eDir, "drafts"))
	clean := "# Clean\n\nNothing to fix in this draft.\n"

	// --diff, then patch -p1, in one copy.
	a := copyTree(t, src)
	if err := os.WriteFile(filepath.Join(a, "clean.md"), []byte(clean), 0o644); err != nil {
		t.Fatal(err)
	}
	before := readTree(t, a)
	backdate(t, a)
	mt := mtimes(t, a)
	diff, stderr, code := runIn(t, a, nil, "--diff", ".")
	if code != ExitFindings || stderr != "" {
		t.Fatalf("--diff: exit %d, stderr %q", code, stderr)
	}
	if !strings.Contains(diff, "--- a/draft.md\n+++ b/draft.md\n") {
		t.Errorf("diff lacks a/ b/ headers:\n%s", diff)
	}
	if got := readTree(t, a); !equalTrees(got, before) {
		t.Fatal("--diff changed files")
	}
	for p, m := range mtimes(t, a) {
		if !m.Equal(mt[p]) {
			t.Errorf("--diff touched %s", p)
		}
	}
	cmd := exec.Command("patch", "-p1", "-s")
	cmd.Dir = a
	cmd.Stdin = strings.NewReader(diff)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("patch -p1: %v\n%s\n%s", err, out, diff)
	}

	// --fix in another copy.
	b := copyTree(t, src)
	if err := os.WriteFile(filepath.Join(b, "clean.md"), []byte(clean), 0o644); err != nil {
		t.Fatal(err)
	}
	backdate(t, b)
	mt = mtimes(t, b)
	_, stderr, _ = runIn(t, b, nil, "--fix", ".")
	if !strings.Contains(stderr, "edlint: fixed ") {
		t.Errorf("--fix said: %q", stderr)
	}
	fixed := readTree(t, b)
	if !equalTrees(readTree(t, a), fixed) {
		t.Errorf("--fix and --diff | patch differ:\npatched: %q\nfixed:   %q", readTree(t, a), fixed)
	}
	if fixed["notes.txt"] == before["notes.txt"] || !strings.HasSuffix(fixed["notes.txt"], "receive") {
		t.Errorf("notes.txt not fixed or final newline changed: %q", fixed["notes.txt"])
	}
	after := mtimes(t, b)
	if cl := filepath.Join(b, "clean.md"); !after[cl].Equal(mt[cl]) {
		t.Error("--fix rewrote a file with nothing to fix")
	}

	// A second --fix changes nothing and rewrites nothing.
	backdate(t, b)
	mt = mtimes(t, b)
	_, _, _ = runIn(t, b, nil, "--fix", ".")
	if !equalTrees(readTree(t, b), fixed) {
		t.Error("a second --fix changed files")
	}
	for p, m := range mtimes(t, b) {
		if !m.Equal(mt[p]) {
			t.Errorf("a second --fix rewrote %s", p)
		}
	}
	if d, _, code := runIn(t, b, nil, "--diff", "."); d != "" || code == ExitFindings && d != "" {
		t.Errorf("--diff after --fix is not empty:\n%s", d)
	}
}

func equalTrees(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

func TestFixRefusesStdin(t *testing.T) {
	_, stderr, code := runIn(t, "", nil, "--fix", "-")
	if code != ExitError || !strings.Contains(stderr, "--fix cannot rewrite standard input") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
}

func TestFixAndDiffExclusive(t *testing.T) {
	_, stderr, code := runIn(t, "", nil, "--fix", "--diff", "x.md")
	if code != ExitError || !strings.Contains(stderr, "exclude each other") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
}
