package fix

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/edlint/edlint/internal/prose"
)

// applyUnified applies a unified diff of one file to old, strictly: every
// context and removed line must match. It is the check that the diff says
// exactly what changed.
func applyUnified(old, diff string) (string, error) {
	lines := splitLines(diff)
	if len(lines) < 2 || !strings.HasPrefix(lines[0], "--- a/") || !strings.HasPrefix(lines[1], "+++ b/") {
		return "", errors.New("bad header")
	}
	src := splitLines(old)
	var out strings.Builder
	pos := 0 // next source line to copy
	i := 2
	for i < len(lines) {
		h := strings.TrimSuffix(lines[i], "\n")
		if _, err := fmt.Sscanf(h, "@@ -%s +%s @@", new(string), new(string)); err != nil {
			return "", fmt.Errorf("bad hunk header %q", h)
		}
		f := strings.Fields(h)
		oldStart, oldLen := parseRange(f[1][1:])
		_, newLen := parseRange(f[2][1:])
		first := oldStart - 1
		if oldLen == 0 {
			first = oldStart
		}
		if first < pos || first > len(src) {
			return "", errors.New("hunk out of order")
		}
		for ; pos < first; pos++ {
			out.WriteString(src[pos])
		}
		i++
		gotOld, gotNew := 0, 0
		for i < len(lines) && !strings.HasPrefix(lines[i], "@@") {
			l := lines[i]
			body := l[1:]
			// "\ No newline at end of file" strips the newline of the line before.
			noEOL := i+1 < len(lines) && strings.HasPrefix(lines[i+1], `\ `)
			if noEOL {
				body = strings.TrimSuffix(body, "\n")
			}
			switch l[0] {
			case ' ', '-':
				if pos >= len(src) || src[pos] != body {
					return "", fmt.Errorf("line %d does not match: %q vs %q", pos+1, body, src[pos:min(pos+1, len(src))])
				}
				pos++
				gotOld++
				if l[0] == ' ' {
					out.WriteString(body)
					gotNew++
				}
			case '+':
				out.WriteString(body)
				gotNew++
			default:
				return "", fmt.Errorf("bad line %q", l)
			}
			i++
			if noEOL {
				i++
			}
		}
		if gotOld != oldLen || gotNew != newLen {
			return "", fmt.Errorf("hunk counts %d,%d, header says %d,%d", gotOld, gotNew, oldLen, newLen)
		}
	}
	for ; pos < len(src); pos++ {
		out.WriteString(src[pos])
	}
	return out.String(), nil
}

func parseRange(s string) (start, n int) {
	a, b, ok := strings.Cut(s, ",")
	start, _ = strconv.Atoi(a)
	n = 1
	if ok {
		n, _ = strconv.Atoi(b)
	}
	return start, n
}

func FuzzUnifiedDiff(f *testing.F) {
	f.Add("one\ntwo\nthree\n", "one\n2\nthree\n")
	f.Add("a\nb", "a\nc")
	f.Add("a\r\nb\r\n", "a\r\nB\r\n")
	f.Add("", "new\n")
	f.Add("old\n", "")
	f.Add("1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n", "1\n2\nX\n4\n5\n6\n7\n8\nY\n10\n")
	f.Fuzz(func(t *testing.T, old, fixed string) {
		d := UnifiedDiff("f.md", []byte(old), []byte(fixed))
		if old == fixed {
			if d != "" {
				t.Fatal("diff of equal texts")
			}
			return
		}
		got, err := applyUnified(old, d)
		if err != nil {
			t.Fatalf("%v\ndiff:\n%s", err, d)
		}
		if got != fixed {
			t.Fatalf("applying the diff gave %q, want %q\ndiff:\n%s", got, fixed, d)
		}
	})
}

func FuzzApply(f *testing.F) {
	f.Add("We recieve teh files.", []byte{3, 10, 0, 18, 21, 1})
	f.Fuzz(func(t *testing.T, src string, ops []byte) {
		// Each triple of bytes is an edit: start, length, replacement.
		var edits []prose.Edit
		for i := 0; i+2 < len(ops); i += 3 {
			s := int(ops[i]) % (len(src) + 1)
			e := s + int(ops[i+1])%4
			if e > len(src) {
				e = len(src)
			}
			edits = append(edits, prose.Edit{Span: prose.Span{Start: s, End: e}, New: strings.Repeat("x", int(ops[i+2])%3)})
		}
		out, err := Apply([]byte(src), edits)
		if err != nil {
			return // overlapping or unsorted: refused, not applied
		}
		want := len(src)
		for _, e := range edits {
			want += len(e.New) - e.Len()
		}
		if len(out) != want {
			t.Fatalf("length %d, want %d", len(out), want)
		}
	})
}
