package components

import (
	"strings"

	"verbatim/article/model"
)

// Citation returns a quote with its citation, as "Copy quote" puts it on the clipboard (the Reader
// renders it into the data-citation of the quote's first mark, and reader.js copies it from there):
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
