// Command edlint proofreads analysis drafts: spelling, names, consistency,
// estimative language and mechanics. Run "edlint --help" for usage.
package main

import (
	"os"
	"runtime"

	"github.com/edlint/edlint/internal/cli"
	// Grows the main goroutine's stack before goldmark's initialisation
	// does, eight times over (see the package).
	_ "github.com/edlint/edlint/internal/cli/stackstart"
)

func main() {
	// No heap sampling unless --memprofile asks for it (the cli turns it
	// back on): the sampler's tables and records cost about a megabyte of
	// a large run's memory, for a profile nobody reads.
	runtime.MemProfileRate = 0
	os.Exit(cli.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
