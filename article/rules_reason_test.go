package article

import (
	"testing"

	"verbatim/article/model"
)

// TestEveryRuleHasAReason keeps the reader's phrases (model.RuleReason) in step with the sieve's
// rules: a new rule id without a phrase would show the reader its cue alone.
func TestEveryRuleHasAReason(t *testing.T) {
	t.Parallel()
	for r := ruleNone + 1; r < numRules; r++ {
		if _, ok := model.RuleReason(r.String()); !ok {
			t.Errorf("rule %q has no phrase in article/model/reasons.go", r.String())
		}
	}
	if _, ok := model.RuleReason(ruleNone.String()); ok {
		t.Errorf("the empty rule id has a phrase")
	}
}
