// Command eval scores Verbatim's quote engine on the corpora of internal/eval (PolNeAR in English,
// German Wikinews; dev by default, -split train for development, -lang en or de for one) and on the
// hand-annotated sample, with the corpus README's scoring rules. It reads the shared folder
// (../shared beside the repository) and prints the scores, then each rule's and each confidence's
// share of the quotes given a speaker, with its precision; -v prints every error for error
// analysis. It is a development tool: nothing serves it.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"verbatim/article/model"
	"verbatim/internal/eval"
	"verbatim/internal/shared"
)

func main() {
	split := flag.String("split", "dev", "corpus split: dev or train")
	lang := flag.String("lang", "", "score only the corpus of this language (en or de); all when empty")
	verbose := flag.Bool("v", false, "print false positives and negatives")
	fold := flag.String("fold", "", "score only one half of the split: odd or even (months; see xval.go)")
	xval := flag.Bool("xval", false, "print each rule's and cue's right and wrong attributions in the two halves (odd and even months)")
	via := flag.String("via", "parse", "how to cut articles into paragraphs: parse (article.Parse, falling back to split when Parse fails) or split (blank lines)")
	flag.Parse()
	if err := run(os.Stdout, opts{split: *split, lang: *lang, via: *via, fold: *fold, verbose: *verbose, xval: *xval}); err != nil {
		fmt.Fprintln(os.Stderr, "eval:", err)
		os.Exit(1)
	}
}

// opts are the command's flags.
type opts struct {
	split, lang, via, fold string
	verbose, xval          bool
}

func run(w io.Writer, o opts) error {
	if o.fold != "" && o.fold != "odd" && o.fold != "even" {
		return fmt.Errorf("-fold is odd or even, not %q", o.fold)
	}
	for _, c := range eval.Corpora {
		if o.lang != "" && c.Lang != o.lang {
			continue
		}
		if err := score(w, c, o); err != nil {
			return err
		}
	}
	return sample(w, o.via)
}

// score scores the engine on one corpus's split and prints the scores.
func score(w io.Writer, c eval.Corpus, o opts) error {
	split, via := o.split, o.via
	path, err := shared.Path(c.File(split))
	if err != nil {
		return fmt.Errorf("the corpus is needed to evaluate: %w", err)
	}
	arts, err := eval.ReadCorpusOf(c, path)
	if err != nil {
		return err
	}
	var total eval.Counts
	fellBack := 0
	rules, cues := xtable{}, xtable{}
	n := 0
	for _, a := range arts {
		if o.fold != "" && half(a.ID) != o.fold {
			continue
		}
		n++
		qs, speakers, fb := eval.Quotes(a.Text, via == "parse")
		if fb {
			fellBack++
		}
		preds := eval.Preds(qs, speakers)
		total.Add(eval.Score(a.Quotes, preds))
		if o.verbose {
			report(w, a, qs, preds)
		}
		if o.xval {
			xvalArticle(rules, cues, a, qs, preds)
		}
	}
	fmt.Fprintf(w, "%s %s", c.Name, split)
	if o.fold != "" {
		fmt.Fprintf(w, " (%s months)", o.fold)
	}
	fmt.Fprintf(w, ": %d articles", n)
	if fellBack > 0 {
		fmt.Fprintf(w, " (article.Parse failed on %d; those were split on blank lines)", fellBack)
	}
	fmt.Fprintln(w)
	printCounts(w, total)
	printTallies(w, "rule", total.ByRule, total.Attributed)
	printTallies(w, "confidence", total.ByConfidence, total.Attributed)
	if o.xval {
		printXval(w, rules, cues)
	}
	return nil
}

// printTallies prints each rule's (or confidence's) share of the quotes given a speaker and its
// precision, the most used first.
func printTallies(w io.Writer, what string, m map[string]eval.Tally, attributed int) {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if m[keys[i]].Attributed != m[keys[j]].Attributed {
			return m[keys[i]].Attributed > m[keys[j]].Attributed
		}
		return keys[i] < keys[j]
	})
	for _, k := range keys {
		t := m[k]
		fmt.Fprintf(w, "    %-10s %-18s share %5.1f%%  P %5.1f  (%d of %d right)\n", what, k,
			100*float64(t.Attributed)/float64(max(attributed, 1)), 100*t.Precision(), t.Correct, t.Attributed)
	}
}

func printCounts(w io.Writer, c eval.Counts) {
	d, a, s := c.DirectPRF(), c.AllPRF(), c.SpanPRF()
	fmt.Fprintf(w, "  direct quotes:        P %5.1f  R %5.1f  F1 %5.1f   (gold %d)\n", 100*d.P, 100*d.R, 100*d.F, c.GoldDirect)
	fmt.Fprintf(w, "  direct plus mixed:    P %5.1f  R %5.1f  F1 %5.1f   (gold %d)\n", 100*a.P, 100*a.R, 100*a.F, c.GoldDirect+c.GoldMixed)
	fmt.Fprintf(w, "  scare quotes given a speaker: %d of %d (%.1f%%)\n", c.UnattrGivenSpeaker, c.GoldUnattr, 100*c.ScareRate())
	fmt.Fprintf(w, "  quote spans:          P %5.1f  R %5.1f  F1 %5.1f   (gold %d, predicted %d)\n", 100*s.P, 100*s.R, 100*s.F, c.Gold, c.Pred)
}

func snippet(text []rune, s, e int) string {
	s, e = max(0, s), min(len(text), e)
	if s >= e {
		return ""
	}
	out := string(text[s:e])
	if len(out) > 90 {
		out = out[:60] + "…" + out[len(out)-25:]
	}
	return strings.ReplaceAll(out, "\n", "⏎")
}

// report prints one article's errors: gold quotes missed or misattributed, and quotes given a
// speaker that match no attributed gold span.
func report(w io.Writer, a eval.Article, qs []model.Quote, preds []eval.Pred) {
	rs := []rune(a.Text)
	gm := eval.Match(a.Quotes, preds)
	used := make([]bool, len(preds))
	for gi, g := range a.Quotes {
		pi := gm[gi]
		ctx := snippet(rs, g.Start-60, g.Start) + "[[" + snippet(rs, g.Start, g.End) + "]]" + snippet(rs, g.End, g.End+50)
		if pi < 0 {
			fmt.Fprintf(w, "MISS-SPAN %s %s: %s\n", a.ID, g.Type, ctx)
			continue
		}
		used[pi] = true
		p, q := preds[pi], qs[pi]
		m := ""
		if q.Mention != nil {
			m = q.Mention.Text
		}
		switch {
		case g.Type == eval.Unattributed && p.HasSpeaker:
			fmt.Fprintf(w, "FP-SCARE %s: %s → %q (%q) by %s\n", a.ID, ctx, q.Speaker, m, q.Rule)
		case g.Type != eval.Unattributed && !p.HasSpeaker:
			fmt.Fprintf(w, "FN-%s %s: %s gold %q cue %q\n", g.Type, a.ID, ctx, g.Speaker, g.Cue)
		case g.Type != eval.Unattributed && !eval.SpeakerRight(g, p):
			fmt.Fprintf(w, "WRONG-%s %s: %s → %q (%q) by %s gold %q\n", g.Type, a.ID, ctx, q.Speaker, m, q.Rule, g.Speaker)
		}
	}
	for pi, p := range preds {
		if !used[pi] {
			fmt.Fprintf(w, "EXTRA-SPAN %s speaker=%v: %s\n", a.ID, p.HasSpeaker, snippet(rs, p.Start-40, p.End+40))
		}
	}
}

type expected struct {
	Quotes []struct {
		Start   int    `json:"start"`
		End     int    `json:"end"`
		Text    string `json:"text"`
		Speaker string `json:"speaker"`
	} `json:"quotes"`
}

// sample checks the hand-annotated sample: every quote at its offsets with its speaker.
func sample(w io.Writer, via string) error {
	tp, err := shared.Path("samples/zakaria-peskov.txt")
	if err != nil {
		return err
	}
	ep, err := shared.Path("samples/zakaria-peskov.expected.json")
	if err != nil {
		return err
	}
	text, err := os.ReadFile(tp)
	if err != nil {
		return err
	}
	eb, err := os.ReadFile(ep)
	if err != nil {
		return err
	}
	var exp expected
	if err := json.Unmarshal(eb, &exp); err != nil {
		return fmt.Errorf("reading %s: %w", ep, err)
	}
	qs, _, _ := eval.Quotes(string(text), via == "parse")
	right := 0
	for _, e := range exp.Quotes {
		ok := false
		for _, q := range qs {
			if q.Start == e.Start && q.End == e.End && q.Text == e.Text && q.Speaker == e.Speaker {
				ok = true
			}
		}
		if ok {
			right++
		} else {
			fmt.Fprintf(w, "  sample: missed %d-%d %q (%s)\n", e.Start, e.End, e.Text, e.Speaker)
		}
	}
	fmt.Fprintf(w, "sample zakaria-peskov: %d of %d quotes right (offsets, text, speaker); %d quotes found\n", right, len(exp.Quotes), len(qs))
	return nil
}
