package cli

import (
	"bufio"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// gitRepo makes an isolated git repository with "main" as its branch.
func gitRepo(t *testing.T) string {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("XDG_CONFIG_HOME", home)
	t.Setenv("GIT_CONFIG_NOSYSTEM", "1")
	t.Setenv("GIT_AUTHOR_NAME", "T")
	t.Setenv("GIT_AUTHOR_EMAIL", "t@example.com")
	t.Setenv("GIT_COMMITTER_NAME", "T")
	t.Setenv("GIT_COMMITTER_EMAIL", "t@example.com")
	dir := t.TempDir()
	gitIn(t, dir, "init", "-q", "-b", "main")
	return dir
}

func gitIn(t *testing.T, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
	return string(out)
}

// lines of the github format, as "file:line".
func annotated(out string) []string {
	var got []string
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		if l == "" {
			continue
		}
		props := strings.SplitN(strings.SplitN(l, " ", 2)[1], "::", 2)[0]
		var file, line string
		for _, kv := range strings.Split(props, ",") {
			k, v, _ := strings.Cut(kv, "=")
			switch k {
			case "file":
				file = v
			case "line":
				line = v
			}
		}
		got = append(got, file+":"+line)
	}
	return got
}

func TestChangedLinesOnly(t *testing.T) {
	dir := gitRepo(t)
	legacy := "# Draft\n\nThe legacy line we recieve.\n\nAnother old line.\n"
	write(t, filepath.Join(dir, "docs", "a.md"), legacy)
	write(t, filepath.Join(dir, "docs", "old.md"), "An untouched file we recieve.\n")
	gitIn(t, dir, "add", ".")
	gitIn(t, dir, "commit", "-q", "-m", "base")
	gitIn(t, dir, "checkout", "-q", "-b", "feature")
	write(t, filepath.Join(dir, "docs", "a.md"), legacy+"\nA new line we recieve.\n")
	gitIn(t, dir, "commit", "-q", "-am", "feature")

	// Bare --changed: the merge-base with main.
	out, stderr, code := runIn(t, dir, nil, "--format", "github", "--changed", "docs")
	if got := strings.Join(annotated(out), " "); got != "docs/a.md:7" || code != ExitFindings {
		t.Errorf("--changed: exit %d, got %q, stderr %q", code, got, stderr)
	}
	// An explicit revision.
	out, _, _ = runIn(t, dir, nil, "--format", "github", "--changed=HEAD~1", "docs")
	if got := strings.Join(annotated(out), " "); got != "docs/a.md:7" {
		t.Errorf("--changed=HEAD~1: got %q", got)
	}
	// Uncommitted edits count; untracked files are new in every line.
	write(t, filepath.Join(dir, "docs", "a.md"), "# Draft\n\nThe legacy line we recieve, edited.\n\nAnother old line.\n\nA new line we recieve.\n")
	write(t, filepath.Join(dir, "docs", "new.md"), "Brand new: recieve.\n")
	out, _, _ = runIn(t, dir, nil, "--format", "github", "--changed", "docs")
	if got := strings.Join(annotated(out), " "); got != "docs/a.md:3 docs/a.md:7 docs/new.md:1" {
		t.Errorf("working tree: got %q", got)
	}
	// --staged: only what is staged.
	gitIn(t, dir, "add", "docs/new.md")
	out, _, _ = runIn(t, dir, nil, "--format", "github", "--changed", "--staged", "docs")
	if got := strings.Join(annotated(out), " "); got != "docs/new.md:1" {
		t.Errorf("--staged: got %q", got)
	}
	out, _, _ = runIn(t, dir, nil, "--format", "github", "--staged", "docs")
	if got := strings.Join(annotated(out), " "); got != "docs/new.md:1" {
		t.Errorf("--staged alone: got %q", got)
	}
	// PRE_COMMIT=1 implies --staged, from a subdirectory too.
	out, _, _ = runIn(t, filepath.Join(dir, "docs"), map[string]string{"PRE_COMMIT": "1"}, "--format", "github", "--changed", ".")
	if got := strings.Join(annotated(out), " "); got != "new.md:1" {
		t.Errorf("PRE_COMMIT=1: got %q", got)
	}
}

func TestChangedOutsideGit(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	dir := t.TempDir()
	t.Setenv("GIT_CEILING_DIRECTORIES", filepath.Dir(dir))
	write(t, filepath.Join(dir, "a.md"), "Fine.\n")
	_, stderr, code := runIn(t, dir, nil, "--changed", "a.md")
	if code != ExitError || !strings.Contains(stderr, "not inside a git work tree") || strings.Count(stderr, "\n") != 1 {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
}

// hook reads one hook's entry from .pre-commit-hooks.yaml (a flat list of
// maps; no YAML library needed for it).
func hook(t *testing.T, id string) []string {
	t.Helper()
	f, err := os.Open("../../.pre-commit-hooks.yaml")
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = f.Close() }()
	sc := bufio.NewScanner(f)
	in := false
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "- id: ") {
			in = strings.TrimSpace(strings.TrimPrefix(line, "- id: ")) == id
		}
		if in && strings.HasPrefix(strings.TrimSpace(line), "entry: ") {
			return strings.Fields(strings.TrimPrefix(strings.TrimSpace(line), "entry: "))
		}
		if in && strings.HasPrefix(strings.TrimSpace(line), "language: ") && !strings.Contains(line, "golang") {
			t.Errorf("hook %s is not language: golang", id)
		}
	}
	t.Fatalf("hook %s not found", id)
	return nil
}

// buildEdlint compiles the command into a temporary directory.
func buildEdlint(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "edlint")
	cmd := exec.Command("go", "build", "-o", bin, "github.com/edlint/edlint/cmd/edlint")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

func TestPreCommitHooks(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	checkHook, fixHook := hook(t, "edlint"), hook(t, "edlint-fix")
	bin := buildEdlint(t)
	dir := gitRepo(t)
	write(t, filepath.Join(dir, "old.md"), "An old draft we recieve.\n")
	gitIn(t, dir, "add", ".")
	gitIn(t, dir, "commit", "-q", "-m", "base")
	write(t, filepath.Join(dir, "draft.md"), "# Draft\n\nWe recieve reports. Another teh typo.\n")
	write(t, filepath.Join(dir, "notes.txt"), "Clean notes.\n")
	gitIn(t, dir, "add", "draft.md", "notes.txt")

	// Run a hook as pre-commit does: entry, then the staged file names,
	// with PRE_COMMIT=1 in the environment.
	runHook := func(entry []string, extra ...string) (string, int) {
		t.Helper()
		staged := strings.Fields(gitIn(t, dir, "diff", "--cached", "--name-only", "--diff-filter=ACMR"))
		args := append(append(append([]string{}, entry[1:]...), extra...), staged...)
		cmd := exec.Command(bin, args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "PRE_COMMIT=1", "NO_COLOR=1")
		out, err := cmd.CombinedOutput()
		code := 0
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			code = ee.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		return string(out), code
	}

	out, code := runHook(checkHook)
	if code != ExitFindings || !strings.Contains(out, "draft.md:3:4") || strings.Contains(out, "old.md") {
		t.Fatalf("check hook: exit %d\n%s", code, out)
	}
	// With --changed, a hook judges only the staged lines.
	write(t, filepath.Join(dir, "old.md"), "An old draft we recieve.\nA clean new line.\n")
	gitIn(t, dir, "add", "old.md")
	out, _ = runHook(checkHook, "--changed")
	if strings.Contains(out, "old.md") || !strings.Contains(out, "draft.md:3:4") {
		t.Errorf("check hook --changed:\n%s", out)
	}

	// The fix hook rewrites the staged draft; the check hook then passes
	// on what was fixed.
	out, _ = runHook(fixHook)
	b, _ := os.ReadFile(filepath.Join(dir, "draft.md"))
	if !strings.Contains(string(b), "We receive reports") {
		t.Fatalf("fix hook did not fix draft.md: %q\n%s", b, out)
	}
	gitIn(t, dir, "add", "draft.md")
	out, _ = runHook(checkHook, "--changed")
	if strings.Contains(out, "recieve") {
		t.Errorf("after the fix hook:\n%s", out)
	}
}
