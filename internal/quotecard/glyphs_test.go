package quotecard

import (
	"bytes"
	"sync"
	"testing"
)

// TestDrawCached checks that the glyph cache changes nothing drawn: cards drawn with the cache
// emptied, then drawn again from it on several goroutines at once (go test -race checks the
// sharing), are the same pixels.
func TestDrawCached(t *testing.T) {
	cards := []Card{
		{Quote: "We keep it, whatever the budget says.", Speaker: "Anna Voss", Role: "mayor", Title: "The ferry stays", Site: "Courier", Date: "3 March 2026", Link: "verbatim.example/article/ferry/q/1"},
		{Quote: "Größere Übersetzungen sind nötig, sagte Łukasz Żółć.", Speaker: "Łukasz Żółć", Title: "Straße", Link: "l"},
		{Title: "The ferry stays: the council votes to keep the island's lifeline", Site: "Courier", Link: "verbatim.example/article/ferry"},
	}
	draw := func(c Card, s Size) []byte {
		l, err := Lay(c, s)
		if err != nil {
			t.Error(err)
			return nil
		}
		img, err := l.Draw()
		if err != nil {
			t.Error(err)
			return nil
		}
		return img.Pix
	}
	var cold [][]byte
	for _, c := range cards {
		for _, s := range []Size{Landscape, Square} {
			glyphs.Lock()
			clear(glyphs.m)
			glyphs.bytes = 0
			glyphs.Unlock()
			cold = append(cold, draw(c, s))
		}
	}
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			i := 0
			for _, c := range cards {
				for _, s := range []Size{Landscape, Square} {
					if !bytes.Equal(draw(c, s), cold[i]) {
						t.Errorf("%q %s: drawn from the cache, it differs", c.Title, sizeName(s))
					}
					i++
				}
			}
		})
	}
	wg.Wait()
}
