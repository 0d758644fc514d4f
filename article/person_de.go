package article

import (
	"strings"
	"unicode/utf8"
)

// This file tells which German capitalised words a pronoun may name. German capitalises its nouns,
// and a sentence may open with an adjective or a participle ("Besorgt äußerte sich …",
// "Anerkannte Regelungen für Abspaltungen …"): a capitalised run is a person's name only when its
// words are no common nouns, by their shape or by how the article uses them elsewhere.

// commonWordsDe reads the German paragraphs' words into the registry's set of words the article
// uses as common nouns or as other words than names: a word written lower case ("besorgt"), and a
// capitalised word right after a determiner, a contracted preposition or a number ("die
// Regelungen", "im Völkerrecht", "35.000 Menschen"), but for a relative pronoun after a comma
// ("Im Brief, den Teziç an Chirac schickte"). A surname after two particles and a capitalised word
// ("Ursula von der Leyen", "Rob van der Meer") is common only when that word is: its "der" is the
// particle, no article ("Angaben von der Polizei").
func (rg *registry) commonWordsDe(pss []*paraState) {
	var surnames []int // pairs: the paragraph, the surname's token
	for n, ps := range pss {
		if !ps.de || ps.p.Headline {
			continue
		}
		ts := ps.toks
		for i, t := range ts {
			if t.kind() != tWord {
				continue
			}
			if !t.cap() {
				rg.commonDe[t.lower()] = struct{}{}
				continue
			}
			if i > 0 && ts[i-1].kind() == tWord && (!ts[i-1].cap() && (i == 1 || !ts[i-2].isPunct(",")) || i == 1 || ts[i-2].isSentenceEnd() || ts[i-2].kind() == tQuote || ts[i-2].isPunct(":")) &&
				(ts[i-1].is(lxDeterminer) && ts[i-1].lower() != "an" || nounOpenersDe[ts[i-1].lower()] || plainNumber(ts[i-1].lower())) {
				if particleSurnameDe(ts, i) {
					surnames = append(surnames, n, i)
					continue
				}
				rg.commonDe[t.lower()] = struct{}{}
			} else if attributeBeforeDe(ts, i) {
				rg.commonDe[t.lower()] = struct{}{}
			}
		}
	}
	for k := 0; k+1 < len(surnames); k += 2 {
		ts := pss[surnames[k]].toks
		i := surnames[k+1]
		if rg.commonWordDe(ts[i-3]) {
			rg.commonDe[ts[i].lower()] = struct{}{}
		}
	}
}

// particleSurnameDe reports whether the capitalised word at i stands after two lower-case name
// particles, the first of them "von" or "van", and a capitalised word ("Ursula von der Leyen",
// "Walther von der Vogelweide", "Rob van der Meer"): a surname when that word is a first name.
func particleSurnameDe(ts []tok, i int) bool {
	return i >= 3 && vonParticlesDe(ts, i-2) && ts[i-3].kind() == tWord && ts[i-3].cap()
}

// vonParticlesDe reports whether token j is a lower-case "von" or "van" and the token after it a
// lower-case name particle ("von der", "van den"): the particles a surname may open with ("von
// der Leyen", "van der Meer").
func vonParticlesDe(ts []tok, j int) bool {
	if j+1 >= len(ts) {
		return false
	}
	p, q := ts[j], ts[j+1]
	return p.kind() == tWord && !p.cap() && (p.lower() == "von" || p.lower() == "van") &&
		q.kind() == tWord && !q.cap() && q.is(lxParticle)
}

// attributeBeforeDe reports whether the capitalised word at i follows adjectives in their
// inflected form after a determiner ("dem französischen Staatspräsidenten Nicolas Sarkozy", "der
// libysche Diktator Gaddafi"), or a present participle ("die aus Somalia stammende ehemalige
// niederländische Politikerin Ayaan Hirsi Ali", "der für Manchester United stürmende
// Nationalspieler Wayne Rooney"): the word is the noun they go with, a person's first name never is.
func attributeBeforeDe(ts []tok, i int) bool {
	j := i - 1
	participle := false
	for j >= 0 && i-j <= 3 && ts[j].kind() == tWord && !ts[j].cap() && !ts[j].is(lxDeterminer) && !ts[j].is(lxSpeechVerb) &&
		!isVerb(ts[j]) && adjectiveShapedDe(ts[j].lower()) && !pastShapedDe(ts[j].lower()) {
		w := ts[j].lower()
		if strings.Contains(w, "jährig") || strings.ContainsAny(w, "0123456789") {
			return false // "der 66-jährige Trapattoni": an age goes before a surname too
		}
		participle = participle || presentParticipleDe(w)
		j--
	}
	if j == i-1 {
		return false
	}
	if participle {
		return true
	}
	if j < 0 || ts[j].kind() != tWord || ts[j].lower() == "an" {
		return false
	}
	return ts[j].is(lxDeterminer) || nounOpenersDe[ts[j].lower()]
}

// presentParticipleDe reports whether the lower-case German word w is a present participle used as an
// attribute ("stammende", "spielenden"): "-end" and an adjective's ending.
func presentParticipleDe(w string) bool {
	for _, e := range []string{"ende", "enden", "ender", "endes", "endem"} {
		if strings.HasSuffix(w, e) && utf8.RuneCountInString(w) > len(e)+2 {
			return true
		}
	}
	return false
}

// pastShapedDe reports whether the lower-case German word w ends as a verb in the past does
// ("lehnte", "sagten"): "Das lehnte Abhisit jedoch ab" has no adjective before the name.
func pastShapedDe(w string) bool {
	return strings.HasSuffix(w, "te") || strings.HasSuffix(w, "ten")
}

// nounOpenersDe stand before a common noun, as a determiner does: contracted prepositions and
// quantifiers.
var nounOpenersDe = setOf("am", "im", "vom", "zum", "zur", "beim", "ins", "ans", "aufs", "kein", "keine", "keinen",
	"keinem", "keiner", "diese", "dieser", "diesem", "diesen", "dieses", "jede", "jeder", "jedem", "jeden", "alle",
	"allen", "viele", "vielen", "mehrere", "mehreren", "einige", "einigen", "wenige", "wenigen", "unsere", "unser",
	"unseren", "unserer")

// commonSuffixesDe end German common nouns and adjectives, rarely a person's name.
var commonSuffixesDe = []string{"ung", "ungen", "heit", "heiten", "keit", "keiten", "schaft", "schaften", "tion",
	"tionen", "sion", "sionen", "ität", "itäten", "ismus", "nisse", "nissen", "ische", "ischen", "ischer", "isches",
	"liche", "lichen", "licher", "liches"}

// commonSuffixesByEndDe holds commonSuffixesDe by their last byte, so that a word is compared
// with the suffixes that end as it does: commonWordDe asks it of many capitalised words.
var commonSuffixesByEndDe = func() (by [256][]string) {
	for _, s := range commonSuffixesDe {
		by[s[len(s)-1]] = append(by[s[len(s)-1]], s)
	}
	return by
}()

// commonWordDe reports whether the capitalised German word t is a common noun or an adjective,
// not a part of a person's name: its shape says so, or the article uses it so elsewhere.
func (rg *registry) commonWordDe(t tok) bool {
	w := strings.TrimSuffix(t.lower(), ".")
	if t.shape(lxNominalDe) || t.is(lxCapStop) && !t.is(lxTitle) || t.is(lxDeterminer) || t.is(lxPronoun) {
		return true
	}
	if _, ok := rg.commonDe[w]; ok {
		return true
	}
	return commonSuffixDe(w)
}

// commonSuffixDe reports whether the lower-case word w ends as a common noun or an adjective does
// (commonSuffixesDe), after a stem of three letters or more.
func commonSuffixDe(w string) bool {
	if w == "" {
		return false
	}
	for _, s := range commonSuffixesByEndDe[w[len(w)-1]] {
		if strings.HasSuffix(w, s) && utf8.RuneCountInString(w)-utf8.RuneCountInString(s) >= 3 {
			return true
		}
	}
	return false
}

// surnameAfterParticle reports whether the words after the particle at p, up to b, may be the
// surname it belongs to: any particle but "von", "zu" and "vom" goes with what follows; those
// three take one capitalised word, after "der" or "dem" too ("von der Leyen"), and "vom" none.
// Before a full name they belong to the phrase before it ("Angaben von Peter Beck").
func surnameAfterParticle(ts []tok, p, b int) bool {
	switch ts[p].lower() {
	case "vom":
		return false
	case "von", "zu":
	default:
		return true
	}
	caps := 0
	for i := p + 1; i < b; i++ {
		if ts[i].kind() == tWord && ts[i].cap() {
			caps++
		}
	}
	return caps <= 1
}

// personDe returns the person's name at the end of the capitalised run [a, b) that a German
// sentence reader found: its last words that are no common nouns, with an office right before them
// ("Außenminister der Russischen Föderation Sergei Lawrow" names "Sergei Lawrow"). A noun of what
// was said is no word of a name ("Zitat von Schmidt", "Ansicht von Becker" name "Schmidt" and
// "Becker", no one called "Zitat von Schmidt": saidNounDe). A name of two
// words or more is a person's; one word is when an office stands before it ("Präsident Putin") or
// the article named the person in full before ("Merkel" after "Angela Merkel").
func (rg *registry) personDe(ps *paraState, a, b int) (int, int, bool) {
	ts := ps.toks
	s := b
	for s > a {
		t := ts[s-1]
		if t.kind() == tWord && t.cap() && !t.shape(lxRoleNoDot|lxTitle|lxTitleNoDot) && (!rg.commonWordDe(t) && !saidNounDe(t.lower()) || lastNameStop(ts, s-1, a)) || // "Theresa May"
			s-1 > a && s < b && t.kind() == tWord && !t.cap() && t.is(lxParticle) && surnameAfterParticle(ts, s-1, b) { // "Ursula von der Leyen"
			s--
			continue
		}
		break
	}
	for s < b && !ts[s].cap() {
		s++ // a particle opens no name
	}
	if s >= b {
		return 0, 0, false
	}
	s = rg.namedTailDe(ts, s, b)
	role := s > a && ts[s-1].kind() == tWord && ts[s-1].cap() && ts[s-1].shape(lxRoleNoDot|lxTitle|lxTitleNoDot)
	if b-s >= 2 {
		if role {
			return s - 1, b, true
		}
		return s, b, true
	}
	if role {
		if rg.descriptionDe(ps.text(s-1, s), ts[s:b]) {
			return 0, 0, false // "Verteidigungsminister Österreichs": an office and its country
		}
		return s - 1, b, true
	}
	w := strings.TrimSuffix(ts[s].lower(), ".")
	if e := rg.byLast(w); e != nil && (len(e.toks) >= 2 || e.role != "") && rg.personWordsDe(e.toks) {
		return s, b, true
	}
	if e := rg.byFirst(w); e != nil && rg.personWordsDe(e.toks) {
		return s, b, true
	}
	return 0, 0, false
}

// namedTailDe returns where the name of a person the article named in full before starts inside
// the German run of capitalised words [s, b) that ends with it, after one word or more that say
// what the person is ("Punklady Nina Hagen" after "Nina Hagen": the name is "Nina Hagen", and
// "Punklady" its label), or s when the run does not end with such a name or is that name.
func (rg *registry) namedTailDe(ts []tok, s, b int) int {
	e := rg.byLast(nameWord(ts[b-1]))
	if e == nil || len(e.toks) < 2 || len(e.toks) >= b-s || !rg.personWordsDe(e.toks) {
		return s
	}
	k := b - len(e.toks)
	if givenNameOf(ts[k-1]) != genderUnknown || utf8.RuneCountInString(e.toks[0]) < 3 {
		return s // "Jon Bon Jovi" after "Bon Jovi", "Jürgen R. Thumann" after "R. Thumann": a longer name
	}
	for i, w := range e.toks {
		if nameWord(ts[k+i]) != w {
			return s
		}
	}
	return k
}

// personWordsDe reports whether an entity's words (lower case) may all be a person's: none is a
// common word of the article or has a common noun's ending, and a particle stands inside only.
func (rg *registry) personWordsDe(ws []string) bool {
	for i, w := range ws {
		if particles.has(w) {
			if i == 0 || i == len(ws)-1 {
				return false
			}
			continue
		}
		if _, ok := rg.commonDe[w]; ok || commonSuffixDe(w) {
			return false
		}
	}
	return true
}

// phrasePersonDe returns the person that the phrase [na, nb) of the given kind, a subject in the
// sentence that ends at token end, stands for: a name in apposition after it (a name or a
// description: "Der ehemalige Bürgermeister …, Heiner Falldorf,"), else the phrase itself when it is
// a person's name (personDe); and the token to go on from.
func (rg *registry) phrasePersonDe(ps *paraState, na, nb, end int, kind npKind) (a, b, next int, ok bool) {
	if kind != npName && kind != npDesc {
		return 0, 0, 0, false
	}
	if a, b, ok := rg.appositionDe(ps, nb, end); ok {
		return a, b, b, true
	}
	if kind == npName && na > 0 && orgNameAfterKindDe(ps.toks, na-1, nb) {
		return 0, 0, 0, false // "Die Organisation Human Rights Watch": an organisation, no person (orgKindsDe)
	}
	if kind == npName {
		if a, b, ok := rg.personDe(ps, na, nb); ok {
			return a, b, nb, true
		}
	}
	return 0, 0, 0, false
}

// subjectDe returns the person [a, b) that the German sentence starting at token lo names as its
// subject (see registerPara), or false, and the token to go on from: a name that opens it, a name
// in apposition ("Der ehemalige Bürgermeister der Gemeinde Dörverden, Heiner Falldorf, schätzt"),
// the subject after the finite verb when a word that is no name opens the sentence ("Besorgt
// äußerte sich auch der Vorsitzende …, Wolfgang Grader,") or after a quotation and its comma
// ("„…“, erklärte die Geschäftsführerin …, Manuela Roßbach"), a name after a description or after
// the finite verb (germanNamedSubject), and, in a sentence that opens with an article, a surname
// after a noun that describes the person ("Der Ankläger Groome verlas") or a name right before the
// finite verb ("Der auf der Konferenz anwesende Außenminister der Russischen Föderation Sergei
// Lawrow reagierte").
func (rg *registry) subjectDe(ps *paraState, lo int) (a, b, next int, ok bool) {
	ts := ps.toks
	end := sentenceEndFrom(ts, lo)
	t := ts[lo]
	if t.cap() && (!t.is(lxCapStop) || t.is(lxTitle)) {
		j := nameRunEnd(ts, lo, len(ts))
		if j > lo {
			if a, b, ok := rg.appositionDe(ps, j, end); ok {
				return a, b, b, true
			}
			if a, b, ok := rg.personDe(ps, lo, j); ok {
				return a, b, j, true
			}
			if j < end && ts[j].kind() == tWord && !ts[j].cap() && !ts[j].is(lxDeterminer) && !ts[j].is(lxPreposition) && !ts[j].is(lxConjunction) {
				// "Besorgt äußerte sich auch der Vorsitzende …": a word that is no name opens the
				// sentence, the finite verb follows, and the subject after it.
				na, nb, kind := germanNP(ts, afterVerb(ts, j+1, end), end)
				if a, b, next, ok := rg.phrasePersonDe(ps, na, nb, end, kind); ok {
					return a, b, next, true
				}
			}
			return 0, 0, j, false
		}
	}
	if !t.cap() && lo >= 2 && ts[lo-1].isPunct(",") && ts[lo-2].kind() == tQuote && isVerb(t) {
		// "„…“, erklärte die Geschäftsführerin der Organisation, Manuela Roßbach.": the speech verb
		// after a quotation, and its subject.
		na, nb, kind := germanNP(ts, afterVerb(ts, lo+1, end), end)
		if a, b, next, ok := rg.phrasePersonDe(ps, na, nb, end, kind); ok {
			return a, b, next, true
		}
		return 0, 0, lo + 1, false
	}
	if na, nb, ok := germanNamedSubject(ts, lo); ok {
		if a, b, next, ok := rg.phrasePersonDe(ps, na, nb, end, npName); ok {
			return a, b, next, true
		}
	}
	if t.is(lxDeterminer) {
		// "Der Italiener Giovanni Trapattoni wird …": the phrase that opens the sentence holds the name.
		if na, nb, kind, v := germanSubject(ts, lo, end); v >= 0 && na == lo {
			if a, b, next, ok := rg.phrasePersonDe(ps, na, nb, end, kind); ok {
				return a, b, next, true
			}
		}
		// "Der Deutsche Ziemendorff ist …", "Der Ankläger Groome verlas …": a noun that describes a
		// person, and the surname right before the finite verb.
		n := lo + 1
		for n < end && ts[n].kind() == tWord && !ts[n].cap() && !isVerb(ts[n]) && adjectiveShapedDe(ts[n].lower()) {
			n++
		}
		if n+2 < end && ts[n].kind() == tWord && ts[n].cap() && !ts[n].is(lxCapStop) && !commonSuffixDe(ts[n].lower()) && ts[n+1].kind() == tWord && ts[n+1].cap() &&
			!rg.commonWordDe(ts[n+1]) && ts[n+2].kind() == tWord && !ts[n+2].cap() && !ts[n+2].is(lxDeterminer) &&
			!ts[n+2].is(lxPreposition) && !ts[n+2].is(lxConjunction) && !ts[n+2].is(lxParticle) &&
			!rg.descriptionDe(ps.text(n, n+1), ts[n+1:n+2]) { // "Der Verteidigungsminister Österreichs sagte"
			return n + 1, n + 2, n + 2, true
		}
		for r := lo + 1; r < end && r-lo <= maxClause; r++ {
			u := ts[r]
			if u.kind() != tWord {
				break
			}
			if !u.cap() || u.is(lxCapStop) {
				continue
			}
			re := nameRunEnd(ts, r, end)
			if re <= r || re >= end {
				break
			}
			v := ts[re]
			if v.kind() != tWord || v.cap() {
				break
			}
			attr := re+1 < end && ts[re+1].kind() == tWord && ts[re+1].cap() // "für Manchester United stürmende Nationalspieler"
			if !attr && !v.is(lxDeterminer) && !v.is(lxPreposition) && !v.is(lxConjunction) && !v.is(lxParticle) {
				if a, b, ok := rg.personDe(ps, r, re); ok {
					return a, b, re, true
				}
				if isVerb(v) || !adjectiveShapedDe(v.lower()) {
					break // the finite verb, after a subject that names nobody
				}
			}
			r = re - 1
		}
	}
	return 0, 0, lo + 1, false
}

// appositionDe returns the person named in apposition right after a phrase that ends at token k:
// a comma, a name of two words or more and a comma or a parenthesis.
func (rg *registry) appositionDe(ps *paraState, k, end int) (int, int, bool) {
	ts := ps.toks
	if k+1 >= end || !ts[k].isPunct(",") || ts[k+1].kind() != tWord || !ts[k+1].cap() || ts[k+1].is(lxCapStop) {
		return 0, 0, false
	}
	j := nameRunEnd(ts, k+1, end)
	if j <= k+2 || j >= end || !ts[j].isPunct(",") && !ts[j].isPunct("(") {
		return 0, 0, false
	}
	if a, b, ok := rg.personDe(ps, k+1, j); ok && b-a >= 2 {
		return a, b, true
	}
	return 0, 0, false
}

// adjectiveShapedDe reports whether the lower-case German word w has an adjective's ending, as an
// attribute before a noun has ("anwesende", "neuen"), so that it is no finite verb.
func adjectiveShapedDe(w string) bool {
	return strings.HasSuffix(w, "e") || strings.HasSuffix(w, "en") || strings.HasSuffix(w, "er") ||
		strings.HasSuffix(w, "es") || strings.HasSuffix(w, "em")
}

// plainNumber reports whether w is written in digits, periods and commas only ("35.000", not
// "66-jährige", an adjective before a name).
func plainNumber(w string) bool {
	if w == "" || w[0] < '0' || w[0] > '9' {
		return false
	}
	for i := 0; i < len(w); i++ {
		if (w[i] < '0' || w[i] > '9') && w[i] != '.' && w[i] != ',' {
			return false
		}
	}
	return true
}

// descriptionDe reports whether the role and name words that nameParts cut from a German run are
// a description rather than a name: the office is followed by what it is of, a phrase that opens
// with a lower-case word ("Sprecher von Tesla", "Chef der Behörde", "Bürgermeister und
// Justizsenator") or a single word in the genitive ("Verteidigungsminister Österreichs") that the
// article names nobody by (genitiveShapedDe).
func (rg *registry) descriptionDe(role string, name []tok) bool {
	if role == "" || len(name) == 0 {
		return false
	}
	if !name[0].cap() {
		return true
	}
	if len(name) != 1 {
		return false
	}
	w := strings.TrimSuffix(name[0].lower(), ".")
	if !genitiveShapedDe(w) {
		return false
	}
	s := rg.slot(w)
	return s == nil || s.last == nil && s.first == nil
}

// resolveNameDe is resolveName for a German mention [a, b) that a rule read as a name. German
// capitalises its nouns, and such a run may hold a description: an article before it is no part of
// it ("Der Geschäftsführer"); a person's name at its end is the speaker, with the words before it
// for a role when the name has none ("Der Feuilletonredakteur Martin Hatzius" is Martin Hatzius),
// unless a lower-case word stands before it: the name is then what an office is of ("Bürgermeister
// von New Orleans"), or the second of two ("Jan Giesel und David Perteck"); a surname known from a
// full name is the person's before "von" or "zu" ("Anelka zu Domenech gesagt");
// and an office with what it is of (descriptionDe) is shown whole ("Sprecher von Tesla", not "von
// Tesla"), as a speaker of its own that no later surname resolves to.
func (rg *registry) resolveNameDe(ps *paraState, a, b int) *entity {
	ts := ps.toks
	if e := rg.personNounPhraseDe(ps, a, b); e != nil {
		return e
	}
	det := "" // the article the label drops
	if b-a > 1 && ts[a].is(lxDeterminer) && !ts[a+1].is(lxDeterminer) {
		det = ts[a].lower()
		a++
	}
	if a+2 < b && !ts[a+1].cap() && (ts[a+1].lower() == "von" || ts[a+1].lower() == "zu" || ts[a+1].lower() == "vom") {
		// "Anelka zu Domenech gesagt", "Hoyzer von Spiegel-Online": the surname of a person named
		// in full before, and a phrase that says to whom or where, no name particle.
		if e := rg.byLast(strings.TrimSuffix(ts[a].lower(), ".")); e != nil && len(e.toks) >= 2 && !particles.has(e.toks[len(e.toks)-2]) {
			return e
		}
	}
	if orgNameAfterKindDe(ts, a, b) {
		// "Die Organisation Human Rights Watch": the name after the kind of organisation is
		// whole, the kind its role (orgKindsDe); no first name and surname are cut from it.
		e := rg.resolveName(ps, a+1, b)
		if e != nil && e.role == "" {
			e.role = ps.text(a, a+1)
		}
		return e
	}
	role, name := nameParts(ps, a, b)
	if len(name) >= 2 && !name[0].cap() && particles.has(name[0].lower()) {
		// "Die Ministerin von der Leyen": an office and the surname with its particles of a
		// person named in full before, no office of something.
		if e := rg.fullNameEnding(name); e != nil {
			if e.role == "" {
				e.role = role
			}
			rg.touch(e)
			return e
		}
	}
	if !rg.descriptionDe(role, name) {
		if pa, pb, ok := rg.personDe(ps, a, b); ok && pb == b && allCapitalised(ts, a, pa) {
			if rg.genitiveOfNamedDe(ts, a, pa, pb) {
				// "Anhänger Tom Beckers sagten": the noun before the genitive of the person the
				// article names speaks, not the person.
				text := ps.text(a, b)
				if t := labelWithoutArticleDe(ps, det, a, b); t != "" {
					text = t
				}
				return rg.describedEntityDe(ps, text, a, b)
			}
			e := rg.resolveName(ps, pa, pb)
			if e != nil {
				e.person = true
				if e.role == "" && pa > a && ts[pa-1].kind() == tWord && ts[pa-1].cap() {
					e.role = ps.text(a, pa)
				}
			}
			return e
		}
		e := rg.resolveName(ps, a, b)
		if e != nil && !ts[a].cap() && e.name == ps.text(a, b) {
			// a run that opens with an adjective, read as a name: its label drops the article
			if t := labelWithoutArticleDe(ps, det, a, b); t != "" {
				e.name = t
			}
		}
		if e != nil && e.name == ps.text(a, b) && (det == "die" || det == "" && a > 0 && ts[a-1].kind() == tWord && ts[a-1].lower() == "die") {
			if t := pluralNameNominativeDe(ps, a, b); t != "" {
				e.name = t // "Die Iranischen Revolutionsgarden sprachen": "Iranische Revolutionsgarden"
			}
		}
		return e
	}
	text := ps.text(a, b)
	if t := labelWithoutArticleDe(ps, det, a, b); t != "" {
		text = t
	}
	// Kept by its whole text only, not by its first or last word: "Tesla" names no spokesman.
	return rg.describedEntityDe(ps, text, a, b)
}

// genitiveOfNamedDe reports whether the German name [pa, pb) that personDe found at the end of the
// run [a, pa) is the genitive of a person the article names in full, after a capitalised noun
// that is no office or title: "Anhänger Tom Beckers" after "Tom Becker" holds "Beckers", which
// is Becker's, so the noun before it is the head ("Anhänger", his supporters) and the name only
// says whose.
func (rg *registry) genitiveOfNamedDe(ts []tok, a, pa, pb int) bool {
	if pa <= a || pb-pa < 1 {
		return false
	}
	if h := ts[pa-1]; h.kind() != tWord || !h.cap() || h.shape(lxRoleNoDot|lxTitle|lxTitleNoDot) {
		return false
	}
	l := ts[pb-1].lower()
	stem, ok := strings.CutSuffix(l, "s")
	if !ok || stem == "" {
		return false
	}
	e := rg.byLast(stem)
	return e != nil && len(e.toks) >= 2 && rg.personWordsDe(e.toks)
}

// labelWithoutArticleDe returns the German description [a, b), whose nominative article det
// ("der", "die", "das") its label drops, as German writes it with no article, or "": "der
// stellvertretende Leiter der Behörde" is "stellvertretender Leiter der Behörde", "das
// zuständige Amt" "zuständiges Amt", "die neuen Sprecher" "neue Sprecher"
// (nominativeDescriptionDe).
func labelWithoutArticleDe(ps *paraState, det string, a, b int) string {
	switch det {
	case "der", "die", "das":
		return nominativeDescriptionDe(ps, det, false, a, b)
	}
	return ""
}

// allCapitalised reports whether the tokens [a, b) are all capitalised words.
func allCapitalised(ts []tok, a, b int) bool {
	for i := a; i < b; i++ {
		if ts[i].kind() != tWord || !ts[i].cap() {
			return false
		}
	}
	return true
}

// genitiveShapedDe reports whether the lower-case word w may be a place's genitive: it ends in an
// "s" that no sibilant or vowel before it makes part of a name ("österreichs", "libyens", not
// "klaus", "santos", "morales"), and it is no compound name ("navarro-valls").
func genitiveShapedDe(w string) bool {
	if utf8.RuneCountInString(w) < 4 || !strings.HasSuffix(w, "s") || strings.ContainsRune(w, '-') {
		return false
	}
	for _, e := range []string{"ss", "us", "os", "es", "is", "xs", "zs"} {
		if strings.HasSuffix(w, e) {
			return false
		}
	}
	return true
}

// pronounTarget reports whether German "er" or "sie" may stand for the entity e: a person, not a
// paper, an organisation or a place ("laut Süddeutscher Zeitung …. Er hatte aber auch gesagt" is
// not the paper's). A name that a mention took for a person's is one; another is when its last
// word, a surname or the noun that heads an organisation's name, is no common noun of the article
// and has no common noun's ending ("Von der Leyen", not "Süddeutscher Zeitung"), or a name particle
// stands before it, for want of knowing better.
func (rg *registry) pronounTarget(e *entity) bool {
	if e.person || len(e.toks) == 0 {
		return true
	}
	n := len(e.toks)
	if n >= 2 && particles.has(e.toks[n-2]) {
		return true // "von der Leyen": "der Leyen" made the surname look like a common noun
	}
	w := e.toks[n-1]
	_, common := rg.commonDe[w]
	return !common && !commonSuffixDe(w)
}

// pluralCueDe reports whether the cue of the German match m is a finite speech verb in the plural
// right before or after its subject, the mention ("sprechen Medienberichte", "Analysten
// sprachen"): the third person plural ends in "-en", the singular in "-t" or "-e"; a participle
// ("hatte Müller geschrieben") opens with "ge".
func pluralCueDe(ts []tok, m match) bool {
	if m.cue < 0 || m.cue >= len(ts) || m.cue != m.a-1 && m.cue != m.b {
		return false
	}
	t := ts[m.cue]
	w := t.lower()
	return t.kind() == tWord && !t.cap() && strings.HasSuffix(w, "en") && !strings.HasPrefix(w, "ge")
}

// commonParticleDe returns the first German name particle (germanParticlesDe) inside the German
// capitalised run [a, b) (see nameRunEnd) that goes on no name, or b: one right after a common noun
// or a noun of what someone said ("Angaben der Ermittler", "Dementi der Stadtverwaltung",
// "Regelwerk der UEFA"), or before a word with a common noun's ending ("Anna Roth
// der Opposition"): it opens a genitive or a phrase of its own. A particle after another goes on
// as the first does ("Walther von der Vogelweide").
func (rg *registry) commonParticleDe(ts []tok, a, b int) int {
	for p := a + 1; p < b; p++ {
		t := ts[p]
		if t.kind() != tWord || t.cap() || !germanParticlesDe[t.lower()] || ts[p-1].is(lxParticle) && !ts[p-1].cap() {
			continue
		}
		if w := ts[p-1].lower(); rg.commonWordDe(ts[p-1]) || saidNounDe(w) {
			return p
		}
		n := p + 1
		for n < b && !ts[n].cap() && ts[n].is(lxParticle) {
			n++
		}
		if n < b && (commonSuffixDe(strings.TrimSuffix(ts[n].lower(), ".")) || ts[n].shape(lxNominalDe)) {
			return p
		}
	}
	return b
}

// germanParticlesDe are the name particles that are German words too, the article or a
// preposition of a phrase after a noun: "de", "da", "la" and the like go on a name whatever stands
// before them ("Front de Gauche", "Puerta de Alcalá").
var germanParticlesDe = setOf("der", "den", "das", "von", "zu")

// pluralNameNominativeDe returns the name [a, b) of capitalised words after "die" as German writes
// it with no article, or "": adjectives in "-en" before its last word, the noun, are a plural's
// after "die" (a singular's take "-e" there), and drop the "n" of the weak ending: "die Vereinigten
// Staaten" is "Vereinigte Staaten", "die Iranischen Revolutionsgarden" "Iranische
// Revolutionsgarden".
func pluralNameNominativeDe(ps *paraState, a, b int) string {
	ts := ps.toks
	if b-a < 2 || b-a > 4 || !allCapitalised(ts, a, b) {
		return ""
	}
	var sb strings.Builder
	for i := a; i < b; i++ {
		w := ps.text(i, i+1)
		if i < b-1 {
			if utf8.RuneCountInString(w) < 5 || !strings.HasSuffix(w, "en") || ts[i].is(lxCapStop) || isVerb(ts[i]) || givenNameOf(ts[i]) != genderUnknown {
				return ""
			}
			w = strings.TrimSuffix(w, "n")
		}
		if i > a {
			sb.WriteByte(' ')
		}
		sb.WriteString(w)
	}
	return sb.String()
}
