package article

import (
	"strings"
	"unicode"
)

// subjunctives are the German verb forms of reported speech (Konjunktiv I, and the Konjunktiv II
// forms that stand in for it): "Er sagte, die Lage sei „ernst“".
var subjunctives = wordList(lxSubjunctive, "sei", "seien", "habe", "müsse", "werde", "könne", "solle", "wolle",
	"dürfe", "gebe", "bleibe", "stehe", "liege", "gehe", "komme", "brauche", "wisse", "wäre", "wären", "hätte",
	"hätten", "würde", "würden", "könnten", "müssten",
	// Konjunktiv I of common verbs of news (stem + "e", where the indicative has "-t"):
	"möge", "zeige", "sehe", "halte", "lasse", "nehme", "trage", "gelte", "finde", "führe", "mache", "fehle",
	"drohe", "biete", "bestehe", "gehöre", "handele", "handle", "erwarte", "fordere", "betrage", "bedeute",
	"entspreche", "erfolge", "arbeite", "sitze", "setze", "stelle", "lege", "bringe", "denke", "glaube",
	"hoffe", "treffe", "verfüge", "leide", "lebe", "wirke", "helfe", "schütze", "werfe", "schade", "diene",
	"sorge", "spreche", "kenne", "trete", "beginne", "wachse", "steige", "sinke", "folge", "verstoße",
	"verletze", "beziehe", "richte", "ziele", "lohne", "erhalte", "enthalte", "verhindere", "erfülle", "plane",
	"suche", "versuche", "benötige", "verlange", "zwinge", "stimme", "tue", "sage", "erkläre", "meine",
	"unterstütze", "verfolge", "betreibe", "besitze", "existiere", "gelange", "darstelle", "angehöre", "ausgehe",
	// and the Konjunktiv II forms that stand in for it:
	"käme", "kämen", "gäbe", "gäben", "stünde", "stünden", "ginge", "gingen", "läge", "lägen", "bräuchte",
	"bräuchten", "wüsste", "wüssten", "dürften", "müsste", "könnte", "täte", "fände", "hielte", "ließe",
	"bliebe", "entstünden", "entstünde")

// maxReportedBack bounds the sentences carryReported looks back for the speaker.
const maxReportedBack = 3

// maxReportedChain bounds the sentences carryReported looks back over a chain of reported speech,
// every sentence of it in the subjunctive: German news reports a statement over many sentences.
const maxReportedChain = 8

// maxReportedQuiet bounds the sentences carryReported looks back over when none of the sentences
// passed holds a speech verb: no other speaker has come in between, and the reported speech goes
// on from the last one named ("Der Minister weist auf die Risiken hin, die … Dazu gehöre … Auch
// … erschließt … So gewonnene Daten seien „…“").
const maxReportedQuiet = 5

// carryReported gives a German quotation inside reported speech (its sentence has a subjunctive
// verb, "Damit seien „…“") that no rule attributed the speaker of that reported speech: the last
// speech verb's subject in its sentence or the sentences before it in the paragraph.
func (e *engine) carryReported(pi int) {
	ps := e.ps[pi]
	for si := range ps.spans {
		s := &e.segs[ps.first+si]
		qi := ps.qtok[si]
		if s.has || ps.titleLike(si) && !wholeParagraph(ps, qi) && !afterIndefinite(ps, qi) || nameAfterSourceWord(ps, qi) || !reportedSentence(ps, qi) && !afterReported(ps, qi) {
			continue
		}
		if m, ok := reportedPronoun(ps, qi); ok {
			m.para = pi
			e.assign(s, m)
			continue
		}
		if m, o, ok := e.reportedSpeaker(pi, qi); ok {
			e.giveReported(s, m, o)
			continue
		}
		if m, o, ok := e.reportedAcross(pi, qi); ok {
			e.giveReported(s, m, o)
		}
	}
}

// giveReported gives quotation s the speaker of the reported speech it stands in: that of quotation
// o when the speaker is one (its match and entity), else mention m; the rule is carry-reported.
func (e *engine) giveReported(s *seg, m match, o *seg) {
	if o != nil {
		s.m, s.has, s.ent = o.m, true, o.ent
	} else {
		e.assign(s, m)
	}
	s.m.rule = ruleCarryReported
}

// maxReportedParas bounds the paragraphs reportedAcross goes back over.
const maxReportedParas = 2

// reportedAcross looks for the speaker of reported speech in the paragraphs before that of
// quotation token qi, when every sentence of its paragraph before the quotation's is reported
// speech too: German news reports a statement over several paragraphs in the subjunctive, and
// names its speaker once, where it begins.
func (e *engine) reportedAcross(pi, qi int) (m match, o *seg, ok bool) {
	if !isUtterance(e.ps[pi], qi) || !allReported(e.ps[pi], sentenceStart(e.ps[pi], qi)) {
		return match{}, nil, false
	}
	for pj := pi - 1; pj >= 0 && pj >= pi-maxReportedParas; pj-- {
		ps := e.ps[pj]
		last := len(ps.toks) - 1
		if last < 1 || !reportedSentence(ps, last) {
			return match{}, nil, false
		}
		if m, o, ok := e.reportedSpeaker(pj, last); ok {
			return m, o, true
		}
		if !allReported(ps, len(ps.toks)) {
			return match{}, nil, false
		}
	}
	return match{}, nil, false
}

// allReported reports whether every sentence in tokens [0, end) of the paragraph holds a
// subjunctive verb.
func allReported(ps *paraState, end int) bool {
	ts := ps.toks
	has := false
	for j := 0; j < end; j++ {
		switch {
		case ts[j].isSentenceEnd():
			if !has {
				return false
			}
			has = false
		case ts[j].kind() == tWord && ts[j].is(lxSubjunctive):
			has = true
		}
	}
	return end == 0 || has || ts[end-1].isSentenceEnd()
}

// afterIndefinite reports whether German quotation token qi is a term of several words after a noun
// and an indefinite article ("auf dem Weg einer „Bündelung der Kräfte“"). A name in marks seldom
// stands there, so reported speech may hold such a quotation as its speaker's words though it reads
// as a title. One capitalised word after a noun ("den Rang eines „Denkmals“") stays a name, and
// so does a term after a preposition or a lower-case word ("dort wurde ein „Zeltlager“
// gebaut"): on train, reading those as reported speech gave scare quotes a speaker and won
// nothing.
func afterIndefinite(ps *paraState, qi int) bool {
	ts := ps.toks
	if qi < 2 || ts[qi-1].kind() != tWord || !indefinitesDe[ts[qi-1].lower()] {
		return false
	}
	sp := ps.spans[ts[qi].q()]
	return ts[qi-2].kind() == tWord && ts[qi-2].cap() && countWords(ps.rs[sp.start:sp.end]) > 1
}

// nameAfterSourceWord reports whether quotation token qi stands right after "laut", or opens with a
// capital after "von" or "vom" and perhaps a definite article: the name of a paper or an
// organisation ("Außerdem hatte er laut „tagesschau.de“ kritisiert", "Moritz Wohlrab von der
// „Aktion Deutschland hilft“ sagte, es sei …"), not words of the reported speech.
func nameAfterSourceWord(ps *paraState, qi int) bool {
	ts := ps.toks
	if qi < 1 || !unicode.IsUpper(firstContentRune(ps.rs, ps.spans[ts[qi].q()])) && ts[qi-1].lower() != "laut" {
		return false
	}
	p := qi - 1
	if p > 0 && ts[p].kind() == tWord && !ts[p].cap() && definitesDe[ts[p].lower()] {
		p-- // a name's article; "von einer „Entschuldung …“" is reported words
	}
	if ts[p].kind() != tWord || ts[p].cap() {
		return false
	}
	switch ts[p].lower() {
	case "laut":
		return p == qi-1
	case "von", "vom":
		return true
	}
	return false
}

// afterReported reports whether quotation token qi is a whole sentence of direct speech right after
// a sentence of reported speech in its paragraph: German news turns from indirect to direct speech
// and goes on with the same speaker ("Er sei zu dem Schluss gekommen, dass … „Ich bin davon
// überzeugt, …“").
func afterReported(ps *paraState, qi int) bool {
	lo := sentenceStart(ps, qi)
	if lo != qi || lo < 2 || !isUtterance(ps, qi) || !quoteEndsSentence(ps, qi) {
		return false
	}
	return reportedSentence(ps, lo-1)
}

// reportedSentence reports whether the sentence of quotation token qi holds a subjunctive verb.
func reportedSentence(ps *paraState, qi int) bool {
	ts := ps.toks
	for j := sentenceStart(ps, qi); j < len(ts) && j-qi <= maxSentence; j++ {
		if j > qi && ts[j].isSentenceEnd() {
			break
		}
		if ts[j].kind() == tWord && (ts[j].is(lxSubjunctive) || j == sentenceStart(ps, j)+1 && secondSubjunctive(ts, j)) {
			return true
		}
	}
	return false
}

// reportedSpeaker looks for a speech verb and its subject in the sentence of quotation token qi
// before it, then in the sentences before that in the paragraph. The sentence right before, when it
// holds an attributed quotation, gives that quotation's attribution, returned as o: "„Mein Bruder wünscht
// sich mehr Ruhe.“ Der Rücktritt sei ein „natürlicher Vorgang“." goes on in the quoted person's
// reported speech.
func (e *engine) reportedSpeaker(pi, qi int) (m match, o *seg, ok bool) {
	ps := e.ps[pi]
	end := qi
	for n := 0; end > 0 && (n < maxReportedBack || n < maxReportedChain && subjunctiveIn(ps.toks, end, qi) || n < maxReportedQuiet && !speechVerbIn(ps.toks, end, qi)); n++ {
		lo := sentenceStart(ps, end)
		if n == 1 {
			// end is the sentence's last token: a quotation that closes it ends it.
			if o := e.attributedIn(ps, lo, end+1); o != nil {
				return match{}, o, true
			}
		}
		if m, ok := walkBack(ps, end, lo, false); ok && m.kind != npNone {
			m.para = pi
			return m, nil, true
		}
		// The subject of a sentence whose finite verb is a speech verb, wherever the subject
		// stands: "In seiner Rede erklärte Johnson, die Rechte schützen zu wollen."
		if a, b, kind, v := germanSubject(ps.toks, lo, end); kind != npNone && v >= 0 && (isVerb(ps.toks[v]) || germanCue(ps.toks, v, end)) {
			return match{a: a, b: b, kind: kind, cue: v, para: pi, rule: ruleCarryReported}, nil, true
		}
		if n > 0 {
			// A sentence before whose reported clause a "so" and its speaker interrupt ("Doch sei
			// es, so der Schriftsteller Musa Okwanga in einem Blog, ein Haufen Leute gewesen.")
			// names the speaker the reported speech goes on with.
			if m, ok := insertedSo(ps.toks, lo, end); ok {
				m.para = pi
				return m, nil, true
			}
			if m, ok := neuterSpeaker(ps, lo, end); ok {
				m.para = pi
				return m, nil, true
			}
			// A sentence before that reads from a text ("In dem Bericht heißt es, die Lage sei
			// ernst.") is that text's, and the reported speech goes on in it.
			if m, ok := itSaysIn(ps.toks, lo, end+1, -1, false); ok {
				m.para, m.rule = pi, ruleCarryReported
				return m, nil, true
			}
		}
		if n == 0 && ownIntro(ps, lo, qi) {
			if m, ok := passiveIntroAgent(ps, qi); ok {
				m.para = pi
				return m, nil, true
			}
			break // the sentence's own speech verb names the speaker, or leaves it unnamed
		}
		end = lo - 1
		if end <= 0 {
			break
		}
	}
	return match{}, nil, false
}

// attributedIn returns the segment of the last attributed quotation among tokens [lo, end) of the
// paragraph, or nil.
func (e *engine) attributedIn(ps *paraState, lo, end int) *seg {
	for j := end - 1; j >= lo; j-- {
		if ps.toks[j].kind() != tQuote {
			continue
		}
		if s := &e.segs[ps.first+ps.toks[j].q()]; s.has {
			return s
		}
	}
	return nil
}

// secondSubjunctive reports whether word j, second in its sentence, reads as a Konjunktiv I verb:
// in the verb's place after a first word that is no determiner ("Es drohe", "Außerdem halte die
// Fraktion"), a lower-case word of the form stem + "e" ("drohe", "halte"), not an adjective's "-e"
// before a noun.
func secondSubjunctive(ts []tok, j int) bool {
	t, p := ts[j], ts[j-1]
	w := t.lower()
	if t.kind() != tWord || t.cap() || p.kind() != tWord || p.is(lxDeterminer) || len(w) < 4 || w[len(w)-1] != 'e' ||
		t.is(lxDeterminer) || t.is(lxPreposition) || t.is(lxConjunction) || t.is(lxAdverb) {
		return false
	}
	return j+1 >= len(ts) || !ts[j+1].cap() || ts[j+1].is(lxDeterminer) || ts[j+1].is(lxCapStop)
}

// reportedPronoun reads the speaker of reported speech that opens its sentence, or the clause after
// a colon, with "er" or "sie" and a subjunctive verb: "Müller bezweifelte die Eignung Merkels: Er
// habe „nicht den Eindruck, dass sie es kann“". German reports a speaker's "ich" as "er" or "sie",
// so the pronoun names the speaker.
func reportedPronoun(ps *paraState, qi int) (match, bool) {
	ts := ps.toks
	lo := sentenceStart(ps, qi)
	for p := qi - 2; p >= lo; p-- {
		if ts[p].isPunct(":") {
			lo = p + 1
			break
		}
	}
	if lo+1 >= qi || ts[lo].kind() != tWord || ts[lo].lower() != "er" && ts[lo].lower() != "sie" || !ts[lo+1].is(lxSubjunctive) {
		return match{}, false
	}
	return match{a: lo, b: lo + 1, kind: npPronoun, cue: lo + 1, rule: ruleCarryReported}, true
}

// subjunctiveIn reports whether every sentence in tokens [from, to) holds a subjunctive verb: the
// sentences a chain of reported speech has passed.
func subjunctiveIn(ts []tok, from, to int) bool {
	has := false
	for j := from; j < to; j++ {
		switch {
		case ts[j].isSentenceEnd():
			if !has && j > from {
				return false
			}
			has = false
		case ts[j].kind() == tWord && ts[j].is(lxSubjunctive):
			has = true
		}
	}
	return has
}

// ownIntro reports whether the sentence of quotation token qi, which starts at token lo, holds a
// speech verb of its own before the quotation, which names its speaker or leaves it unnamed: a
// strong speech verb whose subject the rules could not read ("…, dass Mindermann das Mädchen
// danach gefragt habe, was sie „…“"), or an indicative passive that introduces the reported clause
// (passiveIntro). A speaker carried from the sentences before is then another's.
func ownIntro(ps *paraState, lo, qi int) bool {
	for j := lo; j < qi; j++ {
		if isStrongVerb(ps.toks[j]) {
			return true
		}
	}
	return passiveIntro(ps, qi)
}

// passivesDe are the indicative forms of the German passive's "werden", whose participle closes
// the clause ("wurde … mitgeteilt"); perfectsDe are those of "sein" before "worden" ("ist …
// mitgeteilt worden"). A subjunctive "sei … worden" goes on with the reported speech instead.
var (
	passivesDe = setOf("wird", "wurde", "wurden")
	perfectsDe = setOf("ist", "sind", "war", "waren")
)

// passiveIntro reports whether a clause in the indicative passive introduces the reported clause
// that holds quotation token qi, in the quotation's own sentence: a finite passive auxiliary and,
// later in the same clause, its participle right before the comma that opens the reported clause
// ("In einem Memorandum wird die Position durch den Satz gekennzeichnet, Folter läge nur dann
// vor, wenn … „…“ resultiere", "Es wurde mitgeteilt, die Lage sei „ernst“"). Its speaker is the
// passive's agent or nobody named, not the speaker of the sentences before.
func passiveIntro(ps *paraState, qi int) bool {
	_, _, ok := passiveIntroClause(ps, qi)
	return ok
}

// passiveIntroClause is passiveIntro that also returns the clause, tokens [lo, hi), hi its comma.
func passiveIntroClause(ps *paraState, qi int) (lo, hi int, ok bool) {
	ts := ps.toks
	passive, perfect := false, false // the clause holds a finite "wird", "wurde", … or "ist", "war", …
	lo = sentenceStart(ps, qi)
	for j := lo; j < qi; j++ {
		t := ts[j]
		switch {
		case t.isPunct(","):
			if p := ts[j-1]; passive && participleDe(p) || perfect && p.lower() == "worden" {
				return lo, j, true
			}
			passive, perfect = false, false
			lo = j + 1
		case t.kind() == tWord && !t.cap():
			passive = passive || passivesDe[t.lower()]
			perfect = perfect || perfectsDe[t.lower()]
		}
	}
	return 0, 0, false
}

// passiveIntroAgent reads the agent of the passive that introduces the reported clause of
// quotation token qi (passiveIntro): a name, or a description that holds an office, after "von"
// or "vom" in that clause ("Es wurde von Demjanjuks Sohn die Mutmaßung geäußert, Deutschland
// brauche nur ein Opfer, mit dem man „…“"). The participle is the cue. A participle that takes
// "von" for its topic ("Es wurde von einem Anstieg gesprochen") gives none.
func passiveIntroAgent(ps *paraState, qi int) (match, bool) {
	lo, hi, ok := passiveIntroClause(ps, qi)
	if !ok {
		return match{}, false
	}
	ts := ps.toks
	switch ts[hi-1].lower() {
	case "gesprochen", "berichtet", "geredet", "erzählt", "gewarnt", "geschrieben":
		return match{}, false
	}
	for j := lo; j < hi-1; j++ {
		if w := ts[j].lower(); ts[j].kind() != tWord || ts[j].cap() || w != "von" && w != "vom" {
			continue
		}
		a, b, kind := germanNP(ts, j+1, hi-1)
		if kind == npName || kind == npDesc && holdsRole(ts, a, b) {
			return match{a: a, b: b, kind: kind, cue: hi - 1, rule: ruleCarryReported}, true
		}
		return match{}, false
	}
	return match{}, false
}

// participleDe reports whether t reads as a German past participle: a lower-case word in "-t"
// ("mitgeteilt", "erklärt") or in "-en" with "ge" in it ("gesprochen", "angegeben").
func participleDe(t tok) bool {
	w := t.lower()
	if t.kind() != tWord || t.cap() {
		return false
	}
	return strings.HasSuffix(w, "t") || strings.HasSuffix(w, "en") && strings.Contains(w, "ge")
}

// insertedSo reads the speaker of an inserted German cue in tokens [lo, end) of a sentence: a
// comma, a lower-case "so" and a name or a description that holds an office, followed by a comma
// or a preposition inside the sentence ("Doch sei es, so der ugandische Schriftsteller Musa
// Okwanga in einem Blogeintrag, ein Haufen mächtiger Leute gewesen"). The cue is "so".
func insertedSo(ts []tok, lo, end int) (match, bool) {
	for c := lo + 1; c+2 < end; c++ {
		k := c + 1
		if !ts[c].isPunct(",") || ts[k].kind() != tWord || ts[k].cap() || ts[k].lower() != "so" {
			continue
		}
		a, b, kind, e := germanPhrase(ts, k+1, end)
		if kind != npName && !(kind == npDesc && holdsRole(ts, a, b)) || e >= end {
			continue
		}
		if t := ts[e]; t.isPunct(",") || t.kind() == tWord && !t.cap() && t.is(lxPreposition) {
			return match{a: a, b: b, kind: kind, cue: k, rule: ruleCarryReported}, true
		}
	}
	return match{}, false
}

// neuterSpeaker reads "Es" as the speaker of a German sentence in tokens [lo, end) that opens with
// "Es" and a speech verb, when the sentence right before it in the paragraph opens with a neuter
// subject, "Das" and a noun: "Das Gericht nutzte die Urteilsbegründung zur Verteidigung. Es weist
// den Vorwurf als abwegig zurück, man hätte …". The pronoun stands for that body, not for the "es"
// of "Es heißt" or of a passive, whose verbs are no speech verbs of a subject. It is no person, so
// the mention is "Es" and no speaker is resolved from it.
func neuterSpeaker(ps *paraState, lo, end int) (match, bool) {
	ts := ps.toks
	if lo < 3 || lo+1 >= end || ts[lo].kind() != tWord || ts[lo].lower() != "es" || !ts[lo].cap() {
		return match{}, false
	}
	v := lo + 1
	if w := ts[v].lower(); w == "heißt" || w == "hieß" || !isStrongVerb(ts[v]) && !germanCue(ts, v, end) {
		return match{}, false
	}
	p := sentenceStart(ps, lo-1)
	if p+2 >= lo || ts[p].kind() != tWord || ts[p].lower() != "das" || !ts[p].cap() || ts[p+1].kind() != tWord || !ts[p+1].cap() {
		return match{}, false
	}
	// A description's kind: the pronoun is the mention, and no person it might resolve to speaks.
	return match{a: lo, b: lo + 1, kind: npDesc, cue: v, rule: ruleCarryReported}, true
}

// speechVerbIn reports whether a strong speech verb stands in tokens [from, to): a sentence passed
// on the way back that may name another speaker.
func speechVerbIn(ts []tok, from, to int) bool {
	for j := from; j < to; j++ {
		if isStrongVerb(ts[j]) {
			return true
		}
	}
	return false
}
