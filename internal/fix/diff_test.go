package fix

import (
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/edlint/edlint/internal/prose"
)

func TestUnifiedDiffFormat(t *testing.T) {
	old := "one\ntwo\nthree\n"
	got := UnifiedDiff("d/x.md", []byte(old), []byte("one\n2\nthree\n"))
	want := "--- a/d/x.md\n+++ b/d/x.md\n@@ -1,3 +1,3 @@\n one\n-two\n+2\n three\n"
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	if UnifiedDiff("x", []byte(old), []byte(old)) != "" {
		t.Error("equal texts gave a diff")
	}
	got = UnifiedDiff("x", []byte("a\nb"), []byte("a\nc"))
	want = "--- a/x\n+++ b/x\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n"
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

// randomCase builds a text and a fixed version of it through random edits,
// as --fix would make them.
func randomCase(r *rand.Rand) (old, new string) {
	words := []string{"teh", "the", "recieve", "receive", "a", "word", "Czeck", "Czech", "  ", "\n", "\r\n", "\n\n", ".", "’"}
	var b strings.Builder
	for i := r.Intn(200); i > 0; i-- {
		b.WriteString(words[r.Intn(len(words))])
		b.WriteByte(' ')
	}
	if r.Intn(2) == 0 {
		b.WriteString("\n")
	}
	old = b.String()
	var edits []prose.Edit
	for off := 0; off < len(old); {
		n := 1 + r.Intn(40)
		if off+n > len(old) {
			break
		}
		if r.Intn(4) == 0 {
			edits = append(edits, prose.Edit{Span: prose.Span{Start: off, End: off + r.Intn(n)}, New: words[r.Intn(len(words))]})
		}
		off += n + 1
	}
	out, err := Apply([]byte(old), edits)
	if err != nil {
		panic(err)
	}
	return old, string(out)
}

func TestUnifiedDiffAppliesWithPatch(t *testing.T) {
	tools := map[string][]string{"patch": {"patch", "-s", "-p1"}, "git": {"git", "apply", "-p1"}}
	for name, argv := range tools {
		if _, err := exec.LookPath(argv[0]); err != nil {
			t.Logf("%s not installed; skipped", name)
			continue
		}
		r := rand.New(rand.NewSource(1))
		for i := 0; i < 40; i++ {
			old, new := randomCase(r)
			dir := t.TempDir()
			if err := os.MkdirAll(filepath.Join(dir, "sub"), 0o755); err != nil {
				t.Fatal(err)
			}
			p := filepath.Join(dir, "sub", "f.md")
			if err := os.WriteFile(p, []byte(old), 0o644); err != nil {
				t.Fatal(err)
			}
			d := UnifiedDiff("sub/f.md", []byte(old), []byte(new))
			if d == "" {
				continue
			}
			cmd := exec.Command(argv[0], argv[1:]...)
			cmd.Dir = dir
			cmd.Stdin = strings.NewReader(d)
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("%s case %d: %v\n%s\ndiff:\n%s", name, i, err, out, d)
			}
			got, _ := os.ReadFile(p)
			if string(got) != new {
				t.Fatalf("%s case %d: applying the diff gave\n%q\nwant\n%q\ndiff:\n%s", name, i, got, new, d)
			}
		}
	}
}
