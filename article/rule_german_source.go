package article

import (
	"strings"
	"unicode"
)

// This file holds the German source phrases that name no speaker in the subject's place: "laut",
// "zufolge" and "nach Angaben" (germanSource, which walkBack reads), a "wie" clause ("Wie der
// Minister am Dienstag erklärte, sei die Lage „ernst“", "„…“, wie der Sprecher sagte"), "heißt es"
// with the text it is in ("„…“, heißt es in der Erklärung", "Auf der Homepage heißt es: „…“"), and
// a noun of saying with its source before a reported clause. They run only on German text
// (paraState.de).

// ruleAsSaid links a German quotation to the subject of a "wie" clause in its sentence whose verb
// is a speech verb: before the quotation ("Wie X erklärte, …") or right after it ("„…“, wie X
// sagte").
func ruleAsSaid(ps *paraState, qi int) (match, bool) {
	if !ps.de {
		return match{}, false
	}
	ts := ps.toks
	lo := sentenceStart(ps, qi)
	for w := lo; w < qi; w++ {
		if m, ok := wieClause(ts, w, qi); ok {
			return m, true
		}
	}
	if qi+2 < len(ts) && ts[qi+1].isPunct(",") {
		if m, ok := wieClause(ts, qi+2, len(ts)); ok {
			return m, true
		}
	}
	return match{}, false
}

// wieClause reads a clause "wie X … sagte" that starts at token w, before limit: "wie" opening a
// clause (the sentence, or after a comma), a subject right after it (or after "sich"), perhaps a
// relative clause or a name in apposition after the subject, and a speech verb that ends the
// clause at a comma, a sentence end or limit.
func wieClause(ts []tok, w, limit int) (match, bool) {
	if ts[w].kind() != tWord || ts[w].lower() != "wie" || w > 0 && ts[w-1].kind() == tWord {
		return match{}, false
	}
	a, b, kind := germanNP(ts, afterVerb(ts, w+1, limit), limit)
	if kind == npNone {
		return match{}, false
	}
	for k, from := b, b; k < limit && k-from <= maxMittelfeld; k++ {
		t := ts[k]
		if t.isPunct(",") && k == from {
			// A relative clause or an appositive after the subject: "Wie Norman Paech, der
			// dort anwesend war, dazu feststellt", "Wie ein Vertreter des Konzerns, EADS heute
			// mitteilte".
			if e := insertEnd(ts, k, limit); e > k {
				k, from = e-1, e
				continue
			}
			if e := nameRunEnd(ts, k+1, limit); e > k+1 && !ts[k+1].is(lxCapStop) {
				k, from = e-1, e
				continue
			}
		}
		if t.kind() == tQuote || t.isPunct(",") || t.isSentenceEnd() {
			return match{}, false
		}
		if isVerb(t) && !t.is(lxNamingVerb) && (k+1 == limit || ts[k+1].isPunct(",") || ts[k+1].isSentenceEnd() ||
			ts[k+1].kind() == tWord && ts[k+1].lower() == "hat" || ts[k+1].lower() == "hatte" || ts[k+1].lower() == "habe") {
			return match{a: a, b: b, kind: kind, cue: k, cueText: "wie " + t.lower(), rule: ruleAsSaidID}, true
		}
	}
	return match{}, false
}

// sourcePrepositions open the phrase that says where "heißt es" reads: "in der Erklärung", "auf
// der Homepage", "aus dem Ministerium".
var sourcePrepositions = setOf("in", "im", "auf", "aus", "bei", "beim", "von", "vom", "seitens")

// textAdverbWordsDe stand, opening a sentence, for a text named before as a source phrase does
// ("In dem Bericht heißt es"): "Darin heißt es", "Darauf war zu lesen", "Dort steht". They are
// pronominal adverbs too (pronominalAdverbsDe).
var (
	textAdverbWordsDe = []string{"darin", "darauf", "darunter", "hierin", "dort"}
	textAdverbsDe     = setOf(textAdverbWordsDe...)
)

// standsWritten are the forms of "stehen" that say what a text holds, before a colon and the
// quotation: "Derzeit steht in dem Gesetzentwurf der Passus: „…“".
var standsWritten = setOf("steht", "stand", "stehen", "standen")

// textPrepositionsDe open the phrase of a text that "heißt es" reads in ("in der Erklärung", "im
// Bericht", "auf der Webseite"), where "aus" and "von" open the phrase of who speaks ("hieß es aus
// dem Ministerium").
var textPrepositionsDe = setOf("in", "im", "auf")

// textOwnerDe returns the described speaker of the text [h, b) that "heißt es" reads in, its head
// at h a noun of what was said (saidNounDe), which is no label: whose the text is, the genitive
// after the head in the nominative ("in einer Mitteilung des Vereins" is "Verein", "in der
// Erklärung der Stadtverwaltung" is "Stadtverwaltung"). A text with no genitive after its head
// ("in der Mitteilung") gives none.
func (rg *registry) textOwnerDe(ps *paraState, h, b int) *entity {
	ts := ps.toks
	g := h + 1
	if g+1 >= b || ts[g].kind() != tWord || ts[h].kind() != tWord || !ts[h].cap() {
		return nil
	}
	switch det := ts[g].lower(); det {
	case "des", "eines", "der", "einer":
		if text := nominativeDescriptionDe(ps, det, true, g+1, b); text != "" {
			return rg.describedEntityDe(ps, text, g+1, b)
		}
	}
	return nil
}

// impersonalCuesDe are the forms of "verlauten", which German uses without a subject, as "heißt
// es": the source is the phrase after "aus" or "von" ("„…“, verlautete aus dem Ministerium", "Aus
// Regierungskreisen verlautete: „…“").
var impersonalCuesDe = setOf("verlautet", "verlautete", "verlauteten", "verlautbart", "verlautbarte")

// ruleItSays links a German quotation to the text "heißt es" names in its sentence: „…“, heißt es
// in der Erklärung des Ministeriums. / In einer Mitteilung hieß es: „…“ "steht" says the same
// before a colon that introduces the quotation, with the phrase after it ("Derzeit steht in dem
// Gesetzentwurf der Passus: „…“"). The mention is the phrase after the preposition, or the
// antecedent of a relative clause that holds "heißt es" (relativeSource: "den Tenor der Medien
// auf, in denen es … heißt, dass …").
func ruleItSays(ps *paraState, qi int) (match, bool) {
	if !ps.de {
		return match{}, false
	}
	ts := ps.toks
	lo := sentenceStart(ps, qi)
	hi := sentenceEndFrom(ts, qi+1)
	if quoteEndsSentence(ps, qi) {
		hi = qi + 1 // „… .“ Nun heißt es im Bericht: the quotation's own end closes its sentence
	}
	sp := ps.spans[ts[qi].q()]
	if m, ok := itSaysIn(ts, lo, hi, qi, sp.start < sp.end && unicode.IsUpper(ps.rs[sp.start])); ok {
		return m, true
	}
	if m, ok := inscribedOn(ts, lo, qi); ok {
		return m, true
	}
	return readsIn(ts, lo, hi, qi)
}

// inscriptionNounsDe are the German nouns of words written on something, after "mit der" or "mit
// dem" before the quotation: "Schilder mit der Aufschrift „…“".
var inscriptionNounsDe = setOf("aufschrift", "inschrift", "schriftzug")

// inscribedOn links a German quotation right after "mit der Aufschrift" (inscriptionNounsDe) to
// the thing that carries the words, the noun phrase right before "mit" ("Die Fans zeigten ein
// Transparent mit der Aufschrift „…“"), as "Auf dem Transparent war … zu lesen" links it to the
// thing read (readsIn). After "mit der Parole" (sloganNounsDe) the words are those of the
// sentence's subject, who uses them ("Anhänger der Gruppe haben mit der Parole „…“ gedroht"),
// or else of the phrase before "mit".
func inscribedOn(ts []tok, lo, qi int) (match, bool) {
	m := qi - 3
	if m <= lo || ts[m].kind() != tWord || ts[m].lower() != "mit" || ts[m+1].kind() != tWord || ts[m+1].lower() != "der" && ts[m+1].lower() != "dem" ||
		ts[m+2].kind() != tWord || !ts[m+2].cap() {
		return match{}, false
	}
	n := ts[m+2].lower()
	slogan := sloganNounsDe[n]
	if !slogan && !inscriptionNounsDe[n] {
		return match{}, false
	}
	if slogan {
		if a, b, kind, v := germanSubject(ts, lo, m); kind != npNone && v >= 0 && b <= m && (kind != npDesc || b > a) {
			return match{a: a, b: b, kind: kind, cue: m + 2, cueText: "mit " + ts[m+2].lower(), rule: ruleItSaysID}, true
		}
	}
	if a, ok := phraseBeforeDe(ts, lo, m); ok {
		return match{a: a, b: m, kind: npDesc, cue: m + 2, cueText: "mit " + ts[m+2].lower(), rule: ruleItSaysID}, true
	}
	return match{}, false
}

// phraseBeforeDe returns the start of the German noun phrase that ends right before token m: a
// capitalised noun that is no name's stop word (and the name in marks after it: "Verein
// „Nordlicht“"), with the adjectives and the determiner before it. It reports false when no noun
// stands there.
func phraseBeforeDe(ts []tok, lo, m int) (int, bool) {
	j := m - 1
	if j-1 >= lo && ts[j].kind() == tQuote && ts[j-1].kind() == tWord && ts[j-1].cap() {
		j--
	}
	if j < lo || ts[j].kind() != tWord || !ts[j].cap() || ts[j].is(lxCapStop) || isVerb(ts[j]) {
		return 0, false
	}
	for k := j - 1; k >= lo && j-k <= 4 && ts[k].kind() == tWord && !ts[k].cap(); k-- {
		if ts[k].is(lxDeterminer) {
			return k, true // its determiner, past adjectives: "der kleinen neuen"
		}
		if isVerb(ts[k]) || ts[k].is(lxPreposition) || ts[k].is(lxConjunction) || ts[k].is(lxPronoun) {
			break
		}
	}
	return j, true // a bare noun: "trugen Schilder"
}

// readCopulas are the finite verbs after a source phrase that opens a sentence of what a text
// shows: "Auf dem Transparent war … zu lesen", "In der Zeitung fand sich …".
var readCopulas = setOf("war", "waren", "ist", "sind", "fand", "findet", "fanden", "finden")

// readsIn reads the text a sentence says quotation token qi is read in: a source phrase opens it
// ("Auf dem Fronttransparent", "In der Zeitung"), its finite verb follows the phrase, and either
// that verb is "fand" or "findet" with "sich" ("In der Zeitung fand sich dazu die Feststellung
// „…“"), or a form of "sein" with "zu lesen" or "zu finden" later in the sentence ("Auf dem
// Fronttransparent war die Parole „…“ zu lesen"), or "die Rede" after the quotation ("In einem
// Schreiben war von einem „…“ die Rede"). The mention is the phrase after the preposition,
// a description: a name there is a place.
func readsIn(ts []tok, lo, hi, qi int) (match, bool) {
	if lo+1 >= qi || ts[lo].kind() != tWord || !sourcePrepositions[ts[lo].lower()] && !textAdverbsDe[ts[lo].lower()] {
		return match{}, false
	}
	var a, b, e int
	var kind npKind
	if textAdverbsDe[ts[lo].lower()] {
		a, b, kind, e = lo, lo+1, npDesc, lo+1 // "Darauf waren die Worte zu lesen": the text named before
	} else {
		a, b, kind, e = germanPhrase(ts, lo+1, qi)
	}
	if kind == npName && !ts[a].cap() {
		a, b, kind = lo+1, e, npDesc
	}
	if kind != npNone && e+1 < qi && ts[e].kind() == tWord && !ts[e].cap() && ts[e].lower() == "an" {
		// "In einem Schreiben an die Mitarbeiter war": "an" (a determiner in the English
		// lexicon) opens an attribute of the noun; placePhraseEnd reads the rest.
		j := e + 1
		if ts[j].kind() == tWord && ts[j].is(lxDeterminer) {
			j++
		}
		if h := j; j < qi {
			for j < qi && j-h < 4 && ts[j].kind() == tWord && ts[j].cap() && !ts[j].is(lxCapStop) {
				j++
			}
			if j > h && j < qi && ts[j].kind() == tWord && !ts[j].cap() {
				e = j
			}
		}
	} else if kind != npNone {
		e = placePhraseEnd(ts, e, qi) // "In dem Brief vom Montag war"
	}
	if kind != npDesc || e+1 >= hi || ts[e].kind() != tWord || ts[e].cap() || !readCopulas[ts[e].lower()] {
		return match{}, false // "In Berlin war … zu lesen" names a place, no text
	}
	m := match{a: a, b: b, kind: kind, cue: e, cueText: ts[e].lower(), rule: ruleItSaysID, intro: ts[qi-1].isPunct(":")}
	switch ts[e].lower() {
	case "fand", "findet", "fanden", "finden":
		if ts[e+1].lower() == "sich" {
			return m, true
		}
		return match{}, false
	}
	for j := e + 1; j+1 < hi; j++ {
		if ts[j].kind() == tWord && ts[j].lower() == "zu" && (ts[j+1].lower() == "lesen" || ts[j+1].lower() == "finden") {
			return m, true
		}
		if j > qi && ts[j].kind() == tWord && ts[j].lower() == "die" && ts[j+1].lower() == "rede" && ts[j+1].cap() {
			return m, true // "In dem Schreiben war von einem „…“ die Rede"
		}
	}
	return match{}, false
}

// itSaysIn reads the text "heißt es" or "steht" names in the sentence of tokens [lo, hi), for
// quotation token qi in it, or for none when qi is -1 (carryReported's sentence of reported speech
// that goes on in the next: "In dem Bericht heißt es, die Lage sei ernst. Deshalb sei es „…“").
// named says whether the quotation opens with a capital, as a name does, which a capitalised noun
// right before it makes that noun's ("heißt es, im Phänomenbereich „Politisch …“ seien"), no
// text's words; words in lower case after a noun are the text's ("heißt, sei die Lage „unter
// Kontrolle“").
func itSaysIn(ts []tok, lo, hi, qi int, named bool) (match, bool) {
	k, after, cue := -1, 0, ""
	for j := lo; j < hi; j++ {
		if j == qi || ts[j].kind() != tWord || ts[j].cap() {
			continue
		}
		if w := ts[j].lower(); (w == "heißt" || w == "hieß" || w == "geheißen") && (j+1 < hi && ts[j+1].lower() == "es" || j > lo && ts[j-1].lower() == "es" || esEndsClause(ts, lo, j, hi)) {
			k, after, cue = j, j+2, w+" es"
			if j+1 < hi && ts[j+1].lower() != "es" {
				after = j + 1 // "Es heißt in der Erklärung"
			}
			break
		}
		if impersonalCuesDe[ts[j].lower()] {
			k, after, cue = j, j+1, ts[j].lower() // "„…“, verlautete aus dem Ministerium"
			break
		}
		if standsWritten[ts[j].lower()] && j < qi && qi > 0 && ts[qi-1].isPunct(":") {
			k, after, cue = j, j+1, ts[j].lower() // "Derzeit steht in dem Gesetzentwurf der Passus: „…“"
			break
		}
	}
	if k < 0 || named && qi-1 > lo && ts[qi-1].kind() == tWord && ts[qi-1].cap() && !ts[qi-1].is(lxCapStop) && !ts[qi-1].is(lxPronoun) {
		return match{}, false // "heißt es, im Phänomenbereich „…“ seien": the name of the noun before it
	}
	if qi-1 > lo && ts[qi-1].kind() == tWord && !ts[qi-1].cap() && (ts[qi-1].is(lxPreposition) || ts[qi-1].lower() == "von" || ts[qi-1].lower() == "vom") {
		return match{}, false // "heißt es in der Meldung auf der Homepage von „con energy“ wörtlich:": a name in the source
	}
	// The phrase stands right after "heißt es" or opens the sentence before it ("In der
	// Erklärung heißt es").
	// Or it stands right after "es" in a clause that "heißt" closes ("Wie es in der Anklageschrift
	// heißt, soll …").
	inClause := -1
	if j := k - 1; j > lo && ts[k].lower() != "geheißen" && !standsWritten[ts[k].lower()] {
		for ; j > lo && k-j <= maxEsBefore && ts[j].kind() == tWord && ts[j].lower() != "es"; j-- {
		}
		if ts[j].kind() == tWord && ts[j].lower() == "es" && j+1 < k {
			inClause = j + 1
		}
	}
	asClause := -1 // "Wie aus dem Ministerium verlautete, …"
	if lo+1 < k && ts[lo].kind() == tWord && ts[lo].lower() == "wie" {
		asClause = lo + 1
	}
	// "heißt es dazu in der Erklärung", "verlautete am Montag aus dem Ministerium"
	for _, j := range [4]int{skipTimeFwdDe(ts, skipAdverbsFwd(ts, after, hi), hi), lo, inClause, asClause} {
		if j < 0 || j >= hi || j == qi || ts[j].kind() != tWord || !sourcePrepositions[ts[j].lower()] || j == lo && standsWritten[ts[k].lower()] {
			continue // "Im Mittelpunkt steht die Frage:" names a place, no text
		}
		end := hi
		if j < qi {
			end = qi
		}
		if j == inClause || j == asClause {
			end = k
		}
		a, b, kind, e := germanPhrase(ts, j+1, end)
		if kind == npNone || (j == lo || j == inClause || j == asClause) && !phraseEndsAt(ts, b, k) && !phraseEndsAt(ts, e, k) {
			continue
		}
		if kind == npName && !ts[a].cap() {
			a, b, kind = j+1, e, npDesc // "Im letzten Satz der Anordnung": an adjective and a noun, no name
		}
		if kind == npName && a == j+1 && ts[j].lower() == "im" && b < e && genitiveArticlesDe[ts[b].lower()] {
			a, b, kind = j+1, e, npDesc // "im Bericht des Ausschusses": "im" holds the article of a noun, no name
		}
		return match{a: a, b: b, kind: kind, cue: k, cueText: cue, rule: ruleItSaysID,
			intro: qi > 0 && ts[qi-1].isPunct(":")}, true
	}
	if k == lo+1 && textAdverbsDe[ts[lo].lower()] {
		// "Darin heißt es: „…“", "Dort steht: „…“": the adverb stands for the text named
		// before, which speaks as the phrase after a preposition does; it is no subject.
		return match{a: lo, b: lo + 1, kind: npDesc, cue: k, cueText: cue, rule: ruleItSaysID,
			intro: qi > 0 && ts[qi-1].isPunct(":")}, true
	}
	if a, b, kind := relativeSource(ts, lo, k); kind != npNone && (qi < 0 || b <= qi) {
		return match{a: a, b: b, kind: kind, cue: k, cueText: cue, rule: ruleItSaysID,
			intro: qi > 0 && ts[qi-1].isPunct(":")}, true
	}
	return match{}, false
}

// maxEsBefore bounds the words between "es" and a "heißt" that closes a subordinate clause.
const maxEsBefore = 8

// esEndsClause reports whether "heißt" at token j closes a subordinate clause that holds "es"
// earlier, with words between: "in denen es zu den Protesten auch heißt, dass …". The verb stands
// last, before a comma, a colon or a quotation.
func esEndsClause(ts []tok, lo, j, hi int) bool {
	if j+1 >= hi || !ts[j+1].isPunct(",") && !ts[j+1].isPunct(":") && ts[j+1].kind() != tQuote {
		return false
	}
	for i := j - 1; i >= lo && j-i <= maxEsBefore; i-- {
		if ts[i].kind() != tWord {
			return false
		}
		if ts[i].lower() == "es" {
			return true
		}
	}
	return false
}

// relativePronounsDe are the German relative pronouns after a preposition: "in der", "in dem",
// "in denen", "in welchem".
var relativePronounsDe = setOf("der", "dem", "denen", "welcher", "welchem", "welchen")

// separableParticlesDe close a German main clause whose verb is separable ("griff den Tenor auf",
// "las die Erklärung vor"): the phrase before a relative clause ends before them.
var separableParticlesDe = setOf("auf", "vor", "an", "ab", "aus", "bei", "mit", "zu", "zurück", "hervor", "fest",
	"dar", "ein", "hin", "heraus", "nach", "um", "durch", "weiter", "entgegen", "wieder")

// relativeSource reads the text a relative clause that holds "heißt es" at token k hangs on: "die
// Erklärung, in der es heißt, …", "griff den Tenor der Medien auf, in denen es heißt, …". The clause
// opens with a source preposition and a relative pronoun after a comma, with no comma or
// quotation before k; a separable verb's particle or the main clause's closing verb may stand
// before the comma ("ein Zettel kleben, auf dem geschrieben stand: „…“").
func relativeSource(ts []tok, lo, k int) (a, b int, kind npKind) {
	c := k - 1
	for ; c > lo+2; c-- {
		if ts[c].kind() == tQuote || ts[c].isPunct(":") || ts[c].isSentenceEnd() {
			return 0, 0, npNone
		}
		if ts[c].isPunct(",") {
			break
		}
	}
	if c <= lo+2 || !ts[c].isPunct(",") || ts[c+1].cap() || !sourcePrepositions[ts[c+1].lower()] ||
		ts[c+2].cap() || !relativePronounsDe[ts[c+2].lower()] {
		return 0, 0, npNone
	}
	if p := ts[c-1]; p.kind() == tWord && !p.cap() && (separableParticlesDe[p.lower()] || !p.is(lxDeterminer) && !p.is(lxPronoun) && !p.is(lxPreposition)) {
		c-- // "griff den Tenor auf, in denen", "musste ein Zettel kleben, auf dem": the clause's last word
	}
	return antecedent(ts, c, lo)
}

// maxPhraseTail bounds the words between a source phrase that opens the sentence and its "heißt
// es": an attribute of time ("von heute Mittag", "vom Dienstag") or the auxiliary of "hatte es
// geheißen".
const maxPhraseTail = 4

// phraseEndsAt reports whether the source phrase that ends at token b reaches the verb at k: at most
// maxPhraseTail words stand between, none a speech verb, after "von" or "vom" or as the
// auxiliary and "es" of "hatte es geheißen", or a relative clause or an appositive ends right
// before k.
func phraseEndsAt(ts []tok, b, k int) bool {
	if b == k || insertEnd(ts, b, k+1) == k {
		return true // "Im letzten Satz der Anordnung, die Twitter zugestellt wurde, heißt es"
	}
	if k-b > maxPhraseTail || ts[b].kind() != tWord || ts[b].cap() {
		return false
	}
	w := ts[b].lower()
	if w != "von" && w != "vom" && !auxiliariesDe[w] {
		return false
	}
	for i := b + 1; i < k; i++ {
		if ts[i].kind() != tWord || isVerb(ts[i]) {
			return false
		}
	}
	return true
}

// saidBeforeSource reads the speaker of a German sentence whose speech verb stands before a source
// phrase that starts at token s, in the same clause: "In der Fraktion sagte die Kanzlerin einigen
// Teilnehmern zufolge: „…“". The speech verb is the sentence's finite verb and its subject stands
// before s; the source only vouches for what the subject said.
func saidBeforeSource(ts []tok, lo, s int) (match, bool) {
	a, b, kind, v := germanSubject(ts, lo, s)
	if kind == npNone || v < 0 || v >= s || b > s || !isStrongVerb(ts[v]) {
		return match{}, false
	}
	for i := v + 1; i < s; i++ {
		if ts[i].isPunct(",") || ts[i].kind() == tQuote {
			return match{}, false
		}
	}
	rule := ruleBeforeVerb
	if a > v {
		rule = ruleBeforeVerbName
	}
	return match{a: a, b: b, kind: kind, cue: v, rule: rule}, true
}

// wordNounUse says which rules read a German noun of words said, asked or carried (wordNounsDe).
type wordNounUse uint8

const (
	// nounSpeech: a noun of what someone said, whose source follows it in the genitive or after
	// "von" and whose content a reported clause after a comma gives (speechNounsDe): "der Vorwurf
	// der CDU, es handele sich um einen „…“", "die Sichtweise von Innenminister Rech, wonach …".
	nounSpeech wordNounUse = 1 << iota
	// nounSource: a noun that names a source after "nach" (sourceNouns): "nach Angaben der
	// Polizei", "Nach Schäubles Idee". The heads of sourceCompoundHeads are source nouns too,
	// without this mark.
	nounSource
	// nounView: a noun of what one thinks or answers, which a possessive opens a label with
	// (possessiveLabel, viewNounsDe): "Sein Fazit: „…“", "Ihre Antwort: „…“".
	nounView
	// nounAsked: a noun of what was asked or answered, whose closing "lautete" speaks
	// (isAskedNounDe, askedNounsDe): "„Wer zahlt das?“, lautete die Frage des Rates."
	nounAsked
	// nounSlogan: a noun of words that people carry or call out, after "mit der" or "mit dem"
	// before the quotation (inscribedOn, sloganNounsDe): "Die Gruppe hat mit der Parole „…“
	// gedroht".
	nounSlogan
	// nounQuoted: a noun of words quoted, which the genitive or "von" after it says whose they
	// are: what was said, as saidNounDe says (quotedNounsDe), and the person after it the
	// speaker shown (sourceAfterNounDe): "Zitat von Becker: „…“", "Die ersten Worte Beckers
	// lauteten: „…“".
	nounQuoted
)

// wordNounsDe are the German nouns of words said, asked or carried, each with the rules that
// read it (wordNounUse): a word goes here once, with all its uses.
var wordNounsDe = map[string]wordNounUse{
	"vorwurf": nounSpeech, "vorwürfe": nounSpeech, "vorwürfen": nounSpeech, "behauptung": nounSpeech,
	"behauptungen": nounSpeech, "bericht": nounSpeech | nounSource, "berichte": nounSpeech, "berichten": nounSpeech,
	"aussage": nounSpeech | nounSource, "aussagen": nounSpeech, "forderung": nounSpeech, "forderungen": nounSpeech,
	"warnung": nounSpeech, "ankündigung": nounSpeech | nounSource, "einschätzung": nounSpeech | nounSource,
	"ansicht": nounSpeech | nounSource, "sichtweise": nounSpeech, "meinung": nounSpeech | nounSource,
	"auffassung": nounSpeech | nounSource, "darstellung": nounSpeech | nounSource, "erklärung": nounSpeech,
	"mitteilung": nounSpeech | nounSource, "angaben": nounSpeech, "hinweis": nounSpeech, "vermutung": nounSpeech,
	"these": nounSpeech, "argument": nounSpeech, "beteuerung": nounSpeech, "versprechen": nounSpeech,
	"zusage": nounSpeech, "drohung": nounSpeech, "kritik": nounSpeech,
	"worten": nounSource, "darstellungen": nounSource, "erkenntnissen": nounSource, "überzeugung": nounSource,
	"bewertung": nounSource, "schilderung": nounSource, "schilderungen": nounSource, "auskunft": nounSource,
	"idee": nounSource, "vorstellung": nounSource, "vorstellungen": nounSource, "schätzung": nounSource,
	"einschätzungen": nounSource, "berechnungen": nounSource, "beobachtungen": nounSource, "meldungen": nounSource,
	"studie": nounSource, "umfrage": nounSource, "untersuchung": nounSource, "analyse": nounSource, "stellungnahme": nounSource,
	"fazit": nounView, "kommentar": nounView, "urteil": nounView, "bilanz": nounView, "reaktion": nounView,
	"worte": nounView | nounQuoted, "zitat": nounQuoted, "antwort": nounView | nounAsked, "botschaft": nounView | nounAsked, "frage": nounAsked,
	"fragen": nounAsked, "antworten": nounAsked, "devise": nounAsked, "losung": nounAsked,
	"parole": nounAsked | nounSlogan, "slogan": nounSlogan, "motto": nounSlogan,
}

// wordNounsWith returns the set of the nouns of wordNounsDe that use marks.
func wordNounsWith(use wordNounUse) map[string]bool {
	m := map[string]bool{}
	for w, u := range wordNounsDe {
		if u&use != 0 {
			m[w] = true
		}
	}
	return m
}

// speechNounsDe, viewNounsDe, askedNounsDe, sloganNounsDe and quotedNounsDe are the nouns of
// wordNounsDe with each use.
var (
	speechNounsDe = wordNounsWith(nounSpeech)
	viewNounsDe   = wordNounsWith(nounView)
	askedNounsDe  = wordNounsWith(nounAsked)
	sloganNounsDe = wordNounsWith(nounSlogan)
	quotedNounsDe = wordNounsWith(nounQuoted)
)

// ruleSpeechNoun links a German quotation in a reported clause to the source of the speech noun
// the clause gives the content of: "Auf den Vorwurf der CDU, es handele sich um einen
// „sozialistischen Antrag“, entgegneten die Unterstützer …". The noun (speechNounsDe) and its
// source in the genitive or after "von" end at the comma that opens the clause; the clause reports
// (it opens with "wonach" or holds a subjunctive before the quotation) and holds no speech verb of
// its own. The mention is the source, reported as according-to, as "nach Angaben der Polizei" is.
// It runs only on German text.
func ruleSpeechNoun(ps *paraState, qi int) (match, bool) {
	if !ps.de {
		return match{}, false
	}
	ts := ps.toks
	lo := sentenceStart(ps, qi)
	hi := sentenceEndFrom(ts, qi+1)
	for c := qi - 1; c > lo && qi-c <= maxClause; c-- {
		t := ts[c]
		if isVerb(t) || t.isPunct(":") {
			return match{}, false // a speech verb or a colon of the sentence's own
		}
		if !t.isPunct(",") {
			continue
		}
		if m, ok := speechNounBefore(ts, c, lo); ok && reportsAfter(ts, c, hi) {
			return m, true
		}
	}
	return match{}, false
}

// reportsAfter reports whether the clause after the comma c, up to the sentence's end hi, reports
// what was said: it opens with "wonach" or holds a subjunctive ("es handele sich um …").
func reportsAfter(ts []tok, c, hi int) bool {
	for j := c + 1; j < hi && j-c <= maxClause; j++ {
		if ts[j].kind() == tWord && (ts[j].is(lxSubjunctive) || j == c+1 && ts[j].lower() == "wonach") {
			return true
		}
	}
	return false
}

// speechNounBefore reads a speech noun (speechNounsDe) and its source, in the genitive or after
// "von", that end at the comma c: "Vorwurf der CDU,", "Sichtweise von Innenminister Rech (CDU),".
// The mention is the source.
func speechNounBefore(ts []tok, c, lo int) (match, bool) {
	for h := c - 2; h >= lo && c-h <= maxGermanNP; h-- {
		t := ts[h]
		if t.kind() != tWord || !t.cap() || !speechNounsDe[t.lower()] {
			continue
		}
		s := h + 1
		switch ts[s].lower() {
		case "der", "des", "eines", "einer":
		case "von", "vom":
			s++
		default:
			return match{}, false
		}
		a, b, kind, e := germanPhrase(ts, s, c)
		if kind == npNone || kind == npPronoun || e != c {
			return match{}, false
		}
		return match{a: a, b: b, kind: kind, cue: h, cueText: t.lower(), rule: ruleAccordingTo}, true
	}
	return match{}, false
}

// ruleThatSaid links a German quotation that is a sentence of its own to the subject of the
// sentence right after it, which opens with a demonstrative that stands for what was said: "„Ja,
// es gibt Zumutungen“. Das musste Bundesfinanzminister Peer Steinbrück … einräumen.", "„…“ Dies
// sagte der Präsident des Unternehmens.", "„…“ Das ist die zentrale Aussage einer Studie, …". The
// verb of that sentence is a speech verb, finite or closing it, or "sein" before a speech noun
// (speechNounsDe), which then is the mention. It runs only on German text.
func ruleThatSaid(ps *paraState, qi int) (match, bool) {
	if !ps.de || sentenceStart(ps, qi) != qi || !quoteEndsSentence(ps, qi) {
		return match{}, false
	}
	ts := ps.toks
	s := qi + 1
	if s < len(ts) && ts[s].isSentenceEnd() {
		s++
	}
	if m, ok := thatSaidOpener(ts, s); ok {
		return m, true
	}
	if s+2 >= len(ts) || ts[s].kind() != tWord || !ts[s].cap() || ts[s].lower() != "das" && ts[s].lower() != "dies" {
		return match{}, false
	}
	end := sentenceEndFrom(ts, s)
	if c := ts[s+1]; c.kind() == tWord && (c.lower() == "ist" || c.lower() == "war") {
		// "Das ist die zentrale Aussage einer Studie": the speech noun is the mention.
		if a, b, kind := germanNP(ts, s+2, end); kind == npDesc && headNoun(ts, a, b, speechNounsDe) {
			return match{a: a, b: b, kind: kind, cue: s + 1, rule: ruleAfterVerbName}, true
		}
		return match{}, false
	}
	if !demonstrativeObject(ts, s) {
		return match{}, false
	}
	a, b, kind, v := germanSubject(ts, s, end)
	if kind == npNone || v != s+1 || b > end {
		return match{}, false
	}
	if !isVerb(ts[v]) && !(end-1 > b && isStrongVerb(ts[end-1])) { // "Dies sagte …", "Das musste … einräumen."
		return match{}, false
	}
	return match{a: a, b: b, kind: kind, cue: v, rule: ruleAfterVerbName}, true
}

// thatSaidOpener reads the sentence at s after a German quotation that is a sentence of its own,
// when it opens with "Mit diesen Worten" or "Mit den Worten" (wordsCue) and any finite verb
// ("„…“ Mit diesen Worten trat Becker zurück."), or with "So" and a speech verb ("„…“ So äußerte
// sich Becker."): the subject after the verb said the quotation.
func thatSaidOpener(ts []tok, s int) (match, bool) {
	if s+2 >= len(ts) || ts[s].kind() != tWord || !ts[s].cap() {
		return match{}, false
	}
	end := sentenceEndFrom(ts, s)
	v := -1
	switch {
	case ts[s].lower() == "mit" && wordsCue(ts, s, end) == s+3 && ts[s+1].lower() != "folgenden": // "Mit folgenden Worten" points ahead
		v = s + 3
	case ts[s].lower() == "so" && isStrongVerb(ts[s+1]):
		v = s + 1
	default:
		return match{}, false
	}
	if v >= end || ts[v].kind() != tWord || ts[v].cap() || ts[v].is(lxDeterminer) || ts[v].is(lxPreposition) || ts[v].is(lxPronoun) {
		return match{}, false
	}
	j := afterVerb(ts, v+1, end)
	if j < end && ts[j].kind() == tWord && !ts[j].cap() && personalPronounsDe[ts[j].lower()] {
		return match{a: j, b: j + 1, kind: npPronoun, cue: v, rule: ruleAfterVerbName}, true
	}
	if a, b, kind := germanNP(ts, j, end); kind == npName || kind == npDesc {
		return match{a: a, b: b, kind: kind, cue: v, rule: ruleAfterVerbName}, true
	}
	return match{}, false
}

// headNoun reports whether a capitalised word of mention [a, b) is in nouns: "die zentrale
// Aussage einer Studie".
func headNoun(ts []tok, a, b int, nouns map[string]bool) bool {
	for i := a; i < b; i++ {
		if ts[i].kind() == tWord && ts[i].cap() && nouns[ts[i].lower()] {
			return true
		}
	}
	return false
}

// sourceCompoundHeads end the German compounds that name a source after "nach" with the source
// before the noun: "nach Polizeiangaben", "nach Medienberichten", "nach Zeugenaussagen", "nach
// Regierungsinformationen". Each is a source noun alone too (sourceNouns).
var sourceCompoundHeads = [...]string{"angaben", "berichten", "aussagen", "informationen", "schätzungen", "recherchen"}

// sourceNouns name a source after "nach": "nach Angaben der Polizei", "Nach Schäubles Idee"; the
// nouns of wordNounsDe marked nounSource and the heads of sourceCompoundHeads.
var sourceNouns = func() map[string]bool {
	m := wordNounsWith(nounSource)
	for _, h := range sourceCompoundHeads {
		m[h] = true
	}
	return m
}()

// provisionNounsDe are the German nouns of a provision of a law or a treaty, whose words "nach"
// before them and its number quotes, with or without an article: "Nach Artikel 65 des
// Grundgesetzes bestimmt der Kanzler „…“", "nach dem Paragrafen 5 ist „…“". Without the number,
// "nach dem Artikel" may be a newspaper's, or say when.
var provisionNounsDe = setOf("artikel", "paragraph", "paragraphen", "paragraf", "paragrafen")

// provisionCited reports whether the German word at k is a noun of a provision (provisionNounsDe)
// that "nach", perhaps with "dem" or "den", stands before and its number after ("Nach Artikel 65",
// "nach dem Paragrafen 5"), and returns where "nach" stands: the cue runs from there to the noun.
func provisionCited(ts []tok, k, lo, end int) (int, bool) {
	if !provisionNounsDe[ts[k].lower()] || !ts[k].cap() || k+1 >= end || !startsWithDigit(ts[k+1].lower()) {
		return 0, false
	}
	n := k - 1
	if n > lo && (ts[n].lower() == "dem" || ts[n].lower() == "den") {
		n-- // "Nach dem Artikel 65"
	}
	return n, n >= lo && ts[n].lower() == "nach"
}

// startsWithDigit reports whether w opens with an ASCII digit: "65", "5a".
func startsWithDigit(w string) bool { return w != "" && w[0] >= '0' && w[0] <= '9' }

// sourceCompoundDe reports whether the lower-case German word w is a compound that ends with one
// of sourceCompoundHeads after three bytes or more (a letter past ASCII counts two).
func sourceCompoundDe(w string) bool {
	for _, h := range sourceCompoundHeads {
		if len(w) >= len(h)+3 && strings.HasSuffix(w, h) {
			return true
		}
	}
	return false
}

// maxAdjectivesNach is the most adjectives read between "nach" (or its determiner) and a source
// noun: "nach ersten inoffiziellen Angaben".
const maxAdjectivesNach = 2

// adjectiveBeforeNounDe reports whether t reads as a German adjective before a noun, inflected and
// in lower case ("ersten", "offiziellen", "palästinensischen"): no determiner, verb, preposition
// or other function word.
func adjectiveBeforeNounDe(t tok) bool {
	if t.kind() != tWord || t.cap() || t.is(lxDeterminer) || t.is(lxCapStop) || t.is(lxPreposition) || isVerb(t) {
		return false
	}
	w := t.lower()
	return strings.HasSuffix(w, "en") || strings.HasSuffix(w, "er") || strings.HasSuffix(w, "em") || strings.HasSuffix(w, "es")
}

// genitivePossessivesDe open a genitive after a noun as "des" and "der" do: "Angaben seines
// Sprechers", "nach Aussagen ihres Anwalts".
var genitivePossessivesDe = setOf("seines", "seiner", "ihres", "ihrer", "unseres", "unserer", "dessen", "deren")

// genitiveAfterNounDe returns the end of a genitive that germanPhrase does not read, at k right
// after a source noun, before end: a possessive and its noun ("seines Sprechers") or adjectives in
// "-er" and a plural noun with no article ("informierter Kreise"); k when none stands there.
func genitiveAfterNounDe(ts []tok, k, end int) int {
	j := k
	if j < end && ts[j].kind() == tWord && genitivePossessivesDe[ts[j].lower()] {
		j++
	}
	a := j
	for j < end && j-a < maxAdjectivesNach && ts[j].kind() == tWord && !ts[j].cap() && strings.HasSuffix(ts[j].lower(), "er") && adjectiveBeforeNounDe(ts[j]) {
		j++
	}
	if j == k || j >= end || ts[j].kind() != tWord || !ts[j].cap() || ts[j].is(lxCapStop) || isVerb(ts[j]) {
		return k
	}
	return nameRunEnd(ts, j, end)
}

// saidNounDe reports whether the lower-case German word w is a noun of what someone said, one that
// names a source (sourceNouns) or one whose source follows it (speechNounsDe, quotedNounsDe):
// "Angaben", "Aussagen", "Bericht", "Zitat". What was said does not speak.
func saidNounDe(w string) bool { return sourceNouns[w] || speechNounsDe[w] || quotedNounsDe[w] }

// germanSource reads a German source phrase whose cue is token k, in tokens [lo, end): "laut X",
// "X zufolge", "nach Angaben der Polizei" (and the other sourceNouns). It returns the mention
// and the cue's text.
func germanSource(ps *paraState, k, lo, end int) (a, b int, kind npKind, cue string, ok bool) {
	ts := ps.toks
	switch ts[k].lower() {
	case "laut":
		if k+1 < end && ts[k+1].kind() == tQuote && ps.titleLike(ts[k+1].q()) {
			return k + 1, k + 2, npDesc, "laut", true // "Laut „Reuters“": a name in marks
		}
		if a, b, kind = germanNP(ts, k+1, end); kind != npNone {
			return a, b, kind, "laut", true // "laut der HIS-Studie", not "… der HIS-Studie nur jeder zweite Gebührenzahler"
		}
		if a, b, kind = npForward(ts, k+1, end, true); kind != npNone {
			return a, b, kind, "laut", true
		}
	case "für":
		// "Für den Theologen Hans Küng sei der Rücktritt „verständlich“": a person's view, when
		// "Für" and a person open the sentence and a copula (or "steht fest") follows them.
		if k == lo && ts[k].cap() {
			if a, b, kind, e := germanPhrase(ts, k+1, end); kind != npNone && kind != npPronoun && (kind == npName || holdsRole(ts, k+1, e)) &&
				e < end && (copulasDe[ts[e].lower()] || standsFirm(ts, e, end)) {
				return a, b, kind, "für", true
			}
			break
		}
		// "…, war für die Lehrerverbände „Wortbruch“": after its copula, "für" and the phrase
		// whose view it is stand right before the quotation.
		if a, b, kind, ok := viewAfterCopula(ps, k, lo, end); ok {
			return a, b, kind, "für", true
		}
	case "zufolge":
		if j := k - 1; j >= lo && datives3De[ts[j].lower()] {
			return j, k, npPronoun, "zufolge", true // "Ihm zufolge": the person it stands for
		}
		// "dem Bericht zufolge": the phrase from its determiner, else a name.
		for j := k - 1; j >= lo && k-j <= 6 && ts[j].kind() == tWord; j-- {
			if ts[j].is(lxDeterminer) {
				if a, b, kind = germanNP(ts, j, k); kind != npNone && b == k {
					return a, b, kind, "zufolge", true
				}
				break
			}
		}
		if a, b, kind = npBackward(ts, k-1, lo, false); kind == npName || kind == npPronoun {
			return a, b, kind, "zufolge", true
		}
	default:
		// "nach Angaben der Polizei", "nach Aussagen eines Gutachters", "nach Meinung des
		// Politikers": the source is the phrase from its noun on.
		if n, ok := provisionCited(ts, k, lo, end); ok {
			return k, k + 1, npDesc, ps.text(n, k+1), true
		}
		if !sourceNouns[ts[k].lower()] {
			if k-1 >= lo && ts[k-1].lower() == "nach" && ts[k].cap() && sourceCompoundDe(ts[k].lower()) {
				// "nach Polizeiangaben", "nach Medienberichten": the compound names its source
				// itself, as after "laut".
				return k, k + 1, npDesc, ps.text(k-1, k+1), true
			}
			break
		}
		n := k - 1
		for n > lo && k-n <= maxAdjectivesNach && adjectiveBeforeNounDe(ts[n]) {
			n-- // "nach ersten Angaben", "nach einer ersten Analyse"
		}
		adj := n < k-1
		det := n > lo && ts[n].is(lxDeterminer)
		if det {
			n-- // "nach den Worten der Sprecherin"
		}
		if n >= lo && ts[n].lower() == "nach" {
			if _, _, kind, e := germanPhrase(ts, k, end); kind != npNone && e > k+1 {
				return k, e, npDesc, ps.text(n, k+1), true
			}
			if e := genitiveAfterNounDe(ts, k+1, end); e > k+1 {
				return k, e, npDesc, ps.text(n, k+1), true // "nach Angaben seines Sprechers", "nach Angaben informierter Kreise"
			}
			if adj && !det && ts[k-1].lower() == "eigenen" {
				// "Die Feuerwehr hat nach eigenen Angaben …": "eigen" refers back to the
				// clause's subject, who is the source; with none found, no source.
				if a, b, kind, ok := ownSourceSubjectDe(ts, lo, n, k+1, end); ok {
					return a, b, kind, ps.text(n, k+1), true
				}
				break
			}
			if adj && !det {
				// "nach ersten Angaben", "nach offiziellen Angaben": no one is named, and the
				// phrase is the source the reader is shown.
				return n + 1, k + 1, npDesc, ps.text(n, k+1), true
			}
		}
		if g := k - 1; g-1 >= lo && ts[g-1].lower() == "nach" && ts[g].kind() == tWord && ts[g].cap() && !ts[g].is(lxCapStop) &&
			strings.HasSuffix(ts[g].lower(), "s") {
			return g, k + 1, npDesc, ps.text(g-1, k+1), true // "Nach Schäubles Idee": a genitive name before the noun
		}
		// "Seiner Ansicht nach", "Nach Meinung von Experten": the possessive or the phrase
		// after "von" names the source.
		if k+1 < end && ts[k+1].lower() == "nach" && k > lo && possessivesDe[ts[k-1].lower()] && (k-1 == lo || clauseOpens(ts[k-2]) || middleFieldWord(ts[k-2])) {
			if personPossessivesDe[ts[k-1].lower()] {
				return k - 1, k, npPronoun, ps.text(k-1, k+2), true // "seiner": the person it stands for
			}
			return k - 1, k + 1, npDesc, ps.text(k-1, k+2), true
		}
	}
	return 0, 0, npNone, "", false
}

// viewAfterCopula reads "für" at k after a copula of its clause as whose view the quotation
// right after its phrase is: "Der Plan war für die Lehrerverbände „ein Wortbruch“". The phrase is
// a name or a determiner's description, and it ends at end, where the quotation opens.
func viewAfterCopula(ps *paraState, k, lo, end int) (a, b int, kind npKind, ok bool) {
	ts := ps.toks
	if k-1 < lo || ts[k].cap() || !copulasDe[ts[k-1].lower()] {
		return 0, 0, npNone, false
	}
	a, b, kind, e := germanPhrase(ts, k+1, end)
	if e < end && ts[e].kind() == tWord && !ts[e].cap() && ts[e].is(lxPreposition) {
		if h, j := prepPhraseWords(ts, e, end); j > h {
			e = j // "für die Lehrerverbände in Niedersachsen"
		}
	}
	if (kind != npName && kind != npDesc) || e != end || end >= len(ts) || ts[end].kind() != tQuote {
		return 0, 0, npNone, false
	}
	return a, b, kind, true
}

// maxViewPhrase bounds the words of the phrase after "für" that viewTermDe walks back over.
const maxViewPhrase = 8

// viewTermDe reports whether German quotation token qi, a term that reads as a name, stands right
// after a copula, "für" and a phrase (viewAfterCopula): "… war für die Lehrerverbände „Wortbruch
// und Vertrauensmissbrauch“" is the word of those the view is, as a term after a naming verb is.
func viewTermDe(ps *paraState, qi int) bool {
	ts := ps.toks
	lo := sentenceStart(ps, qi)
	for k := qi - 1; k > lo && qi-k <= maxViewPhrase+1 && ts[k].kind() == tWord; k-- {
		if ts[k].lower() == "für" {
			_, _, _, ok := viewAfterCopula(ps, k, lo, qi)
			return ok
		}
	}
	return false
}

// wonachSubject reads "wonach" at k and the person right after it (an office, or a name that
// opens with a given name), the subject of the clause
// that gives what that person said or holds: "Die Zeitung zitiert einen Bericht, wonach
// Ministerpräsident Evo Morales den Industrieländern die Schuld zuweist, deren „…“". The walk
// back from the quotation stops there, before the speech verb of the clause that cites it; a
// clause after "wonach" with no person as its subject ("wonach es …") names nobody.
func wonachSubject(ts []tok, k, end int) (a, b int, kind npKind, ok bool) {
	if ts[k].lower() != "wonach" || ts[k].cap() {
		return 0, 0, npNone, false
	}
	a, b, kind, e := germanPhrase(ts, k+1, end)
	if kind != npName && kind != npDesc || !holdsRole(ts, k+1, e) && !(kind == npName && givenNameOf(ts[a]) != genderUnknown) {
		return 0, 0, npNone, false
	}
	return a, b, kind, true
}

// standsFirm reports whether tokens e and e+1 are "steht fest" (or "stand fest"), which says what
// the person after "Für" is sure of, as a copula and "klar" do: "Für Becker steht fest: „…“".
func standsFirm(ts []tok, e, end int) bool {
	return e+1 < end && (ts[e].lower() == "steht" || ts[e].lower() == "stand") && ts[e+1].lower() == "fest"
}

// inscription reports whether German quotation token qi follows "mit der Aufschrift" or "mit der
// Parole" (inscriptionNounsDe, sloganNounsDe) and holds two words or more: capitalised words
// there are the words written or called out, which inscribedOn links to whoever carries them. A
// single word is a name ("Ein Bus mit der Aufschrift „Berlin“").
func inscription(ps *paraState, qi int) bool {
	ts := ps.toks
	if qi < 3 || ts[qi-3].kind() != tWord || ts[qi-3].lower() != "mit" || ts[qi-1].kind() != tWord {
		return false
	}
	n := ts[qi-1].lower()
	sp := ps.spans[ts[qi].q()]
	return (inscriptionNounsDe[n] || sloganNounsDe[n]) && countWords(ps.rs[sp.start:sp.end]) >= 2
}

// middleFieldWord reports whether t is a lower-case word after which "seiner Meinung nach" stands
// in the middle field of its clause, as after the clause's opening: a verb, a pronoun or an adverb,
// no preposition or determiner whose object the possessive would open ("dass der Plan seiner
// Meinung nach „…“ sei", "sei ihrer Ansicht nach „…“").
func middleFieldWord(t tok) bool {
	return t.kind() == tWord && !t.cap() && !t.is(lxPreposition) && !t.is(lxDeterminer)
}

// datives3De are the German personal pronouns of one person in the dative, which resolve as "er"
// and "sie" do: "Ihm zufolge ist die Lage „…“", "ihr zufolge".
var datives3De = setOf("ihm", "ihr")

// personPossessiveWordsDe are the German possessives of one person in the dative, which resolve
// as "er" and "sie" do: "seiner Meinung nach"; personPossessivesDe is their set.
var (
	personPossessiveWordsDe = []string{"seiner", "ihrer"}
	personPossessivesDe     = setOf(personPossessiveWordsDe...)
)

// ownSourceSubjectDe returns the subject that "nach eigenen Angaben", tokens [n, e), refers back
// to in the German sentence of tokens [lo, end): "eigen" is reflexive, so the source is the
// clause's subject, before the phrase ("Die Feuerwehr hat nach eigenen Angaben …", "Dort hat die
// Feuerwehr nach eigenen Angaben …") or after the finite verb that follows it ("Nach eigenen
// Angaben hat die Feuerwehr …"). It reports false when germanSubject reads no subject outside
// the phrase.
func ownSourceSubjectDe(ts []tok, lo, n, e, end int) (a, b int, kind npKind, ok bool) {
	a, b, kind, v := germanSubject(ts, lo, end)
	if kind == npNone || v < 0 || a < lo || b > n && a < e {
		return 0, 0, npNone, false
	}
	return a, b, kind, true
}
