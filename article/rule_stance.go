package article

// This file holds the stance rule: a term or two in marks in the clause of a verb by which the
// sentence's subject takes a stance on something in words ("Cruz blamed the law on “knuckleheaded
// politicians”", "Trump is promising to “bomb the hell” out of them").

// stanceVerbs name something in words, praise or attack it, or promise or warn of it: who does so
// used the words in marks that stand in the verb's clause. They are no speech verbs (a quotation
// after "blamed" or "vowed" alone is not said by its subject more often than not), so they link a
// quotation only through ruleStance, to the sentence's subject.
var stanceVerbs = wordList(lxStanceVerb,
	"call", "calls", "called", "calling", "describe", "describes", "described", "describing",
	"dub", "dubs", "dubbed", "dubbing", "label", "labels", "labeled", "labelled", "labeling", "labelling",
	"brand", "brands", "branded", "branding", "term", "terms", "termed",
	"blame", "blames", "blamed", "blaming", "warn", "warns", "warned", "warning",
	"pledge", "pledges", "pledged", "pledging", "vow", "vows", "vowed", "vowing",
	"promise", "promises", "promised", "promising", "tout", "touts", "touted", "touting",
	"blast", "blasts", "blasted", "blasting", "slam", "slams", "slammed", "slamming",
	"praise", "praises", "praised", "praising", "hail", "hails", "hailed", "hailing",
	"focus", "focuses", "focused", "focusing", "urge", "urges", "urged", "urging",
	"refer", "refers", "referred", "referring", "cite", "cites", "cited", "citing", "invoke", "invokes", "invoked", "invoking")

// ruleStance links a quotation of fewer than minSubjectWords words, which ruleSubject leaves as a
// scare quote, to the sentence's subject when the subject's verb is a stance verb (stanceVerbs)
// and the quotation stands in that verb's clause: no comma, dash or "but" between them
// (clauseBreak), no relative clause or other source (otherSource), no second clause
// (coordinateClause, joinedClause). The subject is a person, as for ruleSubject (personSubject):
// a verb in the passive ("was called") names what others call it.
func (e *engine) ruleStance(pi, qi int) (match, bool) {
	ps := e.ps[pi]
	if ps.de {
		return match{}, false
	}
	ts := ps.toks
	lo := sentenceStart(ps, qi)
	if lo >= qi {
		return match{}, false
	}
	a, b, v, kind := personSubject(ts, lo, qi)
	if kind == npNone || ts[v].cap() || !ts[v].is(lxStanceVerb) {
		return match{}, false
	}
	if otherSource(ts, v, qi) || clauseBreak(ts, v, qi) || coordinateClause(ts, v, qi) || joinedClause(ts, v, qi) {
		return match{}, false
	}
	m := match{a: a, b: b, kind: kind, cue: v, rule: ruleStanceID, para: pi}
	if kind == npName && !e.knownName(ps, m) {
		return match{}, false
	}
	return m, true
}

// joinedClause reports whether "and" or "or" between the verb at v and the quotation at qi joins
// something else than the quotation itself: "Baker called the plan a “disaster” and fans sang
// “…”" opens a clause of its own, while "lower taxes and “jobs”" and "and a “…”" join the verb's
// objects.
func joinedClause(ts []tok, v, qi int) bool {
	for j := v + 1; j < qi; j++ {
		if ts[j].kind() != tWord || ts[j].cap() || ts[j].lower() != "and" && ts[j].lower() != "or" {
			continue
		}
		n := j + 1
		if n < qi && ts[n].is(lxDeterminer) {
			n++
		}
		if n != qi && ts[n].kind() != tQuote {
			return true
		}
	}
	return false
}
