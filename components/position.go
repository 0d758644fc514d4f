package components

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"verbatim/article/model"
)

// positionsKey is the local storage key of the remembered reading positions: one small list, the
// most recent maxPositions articles, newest last.
const (
	positionsKey = "verbatim.positions"
	maxPositions = 50
)

type position struct {
	ID  model.ArticleID `json:"id"`
	Pos float64         `json:"pos"` // the scrolled fraction of the page, 0 … 1
}

// loadPosition returns the remembered reading position of article id, or 0.
func loadPosition(ctx app.Context, id model.ArticleID) float64 {
	var ps []position
	if ctx.LocalStorage().Get(positionsKey, &ps) != nil {
		return 0
	}
	for _, p := range ps {
		if p.ID == id && p.Pos > 0 && p.Pos <= 1 {
			return p.Pos
		}
	}
	return 0
}

// savePosition remembers the reading position of article id. A failure (a full quota) loses only
// the position.
func savePosition(ctx app.Context, id model.ArticleID, pos float64) {
	var ps []position
	ctx.LocalStorage().Get(positionsKey, &ps)
	out := make([]position, 0, len(ps)+1)
	for _, p := range ps {
		if p.ID != id {
			out = append(out, p)
		}
	}
	out = append(out, position{ID: id, Pos: pos})
	if len(out) > maxPositions {
		out = out[len(out)-maxPositions:]
	}
	ctx.LocalStorage().Set(positionsKey, out)
}

// scrollFraction returns how far the page is scrolled, from 0 to 1.
func scrollFraction() float64 {
	w := app.Window()
	total := w.Get("document").Get("documentElement").Get("scrollHeight").Float() - w.Get("innerHeight").Float()
	if total <= 0 {
		return 1
	}
	f := w.Get("scrollY").Float() / total
	switch {
	case f < 0:
		return 0
	case f > 1:
		return 1
	}
	return f
}

// scrollToFraction scrolls the page to the fraction f of its scrollable height.
func scrollToFraction(f float64) {
	w := app.Window()
	total := w.Get("document").Get("documentElement").Get("scrollHeight").Float() - w.Get("innerHeight").Float()
	if total > 0 {
		w.Call("scrollTo", 0, f*total)
	}
}
