package article

// This file is the attribution sieve's one table: every rule, in precedence order, with the
// quotations it may look at. The first rule that links a quotation to a mention wins; the passes
// after the sieve (carry.go, headline.go) then give speakers to the quotations it left.
//
// To add a rule: write it in a file of its own (rule_NAME.go, beside its word lists), give it an id
// below (a constant and its stable name), add one line to sieve at its place in the precedence,
// and one row to the sieve's table tests (attribution_test.go), which name the rule that fired.

// ruleID names the rule that attributed a quotation. Its names (ruleNames) are stable: they go
// into the Article JSON as Quote.Rule, so a reader can say why a quotation has its speaker.
type ruleID uint8

// The rules, sieve rules first, then the passes that carry an attribution to other quotations.
const (
	ruleNone            ruleID = iota
	ruleAfterDash              // “…” ― Jane Smith
	ruleAfterNameVerb          // “…,” Smith said.
	ruleAfterVerbName          // “…,” said Smith.
	ruleAccordingTo            // “…,” according to Smith. / laut Smith
	ruleLabelInsideID          // “SMITH: …”
	ruleBeforeVerb             // Smith said: “…” / Smith argued that … “…”
	ruleBeforeVerbName         // said Smith: “…” / sagte Merkel: „…“
	ruleBeforeSubject          // Smith went on, saying: “…” (the sentence's subject)
	ruleLabelID                // SMITH: “…”
	ruleColonParagraph         // Smith said this:⏎“…”
	ruleColonIntroID           // Der Text lautete: „…“ (German: the sentence's subject)
	ruleAsSaidID               // Wie der Minister erklärte, sei die Lage „ernst“ (German)
	ruleItSaysID               // „…“, heißt es in der Erklärung (German)
	ruleCreditLineID           // “…”⏎— Smith, on Tuesday.
	ruleSentenceEndID          // … “…” for the town, Smith said.
	ruleSubjectID              // Smith has long defended the plan as “…”
	ruleNamedAsID              // Die Regierung wies den Bericht als „falsch“ zurück (German)
	ruleCoordinatedID          // Becker lobte den Plan und sagte: „…“ (German)
	ruleVerbFinalID            // Die Medien hatten von einem „…“ gesprochen / …, die X erklärt hatte: „…“ (German)
	ruleRelativeSaidID         // Becker, der am Montag erklärte, „…“ (German: the antecedent of a relative pronoun that speaks)
	ruleTagBeforeID            // Smith agreed. “…” (English: a tag sentence right before)
	ruleNounColonID            // Obama’s word: “…” (English: a saying noun's owner)
	ruleSubjectColonID         // He then listed the reasons:⏎“…” (English: the subject of a past verb)
	ruleAsPutItID              // As Smith put it, “…” / “…,” as Smith put it (English)
	ruleCryID                  // The crowd chanted “…” (English: a verb of crying out)
	ruleNicknameID             // Smith called Baker “Little Tom” (English: a title a naming verb gives its object)
	ruleSaidParagraphID        // Smith said the plan would fail.⏎“…” (English: the paragraph before reports speech)
	ruleSaidSentenceID         // Smith said the plan would fail. “…” (English: the sentence before reports speech)
	ruleReportedTitleID        // Smith said she liked “Twin Peaks” (English: a title in the clause a speech verb reports)
	ruleStanceID               // Cruz blamed the law on “crazy politicians” (English: a term in a stance verb's clause)
	rulePassiveByID            // “…,” reporters were told by Smith (English: the agent of a passive speech verb)
	ruleCarryParagraph         // “…,” Smith said. “…” (the nearest attributed quotation)
	ruleCarryChain             // a quotation over several paragraphs (the newspaper rule)
	ruleCarryAcross            // “…,” Smith said.⏎“…”
	ruleCarryReported          // Er sagte, die Lage sei „ernst“ (German reported speech)
	ruleCarrySubject           // Müller will sparen. „…“ (German: the sentence before's subject)
	ruleHeadline               // a headline that repeats a body quotation
	ruleHeadlineSubject        // Smith: … ‘…’ (a headline, or a line in title case in the body, that opens with its speaker)
	numRules
)

// ruleNames are the rules' stable ids.
var ruleNames = [numRules]string{
	ruleNone:            "",
	ruleAfterDash:       "after-dash",
	ruleAfterNameVerb:   "after-name-verb",
	ruleAfterVerbName:   "after-verb-name",
	ruleAccordingTo:     "according-to",
	ruleLabelInsideID:   "label-inside",
	ruleBeforeVerb:      "before-verb",
	ruleBeforeVerbName:  "before-verb-name",
	ruleBeforeSubject:   "before-subject",
	ruleLabelID:         "label",
	ruleColonParagraph:  "colon-paragraph",
	ruleColonIntroID:    "colon-intro",
	ruleAsSaidID:        "as-said",
	ruleItSaysID:        "it-says",
	ruleCreditLineID:    "credit-line",
	ruleSentenceEndID:   "sentence-end",
	ruleSubjectID:       "subject",
	ruleNamedAsID:       "named-as",
	ruleCoordinatedID:   "coordinated",
	ruleVerbFinalID:     "verb-final",
	ruleRelativeSaidID:  "relative-said",
	ruleTagBeforeID:     "tag-before",
	ruleNounColonID:     "noun-colon",
	ruleSubjectColonID:  "subject-colon",
	ruleAsPutItID:       "as-put-it",
	ruleCryID:           "cry",
	ruleNicknameID:      "nickname",
	ruleSaidParagraphID: "said-paragraph",
	ruleSaidSentenceID:  "said-sentence",
	ruleReportedTitleID: "reported-title",
	ruleStanceID:        "stance",
	rulePassiveByID:     "passive-by",
	ruleCarryParagraph:  "carry-paragraph",
	ruleCarryChain:      "carry-chain",
	ruleCarryAcross:     "carry-across",
	ruleCarryReported:   "carry-reported",
	ruleCarrySubject:    "carry-subject",
	ruleHeadline:        "headline",
	ruleHeadlineSubject: "headline-subject",
}

// String returns the rule's stable id ("after-name-verb"), or "" for ruleNone.
func (r ruleID) String() string {
	if r >= numRules {
		return ""
	}
	return ruleNames[r]
}

// scope says which quotations a sieve rule may look at.
type scope uint8

const (
	scopeUtterance scope = 1 << iota // a quotation that is not a title or name
	scopeTitle                       // a title or name in marks (“Meet the Press”)
	scopeWhole                       // only a quotation that is its paragraph's whole text
	scopeTerm                        // a German capitalised term inside a sentence („Zeitungsente“)
	scopeAls                         // a German capitalised term after "als" (als „Wortbruch“)
	scopeNickname                    // an English title inside a sentence (called him “Little Marco”)
	scopeEnd                         // the bit after the last scope, not a scope: a new scope goes above it
)

// sieveRule is one row of the sieve: a family of rules, the function that tries it on quotation
// token qi of paragraph pi, and its scope. A rule that finds its mention in the quotation's own
// paragraph is in local (runSieve sets the match's paragraph); one that reads other paragraphs is
// in try (it sets the paragraph itself). Each sets the match's rule id. runSieve calls local
// directly rather than through a closure that wraps it: a quotation that reaches the sieve's end
// goes through every row, and the wrapper's call and copy of the match cost more than most rows'
// first tests.
type sieveRule struct {
	name  string // the family, for tests and error analysis
	local func(ps *paraState, qi int) (match, bool)
	try   func(e *engine, pi, qi int) (match, bool)
	scope scope
}

// sieve is the attribution sieve in precedence order: the most precise rules first.
var sieve = []sieveRule{
	{name: "passive-by", local: rulePassiveBy, scope: scopeUtterance},
	{name: "after", local: ruleAfterChecked, scope: scopeUtterance | scopeTitle},
	{name: "label-inside", local: ruleLabelInside, scope: scopeUtterance},
	{name: "that-said", local: ruleThatSaid, scope: scopeUtterance},
	{name: "intro", try: (*engine).ruleIntro, scope: scopeUtterance | scopeTitle},
	{name: "as-put-it", local: ruleAsPutIt, scope: scopeUtterance},
	{name: "cry", local: ruleCry, scope: scopeUtterance | scopeTitle},
	{name: "fronted", local: ruleFronted, scope: scopeUtterance | scopeTerm | scopeAls},
	{name: "label", local: ruleLabel, scope: scopeUtterance},
	{name: "colon-paragraph", try: (*engine).ruleColon, scope: scopeUtterance | scopeWhole},
	{name: "credit-line", try: (*engine).ruleCreditLine, scope: scopeUtterance | scopeWhole},
	{name: "it-says", local: ruleItSays, scope: scopeUtterance | scopeTerm},
	{name: "relative-said", local: ruleRelativeSaid, scope: scopeUtterance},
	{name: "before", try: (*engine).ruleBeforeOnce, scope: scopeUtterance | scopeTerm},
	{name: "nickname", local: ruleNickname, scope: scopeNickname},
	{name: "reported-title", local: ruleReportedTitle, scope: scopeNickname},
	{name: "as-said", local: ruleAsSaid, scope: scopeUtterance | scopeTerm},
	{name: "coordinated", local: ruleCoordinated, scope: scopeUtterance | scopeTerm},
	{name: "verb-final-intro", local: ruleVerbFinalIntro, scope: scopeUtterance},
	{name: "colon-intro", local: ruleColonIntro, scope: scopeUtterance},
	{name: "speech-noun", local: ruleSpeechNoun, scope: scopeUtterance | scopeTerm},
	{name: "sentence-end", local: ruleSentenceEnd, scope: scopeUtterance | scopeTerm},
	{name: "subject", try: (*engine).ruleSubjectKnown, scope: scopeUtterance},
	{name: "stance", try: (*engine).ruleStance, scope: scopeUtterance | scopeNickname},
	{name: "opinion", local: ruleOpinionClause, scope: scopeUtterance},
	{name: "named-as", local: ruleNamedAs, scope: scopeUtterance | scopeAls},
	{name: "verb-final", local: ruleVerbFinal, scope: scopeUtterance | scopeTerm},
	{name: "tag-before", local: ruleTagBefore, scope: scopeUtterance},
	{name: "noun-colon", try: (*engine).ruleNounColon, scope: scopeUtterance},
	{name: "said-paragraph", try: (*engine).ruleSaidParagraph, scope: scopeUtterance | scopeWhole},
	{name: "said-paragraph-de", try: (*engine).ruleSaidParagraphDe, scope: scopeUtterance | scopeWhole},
	{name: "said-sentence", local: ruleSaidSentence, scope: scopeUtterance},
}

// scopeAll is every scope bit: sc&scopeAll indexes sieveBy. scopeKinds is the bits that say what kind
// of quotation a scope takes (every one but scopeWhole).
const (
	scopeAll   = scopeEnd - 1
	scopeKinds = scopeAll &^ scopeWhole
)

// sieveBy lists, for each scope a quotation may have, the sieve's rows that apply to it, in the
// sieve's order: a row applies when it shares a kind of quotation (utterance, title, term, term
// after "als", nickname) with the scope, and a row for whole paragraphs only when the scope is
// one. runSieve goes down the list for its scope rather than asking each row.
var sieveBy = func() (by [scopeAll + 1][]*sieveRule) {
	for sc := range by {
		for i := range sieve {
			r := &sieve[i]
			if r.scope&scope(sc)&scopeKinds == 0 || r.scope&scopeWhole != 0 && scope(sc)&scopeWhole == 0 {
				continue
			}
			by[sc] = append(by[sc], r)
		}
	}
	return by
}()

// runSieve tries the sieve's rules in order on quotation token qi of paragraph pi, whose scope is
// sc (scopeUtterance or scopeTitle, with scopeWhole when it fills its paragraph), and returns the
// first match.
func (e *engine) runSieve(pi, qi int, sc scope) (match, bool) {
	ps := e.ps[pi]
	e.beforeQ = 0 // ruleBeforeOnce's answer was for another runSieve
	for _, r := range sieveBy[sc&scopeAll] {
		if r.local != nil {
			if m, ok := r.local(ps, qi); ok {
				m.para = pi
				return m, true
			}
		} else if m, ok := r.try(e, pi, qi); ok {
			return m, true
		}
	}
	return match{}, false
}
