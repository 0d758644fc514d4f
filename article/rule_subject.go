package article

import "strings"

// minSubjectWords is the fewest words a quotation needs to take its sentence's subject.
const minSubjectWords = 5

// ruleSubject links a quotation inside a sentence to the sentence's subject when that is a person
// (a pronoun, or a name with a title or of two words or more): "Clinton has increasingly decried
// the issue of “systemic racism”". It is the weakest rule, tried last.
func ruleSubject(ps *paraState, qi int) (match, bool) {
	ts := ps.toks
	lo := sentenceStart(ps, qi)
	if lo >= qi {
		return match{}, false
	}
	short := countWords(ps.rs[ps.spans[ts[qi].q()].start:ps.spans[ts[qi].q()].end]) < minSubjectWords
	if ps.de {
		// German: the sentence's subject, when its finite verb says or names ("Rumsfeld
		// attackierte den Iran als den „…“" says nothing, "Er nannte den Bericht eine „…“" does).
		// There a term or two in marks counts too: German reports speech in the subjunctive with
		// its key words quoted ("Die Kanadier sagen, der Pilot trage die „volle Verantwortung“").
		a, b, kind, v := germanSubject(ts, lo, qi)
		if kind == npNone || v < 0 || !isVerb(ts[v]) && !ts[v].is(lxNamingVerb) && !germanCue(ts, v, qi) && !intendedIn(ps, v, qi) || b > qi {
			return match{}, false
		}
		return match{a: a, b: b, kind: kind, cue: v, rule: ruleSubjectID}, true
	}
	asTerm := short && characterizedAs(ts, lo, qi)
	if short && !asTerm {
		return match{}, false // a term or two in marks is more often a scare quote
	}
	a, b, v, kind := personSubject(ts, lo, qi)
	if kind == npNone {
		return match{}, false
	}
	// The subject's verb must not be a copula: "Trump is the “law and order” candidate" says
	// nothing.
	switch ts[v].lower() {
	case "is", "was", "are", "were", "be", "been", "has", "had", "have", "who", "which", "that":
		return match{}, false
	}
	if otherSource(ts, v, qi) || asTerm && clauseBreak(ts, v, qi) || coordinateClause(ts, v, qi) {
		return match{}, false
	}
	return match{a: a, b: b, kind: kind, cue: v, rule: ruleSubjectID}, true
}

// ruleSubjectKnown is ruleSubject with an English subject of one word only when it is a name: the
// article has introduced it by a full name ("Cruz", after "Ted Cruz"), capitalised it inside a
// sentence so far ("… said Trump"), or it carries a title or an office ("Mr. Trump", "Defense
// Secretary Carter"). A capitalised word that opens a sentence is as often a noun ("Audiences can
// expect him …", "Good information can …", "Anyone questioning her lead …").
func (e *engine) ruleSubjectKnown(pi, qi int) (match, bool) {
	ps := e.ps[pi]
	if !ps.de && qi >= 1 {
		if m, ok := nounColon(ps, qi-1); ok {
			// "Smith had a blunt message for the council: “…”": the colon gives the words
			// the saying noun names, whole (ruleNounColon).
			m.para = pi
			return m, true
		}
	}
	m, ok := ruleSubject(ps, qi)
	m.para = pi
	if !ok || ps.de || m.kind != npName || e.knownName(ps, m) {
		return m, ok
	}
	return match{}, false
}

// knownName reports whether the English name that m's mention is may be a sentence's subject: a
// name of two words or more, or with a title or an office, or one word that the article has
// introduced by a full name, capitalised inside a sentence so far, or given as a first name.
func (e *engine) knownName(ps *paraState, m match) bool {
	role, name := nameParts(ps, m.a, m.b)
	if len(name) >= 2 || role != "" || len(name) == 1 && name[0].s != ps.toks[m.a].s {
		return true
	}
	if len(name) == 0 {
		return false
	}
	w := strings.TrimSuffix(name[0].lower(), ".")
	s := e.rg.slot(w)
	return s != nil && (s.last != nil && len(s.last.toks) >= 2 || s.first != nil || s.mid)
}

// personSubject returns the English sentence's subject before the quotation at qi when it is a
// person, a name or "he" or "she", and v, its verb in the active after it past adverbs and
// auxiliaries. npNone when there is none.
func personSubject(ts []tok, lo, qi int) (a, b, v int, kind npKind) {
	a, b, kind = sentenceSubject(ts, lo, qi)
	if kind != npName && kind != npPronoun || b >= qi {
		return 0, 0, 0, npNone
	}
	if kind == npPronoun && ts[a].lower() != "he" && ts[a].lower() != "she" {
		return 0, 0, 0, npNone
	}
	v = skipAdverbsFwd(ts, b, qi)
	if v >= qi || ts[v].kind() != tWord || isPassive(ts, v, b) {
		return 0, 0, 0, npNone
	}
	return a, b, v, kind
}

// otherSource reports whether someone else than the sentence's subject may be the source of the
// quotation at qi, whose sentence's verb is at v: a relative clause between them ("from Mike Lee,
// who declared …, “…”", "a headline that said, “…”") or a clause with a speech verb of its own
// ("when many commentators called him “…”"), or "according to" after the quotation in its
// sentence ("“…,” according to a Pentagon readout").
func otherSource(ts []tok, v, qi int) bool {
	for j := v + 1; j < qi; j++ {
		t := ts[j]
		if t.kind() != tWord || t.cap() {
			continue
		}
		switch t.lower() {
		case "who", "whom", "which":
			// A relative pronoun after a noun or a comma ("Mike Lee, who", "Clinton who"), not
			// a question's ("pondered who") or a preposition's object ("for which she …").
			if p := ts[j-1]; p.isPunct(",") || p.kind() == tWord && !p.is(lxPreposition) && !isVerb(p) {
				return true
			}
		}
		if isStrongVerb(t) || t.is(lxNamingVerb) {
			if p := ts[j-1]; p.kind() == tWord && (p.lower() == "that" || p.is(lxSpeakerNoun) && !p.cap()) {
				return true
			}
		}
	}
	for j := qi + 1; j < len(ts) && j-qi <= maxAppositive && !ts[j].isSentenceEnd(); j++ {
		if ts[j].lower() == "according" && j+1 < len(ts) && ts[j+1].lower() == "to" {
			return true
		}
	}
	return false
}

// characterizedAs reports whether the quotation at qi is the complement of "as" ("dismissed the
// whole kerfuffle as “absurd.”", "defended his manager as a “very decent man”"): the subject's
// own characterization, quoted.
func characterizedAs(ts []tok, lo, qi int) bool {
	k := qi - 1
	if k > lo {
		switch ts[k].lower() {
		case "a", "an", "the":
			k--
		}
	}
	// "as" after a comma opens a clause of its own ("…, as the “autopsy” recommended").
	return k > lo+1 && ts[k].lower() == "as" && ts[k-1].kind() == tWord
}

// clauseBreak reports whether a comma, a dash, a semicolon or "but" stands between the verb at v and
// the quotation at qi: the quotation then hangs on another clause, whose subject may differ
// ("Clinton proposed … - but the Sanders campaign rejected the idea as “ludicrous”", "…, the
// American Bankers Association, supposedly marked as a “high priority”").
func clauseBreak(ts []tok, v, qi int) bool {
	for j := v; j < qi; j++ {
		switch ts[j].lower() {
		case ",", "-", "–", "—", "―", ";", "but":
			return true
		}
	}
	return false
}

// coordinateClause reports whether a comma, a coordinating conjunction and a new subject (a
// capitalised word or a pronoun) stand between the verb at v and the quotation at qi: "Baker has
// won the farm towns, and Dayton has several, including “…”". The quotation belongs to the second
// clause, whose subject is not the sentence's.
func coordinateClause(ts []tok, v, qi int) bool {
	for j := v + 1; j+2 < qi; j++ {
		if !ts[j].isPunct(",") || ts[j+1].kind() != tWord {
			continue
		}
		switch ts[j+1].lower() {
		case "and", "but", "or", "while":
		default:
			continue
		}
		if n := ts[j+2]; n.kind() == tWord && (n.cap() || n.is(lxPronoun)) {
			return true
		}
	}
	return false
}
