//go:build unix

package fix

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestWriteFileENOSPC: the disk fills up after part of the new text is
// written. The error names the file and says why; the original is intact
// and the partial temporary file is removed.
func TestWriteFileENOSPC(t *testing.T) {
	const old = "the original text\n"
	p := writeTemp(t, old, 0o644)
	w := Writer{write: func(f *os.File, data []byte) error {
		if _, err := f.Write(data[:3]); err != nil {
			return err
		}
		return &os.PathError{Op: "write", Path: f.Name(), Err: syscall.ENOSPC}
	}}
	err := w.WriteFile(p, []byte(old), []byte("the new text\n"))
	if !errors.Is(err, syscall.ENOSPC) || !strings.HasPrefix(err.Error(), p+": write: ") || !strings.Contains(err.Error(), "no space left on device") {
		t.Fatalf("err = %v", err)
	}
	if b, _ := os.ReadFile(p); string(b) != old {
		t.Errorf("original damaged: %q", b)
	}
	if got := entries(t, filepath.Dir(p)); len(got) != 1 {
		t.Errorf("temporary file left behind: %v", got)
	}
}

// TestWriteFileKilled kills a real process half-way through writing the
// temporary file (no deferred clean-up runs): the original is intact, and
// what is left is at most one hidden .NAME.edlint-* file, which edlint's
// directory walk never lints.
func TestWriteFileKilled(t *testing.T) {
	if p := os.Getenv("EDLINT_KILL_TEST"); p != "" {
		w := Writer{write: func(f *os.File, data []byte) error {
			_, _ = f.Write(data[:len(data)/2])
			_ = f.Sync()
			_ = syscall.Kill(os.Getpid(), syscall.SIGKILL)
			select {} // wait for the signal
		}}
		_ = w.WriteFile(p, []byte("the original text\n"), []byte("the corrected, longer text\n"))
		os.Exit(0) // not reached
	}
	p := writeTemp(t, "the original text\n", 0o644)
	cmd := exec.Command(os.Args[0], "-test.run=^TestWriteFileKilled$")
	cmd.Env = append(os.Environ(), "EDLINT_KILL_TEST="+p)
	err := cmd.Run()
	var ee *exec.ExitError
	if !errors.As(err, &ee) {
		t.Fatalf("child was not killed: %v", err)
	}
	if b, _ := os.ReadFile(p); string(b) != "the original text\n" {
		t.Errorf("original damaged by the kill: %q", b)
	}
	for _, name := range entries(t, filepath.Dir(p)) {
		if name != "draft.md" && !strings.HasPrefix(name, ".draft.md.edlint-") {
			t.Errorf("unexpected file after the kill: %s", name)
		}
	}
}
