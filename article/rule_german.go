package article

import (
	"strings"
	"unicode/utf8"
)

// This file holds the German rules of the sieve, which run only on German text (paraState.de):
// German puts the finite verb second, so the subject follows it whenever the sentence opens with
// something else ("Am Montag sagte der Sprecher: „…“", "„…“, so Müller"), and it names sources
// with "laut", "zufolge" and "nach Angaben".

// maxMittelfeld bounds the tokens between a German subject after its verb and the colon or comma
// that introduces the quotation ("sagte der Sprecher am Montag in Berlin:").
const maxMittelfeld = 12

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
	return t.cap() && !t.is(lxCapStop) && !(lo+1 < len(ts) && (isVerb(ts[lo+1]) || ts[lo+1].is(lxPreposition) && !ts[lo+1].cap()) && adverbShaped(t.lower()))
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
	case w == "der" || ts[j].cap() && !ts[j].is(lxCapStop):
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

// sourceNouns name a source after "nach": "nach Angaben der Polizei", "Nach Schäubles Idee".
var sourceNouns = setOf("angaben", "aussagen", "aussage", "worten", "ansicht", "meinung", "auffassung", "einschätzung",
	"darstellung", "darstellungen", "informationen", "berichten", "schätzungen", "erkenntnissen", "ankündigung", "überzeugung",
	"bewertung", "schilderung", "schilderungen", "auskunft", "idee", "vorstellung", "vorstellungen")

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

// copulasDe are the forms of "sein" and "bleiben" that follow "Für X" in a view attributed to X.
var copulasDe = setOf("ist", "sei", "war", "wäre", "sind", "seien", "waren", "wären", "bleibt", "bleibe")

// possessivesDe name a source before a source noun: "Seiner Ansicht nach".
var possessivesDe = setOf("seiner", "ihrer", "deren", "dessen")

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
		// "Für" and a person open the sentence and a copula follows them.
		if k != lo || !ts[k].cap() {
			break
		}
		if a, b, kind, e := germanPhrase(ts, k+1, end); kind != npNone && kind != npPronoun && (kind == npName || holdsRole(ts, k+1, e)) &&
			e < end && copulasDe[ts[e].lower()] {
			return a, b, kind, "für", true
		}
	case "zufolge":
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
		if !sourceNouns[ts[k].lower()] {
			break
		}
		n := k - 1
		if n > lo && ts[n].is(lxDeterminer) {
			n-- // "nach den Worten der Sprecherin"
		}
		if n >= lo && ts[n].lower() == "nach" {
			if _, _, kind, e := germanPhrase(ts, k, end); kind != npNone && e > k+1 {
				return k, e, npDesc, ps.text(n, k+1), true
			}
		}
		if g := k - 1; g-1 >= lo && ts[g-1].lower() == "nach" && ts[g].kind() == tWord && ts[g].cap() && !ts[g].is(lxCapStop) &&
			strings.HasSuffix(ts[g].lower(), "s") {
			return g, k + 1, npDesc, ps.text(g-1, k+1), true // "Nach Schäubles Idee": a genitive name before the noun
		}
		// "Seiner Ansicht nach", "Nach Meinung von Experten": the possessive or the phrase
		// after "von" names the source.
		if k+1 < end && ts[k+1].lower() == "nach" && k > lo && possessivesDe[ts[k-1].lower()] && (k-1 == lo || clauseOpens(ts[k-2])) {
			return k - 1, k + 1, npDesc, ps.text(k-1, k+2), true
		}
	}
	return 0, 0, npNone, "", false
}

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
	if !ts[k].cap() && ts[k].is(lxParticle) && !ts[k].is(lxDeterminer) && k+1 < limit && ts[k+1].cap() {
		k++ // "de Maizière": the name is the surname's, the particle no adjective
	}
	head := func(j int) int { // the end of a determiner, adjectives and a capitalised noun or name at j
		if j < limit && ts[j].kind() == tWord && ts[j].is(lxDeterminer) && ts[j].lower() != "an" { // "an" is an English article but a German preposition
			j = extendedAttributeDe(ts, j+1, limit)
		}
		for j < limit && ts[j].kind() == tWord && !ts[j].cap() && !isVerb(ts[j]) && (!ts[j].is(lxCapStop) || adverbBeforeAdjective(ts, j, limit)) && j-k < maxGermanNP {
			j++ // adjectives: "russische", "23-jährige"
		}
		if j < limit && ts[j].kind() == tWord && ts[j].cap() && !ts[j].is(lxCapStop) {
			return max(nameRunEnd(ts, j, limit), j+1)
		}
		return -1
	}
	e := head(k)
	if e < 0 {
		return 0, 0, npNone, 0
	}
	nameA, nameB := -1, -1
	if !ts[k].is(lxDeterminer) {
		nameA, nameB = k, e
	} else if e-k >= 3 && ts[e-1].cap() && ts[e-2].cap() && !ts[e-2].shape(lxRole) {
		nameA, nameB = e-2, e // "der Regierungssprecher Ulrich Wilhelm"
	} else if e-k >= 2 && ts[e-2].cap() && ts[e-2].shape(lxRole) {
		nameA, nameB = e-1, e // "der Bundespräsident Köhler"
	}
	for e < limit && e-k < maxGermanNP {
		t := ts[e]
		switch {
		case t.kind() == tWord && (t.lower() == "der" || t.lower() == "des" || t.lower() == "eines" || t.lower() == "einer" ||
			t.lower() == "von" && nameA < 0):
			n := e + 1
			if t.lower() == "von" && n < limit && ts[n].is(lxDeterminer) {
				n++
			}
			if h := head(n); h > n {
				e = h
				continue
			}
		case t.kind() == tWord && t.lower() == "und" && nameA >= 0:
			if h := head(e + 1); h > e+1 && !ts[e+1].is(lxDeterminer) {
				e, nameB = h, h
				continue
			}
		case t.isPunct("("):
			if j := skipAside(ts, e, limit); j > e {
				e = j
				continue
			}
		case t.isPunct(",") && nameA < 0:
			if e+1 < limit && ts[e+1].cap() && !ts[e+1].is(lxCapStop) {
				n := nameRunEnd(ts, e+1, limit)
				m := n // past a party or an age in parentheses: "Christian Wulff (CDU),"
				if m > e+1 && m < limit && ts[m].isPunct("(") {
					m = skipAside(ts, m, limit)
				}
				if n > e+1 && (m == limit || ts[m].isPunct(",")) {
					nameA, nameB = e+1, n
					e = m
					if e < limit && ts[e].isPunct(",") {
						e++
					}
					continue
				}
			}
		}
		break
	}
	if nameA >= 0 {
		return nameA, nameB, npName, e
	}
	return k, e, npDesc, e
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
	case "gestern", "heute", "bereits", "erst", "kürzlich", "zuvor", "damals", "noch":
	default:
		return false
	}
	n := j + 1
	return n < limit && ts[n].kind() == tWord && !ts[n].cap() && !ts[n].is(lxCapStop) && !isVerb(ts[n]) && !ts[n].is(lxPreposition)
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

// subordinatorsDe open a German subordinate clause, which ends in its finite verb: "Als er kam,",
// "Nachdem die Polizei eingetroffen war,".
var subordinatorsDe = setOf("als", "wenn", "nachdem", "weil", "obwohl", "obgleich", "während", "da", "sobald", "bevor",
	"ehe", "seit", "seitdem", "falls", "indem", "wie", "ob", "dass", "solange", "um", "ohne", "statt", "anstatt", "zumal")

// maxClause bounds the tokens of a German subordinate clause or an insertion between commas.
const maxClause = 2 * maxGermanNP

// finiteAfterComma reports whether token j, after a comma, may be the finite verb of the main
// clause: a lower-case word that is no determiner, preposition, conjunction, pronoun or
// subordinator.
func finiteAfterComma(ts []tok, j, end int) bool {
	if j >= end || ts[j].kind() != tWord || ts[j].cap() {
		return false
	}
	t := ts[j]
	return !t.is(lxDeterminer) && !t.is(lxPreposition) && !t.is(lxConjunction) && !t.is(lxPronoun) && !subordinatorsDe[t.lower()] &&
		!relativesDe[t.lower()] && !isNumber(t)
}

// relativesDe open a German relative clause after a comma: ", der als Zeuge gilt,".
var relativesDe = setOf("der", "die", "das", "den", "dem", "deren", "dessen", "welcher", "welche", "welches", "welchen", "welchem")

// clauseClose returns the comma in tokens [j, end) that closes a clause or an insertion before the
// main clause's finite verb: the first comma followed by a word that may be that verb
// (finiteAfterComma), within maxClause tokens and with no quotation or sentence end between. A
// clause that ends in its verb (verbFinal) ends in a lower-case word. It returns -1 when there is
// none.
func clauseClose(ts []tok, j, end int, verbFinal bool) int {
	for c := j; c < end && c-j <= maxClause; c++ {
		t := ts[c]
		if t.kind() == tQuote || t.isSentenceEnd() {
			return -1
		}
		if t.isPunct(",") && c > j && (!verbFinal || ts[c-1].kind() == tWord && !ts[c-1].cap() && !ts[c-1].is(lxPronoun) &&
			!ts[c-1].is(lxDeterminer) && !ts[c-1].is(lxPreposition)) && finiteAfterComma(ts, c+1, end) {
			return c
		}
	}
	return -1
}

// subordinateEnd returns the comma that closes a subordinate clause opening the German sentence at
// lo ("Als ein Fluggast zu Hilfe eilte, biss …", "Wie der Sender berichtet, gab …"), or -1.
func subordinateEnd(ts []tok, lo, end int) int {
	if lo >= end || ts[lo].kind() != tWord || !ts[lo].cap() || !subordinatorsDe[ts[lo].lower()] {
		return -1
	}
	return clauseClose(ts, lo+1, end, true)
}

// insertEnd returns the index after a relative clause, an infinitive clause or an appositive that stands between a
// German subject ending at b and its finite verb ("Der Ermittler, der als Zeuge gilt, will",
// "Jim DeMint, ein prominentes Mitglied des Hauses, wollte"), or b when there is none: a comma, a
// relative pronoun or a determiner, and the comma that closes the insertion before the verb.
func insertEnd(ts []tok, b, end int) int {
	if b+1 >= end || !ts[b].isPunct(",") || ts[b+1].kind() != tWord {
		return b
	}
	if !ts[b+1].cap() && (relativesDe[ts[b+1].lower()] || ts[b+1].is(lxDeterminer)) {
		if c := clauseClose(ts, b+2, end, relativesDe[ts[b+1].lower()]); c > 0 {
			return c + 1
		}
		return b
	}
	// An infinitive clause: "Das Angebot, Verwundete in Krankenhäusern behandeln zu lassen, lehnt er ab".
	if c := clauseClose(ts, b+1, end, true); c > b+2 && ts[c-2].lower() == "zu" {
		return c + 1
	}
	return b
}

// ruleColonIntro links a German quotation introduced by a colon to the subject of the sentence
// before the colon, whatever its verb: "Der Text lautete: „…“", "Der Sportler gab bekannt: „…“".
func ruleColonIntro(ps *paraState, qi int) (match, bool) {
	ts := ps.toks
	if !ps.de || qi < 2 || !ts[qi-1].isPunct(":") {
		return match{}, false
	}
	lo := sentenceStart(ps, qi-1)
	a, b, kind, v := germanSubject(ts, lo, qi-1)
	if kind == npNone {
		return germanLabel(ts, lo, qi-1)
	}
	if kind == npDesc && !holdsRole(ts, a, b) && foundThing(ts, v, qi-1) {
		return match{}, false
	}
	return match{a: a, b: b, kind: kind, cue: v, cueText: ":", rule: ruleColonIntroID, intro: true}, true
}

// perceptionInfinitives are the infinitives of "war … zu lesen", whose subject is what one reads or
// hears.
var perceptionInfinitives = setOf("lesen", "sehen", "hören", "finden", "vernehmen")

// foundThing reports whether the German clause whose finite verb is v and which ends at the colon c
// says that its subject was found or read rather than that it said something: a reflexive verb
// ("Auch das Motiv fand sich dort:", "Seine Zuversicht gründet sich auf …:") or "sein" with "zu"
// and an infinitive of perception ("Darauf waren die Worte zu lesen:"). A thing that holds no
// office is then no speaker: the quotation gives what was found.
func foundThing(ts []tok, v, c int) bool {
	if v < 0 || v >= c {
		return false
	}
	if v+1 < c && ts[v+1].kind() == tWord && ts[v+1].lower() == "sich" {
		return true
	}
	return c-2 > v && ts[c-2].lower() == "zu" && perceptionInfinitives[ts[c-1].lower()] && !ts[c-1].cap()
}

// germanLabel reads an introduction with no verb before the colon at c, a label: a person (a name,
// or a phrase that holds an office), then at most a prepositional phrase ("Ein Beamter der
// Nationalpolizei: „…“", "Punklady Nina Hagen zur neuen Heimat: „…“"). A lower-case word that
// does not follow a determiner, a preposition or another such word may be a verb, and then the
// sentence is no label ("Den Namen gab das ZDF bekannt: „…“").
func germanLabel(ts []tok, lo, c int) (match, bool) {
	a, b, kind, end := germanPhrase(ts, lo, c)
	if kind == npNone || kind == npPronoun || kind != npName && !holdsRole(ts, lo, end) {
		return match{}, false
	}
	for i := end; i < c; i++ {
		t := ts[i]
		switch {
		case t.kind() == tPunct && (t.isPunct(",") || t.isPunct("(") || t.isPunct(")")), isNumber(t):
		case t.kind() != tWord:
			return match{}, false
		case t.cap() || t.is(lxDeterminer) || t.is(lxPreposition) || t.is(lxConjunction):
		case !isVerb(t) && ts[i-1].kind() == tWord && (ts[i-1].is(lxDeterminer) || ts[i-1].is(lxPreposition) || !ts[i-1].cap()):
			// an adjective: "zur neuen Heimat"
		default:
			return match{}, false
		}
	}
	return match{a: a, b: b, kind: kind, cue: c, cueText: ":", rule: ruleLabelID, intro: true}, true
}

// germanAfter reads the German clause after a quotation, `„…“, begründet das Gericht`: a
// quotation that opens its sentence takes the place before the finite verb, so the word after it
// is the verb, whatever verb it is, and its subject follows. t is the token after the comma.
func germanAfter(ts []tok, t, n int) (a, b int, kind npKind, ok bool) {
	if j := t + 1; j < n && ts[t].lower() == "so" && demonstrativeSubject(ts, j, n) {
		return j, j + 1, npPronoun, true // "„…“, so letztere."
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
	if quotingVerbsDe[v.lower()] && kind != npPronoun {
		// "„…“, zitiert Welt-Online den Minister": who quotes is the subject, the speaker the
		// object after it.
		if oa, ob, ok2 := germanNP(ts, b, n); ok2 != npNone && ts[b].kind() == tWord && (ts[b].is(lxDeterminer) || ts[b].cap()) {
			return oa, ob, ok2, true
		}
	}
	return a, b, kind, true
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
	if j == lo || j-1 == lo && (ts[lo].is(lxDeterminer) || focusParticles[ts[lo].lower()]) { // "Einer der 13 Feuerwehrmänner", "Auch der Senator"
		return a, b, kind, true
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
		return a, b, kind, true // a clause's subject: "…, wie der Sprecher sagte"
	}
	switch p.lower() {
	case "von", "vom":
		if a2, b2, k2 := npBackward(ts, j-2, lo, false); k2 == npName {
			return germanSubjectBefore(ts, a2, b2, lo, npName)
		}
	}
	// Anything else before it (a preposition, a noun it is the genitive of, a verb) makes it an
	// object or an attribute: "Wegen der Gefahren des Eises warnte …".
	return 0, 0, npNone, false
}

// clauseOpens reports whether token p opens a clause, so that the phrase after it may be its
// subject: a comma, a parenthesis, a conjunction, "wie" or "dass".
func clauseOpens(p tok) bool {
	return p.isPunct(",") || p.isPunct("(") || p.kind() == tWord && (p.is(lxConjunction) || p.lower() == "wie" || p.lower() == "dass" ||
		!p.cap() && subordinatorsDe[p.lower()] && !p.is(lxPreposition))
}

// afterVerb returns the index after the adverbs and the reflexive "sich" that start at token k,
// right after a German verb: the place of its subject in "äußerte sich der Sprecher".
func afterVerb(ts []tok, k, limit int) int {
	k = skipAdverbsFwd(ts, k, limit)
	if k < limit && ts[k].kind() == tWord && ts[k].lower() == "sich" {
		k = skipAdverbsFwd(ts, k+1, limit)
	}
	return k
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
			if ts[c-1].kind() == tWord && (nameRunEnd(ts, c+1, p) != p || ts[c+1].shape(lxRole)) {
				return c - 1
			}
			return p // a name in apposition is the mention: "Der Sprecher, Steffen Seibert, sagte"
		}
	}
	return p
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
	j := k + 1
	if j < end && ts[j].kind() == tWord && ts[j].is(lxDeterminer) {
		j++
	}
	for j < end && j-k <= 4 && ts[j].kind() == tWord && !ts[j].cap() && !isVerb(ts[j]) && !ts[j].is(lxCapStop) {
		j++ // adjectives
	}
	h := j
	for j < end && j-k <= 6 && ts[j].kind() == tWord && ts[j].cap() && !ts[j].is(lxCapStop) {
		j++
	}
	if j == h || j >= end || ts[j].kind() != tWord || ts[j].cap() {
		return k
	}
	return j
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

// titleVerbs give a quotation as a name or title ("„…“, so lautet der Titel der Studie"), not as
// someone's words.
var titleVerbs = setOf("lautet", "lautete", "lauten", "lauteten", "heißt", "hieß")

// objectPronounsDe are the German object pronouns that may stand between a verb and its subject.
var objectPronounsDe = setOf("ihn", "ihm", "es", "uns")

// demonstrativesDe are the German demonstratives that stand for a person named before, as the
// subject of a clause after a quotation: "„…“, so letztere", "„…“, sagte dieser".
var demonstrativesDe = setOf("dieser", "diese", "letztere", "letzterer", "erstere", "ersterer")

// demonstrativeSubject reports whether token j is a demonstrative (demonstrativesDe) that ends its
// clause, so that it stands alone as the subject: "so letztere." but not "so diese Zeitung".
func demonstrativeSubject(ts []tok, j, n int) bool {
	return j < n && ts[j].kind() == tWord && !ts[j].cap() && demonstrativesDe[ts[j].lower()] &&
		(j+1 == n || ts[j+1].kind() == tPunct)
}

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
