package article

// This file reads a German object that stands between a verb and its subject: German may put a
// dative or accusative phrase right after the finite verb and the subject after it („…“, sagte
// der Zeitung ein Sprecher", "erklärte dem Sender der Minister", "sagte den Journalisten eine
// Sprecherin"). afterVerb, which finds the subject's place after a verb, steps over it.

// nominativeOpenersDe open a German phrase that may be a subject in the nominative after an
// object: the articles of the nominative (a "der" only when obliqueDer does not read it as a
// dative or a genitive) and the pronouns of the third person that are nominative only or
// nominative as well.
var nominativeOpenersDe = setOf("ein", "eine", "der", "die", "das", "er", "sie")

// pastObjectDe returns the index of the subject after an object phrase that starts at token k,
// right after a German verb, or k when none stands there. The phrase opens with an article of the
// dative or the accusative only (objectCase: "dem Sender", "den Journalisten"), or with a "der"
// in the dative by its form (obliqueDer: "der Zeitung") or before a periodical's noun
// (periodicalAfterDe: "der Nachrichtenagentur dpa"); it is a description, and after it, past
// adverbs and a time, a phrase opens with an article of the nominative, a pronoun of the
// nominative or a name. Without such a phrase the object stays where it is: "warf der Regierung
// vor", "bat den Papst um …", "sagte dem Sender, …".
func pastObjectDe(ts []tok, k, limit int) int {
	if k >= limit || ts[k].kind() != tWord || ts[k].cap() {
		return k
	}
	w := ts[k].lower()
	if !objectCase[w] && !(w == "der" && (obliqueDer(ts, k, limit) || periodicalAfterDe(ts, k+1, limit))) {
		return k
	}
	_, _, kind, e := germanPhrase(ts, k, limit)
	if kind == npNone || kind == npPronoun || e <= k {
		return k
	}
	if e+1 < limit && periodicalNoun(ts[e-1]) && ts[e].kind() == tWord && !ts[e].cap() && !ts[e].is(lxCapStop) && !isVerb(ts[e]) {
		e++ // the periodical's name in lower case: "der Nachrichtenagentur dpa"
	}
	j := skipTimeFwdDe(ts, skipAdverbsFwd(ts, e, limit), limit)
	if j >= limit || ts[j].kind() != tWord {
		return genitiveAsSubjectDe(ts, k, e, limit)
	}
	if s := ts[j].lower(); !ts[j].cap() && nominativeOpenersDe[s] {
		if s == "der" && obliqueDer(ts, j, limit) {
			return k
		}
		if _, _, kind := germanNP(ts, j, limit); kind == npNone {
			return k
		}
		return j
	}
	if ts[j].cap() && !ts[j].is(lxCapStop) {
		if _, _, kind := germanNP(ts, j, limit); kind == npName {
			return j // "sagte dem Sender Becker"
		}
	}
	return k
}

// genitiveAsSubjectDe returns where the subject starts in the object phrase [k, e) that ends its
// clause, when the phrase closes with
// a "der" and a noun that may be a nominative (no obliqueDer): German reads "erklärte dem Sender
// der Minister" as the object and its subject, since the genitive plural ("the station of the
// ministers") would leave the verb without one. Else it returns k.
func genitiveAsSubjectDe(ts []tok, k, e, limit int) int {
	for i := k + 1; i < e; i++ {
		if ts[i].kind() != tWord || ts[i].lower() != "der" || obliqueDer(ts, i, limit) {
			continue
		}
		if _, _, kind, end := germanPhrase(ts, i, limit); kind != npNone && kind != npPronoun && end == e {
			return i
		}
	}
	return k
}
