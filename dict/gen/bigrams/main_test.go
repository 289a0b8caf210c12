package main

import (
	"reflect"
	"testing"

	"github.com/edlint/edlint/internal/spell"
)

func TestTokens(t *testing.T) {
	for text, want := range map[string][]string{
		`the act of folding; "he gave the napkins a double fold"`: {"the", "act", "of", "folding", "", "he", "gave", "the", "napkins", "a", "double", "fold"},
		"(usually followed by `to') it's well-known":              {"usually", "followed", "by", "to", "it's", "well-known"},
		"in 1987 Moscow's ‘asset’ ut not":                         {"in", "", "moscow's", "asset", "ut", "not"},
		"end. Start - dash":                                       {"end", "", "start", "", "dash"},
	} {
		if got := spell.BigramTokens(text); !reflect.DeepEqual(got, want) {
			t.Errorf("BigramTokens(%q) = %q, want %q", text, got, want)
		}
	}
}

func TestLines(t *testing.T) {
	c := &counts{uni: map[string]int{}, bi: map[[2]string]int{}}
	c.addText("the cat sat; the cat ran. a dog")
	got := c.lines(2, 2)
	want := []string{"cat\t2", "the\t2", "the cat\t2"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("lines = %q, want %q", got, want)
	}
}
