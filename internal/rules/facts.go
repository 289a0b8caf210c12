package rules

import "slices"

// Shared facts: what several rules need from one document, computed once
// through Pass.Memo under one of these keys. A rule lists the facts it
// reads in Meta.Reads, and factDeps lists the facts each fact is computed
// from. The driver drops a fact once every rule that reads it, directly
// or through another fact, has run (see Shared.done), so that facts are
// held only while needed: on a 20 MB draft linted on one core the live
// heap between two rules peaked at 74 MB when every fact was held to the
// end, and at 66 MB now (the document itself is 59). A test runs each rule
// alone and checks that it asks for no fact its list does not cover.
const (
	factWordIssues       = "rules.wordIssues"
	factTokenIndex       = "rules.tokenIndex"
	factHardWrapped      = "rules.hardWrapped"
	factParagraphs       = "rules.paragraphs"
	factQuoteIssues      = "rules.quoteIssues"
	factEstimates        = "rules.estimates"
	factEstimateScan     = "rules.estimateScan" // left by the word judgement's walk (see wordIssues)
	factOwnEstimates     = "rules.ownEstimates"
	factAllEstimates     = "rules.allEstimates" // ownEstimates with Options.HedgingQuotes
	factCurlyApostrophe  = "rules.hasCurlyApostrophe"
	factApostrophes      = "consistency.apostrophes"
	factQuotes           = "consistency.quotes"
	factDashes           = "consistency.dashes"
	factDecades          = "consistency.decades"
	factRanges           = "consistency.ranges"
	factPercents         = "consistency.percents"
	factCompounds        = "consistency.compounds"
	factCompoundVerdicts = "consistency.compoundVerdicts"
	factOwnedCompounds   = "consistency.ownedCompounds"
	factNames            = "consistency.names"
	factNameFindings     = "consistency.nameFindings"
	factVariety          = "consistency.variety"
	factVarietyCounts    = "consistency.varietyCounts"
)

// factDeps lists, for each fact computed from others, the facts it reads
// while it is computed.
var factDeps = map[string][]string{
	factWordIssues:       {factOwnedCompounds},
	factOwnedCompounds:   {factCompoundVerdicts},
	factCompoundVerdicts: {factCompounds},
	factCompounds:        {factTokenIndex},
	factApostrophes:      {factTokenIndex},
	factQuotes:           {factTokenIndex},
	factDashes:           {factTokenIndex},
	factDecades:          {factTokenIndex},
	factRanges:           {factTokenIndex},
	factPercents:         {factTokenIndex},
	factVariety:          {factTokenIndex},
	factVarietyCounts:    {factVariety},
	factNameFindings:     {factNames},
	factNames:            {factTokenIndex},
	factParagraphs:       {factHardWrapped},
	factQuoteIssues:      {factParagraphs, factTokenIndex},
	factEstimates:        {factEstimateScan},
	factOwnEstimates:     {factEstimates},
	factAllEstimates:     {factEstimates},
}

// factUsers has bit n set, for each fact f (by number), when facts[n] is
// computed from f, directly or through other facts (its computation may
// ask for any of them, as a rule may for any fact of its factsOf);
// derivedFacts has bit n set when facts[n] is computed from others.
// (uint32: facts has fewer than 32 entries, which TestFactsNumbered
// checks.)
var factUsers, derivedFacts = func() (users [len(facts)]uint32, derived uint32) {
	for x, name := range facts {
		for _, f := range factsOf(nil, factDeps[name]) {
			users[factNum[f]] |= 1 << x
			derived |= 1 << x
		}
	}
	return users, derived
}()

// pruneOrder lists the facts some other fact is computed from, each
// after every fact computed from it (see Shared.pruneFacts).
var pruneOrder = func() []uint8 {
	var order []uint8
	var placed uint32
	for len(order) < len(facts) {
		before := len(order)
		for f := range uint8(len(facts)) {
			if placed&(1<<f) == 0 && factUsers[f]&^placed == 0 {
				order = append(order, f)
				placed |= 1 << f
			}
		}
		if len(order) == before {
			panic("rules: factDeps has a cycle")
		}
	}
	return slices.DeleteFunc(order, func(f uint8) bool { return factUsers[f] == 0 })
}()

// hedgeReads is what the hedging rules read: their estimates, one list or
// the other depending on Options.HedgingQuotes.
var hedgeReads = []string{factOwnEstimates, factAllEstimates}

// facts numbers the facts above, in the order of their constants: a
// document's Shared counts each fact's readers in an array by number (see
// Shared.readers), and a Plan's rule lists its facts by number.
var facts = [...]string{
	factWordIssues, factTokenIndex, factHardWrapped, factParagraphs, factQuoteIssues,
	factEstimates, factEstimateScan, factOwnEstimates, factAllEstimates, factCurlyApostrophe,
	factApostrophes, factQuotes, factDashes, factDecades, factRanges, factPercents,
	factCompounds, factCompoundVerdicts, factOwnedCompounds, factNames, factNameFindings,
	factVariety, factVarietyCounts,
}

// factNum holds each fact's index in facts.
var factNum = func() map[string]uint8 {
	out := make(map[string]uint8, len(facts))
	for i, f := range facts {
		out[f] = uint8(i)
	}
	return out
}()

// factNums appends to into the numbers of the facts of names that facts
// holds: a fact not in it is counted by no Shared, and kept.
func factNums(into []uint8, names []string) []uint8 {
	for _, f := range names {
		if n, ok := factNum[f]; ok {
			into = append(into, n)
		}
	}
	return into
}

// factsOf appends to into the facts in reads and every fact they are
// computed from, each once. The lists are a few facts long, so a slice
// (on the caller's stack) does instead of a set.
func factsOf(into, reads []string) []string {
	for _, f := range reads {
		if !slices.Contains(into, f) {
			into = factsOf(append(into, f), factDeps[f])
		}
	}
	return into
}
