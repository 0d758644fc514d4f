package quotecard

import (
	"fmt"
	"testing"
)

// uniqueArticleCards returns the cards of article i as the export draws them for an archive whose
// quotations do not repeat (unlike internal/genlib's): four quotations of two speakers, each its own
// words, and the title card, all with the article's title, site and date.
func uniqueArticleCards(i int) []Card {
	title := fmt.Sprintf("Article %d: what the council decided about route %d and the %dth budget", i, i%97, i%13+4)
	site, date := []string{"Courier", "Gazette", "Post"}[i%3], fmt.Sprintf("%d March 2026", i%28+1)
	link := fmt.Sprintf("verbatim.example/article/a%06d", i)
	speakers := [][2]string{{fmt.Sprintf("Councillor Number %d", i), "councillor"}, {fmt.Sprintf("Dr. Resident %d", i), ""}}
	var cards []Card
	for q := range 4 {
		sp := speakers[q%2]
		cards = append(cards, Card{
			Quote:   fmt.Sprintf("In meeting %d we said that plan %d would cost %d pounds, and that figure %d still stands today.", i, q, i*7+q, i*3+q),
			Speaker: sp[0], Role: sp[1], Title: title, Site: site, Date: date, Link: fmt.Sprintf("%s/q/%d", link, q+1),
		})
	}
	return append(cards, Card{Title: title, Site: site, Date: date, Link: link})
}

// BenchmarkUniqueArticleCards draws and encodes (AppendPNG, landscape) the five cards of one
// article an iteration, each iteration another article whose quotations no card drew before
// (uniqueArticleCards): what the export's caches find in an archive whose quotations do not repeat.
// Compare instructions (cachegrind, the difference of two -benchtime counts).
func BenchmarkUniqueArticleCards(b *testing.B) {
	var buf []byte
	for i := 0; i < 8; i++ { // the glyph and blank-run caches warm, as in a long export
		for _, c := range uniqueArticleCards(1000 + i) {
			buf, _ = AppendPNG(buf[:0], c, Landscape)
		}
	}
	i := 0
	for b.Loop() {
		for _, c := range uniqueArticleCards(i) {
			var err error
			if buf, err = AppendPNG(buf[:0], c, Landscape); err != nil {
				b.Fatal(err)
			}
		}
		i++
	}
}
