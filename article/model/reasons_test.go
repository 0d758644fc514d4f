package model

import "testing"

func TestQuoteWhy(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		q    Quote
		want string
	}{
		{"cue and rule", Quote{Rule: "after-name-verb", Cue: "said"}, "said, after the quotation"},
		{"rule without cue", Quote{Rule: "carry-chain"}, "a quotation that runs over several paragraphs"},
		{"no rule", Quote{Cue: "said"}, ""},
		{"unknown rule keeps the cue", Quote{Rule: "from-the-future", Cue: "sagte"}, "sagte"},
		{"unknown rule without cue", Quote{Rule: "from-the-future"}, ""},
	} {
		if got := tc.q.Why(); got != tc.want {
			t.Errorf("%s: Why() = %q, want %q", tc.name, got, tc.want)
		}
	}
}
