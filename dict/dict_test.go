package dict

import (
	"fmt"
	"io/fs"
	"path"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// TestListsWellFormed checks every embedded list: valid UTF-8 in NFC,
// newline-terminated lines, no empty entries or trailing white space, and
// entries sorted in byte order without duplicates. For word<TAB>value
// lines the order and uniqueness are by the first field. Lines starting
// with '#' are comments.
func TestListsWellFormed(t *testing.T) {
	var names []string
	err := fs.WalkDir(FS(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && path.Ext(p) == ".txt" {
			names = append(names, p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(names) == 0 {
		t.Fatal("no embedded .txt lists")
	}
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			b, err := fs.ReadFile(FS(), name)
			if err != nil {
				t.Fatal(err)
			}
			checkList(t, b)
		})
	}
}

func checkList(t *testing.T, b []byte) {
	t.Helper()
	probs := problems(b)
	for i, p := range probs {
		if i == 10 {
			t.Errorf("... and %d more", len(probs)-i)
			break
		}
		t.Error(p)
	}
}

// problems returns what is wrong with one list, or nothing.
func problems(b []byte) []string {
	var out []string
	if !utf8.Valid(b) {
		return []string{"not valid UTF-8"}
	}
	if !norm.NFC.IsNormal(b) {
		out = append(out, "not NFC-normalised")
	}
	if len(b) > 0 && b[len(b)-1] != '\n' {
		out = append(out, "last line has no newline")
	}
	fail := func(n int, format string, args ...any) {
		out = append(out, fmt.Sprintf("line %d: ", n)+fmt.Sprintf(format, args...))
	}
	prev, prevLine := "", 0
	for i, line := range strings.Split(strings.TrimSuffix(string(b), "\n"), "\n") {
		n := i + 1
		if strings.TrimRightFunc(line, unicode.IsSpace) != line {
			fail(n, "trailing white space in %q", line)
		}
		if strings.HasPrefix(line, "#") {
			continue
		}
		key, _, _ := strings.Cut(line, "\t")
		if strings.TrimSpace(key) == "" {
			fail(n, "empty entry")
			continue
		}
		if strings.TrimLeftFunc(line, unicode.IsSpace) != line {
			fail(n, "leading white space in %q", line)
		}
		if prevLine > 0 {
			switch c := strings.Compare(prev, key); {
			case c == 0:
				fail(n, "duplicate entry %q (line %d)", key, prevLine)
			case c > 0:
				fail(n, "%q is out of order after %q (line %d)", key, prev, prevLine)
			}
		}
		prev, prevLine = key, n
	}
	return out
}

// TestProblems makes sure the checker itself catches each kind of fault.
func TestProblems(t *testing.T) {
	bad := map[string]string{
		"unsorted":         "b\na\n",
		"duplicate":        "a\na\n",
		"duplicate key":    "a\t1\na\t2\n",
		"empty line":       "a\n\nb\n",
		"trailing space":   "a \nb\n",
		"trailing tab":     "a\t\n",
		"no final newline": "a\nb",
		"not NFC":          "cafe\u0301\n",
		"not UTF-8":        "a\xff\n",
		"CRLF":             "a\r\nb\r\n",
	}
	for name, text := range bad {
		if len(problems([]byte(text))) == 0 {
			t.Errorf("%s: %q passed the check", name, text)
		}
	}
	good := "# comment\nA\nAB\na\tb\nab\t1\nb\n"
	if p := problems([]byte(good)); len(p) != 0 {
		t.Errorf("%q failed the check: %v", good, p)
	}
}
