package rules

import (
	"fmt"
	"strings"

	"github.com/edlint/edlint/internal/prose"
)

// ConfusedWord reports words commonly confused with a near homophone, only
// in contexts that make the mistake near certain: it’s/its, then/than,
// loose/lose, your/you’re, could of.
func ConfusedWord() Rule { return confusedWord{} }

type confusedWord struct{}

func (confusedWord) Meta() Meta {
	return Meta{
		Name:     "confused-word",
		Category: Mechanics,
		Severity: Warning,
		Reads:    []string{factTokenIndex, factCurlyApostrophe},
		Summary:  "a word confused with its near homophone where the context makes the mistake near certain",
		Doc: `Reports it’s for its ("it’s use would", "of it’s", "it’s own") and its for
it’s ("its been", "its a"); then for than after a comparative ("more then 50",
"rather then"); loose for lose after to or a modal ("to loose control");
your for you’re ("your a", "your not") and you’re for your ("you’re own");
could/should/would/must/might of for have before a past participle ("could of
been", but not "could of course"). Each context was chosen so that the other
reading is all but impossible; the suggestion is not applied automatically.`,
		Before: "If used at all, it’s use would be subtle.\n",
		After:  "If used at all, its use would be subtle.\n",
	}
}

// confusable are the words this rule looks at, as written.
var confusable = map[string]bool{
	"it’s": true, "It’s": true, "it's": true, "It's": true, "its": true, "Its": true,
	"then": true, "loose": true, "your": true, "Your": true, "you’re": true, "You’re": true,
	"you're": true, "You're": true, "of": true,
}

// possessedNouns follow "its" and are not adjectives or participles, so
// "it’s" before them is a slip.
var possessedNouns = map[string]bool{
	"own": true, "use": true, "members": true, "membership": true, "headquarters": true, "leadership": true,
	"leaders": true, "origins": true, "purpose": true, "ability": true, "capacity": true, "efforts": true,
	"mission": true, "staff": true, "employees": true, "budget": true, "contents": true, "citizens": true,
	"allies": true, "neighbors": true, "neighbours": true, "forces": true, "behalf": true, "entirety": true, //nolint:misspell // British forms are data
	"readers": true, "users": true, "customers": true, "agents": true, "officers": true, "findings": true,
	"recommendations": true, "predecessor": true, "successor": true, "operations": true, "assets": true,
	"territory": true, "borders": true, "programs": true, "programmes": true, "responsibilities": true, //nolint:misspell // British forms are data
}

// afterPossessed are words that follow "its NOUN" in a clause and not "it is NOUN".
var afterPossessed = map[string]bool{
	"would": true, "could": true, "should": true, "will": true, "can": true, "may": true, "might": true,
	"must": true, "is": true, "was": true, "has": true, "had": true, "of": true, "by": true, "in": true,
	"for": true, "to": true, "as": true, "with": true, "and": true, "or": true, "were": true, "are": true,
}

// possessivePrepositions take a noun phrase, never a clause: "of its".
var possessivePrepositions = map[string]bool{
	"of": true, "in": true, "into": true, "onto": true, "from": true, "with": true, "within": true,
	"through": true, "upon": true, "by": true, "throughout": true, "toward": true, "towards": true,
}

// thanComparatives take "than".
var thanComparatives = map[string]bool{
	"more": true, "less": true, "fewer": true, "better": true, "worse": true, "greater": true,
	"larger": true, "smaller": true, "higher": true, "lower": true, "rather": true, "bigger": true,
	"other": true, "stronger": true, "weaker": true, "faster": true, "slower": true, "cheaper": true,
}

// thanObjects follow "than" and hardly ever "then" after a comparative.
var thanObjects = map[string]bool{
	"the": true, "a": true, "an": true, "ever": true, "any": true, "expected": true, "usual": true,
	"before": true, "those": true, "one": true, "half": true, "twice": true, "anticipated": true,
	"previously": true, "originally": true, "planned": true, "necessary": true, "anyone": true, "anything": true,
}

var modals = map[string]bool{
	"could": true, "should": true, "would": true, "must": true, "might": true, "may": true,
	"will": true, "can": true, "cannot": true, "to": true, "not": true, "never": true,
}

var loseObjects = map[string]bool{
	"weight": true, "money": true, "control": true, "sight": true, "track": true, "interest": true,
	"ground": true, "touch": true, "face": true, "power": true, "support": true, "faith": true,
	"confidence": true, "credibility": true, "their": true, "his": true, "her": true, "its": true,
	"our": true, "my": true, "your": true, "access": true, "momentum": true, "everything": true,
}

var participles = map[string]bool{
	"been": true, "had": true, "done": true, "gone": true, "seen": true, "known": true, "made": true,
	"taken": true, "given": true, "got": true, "gotten": true, "thought": true, "said": true, "told": true,
	"brought": true, "bought": true, "left": true, "felt": true, "kept": true, "met": true, "paid": true,
	"put": true, "sent": true, "spent": true, "won": true, "lost": true, "become": true, "come": true,
	"written": true, "chosen": true, "caught": true, "heard": true, "found": true, "run": true,
}

func (confusedWord) Check(p *Pass) {
	d := p.Doc
	bc := blockCursor{d: d}
	for _, i32 := range tokenIndexOf(p, d).list(clsConfusable) {
		i := int(i32)
		b := &d.Blocks[bc.of(i)]
		// word returns the lower-case text of word token i of block b, or "".
		word := func(i int) string {
			if i < b.FirstToken() || i >= b.EndToken() || d.Tokens[i].Kind() != prose.Word {
				return ""
			}
			return d.Type(d.Lower(d.Tokens[i].ID()))
		}
		w, prev := word(i), word(i-1)
		if w == "of" {
			switch prev {
			case "could", "should", "would", "must", "might", "may":
			default:
				continue // the common case, decided before reading on
			}
		}
		next, next2 := word(i+1), word(i+2)
		report := func(want, why string) {
			p.Report(Finding{
				Span:        d.TokenSpan(i),
				Message:     fmt.Sprintf("%q where %q is meant: %s", d.TokenText(i), caseLike(want, d.TokenText(i)), why),
				Suggestions: []string{caseLike(want, d.TokenText(i))},
			})
		}
		switch w {
		case "it’s", "it's":
			if strings.HasPrefix(d.TokenText(i), "IT") {
				continue // IT's: information technology's
			}
			switch {
			case next == "own":
				report("its", "the possessive has no apostrophe")
			case possessedNouns[next] && (afterPossessed[next2] || i+2 >= b.EndToken() || d.Tokens[i+2].Kind() == prose.Punct):
				report("its", "the possessive has no apostrophe")
			case possessivePrepositions[prev] && next != "" && !strings.HasSuffix(next, "ing"):
				report("its", "the possessive has no apostrophe")
			}
		case "its":
			if next == "been" || next == "a" || next == "an" || next == "not" {
				report(apostrophe(p, "it’s"), "\"it is\" or \"it has\" needs the apostrophe")
			}
		case "then":
			if prev == "rather" || thanComparatives[prev] && (thanObjects[next] || i+1 < b.EndToken() && d.Tokens[i+1].Kind() == prose.Number) &&
				(prev != "other" || word(i-2) != "each" && word(i-2) != "the") {
				report("than", "a comparison takes \"than\"")
			}
		case "loose":
			if modals[prev] && loseObjects[next] {
				report("lose", "the verb is \"lose\"")
			}
		case "your":
			if next == "a" || next == "an" || next == "not" || next == "welcome" && (i+2 >= b.EndToken() || d.Tokens[i+2].Kind() == prose.Punct) {
				report(apostrophe(p, "you’re"), "\"you are\" needs the apostrophe")
			}
		case "you’re", "you're":
			if next == "own" {
				report("your", "the possessive is \"your\"")
			}
		case "of":
			switch prev {
			case "could", "should", "would", "must", "might", "may":
			default:
				continue
			}
			if next == "course" || next == "" {
				continue
			}
			if participles[next] || strings.HasSuffix(next, "ed") {
				report("have", "\""+prev+" have\" sounds like \""+prev+" of\"")
			}
		}
	}
}

// apostrophe writes w with the apostrophe the document uses: curly when it
// has any, straight otherwise.
func apostrophe(p *Pass, w string) string {
	curly := p.Memo(factCurlyApostrophe, func() any { return strings.Contains(p.Doc.Text, "’") }).(bool)
	if curly {
		return w
	}
	return strings.ReplaceAll(w, "’", "'")
}
