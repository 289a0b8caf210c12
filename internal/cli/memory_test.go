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
	lowGCOnce = sync.Once{}
	noteInput(largeInput / 2)
	noteInput(largeInput / 2)
	if got := debug.SetGCPercent(100); got != 100 {
		t.Fatalf("after two small files GOGC = %d, want 100", got)
	}
	noteInput(largeInput)
	if got := debug.SetGCPercent(100); got != lowGCPercent {
		t.Fatalf("after a file of %d bytes GOGC = %d, want %d", largeInput, got, lowGCPercent)
	}
}
