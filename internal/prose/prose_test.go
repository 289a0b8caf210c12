package prose

import (
	"fmt"
	"math/bits"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func words(d *Document) []string {
	var out []string
	for i := range d.Tokens {
		out = append(out, d.TokenText(i))
	}
	return out
}

func TestTokenize(t *testing.T) {
	cases := []struct{ in, want string }{
		{"The KGB’s long-term plan, don't.", "The|KGB’s|long-term|plan|,|don't|."},
		{"In the U.S. and e.g. here", "In|the|U.S.|and|e.g.|here"},
		{"2.5 million, 1,200 people in the ’80s and 1980s; 6th", "2.5|million|,|1,200|people|in|the|’80s|and|1980s|;|6th"},
		{"Zelníčková wait... 1985-87", "Zelníčková|wait|...|1985-87"},
		{"end.Then ok", "end|.|Then|ok"},
		{"a\u200bb", "a|b"},
	}
	for _, c := range cases {
		d := Parse("x.txt", []byte(c.in), Plain)
		if got := strings.Join(words(d), "|"); got != c.want {
			t.Errorf("%q: got %s, want %s", c.in, got, c.want)
		}
	}
}

func TestSentences(t *testing.T) {
	d := Parse("x.txt", []byte("Mr. Smith went to St. Petersburg. He saw 2.5 tons! Then: done? yes. it ended"), Plain)
	var got []string
	for _, s := range d.Sentences {
		got = append(got, d.Slice(d.SentenceSpan(s)))
	}
	want := []string{"Mr. Smith went to St. Petersburg.", "He saw 2.5 tons!", "Then: done?", "yes.", "it ended"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

func TestMarkdownMasks(t *testing.T) {
	src := "---\ntitle: recieve\n---\n# Heading wrd\n\nText `code wrd` [link wrd](http://x.org/wrd) <b>tag</b> https://bare.org/wrd and me@mail.org.\n\n```\nfenced wrd\n```\n\n    indented wrd\n\n<!-- edlint-words: Foo -->\n\n| cell wrd | b |\n|---|---|\n| c | d |\n\n> quoted wrd\n\n![alt wrd](img.png)\n"
	d := Parse("x.md", []byte(src), Markdown)
	got := strings.Join(words(d), " ")
	for _, want := range []string{"Heading wrd", "Text", "link wrd", "cell wrd", "quoted wrd", "alt wrd", "tag"} {
		if !strings.Contains(got, want) {
			t.Errorf("prose %q lacks %q", got, want)
		}
	}
	for _, masked := range []string{"recieve", "code", "fenced", "indented", "bare", "mail", "http", "img"} {
		if strings.Contains(got, masked) {
			t.Errorf("prose %q should not contain %q", got, masked)
		}
	}
	if len(d.Comments) != 1 || d.Comments[0].Body != "edlint-words: Foo" {
		t.Errorf("comments: %+v", d.Comments)
	}
	var quoted bool
	for _, b := range d.Blocks {
		if b.InQuote() {
			quoted = true
		}
	}
	if !quoted {
		t.Error("block quote not marked")
	}
}

func TestPlainURLsAndBOMAndCRLF(t *testing.T) {
	src := "\ufeffSee https://example.org/teh and www.wrd.com or mail a@b.org now.\r\nNext line\r\n"
	d := Parse("x.txt", []byte(src), Plain)
	got := strings.Join(words(d), " ")
	if got != "See and or mail now . Next line" {
		t.Errorf("got %q", got)
	}
	p := d.Position(strings.Index(src, "Next"))
	if p.Line != 2 || p.Column != 1 {
		t.Errorf("position %+v", p)
	}
}

func TestURLEndsAtUnmatchedBracket(t *testing.T) {
	for src, want := range map[string]string{
		"Call NelliganJ@gao.gov(202) 512-4800 now.":         "Call ( 202 ) 512-4800 now .",
		"On the Home Page (www.gao.gov)under Publications.": "On the Home Page ( ) under Publications .",
		"See https://en.wikipedia.org/wiki/Go_(game) here.": "See here .",
		"(https://example.org/a) and more.":                 "( ) and more .",
	} {
		d := Parse("x.txt", []byte(src), Plain)
		if got := strings.Join(words(d), " "); got != want {
			t.Errorf("%q: got %q, want %q", src, got, want)
		}
	}
}

func TestSpacedEllipsisContinuesSentence(t *testing.T) {
	src := "We are in a rapid descent . . . we are all over the place. . . . These guys are smart."
	d := Parse("x.txt", []byte(src), Plain)
	var got []string
	for _, s := range d.Sentences {
		got = append(got, d.Slice(d.SentenceSpan(s)))
	}
	want := []string{"We are in a rapid descent . . . we are all over the place. . . .", "These guys are smart."}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("sentences %q, want %q", got, want)
	}
}

func TestPositionCountsCodePoints(t *testing.T) {
	src := "Zelníčková x\nab"
	d := Parse("x.txt", []byte(src), Plain)
	if p := d.Position(strings.Index(src, "x")); p.Line != 1 || p.Column != 12 {
		t.Errorf("got %+v", p)
	}
	if p := d.Position(len(src)); p.Line != 2 || p.Column != 3 {
		t.Errorf("end: got %+v", p)
	}
}

func TestLongLineIsLinear(t *testing.T) {
	// 5 MB without a newline: must parse (the benchmark measures speed).
	src := strings.Repeat("word, ", 5<<20/6)
	d := Parse("x.txt", []byte(src), Plain)
	if len(d.Tokens) == 0 {
		t.Fatal("no tokens")
	}
}

// FuzzParse checks the document model's invariants on any input, and
// that ParseWorkers builds the same document as Parse.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"", "Hello world.", "# H\n\n`c` [a](b) <!-- edlint-words: x -->", "\xff\xfe", "a\u200bb ’80s U.S. e.g.", "---\nx: y\n---\ntext", "> q\n> > r\n\n- a\n  - b"} {
		f.Add(s, true)
		f.Add(s, false)
	}
	f.Fuzz(func(t *testing.T, src string, md bool) {
		format := Plain
		if md {
			format = Markdown
		}
		d := Parse("f", []byte(src), format)
		// Rune boundaries as range decodes them: an invalid byte is a unit.
		boundary := map[int]bool{len(src): true}
		for i := range src {
			boundary[i] = true
		}
		prev := 0
		for i, tok := range d.Tokens {
			if d.TokenStart(i) < prev || d.TokenEnd(i) <= d.TokenStart(i) || d.TokenEnd(i) > len(src) {
				t.Fatalf("token %d %+v out of order or range (len %d)", i, tok, len(src))
			}
			if !boundary[d.TokenStart(i)] || !boundary[d.TokenEnd(i)] {
				t.Fatalf("token %d %+v not on rune boundaries", i, tok)
			}
			if i > 0 && d.TokenGap(i) != d.TokenStart(i)-prev {
				t.Fatalf("token %d %+v: gap %d, want %d", i, tok, d.TokenGap(i), d.TokenStart(i)-prev)
			}
			prev = d.TokenEnd(i)
		}
		for _, s := range d.Sentences {
			if s.FirstToken() >= s.EndToken() || s.EndToken() > len(d.Tokens) {
				t.Fatalf("bad sentence %+v", s)
			}
		}
		for _, b := range d.Blocks {
			if b.FirstToken() > b.EndToken() || b.FirstSentence() > b.EndSentence() {
				t.Fatalf("bad block %+v", b)
			}
		}
		_ = d.Position(len(src))
		checkVocabulary(t, d)
		// On several goroutines, cut into runs as small as a block: the
		// same document.
		parseBoth(t, "f", []byte(src), format, 1, len(src)%7+2)
	})
}

// checkVocabulary checks Token.ID, Types, TypeCount and Lower against a
// map: equal texts share an ID, IDs number texts in order of first use, and
// Lower links each text to the type of its lower-case form.
func checkVocabulary(t *testing.T, d *Document) {
	t.Helper()
	ids := map[string]uint32{}
	count := map[string]int{}
	for i, tok := range d.Tokens {
		text := d.TokenText(i)
		id, seen := ids[text]
		if !seen {
			id = uint32(len(ids))
			ids[text] = id
		}
		if tok.ID() != id || d.Type(id) != text {
			t.Fatalf("token %d %q: ID %d (type %q), want %d", i, text, tok.ID(), d.Type(tok.ID()), id)
		}
		count[text]++
	}
	for text, id := range ids {
		if d.TypeCount(id) != count[text] {
			t.Fatalf("TypeCount(%q) = %d, want %d", text, d.TypeCount(id), count[text])
		}
	}
	texts := map[string]bool{} // every type's text is its own, the added lower-case forms' too
	for id := range d.NumTypes() {
		if text := d.Type(uint32(id)); texts[text] {
			t.Fatalf("type %d %q: a text of an earlier type", id, text)
		}
		texts[d.Type(uint32(id))] = true
		low := d.Type(d.Lower(uint32(id)))
		if id < len(ids) && low != strings.ToLower(d.Type(uint32(id))) {
			t.Fatalf("Lower(%q) = %q", d.Type(uint32(id)), low)
		}
		if id >= len(ids) && (d.Lower(uint32(id)) != uint32(id) || d.TypeCount(uint32(id)) != 0) {
			t.Fatalf("added lower-case type %q: Lower %d, count %d", d.Type(uint32(id)), d.Lower(uint32(id)), d.TypeCount(uint32(id)))
		}
	}
}

func TestVocabularyLongAndEdgeWords(t *testing.T) {
	for _, src := range []string{
		"Counterintelligence counterintelligence COUNTERINTELLIGENCE counterintelligences Counterintelligence.",
		"abcdefgh abcdefghi abcdefghijklmnop abcdefghijklmnopq abcdefghijklmnopqr ABCDEFGHIJKLMNOPQ Abcdefghijklmnopq",
		"Internationalization internationalization INTERNATIONALIZATIONS internationalizations end",
		"x\x00 x x\x00\x00 MÜNCHEN München münchen İstanbul ǅemal STRASSE straße a A I i",
		"tail word at the very end: abcdefghijklmnopqrstuvwxyz Abcdefghijklmnopqrstuvwxyz",
		"a", "A", "Ab", "abcdefgh", "ABCDEFGHIJKLMNOP",
	} {
		for _, f := range []Format{Plain, Markdown} {
			checkVocabulary(t, Parse("v", []byte(src), f))
		}
	}
}

// TestWordsFoundByKeysAlone covers tokenize's lookup of an ASCII word by
// its two keys alone, without its length, and its token made from the
// slot: NUL bytes (the one text with a zero byte) next to words, words
// that are prefixes of longer ones up to sixteen bytes and past them, and
// the kinds of words and numbers.
func TestWordsFoundByKeysAlone(t *testing.T) {
	src := "\x00 ab ab\x00 \x00ab abc ab a\x00\x00b ab. " +
		"0123456789abcde 0123456789abcdef 0123456789abcde 0123456789abcdefg " +
		"0123456789abcdef 12 12 x12 x12 12x 12x. abcdefgh abcdefgh\x00 abcdefgh"
	for _, f := range []Format{Plain, Markdown} {
		d := Parse("k", []byte(src), f)
		checkVocabulary(t, d)
		for i, tok := range d.Tokens {
			text := d.TokenText(i)
			want := Word
			switch {
			case isDigit(text[0]):
				want = Number
			case !isASCIIAlnum(text[0]):
				want = Punct
			}
			if tok.Kind() != want {
				t.Errorf("token %d %q: kind %v, want %v", i, text, tok.Kind(), want)
			}
		}
	}
}

func TestTypes(t *testing.T) {
	d := Parse("t.txt", []byte("The cat saw the Cat. THE end, the end."), Plain)
	byText := map[string]uint32{}
	for i, tok := range d.Tokens {
		text := d.TokenText(i)
		if d.Type(tok.ID()) != text {
			t.Fatalf("token %d %q has type %q", i, text, d.Type(tok.ID()))
		}
		if id, ok := byText[text]; ok && id != tok.ID() {
			t.Fatalf("%q has two IDs", text)
		}
		byText[text] = tok.ID()
	}
	if got := d.TypeCount(byText["the"]); got != 2 {
		t.Errorf(`TypeCount("the") = %d, want 2`, got)
	}
	if got := d.TypeCount(byText["end"]); got != 2 {
		t.Errorf(`TypeCount("end") = %d, want 2`, got)
	}
	for _, w := range []string{"The", "THE", "the"} {
		if got := d.Type(d.Lower(byText[w])); got != "the" {
			t.Errorf("Lower(%q) = %q, want \"the\"", w, got)
		}
	}
	if got := d.Lower(byText["Cat"]); got != byText["cat"] {
		t.Errorf(`Lower("Cat") is not the ID of "cat"`)
	}
	// A lower-case form no token spells gets an ID of its own, counted 0.
	d = Parse("t.txt", []byte("Kyiv"), Plain)
	low := d.Lower(d.Tokens[0].ID())
	if d.Type(low) != "kyiv" || d.TypeCount(low) != 0 {
		t.Errorf("Lower(Kyiv) = %q (count %d), want \"kyiv\" (0)", d.Type(low), d.TypeCount(low))
	}
}

// TestDocumentHardWrapped checks the line-table hard-wrap test against the
// one on the text.
func TestDocumentHardWrapped(t *testing.T) {
	long := strings.Repeat("word ", 20)
	wide := strings.Repeat("é", 101)
	cases := []string{"", "\n", "\n\n", "x", "x\n", "\r\n", wide + "\nx\n", strings.Repeat("é", 60) + "\n",
		" \u00a0 \n" + long, "\u2003\n" + strings.Repeat("x\n", 19) + long + long, strings.Repeat(" ", 200) + "\n" + long,
		strings.Repeat("\u3000", 120) + "\n" + long + long + "\nx", strings.Repeat("y", 100) + "\r\n" + strings.Repeat("y", 100) + "\r\nz",
		strings.Repeat("y", 100) + "\n" + long + "\n", long + long + "\n\n" + long}
	paths, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "*.txt"))
	if shared := sharedDir(); shared != "" {
		m, _ := filepath.Glob(filepath.Join(shared, "corpora", "clean", "*.txt"))
		paths = append(paths, m...)
	}
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		cases = append(cases, string(src))
	}
	for _, c := range cases {
		d := Parse("x.txt", []byte(c), Plain)
		if got, want := d.HardWrapped(), HardWrapped(c); got != want {
			t.Errorf("Document.HardWrapped(%.40q) = %v, want %v", c, got, want)
		}
	}
}

// TestLongTokensAreCut: runs of letters or dots longer than MaxTokenLen
// become several tokens that cover them exactly, cut between characters.
func TestLongTokensAreCut(t *testing.T) {
	for _, src := range []string{
		strings.Repeat("a", 600),
		"x " + strings.Repeat("é", 300) + " y",
		strings.Repeat("ab-", 200) + "c",
		"wait" + strings.Repeat(".", 600) + " then",
		strings.Repeat("7", 256) + " " + strings.Repeat("z", 255) + " " + strings.Repeat("Ж", 128),
	} {
		for _, f := range []Format{Plain, Markdown} {
			d := Parse("long", []byte(src), f)
			var joined strings.Builder
			prevEnd := -1
			for i, tok := range d.Tokens {
				if n := d.TokenEnd(i) - d.TokenStart(i); n <= 0 || n > MaxTokenLen {
					t.Fatalf("%.20q: token %d is %d bytes", src, i, n)
				}
				if !utf8.RuneStart(src[d.TokenStart(i)]) || d.TokenEnd(i) < len(src) && !utf8.RuneStart(src[d.TokenEnd(i)]) {
					t.Fatalf("%.20q: token %d [%d,%d) cuts a character", src, i, d.TokenStart(i), d.TokenEnd(i))
				}
				if d.Type(tok.ID()) != d.TokenText(i) {
					t.Fatalf("%.20q: token %d has the ID of %q", src, i, d.Type(tok.ID()))
				}
				if prevEnd >= 0 && d.TokenStart(i) < prevEnd {
					t.Fatalf("%.20q: tokens overlap", src)
				}
				prevEnd = d.TokenEnd(i)
				joined.WriteString(d.TokenText(i))
			}
			if want := strings.ReplaceAll(src, " ", ""); joined.String() != want {
				t.Errorf("%.20q: the tokens do not cover the text", src)
			}
			if d.TooVaried() {
				t.Errorf("%.20q: TooVaried", src)
			}
		}
	}
}

// TestTooVaried: past its limit the vocabulary numbers no more texts and
// the document says it cannot be linted; below it, it does not.
func TestTooVaried(t *testing.T) {
	text := "alpha beta gamma delta alpha epsilon"
	var v vocab
	v.init(text, 6)
	v.limit = 3
	var ids []uint32
	for _, w := range strings.Fields(text) {
		ids = append(ids, v.id(strings.Index(text, w), len(w)))
	}
	if !v.full || ids[0] != 0 || ids[1] != 1 || ids[2] != 2 || ids[4] != 0 || ids[3] != 2 || ids[5] != 2 {
		t.Fatalf("ids %v, full %v", ids, v.full)
	}
	d := &Document{}
	v.finish(d)
	if !d.TooVaried() {
		t.Error("a full vocabulary did not make the document TooVaried")
	}
	if Parse("ok", []byte(text), Plain).TooVaried() {
		t.Error("five words are TooVaried")
	}
}

// TestIsLong: more than 100 code points, whatever the bytes.
func TestIsLong(t *testing.T) {
	for _, c := range []struct {
		line string
		want bool
	}{
		{strings.Repeat("a", 100), false},
		{strings.Repeat("a", 101), true},
		{strings.Repeat("é", 100), false},          // 200 bytes
		{strings.Repeat("é", 101), true},           // 202 bytes
		{strings.Repeat("\U0001F600", 100), false}, // 400 bytes
		{strings.Repeat("\U0001F600", 101), true},  // 404 bytes
		{strings.Repeat("\xff", 101), true},        // invalid bytes count one each
	} {
		if got := isLong(c.line); got != c.want {
			t.Errorf("isLong(%d bytes) = %v", len(c.line), got)
		}
	}
}

// TestRunesValid checks the code point count of valid UTF-8 against
// utf8.RuneCountInString.
func TestRunesValid(t *testing.T) {
	for _, s := range []string{"", "a", "héllo wörld", strings.Repeat("é’x", 50), strings.Repeat("\U0001F600ab", 33), strings.Repeat("a", 7) + "€"} {
		for i := 0; i <= len(s); i++ {
			if got, want := runesValid(s[i:]), utf8.RuneCountInString(s[i:]); utf8.ValidString(s[i:]) && got != want {
				t.Errorf("runesValid(%q) = %d, want %d", s[i:], got, want)
			}
		}
	}
}

// tokenTexts returns the text of each token of d.
func tokenTexts(d *Document) []string {
	out := make([]string, len(d.Tokens))
	for i := range d.Tokens {
		out[i] = d.TokenText(i)
	}
	return out
}

// TestFarStarts: a token whose start lies 255 bytes or more past its
// group's base (a long masked stretch inside a group of eight) is listed
// apart and read back where it is, on one goroutine or several.
func TestFarStarts(t *testing.T) {
	words := "one two three four five six seven eight nine ten eleven twelve"
	for _, c := range []struct {
		src    string
		format Format
	}{
		{"one two `" + strings.Repeat("x", 400) + "` three four five six seven eight nine ten eleven twelve\n", Markdown},
		{"one two <span title=\"" + strings.Repeat("y", 300) + "\">three</span> four five six seven eight nine ten eleven twelve\n", Markdown},
		{"one two https://example.com/" + strings.Repeat("z", 300) + " three four five six seven eight nine ten eleven twelve\n", Plain},
	} {
		src := strings.Repeat(c.src+"\n", 40)
		d := Parse("far", []byte(src), c.format)
		if len(d.starts.far) == 0 {
			t.Fatalf("%.30q: no start listed as far", c.src)
		}
		want := strings.Fields(strings.Repeat(words+" ", 40))
		if got := tokenTexts(d); !slices.Equal(got, want) {
			t.Fatalf("%.30q: tokens %q", c.src, got[:12])
		}
		for i := range d.Tokens {
			if i > 0 && d.TokenStart(i) <= d.TokenStart(i-1) {
				t.Fatalf("%.30q: token %d starts at %d, before token %d", c.src, i, d.TokenStart(i), i-1)
			}
		}
		parseBoth(t, "far", []byte(src), c.format, 200, 3)
	}
}

// TestTokenGap: TokenGap is the distance from the end of a token to the
// start of the next, and NearTokenGap tells it for most tokens, never
// wrongly: across groups, past far starts (long masked stretches), at the
// tokens of a TooVaried document's overflow ID (whose length is not their
// type's), and around characters outside ASCII.
func TestTokenGap(t *testing.T) {
	var varied strings.Builder
	for i := range 400 {
		fmt.Fprintf(&varied, "w%d %s x%d.\n\n", i%37, strings.Repeat("q", i%9+1), i)
	}
	defer func(l int) { typeLimit = l }(typeLimit)
	typeLimit = 50
	near, far := 0, 0
	for _, c := range []struct {
		src    string
		format Format
	}{
		{strings.Repeat("one, two `"+strings.Repeat("x", 400)+"` three.four ; five\n\n", 30), Markdown},
		{strings.Repeat("a <span title=\""+strings.Repeat("y", 300)+"\">b</span>, c. (d) é, “ü” ... e!f\n", 30), Markdown},
		{strings.Repeat("# Head,\n\n- item.\n- , lead\n\n| a, | b. |\n|---|---|\n| ,c | d ; |\n\n", 20), Markdown},
		{strings.Repeat("x https://example.com/"+strings.Repeat("z", 300)+" y,z .. w\r\n", 30), Plain},
		{varied.String(), Plain},
	} {
		d := Parse("gap", []byte(c.src), c.format)
		for i := 1; i < len(d.Tokens); i++ {
			want := d.TokenStart(i) - d.TokenEnd(i-1)
			if got := d.TokenGap(i); got != want {
				t.Fatalf("%.30q: token %d %q: gap %d, want %d", c.src, i, d.TokenText(i), got, want)
			}
			got := d.NearTokenGap(i)
			ok := got >= 0
			if ok && got != want {
				t.Fatalf("%.30q: token %d %q: near gap %d, want %d", c.src, i, d.TokenText(i), got, want)
			}
			if ok {
				near++
			} else if i%8 != 0 {
				far++
			}
		}
	}
	// The drafts have gaps of both kinds inside groups: the test reads
	// both paths.
	if near == 0 || far == 0 {
		t.Errorf("%d near gaps and %d others inside groups", near, far)
	}
}

// TestTooVariedSpans: the tokens of the overflow ID, which is no one
// text's, keep their own spans, on one goroutine or several (where runs
// overflow on their own, or only once joined).
func TestTooVariedSpans(t *testing.T) {
	var b strings.Builder
	for i := range 400 {
		fmt.Fprintf(&b, "w%d %s x%d.\n\n", i%37, strings.Repeat("q", i%9+1), i)
	}
	src := b.String()
	want := strings.Fields(strings.ReplaceAll(src, ".", " ."))
	defer func(l, m int) { typeLimit, minPart = l, m }(typeLimit, minPart)
	for _, limit := range []int{50, 300, 440} {
		typeLimit = limit
		for _, workers := range []int{1, 2, 5} {
			minPart = 300
			d := ParseWorkers("varied", []byte(src), Plain, workers)
			if !d.TooVaried() {
				t.Fatalf("limit %d, %d workers: not TooVaried", limit, workers)
			}
			if got := tokenTexts(d); !slices.Equal(got, want) {
				t.Fatalf("limit %d, %d workers: token texts differ", limit, workers)
			}
			for i, tok := range d.Tokens {
				if tok.ID() != uint32(limit-1) && d.Type(tok.ID()) != d.TokenText(i) {
					t.Fatalf("limit %d, %d workers: token %d %q has the ID of %q", limit, workers, i, d.TokenText(i), d.Type(tok.ID()))
				}
			}
		}
	}
}

// TestNotAlnum checks notAlnum's lowest set bit against isAlnum for every
// byte at every place of a word, after letters and digits and before any
// byte (the bytes after a stop may carry into its test, never before).
func TestNotAlnum(t *testing.T) {
	checkStopMask(t, "notAlnum", notAlnum, "aZ09mQz5", []uint64{0, 0xff, 0x80, 0x7a, 0x30, 0x5b}, func(c int) bool { return isAlnum[c] })
}

// checkStopMask checks a stop mask's lowest set bit (see notAlnum)
// against in for every byte c at every place pos of a word, after the
// bytes of prefix (all in) and before each of after: the mask's lowest
// set bit must lie past byte pos when c is in, and be byte pos's high
// bit when it is not.
func checkStopMask(t *testing.T, name string, mask func(uint64) uint64, prefix string, after []uint64, in func(c int) bool) {
	t.Helper()
	for pos := 0; pos < 8; pos++ {
		for c := 0; c < 256; c++ {
			for _, a := range after {
				w := uint64(0)
				for p := 0; p < 8; p++ {
					switch {
					case p < pos:
						w |= uint64(prefix[p]) << (8 * p)
					case p == pos:
						w |= uint64(c) << (8 * p)
					default:
						w |= a << (8 * p)
					}
				}
				stop := mask(w)
				first := bits.TrailingZeros64(stop)
				if in(c) && first < 8*pos+8 || !in(c) && first != 8*pos+7 {
					t.Errorf("%s(%#x) = %#x: byte %d (%#x) is in: %v", name, w, stop, pos, c, in(c))
				}
			}
		}
	}
}
