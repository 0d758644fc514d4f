package article

import "strings"

// This file reads who speaks in a German source phrase that names a text or a circle of people
// rather than a person: "„…“, hieß es in der Rede des Kanzlers Olaf Scholz" is Olaf Scholz's,
// "hieß es in einer Mitteilung von Siemens" Siemens's, and "hieß es aus Regierungskreisen" the
// circles' ("Regierungskreise"), a described source, no name a pronoun later stands for. It reads
// the mention's own tokens only.

// circleSuffixDe ends the German nouns of a circle of unnamed people a report cites
// ("Regierungskreisen", "Parteikreisen", "Sicherheitskreisen"), in the dative plural that "aus",
// "von", "in" and "laut" give them; "Kreisen der Regierung" says the same.
const circleSuffixDe = "kreisen"

// circlePrepositionsDe govern a circle named as a source: "aus Regierungskreisen", "von
// Diplomatenkreisen", "in Parteikreisen", "Aus Sicherheitskreisen hieß es", "laut Regierungskreisen".
var circlePrepositionsDe = setOf("aus", "von", "in", "laut")

// circleSourceDe returns the described speaker that the German mention [a, b) of a source phrase
// is when it names a circle of people after "aus", "von", "in" or "laut" (circleSuffixDe): the noun in
// the nominative plural, what follows it kept ("aus Regierungskreisen" is "Regierungskreise",
// "aus Kreisen der Regierung" "Kreise der Regierung"). Such a circle is many people, no name: it
// is described and names nobody a pronoun later stands for. It returns nil for any other mention.
func (rg *registry) circleSourceDe(ps *paraState, a, b int) *entity {
	ts := ps.toks
	if a < 1 || b <= a || ts[a-1].kind() != tWord || !circlePrepositionsDe[ts[a-1].lower()] {
		return nil
	}
	h := ts[a]
	if h.kind() != tWord || !h.cap() || !strings.HasSuffix(h.lower(), circleSuffixDe) {
		return nil
	}
	if b > a+1 && !genitiveArticlesDe[ts[a+1].lower()] {
		return nil // "aus Regierungskreisen in Berlin": only a genitive stays with the noun
	}
	for i := a + 1; i < b; i++ {
		if ts[i].kind() != tWord {
			return nil
		}
	}
	text := strings.TrimSuffix(ps.text(a, a+1), "n")
	if b > a+1 {
		text += " " + ps.text(a+1, b)
	}
	return rg.describedEntityDe(ps, text, a, b)
}

// textOwnerNameDe returns the person or organisation the German mention [a, b) names as the owner
// of the text or the occasion "heißt es" reads in: after "in", "im" or "auf", a noun of what was
// said or of an occasion (saidNounDe, eventNounDe) and a genitive or "von" that ends in a name
// ("in der Rede des Kanzlers Olaf Scholz", "in einer Mitteilung von Siemens"). The name's words
// are no common words of the article ("in einer Erklärung der Bundesregierung" names a
// description, which textOwnerDe shows). It returns nil for any other mention.
func (rg *registry) textOwnerNameDe(ps *paraState, a, b int) *entity {
	ts := ps.toks
	if a < 1 || ts[a-1].kind() != tWord || !textPrepositionsDe[ts[a-1].lower()] {
		return nil
	}
	h := a
	for h < b && ts[h].kind() == tWord && !ts[h].cap() {
		h++ // the article and adjectives: "der gestrigen Rede"
	}
	if h+2 >= b || ts[h].kind() != tWord || !ts[h].cap() {
		return nil
	}
	if w := ts[h].lower(); !saidNounDe(w) && !eventNounDe(w) {
		return nil
	}
	switch ts[h+1].lower() {
	case "des", "der", "eines", "einer", "von", "vom":
	default:
		return nil
	}
	n := b
	for n > h+2 && ts[n-1].kind() == tWord && ts[n-1].cap() && !rg.commonWordDe(ts[n-1]) {
		n--
	}
	if n == b {
		return nil
	}
	for i := h + 2; i < n; i++ {
		if t := ts[i]; t.kind() != tWord || isVerb(t) {
			return nil
		}
	}
	return rg.resolveNameDe(ps, n, b)
}

// sourceOwnerDe returns the speaker that the mention of German match m, a source phrase read by
// it-says or according-to, names past its own words: a circle of people (circleSourceDe) or the
// named owner of a text (textOwnerNameDe, it-says only). named says that the speaker is a name,
// which a pronoun later may stand for; a circle is none. It returns nil for any other match.
func (rg *registry) sourceOwnerDe(ps *paraState, m match) (ent *entity, named bool) {
	if m.rule != ruleItSaysID && m.rule != ruleAccordingTo {
		return nil, false
	}
	if ent := rg.circleSourceDe(ps, m.a, m.b); ent != nil {
		return ent, false
	}
	if m.rule == ruleItSaysID {
		if ent := rg.textOwnerNameDe(ps, m.a, m.b); ent != nil {
			return ent, true
		}
	}
	return nil, false
}
