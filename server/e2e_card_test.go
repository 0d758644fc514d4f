package server

import (
	"encoding/base64"
	"fmt"
	"image"
	"image/png"
	"strings"
	"testing"

	"github.com/chromedp/chromedp/kb"

	"verbatim/article/model"
)

// TestE2EQuoteCard makes a quote card in Chromium with every *.wasm request blocked and the keyboard
// only: Enter on a quote's "Card" button opens the dialog, card.js draws the card at both sizes, the
// focus moves to the first download link, and each download decodes as an image at its size with no
// ink outside its margins but the accent bar, and ink inside them. axe finds nothing in the open dialog;
// Escape closes it and gives the focus back to the button.
func TestE2EQuoteCard(t *testing.T) {
	s := e2eServer(t)
	a := fetchArticle(t, s.URL(), sampleID)
	var q model.Quote
	for _, x := range a.Quotes {
		if x.SpeakerID != "" && q.ID == "" {
			q = x
		}
	}
	tb := newTab(t, s.URL())
	tb.blockWasm()
	tb.open("/article/" + sampleID)
	tb.waitFor("the reader script", `!!window.verbatimReader`)
	button := fmt.Sprintf(`.panel-quote[data-quote-id=%q] [data-action="card"]`, q.ID)
	eval[bool](tb, `document.querySelector(`+jsString(button)+`).focus(), true`)
	tb.key(kb.Enter)
	tb.waitFor("the card drawn and the focus on its download link", `(() => {
	  const a = document.querySelector('#card a[data-card-size="square"]'), l = document.querySelector('#card a[data-card-size="landscape"]');
	  return !document.getElementById("card").hidden && a.href.startsWith("blob:") && document.activeElement === l &&
	    document.querySelector("#card .card-preview").naturalWidth === 1200;
	})()`)
	speaker := ""
	for _, sp := range a.Speakers {
		if sp.ID == q.SpeakerID {
			speaker = sp.Name
		}
	}
	if alt := eval[string](tb, `document.querySelector("#card .card-preview").alt`); !strings.Contains(alt, speaker) || !strings.HasPrefix(alt, "Quote card: “") {
		t.Errorf("the preview's alt is %q, want the quote and %s", alt, speaker)
	}
	for size, want := range map[string]image.Point{"landscape": {1200, 630}, "square": {1080, 1080}} {
		link := `document.querySelector('#card a[data-card-size="` + size + `"]')`
		if name := eval[string](tb, link+`.download`); name != "quote-"+sampleID+"-"+string(q.ID)+map[string]string{"landscape": "", "square": "-square"}[size]+".png" {
			t.Errorf("%s: downloads as %q", size, name)
		}
		// The page's CSP keeps fetch from blob: URLs (connect-src 'self'), not images: the download
		// is decoded as an image, then its pixels are read back through a canvas, losslessly as PNG.
		b64 := eval[string](tb, `new Promise((resolve, reject) => {
		  const img = new Image();
		  img.onload = () => {
		    const c = document.createElement("canvas");
		    c.width = img.naturalWidth; c.height = img.naturalHeight;
		    c.getContext("2d").drawImage(img, 0, 0);
		    resolve(c.toDataURL("image/png").split(",")[1]);
		  };
		  img.onerror = () => reject(new Error("the card does not decode"));
		  img.src = `+link+`.href;
		})`)
		raw, err := base64.StdEncoding.DecodeString(b64)
		if err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(strings.NewReader(string(raw)))
		if err != nil {
			t.Fatalf("%s: the card does not decode as PNG: %v", size, err)
		}
		if img.Bounds().Size() != want {
			t.Fatalf("%s: the card is %v, want %v", size, img.Bounds().Size(), want)
		}
		checkCardInk(t, size, img)
	}

	src := axeSource(t)
	if src == "" {
		t.Fatal("axe-core is not installed: run make test-env (npm ci installs the pinned axe-core), or set AXE_CORE_JS to axe.min.js")
	}
	eval[bool](tb, src+";true")
	for _, v := range eval[[]string](tb, axeRun) {
		t.Errorf("axe, card dialog open: %s", v)
	}
	tb.key(kb.Escape)
	tb.waitFor("the dialog closed and the focus back on its button", `document.getElementById("card").hidden && document.activeElement === document.querySelector(`+jsString(button)+`)`)
	tb.assertClean()
}

// checkCardInk checks a card's pixels: background outside the margins (a fifteenth of the width)
// but for the accent bar at the left edge, and some ink inside them.
func checkCardInk(t *testing.T, size string, img image.Image) {
	t.Helper()
	b := img.Bounds()
	m := b.Dx() / 15
	inside := image.Rect(m, m, b.Dx()-m, b.Dy()-m)
	const accentBar = 14
	background := func(x, y int) bool {
		r, g, bl, _ := img.At(x, y).RGBA()
		return r>>8 == 0xfb && g>>8 == 0xfa && bl>>8 == 0xf7
	}
	ink := 0
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := accentBar; x < b.Max.X; x++ {
			switch {
			case image.Pt(x, y).In(inside):
				if !background(x, y) {
					ink++
				}
			case !background(x, y):
				t.Fatalf("%s: ink at (%d, %d), outside the margins %v", size, x, y, inside)
			}
		}
	}
	if ink < 1000 {
		t.Errorf("%s: %d pixels of ink inside the margins: the card is nearly empty", size, ink)
	}
}
