// Package dict holds edlint's word lists and term tables, embedded at build
// time so that the binary needs no files and no network at run time.
//
// Every list is plain UTF-8 text, one entry per line, NFC-normalised and
// sorted, with '#' comments. Each file's header names its source and
// licence; generated files name the generator that wrote them (see
// dict/gen and dict/SOURCES.md).
package dict

import (
	"embed"
	"io/fs"
)

//go:embed *.txt names/*.txt yardsticks/*.txt
var files embed.FS

// FS returns the embedded lists.
func FS() fs.FS { return files }

// Read returns the contents of one embedded list, e.g. "en-words.txt" or
// "names/countries.txt".
func Read(name string) ([]byte, error) { return files.ReadFile(name) }
