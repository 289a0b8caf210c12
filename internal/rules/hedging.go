package rules

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/edlint/edlint/dict"
	"github.com/edlint/edlint/internal/prose"
)

// This file holds the data the hedging rules share: the yardsticks
// (dict/yardsticks/*.txt), the non-standard probability phrases and the cue
// lists, and the token trie that finds all of them in one pass. The
// extraction itself (Estimates) is in estimates.go.

// Band is a probability range in percent.
type Band struct {
	Low, High float64
}

// IsZero reports whether the band is unset.
func (b Band) IsZero() bool { return b == Band{} }

// Mid is the middle of the band.
func (b Band) Mid() float64 { return (b.Low + b.High) / 2 }

func (b Band) String() string {
	if b.Low == b.High {
		return pct(b.Low) + " %"
	}
	return pct(b.Low) + "–" + pct(b.High) + " %"
}

func pct(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// YardstickTerm is one term of a yardstick.
type YardstickTerm struct {
	Term string
	Band Band
	// Row is "likelihood" or "probability" for ICD 203, "-" for
	// yardsticks with one row.
	Row string
	// roles lists the grammatical slots the term fills (adj, adv, noun);
	// preferred lists those for which it is the suggested term of its band.
	roles, preferred []string
}

// Yardstick is an estimative-language standard: terms and their bands.
type Yardstick struct {
	Name  string // the --yardstick value: icd203, phia, nato
	Title string // how messages name it: "ICD 203"
	Terms []YardstickTerm
	index map[string]int
	bands []Band // computed once at load
	ord   int    // its place in yardstickTitles (match.terms)
}

// Term returns the yardstick's entry for a lower-case term.
func (y *Yardstick) Term(term string) (YardstickTerm, bool) {
	i, ok := y.index[term]
	if !ok {
		return YardstickTerm{}, false
	}
	return y.Terms[i], true
}

// TopTerm is the term of the highest band in a role ("adj" or "adv"): what
// the yardstick offers instead of a certainty.
func (y *Yardstick) TopTerm(role string) YardstickTerm {
	return y.Suggest(100, role)
}

// BottomTerm is the term of the lowest band in a role.
func (y *Yardstick) BottomTerm(role string) YardstickTerm {
	return y.Suggest(0, role)
}

// Suggest returns the yardstick's preferred term for the band that holds
// percent p, in the grammatical role asked for when the band has one (else
// the band's preferred term in any role). A p in a gap between bands (PHIA
// leaves gaps on purpose) goes to the nearest band.
func (y *Yardstick) Suggest(p float64, role string) YardstickTerm {
	band := y.BandOf(p)
	var fallback *YardstickTerm
	for i := range y.Terms {
		t := &y.Terms[i]
		if t.Band != band || len(t.preferred) == 0 {
			continue
		}
		if contains(t.preferred, role) {
			return *t
		}
		if fallback == nil {
			fallback = t
		}
	}
	if fallback != nil {
		return *fallback
	}
	return YardstickTerm{Band: band}
}

// HasRole reports whether t fills the grammatical role.
func (t YardstickTerm) HasRole(role string) bool { return contains(t.roles, role) }

// BandOf returns the band that holds p: low ≤ p < high, the top band
// including its upper bound; in a gap, the nearest band.
func (y *Yardstick) BandOf(p float64) Band {
	bands := y.bands
	if bands == nil {
		bands = y.computeBands()
	}
	best, bestDist := Band{}, 1e9
	for i, b := range bands {
		if p >= b.Low && (p < b.High || (i == len(bands)-1 && p <= b.High)) {
			return b
		}
		d := b.Low - p
		if p > b.High {
			d = p - b.High
		}
		if d < 0 {
			d = -d
		}
		if d < bestDist {
			best, bestDist = b, d
		}
	}
	return best
}

// Bands lists the yardstick's distinct bands from lowest to highest.
func (y *Yardstick) Bands() []Band {
	if y.bands != nil {
		return append([]Band(nil), y.bands...)
	}
	return y.computeBands()
}

func (y *Yardstick) computeBands() []Band {
	var out []Band
	seen := map[Band]bool{}
	for _, t := range y.Terms {
		if !seen[t.Band] {
			seen[t.Band] = true
			out = append(out, t.Band)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Low < out[j].Low })
	return out
}

// yardstickTitles names each yardstick as messages do, in the order the
// --yardstick help lists them.
var yardstickTitles = [...]struct{ name, title string }{
	{"icd203", "ICD 203"},
	{"phia", "PHIA"},
	{"nato", "NATO"},
}

// YardstickNames lists the yardsticks --yardstick accepts, the default first.
func YardstickNames() []string {
	out := make([]string, len(yardstickTitles))
	for i, y := range yardstickTitles {
		out[i] = y.name
	}
	return out
}

// LookupYardstick returns the yardstick named name ("" means the default,
// ICD 203).
func LookupYardstick(name string) (*Yardstick, error) {
	if name == "" {
		name = "icd203"
	}
	h := hedgeData()
	if h.err != nil {
		return nil, h.err
	}
	if y, ok := h.yardsticks[strings.ToLower(name)]; ok {
		return y, nil
	}
	return nil, fmt.Errorf("unknown yardstick %q (want one of %s)", name, strings.Join(YardstickNames(), ", "))
}

// yardstickOf is the yardstick a rule runs under; an unknown name (the CLI
// rejects those) falls back to the default.
func yardstickOf(o *Options) *Yardstick {
	name := ""
	if o != nil {
		name = o.Yardstick
	}
	y, err := LookupYardstick(name)
	if err != nil {
		y, err = LookupYardstick("")
		if err != nil {
			panic(err) // the embedded data is broken: a bug, caught by tests
		}
	}
	return y
}

// phrase is a non-standard probability phrase with the percent readers
// take it to mean.
type phrase struct {
	percent float64
	role    string
}

// cueKind classifies band-less cues.
type cueKind uint8

const (
	cueBooster cueKind = iota + 1
	cueHedge
	cueStack
	cueFrame
	cueConfidence
)

// cue is a band-less cue from cues.txt.
type cue struct {
	kind     cueKind
	severity Severity
	note     string
}

// match is what a trie node at the end of a phrase stands for. A phrase
// may be a term of several yardsticks and nothing else, or one other thing:
// the flag of each kind tells which.
//
// The matches are held in one array, what they stand for in place and a
// yardstick's term by its index, so that the collector, which marks the
// hedging tables at every cycle of a run, finds a few pointers into a few
// objects (see trieNode).
type match struct {
	key string
	// terms holds, by yardstick (yardstickTitles' order), the index of
	// the phrase's term in the yardstick's Terms plus one: 0, none.
	terms                      [len(yardstickTitles)]uint8
	isPhrase, isCue, isPercent bool
	phrase                     phrase
	cue                        cue
	percent                    percentPattern
}

// noTerms is match.terms of a phrase that is no yardstick's term.
var noTerms [len(yardstickTitles)]uint8

// term returns the phrase's term in yardstick y, if it is one.
func (m *match) term(y *Yardstick) (YardstickTerm, bool) {
	k := m.terms[y.ord]
	if k == 0 {
		return YardstickTerm{}, false
	}
	return y.Terms[k-1], true
}

// percentPattern is a numeric probability: "70% chance", "virtually 100%
// certain", "probability of 0.7" is not one (only percentages are).
type percentPattern struct {
	hedged bool   // virtually/almost/nearly/practically before the number
	word   string // chance, probability, certain, …
	ratio  bool   // "1 in 10 chance"
}

// trieNode is one node of the phrase trie. Its children are found by
// vocabulary number (see hedging.vocab), so that a document's tokens are
// matched by their ID; the trie is built the same way, a key numbered as it
// is first inserted. (Built by key, a map per node and a numbering pass
// that sorted every node's keys, it cost every run 1.2M instructions of
// its start-up.)
//
// The nodes are held in one array (hedging.nodes, the root first), their
// children in another (hedging.kids), by index: neither holds a pointer.
// The tables live through the whole run, and the collector marks them at
// every cycle: as nodes in blocks, a slice of children each, and the
// matches and what they stand for (the phrases, cues, percentages and a
// map of terms each) in objects of their own, some 1,000 small objects,
// they cost the 20 MB draft's twelve cycles about 4M instructions
// (stop-the-world collector, one core). Kept as pointers, but into the
// three arrays, they cost nearly as much as before: the collector follows
// each pointer to its array. The indexes cost the walks extra loads and
// bounds checks (mayMatch 2.2M -> 4.6M) until the nodes had their
// children's filter (words): 1.1M less than the pointers' walks.
type trieNode struct {
	kids, nkids int32 // its children: hedging.kids[kids:kids+nkids]
	m           int32 // its match: index in hedging.matches plus one; 0, none
	// words has bit w%64 set for the vocabulary number w of each child:
	// most words asked for are no child, and kid's scan is passed over.
	words uint64
}

// trieKid is a child of a trie node and the vocabulary number of its key.
type trieKid struct {
	word uint16
	node int32 // index in hedging.nodes
}

// buildKid is a child in the trie as insert builds it: the children of a
// node are a list, newest first, from trieNode.kids (index in
// hedging.building plus one, 0 ending the list), which number lays out in
// runs of hedging.kids (layOut). (No slice per node: insert made 465.)
type buildKid struct {
	word       uint16
	node, next int32
}

// numberKey is the trie key that matches any number token.
const numberKey = "#"

type hedging struct {
	yardsticks map[string]*Yardstick
	// nodes, kids and matches are the trie (see trieNode), its root
	// nodes[0].
	nodes    []trieNode
	kids     []trieKid
	matches  []match
	boosters []string // one-word boosters, for recognizing misspelled ones
	// vocab numbers the trie's keys from 1 (a word no phrase uses is 0);
	// rootKids is the root's children by that number (their indexes in
	// nodes; 0, none), numberWord the number of the number wildcard.
	vocab      map[string]uint16
	rootKids   []int32
	numberWord uint16
	// vocabLens has bit n of entry c set when a key of n bytes starts
	// with byte c: most words are no key and skip the lookup.
	vocabLens [256]uint64
	// vocabSlots holds the keys of vocab for word, by vocabHash: every
	// type of every document that passes vocabLens is looked up, and a
	// map's lookup hashed all its bytes, where this hash reads three.
	vocabSlots [vocabSlotCount]vocabSlot
	// boosterFirst and boosterSecond have bit i set for the bytes that
	// start booster i (of eight letters or more) and come second in it:
	// nearBooster tries the boosters of both bits, in order, then those
	// past the bits (boosterRest: none in the lists as they are).
	boosterFirst, boosterSecond [256]uint32
	boosterRest                 []int
	err                         error
	// building holds the children as insert adds them, until number
	// lays them out.
	building []buildKid
}

// kid returns the child of n for vocabulary word w (0, no word: nil).
// Inner nodes have a handful of children: a scan beats a map.
func (h *hedging) kid(n *trieNode, w uint16) *trieNode {
	if n.words&(1<<(w%64)) == 0 {
		return nil
	}
	for _, k := range h.kids[n.kids : n.kids+n.nkids] {
		if k.word == w {
			return &h.nodes[k.node]
		}
	}
	return nil
}

// rootKid is the child of the root for vocabulary word w (nil: none).
func (h *hedging) rootKid(w uint16) *trieNode {
	if i := h.rootKids[w]; i != 0 {
		return &h.nodes[i]
	}
	return nil
}

// match is n's match (nil: none).
func (h *hedging) match(n *trieNode) *match {
	if n.m == 0 {
		return nil
	}
	return &h.matches[n.m-1]
}

var (
	hedgeOnce sync.Once
	hedgeVal  *hedging
)

// hedgeData loads the yardsticks and cue lists and builds the trie, once.
func hedgeData() *hedging {
	hedgeOnce.Do(func() {
		hedgeVal = newHedging()
		hedgeVal.err = hedgeVal.load()
		if hedgeVal.err == nil {
			hedgeVal.err = hedgeVal.number()
		}
	})
	return hedgeVal
}

// newHedging returns an empty hedging table: its trie and vocabulary
// (sized for the lists as they are) are filled by insert.
func newHedging() *hedging {
	// (Sized for the lists as they are: 465 nodes, 312 matches.)
	return &hedging{
		yardsticks: make(map[string]*Yardstick, len(yardstickTitles)),
		nodes:      make([]trieNode, 1, 512),
		matches:    make([]match, 0, 320),
		building:   make([]buildKid, 0, 512),
		vocab:      make(map[string]uint16, 192),
	}
}

func (h *hedging) load() error {
	for ord, yt := range yardstickTitles {
		y := &Yardstick{Name: yt.name, Title: yt.title, index: map[string]int{}, ord: ord}
		err := eachRow("yardsticks/"+yt.name+".txt", 5, func(f []string) error {
			lo, err1 := strconv.ParseFloat(f[1], 64)
			hi, err2 := strconv.ParseFloat(f[2], 64)
			if err1 != nil || err2 != nil || lo > hi {
				return fmt.Errorf("bad band %q–%q", f[1], f[2])
			}
			t := YardstickTerm{Term: f[0], Band: Band{lo, hi}, Row: f[3]}
			for _, r := range strings.Split(f[4], ",") {
				if base, ok := strings.CutSuffix(r, "*"); ok {
					t.preferred = append(t.preferred, base)
					r = base
				}
				t.roles = append(t.roles, r)
			}
			if len(y.Terms) >= 255 {
				return fmt.Errorf("more than 254 terms (match.terms)")
			}
			y.index[t.Term] = len(y.Terms)
			y.Terms = append(y.Terms, t)
			h.insert(t.Term).terms[ord] = uint8(len(y.Terms))
			return nil
		})
		if err != nil {
			return err
		}
		y.bands = y.computeBands()
		h.yardsticks[y.Name] = y
	}
	err := eachRow("yardsticks/phrases.txt", 3, func(f []string) error {
		p, err := strconv.ParseFloat(f[1], 64)
		if err != nil {
			return fmt.Errorf("bad percent %q", f[1])
		}
		m := h.insert(f[0])
		m.phrase, m.isPhrase = phrase{percent: p, role: f[2]}, true
		return nil
	})
	if err != nil {
		return err
	}
	err = eachRow("yardsticks/cues.txt", 4, func(f []string) error {
		var k cueKind
		switch f[1] {
		case "booster":
			k = cueBooster
		case "hedge":
			k = cueHedge
		case "stack":
			k = cueStack
		case "frame":
			k = cueFrame
		case "confidence":
			k = cueConfidence
		default:
			return fmt.Errorf("unknown cue kind %q", f[1])
		}
		sev, err := ParseSeverity(f[2])
		if err != nil {
			return err
		}
		m := h.insert(f[0])
		m.cue, m.isCue = cue{kind: k, severity: sev, note: f[3]}, true
		if k == cueBooster && !strings.Contains(f[0], " ") {
			h.boosters = append(h.boosters, f[0])
		}
		return nil
	})
	if err != nil {
		return err
	}
	// Numeric probabilities: grammar rather than vocabulary, so built here.
	words := []string{"chance", "chances", "probability", "likelihood", "likely", "certain", "certainty", "sure", "odds"}
	for _, w := range words {
		for _, unit := range []string{"%", "percent", "per cent"} {
			h.insert(numberKey + " " + unit + " " + w).setPercent(percentPattern{word: w})
			for _, hedge := range []string{"virtually", "almost", "nearly", "practically"} {
				h.insert(hedge + " " + numberKey + " " + unit + " " + w).setPercent(percentPattern{word: w, hedged: true})
			}
		}
	}
	for _, w := range []string{"probability", "likelihood", "chance"} {
		for _, unit := range []string{"%", "percent", "per cent"} {
			h.insert(w + " of " + numberKey + " " + unit).setPercent(percentPattern{word: w})
		}
	}
	h.insert(numberKey + " in " + numberKey + " chance").setPercent(percentPattern{word: "chance", ratio: true})
	return nil
}

// setPercent makes m stand for the numeric probability pp.
func (m *match) setPercent(pp percentPattern) { m.percent, m.isPercent = pp, true }

// number builds the tables over the trie's keys (numbered by insert, in
// the lists' order, so that the layout does not depend on map order).
func (h *hedging) number() error {
	h.layOut()
	h.rootKids = make([]int32, len(h.vocab)+1)
	for _, k := range h.kids[h.nodes[0].kids : h.nodes[0].kids+h.nodes[0].nkids] {
		h.rootKids[k.word] = k.node
	}
	h.numberWord = h.vocab[numberKey]
	for i, b := range h.boosters {
		switch {
		case len(b) < 8:
		case i < 32:
			h.boosterFirst[b[0]] |= 1 << i
			h.boosterSecond[b[1]] |= 1 << i
		default:
			h.boosterRest = append(h.boosterRest, i)
		}
	}
	if 2*len(h.vocab) > vocabSlotCount {
		// (Fuller, the table's probes grow long; full, placing a key
		// would never end.)
		return fmt.Errorf("the hedging lists have %d words, more than half the %d slots of their table: raise vocabSlotCount", len(h.vocab), vocabSlotCount)
	}
	for k, w := range h.vocab {
		if len(k) < 64 {
			h.vocabLens[k[0]] |= 1 << len(k)
			i := vocabHash(k)
			for h.vocabSlots[i].key != "" {
				i = (i + 1) % vocabSlotCount
			}
			h.vocabSlots[i] = vocabSlot{k, w}
		}
	}
	return nil
}

// vocabSlotCount is the size of hedging.vocabSlots: at least twice the
// keys (140).
const vocabSlotCount = 512

// vocabSlot is a key of hedging.vocab and its number.
type vocabSlot struct {
	key string
	w   uint16
}

// vocabHash is the slot of hedging.vocabSlots where the search for key k
// (not empty) starts: from its length and its first and last bytes.
func vocabHash(k string) uint32 {
	x := uint32(k[0])<<16 | uint32(k[len(k)-1])<<8 | uint32(len(k))
	return x * 0x9e3779b1 >> 23 // (the top nine bits: vocabSlotCount)
}

// word returns the vocabulary number of key k (lower-case, straight
// apostrophes), 0 when no phrase uses it. Most words fail vocabLens,
// which its callers (one call per type) inline.
func (h *hedging) word(k string) uint16 {
	if k == "" || len(k) >= 64 || h.vocabLens[k[0]]&(1<<len(k)) == 0 {
		return 0
	}
	for i := vocabHash(k); ; i = (i + 1) % vocabSlotCount {
		sl := &h.vocabSlots[i]
		if len(sl.key) == len(k) && sl.key == k {
			return sl.w
		}
		if sl.key == "" {
			return 0
		}
	}
}

// mayBeWord reports whether word(k) may be a number: false for most
// words.
func (h *hedging) mayBeWord(k string) bool {
	return k != "" && len(k) < 64 && h.vocabLens[k[0]]&(1<<len(k)) != 0
}

// insert adds a phrase to the trie and returns its match record, which
// the caller fills before the next insert (it lives in an array that grows).
func (h *hedging) insert(phrase string) *match {
	n := int32(0)
	var buf [8]string
	for _, k := range phraseKeys(buf[:0], phrase) {
		n = h.child(n, k)
	}
	if h.nodes[n].m == 0 {
		h.matches = append(h.matches, match{key: phrase})
		h.nodes[n].m = int32(len(h.matches))
	}
	return &h.matches[h.nodes[n].m-1]
}

// child returns the child of node n for key, adding it (and numbering the
// key) if need be.
func (h *hedging) child(n int32, key string) int32 {
	w, ok := h.vocab[key]
	if !ok {
		w = uint16(len(h.vocab) + 1)
		h.vocab[key] = w
	}
	for k := h.nodes[n].kids; k != 0; k = h.building[k-1].next {
		if h.building[k-1].word == w {
			return h.building[k-1].node
		}
	}
	c := int32(len(h.nodes))
	h.nodes = append(h.nodes, trieNode{})
	h.building = append(h.building, buildKid{word: w, node: c, next: h.nodes[n].kids})
	h.nodes[n].kids = int32(len(h.building))
	return c
}

// layOut turns the children insert listed (hedging.building) into the
// trie's array of children: each node's in one run, in the order they were
// added.
func (h *hedging) layOut() {
	h.kids = make([]trieKid, len(h.building))
	at := int32(0)
	for i := range h.nodes {
		n := &h.nodes[i]
		head := n.kids
		for k := head; k != 0; k = h.building[k-1].next {
			n.nkids++
		}
		n.kids = at
		at += n.nkids
		// The list is newest first: the run is filled from its end.
		j := at
		for k := head; k != 0; k = h.building[k-1].next {
			j--
			h.kids[j] = trieKid{word: h.building[k-1].word, node: h.building[k-1].node}
			n.words |= 1 << (h.building[k-1].word % 64)
		}
	}
	h.building = nil
}

// phraseKeys splits a data phrase into token keys the way the prose
// tokenizer splits a draft: words keep inner apostrophes and hyphens, every
// other mark is its own token. It appends the keys to out.
func phraseKeys(out []string, s string) []string {
	// One pass, a space ending a key as a mark does but no key itself
	// (strings.Fields, then the marks of each field, cost a slice and a
	// second pass).
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if isASCIIAlnumByte(c) {
			continue
		}
		if (c == '\'' || c == '-') && i > start && i+1 < len(s) && !asciiSpace(s[i+1]) {
			continue
		}
		if i > start {
			out = append(out, s[start:i])
		}
		if !asciiSpace(c) {
			out = append(out, s[i:i+1])
		}
		start = i + 1
	}
	if start < len(s) {
		out = append(out, s[start:])
	}
	return out
}

func asciiSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'
}

func isASCIIAlnumByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// eachRow calls fn with the tab-separated fields of every entry of an
// embedded list, which must have exactly n fields.
func eachRow(name string, n int, fn func([]string) error) error {
	b, err := dict.Read(name)
	if err != nil {
		return fmt.Errorf("dict %s: %w", name, err)
	}
	// The lines and fields are cut in place, into one array for all the
	// rows: Split made a slice for the file and one for each row.
	var fields [8]string
	rest := string(b)
	for i := 0; rest != ""; i++ {
		line := rest
		if j := strings.IndexByte(rest, '\n'); j >= 0 {
			line, rest = rest[:j], rest[j+1:]
		} else {
			rest = ""
		}
		if line == "" || line[0] == '#' {
			continue
		}
		f := fields[:0]
		count := 0
		for {
			j := strings.IndexByte(line, '\t')
			if count < len(fields) {
				if j < 0 {
					f = append(f, line)
				} else {
					f = append(f, line[:j])
				}
			}
			count++
			if j < 0 {
				break
			}
			line = line[j+1:]
		}
		if count != n {
			return fmt.Errorf("dict %s:%d: %d fields, want %d", name, i+1, count, n)
		}
		if err := fn(f); err != nil {
			return fmt.Errorf("dict %s:%d: %w", name, i+1, err)
		}
	}
	return nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// certaintyNote says, in a clause, what the yardstick allows instead of a
// certainty.
func certaintyNote(y *Yardstick) string {
	t := y.TopTerm("adj")
	if t.Band.High < 100 {
		return y.Title + ": no term reaches 100 %"
	}
	return fmt.Sprintf("%s: the top band is %q, %s", y.Title, t.Term, t.Band)
}

// termAt names the yardstick's term for percent p with its band:
// "\"likely\" (55–80 %)".
func termAt(y *Yardstick, p float64, role string) string {
	t := y.Suggest(p, role)
	return fmt.Sprintf("%q (%s)", t.Term, t.Band)
}

// ownEstimates are the estimates that are the author's own claims (all
// of them when Options.HedgingQuotes is set).
// The six hedging rules share one list per document; none may change it.
//
// (The list is copied from the extraction's, itself copied from its
// blocks, and the stashed extractor keeps the blocks to the hedging
// rules' end: on the 20 MB corpus 1.7 MB of estimates, seven pointers
// each. Copied once, from the blocks, which were then cleared, 1 MB less
// was allocated and a third of it traced, and GOGC=off did not move; but
// with the collector on, the last cycle moved from unbalanced-bracket
// into unknown-word, where more is live: +0.9M on c20, -0.2M on clean.
// Not kept, for now: worth it once the cycles' places change.)
func ownEstimates(p *Pass) []Estimate {
	all := p.Options != nil && p.Options.HedgingQuotes
	key := factOwnEstimates
	if all {
		key = factAllEstimates
	}
	return p.Memo(key, func() any {
		est := estimatesOf(p)
		if len(est) == 0 {
			return []Estimate(nil)
		}
		// Most estimates are the author's own, often all: then the list
		// is the extraction's (no rule changes either), not a copy.
		n := len(est)
		if !all {
			n = 0
			for k := range est {
				if est[k].Own() {
					n++
				}
			}
		}
		if n == len(est) {
			return est
		}
		out := make([]Estimate, 0, n)
		for _, e := range est {
			if e.Own() {
				out = append(out, e)
			}
		}
		return out
	}).([]Estimate)
}

// stackPair is a booster and a hedge or band term on one claim
// ("definitely likely", "undoubtedly possible").
type stackPair struct {
	booster, hedge int // indexes into the estimates
}

// boosterStacks finds boosters that sit next to a hedge or band term in
// the same clause: at most five words apart, with no punctuation or
// conjunction between.
func boosterStacks(doc *prose.Document, es []Estimate) []stackPair {
	var out []stackPair
	for i := 0; i+1 < len(es); i++ {
		a, b := es[i], es[i+1]
		if a.Sentence != b.Sentence || b.FirstToken-a.EndToken > 5 {
			continue
		}
		if !clauseJoined(doc, a.EndToken, b.FirstToken) {
			continue
		}
		hedgy := func(k EstimateKind) bool {
			return k == EstTerm || k == EstForeign || k == EstPhrase || k == EstHedge || k == EstPercent || k == EstStack
		}
		switch {
		case a.Kind == EstBooster && a.Role != "clause" && hedgy(b.Kind):
			out = append(out, stackPair{booster: i, hedge: i + 1})
		case b.Kind == EstBooster && b.Role != "clause" && hedgy(a.Kind):
			out = append(out, stackPair{booster: i + 1, hedge: i})
		}
	}
	return out
}

// clauseJoined reports whether tokens [from, to) are all words other than
// conjunctions: the two sides belong to one claim.
func clauseJoined(doc *prose.Document, from, to int) bool {
	for j := from; j < to; j++ {
		if doc.Tokens[j].Kind() != prose.Word {
			return false
		}
		switch strings.ToLower(doc.TokenText(j)) {
		case "and", "but", "or", "while", "whereas", "although", "though", "because", "that":
			return false
		}
	}
	return true
}

// nounSlot widens a noun phrase's span to a slot a yardstick term can
// fill: "there is a high probability" → "it is very likely", "with near
// certainty" → "almost certainly". ok is false when no in-place
// replacement fits ("a high probability of …").
func nounSlot(doc *prose.Document, e Estimate, y *Yardstick) (span prose.Span, repl string, ok bool) {
	s := doc.Sentences[e.Sentence]
	w := func(i int) string {
		if i < s.FirstToken() || i >= s.EndToken() || doc.Tokens[i].Kind() != prose.Word {
			return ""
		}
		return strings.ReplaceAll(strings.ToLower(doc.TokenText(i)), "’", "'")
	}
	i := e.FirstToken
	if w(i-1) == "with" {
		t := y.Suggest(e.Percent, "adv")
		return prose.Span{Start: doc.TokenStart(i - 1), End: e.End}, t.Term, t.HasRole("adv")
	}
	if a := w(i - 1); a == "a" || a == "an" {
		be, there := w(i-2), w(i-3)
		if be == "there's" {
			there, be = "there", "is"
		}
		if there == "there" && (be == "is" || be == "was") || w(i-2) == "there's" {
			start := i - 3
			if w(i-2) == "there's" {
				start = i - 2
			}
			t := y.Suggest(e.Percent, "adj")
			if !t.HasRole("adj") {
				return span, "", false
			}
			return prose.Span{Start: doc.TokenStart(start), End: e.End}, "it " + be + " " + t.Term, true
		}
	}
	return span, "", false
}

// suggestFor returns the in-place replacement for a probability estimate
// under y, the span it replaces and the yardstick term it uses (the term
// for the expression's role even when no replacement fits).
func suggestFor(doc *prose.Document, e Estimate, y *Yardstick) (span prose.Span, sugg []string, term string) {
	role := e.Role
	switch role {
	case "noun":
		if span, repl, ok := nounSlot(doc, e, y); ok {
			term = y.Suggest(e.Percent, "adj").Term
			if strings.HasPrefix(strings.ToLower(doc.Slice(span)), "with ") {
				term = repl
			}
			return span, []string{matchCase(doc.Slice(span), repl)}, term
		}
		t := y.Suggest(e.Percent, "noun")
		if t.HasRole("noun") {
			return e.Span, []string{matchCase(doc.Slice(e.Span), t.Term)}, t.Term
		}
		return e.Span, nil, y.Suggest(e.Percent, "adj").Term
	case "adj", "adv":
		t := y.Suggest(e.Percent, role)
		if t.HasRole(role) {
			return e.Span, []string{matchCase(doc.Slice(e.Span), t.Term)}, t.Term
		}
		return e.Span, nil, t.Term
	}
	return e.Span, nil, e.Term
}
