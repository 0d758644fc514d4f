package article

// speechPrepositions open the prepositional object of a German speech verb, which names what was
// said in the speaker's words: "warnte vor den „…“", "riet zu „…“", "sprach von einem „…“".
var speechPrepositions = setOf("vor", "zu", "von", "vom")

// maxVerbToPreposition bounds the words between a speech verb and its prepositional object
// ("warnte Kluncker damals vor").
const maxVerbToPreposition = 3

// afterSpeechPreposition reports whether quotation token qi follows one of the speechPrepositions,
// perhaps with an article between: "Von einer „…“", "vor den „…“".
func afterSpeechPreposition(ts []tok, qi int) bool {
	k := qi - 1
	if k > 0 && ts[k].kind() == tWord && ts[k].is(lxDeterminer) && !speechPrepositions[ts[k].lower()] {
		k--
	}
	return k >= 0 && ts[k].kind() == tWord && speechPrepositions[ts[k].lower()]
}

// speechObject reports whether quotation token qi, a capitalised German term inside its sentence,
// is the prepositional object of a speech verb just before it: the preposition and perhaps an
// article before the quotation, and a speech verb at most maxVerbToPreposition words before the
// preposition, with only words between. A term after any other preposition is a name ("in der
// „Zeitung“"), and one in single marks ("sprach von einem ‚Kontrollverlust‘") is the writer's
// distance more often than the speaker's word.
func speechObject(ps *paraState, qi int) bool {
	ts := ps.toks
	if isSingle(ps.spans[ts[qi].q()].fam) {
		return false
	}
	k := qi - 1
	if k > 0 && ts[k].kind() == tWord && ts[k].is(lxDeterminer) && !speechPrepositions[ts[k].lower()] {
		k--
	}
	if k <= 0 || ts[k].kind() != tWord || ts[k].cap() || !speechPrepositions[ts[k].lower()] {
		return false
	}
	for j := k - 1; j >= 0 && k-j <= maxVerbToPreposition+1; j-- {
		t := ts[j]
		if t.kind() != tWord {
			return false
		}
		if isStrongVerb(t) {
			return true
		}
	}
	return false
}

// vonVerbsDe are the plural forms of the German verbs of speech that take "von" for what was said
// and that the speech-verb lexicon, which lists the singular ("spricht"), lacks.
var vonVerbsDe = setOf("sprechen", "sprachen", "reden", "redeten")

// ruleFronted links a German quotation that a sentence fronts as the object of its verb, before
// the verb and the subject after it: "Als „verpasste Chance“ beurteilte der Abgeordnete das
// Pontifikat", "Von „absichtlicher“ oder „mutwilliger Täuschung“ sprechen Medienberichte", "Mit
// den Worten „…“, richtete er seinen Blick auf …". The sentence opens with "Als" (what someone
// names a thing, whatever the verb), "Von" or "Vom" (the object of a speech verb), or "Mit den
// Worten", at the sentence's start or after a colon; the quotation, and the quotations joined to it with "oder" or "und", follow, then the
// finite verb and its subject. A verb that only links ("Als „…“ gilt …") or makes a passive
// ("Als „…“ wurde er bezeichnet") names nobody. It runs only on German text.
func ruleFronted(ps *paraState, qi int) (match, bool) {
	if !ps.de {
		return match{}, false
	}
	ts := ps.toks
	lo := sentenceStart(ps, qi)
	f := qi // the first of the joined quotations
	for f-2 > lo && ts[f-2].kind() == tQuote && (ts[f-1].lower() == "oder" || ts[f-1].lower() == "und") {
		f -= 2
	}
	opens := func(o int) bool { // the phrase at o opens the sentence, or the clause after a colon
		return o >= lo && ts[o].kind() == tWord && ts[o].cap() && (o == lo || ts[o-1].isPunct(":"))
	}
	open := ""
	switch {
	case opens(f-1) && (ts[f-1].lower() == "als" || ts[f-1].lower() == "von" || ts[f-1].lower() == "vom"):
		open = ts[f-1].lower()
	case opens(f-3) && ts[f-3].lower() == "mit" && wordsCue(ts, f-3, len(ts)) == f:
		open = "mit"
	default:
		return match{}, false
	}
	n := qi + 1
	for n+1 < len(ts) && ts[n+1].kind() == tQuote && (ts[n].lower() == "oder" || ts[n].lower() == "und") {
		n += 2
	}
	if open == "mit" && n < len(ts) && ts[n].isPunct(",") {
		n++ // "Mit den Worten „…“, richtete er": the comma closes the phrase
	}
	if n >= len(ts) || ts[n].kind() != tWord || ts[n].cap() {
		return match{}, false
	}
	v := ts[n]
	switch open {
	case "von", "vom":
		if !isStrongVerb(v) && !vonVerbsDe[v.lower()] {
			return match{}, false
		}
	default:
		if v.is(lxDeterminer) || v.is(lxPreposition) || v.is(lxConjunction) || v.is(lxPronoun) || v.is(lxCapStop) && !isVerb(v) ||
			linkingVerb(v.lower()) || passiveAuxiliaries[v.lower()] {
			return match{}, false
		}
	}
	a, b, kind := germanNP(ts, afterVerb(ts, n+1, len(ts)), len(ts))
	if kind == npNone {
		return match{}, false
	}
	return match{a: a, b: b, kind: kind, cue: n, rule: ruleAfterVerbName}, true
}
