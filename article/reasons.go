package article

import "verbatim/article/model"

// This file says how sure the engine is of an attribution, from the rule that made it and the
// evidence it rests on; it never looks at which article it is in.

// ruleStrength is how much a rule's position vouches for its speaker, before the mention is looked
// at: 2 when the cue stands right beside the quotation (`,” Smith said`, `Smith said: “`) or the
// speaker is carried from such a quotation in the same paragraph, 1 when the cue stands further off
// or the speaker is carried further, 0 for the weakest guesses. The levels follow the rules'
// precision on the train splits (go run ./cmd/eval -split train): about 96% and more at 2, 80 to
// 92% at 1, less at 0.
var ruleStrength = [numRules]uint8{
	ruleAfterDash:       1,
	ruleAfterNameVerb:   2,
	ruleAfterVerbName:   2,
	ruleAccordingTo:     2,
	ruleLabelInsideID:   2,
	ruleBeforeVerb:      1, // 2 with intro (see confidence)
	ruleBeforeVerbName:  2,
	ruleBeforeSubject:   1,
	ruleLabelID:         2,
	ruleColonParagraph:  1,
	ruleColonIntroID:    1,
	ruleAsSaidID:        1,
	ruleItSaysID:        1,
	ruleCreditLineID:    2,
	ruleSentenceEndID:   2,
	ruleSubjectID:       0,
	ruleNamedAsID:       1,
	ruleCoordinatedID:   1,
	ruleVerbFinalID:     1,
	ruleRelativeSaidID:  1,
	ruleTagBeforeID:     1,
	ruleNounColonID:     1,
	ruleSubjectColonID:  1,
	ruleAsPutItID:       2,
	ruleCryID:           1,
	ruleNicknameID:      1,
	ruleSaidParagraphID: 0,
	ruleSaidSentenceID:  0,
	ruleReportedTitleID: 1,
	ruleCarryParagraph:  2,
	ruleCarryChain:      1,
	ruleCarryAcross:     1,
	ruleCarryReported:   0,
	ruleCarrySubject:    0,
	ruleHeadline:        1,
	ruleHeadlineSubject: 0,
}

// confidence rates attribution m, whose mention resolved to a speaker when resolved, in text that
// is German when de: the rule's strength (a quotation right after `said:` or `said,` counts as
// beside its cue), one less in German for a speaker carried in the paragraph and a source phrase,
// which are less often right there (German reported speech changes speakers without marks); and low when a name or pronoun resolved to nobody (or only to an office nobody the article names holds: match.office).
func confidence(m match, resolved, de bool) model.Confidence {
	s := int(ruleStrength[m.rule])
	if m.rule == ruleBeforeVerb && m.intro {
		s = 2 // `Smith said: “…”`
	}
	if de && !m.intro && (m.rule == ruleCarryParagraph || m.rule == ruleAccordingTo) {
		s--
	}
	if (!resolved || m.office) && m.kind != npDesc {
		s = 0
	}
	switch {
	case s >= 2:
		return model.ConfidenceHigh
	case s == 1:
		return model.ConfidenceMedium
	}
	return model.ConfidenceLow
}
