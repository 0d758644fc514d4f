package search

import (
	"cmp"
	"slices"
	"strings"

	"verbatim/article/model"
)

// linearKey names one hit of any search: its kind, article and quotation or note.
type linearKey struct {
	kind    Kind
	article model.ArticleID
	item    string
}

func keyOf(h Hit) linearKey {
	return linearKey{h.Kind, h.Article, string(h.Quote) + h.Note}
}

// linearScan is the baseline: a plain scan that folds and reads every field of every article,
// quotation and note for each query, keeps those that hold every term (and phrase) and pass the
// filters, and ranks them by weighted term frequency. It shares the index's folding and filters'
// rules so that its hits are the index's hits, and makes the same number of snippets.
func linearScan(arts []*model.Article, notes []Note, speakers map[string]bool, q Query) []linearKey {
	p := parse(q.Text)
	from, to := "", ""
	if !q.From.IsZero() {
		from = q.From.Format("2006-01-02")
	}
	if !q.To.IsZero() {
		to = q.To.Format("2006-01-02")
	}
	site := Fold(q.Site)
	type scored struct {
		key   linearKey
		score float32
		day   string
		text  string
	}
	var hits []scored
	m := newMatcher(p)
	for _, a := range arts {
		fs := Fold(a.Site)
		if site != "" && fs != site && !strings.HasSuffix(fs, " "+site) {
			continue
		}
		day := dayOf(a.Published)
		if (from != "" || to != "") && (day == "" || from != "" && day < from || to != "" && day > to) {
			continue
		}
		if speakers != nil && !slices.ContainsFunc(a.Quotes, func(x model.Quote) bool { return speakers[x.Speaker] }) &&
			!slices.ContainsFunc(a.Speakers, func(s model.Speaker) bool { return speakers[s.Name] }) {
			continue
		}
		try := func(k linearKey, ws []float32, texts ...string) {
			var score float32
			seen := make([]bool, len(p.terms))
			for i, t := range texts {
				tokenize(t, -1, nil, func(tok []byte, _, _ int) bool {
					if j := m.match(tok); j >= 0 {
						seen[j] = true
						score += ws[i]
					}
					return true
				})
			}
			for _, s := range seen {
				if !s {
					return
				}
			}
			for _, ph := range p.phrases {
				var parts []string
				for _, ti := range ph {
					parts = append(parts, p.terms[ti].text)
				}
				want := " " + strings.Join(parts, " ") + " "
				if !slices.ContainsFunc(texts, func(t string) bool { return strings.Contains(" "+Fold(t)+" ", want) }) {
					return
				}
			}
			hits = append(hits, scored{k, score, day, texts[len(texts)-1]})
		}
		try(linearKey{KindArticle, a.ID, ""}, []float32{4, 1.5, 1.5, 1}, a.Title, a.Byline, a.Site, a.Text())
		for _, qu := range a.Quotes {
			if qu.Kind == model.QuoteScare || speakers != nil && !speakers[qu.Speaker] {
				continue
			}
			try(linearKey{KindQuote, a.ID, string(qu.ID)}, []float32{1.5, 2.5}, qu.Speaker, qu.Text)
		}
		for _, n := range notes {
			if n.ArticleID == a.ID && strings.TrimSpace(n.Note) != "" {
				try(linearKey{KindNote, a.ID, n.ID}, []float32{1, 2}, n.Exact, n.Note)
			}
		}
	}
	slices.SortFunc(hits, func(x, y scored) int {
		if c := cmp.Compare(y.score, x.score); c != 0 {
			return c
		}
		return cmp.Compare(y.day, x.day)
	})
	limit := q.Limit
	if limit <= 0 {
		limit = DefaultLimit
	}
	keys := make([]linearKey, len(hits))
	for i, h := range hits {
		keys[i] = h.key
		if i < limit {
			m.snippet(h.text)
		}
	}
	return keys
}
