package rules_test

import (
	"testing"

	"github.com/edlint/edlint/internal/prose"
	"github.com/edlint/edlint/internal/rules"
)

func TestEstimates(t *testing.T) {
	src := "It’s 100% certain. It is Very Likely that he went, and there is a high probability he stayed. " +
		"Kalugin said he was undoubtedly an asset. We put it at a 30% chance. A certain person may well know.\n"
	doc := prose.Parse("x.txt", []byte(src), prose.Plain)
	type want struct {
		text   string
		kind   rules.EstimateKind
		band   string
		term   string
		quoted bool
	}
	wants := []want{
		{"100% certain", rules.EstAbsolute, "95–99 %", "almost certain", false},
		{"Very Likely", rules.EstTerm, "80–95 %", "very likely", false},
		{"high probability", rules.EstPhrase, "80–95 %", "very likely", false},
		{"undoubtedly", rules.EstBooster, "95–99 %", "almost certainly", true},
		{"30% chance", rules.EstPercent, "20–45 %", "unlikely", false},
		{"may well", rules.EstHedge, "", "", false},
	}
	got := rules.Estimates(doc, rules.Options{})
	if len(got) != len(wants) {
		for _, e := range got {
			t.Logf("%q %v", doc.Slice(e.Span), e.Kind)
		}
		t.Fatalf("got %d estimates, want %d", len(got), len(wants))
	}
	for i, w := range wants {
		e := got[i]
		band := ""
		if !e.Band.IsZero() {
			band = e.Band.String()
		}
		if doc.Slice(e.Span) != w.text || e.Kind != w.kind || band != w.band || e.Term != w.term || e.Attributed != w.quoted {
			t.Errorf("estimate %d: got %q %v %q %q attributed=%v, want %+v", i, doc.Slice(e.Span), e.Kind, band, e.Term, e.Attributed, w)
		}
	}
}

func TestYardsticks(t *testing.T) {
	for _, name := range rules.YardstickNames() {
		y, err := rules.LookupYardstick(name)
		if err != nil {
			t.Fatal(err)
		}
		bands := y.Bands()
		if len(bands) < 5 {
			t.Errorf("%s: %d bands", name, len(bands))
		}
		for i, b := range bands {
			if i > 0 && b.Low < bands[i-1].High {
				t.Errorf("%s: band %v overlaps %v", name, b, bands[i-1])
			}
			for _, role := range []string{"adj", "noun"} {
				if s := y.Suggest(b.Mid(), role); s.Term == "" {
					t.Errorf("%s: no %s term for band %v", name, role, b)
				}
			}
		}
	}
	if _, err := rules.LookupYardstick("kent"); err == nil {
		t.Error("unknown yardstick accepted")
	}
	icd, _ := rules.LookupYardstick("")
	for p, want := range map[float64]string{85: "very likely", 50: "roughly even chance", 3: "almost no chance", 99: "almost certain"} {
		role := "adj"
		if want == "roughly even chance" || want == "almost no chance" {
			role = "noun"
		}
		if got := icd.Suggest(p, role).Term; got != want {
			t.Errorf("ICD 203 term for %v %%: %q, want %q", p, got, want)
		}
	}
	phia, _ := rules.LookupYardstick("phia")
	if got := phia.Suggest(78, "adj").Term; got != "highly likely" {
		t.Errorf("PHIA term for 78 %% (in a gap): %q, want the nearest band's \"highly likely\"", got)
	}
}
