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
	return citation(a, q.Text, q.Speaker)
}

// SpeakerSlot stands for the speaker's name in CitationAs.
const SpeakerSlot = "\uFFFC"

// CitationAs returns the citation of q as it reads with another speaker: Citation with SpeakerSlot
// (U+FFFC) where the speaker's name goes, once. reader.js puts a reader's correction of the speaker
// there, so the citation's form stays Go's alone. It reports false when the quote, title or site
// holds the slot character itself.
func CitationAs(a *model.Article, q model.Quote) (string, bool) {
	s := citation(a, q.Text, SpeakerSlot)
	return s, strings.Count(s, SpeakerSlot) == 1
}

func citation(a *model.Article, text, speaker string) string {
	q := model.Quote{Text: text, Speaker: speaker}
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
