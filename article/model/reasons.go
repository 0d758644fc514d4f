package model

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// ruleReasons say, for a reader, where the evidence for a quote's speaker stood, one phrase per
// rule id (Quote.Rule). The ids are the quote engine's (article/rules.go, whose test fails when a
// rule has no phrase here); the phrases are the reader's, so they live in the contract the
// components share.
var ruleReasons = map[string]string{
	"after-dash":       "the name after a dash, after the quotation",
	"after-name-verb":  "after the quotation",
	"after-verb-name":  "after the quotation",
	"according-to":     "a source phrase beside the quotation",
	"label-inside":     "a speaker's label inside the quotation",
	"before-verb":      "before the quotation",
	"before-verb-name": "before the quotation",
	"before-subject":   "the sentence's subject, before the quotation",
	"label":            "a speaker's label before the quotation",
	"colon-paragraph":  "the paragraph before, which ends with a colon",
	"colon-intro":      "the sentence's subject, before a colon",
	"as-said":          "a clause that says who said it (wie … sagte)",
	"it-says":          "the text it is quoted from (heißt es in …)",
	"credit-line":      "a credit line after the quotation",
	"sentence-end":     "at the end of the sentence",
	"subject":          "the sentence's subject, with no speech verb",
	"named-as":         "whoever names something with it (… als „…“ bezeichnete)",
	"coordinated":      "the subject of the clause before, which the speech verb shares (… und sagte)",
	"verb-final":       "the subject of the speech verb that closes the clause (… gesprochen hatte)",
	"relative-said":    "the one a relative clause tells of, who said it (…, der sagte)",
	"tag-before":       "the sentence just before, which ends with its speech verb",
	"noun-colon":       "the owner of the statement or words named before the colon",
	"subject-colon":    "the subject of the sentence the colon ends",
	"as-put-it":        "the one who put it so (as … put it)",
	"cry":              "the ones who chant, shout or yell it",
	"nickname":         "the one who called someone or something by it",
	"said-paragraph":   "the paragraph before, which says who spoke",
	"said-sentence":    "the sentence just before, which says who spoke",
	"reported-title":   "the one whose reported words name it",
	"stance":           "the subject who blamed, praised, promised or called it so",
	"passive-by":       "the one it was told or asked by (was told by …)",
	"carry-paragraph":  "the speaker of the paragraph's other quotation",
	"carry-chain":      "a quotation that runs over several paragraphs",
	"carry-across":     "the speaker of the quotation just before",
	"carry-reported":   "the reported speech around the quotation",
	"carry-subject":    "the subject of the sentence just before",
	"headline":         "the headline repeats a quotation from the story",
	"headline-subject": "the headline opens with its speaker",
}

// RuleReason returns the reader's phrase for rule id rule ("after the quotation"), and false for an
// id it does not know (an empty one among them).
func RuleReason(rule string) (string, bool) {
	r, ok := ruleReasons[rule]
	return r, ok
}

// Why says why q has its speaker, for a reader: its cue and where the evidence stood ("said, after
// the quotation"), or "" when q has no rule. An unknown rule id (an Article from a newer engine)
// gives the cue alone.
//
// Trust boundary: Cue is article text; the result is text to render as text, never markup.
func (q Quote) Why() string {
	if q.Rule == "" {
		return ""
	}
	reason, ok := RuleReason(q.Rule)
	why := q.Cue
	switch {
	case ok && q.Cue != "":
		why = q.Cue + ", " + reason
	case ok:
		why = reason
	}
	if q.Holder && q.Mention != nil && q.Speaker != "" {
		why += "; " + lowerFirst(q.Mention.Text) + " = " + q.Speaker
	}
	return why
}

// lowerFirst returns the phrase s with its first letter lower case, as it reads inside a sentence:
// "The president" is "the president", "Der Minister" "der Minister". A single word keeps its
// capital: a German noun ("Minister") is written so.
func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError || !unicode.IsUpper(r) || !strings.Contains(s, " ") {
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
}
