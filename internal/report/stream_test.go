package report

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/edlint/edlint/internal/lint"
	"github.com/edlint/edlint/internal/prose"
	"github.com/edlint/edlint/internal/rules"
)

// streamed pairs each streaming formatter with the reference that built the
// whole report in memory (reference_test.go), and GitHub's with its old self.
var streamed = []struct {
	name     string
	got, ref Formatter
}{
	{"json", JSON, refJSON},
	{"sarif", SARIF, refSARIF},
	{"rdjson", RDJSON, refRDJSON},
	{"github", GitHub, refGitHub},
	{"checkstyle", Checkstyle, refCheckstyle},
}

// sameAsReference fails when a streaming formatter's bytes differ from its
// reference's for files.
func sameAsReference(t *testing.T, what string, files []*lint.File, opts Options) {
	t.Helper()
	for _, f := range streamed {
		var got, want bytes.Buffer
		errGot, errWant := f.got(&got, files, opts), f.ref(&want, files, opts)
		if (errGot == nil) != (errWant == nil) {
			t.Errorf("%s %s: error %v, reference %v", what, f.name, errGot, errWant)
		}
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			a, b := got.Bytes(), want.Bytes()
			i := 0
			for i < len(a) && i < len(b) && a[i] == b[i] {
				i++
			}
			t.Errorf("%s %s: output differs from the reference at byte %d of %d/%d:\n got  %q\n want %q",
				what, f.name, i, len(a), len(b), around(a, i), around(b, i))
		}
	}
}

func around(b []byte, i int) string {
	lo, hi := max(i-80, 0), min(i+80, len(b))
	return string(b[lo:hi])
}

func lintPaths(t testing.TB, together bool, paths ...string) []*lint.File {
	t.Helper()
	var srcs []lint.Source
	for _, p := range paths {
		srcs = append(srcs, lint.Source{Path: p, Read: func() ([]byte, error) { return os.ReadFile(p) }})
	}
	c := &lint.Config{Together: together}
	return c.LintAll(srcs, 0)
}

// TestStreamedRealDrafts compares the formats on the golden drafts, the
// seed draft and the clean corpora, one by one and together (related
// spans then point into other files).
func TestStreamedRealDrafts(t *testing.T) {
	paths := realDraftPaths(t)
	opts := Options{Rules: rules.All(), Version: "1.2.3"}
	for _, p := range paths {
		sameAsReference(t, p, lintPaths(t, false, p), opts)
	}
	all := lintPaths(t, true, paths...)
	sameAsReference(t, "all together", all, opts)
	sameAsReference(t, "all together, no rules named", all, Options{Color: true})
	// A missing file and a directory among them: errors in every format.
	sameAsReference(t, "with errors", lintPaths(t, true, append([]string{"../../testdata/no-such-file.md", "../../testdata"}, paths[:2]...)...), opts)
}

func TestStreamedEdgeCases(t *testing.T) {
	src := "Tom & Jerry <b>said</b> \u2028 \"quoted\" naïve \\ back\nsecond line with an ümlaut\n"
	other := "Another file: Tom & Jerry again.\n"
	doc := prose.Parse("a.md", []byte(src), prose.FormatFor("a.md"))
	odoc := prose.Parse("dir/b, c.txt", []byte(other), prose.FormatFor("dir/b, c.txt"))
	at := func(s, sub string, n int) prose.Span {
		i := strings.Index(s, sub)
		return prose.Span{Start: i, End: i + n}
	}
	full := rules.Finding{
		Rule: "unknown-word", Category: "spelling", Severity: rules.Error, Span: at(src, "<b>", 3),
		Message:     `"<b>" & </script> \u2028 here` + "\u2028\u2029\t\x01",
		Suggestions: []string{"<i>", "&amp;", "\u2028", `"q"`},
		Fix:         []prose.Edit{{Span: at(src, "Tom", 3), New: "T&m"}, {Span: at(src, "said", 4), New: "</said>"}},
		Related: []rules.Related{
			{Span: at(src, "Jerry", 5), Message: "first <here>"},
			{Span: at(src, "naïve", 6)},
			{Span: at(other, "Tom", 3), Path: "dir/b, c.txt", Message: "in the other file"},
			{Span: at(other, "Tom", 3), Path: "unlinted.md", Message: "a file not in the run"},
			{Span: prose.Span{Start: 10, End: 1 << 20}, Path: "dir/b, c.txt"}, // past its end
			{Span: at(src, "second", 6), Path: "a.md"},                        // its own path, named
		},
	}
	bare := rules.Finding{Rule: "not-a-rule", Category: "custom", Severity: rules.Info, Span: prose.Span{Start: 0, End: 0}, Message: ""}
	warn := rules.Finding{Rule: "passive-voice", Category: "style", Severity: rules.Warning, Span: at(src, "ümlaut", 7),
		Message: `ends "here"`, Suggestions: []string{"here"}}
	owarn := warn
	owarn.Span = at(other, "again", 5)
	file := func(path string, d *prose.Document, xs ...rules.Finding) *lint.File {
		return &lint.File{Path: path, Doc: d, Findings: xs}
	}
	readErr := &lint.File{Path: "/abs/missing <x>.md", Err: errors.New("open /abs/missing <x>.md: no such file & dir")}
	skipped := &lint.File{Path: "bin.dat", Skipped: "binary content & <stuff>"}
	cases := []struct {
		name  string
		files []*lint.File
	}{
		{"no files", nil},
		{"one clean file", []*lint.File{file("a.md", doc)}},
		{"clean files", []*lint.File{file("a.md", doc), file("dir/b, c.txt", odoc)}},
		{"one finding", []*lint.File{file("a.md", doc, warn)}},
		{"everything", []*lint.File{file("a.md", doc, full, bare, warn), file("dir/b, c.txt", odoc, owarn)}},
		{"related into a later file", []*lint.File{file("a.md", doc, full), file("dir/b, c.txt", odoc)}},
		{"only an error", []*lint.File{readErr}},
		{"only skipped", []*lint.File{skipped}},
		{"errors and findings", []*lint.File{readErr, file("a.md", doc, full, warn), skipped, file("dir/b, c.txt", odoc)}},
		{"errors, no findings", []*lint.File{file("a.md", doc), readErr, skipped}},
		{"unknown rules twice", []*lint.File{file("a.md", doc, bare, bare, warn), file("dir/b, c.txt", odoc, bare)}},
		{"a document parsed under another path", []*lint.File{file("renamed.md", doc, warn, full)}},
		{"error with findings", []*lint.File{{Path: "x.md", Doc: doc, Err: errors.New("odd"), Findings: []rules.Finding{bare}}}},
	}
	for _, c := range cases {
		for _, opts := range []Options{{}, {Rules: rules.All(), Version: "v0.0.1-<dev>&", Color: true}, {Rules: []rules.Rule{}}} {
			sameAsReference(t, c.name, c.files, opts)
		}
	}
}

// randomFiles builds files with random findings: spans, messages and
// suggestions drawn from text full of characters JSON and XML escape.
func randomFiles(r *rand.Rand, extra string) []*lint.File {
	pieces := []string{"a", "word", " ", "\n", "<", ">", "&", "\"", "'", "\\", "\u2028", "\u2029", "é", "日本", "\t", "\x00", "\x7f", "%", ",", ":", "\r\n", "🙂", "]]>", extra}
	text := func(n int) string {
		var b strings.Builder
		for range n {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		return b.String()
	}
	n := r.IntN(4)
	var files []*lint.File
	var paths []string
	for i := range n {
		paths = append(paths, fmt.Sprintf("d%d/%s.md", i, text(2)))
	}
	ruleNames := []string{"unknown-word", "passive-voice", "made-up", "other-made-up", "hedging"}
	sevs := []rules.Severity{rules.Info, rules.Warning, rules.Error}
	for _, p := range paths {
		switch r.IntN(8) {
		case 0:
			files = append(files, &lint.File{Path: p, Err: errors.New(text(5))})
			continue
		case 1:
			files = append(files, &lint.File{Path: p, Skipped: text(3)})
			continue
		}
		src := text(r.IntN(60))
		d := prose.Parse(p, []byte(src), prose.FormatFor(p))
		span := func() prose.Span {
			a := r.IntN(len(src) + 1)
			return prose.Span{Start: a, End: a + r.IntN(len(src)-a+1)}
		}
		f := &lint.File{Path: p, Doc: d}
		for range r.IntN(6) {
			x := rules.Finding{Rule: ruleNames[r.IntN(len(ruleNames))], Category: text(1), Severity: sevs[r.IntN(3)], Span: span(), Message: text(r.IntN(8))}
			for range r.IntN(5) {
				x.Suggestions = append(x.Suggestions, text(1+r.IntN(3)))
			}
			if r.IntN(2) == 0 && len(x.Suggestions) > 0 {
				x.Message += fmt.Sprintf(" %q", x.Suggestions[0])
			}
			for range r.IntN(3) {
				x.Fix = append(x.Fix, prose.Edit{Span: span(), New: text(r.IntN(3))})
			}
			for range r.IntN(4) {
				rel := rules.Related{Span: span(), Message: text(r.IntN(3))}
				if r.IntN(2) == 0 {
					rel.Path = paths[r.IntN(len(paths))]
					if rel.Path != p { // maybe past the other file's end
						rel.Span = prose.Span{Start: r.IntN(40), End: 40 + r.IntN(40)}
					}
				}
				x.Related = append(x.Related, rel)
			}
			f.Findings = append(f.Findings, x)
		}
		files = append(files, f)
	}
	return files
}

func TestStreamedRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for i := range 3000 {
		opts := Options{}
		if i%2 == 0 {
			opts.Rules = rules.All()
		}
		sameAsReference(t, fmt.Sprintf("random #%d", i), randomFiles(r, ""), opts)
		if t.Failed() {
			return
		}
	}
}

func FuzzStreamed(f *testing.F) {
	f.Add(uint64(1), "")
	f.Add(uint64(7), "<&>\u2028")
	f.Fuzz(func(t *testing.T, seed uint64, extra string) {
		sameAsReference(t, "fuzz", randomFiles(rand.New(rand.NewPCG(seed, seed)), extra), Options{})
	})
}

// randomJSON is a random value for the indent tests: nested arrays and
// objects (empty ones too), numbers, literals, and strings full of the
// bytes a layout could trip on (quotes, runs of backslashes, brackets,
// commas and colons, control characters, invalid UTF-8).
func randomJSON(r *rand.Rand, depth int) any {
	pieces := []string{`"`, `\`, `\\`, `\"`, `[`, `]`, `{`, `}`, `,`, `:`, " ", "\n", "\t", "\x00", "\xff", "é", "\u2028", "<&>", "a", "word"}
	str := func() string {
		var b strings.Builder
		for range r.IntN(6) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		return b.String()
	}
	switch k := r.IntN(8); {
	case depth > 0 && k < 2:
		a := make([]any, r.IntN(4))
		for i := range a {
			a[i] = randomJSON(r, depth-1)
		}
		return a
	case depth > 0 && k < 4:
		m := map[string]any{}
		for range r.IntN(4) {
			m[str()] = randomJSON(r, depth-1)
		}
		return m
	case k == 4:
		return r.IntN(2000) - 1000
	case k == 5:
		return []any{true, false, nil, 1.5e-7}[r.IntN(4)]
	default:
		return str()
	}
}

// TestIndentMatchesJSONIndent: layOut lays out what json.Encoder writes
// compact exactly as json.Indent does, at any depth and for any indent.
func TestIndentMatchesJSONIndent(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for i := range 20000 {
		compact, err := compactJSON(randomJSON(r, 4))
		if err != nil {
			t.Fatal(err)
		}
		checkIndent(t, fmt.Sprintf("#%d", i), compact, r.IntN(4), []string{"  ", "\t", "    "}[r.IntN(3)])
		if t.Failed() {
			return
		}
	}
}

// compactJSON encodes v as jsonStream's encoder does: compact, without
// escaping <, > and &, so that they reach layOut raw.
func compactJSON(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

// checkIndent compares the layout of compact at depth with json.Indent's
// with a prefix of depth indents.
func checkIndent(t *testing.T, what string, compact []byte, depth int, ind string) {
	t.Helper()
	var want bytes.Buffer
	if err := json.Indent(&want, compact, strings.Repeat(ind, depth), ind); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	l := &lineStarts{indent: ind}
	if got := l.layOut([]byte("x"), compact, depth); !bytes.Equal(got[1:], want.Bytes()) || got[0] != 'x' {
		t.Errorf("%s: layOut(%q) at depth %d by %q\n got  %q\n want %q", what, compact, depth, ind, got, want.Bytes())
	}
}

// FuzzIndent: any valid JSON, made compact, is laid out as json.Indent
// lays it out, at any depth and for any indent.
func FuzzIndent(f *testing.F) {
	f.Add([]byte(`{"a":[1,{},[],"x\\\"y"],"b":{"c":null}}`), uint8(1), true)
	f.Add([]byte(`"\\\\"`), uint8(0), false)
	f.Fuzz(func(t *testing.T, data []byte, depth uint8, tab bool) {
		if !json.Valid(data) {
			return
		}
		var compact bytes.Buffer
		if err := json.Compact(&compact, data); err != nil {
			t.Fatal(err)
		}
		ind := "  "
		if tab {
			ind = "\t"
		}
		checkIndent(t, "fuzz", compact.Bytes(), int(depth%5), ind)
	})
}

// BenchmarkStreamed formats the findings of the clean corpora (linted
// once, together, so that related spans cross files) with each streaming
// formatter and its whole-report reference beside it.
func BenchmarkStreamed(b *testing.B) {
	files, n := cleanFindings(b, true)
	for _, f := range streamed {
		benchFormat(b, f.name, f.got, files, Options{}, n)
		benchFormat(b, f.name+"/reference", f.ref, files, Options{}, n)
	}
}

// hostileXML are the strings an XML writer can trip on: markup and
// quotes, the whitespace attributes normalise, control bytes, a CDATA end,
// invalid UTF-8 (a lone continuation byte, a cut sequence, an encoded
// surrogate, an overlong form), the non-characters U+FFFE and U+FFFF, the
// replacement character itself, and runes past the BMP.
var hostileXML = []string{
	"<", ">", "&", "&amp;", `"`, "'", "\t", "\n", "\r", "\r\n", "\x00", "\x01", "\x1f", "\x7f", "]]>", "]]",
	"\x80", "\xff", "\xe2\x82", "\xf0\x9f\x99", "\xed\xa0\x80", "\xed\xbf\xbf", "\xc0\xaf", "\uFFFE", "\uFFFF",
	"\uFFFD", "\u2028", "🙂", "é", "a", "word", " ", "\\", `\"`,
}

// TestCheckstyleHostile compares the formats with their references on
// random files whose paths, messages and suggestions hold hostileXML.
func TestCheckstyleHostile(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	for i := range 3000 {
		var b strings.Builder
		for range 1 + r.IntN(3) {
			b.WriteString(hostileXML[r.IntN(len(hostileXML))])
		}
		sameAsReference(t, fmt.Sprintf("hostile #%d", i), randomFiles(r, b.String()), Options{})
		if t.Failed() {
			return
		}
	}
}

// TestXMLEscapeSame compares appendXMLEscaped with encoding/xml's
// escaping on every string of up to two bytes and on random strings of
// hostileXML pieces.
func TestXMLEscapeSame(t *testing.T) {
	check := func(s string) {
		t.Helper()
		var want bytes.Buffer
		if err := xml.EscapeText(&want, []byte(s)); err != nil {
			t.Fatal(err)
		}
		if got := appendXMLEscaped([]byte("x"), s); string(got[1:]) != want.String() || got[0] != 'x' {
			t.Fatalf("appendXMLEscaped(%q) = %q, encoding/xml %q", s, got[1:], want.Bytes())
		}
	}
	for c := range 256 {
		check(string([]byte{byte(c)}))
		for d := range 256 {
			check(string([]byte{byte(c), byte(d)}))
		}
	}
	r := rand.New(rand.NewPCG(13, 14))
	for range 100000 {
		var b strings.Builder
		for range r.IntN(8) {
			b.WriteString(hostileXML[r.IntN(len(hostileXML))])
		}
		check(b.String())
	}
}

func FuzzXMLEscape(f *testing.F) {
	for _, s := range hostileXML {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var want bytes.Buffer
		if err := xml.EscapeText(&want, []byte(s)); err != nil {
			t.Fatal(err)
		}
		if got := appendXMLEscaped(nil, s); string(got) != want.String() {
			t.Fatalf("appendXMLEscaped(%q) = %q, encoding/xml %q", s, got, want.Bytes())
		}
	})
}

// TestMessageWithHintSame compares messageWithHint, and checkstyle's
// escaped message written piece by piece, with the reference on random
// findings whose messages quote some of their suggestions (or hold them
// unquoted, or half quoted), among hostile strings.
func TestMessageWithHintSame(t *testing.T) {
	r := rand.New(rand.NewPCG(15, 16))
	pieces := append([]string{"access", "aces", "a", ""}, hostileXML...)
	text := func(n int) string {
		var b strings.Builder
		for range n {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		return b.String()
	}
	for range 100000 {
		x := rules.Finding{Message: text(r.IntN(4))}
		for range r.IntN(6) {
			x.Suggestions = append(x.Suggestions, text(r.IntN(3)))
		}
		for _, s := range x.Suggestions {
			switch r.IntN(4) {
			case 0:
				x.Message += strconv.Quote(s)
			case 1:
				x.Message += `"` + s
			case 2:
				x.Message = s + `"` + x.Message
			}
		}
		want := refMessageWithHint(&x)
		if got := messageWithHint(&x); got != want {
			t.Fatalf("messageWithHint(%q, %q) = %q, reference %q", x.Message, x.Suggestions, got, want)
		}
		var esc bytes.Buffer
		if err := xml.EscapeText(&esc, []byte(want)); err != nil {
			t.Fatal(err)
		}
		if got := appendCSMessage(nil, &x); string(got) != esc.String() {
			t.Fatalf("appendCSMessage(%q, %q) = %q, want %q", x.Message, x.Suggestions, got, esc.Bytes())
		}
	}
}
