package article

// rulePassiveBy links an English quotation to the agent of a passive speech verb in its tag: "“…,”
// reporters were told by Smith.", "“Will you run?” Smith was asked by a reporter.", "Reporters
// were told by the mayor that the bridge was “nearly done.”", "Staff were told by the mayor: “…”".
// The subject of a passive speech verb is whom the words were said to; the agent after "by" said
// them. Verbs whose agent is the one who repeats the words ("was quoted by the Times as saying",
// "was cited by") are left to the rules that read the "saying".
func rulePassiveBy(ps *paraState, qi int) (match, bool) {
	ts := ps.toks
	if ps.de {
		return match{}, false
	}
	// After the quotation: `,” NP was told by X`, the tag's words a short subject.
	if sp := ps.spans[ts[qi].q()]; qi+1 < len(ts) && (lastContentRune(ps.rs, sp) == ',' || lastContentRune(ps.rs, sp) == '?' || ts[qi+1].isPunct(",")) {
		k := qi + 1
		if ts[k].isPunct(",") {
			k++
		}
		for n := 0; k < len(ts) && n < 5 && ts[k].kind() == tWord && !isVerb(ts[k]) && !passiveAux[ts[k].lower()]; n++ {
			k++
		}
		if k > qi+1 && k < len(ts) && passiveAux[ts[k].lower()] {
			if m, ok := byAgent(ts, k+1, len(ts)); ok {
				return m, true
			}
		}
	}
	// Before the quotation: `NP was told by X:` or `, “` or `that … “`, in the quotation's sentence.
	lo := sentenceStart(ps, qi)
	for k := lo + 1; k+2 < qi; k++ {
		if !ts[k].is(lxAdverb) || !passiveAux[ts[k].lower()] || ts[k].kind() != tWord {
			continue
		}
		m, ok := byAgent(ts, k+1, qi)
		if !ok {
			continue
		}
		c := m.b
		switch {
		case c == qi-1 && (ts[c].isPunct(":") || ts[c].isPunct(",")):
			m.intro = true
			return m, true
		case c < qi && ts[c].kind() == tWord && ts[c].lower() == "that":
			for j := c + 1; j < qi; j++ {
				if ts[j].kind() == tQuote || isVerb(ts[j]) {
					return match{}, false // a clause with a speaker of its own, or another quotation
				}
			}
			return m, true
		}
		return match{}, false
	}
	return match{}, false
}

// passiveAux are the forms of "be" that make a passive speech verb. Every one is among the adverbs
// too (lxAdverb), so that the walk before a quotation tests a token's flag before it looks the word
// up here (TestPassiveAuxAreAdverbs).
var passiveAux = setOf("was", "were", "is", "are", "been", "being")

// notByAgent are the passive speech verbs whose agent repeats another's words rather than says them.
var notByAgent = setOf("quoted", "cited", "reported", "described", "criticized", "criticised", "accused", "urged", "warned")

// byAgent reads, from k, an optional adverb, a past speech verb, "by" and its agent, before
// limit: "told by Smith", "later told by a spokeswoman for the city".
func byAgent(ts []tok, k, limit int) (match, bool) {
	k = skipAdverbsFwd(ts, k, limit)
	if k+2 >= limit || !isStrongVerb(ts[k]) || notByAgent[ts[k].lower()] || ts[k+1].kind() != tWord || ts[k+1].lower() != "by" {
		return match{}, false
	}
	v := ts[k].lower()
	if len(v) > 3 && v[len(v)-3:] == "ing" {
		return match{}, false
	}
	a, b, kind := npForward(ts, k+2, limit, false)
	if kind == npNone || kind == npPronoun && ts[a].lower() == "it" {
		return match{}, false
	}
	return match{a: a, b: b, kind: kind, cue: k, rule: rulePassiveByID}, true
}

// addresseeVerbs are the English speech verbs whose passive subject is whom the words were said
// to, not who said them: "“Will you run?” Smith was asked.", "“Leave now,” the workers were told."
// ("Smith was quoted as saying" keeps its subject the speaker: quoted is not among them.)
var addresseeVerbs = setOf("asked", "told", "questioned", "pressed", "informed", "reminded", "warned", "assured", "urged", "advised", "instructed")

// agentlessPassive reports whether the English words [b, j) between a mention that ends at b and a
// speech verb at j make that verb passive, an addressee verb with no agent after it: "Smith was
// asked.", "the workers were later told". The mention heard the words; nobody the tag names said
// them (rulePassiveBy reads the agent after "by" first).
func agentlessPassive(ts []tok, b, j int) bool {
	if j >= len(ts) || j <= b || ts[j].kind() != tWord {
		return false
	}
	aux := false
	for i := b; i < j; i++ {
		if ts[i].kind() != tWord {
			return false
		}
		if ts[i].is(lxAdverb) && passiveAux[ts[i].lower()] { // every passiveAux word is an adverb (TestPassiveAuxAreAdverbs)
			aux = true
		}
	}
	return aux && addresseeVerbs[ts[j].lower()] && !(j+1 < len(ts) && ts[j+1].kind() == tWord && ts[j+1].lower() == "by")
}

// addresseeTag reports whether the English quotation at token qi is followed by a tag whose speech
// verb is an agentless passive (agentlessPassive), after at most a comma: "“Will you run?” Smith was
// asked." The question is not Smith's, and no other quotation's speaker is a safe guess for it.
func addresseeTag(ps *paraState, qi int) bool {
	ts := ps.toks
	t := qi + 1
	if t < len(ts) && ts[t].isPunct(",") {
		t++
	}
	if t >= len(ts) {
		return false
	}
	_, b, kind := npForward(ts, t, len(ts), true)
	if kind == npNone {
		return false
	}
	return agentlessPassive(ts, b, skipAdverbsFwd(ts, b, len(ts)))
}
