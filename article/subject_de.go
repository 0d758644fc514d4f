package article

import (
	"strings"
	"unicode/utf8"
)

// This file finds the subject of a German sentence: the phrase that opens it, or, when something
// else opens it (an adverb, a span of time, a fronted object), the phrase after the finite verb.

// germanNamedSubject returns the name that is the subject of the German sentence that starts at
// token lo when the sentence does not open with it: the name after a description that opens the
// sentence ("Der stellvertretende Fraktionsvorsitzende Michael Müller bezweifelte …"), the name
// after the finite verb ("Unterdessen verteidigte Sebastian Edathy den Entwurf"), or the name in
// apposition to a description ("Unterdessen verteidigte der Vorsitzende des Ausschusses,
// Sebastian Edathy (SPD), den Entwurf"). A pronoun in a later sentence ("Er sagte …") refers to it.
func germanNamedSubject(ts []tok, lo int) (a, b int, ok bool) {
	end := sentenceEndFrom(ts, lo)
	a, b, kind, v := germanSubject(ts, lo, end)
	if v < 0 || a <= lo {
		return 0, 0, false // no subject, or a name that opens the sentence (registerPara reads it)
	}
	if a < v {
		return a, b, kind == npName // a name after a description that opens the sentence
	}
	switch kind {
	case npName:
		return a, b, true
	case npDesc:
		if b+1 < end && ts[b].isPunct(",") && ts[b+1].kind() == tWord && ts[b+1].cap() && !ts[b+1].is(lxCapStop) {
			if j := nameRunEnd(ts, b+1, end); j > b+2 && j < end && (ts[j].isPunct(",") || ts[j].isPunct("(")) {
				return b + 1, j, true
			}
		}
	}
	return 0, 0, false
}

// sentenceEndFrom returns the index of the first sentence end or quotation mark at or after lo, or
// of the token maxSentence tokens on, or len(ts), whichever comes first.
func sentenceEndFrom(ts []tok, lo int) int {
	end := lo
	for end < len(ts) && end-lo < maxSentence && !ts[end].isSentenceEnd() && ts[end].kind() != tQuote {
		end++
	}
	return end
}

// opensWithSubject reports whether the German sentence that starts at token lo opens with its
// subject: a determiner, a pronoun, a name, or a number with its noun before a lower-case word
// ("37 Prozent sind der Auffassung"). When it opens with anything else (an adverb, a prepositional
// phrase, a date: "Seit August 2013 vertritt er"), the verb comes second and the subject after it.
func opensWithSubject(ts []tok, lo int) bool {
	if f := focusSkip(ts, lo); f > lo {
		return opensWithSubject(ts, f)
	}
	t := ts[lo]
	if t.kind() != tWord || spanOfTime(ts, lo) {
		return false
	}
	if quantityPronounsDe[t.lower()] && lo+1 < len(ts) && ts[lo+1].kind() == tWord && !ts[lo+1].cap() && !ts[lo+1].is(lxDeterminer) &&
		!ts[lo+1].is(lxPreposition) {
		return true // "Einige vertreten die Auffassung, …": the pronoun is the subject, the phrase after the verb its object
	}
	if isNumber(t) {
		return lo+2 < len(ts) && ts[lo+1].kind() == tWord && ts[lo+1].cap() && !ts[lo+1].is(lxCapStop) && !ts[lo+2].cap()
	}
	if demonstrativeObject(ts, lo) {
		return false
	}
	if t.is(lxDeterminer) && t.lower() != "an" || t.is(lxPronoun) || t.lower() == "es" { // "An die Adresse …" opens with a preposition
		return true // "Es weist den Vorwurf zurück": "es" is the subject, not the object after the verb
	}
	return t.cap() && !t.is(lxCapStop) && !pronominalAdverbsDe[t.lower()] && !(lo+1 < len(ts) && (isVerb(ts[lo+1]) || ts[lo+1].is(lxPreposition) && !ts[lo+1].cap()) && adverbShaped(t.lower())) &&
		!adverbialAdjective(ts, lo)
}

// insertedAfterAdverb returns the comma that closes a phrase set off by commas after an adverbial
// adjective that opens the German sentence at lo (adverbialAdjective), when a lower-case word, the
// finite verb, follows it: "Höhnisch, wohl auf das Presseecho reagierend, veröffentlichte". Or lo.
func insertedAfterAdverb(ts []tok, lo, end int) int {
	if !adverbialAdjective(ts, lo) || !ts[lo+1].isPunct(",") {
		return lo
	}
	for c := lo + 2; c+1 < end && c-lo <= maxGermanNP; c++ {
		t := ts[c]
		if t.kind() == tQuote || t.isSentenceEnd() {
			return lo
		}
		if t.isPunct(",") {
			if n := ts[c+1]; n.kind() == tWord && !n.cap() && !n.is(lxDeterminer) && !n.is(lxPreposition) && !n.is(lxConjunction) {
				return c
			}
			return lo
		}
	}
	return lo
}

// minAdverbialAdjective bounds the letters of an adjective in "-isch" that opens a sentence as
// its adverb: shorter words in "-isch" are as often surnames ("Kisch").
const minAdverbialAdjective = 7

// adverbialAdjective reports whether the German sentence at lo opens with a capitalised adjective
// in "-isch" used as an adverb, before a lower-case word or a comma: "Höhnisch, wohl auf das
// Presseecho reagierend, veröffentlichte der Verfasser …", "Skeptisch zeigte sich der Senator".
// It is no subject; the subject follows the verb.
func adverbialAdjective(ts []tok, lo int) bool {
	w := ts[lo].lower()
	if lo+1 >= len(ts) || !strings.HasSuffix(w, "isch") || utf8.RuneCountInString(w) < minAdverbialAdjective {
		return false
	}
	n := ts[lo+1]
	return n.isPunct(",") || n.kind() == tWord && !n.cap() && !n.is(lxDeterminer)
}

// quantitiesDe and timeNounsDe make a span of time that may open a German sentence before its
// verb: "Zwei Tage später sagte der Minister", "Wenige Stunden nach dem Putsch erklärte …".
var (
	quantitiesDe = setOf("wenige", "einige", "mehrere", "viele", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht",
		"neun", "zehn", "zwölf", "zwanzig", "hundert")
	timeNounsDe = setOf("sekunden", "minuten", "stunden", "tage", "wochen", "monate", "jahre", "jahrzehnte")
)

// quantityPronounsDe stand alone as a German subject before the verb: "Einige vertreten die Auffassung".
var quantityPronounsDe = setOf("einige", "viele", "manche", "andere", "alle", "beide", "mehrere")

// spanOfTime reports whether the German sentence that starts at token lo opens with a number or a
// quantity and a noun of time ("Zwei Tage später", "Wenige Stunden nach dem Putsch"): no subject,
// which follows the verb.
func spanOfTime(ts []tok, lo int) bool {
	return lo+1 < len(ts) && ts[lo].kind() == tWord && (isNumber(ts[lo]) || quantitiesDe[ts[lo].lower()]) &&
		ts[lo+1].kind() == tWord && timeNounsDe[ts[lo+1].lower()]
}

// demonstrativeObject reports whether the German sentence that starts at token lo opens with a
// demonstrative that stands alone before a speech verb or an auxiliary, the object of what was said
// ("Das musste der Minister einräumen", "Dies bestätigte die Polizei"): the verb is second and the
// subject follows it.
func demonstrativeObject(ts []tok, lo int) bool {
	if lo+1 >= len(ts) || ts[lo].kind() != tWord || !ts[lo].cap() {
		return false
	}
	switch ts[lo].lower() {
	case "das", "dies", "dieses":
	default:
		return false
	}
	v := ts[lo+1]
	return v.kind() == tWord && !v.cap() && (isVerb(v) || auxiliariesDe[v.lower()])
}

// adverbShaped reports whether the German word w has the ending of an adverb or an adverbial
// participle, which may open a sentence in the subject's stead before a verb or a preposition:
// "Relativierend fügt Gall hinzu", "Unmissverständlich sagt das Gericht", "Passend zu den
// Gefahren warnte die Moderatorin".
func adverbShaped(w string) bool {
	for _, s := range [...]string{"end", "lich", "weise", "ig"} {
		if strings.HasSuffix(w, s) {
			return true
		}
	}
	return false
}

// fronted reports whether the German sentence that starts at token lo opens with a phrase that
// may be an object ("Die Arbeit der Koalition lobte er", "Das Angebot lehnt er ab") rather than its
// subject: a determiner other than a nominative "Der" or "Ein", or a "Der" whose adjective has a
// dative's or genitive's ending.
func fronted(ts []tok, lo int) bool {
	switch ts[lo].lower() {
	case "die", "das", "den", "dem", "diese", "dieses", "diesen", "eine", "einen", "einem",
		"deren", "dessen", "seine", "seinen", "seinem", "ihre", "ihren", "ihrem":
		return true // "Deren Haltung bezeichnete er als „…“"
	case "der":
		// "Der englischsprachigen Zeitung sagte Karma": after "der", an adjective ends in "-e" in
		// the nominative ("der neue Sprecher") and in "-en" in the dative or genitive.
		a := lo + 1
		return a < len(ts) && ts[a].kind() == tWord && !ts[a].cap() && strings.HasSuffix(ts[a].lower(), "en") && !isVerb(ts[a])
	}
	return false
}

// postverbalSubject reads a subject that stands right after the German verb at v, past adverbs
// and "sich", when it can only be one: "er", "ich", "wir", or a phrase with "der" or a name that
// holds an office ("stellte der SPD-Vorsitzende Franz Müntefering in Frage").
func postverbalSubject(ts []tok, v, limit int) (a, b int, kind npKind) {
	j := afterVerb(ts, v+1, limit)
	if j >= limit || ts[j].kind() != tWord {
		return 0, 0, npNone
	}
	switch w := ts[j].lower(); {
	case w == "er" || w == "ich" || w == "wir":
		return j, j + 1, npPronoun
	case w == "der" && !obliqueDer(ts, j, limit) || ts[j].cap() && !ts[j].is(lxCapStop):
		if a, b, kind = germanNP(ts, j, limit); kind != npNone && holdsRole(ts, j, b) {
			return a, b, kind
		}
	}
	return 0, 0, npNone
}

// frontedSubject reads the subject after the German verb at v of a sentence that opens at lo with
// a phrase that may be its object (fronted): postverbalSubject's, or a name right after the verb
// when the phrase that opens the sentence is headed by an abstract noun, which says nothing ("Die
// Äußerungen Hassemers bezeichnete Wiefelspütz als „…“", "Die Forderung begründete Müller
// damit, …"). After a person ("Die Kanzlerin lobte Müller") the name is the object.
func frontedSubject(ts []tok, lo, v, limit int) (a, b int, kind npKind) {
	if a, b, kind = postverbalSubject(ts, v, limit); kind != npNone {
		return a, b, kind
	}
	h := lo + 1
	for h < v && ts[h].kind() == tWord && !ts[h].cap() {
		h++ // adjectives: "Die jüngsten Äußerungen"
	}
	if h >= v || ts[h].kind() != tWord || !commonSuffixDe(ts[h].lower()) {
		return 0, 0, npNone
	}
	j := afterVerb(ts, v+1, limit)
	if j >= limit || ts[j].kind() != tWord || !ts[j].cap() || ts[j].is(lxCapStop) {
		return 0, 0, npNone
	}
	if a, b, kind = germanNP(ts, j, limit); kind == npName {
		return a, b, kind
	}
	return 0, 0, npNone
}

// pronounAfterSpeechNoun reads the subject of a German sentence that opens with a bare noun of
// what someone said and the clause with "dass" that gives its content ("Aussagen, dass die Stadt
// sparen werde, schenkt er keinen Glauben"): a personal pronoun right after the finite verb
// at v is the subject, and the noun its object. What was said does not speak.
func pronounAfterSpeechNoun(ts []tok, a, b, v, limit int) (int, int, npKind) {
	if b-a != 1 || b+1 >= v || !ts[b].isPunct(",") || ts[b+1].lower() != "dass" {
		return 0, 0, npNone
	}
	if w := ts[a].lower(); !ts[a].cap() || !saidNounDe(w) {
		return 0, 0, npNone
	}
	j := afterVerb(ts, v+1, limit)
	if j >= limit || ts[j].kind() != tWord || ts[j].cap() || !personalPronounsDe[ts[j].lower()] {
		return 0, 0, npNone
	}
	return j, j + 1, npPronoun
}

// subjectAfterObject reads the subject after the German verb at v of a sentence that opens at lo with
// an object that cannot be a subject ("Den Unmut der CDU brachte die Sprecherin Annette
// Widmann-Mauz zum Ausdruck"): there a phrase with "die", "das" or "eine" that holds an office is
// the subject, which postverbalSubject leaves open elsewhere ("Die Pläne lobte die Presse").
func subjectAfterObject(ts []tok, lo, v, limit int) (a, b int, kind npKind) {
	switch ts[lo].lower() {
	case "den", "dem", "einen", "einem", "diesen", "diesem":
	default:
		return 0, 0, npNone
	}
	j := afterVerb(ts, v+1, limit)
	if j >= limit || ts[j].kind() != tWord {
		return 0, 0, npNone
	}
	switch ts[j].lower() {
	case "die", "das", "eine":
		if a, b, kind = germanNP(ts, j, limit); kind != npNone && holdsRole(ts, j, b) {
			return a, b, kind
		}
	}
	return 0, 0, npNone
}

// objectFrontedSubject reads the subject after the German verb at v of a sentence that opens with a
// phrase in the accusative or the dative (objectCase), past adverbs: a name ("Den Vorschlag nannte
// Becker „…“"), "sie" ("Dem Plan erteilte sie eine Absage") or a phrase with a nominative's
// article ("Den Vorschlag nannte ein Anwohner „…“", "die Ministerin"; not a "der" of the dative
// or the genitive), which the fronted object leaves in the nominative. Anything else gives
// npNone: the object speaks in no case.
func objectFrontedSubject(ts []tok, v, limit int) (a, b int, kind npKind) {
	j := afterVerb(ts, v+1, limit)
	if j >= limit || ts[j].kind() != tWord {
		return 0, 0, npNone
	}
	switch w := ts[j].lower(); {
	case w == "sie" && !ts[j].cap():
		return j, j + 1, npPronoun
	case w == "der" && !obliqueDer(ts, j, limit) || w == "die" || w == "das" || w == "ein" || w == "eine":
		if a, b, kind = germanNP(ts, j, limit); kind == npName || kind == npDesc {
			return a, b, kind
		}
	case ts[j].cap() && !ts[j].is(lxCapStop):
		if a, b, kind = germanNP(ts, j, limit); kind == npName {
			return a, b, kind
		}
	}
	return 0, 0, npNone
}

// subjectAfterVerb reads the subject of a German speech verb at k that stands after it, in a
// sentence that does not open with its subject: `Dazu gab das Ministerium bekannt: „`, `sagte
// er gegenüber der Zeitung: „`. Between the subject and the colon or comma at end-1 stand only a
// few words, none a speech verb.
func subjectAfterVerb(ts []tok, k, lo, end int) (a, b int, kind npKind) {
	if k == lo || !ts[end-1].isPunct(":") && !ts[end-1].isPunct(",") {
		return 0, 0, npNone
	}
	if opensWithSubject(ts, lo) {
		if !fronted(ts, lo) {
			return 0, 0, npNone
		}
		if a, b, kind = frontedSubject(ts, lo, k, end-1); kind == npNone {
			return 0, 0, npNone
		}
		return a, b, kind
	}
	if objectAfter(ts, k, end) {
		// "… und bat den Papst um …: „…“": a phrase in the accusative or the dative is the
		// verb's object, never its subject.
		return 0, 0, npNone
	}
	j := afterVerb(ts, k+1, end)
	a, b, kind = germanNP(ts, j, end-1)
	if kind == npNone || end-1-b > maxMittelfeld {
		return 0, 0, npNone
	}
	for i := b; i < end-1; i++ {
		if ts[i].kind() == tQuote || isVerb(ts[i]) && ts[i].lower() != "so" { // "erklärte die Universität so:"
			return 0, 0, npNone
		}
	}
	return a, b, kind
}

// objectCase are German articles and demonstratives of the accusative or the dative only, that
// never open a subject.
var objectCase = setOf("den", "dem", "einen", "einem", "diesen", "diesem")

// objectAfter reports whether the phrase right after the German verb at k, before end, opens
// with an article of the accusative or the dative, or is a "der" phrase in the dative or the
// genitive (obliqueDer): the verb's object ("bat den Papst um …:", "warf der Regierung vor:").
func objectAfter(ts []tok, k, end int) bool {
	j := afterVerb(ts, k+1, end)
	return j < end && (objectCase[ts[j].lower()] || obliqueDer(ts, j, end))
}

// obliqueNounEndings end German nouns that after "der" are in the dative or the genitive, never
// the nominative: feminine nouns ("der Regierung", "der Ministerin", "der Partei" is left out as
// "-ei" ends masculine nouns too) and plurals or weak forms in "-en" ("der Journalisten", "der
// Vorsitzenden", "der Grünen"); a nominative "der" takes a masculine noun ("der Sprecher", "der
// Vorsitzende").
var obliqueNounEndings = []string{"ung", "heit", "keit", "schaft", "tion", "sion", "ität", "in", "en"}

// obliqueDer reports whether the German phrase at j, "der" with adjectives and a capitalised noun
// before limit, is in the dative or the genitive by its form: an adjective in "-en" ("der neuen
// Regierung") or a head noun, or the last part of a compound, with an ending of obliqueNounEndings
// ("Die Opposition warf der Regierung am Montag vor: „…“": the addressee, not the speaker).
func obliqueDer(ts []tok, j, limit int) bool {
	if j >= limit || ts[j].kind() != tWord || ts[j].lower() != "der" {
		return false
	}
	h := j + 1
	for ; h < limit && ts[h].kind() == tWord && !ts[h].cap(); h++ {
		if ts[h].is(lxPreposition) {
			return false // "der seit Jahren amtierende Sprecher": no simple phrase
		}
		if w := ts[h].lower(); strings.HasSuffix(w, "en") && !isVerb(ts[h]) {
			return true // "der neuen", "der zuständigen"
		}
	}
	if h >= limit || ts[h].kind() != tWord || !ts[h].cap() || ts[h].is(lxCapStop) {
		return false
	}
	w := ts[h].lower()
	if i := strings.LastIndexByte(w, '-'); i >= 0 {
		w = w[i+1:] // "Grünen-Politikerin"
	}
	for _, s := range obliqueNounEndings {
		if strings.HasSuffix(w, s) && utf8.RuneCountInString(w)-utf8.RuneCountInString(s) >= 3 {
			return true
		}
	}
	return false
}

// invertedSubject reads the subject of a German sentence that opens with something else than its
// subject, when it stands right after the finite verb k, a speech verb, and quotation token q
// follows later in the same clause: a name, a pronoun or a description that holds an office, and
// after it no comma, quotation or other speech verb before q ("Bereits während seiner Amtszeit
// warnte Kluncker vor den „…“", "Am Montag sprach die Ministerin von einem „…“"). A quotation
// right after "sich" or after a preposition that opens no object of the verb is a name ("nennt
// sie sich „…“", "sagte Moser vom „…“").
func invertedSubject(ps *paraState, k, lo, q int) (a, b int, kind npKind) {
	ts := ps.toks
	if namingMarks[ts[q-1].lower()] {
		return 0, 0, npNone
	}
	if p := q - 1; (ts[p].is(lxPreposition) || ts[p].is(lxDeterminer) && p > lo && ts[p-1].is(lxPreposition)) && !speechObject(ps, q) {
		return 0, 0, npNone
	}
	a, b, kind, v := germanSubject(ts, lo, q)
	if kind == npNone || v != k || a <= k || kind == npDesc && !holdsRole(ts, a, b) || b >= q {
		return 0, 0, npNone
	}
	for i := b; i < q; i++ {
		if ts[i].kind() == tQuote || ts[i].isPunct(",") || ts[i].isPunct(":") || ts[i].isSentenceEnd() || isVerb(ts[i]) {
			return 0, 0, npNone
		}
	}
	return a, b, kind
}

// subjectBeforeClause reads the subject after a German speech verb at k that introduces a
// reported clause holding the quotation: "Später sagte die Kanzlerin vor der Presse, Benedikt
// „…“", "…, sagte die Königin, ihre „…“". The verb opens a clause after a comma, or stands second in
// a sentence that opens with something else; its subject and a few words end at a comma before
// the quotation.
func subjectBeforeClause(ts []tok, k, lo, end int) (a, b int, kind npKind) {
	if k == lo || !ts[k-1].isPunct(",") && opensWithSubject(ts, lo) {
		return 0, 0, npNone
	}
	if ts[k].is(lxObjectVerb) && ts[k-1].isPunct(",") {
		// "Die Königin, Elisabeth II., bat Premierminister Key, ihre „…“": a verb of request
		// after a comma takes its addressee after it; its subject stands before the comma.
		return 0, 0, npNone
	}
	if opensWithSubject(ts, lo) && !fronted(ts, lo) {
		// "David Gamkrelidse, der Parteivorsitzende, begründete die Forderung damit, dass …": the
		// comma closes an apposition to the subject that opens the sentence, and the phrase after
		// the verb is its object. (A phrase that may be an object opens the sentence too: "Die
		// Mönche, die …, beschrieb die Agentur als „…“".)
		if sa, _, skind, v := germanSubject(ts, lo, end); skind != npNone && v == k && sa < k {
			return 0, 0, npNone
		}
	}
	j := afterVerb(ts, k+1, end)
	a, b, kind = germanNP(ts, j, end)
	if kind == npNone && demonstrativeSubject(ts, j, end) {
		a, b, kind = j, j+1, npPronoun // "…, sagte dieser, dass …"
	}
	if kind == npNone {
		return 0, 0, npNone
	}
	for c := b; c < end-1 && c-b <= maxMittelfeld; c++ {
		t := ts[c]
		if t.kind() == tQuote || isVerb(t) || t.isSentenceEnd() {
			break
		}
		if t.isPunct(",") {
			return a, b, kind
		}
	}
	return 0, 0, npNone
}

// focusParticles may stand before a German subject that opens its sentence: "Auch der Senator
// kritisierte …".
var focusParticles = setOf("auch", "selbst", "sogar", "ebenfalls", "nur", "gerade")

// focusSkip returns the index after a focus particle that opens the German sentence at lo before
// a determiner or a name ("Auch die Ministerin äußerte …", "Selbst Müller sagte …"), or lo.
func focusSkip(ts []tok, lo int) int {
	if lo+2 >= len(ts) || ts[lo].kind() != tWord || !ts[lo].cap() || !focusParticles[ts[lo].lower()] {
		return lo
	}
	n := ts[lo+1]
	if n.kind() == tWord && (n.is(lxDeterminer) && !n.cap() && n.lower() != "an" || n.cap() && !n.is(lxCapStop)) {
		return lo + 1
	}
	return lo
}

// germanSubject returns the subject of the German sentence in tokens [lo, end) and its finite
// verb: the phrase that opens it when it opens with its subject ("Der Sportler gab bekannt"), or
// else the phrase right after the finite verb ("Dazu gab das Ministerium bekannt", "Gegenüber
// der Zeitung äußerte er sich").
func germanSubject(ts []tok, lo, end int) (a, b int, kind npKind, verb int) {
	if lo >= end {
		return 0, 0, npNone, -1
	}
	lo = focusSkip(ts, lo)
	if c := subordinateEnd(ts, lo, end); c > lo {
		// "Als ein Fluggast zu Hilfe eilte, biss der Randalierer den Fluggast": a sentence that
		// opens with a subordinate clause puts its finite verb right after the clause's comma,
		// and its subject after the verb.
		a, b, kind = germanNP(ts, afterVerb(ts, c+2, end), end)
		if kind == npNone {
			return 0, 0, npNone, -1
		}
		return a, b, kind, c + 1
	}
	if c := insertedAfterAdverb(ts, lo, end); c > lo {
		// "Höhnisch, wohl auf das Presseecho reagierend, veröffentlichte der Verfasser": the
		// verb right after the inserted phrase's comma, the subject after it.
		a, b, kind = germanNP(ts, afterVerb(ts, c+2, end), end)
		if kind == npNone {
			return 0, 0, npNone, -1
		}
		return a, b, kind, c + 1
	}
	if opensWithSubject(ts, lo) {
		a, b, kind = germanNP(ts, lo, end)
		if kind == npNone {
			return 0, 0, npNone, -1
		}
		if kind == npDesc && b+1 < end && ts[b].kind() == tQuote && ts[b-1].cap() && ts[b+1].kind() == tWord && !ts[b+1].cap() {
			b++ // "Die Wochenzeitschrift „Jungle World“ hatte kritisiert": the noun's name in marks, then the verb
		}
		v := b
		if c := insertEnd(ts, v, end); c > v {
			v = c // "Der Ermittler, der als wichtiger Zeuge gilt, will": a relative clause or an appositive
		} else if c := appositionEnd(ts, v, end); c > v {
			v = c // "David Gamkrelidse, der Parteivorsitzende, begründete"
		}
		for v < end && (ts[v].isPunct(",") || ts[v].isPunct("(") || ts[v].isPunct(")") || ts[v].kind() == tWord && ts[v].cap()) && v-b < maxGermanNP {
			v++ // the rest of an appositive
		}
		for v < end && ts[v].kind() == tWord && !ts[v].cap() && germanSentenceAdverbs[ts[v].lower()] && v-b < maxGermanNP {
			v++ // "Die Kanadier hingegen sagen"
		}
		v = placePhraseEnd(ts, v, end)
		if v < end && ts[v].kind() == tWord && !ts[v].cap() && !ts[v].is(lxDeterminer) && !ts[v].is(lxPreposition) && !ts[v].is(lxConjunction) {
			if fronted(ts, lo) {
				if a2, b2, k2 := frontedSubject(ts, lo, v, end); k2 != npNone {
					return a2, b2, k2, v
				}
				if a2, b2, k2 := subjectAfterObject(ts, lo, v, end); k2 != npNone {
					return a2, b2, k2, v
				}
				if objectCase[ts[lo].lower()] {
					// "Den Vorschlag nannte Becker „…“": a phrase in the accusative or the
					// dative is never the subject, which a name or "sie" after the verb is.
					a2, b2, k2 := objectFrontedSubject(ts, v, end)
					return a2, b2, k2, v
				}
			}
			if a2, b2, k2 := pronounAfterSpeechNoun(ts, a, b, v, end); k2 != npNone {
				return a2, b2, k2, v
			}
			return a, b, kind, v
		}
		return 0, 0, npNone, -1
	}
	if demonstrativeObject(ts, lo) {
		a, b, kind = germanNP(ts, afterVerb(ts, lo+2, end), end)
		if kind == npNone {
			return 0, 0, npNone, -1
		}
		return a, b, kind, lo + 1
	}
	// The finite verb: the first lower-case word after a capitalised word, a number or the
	// sentence's first word, that is no determiner, preposition or conjunction.
	skipped := 0
	for i := lo + 1; i < end && i-lo-skipped <= maxGermanNP; i++ {
		if ts[i].isPunct(",") {
			if j := insertEnd(ts, i, end); j > i {
				// "In einem Bericht, der nach dem Angriff erschien, rechtfertigte das Ministerium"
				skipped += j - i
				i = j - 1
				continue
			}
		}
		t, p := ts[i], ts[i-1]
		if t.kind() != tWord || t.cap() || t.is(lxDeterminer) || t.is(lxPreposition) || t.is(lxConjunction) || t.is(lxPronoun) ||
			t.is(lxCapStop) && !isVerb(t) || isNumber(t) {
			continue // a number is no verb: "Seit August 2013 vertritt er"
		}
		if (i-1 != lo || p.is(lxPreposition) || p.is(lxDeterminer)) && p.kind() == tWord && (!p.cap() || i-1 == lo) && !isNumber(p) {
			// an adjective after a determiner, or after a preposition that opens the sentence:
			// "nach dem öffentlichen Verlesen", "Zur aktuellen Lage"
			continue
		}
		a, b, kind = germanNP(ts, afterVerb(ts, i+1, end), end)
		if kind == npNone {
			return 0, 0, npNone, -1
		}
		return a, b, kind, i
	}
	return 0, 0, npNone, -1
}

// appositionEnd returns the index after the comma that closes a German apposition with a
// determiner after the phrase that ends at the comma b: ", der Parteivorsitzende," in "David
// Gamkrelidse, der Parteivorsitzende, begründete …", when a finite verb follows that comma; or b.
func appositionEnd(ts []tok, b, end int) int {
	if b+2 >= end || !ts[b].isPunct(",") || ts[b+1].kind() != tWord || ts[b+1].cap() || !ts[b+1].is(lxDeterminer) {
		return b
	}
	if ts[b+2].kind() == tQuote {
		// ", die „Eiserne Lady“ der Stadt,": a name in marks after the determiner, and a few
		// words of no other quotation or sentence end after it.
		for c := b + 3; c < end && c-b <= maxGermanNP; c++ {
			if t := ts[c]; t.kind() == tQuote || t.isSentenceEnd() {
				return b
			} else if t.isPunct(",") {
				if finiteAfterComma(ts, c+1, end) {
					return c + 1
				}
				return b
			}
		}
		return b
	}
	a, e, kind, _ := germanPhrase(ts, b+1, end)
	if kind != npDesc || a != b+1 || e+1 >= end || !ts[e].isPunct(",") || !finiteAfterComma(ts, e+1, end) {
		return b
	}
	return e + 1
}

// auxiliariesDe are the finite German auxiliaries and modal verbs whose subject a speech verb's
// participle or infinitive at the clause's end takes: "Der Sprecher hatte am Mittwoch erklärt",
// "Zuvor hat die Ministerin gesagt", "Sie will prüfen lassen". The passive's "wurde" and "wird" are
// not among them: its subject is not the speaker.
var auxiliariesDe = setOf("hat", "hatte", "habe", "haben", "hatten", "hätte", "hätten", "will", "wollte", "wollten",
	"muss", "musste", "mussten", "soll", "sollte", "sollten", "kann", "konnte", "konnten", "möchte", "möchten")

// perfectSubject reads the subject of a German speech verb at k that closes a clause in the
// perfect or after a modal verb: the sentence's subject, when its finite verb is an auxiliary
// before k with no comma, quotation or other speech verb between them ("Der Sprecher hatte am
// Mittwoch erklärt, …", "Am Montag hatte Merkel in einer Rede verkündet: „…“").
func perfectSubject(ts []tok, k, lo int) (a, b int, kind npKind) {
	a, b, kind, v := germanSubject(ts, lo, k)
	if kind == npNone || v < 0 || v >= k || !auxiliariesDe[ts[v].lower()] {
		return 0, 0, npNone
	}
	for i := min(b, v) + 1; i < k; i++ {
		if i != v && i >= b && (ts[i].kind() == tQuote || ts[i].isPunct(",") || isVerb(ts[i])) {
			return 0, 0, npNone
		}
	}
	return a, b, kind
}

// demonstrativesDe are the German demonstratives that stand for a person named before, as the
// subject of a clause after a quotation: "„…“, so letztere", "„…“, sagte dieser".
var demonstrativesDe = setOf("dieser", "diese", "letztere", "letzterer", "erstere", "ersterer")

// demonstrativeSubject reports whether token j is a demonstrative (demonstrativesDe) that ends its
// clause, so that it stands alone as the subject: "so letztere." but not "so diese Zeitung".
func demonstrativeSubject(ts []tok, j, n int) bool {
	return j < n && ts[j].kind() == tWord && !ts[j].cap() && demonstrativesDe[ts[j].lower()] &&
		(j+1 == n || ts[j+1].kind() == tPunct)
}
