package fix

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// ErrChanged is returned when a file changed on disk between the moment
// edlint read it and the moment it would have replaced it.
var ErrChanged = errors.New("file changed since edlint read it; not overwritten (run again)")

// Writer replaces files atomically: the new content goes to a temporary
// file in the same directory, is flushed to disk, given the old file's
// mode, and renamed over the old file. A crash at any point leaves either
// the old file or the new one, never a mixture. The zero value is ready to
// use; the hooks exist so tests can inject failures.
type Writer struct {
	// write writes data to the temporary file (default: f.Write).
	write func(f *os.File, data []byte) error
	// beforeRename runs just before the final check and rename.
	beforeRename func(path string) error
}

// WriteFile replaces the file at path, which held orig when it was read,
// with data. It refuses (ErrChanged) when the file no longer holds orig, and
// does nothing when data equals orig, so the file's mtime is kept.
func (w *Writer) WriteFile(path string, orig, data []byte) (err error) {
	if bytes.Equal(orig, data) {
		return nil
	}
	// Write through a symbolic link rather than replace the link.
	if target, err := filepath.EvalSymlinks(path); err == nil {
		path = target
	}
	info, err := os.Stat(path)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	if !info.Mode().IsRegular() {
		return fmt.Errorf("%s: not a regular file", path)
	}
	want := sha256.Sum256(orig)
	if err := unchanged(path, want); err != nil {
		return err
	}
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	tmp, err := os.CreateTemp(dir, "."+base+".edlint-*")
	if err != nil {
		return fmt.Errorf("%s: create temporary file: %w", path, err)
	}
	defer func() {
		if err != nil {
			_ = tmp.Close()
			_ = os.Remove(tmp.Name())
		}
	}()
	write := w.write
	if write == nil {
		write = func(f *os.File, data []byte) error { _, err := f.Write(data); return err }
	}
	if err := write(tmp, data); err != nil {
		return fmt.Errorf("%s: write: %w", path, err)
	}
	if err := tmp.Chmod(info.Mode().Perm()); err != nil {
		return fmt.Errorf("%s: keep mode: %w", path, err)
	}
	if err := tmp.Sync(); err != nil {
		return fmt.Errorf("%s: sync: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("%s: close: %w", path, err)
	}
	if w.beforeRename != nil {
		if err := w.beforeRename(path); err != nil {
			return err
		}
	}
	// The last look: someone may have saved the file while we fixed it.
	if err := unchanged(path, want); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("%s: replace: %w", path, err)
	}
	syncDir(dir)
	return nil
}

func unchanged(path string, want [sha256.Size]byte) error {
	now, err := os.ReadFile(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("%s: %w", path, ErrChanged)
		}
		return fmt.Errorf("%s: %w", path, err)
	}
	if sha256.Sum256(now) != want {
		return fmt.Errorf("%s: %w", path, ErrChanged)
	}
	return nil
}

// syncDir flushes the directory entry of the rename; best effort, as some
// systems cannot sync a directory.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		_ = d.Close()
	}
}
