// Package cli is edlint's command line: flags, subcommands, file walking and
// exit codes. Main never calls os.Exit, so tests drive it directly.
package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/mattn/go-isatty"
	flag "github.com/spf13/pflag"

	"github.com/edlint/edlint/internal/config"
	"github.com/edlint/edlint/internal/fix"
	"github.com/edlint/edlint/internal/lint"
	"github.com/edlint/edlint/internal/report"
	"github.com/edlint/edlint/internal/rules"
	"github.com/edlint/edlint/internal/spell"
)

// Version is edlint's version; release builds set it with -ldflags.
var Version = "0.1.0-dev"

// Exit codes (design.md §4).
const (
	ExitOK       = 0 // no finding at or above the failing severity
	ExitFindings = 1 // findings at or above the failing severity
	ExitError    = 2 // usage, I/O or configuration error
)

const usageHead = `edlint proofreads analysis drafts (Markdown or plain text): spelling, names,
consistency, estimative language (hedging) and mechanics.

Usage:
  edlint [flags] [PATH ...]     lint files and directories ("-" or no PATH: stdin)
  edlint rules                  list the rules
  edlint init [DIR]             write a commented starter .edlint.toml (never overwrites)

Directories are searched for .md, .markdown and .txt files, skipping hidden
folders, vendor and node_modules.

Examples:
  edlint draft.md                       lint one draft
  edlint docs/ --format json            lint a folder, JSON for scripts
  edlint --dict names.txt report.md     accept the words listed in names.txt
  edlint --fix docs/                    apply the safe fixes in place
  edlint --diff docs/ | patch -p1       the same fixes, as a patch
  edlint --changed --format github .    a pull-request check: new lines only
  edlint --ladder --yardstick phia d.md list d.md's probability words by PHIA band
  cat draft.txt | edlint -              lint standard input

Flags:
`

const usageTail = `
Formats: text (people), json (scripts; stable, versioned), sarif (SARIF 2.1.0,
for GitHub code scanning), github (GitHub Actions annotations), checkstyle
(Checkstyle XML), rdjson (reviewdog), ladder (the estimative ladder).

Configuration: the nearest .edlint.toml above each linted file (or --config)
turns rules and categories off or changes their severity, adds words and word
lists, sets the English variety, the estimative yardstick and the fail level,
and overrides any of these for paths matching globs. An unknown key or a bad
value is an error (exit 2) naming the file, line and key. "edlint init" writes
a commented example.

Directives, in Markdown as HTML comments, in plain text on a line of their own:
  <!-- edlint-words: Zelníčková, Kryuchkov -->      accept words in this draft
  <!-- edlint-disable [RULE ...] -->                stop reporting (all, or the
  <!-- edlint-enable [RULE ...] -->                 rules or categories named)
  <!-- edlint-disable-next-line [RULE ...] -- why -->
  <!-- edlint-disable-line [RULE ...] -- why -->    (at the end of a line)
A disable directive that hides nothing, or an edlint-words comment none of
whose words the draft uses, is reported (unused-directive, info).

--changed[=REV] reports only findings on lines added or changed since REV
(git diff). Without REV: the staged changes inside a pre-commit hook
(PRE_COMMIT=1) or with --staged; otherwise the merge-base of HEAD with the
default branch (the pull request's base on GitHub Actions, origin/HEAD, main
or master). Files git does not track yet count as wholly new.

--fix rewrites files atomically, only those with something to fix, and
refuses a file that changed while edlint worked; it fixes, re-lints and
repeats until nothing fixable remains, then reports what is left. --diff
prints the same changes as a unified diff (a/ b/ prefixes) and changes
nothing; its exit status is 1 when it prints a change.

Exit status: 0 no finding at or above --fail-level, 1 there are such findings,
2 usage, I/O or configuration error.
`

type options struct {
	format    string
	color     string
	dicts     []string
	failLevel string
	config    string
	noConfig  bool
	fix       bool
	diff      bool
	changed   string
	staged    bool
	quiet     bool
	jobs      int
	eachFile  bool
	version   bool
	help      bool
	yardstick string
	ladder    bool
	maxSize   string
	cpuProf   string
	memProf   string

	failLevelSet bool
	yardstickSet bool
	env          func(string) string
}

// Main runs edlint with args (without the program name) and returns the
// exit status.
func Main(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	return mainEnv(args, stdin, stdout, stderr, nil)
}

// mainEnv is Main with an environment for tests (nil: the process's).
func mainEnv(args []string, stdin io.Reader, stdout, stderr io.Writer, env map[string]string) int {
	if len(args) > 0 {
		switch args[0] {
		case "rules":
			return listRules(stdout)
		case "init":
			return initConfig(args[1:], stdout, stderr)
		}
	}
	o := options{env: envGetter(env)}
	flags := flag.NewFlagSet("edlint", flag.ContinueOnError)
	flags.SetOutput(io.Discard)
	flags.SortFlags = false
	flags.StringVarP(&o.format, "format", "f", "text", "output `FORMAT`: "+strings.Join(report.Names(), ", "))
	flags.StringVar(&o.color, "color", "auto", "color the text output (`MODE`): auto, always or never (auto honors NO_COLOR and turns color off when stdout is not a terminal)")
	flags.StringVar(&o.failLevel, "fail-level", "warning", "lowest severity (`LEVEL`: error, warning or info) that makes the exit status 1; a config's fail-level changes the default")
	flags.BoolVarP(&o.quiet, "quiet", "q", false, "print findings only: no summary line, no progress")
	flags.StringVarP(&o.config, "config", "c", "", "use this config `FILE` for every path (default: the nearest .edlint.toml above each file)")
	flags.BoolVar(&o.noConfig, "no-config", false, "ignore .edlint.toml files")
	flags.StringArrayVar(&o.dicts, "dict", nil, "a word list `FILE` to accept (one entry a line, # comments); repeatable")
	flags.BoolVarP(&o.fix, "fix", "w", false, "apply the safe fixes in place, then report what remains")
	flags.BoolVar(&o.diff, "diff", false, "print the safe fixes as a unified diff (patch -p1, git apply); change nothing")
	flags.StringVar(&o.changed, "changed", "", "report only lines added or changed since `REV` (git); bare --changed: staged changes in a pre-commit hook, else the merge-base with the default branch")
	flags.Lookup("changed").NoOptDefVal = changedAuto
	flags.Lookup("changed").DefValue = ""
	flags.BoolVar(&o.staged, "staged", false, "compare the staged changes (git diff --cached); implies --changed, and is implied by it in a pre-commit hook")
	flags.StringVar(&o.yardstick, "yardstick", "icd203", "estimative-language standard the hedging rules apply: "+strings.Join(rules.YardstickNames(), ", ")+" (a config's yardstick changes the default)")
	flags.BoolVar(&o.ladder, "ladder", false, "print the estimative ladder (every probability expression by band) instead of findings; same as --format ladder")
	flags.BoolVar(&o.eachFile, "each-file", false, "check consistency within each file alone (by default the files linted together are checked together)")
	flags.IntVarP(&o.jobs, "jobs", "j", 0, "`N` files linted at once (0: one per CPU)")
	flags.StringVar(&o.maxSize, "max-file-size", defaultMaxSize, "skip, with a warning, files larger than `SIZE` (bytes, or with KiB, MiB, GiB; 0: no limit)")
	flags.BoolVar(&o.version, "version", false, "print the version and exit")
	flags.BoolVarP(&o.help, "help", "h", false, "show this help")
	flags.StringVar(&o.cpuProf, "cpuprofile", "", "write a CPU profile to `FILE` (go tool pprof)")
	flags.StringVar(&o.memProf, "memprofile", "", "write a heap profile to `FILE` when done (go tool pprof)")
	_ = flags.MarkHidden("cpuprofile")
	_ = flags.MarkHidden("memprofile")
	if err := flags.Parse(args); err != nil {
		fmt.Fprintf(stderr, "edlint: %v\nRun 'edlint --help' for usage.\n", err)
		return ExitError
	}
	if o.help {
		fmt.Fprint(stdout, usageHead+flags.FlagUsages()+usageTail)
		return ExitOK
	}
	if o.version {
		fmt.Fprintf(stdout, "edlint %s\n", Version)
		return ExitOK
	}
	o.failLevelSet = flags.Changed("fail-level")
	o.yardstickSet = flags.Changed("yardstick")
	if o.staged && o.changed == "" {
		o.changed = changedAuto
	}
	stop, err := startProfiles(o.cpuProf, o.memProf)
	if err != nil {
		return usageError(stderr, "%v", err)
	}
	code := run(&o, flags.Args(), stdin, stdout, stderr)
	if err := stop(); err != nil {
		fmt.Fprintf(stderr, "edlint: %v\n", err)
	}
	return code
}

func usageError(stderr io.Writer, format string, args ...any) int {
	fmt.Fprintf(stderr, "edlint: "+format+"\n", args...)
	return ExitError
}

func run(o *options, paths []string, stdin io.Reader, stdout, stderr io.Writer) int {
	start := time.Now()
	if o.ladder {
		o.format = "ladder"
	}
	format, err := report.Lookup(o.format)
	if err != nil {
		return usageError(stderr, "--format: %v", err)
	}
	failLevel, err := rules.ParseSeverity(o.failLevel)
	if err != nil {
		return usageError(stderr, "--fail-level: %v", err)
	}
	if _, err := rules.LookupYardstick(o.yardstick); err != nil {
		fmt.Fprintf(stderr, "edlint: --yardstick: %v\n", err)
		return ExitError
	}
	ruleOpts := rules.Options{Yardstick: o.yardstick}
	useColor, err := colorWanted(o.color, stdout)
	if err != nil {
		return usageError(stderr, "--color: %v", err)
	}
	if o.fix && o.diff {
		return usageError(stderr, "--fix and --diff exclude each other: --diff shows what --fix would do")
	}
	if o.config != "" && o.noConfig {
		return usageError(stderr, "--config and --no-config exclude each other")
	}
	if o.config != "" {
		if _, err := os.Stat(o.config); err != nil {
			return usageError(stderr, "--config: %v", describe(o.config, err))
		}
	}
	dict := spell.Builtin()
	dict.PrepareSuggest() // overlaps the index builds with reading and parsing the files
	var userWords []string
	for _, path := range o.dicts {
		words, err := readWordList(path)
		if err != nil {
			return usageError(stderr, "--dict: %v", err)
		}
		userWords = append(userWords, words...)
	}
	if len(userWords) > 0 {
		dict = dict.WithWords(userWords)
	}

	maxSize, err := parseSize(o.maxSize)
	if err != nil {
		return usageError(stderr, "--max-file-size: %v", err)
	}
	sources, walkErrs, total := collect(paths, stdin, maxSize)
	noteRun(total)
	if o.fix {
		for _, s := range sources {
			if s.Path == stdinName {
				return usageError(stderr, "--fix cannot rewrite standard input; use --diff")
			}
		}
	}

	// Each file's configuration: the nearest .edlint.toml and its overrides.
	cfgs := newConfigs(o.config, o.noConfig, dict)
	fileCfg := map[string]*lint.Config{}
	fileFail := map[string]rules.Severity{}
	for i := range sources {
		p := sources[i].Path
		if p == stdinName {
			p = ""
		}
		lc, fl := cfgs.lintConfig(p)
		if o.yardstickSet || lc.Options.Yardstick == "" {
			lc.Options.Yardstick = o.yardstick
		}
		if i == 0 {
			// The ladder shows one yardstick: the first file's.
			ruleOpts = lc.Options
		}
		sources[i].Config = lc
		fileCfg[sources[i].Path] = lc
		fileFail[sources[i].Path] = fl
	}
	if len(cfgs.errs) > 0 {
		for _, err := range cfgs.errs {
			fmt.Fprintf(stderr, "edlint: %v\n", err)
		}
		return ExitError
	}

	var changes *changeSet
	if o.changed != "" {
		changes, err = resolveChanged(o.changed, o.staged, o.env)
		if err != nil {
			fmt.Fprintf(stderr, "edlint: %v\n", err)
			return ExitError
		}
	}

	driver := &lint.Config{Dict: dict, Options: ruleOpts, Together: !o.eachFile}
	tty := isTerminal(stderr)
	var prog *progress
	if tty && !o.quiet && len(sources) > progressMin {
		prog = &progress{w: stderr}
		driver.Progress = prog.update
	}
	files := driver.LintAll(sources, o.jobs)
	prog.done()
	files = append(files, walkErrs...)
	sort.SliceStable(files, func(i, j int) bool { return files[i].Path < files[j].Path })
	if changes != nil {
		for _, f := range files {
			changes.filter(f)
		}
	}

	status := ExitOK
	changedFiles := 0
	if o.fix || o.diff {
		var keep func(*lint.File)
		if changes != nil {
			keep = changes.filter
		}
		fixedCount := 0
		for i, f := range files {
			if f.Doc == nil || !hasFix(f) {
				continue
			}
			res, err := fixFile(f, fileCfg[f.Path], keep)
			if err != nil {
				fmt.Fprintf(stderr, "edlint: %v\n", err)
				status = ExitError
				continue
			}
			if bytes.Equal(res.final, res.orig) {
				continue
			}
			if o.diff {
				fmt.Fprint(stdout, fix.UnifiedDiff(diffName(f.Path), res.orig, res.final))
				changedFiles++
				continue
			}
			if err := writeFile(f.Path, res.orig, res.final); err != nil {
				fmt.Fprintf(stderr, "edlint: %v\n", err)
				status = ExitError
				continue
			}
			changedFiles++
			fixedCount += res.count
			files[i] = res.result
		}
		if o.fix && !o.quiet && fixedCount > 0 {
			fmt.Fprintf(stderr, "edlint: fixed %d %s in %d %s\n", fixedCount, plural(fixedCount, "finding"), changedFiles, plural(changedFiles, "file"))
		}
	}

	ropts := report.Options{Color: useColor, Rules: rules.All(), Version: Version, Quiet: o.quiet, Elapsed: time.Since(start), RuleOptions: ruleOpts}
	if !o.diff {
		if err := format(stdout, files, ropts); err != nil {
			fmt.Fprintf(stderr, "edlint: write output: %v\n", err)
			return ExitError
		}
		if tty && !o.quiet && o.format != "text" {
			fmt.Fprintln(stderr, report.SummaryLine(report.Summarize(files), ropts))
		}
	}
	for _, f := range files {
		if f.Err != nil {
			fmt.Fprintf(stderr, "edlint: %v\n", f.Err)
			status = ExitError
		} else if f.Skipped != "" {
			fmt.Fprintf(stderr, "edlint: %s: skipped: %s\n", f.Path, f.Skipped)
		}
	}
	if status == ExitError {
		return status
	}
	if o.diff && changedFiles > 0 {
		return ExitFindings
	}
	for _, f := range files {
		level := failLevel
		if !o.failLevelSet && fileFail[f.Path] != 0 {
			level = fileFail[f.Path]
		}
		for _, x := range f.Findings {
			if x.Severity >= level {
				return ExitFindings
			}
		}
	}
	return ExitOK
}

// writeFile replaces a fixed file atomically; tests swap it to simulate a
// full disk or a crash.
var writeFile = func(path string, orig, data []byte) error {
	var w fix.Writer
	return w.WriteFile(path, orig, data)
}

func hasFix(f *lint.File) bool {
	for _, x := range f.Findings {
		if len(x.Fix) > 0 {
			return true
		}
	}
	return false
}

func plural(n int, one string) string {
	if n == 1 {
		return one
	}
	return one + "s"
}

// initConfig writes a starter .edlint.toml into DIR (default: the working
// directory), refusing to overwrite one.
func initConfig(args []string, stdout, stderr io.Writer) int {
	dir := "."
	switch {
	case len(args) == 1 && (args[0] == "-h" || args[0] == "--help"):
		fmt.Fprint(stdout, "Usage: edlint init [DIR]\n\nWrites a commented starter "+config.FileName+" into DIR (default: the working\ndirectory). An existing file is never overwritten.\n")
		return ExitOK
	case len(args) == 1:
		dir = args[0]
	case len(args) > 1:
		return usageError(stderr, "init takes at most one directory")
	}
	p := filepath.Join(dir, config.FileName)
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		if errors.Is(err, fs.ErrExist) {
			return usageError(stderr, "%s already exists; not overwritten", p)
		}
		return usageError(stderr, "init: %v", describe(p, err))
	}
	if _, err := f.WriteString(config.Starter); err != nil {
		_ = f.Close()
		return usageError(stderr, "init: %s: %v", p, err)
	}
	if err := f.Close(); err != nil {
		return usageError(stderr, "init: %s: %v", p, err)
	}
	fmt.Fprintf(stdout, "wrote %s\n", p)
	return ExitOK
}

// colorWanted decides whether the text output is colored.
func colorWanted(mode string, stdout io.Writer) (bool, error) {
	switch mode {
	case "always":
		return true, nil
	case "never":
		return false, nil
	case "auto":
		if _, set := os.LookupEnv("NO_COLOR"); set {
			return false, nil
		}
		if f, ok := stdout.(*os.File); ok {
			return isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd()), nil
		}
		return false, nil
	}
	return false, fmt.Errorf("unknown mode %q (want auto, always or never)", mode)
}

func listRules(w io.Writer) int {
	all := rules.All()
	sort.SliceStable(all, func(i, j int) bool {
		a, b := all[i].Meta(), all[j].Meta()
		if a.Category != b.Category {
			return a.Category < b.Category
		}
		return a.Name < b.Name
	})
	for _, r := range all {
		m := r.Meta()
		fmt.Fprintf(w, "%-24s %-12s %-8s %s\n", m.Name, m.Category, m.Severity, m.Summary)
	}
	for _, m := range lint.DriverRules() {
		fmt.Fprintf(w, "%-24s %-12s %-8s %s\n", m.Name, m.Category, m.Severity, m.Summary)
	}
	return ExitOK
}
