package report

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/edlint/edlint/internal/lint"
	"github.com/edlint/edlint/internal/prose"
	"github.com/edlint/edlint/internal/rules"
)

func TestGitHubEscaping(t *testing.T) {
	if got := escapeData("100% sure\r\nnext: a, b"); got != "100%25 sure%0D%0Anext: a, b" {
		t.Errorf("escapeData = %q", got)
	}
	if got := escapeProperty("dir,x/a:b%.md"); got != "dir%2Cx/a%3Ab%25.md" {
		t.Errorf("escapeProperty = %q", got)
	}
}

func oneFinding(path, src string, x rules.Finding) []*lint.File {
	doc := prose.Parse(path, []byte(src), prose.FormatFor(path))
	return []*lint.File{{Path: path, Doc: doc, Findings: []rules.Finding{x}}}
}

func TestGitHubLine(t *testing.T) {
	src := "Zelníčková said 100%\nok"
	x := rules.Finding{Rule: "unknown-word", Category: "spelling", Severity: rules.Info,
		Span: prose.Span{Start: strings.Index(src, "said"), End: strings.Index(src, "said") + 4}, Message: "odd \"said\"\n50% of it"}
	var b bytes.Buffer
	if err := GitHub(&b, oneFinding("a,b.md", src, x), Options{}); err != nil {
		t.Fatal(err)
	}
	want := "::notice file=a%2Cb.md,line=1,col=12,endLine=1,endColumn=16,title=unknown-word (spelling)::odd \"said\"%0A50%25 of it\n"
	if b.String() != want {
		t.Errorf("got  %q\nwant %q", b.String(), want)
	}
}

func TestRDJSONByteColumns(t *testing.T) {
	src := "Zelníčková said"
	start := strings.Index(src, "said")
	x := rules.Finding{Rule: "r", Category: "spelling", Severity: rules.Error, Span: prose.Span{Start: start, End: start + 4},
		Message: "m", Fix: []prose.Edit{{Span: prose.Span{Start: start, End: start + 4}, New: "says"}}}
	var b bytes.Buffer
	if err := RDJSON(&b, oneFinding("a.md", src, x), Options{}); err != nil {
		t.Fatal(err)
	}
	var r rdResult
	if err := json.Unmarshal(b.Bytes(), &r); err != nil {
		t.Fatal(err)
	}
	d := r.Diagnostics[0]
	// "Zelníčková " is 11 code points but 14 bytes.
	if d.Location.Range.Start.Column != 15 || d.Suggestions[0].Text != "says" || d.Severity != "ERROR" {
		t.Errorf("got %+v", d)
	}
}

func TestHintSkipsWhatTheMessageSays(t *testing.T) {
	x := rules.Finding{Message: `"recieve" is a misspelling of "receive"`, Suggestions: []string{"receive"}}
	if got := messageWithHint(&x); got != x.Message {
		t.Errorf("got %q", got)
	}
	x = rules.Finding{Message: `unknown word "acess"`, Suggestions: []string{"access", "aces", "case", "ace"}}
	if got := messageWithHint(&x); got != `unknown word "acess" (suggestions: "access", "aces", "case")` {
		t.Errorf("got %q", got)
	}
}

func TestFileURI(t *testing.T) {
	for in, want := range map[string]string{"docs/my draft.md": "docs/my%20draft.md", "./a.md": "a.md", "/tmp/x y.md": "file:///tmp/x%20y.md"} {
		if got := fileURI(in); got != want {
			t.Errorf("fileURI(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestTextMatchInLineBreak: a finding that starts in the line break of a
// CRLF line (on its \r or \n) is shown as an empty match at the end of the
// line, not a crash of the whole run.
func TestTextMatchInLineBreak(t *testing.T) {
	src := "ab\r\ncd\r\n"
	for _, sp := range []prose.Span{{Start: 2, End: 3}, {Start: 2, End: 4}, {Start: 3, End: 4}, {Start: 3, End: 6}, {Start: 3, End: 3}} {
		x := rules.Finding{Rule: "r", Category: "mechanics", Severity: rules.Warning, Span: sp, Message: "m", Suggestions: []string{"x"}}
		var out strings.Builder
		if err := Text(&out, oneFinding("d.txt", src, x), Options{}); err != nil {
			t.Fatalf("%v: %v", sp, err)
		}
		if !strings.Contains(out.String(), "d.txt:1:") || !strings.Contains(out.String(), "    ab") {
			t.Errorf("%v: %q", sp, out.String())
		}
	}
}
