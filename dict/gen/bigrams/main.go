// Command bigrams writes dict/en-bigrams.txt, the word-bigram counts that
// the spelling suggester uses to rank candidates by their neighbours
// (spell.Dict.SuggestContext), from the glosses and example sentences of
// WordNet 3.0 (Debian package wordnet-base).
//
// Run from the repository root after fetching the source:
//
//	bash dict/gen/bigrams/fetch.sh && go run ./dict/gen/bigrams -src dict/gen/.cache
//
// The text is tokenised as spell.Dict.SuggestContext's callers tokenise
// a draft: words are runs of letters with inner apostrophes and hyphens,
// lower-cased; quotes and brackets between two words are skipped; any
// other punctuation, a digit or a line end separates them, so no bigram
// spans it. The output depends only on the source files.
package main

import (
	"bufio"
	"bytes"
	"cmp"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/text/unicode/norm"

	"github.com/edlint/edlint/internal/spell"
)

const (
	wordnetVersion = "1:3.0-37"
	regenerate     = "bash dict/gen/bigrams/fetch.sh && go run ./dict/gen/bigrams -src dict/gen/.cache"
)

func main() {
	src := flag.String("src", "dict/gen/.cache", "directory holding the fetched source (see fetch.sh)")
	out := flag.String("out", "dict/en-bigrams.txt", "file to write")
	vocab := flag.Int("vocab", 20000, "keep bigrams of the most frequent this many words")
	minCount := flag.Int("min", 2, "keep bigrams seen at least this often")
	flag.Parse()
	if err := run(filepath.Join(*src, "wordnet", "usr", "share", "wordnet"), *out, *vocab, *minCount); err != nil {
		fmt.Fprintln(os.Stderr, "bigrams:", err)
		os.Exit(1)
	}
}

// counts holds the unigram and bigram counts of a text.
type counts struct {
	uni    map[string]int
	bi     map[[2]string]int
	tokens int
}

func run(dir, out string, vocabSize, minCount int) error {
	c := &counts{uni: map[string]int{}, bi: map[[2]string]int{}}
	for _, pos := range []string{"noun", "verb", "adj", "adv"} {
		if err := c.readData(filepath.Join(dir, "data."+pos)); err != nil {
			return err
		}
	}
	lines := c.lines(vocabSize, minCount)
	var b bytes.Buffer
	for _, h := range header(c.tokens, vocabSize, minCount) {
		b.WriteString(strings.TrimRight("# "+h, " "))
		b.WriteByte('\n')
	}
	for _, l := range lines {
		b.WriteString(l)
		b.WriteByte('\n')
	}
	if err := os.WriteFile(out, b.Bytes(), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "bigrams: %d tokens; wrote %s: %d entries, %d bytes\n", c.tokens, out, len(lines), b.Len())
	return nil
}

// readData counts the gloss text of one WordNet data file: each synset
// line ends with " | " and its gloss (definition; "example"; ...). The
// licence header lines start with two spaces.
func (c *counts) readData(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer func() { _ = f.Close() }()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "  ") {
			continue
		}
		_, gloss, ok := strings.Cut(line, " | ")
		if !ok {
			continue
		}
		c.addText(gloss)
	}
	return sc.Err()
}

// addText counts the words and adjacent pairs of one piece of text.
func (c *counts) addText(text string) {
	prev := ""
	for _, tok := range spell.BigramTokens(norm.NFC.String(text)) {
		if tok == "" {
			prev = ""
			continue
		}
		c.uni[tok]++
		c.tokens++
		if prev != "" {
			c.bi[[2]string{prev, tok}]++
		}
		prev = tok
	}
}

// lines returns the sorted entries: "word<TAB>count" for every word of
// the vocabulary seen at least minCount times, and "word1 word2<TAB>count"
// for every pair of vocabulary words seen at least minCount times.
func (c *counts) lines(vocabSize, minCount int) []string {
	type wc struct {
		w string
		n int
	}
	all := make([]wc, 0, len(c.uni))
	for w, n := range c.uni {
		all = append(all, wc{w, n})
	}
	slices.SortFunc(all, func(a, b wc) int {
		if a.n != b.n {
			return cmp.Compare(b.n, a.n)
		}
		return strings.Compare(a.w, b.w)
	})
	vocab := map[string]bool{}
	var out []string
	for i, e := range all {
		if i >= vocabSize || e.n < minCount {
			break
		}
		vocab[e.w] = true
		out = append(out, e.w+"\t"+strconv.Itoa(e.n))
	}
	for p, n := range c.bi {
		if n >= minCount && vocab[p[0]] && vocab[p[1]] {
			out = append(out, p[0]+" "+p[1]+"\t"+strconv.Itoa(n))
		}
	}
	slices.Sort(out) // keys are unique, so sorting the lines sorts the keys
	return out
}

func header(tokens, vocabSize, minCount int) []string {
	return []string{
		"en-bigrams.txt: word<TAB>count and word1 word2<TAB>count, lower case, from the glosses and example",
		fmt.Sprintf("  sentences of WordNet 3.0 (%d word tokens). Kept: the %d most frequent words seen at least %d times,", tokens, vocabSize, minCount),
		fmt.Sprintf("  and the pairs of them seen at least %d times; no pair spans punctuation other than quotes and brackets.", minCount),
		"Source: WordNet 3.0, Princeton University (Debian package wordnet-base " + wordnetVersion + ", files data.noun/verb/adj/adv).",
		"Licence: WordNet 3.0 licence (permissive, BSD-like): WordNet 3.0 Copyright 2006 by Princeton University.",
		"  All rights reserved. Permission to use, copy, modify and distribute granted; see dict/SOURCES.md.",
		"Generated by dict/gen/bigrams; do not edit. Regenerate: " + regenerate,
	}
}
