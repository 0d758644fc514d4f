package components

import (
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"verbatim/article"
)

// Citation returns a quote with its citation, as "Copy quote" puts it on the clipboard:
//
//	“…” — Dmitry Peskov, in "Title", Mediaite
//
// Parts the article does not know (speaker, title, site) are left out.
func Citation(a *article.Article, q article.Quote) string {
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

// copyQuote writes q's citation to the clipboard through navigator.clipboard and says how it went.
func (r *Reader) copyQuote(ctx app.Context, q article.Quote) {
	if !app.IsClient {
		return
	}
	text := Citation(r.Article, q)
	clip := app.Window().Get("navigator").Get("clipboard")
	if !clip.Truthy() {
		r.status = "Copying needs a secure (https) page: select the quote and copy it by hand."
		return
	}
	var ok, fail app.Func
	done := func(msg string) {
		ctx.Dispatch(func(app.Context) { r.status = msg })
		ok.Release()
		fail.Release()
	}
	ok = app.FuncOf(func(this app.Value, args []app.Value) any {
		done("Copied: " + excerpt(text, 80))
		return nil
	})
	fail = app.FuncOf(func(this app.Value, args []app.Value) any {
		done("The browser did not allow copying. Select the quote and copy it by hand.")
		return nil
	})
	clip.Call("writeText", text).Call("then", ok, fail)
}
