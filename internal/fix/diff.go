package fix

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/pmezard/go-difflib/difflib"
)

// contextLines is the context a unified diff hunk carries, as diff -u.
const contextLines = 3

// UnifiedDiff returns the changes from old to fixed as a unified diff with
// a/ and b/ prefixes, which "patch -p1" and "git apply" accept; "" when
// they are equal. name is the file's slash-separated path. A last line
// without a newline is marked "\ No newline at end of file", so applying
// the diff reproduces fixed byte for byte.
func UnifiedDiff(name string, old, fixed []byte) string {
	if bytes.Equal(old, fixed) {
		return ""
	}
	a, b := splitLines(string(old)), splitLines(string(fixed))
	m := difflib.NewMatcherWithJunk(a, b, false, nil)
	var out strings.Builder
	fmt.Fprintf(&out, "--- a/%s\n+++ b/%s\n", name, name)
	for _, group := range m.GetGroupedOpCodes(contextLines) {
		first, last := group[0], group[len(group)-1]
		fmt.Fprintf(&out, "@@ -%s +%s @@\n", hunkRange(first.I1, last.I2), hunkRange(first.J1, last.J2))
		for _, op := range group {
			if op.Tag == 'e' {
				writeLines(&out, ' ', a[op.I1:op.I2])
				continue
			}
			if op.Tag == 'r' || op.Tag == 'd' {
				writeLines(&out, '-', a[op.I1:op.I2])
			}
			if op.Tag == 'r' || op.Tag == 'i' {
				writeLines(&out, '+', b[op.J1:op.J2])
			}
		}
	}
	return out.String()
}

// hunkRange formats a half-open line range [i, j) (0-based) as a unified
// diff range: "start,count", "start" when count is 1, and for an empty
// range the line before it.
func hunkRange(i, j int) string {
	n := j - i
	switch n {
	case 0:
		return fmt.Sprintf("%d,0", i)
	case 1:
		return fmt.Sprintf("%d", i+1)
	}
	return fmt.Sprintf("%d,%d", i+1, n)
}

func writeLines(out *strings.Builder, mark byte, lines []string) {
	for _, l := range lines {
		out.WriteByte(mark)
		out.WriteString(l)
		if !strings.HasSuffix(l, "\n") {
			out.WriteString("\n\\ No newline at end of file\n")
		}
	}
}

// splitLines splits s after each "\n", keeping the terminators, so that a
// missing final newline is visible to the diff.
func splitLines(s string) []string {
	var lines []string
	for s != "" {
		i := strings.IndexByte(s, '\n')
		if i < 0 {
			lines = append(lines, s)
			break
		}
		lines = append(lines, s[:i+1])
		s = s[i+1:]
	}
	return lines
}
