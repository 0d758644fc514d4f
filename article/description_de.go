package article

import (
	"strings"
	"unicode/utf8"
)

// This file reads German descriptions of a speaker ("der 58-jährige Mann", "der Sprecher des
// Ministeriums", "nach Angaben der Polizei") and makes the entity the reader sees as the speaker,
// labelled in the nominative ("Sprecher des Ministeriums", "Polizei"). Everything it reads is
// untrusted article text; it reads a mention's own tokens and at most maxGermanNP tokens before it.

// personNounsDe are German common nouns for a person or for people, which a speaker may be
// described by ("der 58-jährige Mann", "ein Augenzeuge"): no names, though German capitalises them.
var personNounsDe = setOf("mann", "männer", "frauen", "mädchen", "junge", "jungen", "kind", "kinder",
	"person", "personen", "mensch", "menschen", "zeuge", "zeugin", "zeugen", "augenzeuge", "augenzeugin",
	"augenzeugen", "polizist", "polizistin", "polizisten", "passagier", "passagiere", "passagierin", "bürger",
	"bürgerin", "anwohner", "anwohnerin", "nachbar", "nachbarin", "nachbarn", "täter", "opfer", "arzt", "ärztin",
	"ärzte", "soldat", "soldaten", "soldatin", "schüler", "schülerin", "student", "studentin", "studenten",
	"bewohner", "bewohnerin", "besucher", "besucherin", "zuschauer", "kommentator", "kommentatorin", "vater",
	"mutter", "sohn", "tochter", "bruder", "schwester", "ehefrau", "ehemann", "feuerwehrmann", "feuerwehrmänner",
	"geschäftsführer", "geschäftsführerin")

// personNounDe reports whether t is a German common noun for a person (personNounsDe). A title or
// an office ("Frau", "Bundespräsident") is left out: alone it names nobody, and before a name it
// is the name's role (resolveNameDe).
func personNounDe(t tok) bool {
	return t.kind() == tWord && t.cap() && !t.shape(lxRoleNoDot|lxTitle|lxTitleNoDot) && personNounsDe[t.lower()]
}

// personNounPhraseDe resolves a German mention [a, b) whose head, its last word, is a common noun
// for a person (personNounDe) after nothing but a determiner and adjectives ("Der 58-jährige
// Mann", "Ein Augenzeuge", "Der Geschäftsführer"): a description, not a name. When the article
// names a person in full by the word ("Thomas Mann"), the word is that person's surname; else the
// description is a speaker of its own, kept by its whole text only, not by the noun as if it were
// a surname, and shown without its article, its adjectives in the form they take without one
// ("58-jähriger Mann", as German writes "ein 58-jähriger Mann"). It returns nil for any other
// mention.
func (rg *registry) personNounPhraseDe(ps *paraState, a, b int) *entity {
	ts := ps.toks
	h := ts[b-1]
	if !personNounDe(h) {
		return nil
	}
	w := h.lower()
	if e := rg.byLast(w); e != nil && len(e.toks) >= 2 || rg.byFirst(w) != nil && len(rg.byFirst(w).toks) >= 2 {
		return rg.resolveName(ps, b-1, b) // the article's "Thomas Mann": the word is his name
	}
	return rg.phraseEntityDe(ps, a, b)
}

// officePhraseDe resolves a German mention [a, b) whose head, its last word, is an office
// (lxRoleNoDot: "Regierungssprecher", "Ermittler") after nothing but a determiner and adjectives,
// when no person the article names holds it (resolveOfficeDe found none): the description is a
// speaker of its own, shown as personNounPhraseDe shows one ("Der erfahrene Ermittler sagte" shows
// "erfahrener Ermittler"). It returns nil for any other mention.
func (rg *registry) officePhraseDe(ps *paraState, a, b int) *entity {
	if h := ps.toks[b-1]; h.kind() != tWord || !h.cap() || !h.shape(lxRoleNoDot) {
		return nil
	}
	return rg.phraseEntityDe(ps, a, b)
}

// phraseEntityDe returns the speaker of its own that the German description [a, b), a determiner,
// adjectives and its head noun, is: kept by its whole text, shown without its article and with its
// adjectives in the form they take without one. It returns nil when a word before the head is no
// adjective.
func (rg *registry) phraseEntityDe(ps *paraState, a, b int) *entity {
	ts := ps.toks
	det := ""
	if ts[a].kind() == tWord && ts[a].is(lxDeterminer) && b-a > 1 {
		det = ts[a].lower()
		a++
	}
	for i := a; i < b-1; i++ {
		if t := ts[i]; t.kind() != tWord || t.cap() || t.is(lxDeterminer) || t.is(lxCapStop) {
			return nil
		}
	}
	var sb strings.Builder
	for i := a; i < b; i++ {
		if i > a {
			sb.WriteByte(' ')
		}
		word := ps.text(i, i+1)
		if i < b-1 {
			word = strongAdjectiveDe(det, word)
		}
		sb.WriteString(word)
	}
	return rg.describedEntityDe(ps, sb.String(), a, b)
}

// describedEntityDe returns the speaker of its own that a German description shows as text, the
// tokens [a, b) in the nominative: kept by its whole text only, not by its first or last word,
// its words those of [a, b) in lower case without a final period. It is a described speaker
// (entity.described) unless its first word is in capitals (capitalsWord).
func (rg *registry) describedEntityDe(ps *paraState, text string, a, b int) *entity {
	key := strings.ToLower(text)
	if e := rg.byName[key]; e != nil {
		return e
	}
	ts := ps.toks
	n := 0
	for i := a; i < b; i++ {
		if ts[i].kind() == tWord {
			n++
		}
	}
	words := rg.newWords(n)
	n = 0
	for i := a; i < b; i++ {
		if ts[i].kind() == tWord {
			words[n] = strings.TrimSuffix(ts[i].lower(), ".")
			n++
		}
	}
	e := rg.newEntity(text, words, "")
	// A head in capitals is an acronym, a name ("nach Angaben der CDU"), no description.
	e.person, e.described = true, !capitalsWord(strings.Fields(text)[0])
	rg.byName[key] = e
	return e
}

// sourceAfterNounDe returns the source that a German according-to mention [a, b) names after its
// noun of what was said (saidNounDe), in the genitive or after "von": "Angaben der Polizei" is the
// police, "Angaben eines Sprechers des Ministeriums" "Sprecher des Ministeriums", "Ansicht von
// Senator Hansen" the Hansen the article names in full. A description shows in the nominative it
// has with no article (nominativeDescriptionDe); one whose nominative that cannot tell shows
// nobody, as before. The speaker names nobody a pronoun later stands for.
func (rg *registry) sourceAfterNounDe(ps *paraState, a, b int) *entity {
	ts := ps.toks
	if b-a >= 3 && ts[b-1].isPunct(")") && ts[b-3].isPunct("(") {
		b -= 3 // "Ansicht von Ministerpräsident Hans Hansen (CDU)": the party aside
	}
	said := func(i int) bool { return i >= 0 && ts[i].kind() == tWord && ts[i].cap() && saidNounDe(ts[i].lower()) }
	var n int // the noun of what was said
	switch {
	case b-a == 2 && (said(a+1) || said(a)):
		// "Nach Hansens Idee", "nach Angaben Hansens": the genitive of the surname of a person
		// the article names in full.
		g := a
		if said(a) {
			g = a + 1
		}
		if w := ts[g].lower(); ts[g].cap() && strings.HasSuffix(w, "s") {
			if e := rg.fullNamedPersonDe(strings.TrimSuffix(w, "s")); e != nil {
				return e
			}
		}
		if g == a {
			return nil
		}
		n = a
	case said(a):
		n = a
	case said(a - 1): // "Vorwurf der Opposition", whose mention is the source itself
		n = a - 1
	case a >= 2 && said(a-2) && ts[a-1].lower() == "von":
		n = a - 2
	default:
		return nil
	}
	if n+1 >= b {
		return nil
	}
	s, det := n+1, ""
	switch w := ts[s].lower(); w {
	case "der", "des", "eines", "einer":
		s, det = s+1, w
	case "von":
		s++
	default:
		return nil
	}
	if s >= b || ts[s].kind() != tWord || ts[s].is(lxDeterminer) {
		return nil
	}
	for i := s; i < b; i++ {
		if ts[i].kind() != tWord {
			return nil
		}
	}
	if l := ts[b-1]; l.cap() && !rg.commonWordDe(l) {
		// "Ansicht von Senator Hansen": the person the article names in full, not the run that
		// opens with the noun ("Angaben von Anwohnern" read as a name).
		if e := rg.fullNamedPersonDe(strings.TrimSuffix(l.lower(), ".")); e != nil {
			return e
		}
	}
	text := nominativeDescriptionDe(ps, det, true, s, b)
	if text == "" {
		return nil
	}
	return rg.describedEntityDe(ps, text, s, b)
}

// fullNamedPersonDe returns the person the article names in full (two words or more, words of a
// person: personWordsDe) whose surname is the lower-case German word w, or nil; a run that opens
// with a noun of what was said ("Angaben von Anwohnern" read as a name) is no person. The latest
// entity with the surname is the one: neither an office and the surname ("Senator Becker", see
// namedInFull) nor a noun of what was said before "von" and the surname ("Ansicht von Becker",
// see personDe) is registered after "Tom Becker" to take the surname's slot.
func (rg *registry) fullNamedPersonDe(w string) *entity {
	if e := rg.byLast(w); e != nil && len(e.toks) >= 2 && rg.personWordsDe(e.toks) && !saidNounDe(e.toks[0]) {
		return e
	}
	return nil
}

// descriptionRoleDe returns the role that a German description gives the name that starts at
// token a when the description's noun phrase ends in it: a name in apposition ("der Vorsitzende
// des Verbandes, Elmar Kunze") or after a noun in the genitive ("der Leiter des Verwaltungsrats
// Hans Becker", genitiveNameDe). The role is the description without its article, in the
// nominative a subject has with no article ("Vorsitzender des Verbandes", "stellvertretender
// Leiter des Verwaltungsrats"), as personNounPhraseDe shows a description. A phrase in another
// case by its article or an ending in "-en" ("des Vorsitzenden", "dem neuen Leiter") gives none
// (an adjective in "-en" after "die" is a plural's and gives one: "neue Sprecher des Verbandes"),
// nor does any other phrase before a name ("der Regierungssprecher Ulrich Wilhelm", whose office
// nameParts reads).
func descriptionRoleDe(ps *paraState, a int) string {
	ts := ps.toks
	if a < 3 {
		return ""
	}
	d := -1 // the description's determiner
	e := a  // and its end
	if ts[a-1].isPunct(",") {
		e = a - 1
		for c := max(0, a-maxGermanNP); c < e-1 && d < 0; c++ {
			// a determiner after a noun opens its genitive, no description of its own ("der
			// Führer der Bewegung „…“, Hans Becker,")
			if ts[c].kind() == tWord && ts[c].is(lxDeterminer) && (c == 0 || ts[c-1].kind() != tWord || !ts[c-1].cap() || ts[c-1].is(lxCapStop)) {
				if na, _, kind, _ := germanPhrase(ts, c, len(ts)); kind == npName && na == a {
					d = c
				}
			}
		}
	} else if a >= 4 && ts[a-2].kind() == tWord && ts[a-2].lower() == "des" && ts[a-3].kind() == tWord && ts[a-3].cap() && !ts[a-3].is(lxCapStop) {
		// before the verb as after it: the phrase ends with the name (germanSubjectBefore)
		if n := nameRunEnd(ts, a, len(ts)); genitiveNameDe(ts, a-1, n, n) {
			d = determinerBeforeDe(ts, a-4, 0)
		}
	}
	if d < 0 {
		return ""
	}
	switch det := ts[d].lower(); det {
	case "der", "die", "das", "ein", "eine":
		return nominativeDescriptionDe(ps, det, false, d+1, e)
	}
	return ""
}

// nominativeDescriptionDe returns the German description [a, e), after the determiner det, in
// the nominative it has with no article: its adjectives and a head that is an adjective used as a
// noun ("der Vorsitzende", "der Beauftragte") take the strong ending (strongAdjectiveDe), what
// follows the head stays. No capitalised head gives "", and so, without gen, do adjectives or a
// head in "-en", but for adjectives after "die", a plural's ("die neuen Sprecher" is "neue
// Sprecher"). With gen, det is the article of a genitive ("des", "eines", "der", "einer") or ""
// after "von", and the head and adjectives take the nominative (genitiveNominativeDe,
// genitiveAdjectiveDe), or "" when it is unknown: "des künstlerischen Leiters" is
// "künstlerischer Leiter".
func nominativeDescriptionDe(ps *paraState, det string, gen bool, a, e int) string {
	ts := ps.toks
	h := a
	for h < e && ts[h].kind() == tWord && !ts[h].cap() {
		h++
	}
	if h >= e || ts[h].kind() != tWord || ts[h].is(lxCapStop) {
		return ""
	}
	var head string
	weak := false // the head is a weak masculine noun (weakNominativeDe)
	if gen {
		var ok bool
		if head, ok = genitiveNominativeDe(det, ps.text(h, h+1)); !ok {
			return ""
		}
		if det == "des" || det == "eines" {
			_, weak = weakNominativeDe(ps.text(h, h+1))
		}
	}
	var sb strings.Builder
	for i := a; i <= h; i++ {
		w := ps.text(i, i+1)
		if gen {
			if i == h {
				w = head
			} else if w = genitiveAdjectiveDe(det, w, head, weak); w == "" {
				return ""
			}
		} else if strings.HasSuffix(ts[i].lower(), "en") && (det != "die" || i == h) {
			return "" // after "die" an adjective in "-en" is a plural's ("die neuen Sprecher")
		} else if i < h || nominalHeadDe(ts[h].lower()) {
			w = strongAdjectiveDe(det, w)
		}
		if i > a {
			sb.WriteByte(' ')
		}
		sb.WriteString(w)
	}
	if h+1 < e {
		sb.WriteByte(' ')
		sb.WriteString(ps.text(h+1, e))
	}
	return sb.String()
}

// nominalHeadsDe end German adjectives and participles used as nouns for a person, which take an
// adjective's ending ("der Vorsitzende", "ein Vorsitzender"; "der Fraktionsvorsitzende").
var nominalHeadsDe = []string{"ende", "beauftragte", "abgeordnete", "angestellte", "delegierte", "gesandte",
	"bevollmächtigte", "verwandte", "bekannte", "beamte", "angeklagte", "verletzte"}

// nominalHeadDe reports whether the lower-case German noun w is an adjective used as a noun
// (nominalHeadsDe).
func nominalHeadDe(w string) bool {
	for _, s := range nominalHeadsDe {
		if strings.HasSuffix(w, s) {
			return true
		}
	}
	return false
}

// weakStemsDe end the German masculine nouns of persons that take "-en" in every case but the
// nominative singular, which ends in the stem ("des Präsidenten" is "Präsident", "des
// Polizisten" "Polizist", "des Kandidaten" "Kandidat", "des Piloten" "Pilot", "des Fotografen"
// "Fotograf"); weakStemsEDe end those whose nominative adds "-e" ("des Kollegen" is "Kollege",
// "des Augenzeugen" "Augenzeuge", "des Biologen" "Biologe"). A participle used as a noun ("des
// Geflüchteten") ends in neither.
var (
	weakStemsDe  = []string{"ent", "ant", "ist", "at", "ot", "ekt", "graf", "graph", "soph", "naut", "nom"}
	weakStemsEDe = []string{"loge", "kollege", "experte", "zeuge", "kunde", "genosse", "bote", "erbe", "neffe", "laie",
		"franzose", "brite", "russe", "grieche", "türke", "chinese", "schwede", "däne"}
)

// weakNominativeDe returns the nominative of the German weak masculine noun w in "-en" (lower or
// capitalised as written) after "des" or "eines" (weakStemsDe, weakStemsEDe), or false when its
// stem is none of those.
func weakNominativeDe(w string) (string, bool) {
	l := strings.ToLower(w)
	if !strings.HasSuffix(l, "en") {
		return "", false
	}
	for _, s := range weakStemsEDe { // first: "Boten" is "Bote", though "Piloten" is "Pilot"
		if strings.HasSuffix(l, s+"n") {
			return strings.TrimSuffix(w, "n"), true
		}
	}
	for _, s := range weakStemsDe {
		if strings.HasSuffix(l, s+"en") && len(l) > len(s)+3 {
			return strings.TrimSuffix(w, "en"), true
		}
	}
	return "", false
}

// nominativeNameDe returns the German name m read, which the sentence puts in the dative, in the
// nominative a reader expects of a speaker's label: after "laut" or before "zufolge" for the rule
// that reads them (dativeNameDe: "laut Süddeutscher Zeitung" is "Süddeutsche Zeitung"), after
// "vom", "beim", "zum" or "dem" for any rule (definiteDativeNameDe: "vom Deutschen Wetterdienst" is
// "Deutscher Wetterdienst"). It returns "" when the name stays as written.
func nominativeNameDe(ps *paraState, m match) string {
	if m.rule == ruleAccordingTo {
		if n := dativeNameDe(ps, m.a, m.b); n != "" {
			return n
		}
	}
	return definiteDativeNameDe(ps, m.a, m.b)
}

// dativeNameDe returns the German name [a, b) after "laut" or before "zufolge", with no article, in
// the nominative when an adjective before its last word shows the dative or genitive of a feminine
// or a plural in the strong "-er" of an adjective in "-sch" or "-lich" ("laut Süddeutscher
// Zeitung" is "Süddeutsche Zeitung", "laut staatlicher Medien" "staatliche Medien"); else "". An
// adjective of a place ("laut Berliner Zeitung") does not inflect and stays, as does one in "-en"
// ("laut Deutschen Wetterdienstes"), whose gender is unknown.
func dativeNameDe(ps *paraState, a, b int) string {
	ts := ps.toks
	if b-a < 2 || !(a > 0 && ts[a-1].kind() == tWord && ts[a-1].lower() == "laut" || b < len(ts) && ts[b].kind() == tWord && ts[b].lower() == "zufolge") {
		return ""
	}
	var sb strings.Builder
	changed := false
	for i := a; i < b; i++ {
		if ts[i].kind() != tWord {
			return ""
		}
		w := ps.text(i, i+1)
		if l := ts[i].lower(); i < b-1 && (strings.HasSuffix(l, "scher") && len(l) >= len("scher")+3 || strings.HasSuffix(l, "licher")) {
			w = strings.TrimSuffix(w, "r")
			changed = true
		}
		if i > a {
			sb.WriteByte(' ')
		}
		sb.WriteString(w)
	}
	if !changed {
		return ""
	}
	return sb.String()
}

// definiteDativeNameDe returns the German name [a, b) after a contracted article of the dative
// singular ("vom", "beim", "zum") or "dem", its adjectives in the weak "-en" the article asks, in
// the nominative it has with no article: "vom Deutschen Wetterdienst" is "Deutscher Wetterdienst",
// "vom Statistischen Bundesamt" "Statistisches Bundesamt". The article tells masculine or neuter
// only, and the head's ending the gender (dativeGenderDe); when it tells none, or no adjective
// stands before the head, it returns "".
func definiteDativeNameDe(ps *paraState, a, b int) string {
	ts := ps.toks
	if b-a < 2 || a == 0 || ts[a-1].kind() != tWord {
		return ""
	}
	switch ts[a-1].lower() {
	case "vom", "beim", "zum", "dem":
	default:
		return ""
	}
	ending := dativeGenderDe(ts[b-1].lower())
	if ending == "" {
		return ""
	}
	var sb strings.Builder
	for i := a; i < b; i++ {
		if ts[i].kind() != tWord || !ts[i].cap() {
			return ""
		}
		w := ps.text(i, i+1)
		if i < b-1 {
			if !strings.HasSuffix(w, "en") || utf8.RuneCountInString(w) < 5 {
				return "" // a word of the name that is no adjective in "-en"
			}
			w = strings.TrimSuffix(w, "n") + ending
		}
		if i > a {
			sb.WriteByte(' ')
		}
		sb.WriteString(w)
	}
	return sb.String()
}

// masculineHeadsDe and neuterHeadsDe end German nouns of institutions whose gender their ending
// tells ("Wetterdienst", "Bundesamt"); dativeGenderDe reads them.
var (
	masculineHeadsDe = []string{"dienst", "verband", "verein", "rat", "bund", "konzern", "sender", "senat",
		"ausschuss", "vorstand", "gerichtshof", "rundfunk", "geheimdienst", "zoll"}
	neuterHeadsDe = []string{"amt", "ministerium", "institut", "gericht", "zentrum", "büro", "komitee",
		"kommissariat", "sekretariat", "präsidium", "parlament", "kabinett", "bündnis", "forum", "netzwerk",
		"kommando", "krankenhaus", "museum", "observatorium", "werk", "blatt", "magazin", "fernsehen"}
)

// dativeGenderDe returns the strong ending that an adjective before the German head noun w (lower
// case) takes in the nominative with no article: "r" for a masculine noun, "s" for a neuter one
// (masculineHeadsDe, neuterHeadsDe), "" when its ending tells neither.
func dativeGenderDe(w string) string {
	for _, s := range masculineHeadsDe {
		if strings.HasSuffix(w, s) {
			return "r"
		}
	}
	for _, s := range neuterHeadsDe {
		if strings.HasSuffix(w, s) {
			return "s"
		}
	}
	return ""
}

// genitiveNominativeDe returns the German head noun w of a phrase in the genitive after det
// ("des", "eines", "der", "einer"), or in the dative after "von" with no article (det ""), in
// the nominative: "des Verlages" is "Verlag", "des Innenministeriums" "Innenministerium", "des
// Vorsitzenden" "Vorsitzender", "der Abgeordneten" "Abgeordnete", "von Anwohnern" "Anwohner",
// "des Präsidenten" "Präsident" and "des Kollegen" "Kollege" (weakNominativeDe); a feminine or
// plural noun stays ("der Polizei", "der Ermittler"). Any other masculine or neuter noun in "-en"
// ("des Unternehmens" aside) gives false: its nominative may end in "-e" or not.
func genitiveNominativeDe(det, w string) (string, bool) {
	l := strings.ToLower(w)
	switch det {
	case "der", "einer":
		if nominalHeadDe(strings.TrimSuffix(l, "n")) && strings.HasSuffix(l, "en") {
			return strings.TrimSuffix(w, "n"), true
		}
	case "des", "eines":
		switch {
		case strings.HasSuffix(l, "en") && nominalHeadDe(strings.TrimSuffix(l, "n")):
			return strings.TrimSuffix(w, "n") + "r", true
		case strings.HasSuffix(l, "en"):
			return weakNominativeDe(w)
		case strings.HasSuffix(l, "ens") || strings.HasSuffix(l, "ees"):
			return strings.TrimSuffix(w, "s"), true
		case strings.HasSuffix(l, "es") && utf8.RuneCountInString(l) > 4:
			return genitiveEsNominativeDe(w, l)
		case strings.HasSuffix(l, "s"):
			return strings.TrimSuffix(w, "s"), true
		}
	case "":
		if strings.HasSuffix(l, "ern") || strings.HasSuffix(l, "eln") {
			return strings.TrimSuffix(w, "n"), true
		}
	}
	return w, true
}

// neutersEDe end German nouns whose nominative ends in "-e" and whose genitive adds "-s" ("des
// Gebäudes" is "Gebäude", "des Wochenendes" "Wochenende", "des Regimes" "Regime"): a genitive in
// "-es" drops only the "-s" when it ends in one of them.
var neutersEDe = []string{"gebäude", "gebirge", "getreide", "gemälde", "gelände", "gewerbe", "gehäuse", "gemüse",
	"getriebe", "gewebe", "gefüge", "gebilde", "gewölbe", "gefälle", "ende", "erbe", "auge", "interesse", "image",
	"regime", "finale", "ensemble", "genre", "prestige", "käse"}

// genitiveEsNominativeDe returns the nominative of the German masculine or neuter noun w (l in
// lower case) in the genitive in "-es" after "des" or "eines": the "-es" drops ("des Vereines" is
// "Verein", "des Hauses" "Haus") but for a nominative in "-e" (neutersEDe: "des Gebäudes" is
// "Gebäude"), a stem that ends in a vowel ("des Knies" is "Knie") and "-nis", which doubles its
// "s" ("des Bündnisses" is "Bündnis"). A noun in "Ge-" whose stem ends as a collective in "Ge…e"
// does ("Gebirge", "Gelände", "Gehäuse", "Gefälle"; not "-ss": "des Geschosses") gives false: "des Gesanges" is "Gesang" but
// "des Gefolges" "Gefolge", and no word is better than a wrong one.
func genitiveEsNominativeDe(w, l string) (string, bool) {
	for _, s := range neutersEDe {
		if strings.HasSuffix(l, s+"s") {
			return strings.TrimSuffix(w, "s"), true
		}
	}
	if strings.HasSuffix(l, "nisses") {
		return strings.TrimSuffix(w, "ses"), true
	}
	stem := l[:len(l)-2]
	if strings.HasPrefix(l, "ge") && !strings.HasSuffix(stem, "ss") {
		for _, e := range []string{"d", "g", "b", "s", "ll"} {
			if strings.HasSuffix(stem, e) {
				return "", false
			}
		}
	}
	if r, _ := utf8.DecodeLastRuneInString(stem); strings.ContainsRune("aeiouäöüy", r) {
		return strings.TrimSuffix(w, "s"), true
	}
	return strings.TrimSuffix(w, "es"), true
}

// genitiveAdjectiveDe returns the German adjective w before the head noun, in the nominative head
// (genitiveNominativeDe), of a phrase in the genitive after det or after "von", in the strong
// form it has with no article: "der innenpolitischen Sprecherin" is "innenpolitische", "von
// unabhängigen Experten" "unabhängige", "des künstlerischen Leiters" "künstlerischer", "des
// neuen Präsidenten" "neuer" (a head in "-er", a weak noun, which weak says, or an adjective used
// as a noun is masculine). It returns "" when the gender is unknown ("des neuen Amtes": "neues"
// or "neuer").
func genitiveAdjectiveDe(det, w, head string, weak bool) string {
	if !strings.HasSuffix(w, "en") {
		return w
	}
	switch det {
	case "der", "einer", "":
		return strings.TrimSuffix(w, "n")
	}
	if l := strings.ToLower(head); strings.HasSuffix(l, "er") || strings.HasSuffix(l, "chef") || weak {
		return strings.TrimSuffix(w, "n") + "r"
	}
	return ""
}

// strongAdjectiveDe returns the German adjective w, inflected after the definite article det as
// the nominative subject takes it, in the form it has with no article: "der 58-jährige" is
// "58-jähriger", "das kleine" "kleines", "die jungen" (a plural) "junge"; after any other
// determiner it is as it was ("ein 58-jähriger").
func strongAdjectiveDe(det, w string) string {
	switch {
	case det == "der" && strings.HasSuffix(w, "e"):
		return w + "r"
	case det == "das" && strings.HasSuffix(w, "e"):
		return w + "s"
	case det == "die" && strings.HasSuffix(w, "en"):
		return strings.TrimSuffix(w, "n")
	}
	return w
}
