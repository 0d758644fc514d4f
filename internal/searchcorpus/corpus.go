// Package searchcorpus generates the library that article/search's tests and benchmarks and the
// search page's browser benchmark search: deterministic (a seeded PCG), English and German words
// with a Zipf-like frequency, quotations by speakers named in several forms ("Dmitry Peskov",
// "Peskov", "Dmitri Peskov"), sites and dates spread over five years. It is test support: no
// product code imports it.
package searchcorpus

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"verbatim/article/model"
)

var (
	genWords = strings.Fields(`the of and to in a is that for it as was with be by on not he this are or
		his from at which but have an they you were her she there been one all we their has would when if
		so no more said will government minister president talks war peace economy market election vote
		party court law police city country people year week today report statement spokesman kremlin
		sanctions energy gas oil climate policy border security ceasefire negotiations parliament budget
		der die das und ist nicht ein eine zu den mit sich des auf für dass sie wir regierung bundestag
		straße müller über größe gespräche wirtschaft wahl kanzler sprecher erklärung krieg frieden öl
		café naïve résumé élysée señor açaí zürich köln münchen`)
	genSpeakers = [][]string{
		{"Dmitry Peskov", "Peskov", "Dmitri Peskov"},
		{"Olaf Scholz", "Scholz", "Chancellor Olaf Scholz"},
		{"Paul Ryan", "Ryan"},
		{"Paul Rand"},
		{"Angela Merkel", "Merkel"},
		{"Emmanuel Macron", "Macron", "President Emmanuel Macron"},
		{"Alexandria Ocasio-Cortez", "Ocasio-Cortez"},
		{"Jürgen Müller", "Müller"},
	}
	genSites = []string{"reuters.com", "www.nytimes.com", "spiegel.de", "zeit.de", "bbc.co.uk", "apnews.com"}
)

// word returns a word: a frequent real one, or a made-up rare one.
func word(r *rand.Rand) string {
	if r.IntN(4) > 0 {
		// Zipf-like over the real words: low indexes are far more frequent.
		i := int(float64(len(genWords)) * r.Float64() * r.Float64() * r.Float64())
		return genWords[i]
	}
	syl := []string{"ka", "lo", "mi", "ter", "zan", "vo", "rek", "sta", "bu", "nö", "ge", "fri"}
	var b strings.Builder
	for range 2 + r.IntN(3) {
		b.WriteString(syl[r.IntN(len(syl))])
	}
	return b.String()
}

func sentence(r *rand.Rand, n int) string {
	ws := make([]string, n)
	for i := range ws {
		ws[i] = word(r)
	}
	ws[0] = strings.ToUpper(ws[0][:1]) + ws[0][1:]
	return strings.Join(ws, " ") + "."
}

// Articles returns n articles made from seed: about 700 words each, in 8 to 15 paragraphs, every
// other one with a quotation.
func Articles(seed uint64, n int) []*model.Article {
	r := rand.New(rand.NewPCG(seed, 15))
	out := make([]*model.Article, n)
	for i := range out {
		a := &model.Article{
			ID:        model.ArticleID(fmt.Sprintf("gen-%04d", i)),
			Title:     sentence(r, 4+r.IntN(6)),
			Byline:    "By " + genSpeakers[r.IntN(len(genSpeakers))][0],
			Site:      genSites[r.IntN(len(genSites))],
			Published: fmt.Sprintf("%d-%02d-%02dT10:00:00Z", 2020+r.IntN(5), 1+r.IntN(12), 1+r.IntN(28)),
		}
		pos := 0
		for p := range 8 + r.IntN(8) {
			text := sentence(r, 10+r.IntN(20)) + " " + sentence(r, 10+r.IntN(30))
			if p%2 == 1 {
				forms := genSpeakers[r.IntN(len(genSpeakers))]
				name := forms[r.IntN(len(forms))]
				quote := sentence(r, 6+r.IntN(20))
				qid := model.QuoteID(fmt.Sprintf("q%d", len(a.Quotes)+1))
				a.Quotes = append(a.Quotes, model.Quote{ID: qid, Text: quote, Speaker: name, Kind: model.QuoteDirect})
				text += " “" + quote + "” " + name + " said."
			}
			b := model.Block{ID: model.BlockID(fmt.Sprintf("b%d", p+1)), Kind: model.KindParagraph, Text: text, Start: pos}
			pos += len([]rune(text)) + 2
			a.Blocks = append(a.Blocks, b)
		}
		out[i] = a
	}
	return out
}

// Note is a reader's note on an article, as article/search.Note has it.
type Note struct {
	ID, ArticleID, Exact, Note string
}

// Notes returns a note on every third article of arts.
func Notes(arts []*model.Article, seed uint64) []Note {
	r := rand.New(rand.NewPCG(seed, 16))
	var out []Note
	for i, a := range arts {
		if i%3 == 0 {
			out = append(out, Note{ID: fmt.Sprintf("h-%d", i), ArticleID: string(a.ID), Exact: a.Blocks[0].Text[:20], Note: sentence(r, 5+r.IntN(10))})
		}
	}
	return out
}
