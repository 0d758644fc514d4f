package main

import (
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"verbatim/article/model"
	"verbatim/internal/eval"
)

// Cross-validation on train (issue 14): the held-out test is a month the project does not have, so
// train is cut into two halves by month, every month wholly in one half. PolNeAR's ids carry the
// date ("nyt_2016-03-14_slug"): half "odd" is the articles of odd months (November, January, March,
// May, July, September: 415 articles), half "even" the rest (December, February, April, June,
// August: 425). An id without a date (German Wikinews) goes by its last digit's parity.

// half returns "odd" or "even" for an article id.
func half(id string) string {
	if parts := strings.SplitN(id, "_", 3); len(parts) == 3 && len(parts[1]) >= 7 {
		if m, err := strconv.Atoi(parts[1][5:7]); err == nil {
			if m%2 == 1 {
				return "odd"
			}
			return "even"
		}
	}
	if n := len(id); n > 0 && (id[n-1]-'0')%2 == 1 {
		return "odd"
	}
	return "even"
}

// xcell is one half's tally of a rule or a cue: attributions right and wrong, and the articles the
// right ones came from.
type xcell struct {
	right, wrong int
	arts         map[string]int
}

func (c *xcell) add(id string, ok bool) {
	if ok {
		c.right++
		if c.arts == nil {
			c.arts = map[string]int{}
		}
		c.arts[id]++
	} else {
		c.wrong++
	}
}

func (c xcell) prec() float64 {
	if c.right+c.wrong == 0 {
		return 0
	}
	return float64(c.right) / float64(c.right+c.wrong)
}

// xtable is a tally by key (a rule id, or a rule id and its cue) and half.
type xtable map[string]*[2]xcell

func (t xtable) add(key, h, id string, ok bool) {
	x := t[key]
	if x == nil {
		x = new([2]xcell)
		t[key] = x
	}
	i := 0
	if h == "even" {
		i = 1
	}
	x[i].add(id, ok)
}

// xvalArticle adds one article's attributions to the tables: each quote given a speaker is right
// when it matches a direct or mixed gold span and names its speaker, wrong otherwise (a span with
// no gold, an unattributed span, or the wrong speaker).
func xvalArticle(rules, cues xtable, a eval.Article, qs []model.Quote, preds []eval.Pred) {
	gm := eval.Match(a.Quotes, preds)
	right := make([]bool, len(preds))
	for gi, g := range a.Quotes {
		if pi := gm[gi]; pi >= 0 && g.Type != eval.Unattributed && preds[pi].HasSpeaker && eval.SpeakerRight(g, preds[pi]) {
			right[pi] = true
		}
	}
	h := half(a.ID)
	for pi, p := range preds {
		if !p.HasSpeaker {
			continue
		}
		rules.add(p.Rule, h, a.ID, right[pi])
		cues.add(p.Rule+" | "+strings.ToLower(qs[pi].Cue), h, a.ID, right[pi])
	}
}

// printXval prints the halves' tallies of each rule, then the cues to look at: those whose right
// attributions come from one half only or from one or two articles, and those whose precision
// differs by 15 points or more between halves (with at least 5 attributions in each).
func printXval(w io.Writer, rules, cues xtable) {
	fmt.Fprintln(w, "cross-validation by month (odd | even): right/given P, articles with a right one")
	for _, k := range sortedKeys(rules) {
		x := rules[k]
		fmt.Fprintf(w, "  rule %-18s %s | %s%s\n", k, cellString(x[0]), cellString(x[1]), whyFlag(x))
	}
	fmt.Fprintln(w, "cues (rule | cue) that earn their keep in one half, or in one or two articles, or whose precision differs:")
	for _, k := range sortedKeys(cues) {
		x := cues[k]
		if f := whyFlag(x); f != "" {
			fmt.Fprintf(w, "  %-44s %s | %s%s\n", k, cellString(x[0]), cellString(x[1]), f)
		}
	}
}

func cellString(c xcell) string {
	return fmt.Sprintf("%4d/%-4d P %5.1f arts %3d", c.right, c.right+c.wrong, 100*c.prec(), len(c.arts))
}

// whyFlag says why a row is worth a look, or "".
func whyFlag(x *[2]xcell) string {
	a, b := x[0], x[1]
	var why []string
	switch {
	case a.right+b.right == 0 && a.wrong+b.wrong > 0:
		why = append(why, "never right")
	case (a.right == 0) != (b.right == 0):
		why = append(why, "one half")
	}
	if n := len(a.arts) + len(b.arts); n > 0 && n <= 2 && a.right+b.right > 0 {
		why = append(why, fmt.Sprintf("%d article(s)", n))
	}
	if a.right+a.wrong >= 5 && b.right+b.wrong >= 5 {
		if d := a.prec() - b.prec(); d >= 0.15 || d <= -0.15 {
			why = append(why, fmt.Sprintf("P differs %+.0f", 100*d))
		}
	}
	if len(why) == 0 {
		return ""
	}
	return "  <- " + strings.Join(why, ", ")
}

func sortedKeys(t xtable) []string {
	keys := make([]string, 0, len(t))
	for k := range t {
		keys = append(keys, k)
	}
	n := func(k string) int { x := t[k]; return x[0].right + x[0].wrong + x[1].right + x[1].wrong }
	sort.Slice(keys, func(i, j int) bool {
		if n(keys[i]) != n(keys[j]) {
			return n(keys[i]) > n(keys[j])
		}
		return keys[i] < keys[j]
	})
	return keys
}
