package article

import (
	"sort"
	"strings"
)

// This file resolves the mentions that are no name to the entity they stand for: an English or
// German pronoun to the person named last of its gender and number, a German demonstrative to the
// person mentioned last, a relative pronoun to the name before it, and a German office with the
// definite article ("der Bundespräsident") to the person named last with that office.

// resolvePronoun returns the entity a pronoun at token tok of paragraph pi most likely names: the
// later of the last attributed speaker and the last name that opened a sentence before it. German
// "er" and "sie" name a person: the last attributed speaker who is one (pronounTarget: "laut
// Süddeutscher Zeitung … Er hatte aber auch gesagt" is not the paper's), and "er" no group that a
// verb in the plural spoke for (pluralCueDe); the names that open a sentence are persons' there
// already (subjectDe).
func (e *engine) resolvePronoun(pi, tok int) *entity {
	ps := e.ps[pi]
	last, lastPara, lastTok := e.lastEnt, e.lastPara, e.lastTok
	// "she" passes over a person the article calls "Mr." or "he", and "he" one it calls "Mrs.",
	// "Ms." or "she" (a few subjects back at most, so that a pronoun costs a bounded look). Past
	// such a person, only one the article tells is of the pronoun's gender or one with a full name
	// is taken, or nobody: a capitalised word that opened a sentence ("Disenchantment …") or a
	// label in capitals ("FULL TEXT") is no better a guess. "He" and "she" pass over a group a
	// name says is many (pluralEntity) as they do a person of the other gender.
	var g gender
	plural := false // English "they": many, never the one person named last (see pluralEntity)
	neuter := false // English "it": a thing or an organisation, never a person
	if tok < len(ps.toks) {
		switch w := pronounStem(ps.toks[tok]); {
		case !ps.de && (w == "i" || w == "we"):
			return nil // the writer (or a group with the writer), never the last person named
		case !ps.de && w == "they":
			plural = true
		case !ps.de && w == "it":
			neuter = true
		case !ps.de:
			g = pronounGender(ps.toks[tok])
		case w == "er" || w == "sie" || possessivesCapDe[w] || personPossessivesDe[w] || datives3De[w]:
			last, lastPara, lastTok = e.lastPerson.ent, e.lastPerson.para, e.lastPerson.tok
			if (w == "er" || w == "ihm" || strings.HasPrefix(w, "sein")) && last != nil && last.group {
				last = nil // "er" is one man, not the many a verb in the plural spoke for
			}
		}
	}
	skipped := false // a nearer subject of the other gender was passed over: the one taken must be told of this one
	takes := func(ent *entity) bool {
		if plural {
			return pluralEntity(ent)
		}
		if neuter && ent.gender != genderUnknown {
			return false // "it": no one the article calls "he" or "she", "Mr." or "Ms.", or names with a given name
		}
		if g != genderUnknown && (pluralEntity(ent) || groupEntity(ent)) {
			return false // "he", "she": one person, never the many a name says ("Senate Democrats", "Smith and Baker", "Trump University")
		}
		if g != genderUnknown && ent.gender == genderUnknown && (e.rg.place(ent) || capitalsName(ent)) {
			// "he", "she": no place the article writes after "in" ("North Carolina has … “…,” she
			// said"), nor a name in capitals, an acronym's or a label's ("NBC", "FULL TEXT")
			return false
		}
		return ent.fits(g) && (!skipped || ent.gender == g || fullName(ent))
	}
	var best *entity
	bp, bt := -1, -1
	looked := 0
	for p := pi; p >= 0 && p >= pi-2 && best == nil && looked < maxGenderLook; p-- {
		subj := e.ps[p].subj
		k := len(subj) - 1
		if p == pi {
			// subj is in token order: the last one before the pronoun.
			k = sort.Search(len(subj), func(i int) bool { return subj[i].tok >= tok }) - 1
		}
		for ; k >= 0 && looked < maxGenderLook; k-- {
			looked++
			if takes(subj[k].ent) {
				best, bp, bt = subj[k].ent, p, subj[k].tok
				break
			}
			skipped = true
		}
	}
	if last != nil && (lastPara > bp || lastPara == bp && lastTok > bt) && (lastPara < pi || lastTok < tok) && takes(last) {
		return last
	}
	return best
}

// subjectBefore reports whether the entity opens a sentence of the paragraph before token tok.
func subjectBefore(ps *paraState, ent *entity, tok int) bool {
	for _, sj := range ps.subj {
		if sj.tok >= tok {
			break
		}
		if sj.ent == ent {
			return true
		}
	}
	return false
}

// capitalsName reports whether the entity's name is written in capitals only, two letters or more
// and no lower-case one: an acronym's ("NBC", "AFP") or a label's ("FULL TEXT"), which name an
// organisation or a part of the text, and a person only where the article tells their gender.
func capitalsName(ent *entity) bool { return capitalsWord(ent.name) }

// pluralEntity reports whether the entity is a group its name itself says is many, its last word
// a plural noun for people ("Democrats", "Senate Republicans"), or two names joined by "and"
// ("Jane Smith and Tom Baker"): an English "they" stands only for such a group, and "he" or "she"
// never does (resolvePronoun). A person's name is none, however near: "…,” they said." after a
// paragraph about one woman is the people around her, and the reader shows no speaker rather than
// her; nor is a name that only ends in "s" ("Sanders").
func pluralEntity(ent *entity) bool {
	if ent == nil || len(ent.toks) == 0 {
		return false
	}
	if strings.Contains(ent.name, " and ") {
		return true
	}
	return pluralSpeakerNoun(ent.toks[len(ent.toks)-1])
}

// groupEntity reports whether the English entity's name ends with a noun for an organisation or
// a group of people ("Trump University", "Clinton Foundation"), or is two words that open with one
// ("Team Trump"; a longer name may open with a title cut short: "Staff Tom Baker" of "Chief of Staff Tom Baker"). "He" or
// "she" names no such entity, nor does a bare surname that a person of the article has too.
func groupEntity(ent *entity) bool {
	if ent == nil || len(ent.toks) == 0 {
		return false
	}
	return groupNounsEn.has(ent.toks[len(ent.toks)-1]) || len(ent.toks) == 2 && groupNounsEn.has(ent.toks[0])
}

// groupNounsEn are the English nouns for an organisation or a group of people of
// group-nouns-en.txt, without the nouns for a person that speakerNouns adds, and the last words of
// the names of papers, networks, places, buildings, offices, forces and companies that no
// person's name ends with ("Fox News", "The New York Times", "Human Rights Watch", "Maricopa
// County", "Port Hope Community Center", "State Department", "Hope Technologies"), which speak
// for no description.
var groupNounsEn = wordList(0, "news", "times", "journal", "watch", "county", "city", "street", "avenue", "plaza", "square",
	"center", "centre", "airport", "hospital", "school", "academy", "museum", "department", "ministry", "agency", "bureau",
	"office", "administration", "committee", "council", "board", "authority", "senate", "congress", "parliament", "police",
	"army", "navy", "corps", "force", "forces", "company", "group", "partners", "technologies", "industries", "holdings",
	"airlines", "motors", "inc", "corp", "llc", "ltd").with("lexicons/group-nouns-en.txt")

// fullName reports whether the entity has a name of two words or more written in mixed case, as
// a person's is ("David Axelrod"; not "FULL TEXT").
func fullName(ent *entity) bool {
	return len(ent.toks) >= 2 && strings.ToUpper(ent.name) != ent.name
}

// maxGenderLook bounds the sentence subjects a pronoun looks back over for one of its gender.
const maxGenderLook = 6

// reporterPronoun returns the gender of "he" or "she" that opens the clause a speech verb right
// after a sentence's subject (ending at token j) reports: "Trump said he …", "Clinton says that she
// …" (the reported clause's subject is the reporter, as reportingSubject reads it).
func reporterPronoun(ts []tok, j int) gender {
	v := skipAdverbsFwd(ts, j, len(ts))
	if v >= len(ts) || !isVerb(ts[v]) || ts[v].is(lxObjectVerb) {
		return genderUnknown
	}
	k := v + 1
	if k < len(ts) && ts[k].lower() == "that" {
		k++
	}
	if k+1 >= len(ts) || ts[k].kind() != tWord || ts[k].cap() || ts[k+1].kind() != tWord || ts[k+1].cap() {
		return genderUnknown
	}
	return pronounGender(ts[k])
}

// resolveDemonstrative returns the entity a German demonstrative at token tok of paragraph pi
// ("dieser", "letztere") stands for: the last person's name (personDe) before it in its sentence or
// the sentence before, the person last mentioned, not the subject ("Im Interview mit dem Anwalt,
// Rainer Wittner, sagte dieser, …"); nil when none is there, and resolvePronoun then reads it.
func (e *engine) resolveDemonstrative(pi, tok int) *entity {
	return e.personBeforeDe(pi, tok, nil)
}

// personBeforeDe returns the last person's name (personDe) before token tok of paragraph pi in
// its sentence or the sentence before that takes, given the name's first token (any, when takes
// is nil), or nil.
func (e *engine) personBeforeDe(pi, tok int, takes func(a int, ent *entity) bool) *entity {
	ps := e.ps[pi]
	lo := 0
	if s := sentenceStart(ps, tok); s > 0 {
		lo = sentenceStart(ps, s-1)
	}
	for j := tok - 1; j >= lo; j-- {
		if t := ps.toks[j]; t.kind() != tWord || !t.cap() || t.is(lxCapStop) {
			continue
		}
		if a, b, kind := npBackward(ps.toks, j, lo, false); kind == npName {
			if pa, pb, ok := e.rg.personDe(ps, a, b); ok {
				if ent := e.rg.resolveName(ps, pa, pb); ent != nil && (takes == nil || takes(pa, ent)) {
					return ent
				}
				j = a
			}
		}
	}
	return nil
}

// resolveRelative returns the entity a relative pronoun at token tok of paragraph pi stands for:
// its antecedent (relativeAntecedent), a name or a pronoun, or the name that a description in
// apposition follows ("Scott Reed, the group's chief strategist, who added"). A description that
// names nobody gives nil here; output makes it the speaker (describedSpeaker).
func (e *engine) resolveRelative(pi, tok int) *entity {
	ps := e.ps[pi]
	switch a, b, kind := relativeAntecedent(ps.toks, tok); kind {
	case npName:
		return e.rg.resolveName(ps, a, b)
	case npPronoun:
		return e.resolvePronoun(pi, a)
	case npDesc:
		if c := appositiveComma(ps.toks, a); c > 0 {
			if na, nb, nk := npBackward(ps.toks, c-1, max(0, c-1-maxNameWords), false); nk == npName && nb == c {
				return e.rg.resolveName(ps, na, nb)
			}
		}
	}
	return nil
}

// appositiveComma returns the comma that opens the appositive a description at a ends, past a
// few words before a that npBackward leaves out ("the Chamber's" of "Scott Reed, the Chamber's
// chief strategist"), or 0 when there is none.
func appositiveComma(ts []tok, a int) int {
	for j := a - 1; j > 0 && a-j <= 4; j-- {
		switch t := ts[j]; {
		case t.isPunct(","):
			return j
		case t.kind() != tWord && !t.isPunct("'") && !t.isPunct("’"), isVerb(t):
			return 0
		}
	}
	return 0
}

// plainDescriptionDe reports whether the German description [a, b) is words only, with no
// extended attribute after its determiner and no speech noun for its head: "der Sprecher der
// Regierung", "die Polizei", not "die „Computerwoche“" (a name in marks) or "die in New York City
// geborene Lopez", which would show as cut, nor "die zentrale Aussage einer Studie", what was
// said rather than who said it (as "heißt es in einer Erklärung" shows nobody).
func plainDescriptionDe(ts []tok, a, b int) bool {
	for i := a; i < b; i++ {
		if ts[i].kind() == tQuote {
			return false
		}
	}
	if ts[a].is(lxDeterminer) {
		a++
	}
	if a >= b || ts[a].is(lxPreposition) {
		return false
	}
	for i := a; i < b; i++ {
		if ts[i].kind() == tWord && ts[i].cap() {
			return !speechNounsDe[ts[i].lower()] // the head: the first capitalised word
		}
	}
	return false
}

// subjectShownDe reports whether the German description that a rule reads as the subject of a
// speech verb or of the clause before a colon (match m, speechSubjectRuleDe) shows as a speaker, as
// the same words read as a name do: words only (plainDescriptionDe), in the nominative (no article
// of the accusative or the dative: "Den Namen der Sendung gab X bekannt:" read the object), its
// head no noun of what was asked ("Im Mittelpunkt steht die Frage der Stadt:") and no pronoun, and
// the clause no passive, whose subject is what was done, not who did it ("Damit wird der Plan
// verschoben, …:").
func subjectShownDe(ts []tok, m match) bool {
	if h := headDe(ts, m.a, m.b); !plainDescriptionDe(ts, m.a, m.b) || objectCase[ts[m.a].lower()] || isAskedNounDe(ts[h].lower()) || ts[h].is(lxPronoun) || ts[h].is(lxCapStop) {
		return false
	}
	return m.cue < 0 || m.cue >= len(ts) || !passiveAuxiliaries[ts[m.cue].lower()]
}

// namedBeforeDe returns the person a German "er" at token tok of paragraph pi stands for when
// resolvePronoun finds nobody (no person opened a sentence or spoke before it): the last person
// named before it in its sentence or the sentence before, wherever the name stands there ("…
// ihres Fraktionsvorsitzenden Peter Hauk … Er begründet dies damit, dass …", "… meint Rick
// Homans vom Sekretariat. „…“, sagte er"), no woman the article tells of, no group and no name
// after a preposition, a place's more often than a speaker's ("Sekretariat in New Mexico"). It
// names nobody when a man described is there, whom "er" more likely stands for (describedManDe),
// nor for "sie", which may be many.
func (e *engine) namedBeforeDe(pi, tok int) *entity {
	ps := e.ps[pi]
	if tok >= len(ps.toks) || ps.toks[tok].lower() != "er" {
		return nil
	}
	lo := sentenceStart(ps, tok)
	if lo > 0 {
		lo = sentenceStart(ps, lo-1)
	}
	if describedManDe(ps.toks, lo, tok) {
		return nil
	}
	return e.personBeforeDe(pi, tok, func(a int, ent *entity) bool {
		return !ent.group && ent.fits(genderMale) && (a == 0 || !ps.toks[a-1].is(lxPreposition))
	})
}

// describedManDe reports whether tokens [lo, end) hold "der" or "ein" before an office or a
// role ("der Trainer", "ein Sprecher"), or open with "der" or "ein" before a capitalised word
// ("Der 39-jährige Landwirt"): a man described, who may be the subject a later "er" stands for.
func describedManDe(ts []tok, lo, end int) bool {
	for i := lo; i+1 < end; i++ {
		switch ts[i].lower() {
		case "der", "ein":
		default:
			continue
		}
		if n := ts[i+1]; n.kind() == tWord && n.cap() && (i == lo || n.shape(lxRole)) {
			return true
		}
	}
	return false
}

// attributedSurnameDe returns the person a German description [a, b) of paragraph pi names when
// it ends with the surname of a person the article named in full, after a word in lower case, an
// attribute's ("die in New York City geborene Lopez", "der sichtlich erfreute Becker"); nil for
// any other mention, and for a surname after a capitalised word, which a name or an office
// reads already ("Der Schriftsteller Thomas Mann").
func (e *engine) attributedSurnameDe(pi, a, b int) *entity {
	ts := e.ps[pi].toks
	if b-a < 3 {
		return nil
	}
	if t, p := ts[b-1], ts[b-2]; t.kind() != tWord || !t.cap() || p.kind() != tWord || p.cap() || !e.rg.namedInFull(t) {
		return nil
	}
	return e.rg.resolveName(e.ps[pi], b-1, b)
}

// officeSubjectDe returns the person a German sentence's opening office stands for, at token i of
// paragraph pi: the definite article, the office and a lower-case verb ("Der Bundeskanzler nahm
// … Stellung."), with a person named before with that office (resolveOfficeDe). German news calls
// a person it has named by the office after that, and the "er" of the next sentence is that
// person, not the speaker quoted last.
func (e *engine) officeSubjectDe(pi, i int) *entity {
	ts := e.ps[pi].toks
	if i+2 >= len(ts) || ts[i].kind() != tWord || !ts[i].cap() || ts[i].lower() != "der" && ts[i].lower() != "die" {
		return nil
	}
	if v := ts[i+2]; v.kind() != tWord || v.cap() || v.is(lxDeterminer) || v.is(lxPreposition) || v.is(lxConjunction) {
		return nil
	}
	return e.resolveOfficeDe(pi, i, i+2)
}
