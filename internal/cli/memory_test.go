package cli

import (
	"os"
	"runtime/debug"
	"sync"
	"testing"
)

func TestLargeInputLowersGCPercent(t *testing.T) {
	if os.Getenv("GOGC") != "" {
		t.Skip("GOGC set: the user's setting wins")
	}
	old := debug.SetGCPercent(100)
	defer debug.SetGCPercent(old)
	inputBytes.Store(0)
	lowGCOnce = sync.Once{}
	noteInput(largeInput / 2)
	if got := debug.SetGCPercent(100); got != 100 {
		t.Fatalf("after a small input GOGC = %d, want 100", got)
	}
	noteInput(largeInput / 2)
	if got := debug.SetGCPercent(100); got != lowGCPercent {
		t.Fatalf("after %d bytes GOGC = %d, want %d", largeInput, got, lowGCPercent)
	}
}
