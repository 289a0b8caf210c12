// Command edlint proofreads analysis drafts: spelling, names, consistency,
// estimative language and mechanics. Run "edlint --help" for usage.
package main

import (
	"os"

	"github.com/edlint/edlint/internal/cli"
	// Turns heap sampling off and grows the main goroutine's stack before
	// the other packages' initialisation (see the package).
	_ "github.com/edlint/edlint/internal/cli/early"
)

func main() {
	os.Exit(cli.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
