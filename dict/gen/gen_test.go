package main

import (
	"reflect"
	"testing"
)

func TestRewrites(t *testing.T) {
	p := &pairer{
		isAm:    set([]string{"center", "maneuver", "theater"}),
		isBrAny: set([]string{"centre", "manoeuvre", "theatre"}),
	}
	yes := [][2]string{
		{"color", "colour"}, {"organization", "organisation"}, {"analyzed", "analysed"},
		{"traveled", "travelled"}, {"fulfill", "fulfil"}, {"defense", "defence"},
		{"catalogs", "catalogues"}, {"cataloged", "catalogued"}, {"judgment", "judgement"},
		{"centered", "centred"}, {"centering", "centring"}, {"centerpiece", "centrepiece"},
		{"maneuvering", "manoeuvring"}, {"theatergoer", "theatregoer"}, {"hemorrhage", "haemorrhage"},
		{"gray", "grey"}, {"pediatric", "paediatric"}, {"estrogen", "oestrogen"},
	}
	no := [][2]string{
		{"color", "color"},               // no change
		{"perviousness", "previousness"}, // er -> re outside an -er stem
		{"concertize", "concretise"},     // same
		{"stele", "stelae"},              // Latin plural, not a spelling
		{"colors", "colour"},             // different inflection
		{"organize", "organisation"},     // different word
	}
	for _, c := range yes {
		if !p.rewrites(c[0], c[1], spellingRules) {
			t.Errorf("%s/%s not paired", c[0], c[1])
		}
	}
	for _, c := range no {
		if p.rewrites(c[0], c[1], spellingRules) {
			t.Errorf("%s/%s paired", c[0], c[1])
		}
	}
	if !notVariants[[2]string{"Timor", "Timour"}] && p.rewrites("Timor", "Timour", properNounRules) {
		t.Error("Timor/Timour would be paired")
	}
}

func TestTokenize(t *testing.T) {
	got := tokenize("The CIA's well-known 9/11 report: O'Neill’s \"co-operation\", don't; AB12 x-ray.")
	want := []string{"The", "well", "known", "report", "O", "Neill", "co", "operation", "don", "t", "x", "ray"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("tokenize = %q, want %q", got, want)
	}
}

func TestKnown(t *testing.T) {
	s := set([]string{"moscow", "Czech", "apple"})
	for w, want := range map[string]bool{"apple": true, "Apple": true, "Czech": true, "czech": false, "aPPle": false, "Pear": false} {
		if got := known(s, w); got != want {
			t.Errorf("known(%q) = %v, want %v", w, got, want)
		}
	}
}
