package quotecard

import (
	"bytes"
	"image"
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

// TestPaintMatchesOverLevels checks paint against its rule, pixel by pixel: on canvases holding the
// background, blends of the ink painted and of another ink, each mask pixel's coverage a over a pixel
// of level k0 of the same ink becomes level overLevels[k0][a] (unchanged at 0), over the background
// level overLevels[0][a], and over another ink's blend the painted ink's level overLevels[0][a]
// (unchanged at 0); the one-step path over the background (overBackground) must give the same.
func TestPaintMatchesOverLevels(t *testing.T) {
	t.Parallel()
	const w, h = 64, 48
	for ci, c := range inks {
		first := int(inkIndex(c, 1))
		canvas := image.NewPaletted(image.Rect(0, 0, w, h), palette)
		for i := range canvas.Pix {
			// Stripes: the background, this ink's levels, another ink's levels.
			switch i % 5 {
			case 0, 1:
			case 2, 3:
				canvas.Pix[i] = uint8(first + i%inkLevels)
			default:
				canvas.Pix[i] = uint8(1 + (ci+1)%len(inks)*inkLevels + i%inkLevels)
			}
		}
		mask := image.NewAlpha(image.Rect(0, 0, w, h))
		for i := range mask.Pix {
			mask.Pix[i] = uint8(i * 7 % 256)
		}
		want := bytes.Clone(canvas.Pix)
		for i, a := range mask.Pix {
			p := int(want[i])
			k0 := 0
			if k := p - first + 1; k >= 1 && k <= inkLevels {
				k0 = k
			}
			if k := int(overLevels[k0][a]); a != 0 && k > 0 {
				want[i] = uint8(first + k - 1)
			}
		}
		paint(canvas, canvas.Rect, mask, image.Point{}, c)
		if !bytes.Equal(canvas.Pix, want) {
			t.Errorf("ink %d: paint differs from overLevels", ci)
		}
	}
}
