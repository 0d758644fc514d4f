package article

import "verbatim/article/model"

// This file says how sure the engine is of an attribution, from the rule that made it and the
// evidence it rests on; it never looks at which article it is in.

// ruleStrength is how much a rule's position vouches for its speaker, before the mention is looked
// at: 2 when the cue stands right beside the quotation (`,” Smith said`, `Smith said: “`), 1 when
// it stands further off or the speaker is carried from a neighbouring quotation, 0 for the
// weakest guesses.
var ruleStrength = [numRules]uint8{
	ruleAfterDash:       2,
	ruleAfterNameVerb:   2,
	ruleAfterVerbName:   2,
	ruleAccordingTo:     2,
	ruleLabelInsideID:   2,
	ruleBeforeVerb:      1, // 2 with intro (see strength)
	ruleBeforeVerbName:  2,
	ruleBeforeSubject:   1,
	ruleLabelID:         2,
	ruleColonParagraph:  1,
	ruleColonIntroID:    1,
	ruleCreditLineID:    2,
	ruleSentenceEndID:   1,
	ruleSubjectID:       0,
	ruleCarryParagraph:  1,
	ruleCarryChain:      1,
	ruleCarryAcross:     1,
	ruleCarryReported:   0,
	ruleHeadline:        0,
	ruleHeadlineSubject: 0,
}

// confidence rates attribution m, whose mention resolved to a speaker when resolved: the rule's
// strength, one less for a pronoun (which may name someone else), and low when a name or pronoun
// resolved to nobody.
func confidence(m match, resolved bool) model.Confidence {
	s := int(ruleStrength[m.rule])
	if m.rule == ruleBeforeVerb && m.intro {
		s = 2 // `Smith said: “…”`
	}
	if m.kind == npPronoun && !m.label {
		s--
	}
	if !resolved && m.kind != npDesc {
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
