package search

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

func TestFold(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"Dmitry PESKOV’s", "dmitry peskov s"},
		{"Müller über die Straße", "muller uber die strasse"},
		{"naïve café résumé", "naive cafe resume"},
		{"ÆSIR Øresund Łódź Œuvre", "aesir oresund lodz oeuvre"},
		{"Ocasio-Cortez, 2024!", "ocasio cortez 2024"},
		{"e\u0301tude", "etude"}, // a combining accent, decomposed
		{"ΑΘΗΝΑ Москва", "αθηνα москва"},
		{"  \t…“”  ", ""},
	}
	for _, tt := range tests {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestTokensKeepOffsetsAndCap(t *testing.T) {
	t.Parallel()
	s := "Größe, " + strings.Repeat("x", MaxTokenRunes+10) + " end"
	toks := Tokens(s, -1)
	if len(toks) != 3 {
		t.Fatalf("Tokens = %v, want 3", toks)
	}
	if got := s[toks[0].Start:toks[0].End]; got != "Größe" || toks[0].Term != "grosse" {
		t.Errorf("first token %q folded %q, want Größe → grosse", got, toks[0].Term)
	}
	if len(toks[1].Term) != MaxTokenRunes || toks[1].End-toks[1].Start != MaxTokenRunes+10 {
		t.Errorf("long token: term %d bytes over %d bytes of text, want %d over %d", len(toks[1].Term), toks[1].End-toks[1].Start, MaxTokenRunes, MaxTokenRunes+10)
	}
	if got := Tokens("a b c d", 2); len(got) != 2 {
		t.Errorf("Tokens(max 2) gave %d", len(got))
	}
}

func TestParse(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in      string
		terms   []term
		phrases [][]int
		cut     bool
	}{
		{`Kremlin talks`, []term{{"kremlin", false}, {"talks", false}}, nil, false},
		{`"no talks" kreml*`, []term{{"no", false}, {"talks", false}, {"kreml", true}}, [][]int{{0, 1}}, false},
		{`"talks talks"`, []term{{"talks", false}}, [][]int{{0, 0}}, false},
		{`„no talks“ kreml*`, []term{{"no", false}, {"talks", false}, {"kreml", true}}, [][]int{{0, 1}}, false},
		{`"single"`, []term{{"single", false}}, nil, false},
		{`unclosed "phrase here`, []term{{"unclosed", false}, {"phrase", false}, {"here", false}}, [][]int{{1, 2}}, false},
		{manyWords(MaxTerms + 5), nil, nil, true},
		{strings.Repeat("x", MaxQueryBytes+1), nil, nil, true},
	}
	for _, tt := range tests {
		p := parse(tt.in)
		if tt.cut {
			if !p.cut || len(p.terms) > MaxTerms {
				t.Errorf("parse(%q): cut %v with %d terms, want cut at most %d", tt.in, p.cut, len(p.terms), MaxTerms)
			}
			continue
		}
		if !slices.Equal(p.terms, tt.terms) || !slices.EqualFunc(p.phrases, tt.phrases, slices.Equal) || p.cut {
			t.Errorf("parse(%q) = %+v, want terms %v phrases %v", tt.in, p, tt.terms, tt.phrases)
		}
	}
}

// manyWords returns n different words.
func manyWords(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "w%d ", i)
	}
	return b.String()
}
