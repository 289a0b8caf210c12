package cli

import (
	"fmt"
	"io"
	"os"
	"time"

	"github.com/mattn/go-isatty"
)

// progressMin is the number of files above which a terminal shows a
// progress line.
const progressMin = 20

// progress draws "linting 120/450 files" on one terminal line, at most ten
// times a second, and erases it when done.
type progress struct {
	w     io.Writer
	last  time.Time
	shown bool
}

// update is a lint.Config.Progress callback; LintAll serializes calls.
func (p *progress) update(done, total int) {
	if now := time.Now(); done == total || now.Sub(p.last) >= 100*time.Millisecond {
		p.last = now
		p.shown = true
		fmt.Fprintf(p.w, "\rlinting %d/%d files", done, total)
	}
}

// done erases the progress line; a nil progress does nothing.
func (p *progress) done() {
	if p != nil && p.shown {
		fmt.Fprint(p.w, "\r\x1b[K")
	}
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && (isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd()))
}
