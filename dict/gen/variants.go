package main

import (
	"sort"
	"strings"
)

// A rule is an American -> British substitution that variant pairing may
// apply, at any position and any number of times. If cond is set, it must
// also accept the place: american[i:] starts with from, british[j:] with to.
type rule struct {
	from, to string
	cond     func(p *pairer, american string, i int, british string, j int) bool
}

// spellingRules are the substitutions tried on lower-case words. They are
// deliberately specific: a pair must also have its American side in
// SCOWL's American-only list and its British side in a British-only list
// (see variantPairs), but SCOWL's obscure words still match loose rules
// such as e -> ae (stele/stelae is not a spelling variant).
var spellingRules = []rule{
	{"or", "our", nil},               // color/colour, honored/honoured
	{"er", "re", erStem},             // center/centre, fiberglass/fibreglass
	{"ered", "red", erStem},          // centered/centred
	{"ering", "ring", erStem},        // centering/centring
	{"iz", "is", nil},                // organize/organise, organization/organisation
	{"yz", "ys", nil},                // analyze/analyse, paralyzed/paralysed
	{"l", "ll", nil},                 // traveled/travelled, counselor/counsellor
	{"ll", "l", nil},                 // fulfill/fulfil, enrollment/enrolment
	{"iped", "ipped", nil},           // worshiped/worshipped
	{"iping", "ipping", nil},         // worshiping/worshipping
	{"iper", "ipper", nil},           // worshiper/worshipper
	{"aped", "apped", nil},           // kidnaped/kidnapped
	{"aping", "apping", nil},         // kidnaping/kidnapping
	{"aper", "apper", nil},           // kidnaper/kidnapper
	{"ense", "ence", nil},            // defense/defence, offense/offence
	{"og", "ogue", nil},              // catalog/catalogue
	{"og", "ogu", nil},               // cataloged/catalogued
	{"gram", "gramme", nil},          // program/programme
	{"gment", "gement", nil},         // judgment/judgement
	{"ging", "geing", nil},           // aging/ageing
	{"ay", "ey", nil},                // gray/grey
	{"mold", "mould", nil},           // mold/mould, molder/moulder
	{"molt", "moult", nil},           // molt/moult
	{"smold", "smould", nil},         // smolder/smoulder
	{"plow", "plough", nil},          // plow/plough
	{"sulf", "sulph", nil},           // sulfur/sulphur
	{"skep", "scep", nil},            // skeptic/sceptic
	{"usk", "usc", nil},              // mollusk/mollusc
	{"num", "nium", nil},             // aluminum/aluminium
	{"paj", "pyj", nil},              // pajamas/pyjamas
	{"coz", "cos", nil},              // cozy/cosy
	{"must", "moust", nil},           // mustache/moustache
	{"ax", "axe", nil},               // ax/axe
	{"arti", "arte", nil},            // artifact/artefact
	{"elry", "ellery", nil},          // jewelry/jewellery
	{"omelet", "omelette", nil},      // omelet/omelette
	{"lty", "lity", nil},             // specialty/speciality
	{"oove", "ove", nil},             // behoove/behove
	{"furor", "furore", nil},         // furor/furore
	{"tidbit", "titbit", nil},        // tidbit/titbit
	{"air", "aero", nil},             // airplane/aeroplane, airfoil/aerofoil
	{"etor", "ettor", nil},           // carburetor/carburettor
	{"balk", "baulk", nil},           // balk/baulk
	{"ticed", "tised", nil},          // practiced/practised
	{"ticing", "tising", nil},        // practicing/practising
	{"erab", "rab", nil},             // maneuverable/manoeuvrable
	{"able", "eable", nil},           // sizable/sizeable, likable/likeable
	{"abil", "eabil", nil},           // likability/likeability
	{"check", "cheque", nil},         // checkbook/chequebook, checkered/chequered
	{"checker", "chequer", nil},      // checkered/chequered
	{"ruble", "rouble", nil},         // ruble/rouble
	{"draft", "draught", nil},        // draftsman/draughtsman, drafty/draughty
	{"tist", "ttist", nil},           // clarinetist/clarinettist
	{"maneuv", "manoeuv", nil},       // maneuver/manoeuvre (with er/re)
	{"hem", "haem", nil},             // hemoglobin/haemoglobin, hematology
	{"emi", "aemi", nil},             // anemia/anaemia, leukemic/leukaemic
	{"esthe", "aesthe", nil},         // anesthetic/anaesthetic, esthetician
	{"estr", "oestr", nil},           // estrogen/oestrogen
	{"edem", "oedem", nil},           // edema/oedema
	{"ped", "paed", nil},             // pediatric/paediatric, orthopedic
	{"pale", "palae", nil},           // paleontology/palaeontology
	{"gyne", "gynae", nil},           // gynecology/gynaecology
	{"fet", "foet", nil},             // fetus/foetus, fetor/foetor
	{"celi", "coeli", nil},           // celiac/coeliac
	{"celom", "coelom", nil},         // celom/coelom
	{"esoph", "oesoph", nil},         // esophagus/oesophagus
	{"eon", "aeon", nil},             // eon/aeon
	{"etiol", "aetiol", nil},         // etiology/aetiology
	{"enol", "oenol", nil},           // enologist/oenologist
	{"medieval", "mediaeval", nil},   // medieval/mediaeval
	{"ameb", "amoeb", nil},           // ameba/amoeba
	{"cesium", "caesium", nil},       // cesium/caesium
	{"fec", "faec", nil},             // feces/faeces, fecal/faecal
	{"rrhe", "rrhoe", nil},           // diarrhea/diarrhoea
	{"pne", "pnoe", nil},             // apnea/apnoea
	{"chet", "chaet", nil},           // spirochete/spirochaete
	{"cenob", "coenob", nil},         // cenobite/coenobite
	{"demon", "daemon", nil},         // eudemonia/eudaemonia
	{"estiv", "aestiv", nil},         // estivate/aestivate
	{"tenia", "taenia", nil},         // tenia/taenia
	{"cyclopedi", "cyclopaedi", nil}, // encyclopedia/encyclopaedia
	{"archeo", "archaeo", nil},       // archeology/archaeology
	{"septicemi", "septicaemi", nil}, // septicemia/septicaemia
	{"synesthe", "synaesthe", nil},   // synesthesia/synaesthesia
	{"kinesthe", "kinaesthe", nil},   // kinesthetic/kinaesthetic
	{"paresthe", "paraesthe", nil},   // paresthesia/paraesthesia
	{"stilbestr", "stilboestr", nil}, // stilbestrol/stilboestrol
	{"superfet", "superfoet", nil},   // superfetation/superfoetation
	{"levul", "laevul", nil},         // levulose/laevulose
	{"spire", "spirae", nil},         // spirea/spiraea
	{"myxedem", "myxoedem", nil},     // myxedema/myxoedema
}

// properNounRules are the only substitutions applied to capitalised
// words: the others pair too many unrelated names (Timor/Timour).
var properNounRules = []rule{
	{"iz", "is", nil}, // Americanize/Americanise
	{"yz", "ys", nil},
	{"or", "our", nil},     // Laborite/Labourite
	{"Pale", "Palae", nil}, // Paleolithic/Palaeolithic
	{"Archeo", "Archaeo", nil},
	{"Grec", "Graec", nil}, // Grecism/Graecism
	{"ean", "aean", nil},   // Judean/Judaean
	{"Maniche", "Manichae", nil},
}

// erStem accepts er -> re only where the American word up to that "er"
// is itself an American spelling whose British "re" form is British
// (centered/centred because center/centre; not perviousness/previousness),
// after a consonant other than y.
func erStem(p *pairer, american string, i int, british string, j int) bool {
	if i == 0 || strings.ContainsRune("aeiouy", rune(american[i-1])) {
		return false
	}
	return p.isAm[american[:i+2]] && p.isBrAny[british[:j]+"re"]
}

// notVariants are pairs that the rules explain but which are different
// words or not spelling variants.
var notVariants = map[[2]string]bool{
	{"Elizabethville", "Elisabethville"}: true, // a place name
	{"maters", "matres"}:                 true,
	{"prized", "prised"}:                 true, // "prized" (valued) is good British too
	{"prizing", "prising"}:               true,
	{"pedogenesis", "paedogenesis"}:      true, // soil formation vs larval reproduction
	{"pedological", "paedological"}:      true, // soil science vs child study
	{"pedologist", "paedologist"}:        true,
	{"pedology", "paedology"}:            true,
	{"Timor", "Timour"}:                  true, // an island and a name
}

type pairer struct {
	isAm, isBr, isBrAny map[string]bool
}

// rewrites reports whether british can be obtained from american by
// applying rules at non-overlapping positions, at least once.
func (p *pairer) rewrites(american, british string, rules []rule) bool {
	var match func(i, j int, used bool) bool
	match = func(i, j int, used bool) bool {
		if i == len(american) && j == len(british) {
			return used
		}
		for _, r := range rules {
			if strings.HasPrefix(american[i:], r.from) && strings.HasPrefix(british[j:], r.to) &&
				(r.cond == nil || r.cond(p, american, i, british, j)) &&
				match(i+len(r.from), j+len(r.to), true) {
				return true
			}
		}
		return i < len(american) && j < len(british) && american[i] == british[j] && match(i+1, j+1, used)
	}
	return match(0, 0, false)
}

// variantPairs pairs SCOWL's American-specific spellings with its
// British-specific ones (from both the -ise and the -ize lists) up to
// size, keeping pairs whose two sides are in the word list and which the
// rules explain. The American side must not be in the British -ise list
// and the British side must not be in the American list; so "digitize"
// (also Oxford British) can be the American side of a pair, but a word
// SCOWL calls common to all spellings (e.g. "paralyses", the plural of
// "paralysis") is never paired. Each American word gets one British
// form (see pick), so the list is keyed by its first column.
func variantPairs(s *scowl, size int, inList map[string]bool) ([][2]string, error) {
	kinds := []string{"words", "upper"}
	am, err := s.wordList(size, []string{"american"}, kinds)
	if err != nil {
		return nil, err
	}
	brIse, err := s.wordList(size, []string{"british"}, kinds)
	if err != nil {
		return nil, err
	}
	brIze, err := s.wordList(size, []string{"british_z"}, kinds)
	if err != nil {
		return nil, err
	}
	p := &pairer{isAm: set(am), isBr: set(brIse), isBrAny: set(brIse, brIze)}
	br := make([]string, 0, len(p.isBrAny))
	for w := range p.isBrAny {
		br = append(br, w)
	}
	sort.Strings(br)
	var pairs [][2]string
	for _, a := range am {
		var found []string
		if p.isBr[a] || !inList[a] {
			continue
		}
		for _, b := range br {
			if p.isAm[b] || !inList[b] || len(b) < len(a)-2 || len(b) > len(a)+4 {
				continue
			}
			rules := spellingRules
			if strings.ToLower(a) != a || strings.ToLower(b) != b {
				rules = properNounRules
			}
			if p.rewrites(a, b, rules) && !notVariants[[2]string{a, b}] {
				found = append(found, b)
			}
		}
		if len(found) > 0 {
			pairs = append(pairs, [2]string{a, p.pick(found)})
		}
	}
	sort.Slice(pairs, func(i, j int) bool {
		if pairs[i][0] != pairs[j][0] {
			return pairs[i][0] < pairs[j][0]
		}
		return pairs[i][1] < pairs[j][1]
	})
	return pairs, nil
}

// pick chooses one British form when an American word has several: the
// -ise spelling (colorize: colourise, not colourize), else the first.
func (p *pairer) pick(bs []string) string {
	sort.Strings(bs)
	for _, b := range bs {
		if p.isBr[b] {
			return b
		}
	}
	return bs[0]
}

func set(lists ...[]string) map[string]bool {
	m := map[string]bool{}
	for _, l := range lists {
		for _, w := range l {
			m[w] = true
		}
	}
	return m
}
