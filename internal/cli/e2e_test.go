package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// e2eDir holds the end-to-end drafts and the golden output of every format.
const e2eDir = "../../testdata/e2e"

var elapsedRe = regexp.MustCompile(`\(\d+\.\d+s\)`)

// runCLI runs edlint in dir with args and returns stdout, stderr and the
// exit status.
func runIn(t *testing.T, dir string, env map[string]string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	if dir != "" {
		t.Chdir(dir)
	}
	if env == nil {
		env = map[string]string{}
	}
	var out, errb bytes.Buffer
	code = mainEnv(args, strings.NewReader(""), &out, &errb, env)
	return out.String(), errb.String(), code
}

func goldenFile(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./internal/cli -update)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs (run go test ./internal/cli -update and review the diff):\n%s", path, got)
	}
}

func TestGoldenFormats(t *testing.T) {
	abs, err := filepath.Abs(e2eDir)
	if err != nil {
		t.Fatal(err)
	}
	old := Version
	Version = "test"
	defer func() { Version = old }()
	for _, format := range []string{"text", "json", "github", "checkstyle", "rdjson"} {
		t.Run(format, func(t *testing.T) {
			out, stderr, code := runIn(t, abs, nil, "--format", format, "drafts")
			if code != ExitFindings {
				t.Errorf("exit %d, want %d; stderr: %s", code, ExitFindings, stderr)
			}
			if stderr != "" {
				t.Errorf("stderr: %s", stderr)
			}
			out = elapsedRe.ReplaceAllString(out, "(TIME)")
			goldenFile(t, filepath.Join(abs, "golden", format+".golden"), out)
		})
	}
}

func TestSARIFValidates(t *testing.T) {
	schemaPath, err := filepath.Abs("../../testdata/sarif/sarif-schema-2.1.0.json")
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(schemaPath)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = f.Close() }()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	const url = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
	if err := c.AddResource(url, doc); err != nil {
		t.Fatal(err)
	}
	c.AssertFormat()
	schema, err := c.Compile(url)
	if err != nil {
		t.Fatal(err)
	}
	abs, _ := filepath.Abs(e2eDir)
	// The drafts, plus a missing file so that notifications are covered.
	out, _, _ := runIn(t, abs, nil, "--format", "sarif", "drafts", "missing.md")
	inst, err := jsonschema.UnmarshalJSON(strings.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	if err := schema.Validate(inst); err != nil {
		t.Errorf("SARIF output does not validate: %v\n%s", err, out)
	}
	// The validator must be able to fail: a broken log is rejected.
	broken, err := jsonschema.UnmarshalJSON(strings.NewReader(strings.Replace(out, `"unicodeCodePoints"`, `"bytes"`, 1)))
	if err != nil {
		t.Fatal(err)
	}
	if schema.Validate(broken) == nil {
		t.Error("the schema accepted a bad columnKind; validation is not working")
	}
	for _, want := range []string{`"columnKind": "unicodeCodePoints"`, `"fixes"`, `"deletedRegion"`, `"insertedContent"`, `"fullDescription"`, `"help"`, `"toolExecutionNotifications"`} {
		if !strings.Contains(out, want) {
			t.Errorf("SARIF output lacks %s", want)
		}
	}
}
