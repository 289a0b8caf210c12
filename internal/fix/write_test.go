package fix

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"
)

func writeTemp(t *testing.T, content string, mode os.FileMode) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "draft.md")
	if err := os.WriteFile(p, []byte(content), mode); err != nil {
		t.Fatal(err)
	}
	return p
}

func entries(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	return names
}

func TestWriteFileKeepsMode(t *testing.T) {
	p := writeTemp(t, "old\n", 0o640)
	var w Writer
	if err := w.WriteFile(p, []byte("old\n"), []byte("new\n")); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(p)
	info, _ := os.Stat(p)
	if string(b) != "new\n" || info.Mode().Perm() != 0o640 {
		t.Errorf("got %q mode %v", b, info.Mode())
	}
	if got := entries(t, filepath.Dir(p)); len(got) != 1 {
		t.Errorf("stray files: %v", got)
	}
}

func TestWriteFileNoChangeKeepsMtime(t *testing.T) {
	p := writeTemp(t, "same\n", 0o644)
	old := time.Now().Add(-time.Hour).Truncate(time.Second)
	if err := os.Chtimes(p, old, old); err != nil {
		t.Fatal(err)
	}
	var w Writer
	if err := w.WriteFile(p, []byte("same\n"), []byte("same\n")); err != nil {
		t.Fatal(err)
	}
	info, _ := os.Stat(p)
	if !info.ModTime().Equal(old) {
		t.Errorf("mtime changed: %v, want %v", info.ModTime(), old)
	}
}

func TestWriteFileRefusesChangedFile(t *testing.T) {
	p := writeTemp(t, "edited by someone\n", 0o644)
	var w Writer
	err := w.WriteFile(p, []byte("what edlint read\n"), []byte("fixed\n"))
	if !errors.Is(err, ErrChanged) {
		t.Fatalf("err = %v, want ErrChanged", err)
	}
}

func TestWriteFileDetectsConcurrentEdit(t *testing.T) {
	p := writeTemp(t, "old\n", 0o644)
	w := Writer{beforeRename: func(path string) error {
		// The user saves the file while edlint is fixing it.
		return os.WriteFile(path, []byte("user's edit\n"), 0o644)
	}}
	err := w.WriteFile(p, []byte("old\n"), []byte("new\n"))
	if !errors.Is(err, ErrChanged) {
		t.Fatalf("err = %v, want ErrChanged", err)
	}
	b, _ := os.ReadFile(p)
	if string(b) != "user's edit\n" {
		t.Errorf("the user's edit was lost: %q", b)
	}
	if got := entries(t, filepath.Dir(p)); len(got) != 1 {
		t.Errorf("temporary file left behind: %v", got)
	}
}

func TestWriteFileCrashMidWrite(t *testing.T) {
	p := writeTemp(t, "the original text\n", 0o644)
	boom := errors.New("disk full")
	w := Writer{write: func(f *os.File, data []byte) error {
		if _, err := f.Write(data[:len(data)/2]); err != nil {
			return err
		}
		return boom
	}}
	err := w.WriteFile(p, []byte("the original text\n"), []byte("the corrected text, longer\n"))
	if !errors.Is(err, boom) {
		t.Fatalf("err = %v, want the injected failure", err)
	}
	b, _ := os.ReadFile(p)
	if string(b) != "the original text\n" {
		t.Errorf("file damaged: %q", b)
	}
	if got := entries(t, filepath.Dir(p)); len(got) != 1 {
		t.Errorf("partial temporary file left behind: %v", got)
	}
}

func TestWriteFileThroughSymlink(t *testing.T) {
	p := writeTemp(t, "old\n", 0o644)
	link := filepath.Join(filepath.Dir(p), "link.md")
	if err := os.Symlink(p, link); err != nil {
		t.Skip("no symlinks:", err)
	}
	var w Writer
	if err := w.WriteFile(link, []byte("old\n"), []byte("new\n")); err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Lstat(link); fi.Mode()&os.ModeSymlink == 0 {
		t.Error("the link was replaced by a file")
	}
	if b, _ := os.ReadFile(p); string(b) != "new\n" {
		t.Errorf("target not updated: %q", b)
	}
}
