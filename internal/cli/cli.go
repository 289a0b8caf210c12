// Package cli is edlint's command line: flags, subcommands, file walking and
// exit codes. Main never calls os.Exit, so tests drive it directly.
package cli

import (
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"time"

	"github.com/mattn/go-isatty"
	flag "github.com/spf13/pflag"

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

Directories are searched for .md, .markdown and .txt files, skipping hidden
folders, vendor and node_modules.

Examples:
  edlint draft.md                       lint one draft
  edlint docs/ --format json            lint a folder, JSON for scripts
  edlint --dict names.txt report.md     accept the words listed in names.txt
  edlint --ladder --yardstick phia d.md list d.md's probability words by PHIA band
  cat draft.txt | edlint -              lint standard input

Flags:
`

const usageTail = `
Exit status: 0 no finding at or above --fail-level, 1 there are such findings,
2 usage, I/O or configuration error.

A draft can add its own words: <!-- edlint-words: Zelníčková, Kryuchkov -->
(in plain text, the same "edlint-words: ..." on a line of its own).
`

type options struct {
	format    string
	color     string
	dicts     []string
	failLevel string
	quiet     bool
	jobs      int
	eachFile  bool
	version   bool
	help      bool
	yardstick string
	ladder    bool
}

// Main runs edlint with args (without the program name) and returns the
// exit status.
func Main(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) > 0 && args[0] == "rules" {
		return listRules(stdout)
	}
	var o options
	fs := flag.NewFlagSet("edlint", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&o.format, "format", "text", "output format: "+strings.Join(report.Names(), ", "))
	fs.StringVar(&o.color, "color", "auto", "colour the text output: auto, always or never (auto honours NO_COLOR and turns colour off when stdout is not a terminal)")
	fs.StringArrayVar(&o.dicts, "dict", nil, "a word list to accept (one entry a line, # comments); repeatable")
	fs.StringVar(&o.failLevel, "fail-level", "warning", "lowest severity that makes the exit status 1: error, warning or info")
	fs.BoolVarP(&o.quiet, "quiet", "q", false, "print findings only, no summary line")
	fs.IntVarP(&o.jobs, "jobs", "j", 0, "files linted at once (0: one per CPU)")
	fs.BoolVar(&o.eachFile, "each-file", false, "check consistency within each file alone (by default the files linted together are checked together)")
	fs.StringVar(&o.yardstick, "yardstick", "icd203", "estimative-language standard the hedging rules apply: "+strings.Join(rules.YardstickNames(), ", "))
	fs.BoolVar(&o.ladder, "ladder", false, "print the estimative ladder (every probability expression by band) instead of findings; same as --format ladder")
	fs.BoolVar(&o.version, "version", false, "print the version and exit")
	fs.BoolVarP(&o.help, "help", "h", false, "show this help")
	if err := fs.Parse(args); err != nil {
		fmt.Fprintf(stderr, "edlint: %v\nRun 'edlint --help' for usage.\n", err)
		return ExitError
	}
	if o.help {
		fmt.Fprint(stdout, usageHead+fs.FlagUsages()+usageTail)
		return ExitOK
	}
	if o.version {
		fmt.Fprintf(stdout, "edlint %s\n", Version)
		return ExitOK
	}
	return run(o, fs.Args(), stdin, stdout, stderr)
}

func run(o options, paths []string, stdin io.Reader, stdout, stderr io.Writer) int {
	start := time.Now()
	if o.ladder {
		o.format = "ladder"
	}
	format, err := report.Lookup(o.format)
	if err != nil {
		fmt.Fprintf(stderr, "edlint: --format: %v\n", err)
		return ExitError
	}
	failLevel, err := rules.ParseSeverity(o.failLevel)
	if err != nil {
		fmt.Fprintf(stderr, "edlint: --fail-level: %v\n", err)
		return ExitError
	}
	if _, err := rules.LookupYardstick(o.yardstick); err != nil {
		fmt.Fprintf(stderr, "edlint: --yardstick: %v\n", err)
		return ExitError
	}
	ruleOpts := rules.Options{Yardstick: o.yardstick}
	useColor, err := colorWanted(o.color, stdout)
	if err != nil {
		fmt.Fprintf(stderr, "edlint: --color: %v\n", err)
		return ExitError
	}
	dict := spell.Builtin()
	dict.PrepareSuggest() // overlaps the index builds with reading and parsing the files
	var userWords []string
	for _, path := range o.dicts {
		words, err := readWordList(path)
		if err != nil {
			fmt.Fprintf(stderr, "edlint: %v\n", err)
			return ExitError
		}
		userWords = append(userWords, words...)
	}
	if len(userWords) > 0 {
		dict = dict.WithWords(userWords)
	}

	sources, walkErrs := collect(paths, stdin)
	cfg := &lint.Config{Dict: dict, Options: ruleOpts, Together: !o.eachFile}
	files := cfg.LintAll(sources, o.jobs)
	files = append(files, walkErrs...)
	sort.SliceStable(files, func(i, j int) bool { return files[i].Path < files[j].Path })

	ropts := report.Options{Color: useColor, Rules: rules.All(), Version: Version, Quiet: o.quiet, Elapsed: time.Since(start), RuleOptions: ruleOpts}
	if err := format(stdout, files, ropts); err != nil {
		fmt.Fprintf(stderr, "edlint: write output: %v\n", err)
		return ExitError
	}
	status := ExitOK
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
	for _, f := range files {
		for _, x := range f.Findings {
			if x.Severity >= failLevel {
				return ExitFindings
			}
		}
	}
	return ExitOK
}

// colorWanted decides whether the text output is coloured.
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
	return ExitOK
}
