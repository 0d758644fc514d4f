package article

import (
	"slices"
	"unicode"
)

// This file holds German speech cues that the speech-verb lexicon cannot hold: separable verbs
// whose particle closes the clause ("Das Gericht stellte fest, dass …", "Er führte aus, …"), the
// phrases of an opinion ("Der Minister ist der Meinung, dass …") and verbs of a view or a hope
// before the clause they introduce ("Küng hofft, dass …"). ruleSubject and carry-reported ask
// about them for a sentence's finite verb.

// separableCues maps the finite stem of a German separable speech verb to the particles that
// make it one: "stellte … fest", "führte … aus", "hob … hervor", "machte … deutlich". The separable
// verbs of speechVerbTableDe (verbs_de.go) add theirs: "teilte … mit", "gab … bekannt".
var separableCues = addSeparableCues(map[string][]string{
	"stellte": {"fest", "klar"}, "stellt": {"fest", "klar"}, "stellten": {"fest", "klar"},
	"führte": {"aus"}, "führt": {"aus"}, "führten": {"aus"},
	"hob": {"hervor"}, "hebt": {"hervor"}, "hoben": {"hervor"},
	"wies": {"hin", "zurück"}, "weist": {"hin", "zurück"}, "wiesen": {"hin", "zurück"}, "weisen": {"hin", "zurück"},
	"gab": {"an", "zu", "bekannt", "bedenken"}, "gibt": {"an", "zu", "bekannt", "bedenken"}, "gaben": {"an", "zu", "bekannt", "bedenken"},
	"machte": {"deutlich", "klar"}, "macht": {"deutlich", "klar"}, "machten": {"deutlich", "klar"},
	"legte": {"dar"}, "legt": {"dar"}, "legten": {"dar"},
	"merkte": {"an"}, "merkt": {"an"}, "merkten": {"an"},
	"wandte": {"ein"}, "wendet": {"ein"}, "wandten": {"ein"},
	"geht": {"aus"}, "ging": {"aus"}, "gehen": {"aus"}, "gingen": {"aus"},
	"deutete": {"an"}, "deutet": {"an"}, "deuteten": {"an"},
	"schlug": {"vor"}, "schlägt": {"vor"}, "schlugen": {"vor"},
	"warf": {"vor"}, "wirft": {"vor"}, "warfen": {"vor"},
	"hielt": {"fest", "dagegen"}, "hält": {"fest", "dagegen"}, "hielten": {"fest", "dagegen"},
	"stimmte": {"zu"}, "stimmt": {"zu"}, "stimmten": {"zu"},
})

// nounCues map the finite stem of a German verb to the nouns that make it a speech cue when one
// closes the clause: "nahm der Ministerpräsident zu der Frage Stellung", "bezog sie Stellung", "Das
// Gericht kam damit zu dem Ergebnis, „dass …“", "zog er das Fazit, …", "brachte zum Ausdruck, …".
var nounCues = map[string][]string{
	"nahm": {"stellung"}, "nimmt": {"stellung"}, "nahmen": {"stellung"}, "nehmen": {"stellung"},
	"bezog": {"stellung"}, "bezieht": {"stellung"}, "bezogen": {"stellung"},
	"kam": {"ergebnis", "schluss"}, "kommt": {"ergebnis", "schluss"}, "kamen": {"ergebnis", "schluss"},
	"zog": {"fazit", "bilanz"}, "zieht": {"fazit", "bilanz"}, "zogen": {"fazit", "bilanz"},
	"brachte": {"ausdruck"}, "bringt": {"ausdruck"}, "brachten": {"ausdruck"},
}

// mentalVerbs report a view or a hope, which German quotes in the clause after them: "Küng hofft,
// dass „…“", "Er glaubt, die Lage sei „ernst“".
var mentalVerbs = setOf("hofft", "hoffte", "hoffen", "hofften", "glaubt", "glaubte", "glauben", "glaubten",
	"befürchtet", "befürchtete", "befürchten", "befürchteten", "fürchtet", "fürchtete", "vermutet", "vermutete",
	"bezweifelt", "bezweifelte", "bezweifeln", "bezweifelten")

// expectVerbs report an expectation, whose object a quotation may give: "erwartet", "rechnet mit".
var expectVerbs = setOf("erwartet", "erwarten", "erwartete", "erwarteten", "rechnet", "rechnen", "rechnete", "rechneten")

// mentalParticiples are the participles of mentalVerbs and their kin, which close a clause in the
// perfect: "hatte sich erhofft, dass …", "hat befürchtet, die Lage sei …".
var mentalParticiples = setOf("gehofft", "erhofft", "geglaubt", "befürchtet", "gefürchtet", "vermutet", "bezweifelt")

// perfectsOfHave are the finite forms of "haben" that open the perfect of a mental verb.
var perfectsOfHave = setOf("hat", "hatte", "haben", "hatten", "habe", "hätte", "hätten")

// viewVerbs see something as what the quotation says: "sieht Osterloh einen „Angriff gegen die
// Belegschaft“", "sieht die Landesregierung in dem Gesetz „kein Hindernis“".
var viewVerbs = setOf("sieht", "sah", "sehen", "sahen")

// opinionNouns name a view in "ist der Meinung, dass …" and "vertritt die These, dass …".
var opinionNouns = setOf("meinung", "ansicht", "auffassung", "überzeugung", "these")

// opinionCopulas are the forms of "sein" in "ist der Meinung".
var opinionCopulas = setOf("ist", "sind", "war", "waren")

// opinionVerbs hold a view as their object: "vertritt die Auffassung, dass …", "teilt die Meinung".
var opinionVerbs = setOf("vertritt", "vertrat", "vertreten", "vertraten", "teilt", "teilte", "teilen", "teilten")

// maxParticleGap bounds the tokens between a separable verb and its particle.
const maxParticleGap = 10

// germanCue reports whether the German finite verb at v opens a speech cue that ends before token
// end: its particle closes the clause at a comma or colon ("stellte am Montag fest, dass"), it is
// "ist" with "der Meinung" after it or a verb that holds a view ("vertritt die These"), or a verb
// of a view before a comma ("hofft aber, dass").
func germanCue(ts []tok, v, end int) bool {
	w := ts[v].lower()
	if opinionCopulas[w] || opinionVerbs[w] {
		// "ist der (gegenteiligen) Meinung", "vertritt die These"
		j := skipAdverbsFwd(ts, v+1, end)
		if j < end && ts[j].is(lxPronoun) && !ts[j].cap() {
			j = skipAdverbsFwd(ts, j+1, end) // "Seit 2013 vertritt er die These"
		}
		if j >= end || !(opinionCopulas[w] && ts[j].lower() == "der" || opinionVerbs[w] && (ts[j].lower() == "die" || ts[j].lower() == "eine")) {
			return false
		}
		for j++; j < end && ts[j].kind() == tWord && !ts[j].cap() && j-v <= 4; j++ {
		}
		return j < end && opinionNouns[ts[j].lower()]
	}
	if mentalVerbs[w] {
		j := v + 1
		for j < end && j-v <= 3 && ts[j].kind() == tWord && !ts[j].cap() && (germanSentenceAdverbs[ts[j].lower()] || ts[j].is(lxAdverb) || ts[j].lower() == "aber") {
			j++ // "hofft aber, dass"
		}
		return j < end && ts[j].isPunct(",")
	}
	if perfectsOfHave[w] {
		// "Der Senat hatte sich erhofft, dass …": a mental verb's participle closes the clause.
		for j := v + 1; j+1 < end && j-v <= maxParticleGap; j++ {
			t := ts[j]
			if t.kind() == tQuote || t.isSentenceEnd() || t.isPunct(",") {
				return false
			}
			if t.kind() == tWord && !t.cap() && mentalParticiples[t.lower()] && ts[j+1].isPunct(",") {
				return true
			}
		}
		return false
	}
	if expectVerbs[w] {
		// "Meteorologen rechnen jedoch mit „…“", "Die Bundesländer erwarten … Mehrkosten, die
		// durch einen „…“ entstünden": an expectation, no "sich" ("erwartet sich") after it.
		for j := v + 1; j < end && j-v <= maxParticleGap; j++ {
			t := ts[j]
			if t.isSentenceEnd() || t.kind() == tWord && !t.cap() && t.lower() == "sich" {
				return false
			}
			if w[0] != 'r' || t.kind() == tWord && !t.cap() && t.lower() == "mit" {
				return true
			}
		}
		return false
	}
	if viewVerbs[w] {
		// Not "sah sich gezwungen" nor a separable "sieht … vor", whose particle may close the
		// clause after the quotation.
		for j := v + 1; j < len(ts) && j-v <= 2*maxParticleGap; j++ {
			t := ts[j]
			if t.isSentenceEnd() || t.isPunct(",") {
				break
			}
			if t.kind() == tWord && !t.cap() && (t.lower() == "sich" || t.lower() == "vor" && (j+1 == len(ts) || ts[j+1].kind() != tWord)) {
				return false
			}
		}
		return true
	}
	if ns, ok := nounCues[w]; ok {
		// "nahm … zu der Frage Stellung.": the noun closes the clause.
		for j := v + 1; j < end && j-v <= 2*maxParticleGap; j++ {
			t := ts[j]
			if t.kind() == tQuote || t.isSentenceEnd() {
				return false
			}
			if t.kind() == tWord && slices.Contains(ns, t.lower()) && (j+1 == end || ts[j+1].isPunct(",") || ts[j+1].isPunct(":") || ts[j+1].isSentenceEnd()) {
				return true
			}
		}
		return false
	}
	parts, ok := separableCues[w]
	if !ok {
		return false
	}
	for j := v + 1; j < end && j-v <= maxParticleGap; j++ {
		t := ts[j]
		if t.kind() == tQuote || t.isSentenceEnd() {
			return false
		}
		if t.kind() != tWord || t.cap() {
			continue
		}
		for _, p := range parts {
			if t.lower() == p && (j+1 == end || ts[j+1].isPunct(",") || ts[j+1].isPunct(":")) {
				return true
			}
		}
	}
	return false
}

// intentVerbs are the German modal verbs of an intention, whose infinitive a quotation may give in
// the subject's words: "Wiefelspütz will „in den kommenden Wochen noch einmal sorgfältigst prüfen“".
var intentVerbs = setOf("will", "wollte", "wollen", "wollten", "möchte", "möchten")

// intendedIn reports whether the German finite verb at v is a modal verb of an intention
// (intentVerbs) and quotation token qi, in its clause, ends in a lower-case word, the infinitive
// it governs: the quotation gives what the subject intends in the subject's words.
func intendedIn(ps *paraState, v, qi int) bool {
	ts := ps.toks
	if !intentVerbs[ts[v].lower()] {
		return false
	}
	for j := v + 1; j < qi; j++ {
		if ts[j].isPunct(",") || ts[j].kind() == tQuote || isVerb(ts[j]) {
			return false
		}
	}
	sp := ps.spans[ts[qi].q()]
	end := sp.end
	for end > sp.start && !unicode.IsLetter(ps.rs[end-1]) {
		end--
	}
	start := end
	for start > sp.start && unicode.IsLetter(ps.rs[start-1]) {
		start--
	}
	return start < end && unicode.IsLower(ps.rs[start])
}

// ruleOpinionClause links a German quotation to the subject of a main clause after a comma whose
// verb holds a view before the quotation ("Zwar sind 62 Prozent zufrieden, 37 Prozent sind jedoch
// der gegenteiligen Auffassung, dass die Demokratie „weniger gut“ funktioniert"): the sentence's
// own subject is the first clause's, so the subject rule does not reach it. The clause opens
// right after the comma with its subject, and its finite verb is "sein" with an opinion noun or a
// verb that holds a view (germanCue). It reports as the subject rule. It runs only on German text.
func ruleOpinionClause(ps *paraState, qi int) (match, bool) {
	if !ps.de {
		return match{}, false
	}
	ts := ps.toks
	lo := sentenceStart(ps, qi)
	for c := qi - 1; c > lo && qi-c <= maxClause; c-- {
		if ts[c].kind() == tQuote || ts[c].isPunct(":") {
			return match{}, false
		}
		if !ts[c].isPunct(",") || !opensWithSubject(ts, c+1) || relativesDe[ts[c+1].lower()] {
			continue
		}
		a, b, kind, v := germanSubject(ts, c+1, qi)
		if kind == npNone || v <= c || b > qi || !(opinionCopulas[ts[v].lower()] || opinionVerbs[ts[v].lower()]) || !germanCue(ts, v, qi) {
			continue
		}
		return match{a: a, b: b, kind: kind, cue: v, rule: ruleSubjectID}, true
	}
	return match{}, false
}
