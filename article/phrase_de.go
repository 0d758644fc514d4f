package article

import (
	"strings"
	"unicode/utf8"
)

// This file reads German noun phrases: where a phrase with its articles, adjectives, genitives
// and appositions ends (germanPhrase), and what it names (a name, a description, a role).

// maxGermanNP bounds the tokens of a German noun phrase with its attributes.
const maxGermanNP = 16

// germanNP reads a German noun phrase that starts at token k, before limit: a pronoun, a name, or
// a determiner with adjectives and a capitalised noun ("der 23-jährige Sportler"), then what may
// follow its head: genitives ("der Sprecher der Regierung"), a second conjunct ("Sonia und Willy
// Bogner"), a parenthesis ("Renate Schmidt (SPD)") and a name in apposition ("Der Leiter der
// Studie, Paulo Pinheiro,"). The mention is the name when there is one, else the whole phrase.
func germanNP(ts []tok, k, limit int) (a, b int, kind npKind) {
	a, b, kind, _ = germanPhrase(ts, k, limit)
	return a, b, kind
}

// germanPhrase is germanNP that also returns the end of the whole phrase.
func germanPhrase(ts []tok, k, limit int) (a, b int, kind npKind, end int) {
	if k >= limit || ts[k].kind() != tWord {
		return 0, 0, npNone, 0
	}
	if ts[k].is(lxPronoun) {
		return k, k + 1, npPronoun, k + 1
	}
	k = pastSurnameParticlesDe(ts, k, limit)
	head := func(j int) int { // the end of a determiner, adjectives and a capitalised noun or name at j
		if j < limit && ts[j].kind() == tWord && ts[j].is(lxDeterminer) && ts[j].lower() != "an" { // "an" is an English article but a German preposition
			j = extendedAttributeDe(ts, j+1, limit)
		}
		for j < limit && ts[j].kind() == tWord && !ts[j].cap() && !isVerb(ts[j]) && (!ts[j].is(lxCapStop) || adverbBeforeAdjective(ts, j, limit)) && j-k < maxGermanNP {
			if j > k && ts[k].is(lxDeterminer) && ageNoun(ts[j].lower()) && !(j+1 < limit && ts[j+1].kind() == tWord && ts[j+1].cap()) {
				return j + 1 // "Der 58-Jährige habe …": the noun of age is the head
			}
			j++ // adjectives: "russische", "23-jährige"
		}
		if j < limit && ts[j].kind() == tWord && ts[j].cap() && !ts[j].is(lxCapStop) {
			return max(nameRunEnd(ts, j, limit), j+1)
		}
		if j-1 > k && ts[k].is(lxDeterminer) && strings.Contains(ts[j-1].lower(), "-") {
			return j // "auf der taz-Website heißt es": a compound of a lower-case name and a noun is the head
		}
		return -1
	}
	e := head(k)
	if e < 0 {
		return 0, 0, npNone, 0
	}
	nameA, nameB := -1, -1
	ofPlace := false // the name read is maybe a noun and what it is of, in the genitive
	gen := false     // a genitive follows the head ("die Eltern des Kindes")
	if !ts[k].is(lxDeterminer) {
		nameA, nameB = k, e
	} else if h := capitalisedFrom(ts, k, e); h >= 0 && orgNameAfterKindDe(ts, h, e) {
		nameA, nameB = h+1, e // "die Organisation Human Rights Watch": the whole name after the kind
	} else if e-k >= 3 && ts[e-1].cap() && ts[e-2].cap() && !ts[e-2].shape(lxRole) {
		nameA, nameB = e-2, e // "der Regierungssprecher Ulrich Wilhelm"
		ofPlace = genitiveShapedDe(ts[e-1].lower())
		if nameA-1 > k && ts[nameA-1].cap() && givenNameOf(ts[nameA-1]) != genderUnknown {
			nameA-- // "der Gesundheitsminister Jose Gomes Temporao": a given name opens a name of three words
		}
	} else if e-k >= 2 && ts[e-2].cap() && ts[e-2].shape(lxRole) {
		nameA, nameB = e-1, e // "der Bundespräsident Köhler"
		if genitiveShapedDe(ts[e-1].lower()) {
			// "der Verteidigungsminister Österreichs": maybe what the office is of, in the
			// genitive; the office stays in the mention, and resolveNameDe tells the two apart
			// by the names the article gives (descriptionDe).
			nameA = e - 2
		}
	}
	for e < limit && e-k < maxGermanNP {
		t := ts[e]
		switch {
		case t.kind() == tWord && (genitiveArticlesDe[t.lower()] || t.lower() == "von" && nameA < 0) && !(gen && t.lower() == "der" && periodicalAfterDe(ts, e+1, limit)):
			// (A second "der" and a periodical after a genitive is the dative of whom the
			// phrase told, no genitive of it: "sagten die Eltern des Kindes der Zeitung".)
			n := e + 1
			if t.lower() == "von" && n < limit && ts[n].is(lxDeterminer) {
				n++
			}
			if h := head(n); h > n {
				gen = gen || t.lower() != "von"
				if nameA < 0 && t.lower() == "des" && ts[k].is(lxDeterminer) && genitiveNameDe(ts, n, h, limit) {
					nameA, nameB = n+1, h // "der Leiter des Verwaltungsrats Hans Becker."
				}
				e = h
				continue
			}
			if nameInMarks(ts, n, limit) {
				e = n + 1 // "ein Vertreter der „Deutschen Bahn“"
				continue
			}
		case t.kind() == tWord && t.lower() == "und" && nameA >= 0:
			if h := head(e + 1); h > e+1 && !ts[e+1].is(lxDeterminer) {
				e, nameB = h, h
				continue
			}
		case nameInMarks(ts, e, limit) && ts[e-1].kind() == tWord && ts[e-1].cap():
			e++ // "des Vereins „Mehr Demokratie“": its name in marks
			continue
		case t.isPunct("("):
			if j := skipAside(ts, e, limit); j > e {
				e = j
				continue
			}
		case t.kind() == tWord && !t.cap() && nameA < 0 && ts[k].is(lxDeterminer):
			if j := phraseBeforeApposition(ts, e, limit); j > e {
				e = j // "Der Sprecher der Fraktion im Deutschen Bundestag, Dieter Wiefelspütz,"
				continue
			}
		case t.isPunct(",") && (nameA < 0 || ofPlace):
			// "der Oberrabbiner Israels, Yona Metzger": an office and what it is of, in the
			// genitive, then the name of who holds it
			if n, m := appositionNameDe(ts, e, limit); n > 0 {
				nameA, nameB, e = e+1, n, m
				continue
			}
		}
		break
	}
	if nameA >= 0 {
		return nameA, nameB, npName, e
	}
	return k, e, npDesc, e
}

// pastSurnameParticlesDe returns where a German phrase at k starts when k holds the particles of a
// surname: past "de" in "de Maizière" (the name is the surname's, the particle no adjective), past
// "von der" in "sagte von der Leyen." when the surname ends the clause; k otherwise.
func pastSurnameParticlesDe(ts []tok, k, limit int) int {
	switch {
	case !ts[k].cap() && ts[k].is(lxParticle) && !ts[k].is(lxDeterminer) && k+1 < limit && ts[k+1].cap():
		return k + 1
	case k+2 < limit && vonParticlesDe(ts, k) && ts[k+2].kind() == tWord && ts[k+2].cap() && !ts[k+2].is(lxCapStop) &&
		(k+3 == limit || ts[k+3].kind() != tWord):
		return k + 2
	}
	return k
}

// appositionNameDe reads a name in apposition after the comma at c that follows a German
// description ("der Vorsitzende des Verbandes, Elmar Kunze,"), past a party or an age in
// parentheses ("Christian Wulff (CDU),"): it returns the end of the name and where the phrase
// ends, past the comma that closes the apposition; 0, 0 when no name stands there. The name is
// closed by a comma or the phrase's limit, or, when it has two words or more, by the sentence's
// end ("„…“, sagte der Vorsitzende des Verbandes, Elmar Kunze.").
func appositionNameDe(ts []tok, c, limit int) (n, end int) {
	if c+1 >= limit || !ts[c+1].cap() || ts[c+1].is(lxCapStop) {
		return 0, 0
	}
	n = nameRunEnd(ts, c+1, limit)
	m := n
	if m > c+1 && m < limit && ts[m].isPunct("(") {
		m = skipAside(ts, m, limit)
	}
	if n <= c+1 || m < limit && !ts[m].isPunct(",") && !(n-c > 2 && ts[m].isSentenceEnd()) {
		return 0, 0
	}
	if m < limit && ts[m].isPunct(",") {
		m++
	}
	return n, m
}

// genitiveNameDe reports whether the capitalised run [n, h) after "des", which ends the phrase
// (before limit, a sentence end, a comma or a parenthesis), is a noun in the genitive and a
// person's name of two or three words: "der Leiter des Verwaltungsrats Hans Becker". The noun
// ends in "-s" but not in "-ers", "-ors", "-eurs" or "-ärs", as a noun for a person does ("des
// Politikers Karl Weber", "des Senators Tom Becker": the name is theirs); the name's first word
// is no adjective in "-scher" ("des Verbands Deutscher Gartenbauer"), none of its words is an
// office or has a common noun's ending, and the noun is none that a place's or an
// organisation's name follows (namedKindsDe).
func genitiveNameDe(ts []tok, n, h, limit int) bool {
	if h-n < 3 || h-n > 4 || h < limit && !ts[h].isSentenceEnd() && !ts[h].isPunct(",") && !ts[h].isPunct("(") {
		return false
	}
	g := ts[n].lower()
	if !strings.HasSuffix(g, "s") || ts[n].is(lxCapStop) {
		return false
	}
	for _, e := range []string{"ers", "ors", "eurs", "ärs"} {
		if strings.HasSuffix(g, e) {
			return false // "des Senators Tom Becker", "des Funktionärs …": a person's noun
		}
	}
	for _, e := range namedKindsDe {
		if strings.HasSuffix(g, e) {
			return false // "des Bundesstaates South Dakota", "des Vereins Eintracht Oberbach": its name
		}
	}
	if strings.HasSuffix(ts[n+1].lower(), "scher") {
		return false
	}
	for i := n + 1; i < h; i++ {
		t := ts[i]
		if t.kind() != tWord || !t.cap() || t.is(lxCapStop) || t.shape(lxRole|lxRoleNoDot|lxTitle|lxTitleNoDot|lxNominalDe) ||
			commonSuffixDe(strings.TrimSuffix(t.lower(), ".")) {
			return false
		}
	}
	return true
}

// determinerBeforeDe returns the determiner that opens a German noun phrase whose head follows
// token j: j itself, or the determiner before inflected lower-case adjectives of which j is the
// last ("Der stellvertretende", "der neue"), at or after lo; -1 when there is none.
func determinerBeforeDe(ts []tok, j, lo int) int {
	for n := 0; j >= lo && n < maxGermanNP; j, n = j-1, n+1 {
		t := ts[j]
		if t.kind() != tWord {
			return -1
		}
		if t.is(lxDeterminer) {
			return j
		}
		if t.cap() || isVerb(t) || t.is(lxCapStop) || !adjectiveShapedDe(t.lower()) {
			return -1
		}
	}
	return -1
}

// namedKindsDe end German nouns in the genitive of places, organisations and works that a proper
// name follows as theirs ("des Bundesstaates South Dakota", "des Vereins Eintracht Oberbach", "des
// Flughafens …", "des Magazins …"), not a person's.
var namedKindsDe = []string{"staates", "staats", "landes", "lands", "vereins", "clubs", "klubs", "hafens", "gerichts",
	"gerichtes", "typs", "magazins", "unternehmens", "konzerns", "kreises", "bezirks", "kantons", "ortes", "dorfes",
	"teams", "verlags", "verlages", "instituts", "museums", "projekts", "programms", "festivals", "senders"}

// genitiveArticlesDe open a genitive after a noun ("die Eltern des Kindes").
var genitiveArticlesDe = setOf("der", "des", "eines", "einer")

// periodicalAfterDe reports whether the German words from token j on, before limit, are inflected
// adjectives in lower case and a capitalised run that holds a periodical's noun (periodicalAhead):
// "der Zeitung", "der italienischen Zeitung", "der Süddeutschen Zeitung".
func periodicalAfterDe(ts []tok, j, limit int) bool {
	for j < limit && ts[j].kind() == tWord && !ts[j].cap() && !isVerb(ts[j]) && adjectiveShapedDe(ts[j].lower()) {
		j++
	}
	return j < limit && ts[j].kind() == tWord && ts[j].cap() && periodicalAhead(ts[:limit], j)
}

// orgKindsDe end German nouns of kinds of organisation and group that a proper name follows in
// apposition, in the nominative, dative or accusative ("die Organisation Human Rights Watch", "die
// Menschenrechtsorganisation Reporter ohne Grenzen", "die Band Pink Floyd"): the name is every word
// after the noun, none of them a first name and a surname cut from it.
var orgKindsDe = []string{"organisation", "gruppe", "partei", "bewegung", "initiative", "stiftung", "verein",
	"verband", "gewerkschaft", "netzwerk", "bündnis", "allianz", "vereinigung", "gesellschaft", "miliz",
	"konzern", "unternehmen", "firma", "agentur", "institut", "band", "kampagne", "koalition"}

// orgKindDe reports whether the lower-case German noun w is, or ends in, a kind of organisation
// (orgKindsDe).
func orgKindDe(w string) bool {
	for _, e := range orgKindsDe {
		if strings.HasSuffix(w, e) {
			return true
		}
	}
	return false
}

// orgNameAfterKindDe reports whether the capitalised words after the German noun at k, up to e,
// are the name of an organisation in apposition to it: the noun is a kind of organisation
// (orgKindDe), and the name one capitalised word or more, the first no stop word; a single word is no plural or
// common noun's shape ("besitzt die Organisation Supermarktketten": its object, no name).
func orgNameAfterKindDe(ts []tok, k, e int) bool {
	if e-k < 2 || ts[k].kind() != tWord || !ts[k].cap() || !orgKindDe(ts[k].lower()) {
		return false
	}
	if ts[k+1].is(lxCapStop) {
		return false
	}
	for j := k + 1; j < e; j++ {
		if ts[j].kind() != tWord || !ts[j].cap() {
			return false
		}
	}
	w := strings.TrimSuffix(ts[k+1].lower(), ".")
	return e-k > 2 || !strings.HasSuffix(w, "en") && !commonSuffixDe(w)
}

// capitalisedFrom returns the first capitalised word of tokens [k, e) that is no determiner or
// stop word ("Die Organisation": "Organisation"), or -1.
func capitalisedFrom(ts []tok, k, e int) int {
	for j := k; j < e; j++ {
		if ts[j].kind() == tWord && ts[j].cap() && !ts[j].is(lxDeterminer) && !ts[j].is(lxCapStop) {
			return j
		}
	}
	return -1
}

// ageNoun reports whether the lower-cased German word w is a number and "-jährige", "-jährigen" or
// "-jähriger": after a determiner and with no noun after it, a noun of age, which German news
// names a person by once named ("der 58-Jährige", "die 34-Jährige"; with a noun after it, "der
// 23-jährige Sportler", the adjective of that noun).
func ageNoun(w string) bool {
	i := strings.IndexByte(w, '-')
	if i <= 0 || i > 3 || strings.TrimLeft(w[:i], "0123456789") != "" {
		return false
	}
	switch w[i+1:] {
	case "jährige", "jährigen", "jähriger":
		return true
	}
	return false
}

// maxNameInMarks bounds the runes, marks included, of a name in marks inside a German noun phrase.
const maxNameInMarks = 48

// nameInMarks reports whether token j is a quotation short enough to be the name of an
// organisation, a paper or a work inside a noun phrase: "der „Deutschen Bahn“", "des Vereins
// „Mehr Demokratie“". German news puts such names in marks.
func nameInMarks(ts []tok, j, limit int) bool {
	return j < limit && ts[j].kind() == tQuote && ts[j].e-ts[j].s <= maxNameInMarks
}

// attributePrepsDe open a prepositional phrase inside a German extended attribute, between a
// determiner and the participle or adjective it qualifies: "die in New York geborene Sängerin".
var attributePrepsDe = setOf("in", "im", "aus", "für", "von", "vom", "seit", "mit", "bei", "beim", "am", "zum", "zur",
	"auf", "nach", "über", "unter", "gegen", "wegen")

// maxAttributePP bounds the words of the prepositional phrase in a German extended attribute.
const maxAttributePP = 6

// extendedAttributeDe returns the index of the participle or adjective that ends an extended
// attribute opening at j, right after a determiner: a prepositional phrase of a few words before
// a lower-case word with an adjective's ending and a word after it ("die in New York City
// geborene Lopez", "der für die Stadt zuständige Senator", "der aus Bayern stammende Becker").
// Without one, j itself. The attribute belongs to the noun phrase; a relative pronoun before
// its clause ("der in Berlin lebt") has a verb there, no adjective.
func extendedAttributeDe(ts []tok, j, limit int) int {
	if j >= limit || ts[j].kind() != tWord || ts[j].cap() || !attributePrepsDe[ts[j].lower()] {
		return j
	}
	for p := j + 1; p < limit && p-j <= maxAttributePP; p++ {
		t := ts[p]
		if t.kind() != tWord {
			return j
		}
		w := t.lower()
		if t.cap() || t.is(lxDeterminer) || plainNumber(w) || p == j+1 {
			continue
		}
		if isVerb(t) || t.is(lxCapStop) || !adjectiveShapedDe(w) || p+1 >= limit || ts[p+1].kind() != tWord || p == j+2 && !ts[j+1].cap() && !plainNumber(ts[j+1].lower()) {
			return j
		}
		return p
	}
	return j
}

// adverbBeforeAdjective reports whether the lower-case function word at j is an adverb that
// qualifies the adjective after it inside a German noun phrase: "einer gestern verbreiteten
// Erklärung", "die heute veröffentlichte Studie".
func adverbBeforeAdjective(ts []tok, j, limit int) bool {
	switch ts[j].lower() {
	case "gestern", "heute", "bereits", "erst", "kürzlich", "zuvor", "damals", "noch", "nicht":
	default:
		return false
	}
	n := j + 1
	return n < limit && ts[n].kind() == tWord && !ts[n].cap() && !ts[n].is(lxCapStop) && !isVerb(ts[n]) && !ts[n].is(lxPreposition)
}

// weekdaysDe are the German days of the week.
var weekdaysDe = setOf("montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonnabend", "sonntag")

// calendarNounsDe are German nouns of a time other than a weekday, which a preposition before
// them makes an adverbial of time, never a speaker: the months (monthsDe, in lower case) and parts
// of a day or a year ("im Januar", "am Abend", "im Herbst", "am Wochenende").
var calendarNounsDe = func() map[string]bool {
	m := setOf("morgen", "vormittag", "mittag", "nachmittag", "abend", "wochenende", "frühjahr", "frühling", "sommer",
		"herbst", "winter")
	for w := range monthsDe {
		m[strings.ToLower(w)] = true
	}
	return m
}()

// dayPartsDe end German compounds of a weekday and a part of the day ("Montagabend",
// "Dienstagmorgen").
var dayPartsDe = []string{"morgen", "vormittag", "mittag", "nachmittag", "abend", "nacht"}

// timeNounDe reports whether the German word t is a weekday (weekdaysDe), another noun of a time
// (calendarNounsDe) or a weekday with a part of the day ("Montagabend": dayPartsDe).
func timeNounDe(t tok) bool {
	l := t.lower()
	if weekdaysDe[l] || calendarNounsDe[l] {
		return true
	}
	for _, d := range dayPartsDe {
		if w, ok := strings.CutSuffix(l, d); ok && weekdaysDe[w] {
			return true
		}
	}
	return false
}

// timePrepositionsDe open a German adverbial of time before a time noun (timeNounDe).
var timePrepositionsDe = setOf("am", "im", "seit", "bis", "ab", "vom")

// skipTimeBackDe returns the index before a German adverbial of time that ends at p, a
// preposition and a time noun ("Becker am Montag erklärte", "Becker seit Januar sagt": the
// time is never the subject), and before adverbs before it; else p.
func skipTimeBackDe(ts []tok, p, lo int) int {
	if p-1 < lo || ts[p].kind() != tWord || !ts[p].cap() || !timeNounDe(ts[p]) || ts[p-1].kind() != tWord || !timePrepositionsDe[ts[p-1].lower()] {
		return p
	}
	return skipAdverbsBack(ts, p-2, lo)
}

// skipTimeFwdDe returns the index after a German adverbial of time that starts at k, a
// preposition and a time noun, as skipTimeBackDe reads before a verb, and after adverbs after it
// ("erklärte im Januar Becker", "sagte am Montag weiter der Sprecher": the time is never the
// subject); else k.
func skipTimeFwdDe(ts []tok, k, limit int) int {
	if k+1 >= limit || ts[k].kind() != tWord || ts[k].cap() || !timePrepositionsDe[ts[k].lower()] || ts[k+1].kind() != tWord || !ts[k+1].cap() || !timeNounDe(ts[k+1]) {
		return k
	}
	return skipAdverbsFwd(ts, k+2, limit)
}

// appositiveBack returns the token before an appositive that ends with the comma at p ("Hans
// Papier, Präsident des Gerichts, sagte"): the word before its opening comma, or p when there is
// none within maxGermanNP tokens or the appositive is a name.
func appositiveBack(ts []tok, p, lo int) int {
	if p < lo || !ts[p].isPunct(",") {
		return p
	}
	for c := p - 1; c > lo && p-c <= maxGermanNP; c-- {
		t := ts[c]
		if t.kind() == tQuote || isVerb(t) || t.isSentenceEnd() {
			return p
		}
		if t.isPunct(",") {
			e := nameRunEnd(ts, c+1, p)
			if e+3 == p && ts[e].isPunct("(") && ts[e+2].isPunct(")") {
				e = p // a party aside after the name: "Der Sprecher, Steffen Seibert (CDU), sagte"
			}
			if ts[c-1].kind() == tWord && (e != p || ts[c+1].shape(lxRole)) {
				return c - 1
			}
			return p // a name in apposition is the mention: "Der Sprecher, Steffen Seibert, sagte"
		}
	}
	return p
}

// isNumber reports whether t is a number ("13", "3,5").
func isNumber(t tok) bool {
	w := t.lower()
	return w != "" && w[0] >= '0' && w[0] <= '9'
}

// holdsRole reports whether mention [a, b) holds a capitalised office or speaking noun: a German
// description of a person ("Der Sprecher des Senats").
func holdsRole(ts []tok, a, b int) bool {
	for i := a; i < b; i++ {
		if ts[i].kind() == tWord && ts[i].cap() && (ts[i].shape(lxRole) || ts[i].is(lxSpeakerNoun)) {
			return true
		}
	}
	return false
}

// placePhraseEnd returns the end of a short prepositional phrase that starts at token k and
// attaches to the subject before it, "in Dortmund" in "Der Einsatzleiter der Polizei in Dortmund
// erklärte": a lower-case preposition, a determiner, adjectives and capitalised words, when a
// lower-case word that may be the finite verb follows. Otherwise it returns k.
func placePhraseEnd(ts []tok, k, end int) int {
	if k >= end || ts[k].kind() != tWord || ts[k].cap() || !ts[k].is(lxPreposition) {
		return k
	}
	h, j := prepPhraseWords(ts, k, end)
	if j == h || j >= end || ts[j].kind() != tWord || ts[j].cap() {
		return k
	}
	return j
}

// prepPhraseWords reads the words of a German prepositional phrase whose preposition is token k,
// up to end: an optional determiner, lower-case adjectives (up to the fourth token after k), then
// capitalised words (up to the sixth). It returns where the capitalised words start (h) and end (j);
// h == j when there are none. The caller decides what must follow the phrase.
func prepPhraseWords(ts []tok, k, end int) (h, j int) {
	j = k + 1
	if j < end && ts[j].kind() == tWord && ts[j].is(lxDeterminer) {
		j++
	}
	for j < end && j-k <= 4 && ts[j].kind() == tWord && !ts[j].cap() && !isVerb(ts[j]) && !ts[j].is(lxCapStop) {
		j++ // adjectives
	}
	h = j
	for j < end && j-k <= 6 && ts[j].kind() == tWord && ts[j].cap() && !ts[j].is(lxCapStop) {
		j++
	}
	return h, j
}

// phraseBeforeApposition returns the end of a prepositional phrase that starts at token k inside
// a German description, when a name in apposition follows it: "im Deutschen Bundestag" in "Der
// Sprecher der Fraktion im Deutschen Bundestag, Dieter Wiefelspütz, will". The phrase is the
// description's, and the name after it the person it describes. Otherwise it returns k.
func phraseBeforeApposition(ts []tok, k, limit int) int {
	if !attributePrepsDe[ts[k].lower()] {
		return k
	}
	h, j := prepPhraseWords(ts, k, limit)
	if j == h || j+1 >= limit || !ts[j].isPunct(",") || !ts[j+1].cap() || ts[j+1].is(lxCapStop) {
		return k
	}
	if n := nameRunEnd(ts, j+1, limit); n > j+1 && n < limit && (ts[n].isPunct(",") || ts[n].isPunct("(") || n-j > 2 && ts[n].isSentenceEnd()) {
		return j
	}
	return k
}

// nameParticlesDe stand before a surname as part of it: "von der Leyen", "van der Bellen".
var nameParticlesDe = setOf("von", "van", "der", "de", "zu", "vom")

// particlesBefore returns the first of at most two name particles that end right before token a
// ("Von der" before "Leyen"), or a when there are none.
func particlesBefore(ts []tok, a, lo int) int {
	p := a
	for p-1 >= lo && a-p < 2 && ts[p-1].kind() == tWord && nameParticlesDe[ts[p-1].lower()] {
		p--
	}
	if p < a && !ts[p].cap() {
		return a // a lower-case particle is the mention's own ("de Maizière"), or no particle at all
	}
	return p
}

// nominalSuffixesDe end the stems of German adjectives that, with the neuter "-es", are used as
// nouns: "Wichtiges", "Ähnliches", "Typisches", "Konstruktives". English plurals in "-ives"
// ("Conservatives") and verbs in "-oses" ("Closes") have other spellings or shorter stems.
var nominalSuffixesDe = [...]string{"ig", "lich", "isch", "ktiv", "bar", "sam", "los", "voll", "haft"}

// nominalAdjectivesDe are the German adjectives used as nouns in "-es" that the suffixes miss.
var nominalAdjectivesDe = setOf("gutes", "neues", "altes", "schlechtes", "schlimmes", "großes", "kleines", "falsches",
	"wahres", "besseres", "schlimmeres", "näheres", "weiteres", "genaueres", "anderes", "konkretes", "neueres", "schönes",
	"positives", "negatives", "massives", "naives", "exklusives", "intensives", "aggressives", "kreatives")

// isNominalAdjectiveDe reports whether the lower-case word w is a German adjective used as a noun,
// the neuter "-es" of "etwas Positives", "nichts Neues": a common noun, never part of a name, which
// ends a run of name words ("hatte Steinbrück Positives zu vermelden"). A stem found by its suffix
// is at least five letters long, so that no short name or English word in "-es" reads as one.
func isNominalAdjectiveDe(w string) bool {
	if nominalAdjectivesDe[w] {
		return true
	}
	stem, ok := strings.CutSuffix(w, "es")
	if !ok || utf8.RuneCountInString(stem) < 5 {
		return false
	}
	for _, s := range nominalSuffixesDe {
		if strings.HasSuffix(stem, s) {
			return true
		}
	}
	return false
}
