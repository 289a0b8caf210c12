package spell

import (
	"os"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// rssFile reads the process's file-backed resident memory in KiB from
// /proc/self/status, or -1.
func rssFile() int {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return -1
	}
	for line := range strings.Lines(string(b)) {
		if v, ok := strings.CutPrefix(line, "RssFile:"); ok {
			n, err := strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")))
			if err == nil {
				return n
			}
		}
	}
	return -1
}

// TestReleaseBuiltin: released, the built-in dictionary leaves the
// resident set (on Linux) and answers as before.
func TestReleaseBuiltin(t *testing.T) {
	d := Builtin()
	words := []string{"recieve", "Kryuchkov", "analysis", "teh", "undoubtedly", "Zelnickova"}
	var before [][]string
	for _, w := range words {
		before = append(before, d.Suggest(w, 5))
	}
	// Touch every page of the blob, then release it.
	var sum byte
	for i := 0; i < len(compactBlob); i += 512 {
		sum += compactBlob[i]
	}
	runtime.KeepAlive(sum)
	touched := rssFile()
	ReleaseBuiltin()
	released := rssFile()
	if runtime.GOOS == "linux" && touched >= 0 {
		// The blob is 13 MB; at least half of it must have left.
		if drop := touched - released; drop < len(compactBlob)/1024/2 {
			t.Errorf("RssFile %d -> %d KiB after release: want a drop of at least %d", touched, released, len(compactBlob)/1024/2)
		}
	}
	for i, w := range words {
		if got := d.Suggest(w, 5); !slices.Equal(got, before[i]) {
			t.Errorf("Suggest(%q) after release = %q, before %q", w, got, before[i])
		}
	}
	ReleaseBuiltin() // twice is harmless
}
