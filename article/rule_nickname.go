package article

import "strings"

// maxNicknameObject is the most words between a naming verb and the name in marks it gives its
// object ("called the former Florida governor “Low Energy Jeb”").
const maxNicknameObject = 5

// ruleNickname links a name in title case in marks that an English naming verb gives its object to
// the verb's subject: "he called Rubio “Little Marco”", "Ms. Friedan called Mrs. Schlafly an ”Aunt
// Tom.”", "Jacobs called Merkel “The Chancellor of the Free World.”". The title is the subject's
// own word for someone or something, a mixed quotation. Other titles in marks name a work or a
// group and keep no speaker: a naming verb with no object between it and the marks is a passive
// ("a group called the “We The People Foundation”", "what it calls “…”" is left to the rules
// after), and a verb that is no naming verb ("he wrote “The Art of the Deal”") is no cue here.
func ruleNickname(ps *paraState, qi int) (match, bool) {
	if ps.de {
		return match{}, false
	}
	ts := ps.toks
	lo := sentenceStart(ps, qi)
	v, ok := nicknameVerb(ts, lo, qi)
	if !ok {
		return match{}, false
	}
	m, ok := walkBack(ps, qi, mainClauseStart(ps.toks, datelineEnd(ts, lo, qi), qi), false)
	if !ok || m.cue != v || m.rule != ruleBeforeVerb && m.rule != ruleBeforeSubject {
		return match{}, false
	}
	if m.a > lo && ts[m.a-1].kind() == tWord && ts[m.a-1].lower() == "that" {
		// "She pointed to reports that Trump called the winner “Miss Piggy”": the naming is
		// itself reported, by a source the clause hangs on; that source quotes the name.
		return match{}, false
	}
	m.rule = ruleNicknameID
	return m, true
}

// nicknameVerbs give their object a name ("called Rubio “Little Marco”"); the other naming verbs
// (namingVerbs) take a title as a phrase of their object ("mocking his famous ”Mission
// Accomplished” appearance").
var nicknameVerbs = setOf("call", "calls", "called", "calling", "dub", "dubs", "dubbed", "dubbing", "label", "labels",
	"labeled", "labelled", "labeling", "brand", "brands", "branded", "branding", "term", "terms", "termed",
	"nickname", "nicknames", "nicknamed")

// pronounNamer reports whether a personal pronoun that is a subject stands right before the
// naming verb at v, which has a tense: "a campaign - one he calls “Confident America”", "videos he
// calls “Consumer Advocate TV”". The verb is then no participle of the phrase before it ("a group
// called the “…”") but the pronoun's, whose object is the noun that the clause qualifies. ("what
// it calls “…”" stays with the rules after, as for utterances.)
func pronounNamer(ts []tok, lo, v int) bool {
	if v-1 < lo || ts[v-1].kind() != tWord || strings.HasSuffix(ts[v].lower(), "ing") {
		return false
	}
	return personalPronounsEn[ts[v-1].lower()]
}

// nicknameVerb returns the English naming verb whose object the quotation at qi names, after the
// object and perhaps an article: "called Rubio “…”", "called Mrs. Schlafly an ”…”". The object
// is at most maxNicknameObject words that hold no speech verb, preposition or conjunction, and
// there must be one: "a group called the “…”" names the group. lo is the sentence's start.
func nicknameVerb(ts []tok, lo, qi int) (int, bool) {
	k := qi - 1
	if k > lo && ts[k].kind() == tWord {
		switch ts[k].lower() {
		case "a", "an", "the":
			k--
		}
	}
	for j := k; j > lo && k-j <= maxNicknameObject; j-- {
		t := ts[j]
		if t.kind() != tWord {
			return 0, false // a comma or a quotation ends the object
		}
		if nicknameVerbs[t.lower()] && !t.cap() {
			return j, j < k || pronounNamer(ts, lo, j)
		}
		if isVerb(t) || !t.cap() && (t.is(lxPreposition) || t.is(lxConjunction)) {
			return 0, false
		}
	}
	return 0, false
}
