package rules

import (
	"fmt"
	"math/bits"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"

	"github.com/edlint/edlint/internal/prose"
	"github.com/edlint/edlint/internal/spell"
)

// nonASCIIRunes scans the whole of text into a runeSet, as
// softenAnglicised does a stretch at a time.
func nonASCIIRunes(text string) *runeSet {
	set := newRuneSet()
	set.scan(text, 0, len(text))
	return set
}

// randomText draws n runes from a small alphabet, so that matches and
// near misses are common.
func randomText(r *rand.Rand, n int) string {
	alphabet := []rune("aabkvzKé’ ")
	var b strings.Builder
	for range n {
		b.WriteRune(alphabet[r.IntN(len(alphabet))])
	}
	return b.String()
}

func TestContainsRare(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		text, needle := randomText(r, r.IntN(40)), randomText(r, r.IntN(5))
		if r.IntN(3) == 0 && len(text) > 0 {
			i := r.IntN(len(text))
			needle = text[i:min(len(text), i+r.IntN(8))]
		}
		want := strings.Contains(text, needle)
		if got := containsRare(text, needle); got != want {
			t.Fatalf("containsRare(%q, %q) = %v, want %v", text, needle, got, want)
		}
		if want && !nonASCIIRunes(text).mayContain(needle) {
			t.Fatalf("mayContain(%q) false in %q", needle, text)
		}
	}
}

func TestOneEditApartNearMisses(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for range 50000 {
		a := randomText(r, r.IntN(7))
		b := []rune(a)
		switch r.IntN(5) {
		case 0:
			if len(b) > 0 {
				b[r.IntN(len(b))] = []rune("abé")[r.IntN(3)]
			}
		case 1:
			if len(b) > 1 {
				i := r.IntN(len(b) - 1)
				b[i], b[i+1] = b[i+1], b[i]
			}
		case 2:
			i := r.IntN(len(b) + 1)
			b = append(b[:i], append([]rune{'a'}, b[i:]...)...)
		case 3:
			if len(b) > 0 {
				i := r.IntN(len(b))
				b = append(b[:i], b[i+1:]...)
			}
		default:
			b = []rune(randomText(r, r.IntN(7)))
		}
		want := spell.Distance(strings.ToLower(a), strings.ToLower(string(b))) <= 1
		if got := oneEditApartFold(a, string(b)); got != want {
			t.Fatalf("oneEditApartFold(%q, %q) = %v, want %v", a, string(b), got, want)
		}
	}
}

func TestStripPossessive(t *testing.T) {
	for in, want := range map[string]string{
		"": "", "s": "s", "'s": "", "’s": "", "Bob's": "Bob", "Bob’S": "Bob", "bobs'": "bobs'",
		"bus": "bus", "’S": "", "x’s": "x", "a's": "a", "as": "as",
	} {
		if got := stripPossessive(in); got != want {
			t.Errorf("stripPossessive(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestOneEditApartFold(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	alphabet := []rune("aAbBkKé")
	word := func(n int) string {
		var b strings.Builder
		for range n {
			b.WriteRune(alphabet[r.IntN(len(alphabet))])
		}
		return b.String()
	}
	for range 50000 {
		a, b := word(r.IntN(6)), word(r.IntN(6))
		want := spell.Distance(strings.ToLower(a), strings.ToLower(b)) <= 1
		if got := oneEditApartFold(a, b); got != want {
			t.Fatalf("oneEditApartFold(%q, %q) = %v, want %v", a, b, got, want)
		}
	}
}

func TestUnchangedByLower(t *testing.T) {
	for _, w := range []string{"", "abc", "aBc", "é", "É", "straße", "İ", "\xff", "a\uFFFDb", "ǅ", "ß", "Σ"} {
		if got, want := unchangedByLower(w), strings.ToLower(w) == w; got != want {
			t.Errorf("unchangedByLower(%q) = %v, want %v", w, got, want)
		}
	}
}

// closedCompoundAll is closedCompound as first written: every split
// tried, the most even kept.
func closedCompoundAll(dict *suggestCache, w string) (string, string, bool) {
	if len(w) < 7 || !isLowerASCIIStart(w) {
		return "", "", false
	}
	best := -1
	for i := 2; i <= len(w)-3; i++ {
		if i == 2 && len(w)-i < 5 {
			continue
		}
		if dict.Check(w[:i]).OK() && dict.Check(w[i:]).OK() {
			if best < 0 || abs(len(w)-2*i) < abs(len(w)-2*best) {
				best = i
			}
		}
	}
	if best < 0 {
		return "", "", false
	}
	return w[:best], w[best:], true
}

func TestClosedCompoundOrder(t *testing.T) {
	dict := &suggestCache{Dict: spell.Builtin(), memo: map[string][]string{}}
	words := []string{"a", "an", "at", "in", "on", "to", "be", "we", "up", "go", "man", "the", "and", "for", "out", "long",
		"term", "water", "watch", "list", "rule", "making", "free", "way", "over", "time", "table", "base", "ball", "under", "stand"}
	r := rand.New(rand.NewPCG(7, 8))
	found := 0
	for range 20000 {
		var b strings.Builder
		for range 2 + r.IntN(2) {
			b.WriteString(words[r.IntN(len(words))])
		}
		if r.IntN(4) == 0 {
			b.WriteString("x")
		}
		w := b.String()
		a1, b1, ok1 := closedCompound(dict, w)
		a2, b2, ok2 := closedCompoundAll(dict, w)
		if ok1 {
			found++
		}
		if a1 != a2 || b1 != b2 || ok1 != ok2 {
			t.Fatalf("closedCompound(%q) = %q %q %v, want %q %q %v", w, a1, b1, ok1, a2, b2, ok2)
		}
	}
	if found < 1000 {
		t.Errorf("only %d of the made-up words split: the test tries too few compounds", found)
	}
	t.Logf("%d of 20000 split", found)
}

func TestNameShapeAndCapitalised(t *testing.T) {
	for _, w := range []string{"", "A", "a", "Abcd", "Ab-cd", "Ab.cd", "Ab‐cd", "Ab‑cd", "Ab—cd", "Abc", "Émile", "émile", "Ωmega", "1abc", "ABCD", "Ab’cd", "\xe2"} {
		if got, want := nameShape(w), !strings.ContainsAny(w, "-‐‑.") && len([]rune(w)) >= 4; got != want {
			t.Errorf("nameShape(%q) = %v, want %v", w, got, want)
		}
		r := []rune(w + "x")[0]
		if got, want := isCapitalised(w), w != "" && unicode.IsUpper(r); got != want {
			t.Errorf("isCapitalised(%q) = %v, want %v", w, got, want)
		}
	}
}

// TestRunOrder: every rule starts exactly once; the first reader of the
// word judgement starts first and the other readers after every other rule.
func TestRunOrder(t *testing.T) {
	rs := All()
	order := RunOrder(rs)
	if len(order) != len(rs) {
		t.Fatalf("%d rules, %d in the order", len(rs), len(order))
	}
	seen := make([]bool, len(rs))
	lastOther, firstLateReader := -1, len(order)
	for k, i := range order {
		if seen[i] {
			t.Fatalf("rule %d starts twice", i)
		}
		seen[i] = true
		_, reader := rs[i].(wordRule)
		switch {
		case k == 0 && !reader:
			t.Errorf("%s starts first, not a reader of the word judgement", rs[i].Meta().Name)
		case k > 0 && reader:
			firstLateReader = min(firstLateReader, k)
		case !reader:
			lastOther = k
		}
	}
	if lastOther > firstLateReader {
		t.Errorf("a rule that does not read the word judgement starts after one that waits for it")
	}
	if got := RunOrder(nil); len(got) != 0 {
		t.Errorf("RunOrder(nil) = %v", got)
	}
	if got := RunOrder([]Rule{Overclaim()}); len(got) != 1 || got[0] != 0 {
		t.Errorf("RunOrder(one rule) = %v", got)
	}
}

// wordUses counts the word tokens of doc by form, lower case with
// straight apostrophes, and in all, afresh from the tokens: the reference
// for judge.wordUses, which takes the parser's type counts.
func wordUses(doc *prose.Document) (uses *wordCounts, size int) {
	n := make([]int32, doc.NumTypes())
	for _, t := range doc.Tokens {
		if t.Kind() == prose.Word {
			n[t.ID()]++
		}
	}
	byLower := make([]int32, doc.NumTypes())
	for id, c := range n {
		if c != 0 {
			byLower[doc.Lower(uint32(id))] += c
			size += int(c)
		}
	}
	return newWordCounts(doc, byLower, nil), size
}

// TestWordCounts checks the word uses that rank suggestions, counted from
// the parser's type counts (judge.wordUses) and afresh (wordUses), against
// a map keyed by every word's lower-case text with straight apostrophes,
// as they were first counted: on text with both apostrophes, cases and
// numbers, and on a document of many distinct words of either kind.
func TestWordCounts(t *testing.T) {
	docs := []string{
		"Don't say don’t, DON'T or Don’t: the THE The 3 3 three, l’état L'état.\n\nWords words WORDS’ words' x.",
	}
	if !testing.Short() {
		var b strings.Builder
		for i := range 200000 {
			if i%3 == 0 {
				fmt.Fprintf(&b, "%d ", i)
			} else {
				fmt.Fprintf(&b, "w%x W%x ", i%5000, i)
			}
		}
		docs = append(docs, b.String())
	}
	for k, text := range docs {
		doc := prose.Parse("t.txt", []byte(text), prose.Plain)
		want, wantSize := map[string]int{}, 0
		for _, tk := range doc.Tokens {
			if tk.Kind() == prose.Word {
				w := strings.ReplaceAll(doc.Type(doc.Lower(tk.ID())), "’", "'")
				want[w]++
				wantSize++
			}
		}
		j := &judge{doc: doc, plans: make([]wordPlan, doc.NumTypes()), seen: make([]uint8, doc.NumTypes())}
		for _, tk := range doc.Tokens {
			if tk.Kind() == prose.Word {
				j.seen[tk.ID()] = seenPlain
			}
		}
		u1, size1 := j.wordUses()
		u2, size2 := wordUses(doc)
		// And with the run's memo of texts, which a twin of the
		// document has filled with their classes (see newWordCounts).
		memo := &runTexts{}
		twin := prose.Parse("twin.txt", []byte(text), prose.Plain)
		buildTokenIndexStops(twin, nil, newTextRefs(memo, twin))
		j.refs = newTextRefs(memo, doc)
		u3, size3 := j.wordUses()
		if u3.byRef == nil || len(u3.slots) >= len(u2.slots) {
			t.Errorf("doc %d: no type found by its index in the memo", k)
		}
		// And with a scratch table another document left, whose
		// entries name this document's types under other indices.
		stale := make([]uint32, maxRef)
		for i := range stale {
			stale[i] = uint32(i*7919%doc.NumTypes()) + 1
		}
		byRefPool.Put(&stale)
		u4, _ := j.wordUses()
		if size1 != wantSize || size2 != wantSize || size3 != wantSize {
			t.Errorf("doc %d: sizes %d, %d, %d, want %d", k, size1, size2, size3, wantSize)
		}
		queries := []string{"", "x", "nothing", "don’t", "l'état", "l’état", "words’"}
		for w := range want {
			queries = append(queries, w)
		}
		for id := range doc.NumTypes() {
			queries = append(queries, doc.Type(uint32(id))) // (with the forms in the memo not counted: "The")
		}
		for _, w := range queries {
			if g1, g2, g3, g4 := u1.get(w), u2.get(w), u3.get(w), u4.get(w); g1 != want[w] || g2 != want[w] || g3 != want[w] || g4 != want[w] {
				t.Errorf("doc %d: uses of %q: %d, %d, %d, %d, want %d", k, w, g1, g2, g3, g4, want[w])
			}
		}
		u3.release()
		u4.release()
	}
}

// TestMayContain checks that the rune and neighbour prefilter of
// softenAnglicised never rules out a form the text holds, on texts of
// accented letters beside a few ASCII ones, with invalid bytes, and with
// forms cut from the text at any byte.
func TestMayContain(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	alphabet := []string{"a", "b", "t", "é", "à", "ö", "’", "ā", "\xc3", "\xa9", "\U0001F600", "\uFFFD"}
	draw := func(n int) string {
		var b strings.Builder
		for range n {
			b.WriteString(alphabet[r.IntN(len(alphabet))])
		}
		return b.String()
	}
	ruled := 0
	for range 50000 {
		text, needle := draw(r.IntN(30)), draw(1+r.IntN(4))
		if r.IntN(2) == 0 && len(text) > 0 {
			i := r.IntN(len(text))
			needle = text[i:min(len(text), i+1+r.IntN(10))]
		}
		may := nonASCIIRunes(text).mayContain(needle)
		if strings.Contains(text, needle) && !may {
			t.Fatalf("mayContain(%q) false in %q", needle, text)
		}
		if !may {
			ruled++
		}
	}
	if ruled == 0 {
		t.Fatal("mayContain ruled nothing out")
	}
}

// TestSoftenAcrossStretches checks that softenAnglicised, which searches
// the text a stretch at a time, finds an ASCII form wherever it lies: at
// the start, across a stretch's end, at the end, and nowhere.
func TestSoftenAcrossStretches(t *testing.T) {
	pad := strings.Repeat("x", softenStretch)
	for _, c := range []struct {
		text string
		in   bool
	}{
		{"naive" + pad, true},
		{pad[:len(pad)-2] + "naive" + pad, true},
		{pad[:len(pad)-5] + "naive" + pad, true},
		{pad + pad + "naive", true},
		{pad + "naiv" + pad + "e", false},
		{"", false},
	} {
		is := []wordIssue{{kind: kindWrongDiacritic, word: "naïve", want: []string{"naive"}}}
		softenAnglicised(is, c.text)
		if got := is[0].sev != Info; got != c.in || got != strings.Contains(c.text, "naive") {
			t.Errorf("text of %d bytes: found %v, want %v", len(c.text), got, c.in)
		}
	}
}

// TestQuickKind checks quickKind against typeKind on texts starting with
// every byte and with letters, digits and marks outside ASCII.
func TestQuickKind(t *testing.T) {
	texts := []string{"’80s", "‘", "’", "é", "Ça", "٣", "ƒ", "º", "—", "'80s", "'", "x", "Z"}
	for c := 0; c < 256; c++ {
		texts = append(texts, string([]byte{byte(c)}), string([]byte{byte(c), 'a'}))
	}
	for _, s := range texts {
		if got, want := quickKind(s), typeKind(s); got != want {
			t.Errorf("quickKind(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestFarLetters checks farLetters against the letter counts' distance
// summed over every byte.
func TestFarLetters(t *testing.T) {
	r := rand.New(rand.NewPCG(31, 32))
	for range 2000 {
		a, b := randomWord(r), randomWord(r)
		var n [128]int
		for i := range len(a) {
			n[a[i]]++
		}
		for i := range len(b) {
			n[b[i]]--
		}
		d := 0
		for _, c := range n {
			d += abs(c)
		}
		for limit := 1; limit <= 2; limit++ {
			if got, want := farLetters(a, b, limit), d > 2*limit; got != want {
				t.Fatalf("farLetters(%q, %q, %d) = %v, want %v", a, b, limit, got, want)
			}
		}
	}
}

// randomWord is a word of up to 12 of a few letters.
func randomWord(r *rand.Rand) string {
	b := make([]byte, r.IntN(13))
	for i := range b {
		b[i] = "abcdeilnorst"[r.IntN(12)]
	}
	return string(b)
}

// TestLetterMask checks the test closest makes before oneEditApartASCII:
// for pairs of ASCII words one edit apart in any case (a word and its
// edit: a substitution, a swap of neighbours, an insertion, a deletion),
// the masks differ in two bits at most; and that it rules out pairs.
func TestLetterMask(t *testing.T) {
	r := rand.New(rand.NewPCG(43, 44))
	alphabet := "aAbBkKzZ0-'@`"
	word := func(n int) []byte {
		b := make([]byte, n)
		for i := range b {
			b[i] = alphabet[r.IntN(len(alphabet))]
		}
		return b
	}
	ruled := 0
	for range 50000 {
		a := string(word(1 + r.IntN(8)))
		b := []byte(a)
		switch r.IntN(5) {
		case 0:
			b[r.IntN(len(b))] = alphabet[r.IntN(len(alphabet))]
		case 1:
			if len(b) > 1 {
				i := r.IntN(len(b) - 1)
				b[i], b[i+1] = b[i+1], b[i]
			}
		case 2:
			i := r.IntN(len(b) + 1)
			b = append(b[:i], append([]byte{alphabet[r.IntN(len(alphabet))]}, b[i:]...)...)
		case 3:
			i := r.IntN(len(b))
			b = append(b[:i], b[i+1:]...)
		default:
			b = word(r.IntN(9))
		}
		far := bits.OnesCount64(letterMask(a)^letterMask(string(b))) > 2
		if far {
			ruled++
		}
		if far && oneEditApartASCII(a, string(b)) {
			t.Fatalf("%q and %q are one edit apart, but their masks differ in more than two bits", a, string(b))
		}
	}
	if ruled == 0 {
		t.Error("the masks ruled out no pair")
	}
}

// TestOwnedWord checks ownedWord against a lookup of strings.ToLower, on
// words in any case, with letters outside ASCII, and longer than its
// buffer.
func TestOwnedWord(t *testing.T) {
	owned := map[string]bool{"watchlist": true, "naïve": true, "rulemaking": true, strings.Repeat("ab", 20): true, "": true}
	var buf [32]byte
	for _, w := range []string{"watchlist", "Watchlist", "WATCHLIST", "watchlists", "Naïve", "NAÏVE", "naive",
		"RuleMaking", strings.Repeat("AB", 20), strings.Repeat("ab", 16), strings.Repeat("Ab", 16), "", "İ", "x"} {
		if got, want := ownedWord(owned, w, &buf), owned[strings.ToLower(w)]; got != want {
			t.Errorf("ownedWord(%q) = %v, want %v", w, got, want)
		}
	}
}

// TestSpeltTexts checks that a form of letters is in SpeltTexts
// exactly when it is in the draft's prose: on random plain drafts of
// words with and without their marks, parted by spaces, punctuation and
// line breaks, for every letter run of the draft and for near misses.
func TestSpeltTexts(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	words := []string{"naive", "naïve", "Krakow", "Kraków", "Podesta", "Podestà", "Zelnickova", "Zelníčková", "the", "of", "café", "cafe", "counterrevolutionaries", "Zelníčková’s", "internationalisation"}
	seps := []string{" ", ", ", ". ", "\n", " (", ") ", "-", "’s ", "\n\n"}
	for range 300 {
		var b strings.Builder
		for range 1 + r.IntN(40) {
			b.WriteString(words[r.IntN(len(words))])
			b.WriteString(seps[r.IntN(len(seps))])
		}
		text := b.String()
		doc := prose.Parse("t.txt", []byte(text), prose.Plain)
		written := doc.SpeltTexts()
		needles := append([]string{"ve", "ïv", "kow", "ków", "stà", "ov", "afé", "aries", "isation", "ová’s"}, words...)
		for _, w := range needles {
			if got, want := strings.Contains(written, w), strings.Contains(text, w); got != want {
				t.Fatalf("%q in the spelt texts of %q: %v, in the text %v", w, text, got, want)
			}
		}
	}
}

// TestSoftenCodeSpan checks that a form written only where the draft's
// prose is not (a Markdown code span) does not count as written: the
// dropped mark stays a note.
func TestSoftenCodeSpan(t *testing.T) {
	for _, c := range []struct {
		src  string
		soft bool
	}{
		{"We met in Krakow. See `Kraków` in the code.\n", true},
		{"We met in Krakow. Kraków is in Poland.\n", false},
	} {
		doc := prose.Parse("t.md", []byte(c.src), prose.Markdown)
		is := []wordIssue{{kind: kindWrongDiacritic, word: "Krakow", want: []string{"Kraków"}}}
		softenAnglicised(is, doc.SpeltTexts())
		if got := is[0].sev == Info; got != c.soft {
			t.Errorf("%q: softened %v, want %v", c.src, got, c.soft)
		}
	}
}

// TestClosestOracle checks draftNames.closest, which reads the used names
// by shape from a sorted list (or all of them, unshaped), against a look
// at every used name: the most used near name, used more than uses, the
// first to join of those; also when names join after closest has sorted
// the list.
func TestClosestOracle(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	firsts := []rune("AAKÉ")
	rest := []rune("aabké")
	oracle := func(n *draftNames, i int32, uses int) (int32, int) {
		best, bestN, bestSeq := int32(-1), uses, int32(0)
		if n.at[i].runes < 4 {
			return best, bestN
		}
		for o := range n.forms {
			a := n.at[o]
			if int32(o) == i || a.seq < 0 || firstRune(n.forms[o]) != firstRune(n.forms[i]) || a.runes < 4 ||
				abs(a.runes-n.at[i].runes) > 1 || !oneEditApartFold(n.forms[i], n.forms[o]) {
				continue
			}
			if a.count > bestN || a.count == bestN && best >= 0 && a.seq < bestSeq {
				best, bestN, bestSeq = int32(o), a.count, a.seq
			}
		}
		return best, bestN
	}
	found := 0
	for round := range 200 {
		n := newDraftNames(r.IntN(200))
		n.unshaped = round%4 == 3 // (as when some name has no shapeKey)
		var forms []string
		for range 5 + r.IntN(40) {
			var b strings.Builder
			b.WriteRune(firsts[r.IntN(len(firsts))])
			for range 2 + r.IntN(4) {
				b.WriteRune(rest[r.IntN(len(rest))])
			}
			forms = append(forms, b.String())
		}
		check := func() {
			for i := range n.forms {
				for _, uses := range []int{0, 1, 2, 5} {
					got, gotN := n.closest(int32(i), uses)
					want, wantN := oracle(n, int32(i), uses)
					if got != want || gotN != wantN {
						t.Fatalf("round %d: closest(%q, %d) = %d (%d uses), want %d (%d)", round, n.forms[i], uses, got, gotN, want, wantN)
					}
					if got >= 0 {
						found++
					}
				}
			}
		}
		for k := range 3 * len(forms) {
			i := n.intern(forms[r.IntN(len(forms))])
			n.use(i, prose.Span{Start: k, End: k + 1})
			if k == len(forms) {
				check() // the list sorted, then more names join
			}
		}
		check()
	}
	if found == 0 {
		t.Error("no close name found: the test says little")
	}
}
