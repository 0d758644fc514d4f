package article

import "strings"

// This file reads a German subject that is a common noun of an institution after its definite
// article ("Die Gewerkschaft sagte: „…“", "„…“, teilte die Polizei mit"), which the rules read as
// a name: the speaker it resolves to shows the noun, a described speaker, not a name.

// institutionNounsDe end German common nouns of an institution or an authority that speaks
// through its people ("die Polizei", "das Landgericht", "das Bundesministerium"), besides the kinds
// of organisation (orgKindsDe) and the nouns with a common noun's ending ("die Regierung", "die
// Staatsanwaltschaft", commonSuffixDe).
var institutionNounsDe = []string{"polizei", "gericht", "feuerwehr", "ministerium", "behörde", "bundeswehr",
	"armee", "militär", "kirche", "gemeinde", "justiz", "rathaus", "parlament", "senat", "kammer", "amt"}

// institutionNounDe reports whether the lower-case German noun w is, or ends in, a noun of an
// institution (institutionNounsDe), a kind of organisation (orgKindDe) or has a common noun's
// ending (commonSuffixDe).
func institutionNounDe(w string) bool {
	if orgKindDe(w) || commonSuffixDe(w) {
		return true
	}
	for _, n := range institutionNounsDe {
		if strings.HasSuffix(w, n) {
			return true
		}
	}
	return false
}

// subjectArticlesDe are the German definite articles of a subject: "Die Polizei", "Das Gericht",
// "Der Verein".
var subjectArticlesDe = setOf("der", "die", "das")

// describedSubjectDe marks ent described when it is what the German name mention [a, b) resolved
// to and that mention is one noun of an institution (institutionNounDe) after a definite article,
// in the mention or right before it ("Die Gewerkschaft", "die Polizei"): a common noun of the
// article (commonWordDe) and no person's, shown as itself. A word in capitals ("Die CDU"), an
// office or a title ("Der Bundespräsident", whose holder resolveOfficeDe reads) stays as it is.
func (rg *registry) describedSubjectDe(ps *paraState, a, b int, ent *entity) {
	ts := ps.toks
	if b-a == 2 && subjectArticlesDe[ts[a].lower()] {
		a++
	}
	if ent == nil || ent.person || ent.described || b-a != 1 || a < 1 || !subjectArticlesDe[ts[a-1].lower()] {
		return
	}
	h := ts[a]
	w := h.lower()
	if h.kind() != tWord || !h.cap() || capitalsWord(ps.text(a, b)) || h.shape(lxRoleNoDot|lxTitle|lxTitleNoDot) ||
		len(ent.toks) != 1 || ent.toks[0] != w || !rg.commonWordDe(h) || !institutionNounDe(w) {
		return
	}
	ent.described = true
}
