package cli

// Hostile inputs (docs/robustness.md): each test feeds edlint something a
// repository can hold and checks the message names the file, the exit code
// follows design §4, and no byte is lost.

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
)

func writeBytes(t *testing.T, path string, b []byte) string {
	t.Helper()
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// prose repeats a clean sentence to about n bytes.
func cleanProse(n int, sep string) []byte {
	const s = "The committee reviewed the evidence and reported its findings to the board."
	var b bytes.Buffer
	for b.Len() < n {
		b.WriteString(s)
		b.WriteString(sep)
	}
	return b.Bytes()
}

func TestHostileHugeFileSkipped(t *testing.T) {
	if testing.Short() {
		t.Skip("writes a 100 MB file")
	}
	dir := t.TempDir()
	big := writeBytes(t, filepath.Join(dir, "big.txt"), cleanProse(100<<20, "\n"))
	small := writeBytes(t, filepath.Join(dir, "small.md"), []byte("We recieve mail.\n"))
	var before runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	start := time.Now()
	out, errs, code := runCLI(t, "", "--color", "never", dir)
	elapsed := time.Since(start)
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	if code != ExitFindings {
		t.Errorf("exit %d, want %d (the small file's finding; a skipped file does not change the status)", code, ExitFindings)
	}
	if !strings.Contains(errs, big+": skipped: 100 MiB is larger than --max-file-size 64 MiB") {
		t.Errorf("no clear warning for the large file: %q", errs)
	}
	if !strings.Contains(out, "recieve") {
		t.Errorf("the other file was not linted: %q", out)
	}
	if grew := after.TotalAlloc - before.TotalAlloc; grew > 32<<20 {
		t.Errorf("allocated %d MiB: the skipped file was read", grew>>20)
	}
	if elapsed > 10*time.Second {
		t.Errorf("took %v to skip a large file", elapsed)
	}
	_ = small
}

func TestMaxFileSizeFlag(t *testing.T) {
	dir := t.TempDir()
	p := writeBytes(t, filepath.Join(dir, "a.md"), []byte("We recieve mail and recieve more mail.\n"))
	_, errs, code := runCLI(t, "", "--max-file-size", "10", p)
	if code != ExitOK || !strings.Contains(errs, "a.md: skipped: 39 bytes is larger than --max-file-size 10 bytes") {
		t.Errorf("exit %d, stderr %q", code, errs)
	}
	if _, _, code := runCLI(t, "", "--max-file-size", "0", p); code != ExitFindings {
		t.Errorf("--max-file-size 0 (no limit): exit %d", code)
	}
	if _, _, code := runCLI(t, "", "--max-file-size", "1KiB", p); code != ExitFindings {
		t.Errorf("--max-file-size 1KiB: exit %d", code)
	}
	_, errs, code = runCLI(t, "We recieve mail and more.\n", "--max-file-size", "8", "-")
	if code != ExitError || !strings.Contains(errs, "standard input: larger than --max-file-size") {
		t.Errorf("stdin past the limit: exit %d, stderr %q", code, errs)
	}
	_, errs, code = runCLI(t, "", "--max-file-size", "lots", p)
	if code != ExitError || !strings.Contains(errs, `--max-file-size: "lots" is not a size`) {
		t.Errorf("bad size: exit %d, stderr %q", code, errs)
	}
	for in, want := range map[string]int64{"64MiB": 64 << 20, "2k": 2048, "1 GB": 1 << 30, "17": 17, "0": 0} {
		if got, err := parseSize(in); err != nil || got != want {
			t.Errorf("parseSize(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"", "-1", "1.5MiB", "99999999999GiB", "MiB"} {
		if _, err := parseSize(in); err == nil {
			t.Errorf("parseSize(%q) accepted", in)
		}
	}
}

func TestHostileLongLine(t *testing.T) {
	if testing.Short() {
		t.Skip("lints a 10 MB line")
	}
	dir := t.TempDir()
	line := cleanProse(10<<20, " ")
	line = append(line, []byte("We recieve mail.\n")...)
	p := writeBytes(t, filepath.Join(dir, "line.txt"), line)
	start := time.Now()
	out, errs, code := runCLI(t, "", "--color", "never", "--format", "json", p)
	if d := time.Since(start); d > 60*time.Second {
		t.Errorf("a 10 MB line took %v", d)
	}
	if code != ExitFindings || !strings.Contains(out, `"match": "recieve"`) {
		t.Errorf("exit %d, stderr %q; the misspelling at the end of the line was not found", code, errs)
	}
}

func TestHostileNesting(t *testing.T) {
	const depth = 10000
	cases := map[string]string{
		"lists.md":  nested(depth, func(i int) string { return strings.Repeat("  ", i) + "- item recieve\n" }),
		"quotes.md": strings.Repeat(">", depth) + " deep recieve\n",
		"mixed.md":  nested(depth, func(i int) string { return strings.Repeat("> ", i%50) + strings.Repeat("  ", i%40) + "1. x\n" }),
		"quotes2.md": nested(depth, func(i int) string {
			return strings.Repeat("> ", i) + "recieve\n"
		}),
	}
	dir := t.TempDir()
	for name, src := range cases {
		p := writeBytes(t, filepath.Join(dir, name), []byte(src))
		start := time.Now()
		_, errs, code := runCLI(t, "", "--color", "never", "--quiet", p)
		if code == ExitError || strings.Contains(errs, "internal") {
			t.Errorf("%s: exit %d, stderr %q", name, code, errs)
		}
		if d := time.Since(start); d > 30*time.Second {
			t.Errorf("%s took %v", name, d)
		}
	}
}

func nested(n int, line func(i int) string) string {
	var b strings.Builder
	for i := range n {
		b.WriteString(line(i))
		if b.Len() > 64<<20 {
			break
		}
	}
	return b.String()
}

func TestHostileEncodings(t *testing.T) {
	dir := t.TempDir()
	files := map[string][]byte{
		"nul.md":     []byte("Some text\x00with a NUL recieve.\n"),
		"binary.txt": {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0x0d},
		"bad.md":     []byte("Good text \xff\xfe here and recieve.\n"),
		"mixed.txt":  []byte("First line is fine.\r\nSecond recieve line.\rThird line.\nFourth teh line.\r\n"),
		"bom.md":     []byte("\xef\xbb\xbfWe recieve mail.\n"),
		"invis.md":   []byte("Zero\u200bwidth and \u202eevil\u202c bidi and recieve.\n"),
	}
	for name, b := range files {
		writeBytes(t, filepath.Join(dir, name), b)
	}
	out, errs, code := runCLI(t, "", "--format", "json", dir)
	if code != ExitFindings {
		t.Errorf("exit %d, want 1; stderr %q", code, errs)
	}
	for _, name := range []string{"nul.md", "binary.txt"} {
		if !strings.Contains(errs, filepath.Join(dir, name)+": skipped: binary content") {
			t.Errorf("%s not skipped with a warning: %q", name, errs)
		}
	}
	for _, want := range []string{
		`"rule": "invalid-utf8"`, `invalid UTF-8 byte 0xff at offset 10`, `invalid UTF-8 byte 0xfe at offset 11`,
		`"rule": "invisible-character"`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %s", want)
		}
	}
	// Every file but the binary ones reports its misspelling, at the right
	// line after mixed line endings and a BOM.
	for _, want := range []string{"bad.md", "mixed.txt", "bom.md", "invis.md"} {
		if !strings.Contains(out, `"path": "`+filepath.Join(dir, want)+`"`) {
			t.Errorf("no finding for %s", want)
		}
	}
	// CRLF and LF end lines; a lone CR (classic Mac) does not count as a
	// line break for line numbers, but offsets stay exact.
	if !strings.Contains(out, "\"line\": 2,\n      \"column\": 8,") {
		t.Errorf("mixed line endings: line numbers wrong:\n%s", out)
	}
	// The BOM is not part of the first word.
	if strings.Contains(out, `"match": "\ufeffWe"`) {
		t.Error("the BOM was taken as part of a word")
	}
}

func TestHostileSymlinkLoop(t *testing.T) {
	dir := t.TempDir()
	writeBytes(t, filepath.Join(dir, "a.md"), []byte("We recieve mail.\n"))
	if err := os.Symlink(dir, filepath.Join(dir, "loop")); err != nil {
		t.Skip("no symlinks:", err)
	}
	if err := os.Symlink(filepath.Join(dir, "self.md"), filepath.Join(dir, "self.md")); err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	var out string
	var code int
	go func() {
		defer close(done)
		out, _, code = runCLI(t, "", "--format", "json", dir)
	}()
	select {
	case <-done:
	case <-time.After(30 * time.Second):
		t.Fatal("symlink loop: edlint did not finish")
	}
	if code != ExitFindings || strings.Count(out, `"match": "recieve"`) != 1 {
		t.Errorf("exit %d; want the one file linted once:\n%s", code, out)
	}
	// Named on the command line, a looping link is an error naming it.
	_, errs, code := runCLI(t, "", filepath.Join(dir, "self.md"))
	if code != ExitError || !strings.Contains(errs, "self.md: ") {
		t.Errorf("looping link named: exit %d, stderr %q", code, errs)
	}
}

func TestHostilePermissionDenied(t *testing.T) {
	dir := t.TempDir()
	good := writeBytes(t, filepath.Join(dir, "good.md"), []byte("We recieve mail.\n"))
	// A path under a file fails for everyone, root included (ENOTDIR).
	under := filepath.Join(good, "x.md")
	_, errs, code := runCLI(t, "", good, under)
	if code != ExitError || !strings.Contains(errs, under+": not a directory") {
		t.Errorf("path under a file: exit %d, stderr %q", code, errs)
	}
	if os.Geteuid() == 0 {
		t.Skip("running as root, which ignores file permissions: chmod 000 not tested (ENOTDIR above was)")
	}
	locked := writeBytes(t, filepath.Join(dir, "locked.md"), []byte("secret\n"))
	if err := os.Chmod(locked, 0); err != nil {
		t.Fatal(err)
	}
	sub := filepath.Join(dir, "closed")
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	writeBytes(t, filepath.Join(sub, "in.md"), []byte("x\n"))
	if err := os.Chmod(sub, 0); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = os.Chmod(sub, 0o755) })
	out, errs, code := runCLI(t, "", "--color", "never", dir)
	if code != ExitError || !strings.Contains(errs, locked+": permission denied") || !strings.Contains(errs, sub+": permission denied") {
		t.Errorf("exit %d, stderr %q", code, errs)
	}
	if !strings.Contains(out, "recieve") {
		t.Errorf("the readable file was not linted: %q", out)
	}
}

// fixable writes n files each with one safe fix (a doubled word).
func fixable(t *testing.T, dir string, n int) []string {
	var paths []string
	for i := range n {
		paths = append(paths, writeBytes(t, filepath.Join(dir, fmt.Sprintf("f%d.md", i)), []byte("We saw the the report.\n")))
	}
	return paths
}

func TestHostileDiskFullDuringFix(t *testing.T) {
	dir := t.TempDir()
	paths := fixable(t, dir, 3)
	orig := writeFile
	t.Cleanup(func() { writeFile = orig })
	writeFile = func(path string, old, data []byte) error {
		if strings.HasSuffix(path, "f1.md") {
			return fmt.Errorf("%s: write: %w", path, syscall.ENOSPC)
		}
		return orig(path, old, data)
	}
	_, errs, code := runCLI(t, "", "--fix", "--color", "never", dir)
	if code != ExitError || !strings.Contains(errs, paths[1]+": write: no space left on device") {
		t.Errorf("exit %d, stderr %q", code, errs)
	}
	for i, p := range paths {
		b, _ := os.ReadFile(p)
		want := "We saw the report.\n"
		if i == 1 {
			want = "We saw the the report.\n" // untouched
		}
		if string(b) != want {
			t.Errorf("%s = %q, want %q", p, b, want)
		}
	}
}

func TestHostileKilledDuringFix(t *testing.T) {
	// A process killed mid-write leaves the temporary file unrenamed; the
	// fix package's Writer tests (TestWriteFileCrashMidWrite,
	// TestWriteFileENOSPC) check the original survives. Here: the run
	// stops after the first file (as if killed), and the next run finishes
	// the job, leaving no stray temporary files behind once Writer cleans up.
	dir := t.TempDir()
	paths := fixable(t, dir, 2)
	orig := writeFile
	t.Cleanup(func() { writeFile = orig })
	errKilled := errors.New("killed")
	writeFile = func(path string, old, data []byte) error {
		if strings.HasSuffix(path, "f1.md") {
			return errKilled
		}
		return orig(path, old, data)
	}
	if _, _, code := runCLI(t, "", "--fix", dir); code != ExitError {
		t.Errorf("exit %d, want 2", code)
	}
	writeFile = orig
	if _, errs, code := runCLI(t, "", "--fix", dir); code != ExitOK {
		t.Errorf("second run: exit %d, stderr %q", code, errs)
	}
	for _, p := range paths {
		if b, _ := os.ReadFile(p); string(b) != "We saw the report.\n" {
			t.Errorf("%s = %q", p, b)
		}
	}
	ents, _ := os.ReadDir(dir)
	if len(ents) != len(paths) {
		t.Errorf("stray files: %v", ents)
	}
}

func TestHostileEditedWhileFixing(t *testing.T) {
	// The Writer refuses a file whose content changed since it was read
	// (fix.TestWriteFileDetectsConcurrentEdit, TestWriteFileRefusesChangedFile);
	// here through the command line: the user's edit survives and the exit
	// status is 2.
	dir := t.TempDir()
	p := fixable(t, dir, 1)[0]
	orig := writeFile
	t.Cleanup(func() { writeFile = orig })
	writeFile = func(path string, old, data []byte) error {
		writeBytes(t, path, []byte("the user's edit the the\n"))
		return orig(path, old, data)
	}
	_, errs, code := runCLI(t, "", "--fix", p)
	if code != ExitError || !strings.Contains(errs, p+": file changed since edlint read it") {
		t.Errorf("exit %d, stderr %q", code, errs)
	}
	if b, _ := os.ReadFile(p); string(b) != "the user's edit the the\n" {
		t.Errorf("the user's edit was lost: %q", b)
	}
}

// TestOutputDeterministicAcrossJobs: -j 1 and -j 8 print the same bytes,
// run after run.
func TestOutputDeterministicAcrossJobs(t *testing.T) {
	dir := t.TempDir()
	for i := range 40 {
		text := fmt.Sprintf("Gorbachev met the the officers in %d; it is likely 55 per cent recieve it.\nGorbachov did not.\n", 1950+i)
		writeBytes(t, filepath.Join(dir, fmt.Sprintf("d%02d.md", i)), []byte(text))
	}
	for _, format := range []string{"json", "text"} {
		want, _, _ := runCLI(t, "", "--format", format, "--color", "never", "--quiet", "-j", "1", dir)
		for round := range 4 {
			got, _, _ := runCLI(t, "", "--format", format, "--color", "never", "--quiet", "-j", "8", dir)
			if got != want {
				t.Fatalf("%s, round %d: -j 8 output differs from -j 1", format, round)
			}
		}
	}
}
