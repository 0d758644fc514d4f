package crossref

import (
	"strings"
	"testing"
)

// marked renders a diff side as words, each non-Same word as [change:word].
func marked(ws []Word) string {
	var parts []string
	for _, w := range ws {
		if w.Change == Same {
			parts = append(parts, w.Text)
		} else {
			parts = append(parts, "["+w.Change.String()+":"+w.Text+"]")
		}
	}
	return strings.Join(parts, " ")
}

func TestDiffTokens(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, a, b, wantA, wantB string
	}{
		{"identical", "We will win.", "“We will win”",
			"We will win", "We will win"},
		{"dropped words", "We will never, ever give up on this fight", "We will never give up on this fight",
			"We will never [dropped:ever] give up on this fight", "We will never give up on this fight"},
		{"changed word", "We are going to win this election", "We are going to lose this election",
			"We are going to [changed:win] this election", "We are going to [changed:lose] this election"},
		{"ellipsis", "I think that, frankly, the deal is dead", "I think that … the deal is dead",
			"I think that [elided:frankly] the deal is dead", "I think that [elided:…] the deal is dead"},
		{"ellipsis as three dots", "We want peace and we want it now", "We want peace... now",
			"We want peace [elided:and] [elided:we] [elided:want] [elided:it] now", "We want peace [elided:…] now"},
		{"inserted word", "This is a disaster", "This is a total disaster",
			"This is a disaster", "This is a [inserted:total] disaster"},
		{"reordered clauses", "The economy is strong, and we will keep it that way", "We will keep it that way, and the economy is strong",
			"[moved:The] [moved:economy] [moved:is] [moved:strong] [dropped:and] we will keep it that way",
			"We will keep it that way [inserted:and] [moved:the] [moved:economy] [moved:is] [moved:strong]"},
		{"apostrophes and case", "I don’t know", "i don't KNOW",
			"I don’t know", "i don't KNOW"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			d, _ := diffTokens(tokenize(tt.a, MaxQuoteWords), tokenize(tt.b, MaxQuoteWords))
			if got := marked(d.A); got != tt.wantA {
				t.Errorf("A side\n got  %s\n want %s", got, tt.wantA)
			}
			if got := marked(d.B); got != tt.wantB {
				t.Errorf("B side\n got  %s\n want %s", got, tt.wantB)
			}
			if want := strings.Contains(tt.wantA+tt.wantB, "["); d.Differs() != want {
				t.Errorf("Differs() = %v, want %v", d.Differs(), want)
			}
		})
	}
}

func TestTokenizeCapsWords(t *testing.T) {
	t.Parallel()
	if n := len(tokenize(strings.Repeat("word ", 10*MaxQuoteWords), MaxQuoteWords)); n != MaxQuoteWords {
		t.Fatalf("tokenize kept %d words, want the cap %d", n, MaxQuoteWords)
	}
}
