package cli

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/edlint/edlint/internal/lint"
	"github.com/edlint/edlint/internal/rules"
)

// changedAuto is the value of a bare --changed: the staged changes in a
// pre-commit hook, otherwise the changes since the merge-base with the
// default branch.
const changedAuto = "auto"

// changeSet holds, per file (absolute, symlinks resolved), the lines added
// or changed. A file with a nil line set counts as wholly new.
type changeSet struct {
	desc  string // what was compared, for messages
	files map[string]map[int]bool
}

// git runs git in dir and returns its standard output.
func git(dir string, args ...string) (string, error) {
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		msg := strings.TrimSpace(stderr.String())
		if i := strings.IndexByte(msg, '\n'); i >= 0 {
			msg = msg[:i]
		}
		if msg == "" {
			msg = err.Error()
		}
		return "", fmt.Errorf("git %s: %s", strings.Join(args, " "), msg)
	}
	return string(out), nil
}

// resolveChanged works out what --changed compares against and collects the
// changed lines.
func resolveChanged(rev string, staged bool, getenv func(string) string) (*changeSet, error) {
	if _, err := exec.LookPath("git"); err != nil {
		return nil, errors.New("--changed needs git, which is not installed")
	}
	top, err := git(".", "rev-parse", "--show-toplevel")
	if err != nil {
		return nil, fmt.Errorf("--changed: not inside a git work tree (%w)", err)
	}
	top = strings.TrimSpace(top)
	if t, err := filepath.EvalSymlinks(top); err == nil {
		top = t
	}
	diffArgs := []string{"-c", "core.quotePath=false", "diff", "--no-color", "--no-ext-diff", "--no-textconv",
		"--unified=0", "--src-prefix=a/", "--dst-prefix=b/"}
	untracked := false
	desc := ""
	inHook := getenv("PRE_COMMIT") == "1"
	switch {
	case rev != changedAuto:
		if staged {
			diffArgs = append(diffArgs, "--cached")
		}
		diffArgs = append(diffArgs, rev)
		desc, untracked = rev, !staged && !strings.Contains(rev, "..")
	case inHook && getenv("PRE_COMMIT_FROM_REF") != "" && getenv("PRE_COMMIT_TO_REF") != "":
		r := getenv("PRE_COMMIT_FROM_REF") + "..." + getenv("PRE_COMMIT_TO_REF")
		diffArgs = append(diffArgs, r)
		desc = r
	case staged || inHook:
		diffArgs = append(diffArgs, "--cached")
		desc = "the staged changes"
	default:
		base, branch, err := mergeBase(top, getenv)
		if err != nil {
			return nil, err
		}
		diffArgs = append(diffArgs, base)
		desc, untracked = "the merge-base with "+branch, true
	}
	out, err := git(top, diffArgs...)
	if err != nil {
		return nil, fmt.Errorf("--changed: %w", err)
	}
	cs := &changeSet{desc: desc, files: parseUnifiedZero(out, top)}
	if untracked {
		// Files git does not track yet are new in every line.
		list, err := git(top, "ls-files", "--others", "--exclude-standard", "-z")
		if err == nil {
			for _, p := range strings.Split(list, "\x00") {
				if p != "" {
					cs.files[filepath.Join(top, filepath.FromSlash(p))] = nil
				}
			}
		}
	}
	return cs, nil
}

// mergeBase finds the merge-base of HEAD with the default branch: the pull
// request's base on GitHub Actions, else origin/HEAD, main or master.
func mergeBase(top string, getenv func(string) string) (base, branch string, err error) {
	var cands []string
	if b := getenv("GITHUB_BASE_REF"); b != "" {
		cands = append(cands, "origin/"+b, b)
	}
	if head, err := git(top, "symbolic-ref", "-q", "--short", "refs/remotes/origin/HEAD"); err == nil && strings.TrimSpace(head) != "" {
		cands = append(cands, strings.TrimSpace(head))
	}
	cands = append(cands, "main", "master", "origin/main", "origin/master")
	for _, c := range cands {
		if _, err := git(top, "rev-parse", "--verify", "-q", c+"^{commit}"); err != nil {
			continue
		}
		mb, err := git(top, "merge-base", "HEAD", c)
		if err != nil {
			return "", "", fmt.Errorf("--changed: no merge-base of HEAD and %s (%w); in a shallow clone fetch more history, or name a revision: --changed=REV", c, err)
		}
		return strings.TrimSpace(mb), c, nil
	}
	return "", "", errors.New("--changed: cannot find the default branch (origin/HEAD, main or master); name a revision: --changed=REV")
}

// parseUnifiedZero reads "git diff --unified=0" output: the new-side path of
// each file and the line ranges of its hunks.
func parseUnifiedZero(out, top string) map[string]map[int]bool {
	files := map[string]map[int]bool{}
	var cur map[int]bool
	sc := bufio.NewScanner(strings.NewReader(out))
	sc.Buffer(make([]byte, 64*1024), 16*1024*1024)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "+++ "):
			name := strings.TrimPrefix(line, "+++ ")
			if strings.HasPrefix(name, `"`) {
				if u, err := strconv.Unquote(name); err == nil {
					name = u
				}
			}
			if name == "/dev/null" || !strings.HasPrefix(name, "b/") {
				cur = nil
				continue
			}
			cur = map[int]bool{}
			files[filepath.Join(top, filepath.FromSlash(strings.TrimPrefix(name, "b/")))] = cur
		case strings.HasPrefix(line, "@@ ") && cur != nil:
			// @@ -a,b +c,d @@
			fields := strings.Fields(line)
			if len(fields) < 3 || !strings.HasPrefix(fields[2], "+") {
				continue
			}
			startS, countS, found := strings.Cut(fields[2][1:], ",")
			start, err := strconv.Atoi(startS)
			if err != nil {
				continue
			}
			count := 1
			if found {
				if count, err = strconv.Atoi(countS); err != nil {
					continue
				}
			}
			for l := start; l < start+count; l++ {
				cur[l] = true
			}
		}
	}
	return files
}

// absKey turns a linted path into the key changeSet uses.
func absKey(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		return path
	}
	dir, base := filepath.Split(abs)
	if d, err := filepath.EvalSymlinks(dir); err == nil {
		return filepath.Join(d, base)
	}
	return abs
}

// filter keeps the findings of f that touch a changed line.
func (cs *changeSet) filter(f *lint.File) {
	if f.Doc == nil {
		return
	}
	lines, ok := cs.files[absKey(f.Path)]
	if ok && lines == nil {
		return // a new file: every line is new
	}
	kept := f.Findings[:0]
	for _, x := range f.Findings {
		if ok && touches(f, x, lines) {
			kept = append(kept, x)
		}
	}
	f.Findings = kept
}

func touches(f *lint.File, x rules.Finding, lines map[int]bool) bool {
	first := f.Doc.Position(x.Start).Line
	last := first
	if x.End > x.Start {
		last = f.Doc.Position(x.End - 1).Line
	}
	for l := first; l <= last; l++ {
		if lines[l] {
			return true
		}
	}
	return false
}

// envGetter is os.Getenv; tests swap in their own environment.
func envGetter(env map[string]string) func(string) string {
	if env == nil {
		return os.Getenv
	}
	return func(k string) string { return env[k] }
}
