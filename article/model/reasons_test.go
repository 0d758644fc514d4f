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
		{"a description resolved to its holder", Quote{Rule: "after-name-verb", Cue: "said", Holder: true,
			Mention: &Mention{Text: "The president"}, Speaker: "Barack Obama"}, "said, after the quotation; the president = Barack Obama"},
		{"a German office of one word keeps its capital", Quote{Rule: "after-verb-name", Cue: "sagte", Holder: true,
			Mention: &Mention{Text: "Minister"}, Speaker: "Thomas de Maizière"}, "sagte, after the quotation; Minister = Thomas de Maizière"},
	} {
		if got := tc.q.Why(); got != tc.want {
			t.Errorf("%s: Why() = %q, want %q", tc.name, got, tc.want)
		}
	}
}
