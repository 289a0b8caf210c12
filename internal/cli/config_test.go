package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func write(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestConfigErrorsOneLineExit2(t *testing.T) {
	for _, tc := range []struct{ config, want string }{
		{"[rules]\nunknown-wrod = \"off\"\n", `edlint: .edlint.toml:2: rules.unknown-wrod: unknown rule or category (did you mean "unknown-word"?)`},
		{"fail-level = \"loud\"\n", `edlint: .edlint.toml:1: fail-level: unknown severity "loud"`},
		{"verbose = true\n", `edlint: .edlint.toml:1: verbose: unknown key`},
		{"dictionaries = [\"missing.txt\"]\n", `missing.txt: no such file or directory`},
	} {
		dir := t.TempDir()
		write(t, filepath.Join(dir, ".edlint.toml"), tc.config)
		write(t, filepath.Join(dir, "a.md"), "Fine text.\n")
		_, stderr, code := runIn(t, dir, nil, "a.md")
		if code != ExitError {
			t.Errorf("%q: exit %d, want 2", tc.config, code)
		}
		if !strings.Contains(stderr, tc.want) || strings.Count(stderr, "\n") != 1 {
			t.Errorf("%q: stderr %q, want one line containing %q", tc.config, stderr, tc.want)
		}
	}
}

func TestConfigAppliesPerDirectory(t *testing.T) {
	dir := t.TempDir()
	draft := "We recieve the files.\n"
	write(t, filepath.Join(dir, "a.md"), draft)
	// A nested config turns misspelling off for its folder only.
	write(t, filepath.Join(dir, "sub", ".edlint.toml"), "[rules]\nmisspelling = \"off\"\nunknown-word = \"off\"\n")
	write(t, filepath.Join(dir, "sub", "b.md"), draft)
	out, _, code := runIn(t, dir, nil, "--format", "github", ".")
	if code != ExitFindings || !strings.Contains(out, "file=a.md") || strings.Contains(out, "file=sub/b.md") {
		t.Errorf("exit %d:\n%s", code, out)
	}
	// --config makes one file govern all; --no-config ignores them.
	write(t, filepath.Join(dir, "strict.toml"), "[rules]\nmisspelling = \"info\"\n")
	out, _, code = runIn(t, dir, nil, "--format", "github", "--config", "strict.toml", ".")
	if code != ExitOK || strings.Count(out, "::notice") != 2 {
		t.Errorf("--config: exit %d:\n%s", code, out)
	}
	out, _, _ = runIn(t, dir, nil, "--format", "github", "--no-config", ".")
	if strings.Count(out, "::error") != 2 {
		t.Errorf("--no-config:\n%s", out)
	}
}

func TestConfigFailLevelAndWords(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, ".edlint.toml"), "fail-level = \"error\"\nwords = [\"Zarnitsa\"]\ndictionaries = [\"names.txt\"]\n[rules]\nspelling = \"warning\"\n")
	write(t, filepath.Join(dir, "names.txt"), "# codenames\nKrasnovka\n")
	write(t, filepath.Join(dir, "a.md"), "Operation Zarnitsa and Krasnovka. We recieve.\n")
	out, _, code := runIn(t, dir, nil, "--format", "github", "a.md")
	if code != ExitOK {
		t.Errorf("warnings below the config's fail-level: exit %d\n%s", code, out)
	}
	if strings.Contains(out, "Zarnitsa") || strings.Contains(out, "Krasnovka") || !strings.Contains(out, "::warning") {
		t.Errorf("words or severity not applied:\n%s", out)
	}
	// The flag beats the file.
	if _, _, code := runIn(t, dir, nil, "--fail-level", "warning", "a.md"); code != ExitFindings {
		t.Errorf("--fail-level warning: exit %d", code)
	}
	out, _, _ = runIn(t, dir, nil, "--quiet", "a.md")
	if strings.Contains(out, "1 file") {
		t.Errorf("--quiet printed the summary:\n%s", out)
	}
}

func TestInit(t *testing.T) {
	dir := t.TempDir()
	out, stderr, code := runIn(t, dir, nil, "init")
	if code != ExitOK || !strings.Contains(out, "wrote") {
		t.Fatalf("init: exit %d %q %q", code, out, stderr)
	}
	// The starter is valid and changes nothing.
	write(t, filepath.Join(dir, "a.md"), "Fine text.\n")
	if _, stderr, code := runIn(t, dir, nil, "a.md"); code != ExitOK {
		t.Errorf("lint with the starter config: exit %d %s", code, stderr)
	}
	_, stderr, code = runIn(t, dir, nil, "init")
	if code != ExitError || !strings.Contains(stderr, "already exists") {
		t.Errorf("second init: exit %d %q", code, stderr)
	}
}

func TestHelpDocumentsEveryFlag(t *testing.T) {
	out, _, code := runIn(t, "", nil, "--help")
	if code != ExitOK {
		t.Fatal(code)
	}
	doc, err := os.ReadFile("../../docs/ci.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"--format", "--color", "--fail-level", "--quiet", "--config", "--no-config", "--dict", "--fix", "--diff", "--changed", "--staged", "--yardstick", "--ladder", "--each-file", "--jobs", "--version", "edlint init", "edlint rules"} {
		if !strings.Contains(out, f) {
			t.Errorf("--help does not mention %s", f)
		}
		if !strings.Contains(string(doc), f) {
			t.Errorf("docs/ci.md does not mention %s", f)
		}
	}
	for _, f := range []string{"sarif", "github", "checkstyle", "rdjson", "edlint-disable-next-line", "edlint-enable", "unused-directive"} {
		if !strings.Contains(out, f) || !strings.Contains(string(doc), f) {
			t.Errorf("%s missing from --help or docs/ci.md", f)
		}
	}
}

func TestConfigYardstick(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, ".edlint.toml"), "yardstick = \"phia\"\n")
	write(t, filepath.Join(dir, "a.md"), "It is likely that the visit was planned.\n")
	out, stderr, _ := runIn(t, dir, nil, "--ladder", "a.md")
	if !strings.Contains(out, "under PHIA") {
		t.Errorf("config yardstick not used:\n%s%s", out, stderr)
	}
	out, _, _ = runIn(t, dir, nil, "--ladder", "--yardstick", "nato", "a.md")
	if !strings.Contains(out, "under NATO") {
		t.Errorf("--yardstick does not beat the config:\n%s", out)
	}
	write(t, filepath.Join(dir, ".edlint.toml"), "yardstick = \"kent\"\n")
	_, stderr, code := runIn(t, dir, nil, "a.md")
	if code != ExitError || !strings.Contains(stderr, `.edlint.toml:1: yardstick: unknown yardstick "kent"`) {
		t.Errorf("exit %d: %s", code, stderr)
	}
}
