package components

import (
	"fmt"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"verbatim/article/model"
)

// listen installs the document's keydown listener; OnDismount removes it. It only reads the event
// and dispatches to the UI goroutine.
func (r *Reader) listen(ctx app.Context) {
	if !app.IsClient {
		return
	}
	doc := app.Window().Get("document")
	keydown := app.FuncOf(func(this app.Value, args []app.Value) any {
		e := args[0]
		if e.Get("ctrlKey").Bool() || e.Get("metaKey").Bool() || e.Get("altKey").Bool() {
			return nil
		}
		target := e.Get("target")
		switch target.Get("tagName").String() {
		case "INPUT", "TEXTAREA", "SELECT":
			return nil
		}
		if target.Get("isContentEditable").Bool() {
			return nil
		}
		key := e.Get("key").String()
		switch key {
		case "n", "p", "h", "?":
			e.Call("preventDefault")
		case "Escape":
		default:
			return nil
		}
		ctx.Dispatch(func(ctx app.Context) { r.onKey(ctx, key) })
		return nil
	})
	doc.Call("addEventListener", "keydown", keydown)

	r.release = append(r.release, func() {
		doc.Call("removeEventListener", "keydown", keydown)
		keydown.Release()
	})
}

// onKey runs one keyboard shortcut: n and p move to the next and previous quote, h hides or shows
// the highlights, ? opens the shortcuts and Escape closes them.
func (r *Reader) onKey(ctx app.Context, key string) {
	if r.Article == nil {
		return
	}
	switch key {
	case "n":
		r.step(ctx, +1)
	case "p":
		r.step(ctx, -1)
	case "h":
		r.toggleHighlights(ctx)
	case "?":
		r.toggleHelp(ctx)
	case "Escape":
		if r.help {
			r.toggleHelp(ctx)
		}
	}
}

// visibleQuotes returns the quotes n and p move through: all of them, or the chosen speaker's.
func (r *Reader) visibleQuotes() []model.Quote {
	var out []model.Quote
	for _, q := range r.Article.Quotes {
		if r.selected == "" || q.SpeakerID == r.selected {
			out = append(out, q)
		}
	}
	return out
}

// step moves the focus dir quotes forward or back, wrapping around.
func (r *Reader) step(ctx app.Context, dir int) {
	qs := r.visibleQuotes()
	if len(qs) == 0 {
		r.status = "This article has no quotes to move to."
		return
	}
	i := -1
	for j, q := range qs {
		if q.ID == r.current {
			i = j
		}
	}
	switch {
	case i < 0 && dir < 0:
		i = len(qs) - 1
	case i < 0:
		i = 0
	default:
		i = (i + dir + len(qs)) % len(qs)
	}
	r.focusQuote(ctx, qs[i].ID, true)
}

// focusQuote highlights quote id, moves the focus and the view to it, and, when updateHash is set,
// writes #id into the URL without a new history entry.
func (r *Reader) focusQuote(ctx app.Context, id model.QuoteID, updateHash bool) {
	r.current = id
	n := 0
	for i, q := range r.Article.Quotes {
		if q.ID == id {
			n = i + 1
		}
	}
	r.status = fmt.Sprintf("Quote %d of %d.", n, len(r.Article.Quotes))
	if updateHash && app.IsClient {
		app.Window().Get("history").Call("replaceState", nil, "", "#"+model.QuoteFragment(id))
	}
	ctx.Defer(func(app.Context) {
		el := app.Window().GetElementByID(model.QuoteFragment(id))
		if !el.Truthy() {
			return
		}
		el.Call("focus", map[string]any{"preventScroll": true})
		el.Call("scrollIntoView", map[string]any{"block": "center"})
	})
}

// focusID moves the focus to the element with the given (app-owned) id.
func focusID(id string) {
	if el := app.Window().GetElementByID(id); el.Truthy() {
		el.Call("focus")
	}
}
