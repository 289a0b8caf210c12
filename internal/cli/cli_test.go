package cli

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files")

func runCLI(t *testing.T, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	code = Main(args, strings.NewReader(stdin), &out, &errb)
	return out.String(), errb.String(), code
}

// golden compares got with testdata/golden/name, rewriting it with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("..", "..", "testdata", "golden", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./internal/cli -update)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from golden:\n--- got ---\n%s\n--- want ---\n%s", name, got, want)
	}
}

// stable removes the timing from the summary line.
func stable(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		if j := strings.LastIndex(l, " ("); j > 0 && strings.HasSuffix(l, "s)") {
			lines[i] = l[:j]
		}
	}
	return strings.Join(lines, "\n")
}

func TestGoldenText(t *testing.T) {
	for _, name := range []string{"sample.md", "seed-draft.txt"} {
		out, _, code := runCLI(t, "", "--color", "never", filepath.Join("..", "..", "testdata", name))
		if code != ExitFindings {
			t.Errorf("%s: exit %d, want %d", name, code, ExitFindings)
		}
		golden(t, name+".text", stable(strings.ReplaceAll(out, filepath.Join("..", "..", "testdata")+"/", "")))
	}
}

func TestGoldenJSON(t *testing.T) {
	for _, name := range []string{"sample.md", "seed-draft.txt"} {
		out, _, _ := runCLI(t, "", "--format", "json", filepath.Join("..", "..", "testdata", name))
		var doc struct {
			Version  int `json:"version"`
			Findings []struct {
				Offset      int      `json:"offset"`
				EndOffset   int      `json:"end_offset"`
				Match       string   `json:"match"`
				Suggestions []string `json:"suggestions"`
			} `json:"findings"`
		}
		if err := json.Unmarshal([]byte(out), &doc); err != nil {
			t.Fatalf("%s: invalid JSON: %v", name, err)
		}
		if doc.Version != 1 {
			t.Errorf("version %d", doc.Version)
		}
		src, _ := os.ReadFile(filepath.Join("..", "..", "testdata", name))
		for _, f := range doc.Findings {
			if string(src[f.Offset:f.EndOffset]) != f.Match {
				t.Errorf("match %q is not the source bytes at [%d,%d)", f.Match, f.Offset, f.EndOffset)
			}
			if f.Suggestions == nil {
				t.Errorf("suggestions must always be present")
			}
		}
		golden(t, name+".json", strings.ReplaceAll(out, filepath.Join("..", "..", "testdata")+"/", ""))
	}
}

func TestMissingFileStillLintsOthers(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.md")
	if err := os.WriteFile(good, []byte("We recieve mail.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errs, code := runCLI(t, "", "--color", "never", filepath.Join(dir, "missing.md"), good)
	if code != ExitError {
		t.Errorf("exit %d, want %d", code, ExitError)
	}
	if !strings.Contains(errs, "missing.md: no such file or directory") {
		t.Errorf("stderr does not name the missing file: %q", errs)
	}
	if !strings.Contains(out, "recieve") {
		t.Errorf("the readable file was not linted: %q", out)
	}
}

func TestBinaryEmptyAndInvalidUTF8(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	bin := write("bin.txt", []byte("abc\x00def"))
	empty := write("empty.md", nil)
	bad := write("bad.txt", []byte("Good text \xff here and recieve.\n"))
	out, errs, code := runCLI(t, "", "--format", "json", bin, empty, bad)
	if code != ExitFindings {
		t.Errorf("exit %d, want %d (stderr %q)", code, ExitFindings, errs)
	}
	if !strings.Contains(errs, "bin.txt: skipped: binary") {
		t.Errorf("binary file not reported as skipped: %q", errs)
	}
	if !strings.Contains(out, `"rule": "invalid-utf8"`) || !strings.Contains(out, "offset 10") {
		t.Errorf("invalid UTF-8 not reported with its offset: %s", out)
	}
	if !strings.Contains(out, `"match": "recieve"`) {
		t.Errorf("the rest of the invalid file was not linted: %s", out)
	}
}

func TestStdinAndUsage(t *testing.T) {
	out, _, code := runCLI(t, "Teh end.\n", "--color", "never", "-")
	if code != ExitFindings || !strings.Contains(out, "<stdin>:1:1") {
		t.Errorf("stdin: exit %d, out %q", code, out)
	}
	_, errs, code := runCLI(t, "", "--format", "yaml")
	if code != ExitError || !strings.Contains(errs, `unknown format "yaml"`) {
		t.Errorf("bad format: exit %d, %q", code, errs)
	}
	out, _, code = runCLI(t, "", "--help")
	if code != ExitOK || !strings.Contains(out, "Examples:") {
		t.Errorf("help: exit %d", code)
	}
	out, _, code = runCLI(t, "", "rules")
	if code != ExitOK || !strings.Contains(out, "unknown-word") {
		t.Errorf("rules: exit %d, %q", code, out)
	}
}

func TestDirectoryWalkSkipsHiddenAndVendor(t *testing.T) {
	dir := t.TempDir()
	for _, p := range []string{"a.md", "sub/b.txt", ".git/c.md", "vendor/d.md", "node_modules/e.md", "f.go"} {
		full := filepath.Join(dir, p)
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte("Teh text.\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out, _, _ := runCLI(t, "", "--format", "json", dir)
	for _, want := range []string{"a.md", "b.txt"} {
		if !strings.Contains(out, want) {
			t.Errorf("%s not linted", want)
		}
	}
	for _, skip := range []string{"c.md", "d.md", "e.md", "f.go"} {
		if strings.Contains(out, skip) {
			t.Errorf("%s should be skipped", skip)
		}
	}
}
