package cli

import (
	"bytes"
	"strings"
	"testing"
)

func TestProgressLine(t *testing.T) {
	var b bytes.Buffer
	p := &progress{w: &b}
	p.update(1, 30)
	p.update(2, 30) // within 100ms of the last: not drawn
	p.update(30, 30)
	p.done()
	got := b.String()
	if got != "\rlinting 1/30 files\rlinting 30/30 files\r\x1b[K" {
		t.Errorf("got %q", got)
	}
	var nilp *progress
	nilp.done() // no progress line: nothing to erase, no panic
	if isTerminal(&b) {
		t.Error("a buffer is not a terminal")
	}
	if strings.Contains(got, "\n") {
		t.Error("the progress line must not scroll")
	}
}
