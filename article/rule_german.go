package article

import "strings"

// This file holds the German rules of the sieve that read around a quotation: a speech verb and
// its subject after it (germanAfter, "„…“, sagte der Sprecher"), a subject before it, a quoted
// term and a naming verb. They run only on German text (paraState.de). German puts the finite verb
// second, so the subject follows it whenever the sentence opens with something else ("Am Montag
// sagte der Sprecher: „…“", "„…“, so Müller"): who the subject is, is subject_de.go's; where a
// noun phrase ends, phrase_de.go's; where a clause ends, clause_de.go's; sources with "laut",
// "zufolge" and "nach Angaben", rule_german_source.go's; a colon, rule_german_colon.go's.

// maxMittelfeld bounds the tokens between a German subject after its verb and the colon or comma
// that introduces the quotation ("sagte der Sprecher am Montag in Berlin:").
const maxMittelfeld = 12

// namedBefore reports whether a naming verb stands before quotation token qi in its sentence
// ("nannte den Bericht eine „Zeitungsente“", "bezeichnete die Pläne als „Wortbruch“"): the place
// where German quotes a term someone used.
func namedBefore(ps *paraState, qi int) bool {
	for j := qi - 1; j >= sentenceStart(ps, qi); j-- {
		if ps.toks[j].kind() == tWord && ps.toks[j].is(lxNamingVerb) && !ps.toks[j].cap() {
			return true
		}
	}
	return false
}

// continuesPhrase reports whether the quotation token q continues a source phrase that ends at
// token b: a title after its determiner or preposition ("Laut einem Artikel der „…“"), any
// quotation after "von" ("nach Angaben des Leiters von „…“"), or a title right after its noun
// ("Laut einem Test des Magazins „…“"). The quotation is then a name inside the source, not what
// the source said.
func continuesPhrase(ps *paraState, b, q int) bool {
	ts := ps.toks
	if b == q && periodicalNoun(ts[q-1]) {
		return true // "Laut einem Test des Magazines „auto, motor und sport“": its name, whatever its words
	}
	if !ps.titleLike(ts[q].q()) && ts[q-1].lower() != "von" && ts[q-1].lower() != "vom" {
		// Words in marks that read as no title, and follow no "von" that names an organisation
		// ("des Leiters von „Ärzte ohne Grenzen“"), are no name: "laut einem Jury-Mitglied eine
		// „kluge Geschichte“", "Seiner Ansicht nach „sind wir …“".
		return false
	}
	if b == q {
		return ts[q-1].cap()
	}
	p := ts[q-1]
	return q-b == 1 && p.kind() == tWord && (p.is(lxDeterminer) || p.is(lxPreposition))
}

// periodicalsDe are the German nouns of what appears under a name: a paper, a magazine, a station,
// an agency.
var periodicalsDe = [...]string{"zeitung", "zeitschrift", "magazin", "blatt", "sender", "agentur", "portal"}

// periodicalNoun reports whether t is a capitalised German noun of a periodical (periodicalsDe), a
// compound that ends with one ("Nachrichtenmagazin", "Wochenzeitung") or its genitive in "-s" or
// "-es" ("des Magazines"), after which words in marks are its name.
func periodicalNoun(t tok) bool {
	if t.kind() != tWord || !t.cap() {
		return false
	}
	w := t.lower()
	for _, n := range periodicalsDe {
		if strings.HasSuffix(w, n) || strings.HasSuffix(w, n+"s") || strings.HasSuffix(w, n+"es") {
			return true
		}
	}
	return false
}

// copulasDe are the forms of "sein" and "bleiben" that follow "Für X" in a view attributed to X.
var copulasDe = setOf("ist", "sei", "war", "wäre", "sind", "seien", "waren", "wären", "bleibt", "bleibe")

// possessivesDe name a source before a source noun: "Seiner Ansicht nach"; the possessives of
// one person (personPossessiveWordsDe) and "deren", "dessen".
var possessivesDe = setOf(append([]string{"deren", "dessen"}, personPossessiveWordsDe...)...)

// germanAfter reads the German clause after a quotation, `„…“, begründet das Gericht`: a
// quotation that opens its sentence takes the place before the finite verb, so the word after it
// is the verb, whatever verb it is, and its subject follows. t is the token after the comma.
func germanAfter(ts []tok, t, n int) (a, b int, kind npKind, ok bool) {
	if j := t + 1; j < n && ts[t].lower() == "so" && demonstrativeSubject(ts, j, n) {
		return j, j + 1, npPronoun, true // "„…“, so letztere."
	}
	if j := t + 1; j < n && ts[t].lower() == "so" && !ts[t].cap() && ts[j].kind() == tWord && !ts[j].cap() && ts[j].is(lxDeterminer) {
		// "„…“, so der Leiter des Verwaltungsrats Hans Becker.": the name that ends the phrase, as
		// after a verb ("sagte der Leiter …"); a description is left to the reading after a verb.
		a, b, kind, e := germanPhrase(ts, j, n)
		if kind == npName {
			return a, b, kind, true
		}
		if kind == npDesc && e > j+1 && (adverbsToEnd(ts, e, n) || addresseeToEndDe(ts, e, n)) {
			// "„…“, so der Sprecher weiter.", "so die Polizei abschließend": the phrase and
			// adverbs that end the sentence, which the reading after a verb takes for the
			// phrase's words.
			return a, b, kind, true
		}
	}
	if t+1 < n && (ts[t].lower() == "das" || ts[t].lower() == "dies") && isStrongVerb(ts[t+1]) {
		t++ // "„…“ – das sagte Becker am Montag": the quotation taken up by a pronoun before the verb
	}
	t = wordsCue(ts, t, n)
	v := ts[t]
	if v.kind() != tWord || v.cap() || v.is(lxDeterminer) || v.is(lxPreposition) || v.is(lxConjunction) ||
		v.is(lxPronoun) || v.is(lxCapStop) && !isVerb(v) || v.lower() == "so" || isNumber(v) {
		return 0, 0, npNone, false
	}
	j := afterVerb(ts, t+1, n)
	if j < n && objectPronounsDe[ts[j].lower()] && !ts[j].cap() {
		j = afterVerb(ts, j+1, n) // "so charakterisierte ihn der Funktionär"
	}
	if demonstrativeSubject(ts, j, n) {
		return j, j + 1, npPronoun, true // "„…“, sagte dieser."
	}
	a, b, kind = germanNP(ts, j, n)
	if kind == npNone {
		// A paper's name in marks: "„…“, schreibt die „Computerwoche“".
		if j < n && ts[j].kind() == tWord && ts[j].is(lxDeterminer) {
			j++
		}
		if j < n && ts[j].kind() == tQuote && isVerb(v) && (j+1 == n || ts[j+1].kind() == tPunct || ts[j+1].is(lxPreposition)) {
			return j, j + 1, npDesc, true
		}
		if j < n && ts[j].kind() == tQuote && quotingVerbsDe[v.lower()] {
			// "„…“, zitiert die „Computerwoche“ Lynch": the paper quotes the name after it.
			if oa, ob, ok2 := germanNP(ts, j+1, n); ok2 == npName {
				return oa, ob, ok2, true
			}
		}
		return 0, 0, npNone, false
	}
	if copulasDe[v.lower()] && kind == npDesc && identifiesQuoteDe(ts, j, n) {
		return 0, 0, npNone, false // "„…“ ist der Name der Schlange": the phrase says what the words are
	}
	if quotingVerbsDe[v.lower()] && kind != npPronoun {
		// "„…“, zitiert Welt-Online den Minister": who quotes is the subject, the speaker the
		// object after it.
		if oa, ob, ok2 := germanNP(ts, b, n); ok2 != npNone && ts[b].kind() == tWord && (ts[b].is(lxDeterminer) || ts[b].cap()) {
			return oa, ob, ok2, true
		}
	}
	return a, b, kind, true
}

// identifiesQuoteDe reports whether the German description at j, after a copula that follows a
// quotation, ends its clause: "„…“ ist der Name der Schlange.", "„…“ war der Titel des Buches,
// das …". The phrase then says what the quoted words are, and nobody speaks them; with words after
// it the copula may tell a view ("„…“, ist der Minister überzeugt"), and a noun of saying says
// whose words they are.
func identifiesQuoteDe(ts []tok, j, n int) bool {
	a, b, kind, e := germanPhrase(ts, j, n)
	if kind != npDesc || wordNounHeadDe(ts, a, b) {
		return false // "„…“, war die Antwort des Ministers": a noun of saying and whose it is
	}
	if e < n && ts[e].kind() == tWord && genitiveArticlesDe[ts[e].lower()] {
		return true // "der Name der wahrscheinlich größten Schlange": a genitive the phrase did not read
	}
	return e >= n || ts[e].isSentenceEnd() || ts[e].isPunct(",")
}

// wordNounHeadDe reports whether the German phrase [a, b) holds a noun of words (wordNounsDe:
// "Antwort", "Aussage", "Motto").
func wordNounHeadDe(ts []tok, a, b int) bool {
	for i := a; i < b; i++ {
		if _, ok := wordNounsDe[ts[i].lower()]; ok && ts[i].kind() == tWord && ts[i].cap() {
			return true
		}
	}
	return false
}

// maxTrailingAdverbs bounds the adverbs after the phrase of "„…“, so der Sprecher weiter."
const maxTrailingAdverbs = 2

// adverbsToEnd reports whether tokens from e on are one or two lower-case words that are no verb,
// article, preposition, pronoun or conjunction ("weiter", "abschließend", "gestern"), and then
// the sentence's end or a comma.
func adverbsToEnd(ts []tok, e, n int) bool {
	j := e
	for j < n && j-e < maxTrailingAdverbs && ts[j].kind() == tWord && !ts[j].cap() && !isVerb(ts[j]) &&
		!ts[j].is(lxDeterminer) && !ts[j].is(lxPreposition) && !ts[j].is(lxPronoun) && !ts[j].is(lxConjunction) {
		j++
	}
	return j > e && (j == n || ts[j].isSentenceEnd() || ts[j].isPunct(","))
}

// maxAddresseeWords bounds the words of the phrase after "so" and its subject that says to whom
// or where the words were said (addresseeToEndDe).
const maxAddresseeWords = 6

// addresseeToEndDe reports whether the German tokens from e on, to the sentence's end, are one
// phrase that opens with a preposition in lower case and holds no verb, quotation or comma: "„…“,
// so der CDU-Chef gegenüber Journalisten.", "so der Minister vor der Presse". It says to whom or
// where the subject before it spoke; the name it may hold is no speaker.
func addresseeToEndDe(ts []tok, e, n int) bool {
	if e >= n || ts[e].kind() != tWord || ts[e].cap() || !ts[e].is(lxPreposition) && ts[e].lower() != "gegenüber" {
		return false
	}
	for j := e + 1; j < n && j-e <= maxAddresseeWords; j++ {
		if ts[j].isSentenceEnd() {
			return j > e+1
		}
		if ts[j].kind() != tWord || isVerb(ts[j]) {
			return false
		}
	}
	return n-e > 1 && n-e <= maxAddresseeWords
}

// quotingVerbsDe are the active forms of "zitieren", whose object, not its subject, said the
// quotation.
var quotingVerbsDe = setOf("zitiert", "zitierte", "zitieren", "zitierten")

// quotedObject reads the object of an active "zitieren" at k in a German sentence that opens at lo
// with its subject, when that object is a name or a description that holds an office: "Ein
// Fernsehsender zitierte Papandreou mit den Worten: „…“" quotes Papandreou, not the station. A
// preposition after the verb ("Die Zeitung zitiert aus dem Bericht") opens no such object.
func quotedObject(ts []tok, k, lo, end int) (a, b int, kind npKind) {
	if k == lo || !quotingVerbsDe[ts[k].lower()] || !opensWithSubject(ts, lo) || fronted(ts, lo) {
		return 0, 0, npNone
	}
	j := afterVerb(ts, k+1, end)
	if j >= end || ts[j].kind() != tWord || ts[j].is(lxPreposition) {
		return 0, 0, npNone
	}
	if a, b, kind = germanNP(ts, j, end); kind == npName || kind == npDesc && holdsRole(ts, a, b) {
		return a, b, kind
	}
	return 0, 0, npNone
}

// germanSubjectBefore returns the subject of a German verb among a mention that starts at token
// a and ends at b, found right before the verb: a pronoun, or a phrase that opens the sentence or
// a clause (after a comma or a conjunction), its determiner and adjectives included. After an
// attribute's "von", "vom", "der" or "des", the subject is the name before it ("Theo Kitz vom
// Bankhaus sagte"). Anything else before it makes it an object ("… zum eigenen
// Erfolgskriterium erklärt").
func germanSubjectBefore(ts []tok, a, b, lo int, kind npKind) (int, int, npKind, bool) {
	if kind == npPronoun {
		return a, b, kind, true
	}
	if p := particlesBefore(ts, a, lo); kind == npName && p < a && (p == lo || clauseOpens(ts[p-1])) {
		return p, b, npName, true // "Von der Leyen betonte", capitalised as a sentence opens
	}
	j := a
	for j-1 >= lo && a-j < 5 && (ts[j-1].kind() == tWord && (ts[j-1].is(lxDeterminer) || !ts[j-1].cap() &&
		!isVerb(ts[j-1]) && !ts[j-1].is(lxPreposition) && !ts[j-1].is(lxConjunction) && !ts[j-1].is(lxCapStop) ||
		kind == npName && ts[j-1].cap() && !ts[j-1].is(lxCapStop)) ||
		isNumber(ts[j-1])) {
		j-- // adjectives, numbers, a description before a name ("Der Bremer Forscher Heino Stoever") and the determiner
		if ts[j].is(lxDeterminer) {
			break
		}
	}
	// A common noun for a person is the head of a description, which its determiner and
	// adjectives belong to: "Der 58-jährige Mann sagte" is no "Mann" (personNounPhraseDe).
	ext := a
	if kind == npName && b-a == 1 && j < a && personNounDe(ts[a]) {
		ext = j
	}
	if j == lo {
		return ext, b, kind, true
	}
	if j-1 == lo && (ts[lo].is(lxDeterminer) || focusParticles[ts[lo].lower()]) { // "Einer der 13 Feuerwehrmänner", "Auch der Senator"
		return a, b, kind, true
	}
	if ts[j].lower() == "des" && j+1 == a && kind == npName && j-2 >= lo && determinerBeforeDe(ts, j-2, lo) >= 0 && genitiveNameDe(ts, a, b, b) {
		// "Der Leiter des Verwaltungsrats Hans Becker sagte", "Der stellvertretende Leiter …":
		// the name after the noun in the genitive, as after the verb (germanPhrase).
		return a + 1, b, npName, true
	}
	if d := ts[j].lower(); (d == "der" || d == "des") && ts[j-1].kind() == tWord && ts[j-1].cap() {
		// A genitive: "Der Hauptgeschäftsführer des BPI nannte …".
		// The mention is the whole description, which names nobody by itself.
		if a2, _, k2 := npBackward(ts, j-1, lo, false); k2 == npName {
			if a3, _, k3, ok := germanSubjectBefore(ts, a2, b, lo, npName); ok && k3 == npName {
				if a3 > lo && ts[a3-1].is(lxDeterminer) {
					a3--
				}
				return a3, b, npDesc, true
			}
		}
		// A noun with its determiner that opens the sentence or a clause: "Der
		// Hauptgeschäftsführer des BPI nannte …".
		if h := j - 2; h >= lo && ts[h].kind() == tWord && ts[h].is(lxDeterminer) && ts[h].cap() == (h == lo) &&
			(h == lo || clauseOpens(ts[h-1])) {
			return h, b, npDesc, true
		}
	}
	p := ts[j-1]
	if kind == npName && p.kind() == tWord && p.lower() == "und" && j-2 >= lo {
		// A pair: "Sonia und Willy Bogner sagten", "Schmidt und Becker teilten mit".
		if a2, _, k2 := npBackward(ts, j-2, lo, false); k2 == npName {
			if a3, _, _, ok := germanSubjectBefore(ts, a2, b, lo, npName); ok {
				return a3, b, npName, true
			}
		}
	}
	if clauseOpens(p) {
		return ext, b, kind, true // a clause's subject: "…, wie der Sprecher sagte"
	}
	switch p.lower() {
	case "von", "vom":
		if a2, b2, k2 := npBackward(ts, j-2, lo, false); k2 == npName {
			if p.lower() == "von" && j < a && b-a == 1 && b2 == j-1 && (b2-a2 == 1 || b2-a2 == 2 && ts[a2].shape(lxRole|lxRoleNoDot|lxTitle|lxTitleNoDot)) {
				// "Ursula von der Leyen sagte", "Die Ministerin Ursula von der Leyen sagte": a
				// first name, "von der" and a surname are one name, as nameRunEnd reads it
				// ("Karl Weber von der Volksbank" is two words and a phrase).
				return germanSubjectBefore(ts, a2, b, lo, npName)
			}
			return germanSubjectBefore(ts, a2, b2, lo, npName)
		}
	}
	// Anything else before it (a preposition, a noun it is the genitive of, a verb) makes it an
	// object or an attribute: "Wegen der Gefahren des Eises warnte …".
	return 0, 0, npNone, false
}

// afterVerb returns the index after the adverbs, the adverbial of time (skipTimeFwdDe), the
// reflexive "sich" and an object before a subject (pastObjectDe) that start at token k, right
// after a German verb: the place of its subject in "äußerte sich der Sprecher", "erklärte im
// Januar Becker", "sagte der Zeitung ein Sprecher".
func afterVerb(ts []tok, k, limit int) int {
	k = skipTimeFwdDe(ts, skipAdverbsFwd(ts, k, limit), limit)
	if k < limit && ts[k].kind() == tWord && ts[k].lower() == "sich" {
		k = skipTimeFwdDe(ts, skipAdverbsFwd(ts, k+1, limit), limit)
	}
	return pastObjectDe(ts, k, limit)
}

// quotedTerm reports whether the capitalised quotation token qi, inside a German sentence, stands
// where a quoted term stands rather than a name: after a lower-case word ("eine „Zeitungsente“",
// "als „Wortbruch“"), not after a noun it names ("das Magazin „Der Spiegel“"), a parenthesis or a
// preposition with or without its determiner ("in der „Berliner Zeitung“").
func quotedTerm(ts []tok, qi int) bool {
	j := qi - 1
	if j < 0 || ts[j].kind() != tWord || ts[j].cap() || ts[j].is(lxPreposition) || ts[j].lower() == "laut" {
		return false
	}
	return !ts[j].is(lxDeterminer) || j == 0 || ts[j-1].kind() != tWord || !ts[j-1].is(lxPreposition)
}

// indefinitesDe are the German indefinite articles.
var indefinitesDe = setOf("ein", "eine", "einen", "einem", "einer", "eines")

// indefiniteTerm reports whether quotation token qi follows an indefinite article that follows a
// lower-case word other than a preposition ("würde eine „Achse Berlin-Paris“", "sei ein „Fehler“"):
// the place of a term, where a name after a noun ("den Status eines „…“") or a definite article
// ("sagte der „Zeitung“") is not.
func indefiniteTerm(ts []tok, qi int) bool {
	if qi < 2 || ts[qi-1].kind() != tWord || ts[qi-1].cap() || !indefinitesDe[ts[qi-1].lower()] {
		return false
	}
	p := ts[qi-2]
	return p.kind() == tWord && !p.cap() && !p.is(lxPreposition) && !p.is(lxDeterminer)
}

// titleVerbs give a quotation as a name or title ("„…“, so lautet der Titel der Studie"), not as
// someone's words.
var titleVerbs = setOf("lautet", "lautete", "lauten", "lauteten", "heißt", "hieß")

// objectPronounsDe are the German object pronouns that may stand between a verb and its subject.
var objectPronounsDe = setOf("ihn", "ihm", "es", "uns")

// wordsCue returns the index after a phrase that may stand before the verb in the clause after a
// German quotation: "so" before a verb ("„…“, so charakterisierte ihn X") and "mit diesen Worten"
// ("„…“, mit diesen Worten meldete er sich"). It returns t when none starts there.
func wordsCue(ts []tok, t, n int) int {
	switch {
	case t+1 < n && ts[t].lower() == "so" && !ts[t].cap() && ts[t+1].kind() == tWord && !ts[t+1].cap() && !titleVerbs[ts[t+1].lower()]:
		return t + 1
	case t+3 < n && ts[t].lower() == "mit" && (ts[t+1].lower() == "diesen" || ts[t+1].lower() == "den" || ts[t+1].lower() == "folgenden") &&
		ts[t+2].lower() == "worten":
		return t + 3
	}
	return t
}

// saidBefore reports whether a speech verb stands before quotation token qi in its sentence and
// the word right before the quotation does not mark a name ("so genannten „…“", "dass sich „…“").
func saidBefore(ps *paraState, qi int) bool {
	ts := ps.toks
	if namingMarks[ts[qi-1].lower()] {
		return false
	}
	for j := qi - 1; j >= sentenceStart(ps, qi); j-- {
		if isStrongVerb(ts[j]) && ts[j].lower() != "so" {
			return true
		}
	}
	return false
}

// namingMarks stand before a quoted name rather than a quoted term: "die so genannte „…“", "dass
// sich „…“ abschwächte".
var namingMarks = setOf("genannte", "genannten", "sogenannte", "sogenannten", "sich")

// nameBeforeOpenAppositionDe returns the name of two words or more that opens a German sentence
// at lo and a comma after it, when the subject [a, …) that a rule read right before the speech
// verb is a description after that comma, its determiner and adjectives before a: an apposition
// whose closing comma the writer left out ("Stephen Singer, ein Klimaexperte vom WWF erklärte",
// "Theo Zwanziger, Präsident des DFB nannte"). The name is the subject, the description what the
// person is.
func nameBeforeOpenAppositionDe(ts []tok, a, lo int) (int, int, bool) {
	c := a - 1
	for c > lo && a-c <= 3 && ts[c].kind() == tWord && !ts[c].cap() &&
		(ts[c].is(lxDeterminer) || !isVerb(ts[c]) && !ts[c].is(lxPreposition) && !ts[c].is(lxConjunction) && !ts[c].is(lxCapStop)) {
		c-- // "ein", "der", "stellvertretende"
	}
	if c-2 < lo || !ts[c].isPunct(",") {
		return 0, 0, false
	}
	na, nb, kind := npBackward(ts, c-1, lo, false)
	if kind != npName || na != lo || nb != c || nb-na < 2 {
		return 0, 0, false
	}
	for i := na; i < nb; i++ {
		if t := ts[i]; t.kind() != tWord || !t.cap() || t.is(lxCapStop) || t.shape(lxRoleNoDot|lxTitle|lxTitleNoDot) {
			return 0, 0, false
		}
	}
	return na, nb, true
}

// namePrepositionsDe are the prepositions German names of organisations keep in lower case between
// their capitalised words: "Reporter ohne Grenzen", "Alternative für Deutschland".
var namePrepositionsDe = setOf("ohne", "für")

// innerPrepositionNameDe returns where a German name that ends at a capitalised word from a starts,
// when a preposition of namePrepositionsDe joins it to the capitalised words before it ("Reporter
// ohne Grenzen", "Alternative für Deutschland"): the name is the whole run, not its last word, after a kind of
// organisation (orgKindsDe: "die Organisation Reporter ohne Grenzen").
func innerPrepositionNameDe(ts []tok, a, lo int) int {
	for a-2 >= lo && ts[a-1].kind() == tWord && !ts[a-1].cap() && namePrepositionsDe[ts[a-1].lower()] {
		j := a - 2
		for j >= lo && ts[j].kind() == tWord && ts[j].cap() && !ts[j].is(lxDeterminer) && !ts[j].is(lxCapStop) && !orgKindDe(ts[j].lower()) {
			j--
		}
		if j == a-2 {
			break
		}
		a = j + 1
	}
	return a
}
