package cli

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/iotest"
)

// TestReadLimited reads through readers that return short reads, data
// with io.EOF, and errors, with size hints that are right, short (a file
// that grew while read), long (one that shrank) and absent, with and
// without a limit.
func TestReadLimited(t *testing.T) {
	text := strings.Repeat("The Shvets file, page by page. ", 700) // 21,700 bytes: several growths past MinRead
	readers := map[string]func() io.Reader{
		"plain":    func() io.Reader { return strings.NewReader(text) },
		"one byte": func() io.Reader { return iotest.OneByteReader(strings.NewReader(text)) },
		"half":     func() io.Reader { return iotest.HalfReader(strings.NewReader(text)) },
		"data+EOF": func() io.Reader { return iotest.DataErrReader(strings.NewReader(text)) },
	}
	for name, mk := range readers {
		for _, hint := range []int64{0, int64(len(text)), 10, int64(len(text)) * 2} {
			got, err := readLimited(mk(), 0, hint)
			if err != nil || !bytes.Equal(got, []byte(text)) {
				t.Errorf("%s, hint %d: got %d bytes, err %v; want %d bytes", name, hint, len(got), err, len(text))
			}
			if _, err := readLimited(mk(), int64(len(text)), hint); err != nil {
				t.Errorf("%s, hint %d, limit = size: %v", name, hint, err)
			}
			if _, err := readLimited(mk(), int64(len(text))-1, hint); !errors.Is(err, errTooLarge) {
				t.Errorf("%s, hint %d, limit = size-1: err %v, want errTooLarge", name, hint, err)
			}
		}
	}
	boom := errors.New("boom")
	if _, err := readLimited(io.MultiReader(strings.NewReader(text), iotest.ErrReader(boom)), 0, int64(len(text))); !errors.Is(err, boom) {
		t.Errorf("a read error after data: err %v, want boom", err)
	}
	if got, err := readLimited(strings.NewReader(""), 0, 0); err != nil || len(got) != 0 {
		t.Errorf("empty input: %q, %v", got, err)
	}
}

// TestSizeOf: a regular file (standard input redirected from one) gives
// its size as the read's hint; anything else gives none.
func TestSizeOf(t *testing.T) {
	path := filepath.Join(t.TempDir(), "d.txt")
	if err := os.WriteFile(path, []byte("twelve bytes"), 0o600); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = f.Close() }()
	if got := sizeOf(f); got != 12 {
		t.Errorf("sizeOf(regular file) = %d, want 12", got)
	}
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = r.Close(); _ = w.Close() }()
	if got := sizeOf(r); got != 0 {
		t.Errorf("sizeOf(pipe) = %d, want 0", got)
	}
	if got := sizeOf(strings.NewReader("abc")); got != 0 {
		t.Errorf("sizeOf(strings.Reader) = %d, want 0", got)
	}
}
