package article

// speechPrepositions open the prepositional object of a German speech verb, which names what was
// said in the speaker's words: "warnte vor den „…“", "riet zu „…“", "sprach von einem „…“".
var speechPrepositions = setOf("vor", "zu", "von", "vom")

// maxVerbToPreposition bounds the words between a speech verb and its prepositional object
// ("warnte Kluncker damals vor").
const maxVerbToPreposition = 3

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
