package early

import (
	"go/parser"
	"go/token"
	"os"
	"strings"
	"testing"
)

// TestImportsOnlyRuntime checks what the package's place in the
// initialisation order rests on: another import would let the packages it
// needs, and goldmark before them, be initialised first.
func TestImportsOnlyRuntime(t *testing.T) {
	entries, err := os.ReadDir(".")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		name := e.Name()
		if !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), name, nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range f.Imports {
			if imp.Path.Value == `"runtime"` {
				continue
			}
			t.Errorf("%s imports %s", name, imp.Path.Value)
		}
	}
}
