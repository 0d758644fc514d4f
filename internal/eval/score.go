// Package eval scores the quote engine against gold quotation spans with the PolNeAR rules
// (../shared/corpora/polnear/README.md). It owns the scoring and the corpus reader; it imports the
// article package and the standard library only, and nothing in the binaries' serving paths imports it.
//
// Trust boundary: the corpus is third-party data read from the shared folder; a malformed line is an
// error, never a panic.
package eval

import (
	"sort"
	"strings"
	"unicode"
)

// Attribution types of gold spans.
const (
	Direct       = "direct"
	Mixed        = "mixed"
	Unattributed = "unattributed"
)

// Gold is one gold quotation span with its attribution. Offsets are code points, [Start, End).
type Gold struct {
	Start, End               int
	Type                     string // Direct, Mixed or Unattributed
	Speaker                  string // the gold source text, empty when unattributed
	SpeakerStart, SpeakerEnd int
	Cue                      string // the gold cue text, for error analysis
}

// Pred is one predicted quotation. HasSpeaker says whether the engine attributed it; Mention is the
// span that names the speaker and Name its resolved name (either may be empty); Rule and Confidence
// are the engine's reasons.
type Pred struct {
	Start, End               int
	HasSpeaker               bool
	Name                     string
	MentionStart, MentionEnd int
	Rule, Confidence         string
}

// Counts are the tallies of one or more articles; Add sums them.
type Counts struct {
	Gold, Pred, Matched int // spans: gold, predicted, matched one-to-one

	GoldDirect, GoldMixed, GoldUnattr int
	CorrectDirect, CorrectMixed       int // matched, attributed, speaker right
	Attributed                        int // predicted quotes given a speaker
	AttributedOnMixed                 int // of those, matched to a mixed gold span
	UnattrGivenSpeaker                int // unattributed gold spans matched by a quote with a speaker

	// ByRule and ByConfidence tally the quotes given a speaker by the engine's rule id and
	// confidence (Pred.Rule, Pred.Confidence): how many, and how many of those are right.
	ByRule, ByConfidence map[string]Tally
}

// Tally counts quotes given a speaker and those whose speaker is right (a matched direct or mixed
// gold span, speaker right).
type Tally struct{ Attributed, Correct int }

// Precision is Correct over Attributed, or 0.
func (t Tally) Precision() float64 {
	if t.Attributed == 0 {
		return 0
	}
	return float64(t.Correct) / float64(t.Attributed)
}

func addTally(m *map[string]Tally, key string, t Tally) {
	if *m == nil {
		*m = map[string]Tally{}
	}
	o := (*m)[key]
	(*m)[key] = Tally{o.Attributed + t.Attributed, o.Correct + t.Correct}
}

// Add adds o to c.
func (c *Counts) Add(o Counts) {
	c.Gold += o.Gold
	c.Pred += o.Pred
	c.Matched += o.Matched
	c.GoldDirect += o.GoldDirect
	c.GoldMixed += o.GoldMixed
	c.GoldUnattr += o.GoldUnattr
	c.CorrectDirect += o.CorrectDirect
	c.CorrectMixed += o.CorrectMixed
	c.Attributed += o.Attributed
	c.AttributedOnMixed += o.AttributedOnMixed
	c.UnattrGivenSpeaker += o.UnattrGivenSpeaker
	for k, t := range o.ByRule {
		addTally(&c.ByRule, k, t)
	}
	for k, t := range o.ByConfidence {
		addTally(&c.ByConfidence, k, t)
	}
}

// PRF is a precision, recall and F1, each in [0, 1].
type PRF struct{ P, R, F float64 }

func prf(correct, predicted, gold int) PRF {
	var r PRF
	if predicted > 0 {
		r.P = float64(correct) / float64(predicted)
	}
	if gold > 0 {
		r.R = float64(correct) / float64(gold)
	}
	if r.P+r.R > 0 {
		r.F = 2 * r.P * r.R / (r.P + r.R)
	}
	return r
}

// DirectPRF scores attribution on direct quotes. Predictions matched to mixed spans belong to the
// mixed category and are left out; predictions with a speaker on unattributed spans or on no gold
// span count against precision.
func (c Counts) DirectPRF() PRF {
	return prf(c.CorrectDirect, c.Attributed-c.AttributedOnMixed, c.GoldDirect)
}

// AllPRF scores attribution on direct plus mixed quotes, over every prediction given a speaker.
func (c Counts) AllPRF() PRF {
	return prf(c.CorrectDirect+c.CorrectMixed, c.Attributed, c.GoldDirect+c.GoldMixed)
}

// SpanPRF scores quotation-span detection, whatever the attribution.
func (c Counts) SpanPRF() PRF { return prf(c.Matched, c.Pred, c.Gold) }

// ScareRate is the share of unattributed gold spans (scare quotes, titles) given a speaker.
func (c Counts) ScareRate() float64 {
	if c.GoldUnattr == 0 {
		return 0
	}
	return float64(c.UnattrGivenSpeaker) / float64(c.GoldUnattr)
}

// Overlaps reports whether spans a and b overlap by at least half of each one's length.
func Overlaps(aStart, aEnd, bStart, bEnd int) bool {
	o := min(aEnd, bEnd) - max(aStart, bStart)
	if o <= 0 {
		return false
	}
	return 2*o >= aEnd-aStart && 2*o >= bEnd-bStart
}

// Match pairs predictions with gold spans one-to-one: each pair overlaps by at least half of each
// span's length, and larger overlaps are paired first. It returns, for each gold span, the index of
// its prediction or -1.
func Match(gold []Gold, pred []Pred) []int {
	type cand struct{ g, p, o int }
	var cs []cand
	for gi, g := range gold {
		for pi, p := range pred {
			if Overlaps(g.Start, g.End, p.Start, p.End) {
				cs = append(cs, cand{gi, pi, min(g.End, p.End) - max(g.Start, p.Start)})
			}
		}
	}
	sort.SliceStable(cs, func(i, j int) bool { return cs[i].o > cs[j].o })
	gm := make([]int, len(gold))
	for i := range gm {
		gm[i] = -1
	}
	used := make([]bool, len(pred))
	for _, c := range cs {
		if gm[c.g] < 0 && !used[c.p] {
			gm[c.g], used[c.p] = c.p, true
		}
	}
	return gm
}

// nonNames are capitalised tokens that do not identify a speaker: titles and function words.
var nonNames = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "miss": true, "dr": true, "sen": true, "senator": true, "rep": true,
	"representative": true, "gov": true, "governor": true, "president": true, "secretary": true, "sir": true,
	"the": true, "a": true, "an": true, "prof": true, "professor": true, "rev": true, "gen": true, "general": true,
	"judge": true, "justice": true, "mayor": true, "speaker": true, "chairman": true, "vice": true, "former": true,
	"minister": true, "prime": true, "attorney": true, "state": true, "house": true, "leader": true, "congressman": true,
	"congresswoman": true, "lt": true, "col": true, "sgt": true, "capt": true, "jr": true, "sr": true, "chief": true,
	// German articles and titles, which German capitalises like every noun.
	"der": true, "die": true, "das": true, "den": true, "dem": true, "des": true, "ein": true, "eine": true,
	"einer": true, "eines": true, "herr": true, "frau": true,
}

// nameTokens returns the capitalised tokens of s that are not titles, lower case.
func nameTokens(s string) []string {
	var out []string
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' }) {
		r := []rune(f)
		if !unicode.IsUpper(r[0]) {
			continue
		}
		l := strings.ToLower(f)
		if nonNames[l] {
			continue
		}
		out = append(out, l)
	}
	return out
}

// SpeakerRight reports whether a prediction names the gold speaker: its mention overlaps the gold
// source span, or its name and the gold source share a capitalised token that is not a title.
func SpeakerRight(g Gold, p Pred) bool {
	if p.MentionEnd > p.MentionStart && g.SpeakerEnd > g.SpeakerStart &&
		min(p.MentionEnd, g.SpeakerEnd) > max(p.MentionStart, g.SpeakerStart) {
		return true
	}
	gt := nameTokens(g.Speaker)
	for _, t := range nameTokens(p.Name) {
		for _, u := range gt {
			if t == u {
				return true
			}
		}
	}
	return false
}

// Score scores one article's predictions against its gold spans.
func Score(gold []Gold, pred []Pred) Counts {
	c := Counts{Gold: len(gold), Pred: len(pred)}
	gm := Match(gold, pred)
	onGold := make([]bool, len(pred))
	right := make([]bool, len(pred))
	for gi, g := range gold {
		switch g.Type {
		case Direct:
			c.GoldDirect++
		case Mixed:
			c.GoldMixed++
		default:
			c.GoldUnattr++
		}
		pi := gm[gi]
		if pi < 0 {
			continue
		}
		c.Matched++
		onGold[pi] = true
		p := pred[pi]
		if !p.HasSpeaker {
			continue
		}
		switch g.Type {
		case Direct:
			if SpeakerRight(g, p) {
				c.CorrectDirect++
				right[pi] = true
			}
		case Mixed:
			c.AttributedOnMixed++
			if SpeakerRight(g, p) {
				c.CorrectMixed++
				right[pi] = true
			}
		default:
			c.UnattrGivenSpeaker++
		}
	}
	for pi, p := range pred {
		if p.HasSpeaker {
			c.Attributed++
			t := Tally{Attributed: 1}
			if right[pi] {
				t.Correct = 1
			}
			addTally(&c.ByRule, p.Rule, t)
			addTally(&c.ByConfidence, p.Confidence, t)
		}
	}
	return c
}
