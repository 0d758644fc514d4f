package article

// ruleCoordinated links a German quotation to the subject of a speech verb that shares its subject
// with a verb before it: "Becker lobte den Plan und sagte: „…“", "Am Montag befand der Senator den
// Plan als gut und nannte ihn „…“", "Becker wollte sich nicht festlegen, sagte aber, die Stadt
// müsse „…“". The second verb of such a clause has no subject of its own; the subject stands with
// the clause's first finite verb, which germanSubject reads. It also runs on a quoted term the
// second verb says ("Demonstranten zogen vor das Rathaus und skandierten Sprüche wie „…“"), which
// reaches the sieve only after a speech verb. It runs only on German text.
func ruleCoordinated(ps *paraState, qi int) (match, bool) {
	if !ps.de {
		return match{}, false
	}
	ts := ps.toks
	lo := sentenceStart(ps, qi)
	k := qi - 1
	for ; k > lo; k-- {
		t := ts[k]
		if t.kind() == tQuote {
			return match{}, false // another quotation between: its own rules decide
		}
		if t.kind() == tWord && !t.cap() && (isStrongVerb(t) || t.is(lxNamingVerb)) {
			break
		}
	}
	if k <= lo+1 || !coordinatedVerb(ts, k) {
		return match{}, false
	}
	a, b, kind, v := germanSubject(ts, lo, k-1)
	if kind == npNone || v < 0 || v >= k-1 || b > k-1 || linkingVerb(ts[v].lower()) {
		return match{}, false
	}
	return match{a: a, b: b, kind: kind, cue: k, rule: ruleCoordinatedID}, true
}

// coordinatedVerb reports whether the verb at k opens a second clause of its sentence with no
// subject of its own: after "und" or "sowie" ("… und sagte"), or after a comma when "aber",
// "jedoch" or "dann" follows it ("…, sagte aber, …").
func coordinatedVerb(ts []tok, k int) bool {
	p := ts[k-1]
	if p.kind() == tWord && (p.lower() == "und" || p.lower() == "sowie") {
		return true
	}
	if !p.isPunct(",") || k+1 >= len(ts) || ts[k+1].kind() != tWord {
		return false
	}
	switch ts[k+1].lower() {
	case "aber", "jedoch", "dann", "zudem", "außerdem":
		return true
	}
	return false
}
