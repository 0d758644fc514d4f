package article

// ruleNamedAs links a German quotation that names a thing after "als" to whoever names it, whatever
// the verb: the subject of a sentence that opens with it ("Die Bundesregierung hatte den Bericht
// umgehend als „falsch“ zurückgewiesen", "Auch der Minister attackierte den Iran als den „…“"),
// or the phrase a relative clause hangs on ("ein Kommentar, der die Entscheidung als „…“
// bezeichnet"), or the agent of a passive ("wird vom Wetterdienst als „sehr hoch“ eingestuft"). A
// verb that only links ("gilt als", "dient als"), a passive with no agent ("wurde als „…“
// bezeichnet") or a reflexive ("präsentiert sich als") names nobody's words.
func ruleNamedAs(ps *paraState, qi int) (match, bool) {
	if !ps.de {
		return match{}, false
	}
	ts := ps.toks
	lo := sentenceStart(ps, qi)
	k := qi - 1
	if k > lo && ts[k].is(lxDeterminer) {
		k-- // "als den „führenden Förderer …“"
	}
	if k <= lo || ts[k].kind() != tWord || ts[k].lower() != "als" {
		return match{}, false
	}
	if c := relativeComma(ts, lo, k); c >= 0 {
		if passiveAfter(ts, qi+1) || reflexiveIn(ts, c, k) {
			return match{}, false
		}
		a, b, kind := antecedent(ts, c, lo)
		if kind == npNone {
			return match{}, false
		}
		return match{a: a, b: b, kind: kind, cue: c + 1, rule: ruleNamedAsID}, true
	}
	if a, b, kind := passiveAgent(ts, lo, k); kind != npNone {
		return match{a: a, b: b, kind: kind, cue: k, rule: ruleNamedAsID}, true
	}
	if a, b, kind := passiveMedium(ts, lo, k, qi); kind != npNone {
		return match{a: a, b: b, kind: kind, cue: k, rule: ruleNamedAsID}, true
	}
	if n := qi + 1; n+1 < len(ts) && ts[n].kind() == tWord && !ts[n].cap() && !ts[n].is(lxPreposition) && !ts[n].is(lxDeterminer) &&
		ts[n+1].kind() == tWord && ts[n+1].cap() && !ts[n+1].is(lxCapStop) {
		return match{}, false // "das als „…“ bekannte Lager": an attribute of a noun, nobody's naming
	}
	if passiveAfter(ts, qi+1) {
		return match{}, false // "was als „Flucht“ interpretiert wurde": a passive whose agent we did not read
	}
	if u := coordinatedAls(ts, lo, k); u > lo {
		// "Auf Twitter zeigte sich die Bundesregierung bestürzt und verurteilte ihn als „…“": a
		// second verb with no subject of its own names with "als"; its subject is the first verb's.
		a, b, kind, v := germanSubject(ts, lo, u)
		if kind != npNone && v >= 0 && v < u && b <= u && !linkingVerb(ts[v].lower()) {
			return match{a: a, b: b, kind: kind, cue: u + 1, rule: ruleNamedAsID}, true
		}
		return match{}, false
	}
	if lo+1 < k && ts[lo].cap() && focusParticles[ts[lo].lower()] {
		lo++ // "Auch der Minister attackierte"
	}
	if !opensWithSubject(ts, lo) || linkingVerb(ts[lo].lower()) {
		return match{}, false // "Galt Ratzinger als „…“" opens with its verb
	}
	a, b, kind, v := germanSubject(ts, lo, k)
	if kind == npNone || v < 0 || linkingVerb(ts[v].lower()) {
		return match{}, false
	}
	for j := max(v, b-1) + 1; j < k; j++ {
		if ts[j].kind() != tWord || ts[j].lower() == "sich" || ts[j].is(lxConjunction) || linkingVerb(ts[j].lower()) {
			return match{}, false // a reflexive, or a clause of its own between the verb and "als"
		}
	}
	return match{a: a, b: b, kind: kind, cue: v, rule: ruleNamedAsID}, true
}

// coordinatedAls returns the "und" in tokens (lo, k) that opens a second clause with no subject of
// its own, reaching "als" at k: a lower-case verb right after it (no determiner, preposition,
// pronoun or adverb), then words with no comma, reflexive or linking verb ("… und verurteilte
// ihn als"); or -1.
func coordinatedAls(ts []tok, lo, k int) int {
	for j := k - 1; j > lo; j-- {
		t := ts[j]
		if t.kind() != tWord || t.lower() == "sich" || linkingVerb(t.lower()) {
			return -1
		}
		if t.lower() != "und" || t.cap() {
			continue
		}
		n := ts[j+1]
		if j+1 >= k || n.kind() != tWord || n.cap() || n.is(lxDeterminer) || n.is(lxPreposition) || n.is(lxPronoun) ||
			n.is(lxAdverb) || n.is(lxConjunction) || linkingVerb(n.lower()) {
			return -1
		}
		return j
	}
	return -1
}

// alsTerm reports whether quotation token qi stands right after "als", or after "als" and a
// determiner ("als „Wortbruch“", "als den „führenden Förderer“"): German names a thing with "als"
// and a term, so a capitalised quotation there is a term someone used, not a title.
func alsTerm(ts []tok, qi int) bool {
	k := qi - 1
	if k > 0 && ts[k].kind() == tWord && ts[k].is(lxDeterminer) && !ts[k].cap() {
		k--
	}
	return k >= 0 && ts[k].kind() == tWord && !ts[k].cap() && ts[k].lower() == "als"
}

// relativeComma returns the comma in tokens (lo, k) that opens a relative clause reaching to k
// (", der die Entscheidung als"), or -1: the last comma before k, followed by a relative pronoun.
func relativeComma(ts []tok, lo, k int) int {
	for c := k - 1; c > lo; c-- {
		if ts[c].kind() != tWord {
			if !ts[c].isPunct(",") {
				return -1
			}
			switch ts[c+1].lower() {
			case "der", "die", "das", "welcher", "welche", "welches":
				if c+1 < k && !ts[c+1].cap() {
					return c
				}
			}
			return -1
		}
	}
	return -1
}

// antecedent returns the phrase that ends at the comma c, which a relative clause after it hangs
// on: "eine griechische Botschaft, welche", "vom Fahrgastverband IGEB, der".
func antecedent(ts []tok, c, lo int) (a, b int, kind npKind) {
	j := c - 1
	for {
		for j > lo && c-j < maxGermanNP && ts[j].kind() == tWord && !ts[j].is(lxDeterminer) &&
			(ts[j].cap() || ts[j-1].kind() == tWord && (!ts[j-1].cap() || ts[j-1].is(lxDeterminer))) { // "Der oberste geistliche Führer"
			if !ts[j].cap() && !ts[j-1].is(lxDeterminer) && !(ts[j-1].kind() == tWord && !ts[j-1].cap() && ts[j-1].lower() != "" && j-2 >= lo && ts[j-2].is(lxDeterminer)) {
				break // a lower-case word that no determiner opens: no adjective of the phrase
			}
			j--
		}
		// A genitive's article after a noun: the phrase goes on before it ("Der Führer des Landes, der").
		if g := ts[j].lower(); j-1 > lo && c-j < maxGermanNP && (g == "des" || g == "der") && !ts[j].cap() &&
			ts[j-1].kind() == tWord && ts[j-1].cap() && !ts[j-1].is(lxCapStop) {
			j--
			continue
		}
		break
	}
	if ts[j].kind() != tWord || !ts[j].is(lxDeterminer) && !ts[j].cap() {
		j++
	}
	if j >= c || ts[j].is(lxPronoun) {
		return 0, 0, npNone
	}
	a, b, kind = germanNP(ts, j, c)
	if kind == npNone || b != c {
		return 0, 0, npNone
	}
	return a, b, kind
}

// reflexiveIn reports whether "sich" stands in tokens (c, k): "die sich als „…“ präsentiert".
func reflexiveIn(ts []tok, c, k int) bool {
	for j := c + 1; j < k; j++ {
		if ts[j].kind() == tWord && ts[j].lower() == "sich" {
			return true
		}
	}
	return false
}

// passiveAfter reports whether the verbs that close a clause at token j are a passive's ("als
// „Sonnenwind“ bezeichnet wird").
func passiveAfter(ts []tok, j int) bool {
	for n := 0; j < len(ts) && n < 4 && ts[j].kind() == tWord; j, n = j+1, n+1 {
		switch ts[j].lower() {
		case "wird", "wurde", "werden", "wurden", "worden", "gilt", "galt":
			return true
		}
	}
	return false
}

// linkingVerb reports whether the German finite verb w only links its subject to an "als" phrase
// ("gilt als", "dient als") or forms a passive ("wurde als … bezeichnet"): nobody speaks there.
func linkingVerb(w string) bool {
	switch w {
	case "gilt", "galt", "gelten", "galten", "dient", "diente", "dienen", "dienten",
		"ist", "war", "sind", "waren", "sei", "wäre", "wird", "wurde", "werden", "wurden", "worden", "würde",
		"fungiert", "fungierte":
		return true
	}
	return false
}

// passiveAuxiliaries are the forms of "werden" that make a German passive.
var passiveAuxiliaries = setOf("wird", "wurde", "werden", "wurden", "worden")

// passiveAgent reads the agent of a German passive that names something with "als" at token k:
// the phrase after "von" or "vom" that ends right before "als", in a sentence whose finite verb in
// [lo, k) is a form of "werden" ("Seine Werke werden von Musikkennern als „…“ bezeichnet", "wird
// die Gefahr vom Deutschen Wetterdienst als „sehr hoch“ eingestuft").
func passiveAgent(ts []tok, lo, k int) (a, b int, kind npKind) {
	passive := false
	for j := lo; j < k; j++ {
		t := ts[j]
		if t.kind() != tWord {
			if t.isPunct(",") || t.kind() == tQuote {
				return 0, 0, npNone // a clause of its own before "als"
			}
			continue
		}
		if passiveAuxiliaries[t.lower()] && !t.cap() {
			passive = true
			continue
		}
		if !passive || t.cap() || t.lower() != "von" && t.lower() != "vom" {
			continue
		}
		if a, b, kind := germanNP(ts, j+1, k); kind != npNone && b == k && kind != npPronoun {
			return a, b, kind
		}
	}
	return 0, 0, npNone
}

// mediaNounsDe name what publishes words, in which a passive names something: "In den Medien war
// der Auftrag als „Geschäft des Jahrhunderts“ bezeichnet worden".
var mediaNounsDe = setOf("medien", "presse", "zeitung", "zeitungen", "zeitschrift", "magazin", "blatt", "fachblatt",
	"artikel", "meldung", "meldungen", "kommentar", "kommentaren", "interview", "bericht", "berichten", "erklärung",
	"mitteilung", "pressemitteilung", "stellungnahme")

// passiveMedium reads where a German passive that names something with "als" at token k was
// published: "in" or "im" and a medium (mediaNounsDe) or a name in marks ("wurden gestern im
// „Standard“ als „…“ bezeichnet", "In den Medien war der Auftrag als „…“ bezeichnet worden"), in a
// sentence or clause [lo, k) with no comma, whose verbs before "als" or after the quotation qi
// include a form of "werden". A place ("in Berlin") names nobody.
func passiveMedium(ts []tok, lo, k, qi int) (a, b int, kind npKind) {
	passive := passiveAfter(ts, qi+1)
	a, b = -1, -1
	for j := lo; j < k; j++ {
		t := ts[j]
		if t.isPunct(",") {
			return 0, 0, npNone
		}
		if t.kind() != tWord {
			continue
		}
		if passiveAuxiliaries[t.lower()] && !t.cap() {
			passive = true
			continue
		}
		if a >= 0 || t.lower() != "in" && t.lower() != "im" || j+1 >= k {
			continue
		}
		n := j + 1
		if n+1 < k && ts[n].kind() == tWord && ts[n].is(lxDeterminer) && !ts[n].cap() && ts[n+1].kind() == tQuote {
			n++ // "in der „Zeit“"
		}
		if ts[n].kind() == tQuote {
			a, b = n, n+1
			continue
		}
		if pa, pb, pk, e := germanPhrase(ts, n, k); pk != npNone && pk != npPronoun {
			for h := pa; h < min(e, k); h++ {
				if ts[h].kind() == tWord && ts[h].cap() && mediaNounsDe[ts[h].lower()] {
					a, b = pa, pb
					break
				}
			}
		}
	}
	if !passive || a < 0 {
		return 0, 0, npNone
	}
	return a, b, npDesc
}
