package components

import (
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"verbatim/article/model"
)

// Citation returns a quote with its citation, as "Copy quote" puts it on the clipboard:
//
//	“…” — Dmitry Peskov, in "Title", Mediaite
//
// Parts the article does not know (speaker, title, site) are left out.
func Citation(a *model.Article, q model.Quote) string {
	var b strings.Builder
	b.WriteString("“" + strings.TrimSpace(q.Text) + "”")
	var src []string
	if q.Speaker != "" {
		src = append(src, q.Speaker)
	}
	if a.Title != "" {
		src = append(src, `in "`+a.Title+`"`)
	}
	if a.Site != "" {
		src = append(src, a.Site)
	}
	if len(src) > 0 {
		b.WriteString(" — " + strings.Join(src, ", "))
	}
	return b.String()
}

// copyCurrent copies the focused quote, or the first one.
func (r *Reader) copyCurrent(ctx app.Context) {
	qs := r.visibleQuotes()
	if len(qs) == 0 {
		r.status = "There is no quote to copy."
		return
	}
	q := qs[0]
	for _, c := range qs {
		if c.ID == r.current {
			q = c
		}
	}
	r.copyQuote(ctx, q)
}

// copyQuote writes q's citation to the clipboard and says how it went. It tries
// navigator.clipboard first; when the browser refuses it (a frame without focus or without the
// clipboard-write permission, as on a partner's page, or a page that is not https) it falls back to
// copying a selection with document.execCommand, which a click allows in any frame.
func (r *Reader) copyQuote(ctx app.Context, q model.Quote) {
	if !app.IsClient {
		return
	}
	text := Citation(r.Article, q)
	copied := "Copied: " + excerpt(text, 80)
	refused := "The browser did not allow copying. Select the quote and copy it by hand."
	clip := app.Window().Get("navigator").Get("clipboard")
	if !clip.Truthy() {
		if copySelection(text) {
			r.status = copied
		} else {
			r.status = refused
		}
		return
	}
	var ok, fail app.Func
	done := func(msg string) {
		ctx.Dispatch(func(app.Context) { r.status = msg })
		ok.Release()
		fail.Release()
	}
	ok = app.FuncOf(func(this app.Value, args []app.Value) any {
		done(copied)
		return nil
	})
	fail = app.FuncOf(func(this app.Value, args []app.Value) any {
		if copySelection(text) {
			done(copied)
		} else {
			done(refused)
		}
		return nil
	})
	clip.Call("writeText", text).Call("then", ok, fail)
}

// copySelection copies text the old way: it selects it in a hidden, read-only textarea and asks
// document.execCommand("copy"), then gives the focus back. It reports whether the browser copied.
// text is the citation built by Citation: it is set as the textarea's value, never parsed as HTML.
func copySelection(text string) bool {
	doc := app.Window().Get("document")
	body := doc.Get("body")
	if !body.Truthy() {
		return false
	}
	active := doc.Get("activeElement")
	ta := doc.Call("createElement", "textarea")
	ta.Set("value", text)
	ta.Call("setAttribute", "readonly", "")
	ta.Call("setAttribute", "aria-hidden", "true")
	ta.Set("tabIndex", -1)
	style := ta.Get("style")
	style.Set("position", "fixed")
	style.Set("top", "0")
	style.Set("left", "0")
	style.Set("opacity", "0")
	style.Set("pointerEvents", "none")
	body.Call("appendChild", ta)
	ta.Call("focus", map[string]any{"preventScroll": true})
	ta.Call("select")
	ok := doc.Call("execCommand", "copy").Truthy()
	ta.Call("remove")
	if active.Truthy() && active.Get("focus").Truthy() {
		active.Call("focus", map[string]any{"preventScroll": true})
	}
	return ok
}
