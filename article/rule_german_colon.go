package article

// This file holds the German colon rules: a quotation introduced by a colon goes to the subject of
// the sentence before the colon (ruleColonIntro), unless that subject is a thing that was found or
// read, and a label ("Merkel: „…“") names its speaker (germanLabel). They run only on German text.

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
