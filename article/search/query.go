package search

import (
	"strings"
	"time"

	"verbatim/article/crossref"
)

// The caps on a query (see the package comment).
const (
	MaxQueryBytes  = 512
	MaxTerms       = 16
	MaxPrefixTerms = 64
	MaxLimit       = 200
	DefaultLimit   = 20
)

// Query is one search: the text typed, the filters and how many hits to return in full.
type Query struct {
	// Text is the query: words that must all occur (in any field of one hit), "quoted phrases"
	// whose words must occur in order, and words ending in * that match any word they start.
	Text    string
	Speaker string    // a person's name, any of its forms ("Peskov" finds "Dmitry Peskov"); "" for all
	Site    string    // the article's site, matched folded and whole ("nytimes.com"); "" for all
	From    time.Time // published on or after this day (zero: no bound); articles with no date are left out when either bound is set
	To      time.Time // published on or before this day (zero: no bound)
	Limit   int       // hits returned with snippets; 0 means DefaultLimit, at most MaxLimit

	// People are the reader's hand decisions on which names are one person (crossref.Decision, the
	// speaker pages' "Same person as…" and "Not the same person"), which the Speaker filter follows
	// over the name rule; at most crossref.MaxDecisions of them (the latest) count.
	People []crossref.Decision
}

// term is one word of a parsed query.
type term struct {
	text   string // folded
	prefix bool
}

// parsed is a query's text, parsed: its terms (each matched once), and its phrases as lists of
// indexes into terms.
type parsed struct {
	terms   []term
	phrases [][]int
	cut     bool // the query had more than MaxQueryBytes or MaxTerms
}

// quoteMarks makes the typographic quotation marks a query may use for a phrase ("…", “…”, „…“,
// «…», »…«) the plain one.
var quoteMarks = strings.NewReplacer("“", `"`, "”", `"`, "„", `"`, "«", `"`, "»", `"`)

// parse reads the query text: quoted phrases, prefix words, plain words, within the caps.
func parse(text string) parsed {
	var p parsed
	if len(text) > MaxQueryBytes {
		text, p.cut = text[:MaxQueryBytes], true
	}
	index := map[term]int{}
	add := func(t term) (int, bool) {
		if i, ok := index[t]; ok {
			return i, true
		}
		if len(p.terms) >= MaxTerms {
			p.cut = true
			return 0, false
		}
		index[t] = len(p.terms)
		p.terms = append(p.terms, t)
		return len(p.terms) - 1, true
	}
	quoted := false
	for part := range strings.SplitSeq(quoteMarks.Replace(text), `"`) {
		if quoted {
			var phrase []int
			for _, tok := range Tokens(part, MaxTerms+1) {
				if i, ok := add(term{text: tok.Term}); ok {
					phrase = append(phrase, i)
				}
			}
			if len(phrase) > 1 {
				p.phrases = append(p.phrases, phrase)
			}
		} else {
			for _, field := range strings.Fields(part) {
				prefix := strings.HasSuffix(field, "*")
				toks := Tokens(field, MaxTerms+1)
				for j, tok := range toks {
					add(term{text: tok.Term, prefix: prefix && j == len(toks)-1})
				}
			}
		}
		quoted = !quoted
	}
	return p
}
