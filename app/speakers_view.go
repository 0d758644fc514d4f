package app

import (
	"fmt"
	"strings"

	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"

	"verbatim/article/crossref"
	"verbatim/article/model"
	"verbatim/article/safe"
	"verbatim/components"
)

// Render draws /speakers or a person's page.
func (p *SpeakersPage) Render() goapp.UI {
	var body []goapp.UI
	if p.slug == "" && !p.refused {
		body = p.renderPeople()
	} else {
		body = p.renderPerson()
	}
	return components.Frame("speakers", goapp.Main().ID("main").Class("page-main", "speakers").Body(body...))
}

// notices renders the page's notice and its live region.
func (p *SpeakersPage) notices() []goapp.UI {
	return []goapp.UI{
		goapp.If(p.data.notice != "", goapp.P().Class("notice").Attr("role", "alert").Text(p.data.notice)),
	}
}

// statusRegion is the polite live region that says what a merge or split did.
func (p *SpeakersPage) statusRegion() goapp.UI {
	return goapp.P().Class("speaker-status").ID("speaker-status").Attr("role", "status").Text(p.status)
}

// renderPeople draws /speakers: everyone quoted, the most quoted first.
func (p *SpeakersPage) renderPeople() []goapp.UI {
	people := p.data.people
	more := 0
	if len(people) > MaxPeopleListed {
		more, people = len(people)-MaxPeopleListed, people[:MaxPeopleListed]
	}
	items := make([]goapp.UI, 0, len(people))
	for _, person := range people {
		items = append(items, personCard(person))
	}
	quotes := 0
	for _, person := range p.data.people {
		quotes += person.Quotes
	}
	return append(p.notices(),
		goapp.H1().Text("Speakers"),
		goapp.P().Class("speakers-intro").Text("Everyone quoted in this server's articles and in the articles saved in this browser. Names that are one person are grouped (see a person's page to merge or split them by hand)."),
		goapp.If(len(p.data.people) > 0, goapp.P().Class("speakers-count").Text(
			fmt.Sprintf("%s quoted %s.", peopleCount(len(p.data.people), ""), plural(quotes, "time")))),
		goapp.If(len(items) == 0 && !p.loading, goapp.P().Text("Nobody is quoted yet: import or save an article with quotations.")),
		goapp.Ul().Class("people").ID("people").Body(items...),
		goapp.If(more > 0, goapp.P().Class("speakers-more").Text(
			fmt.Sprintf("%s quoted less often are not listed here.", peopleCount(more, "more ")))),
		p.statusRegion(),
	)
}

// personCard is one person of /speakers: a link to their page, their quotes, roles and other names.
func personCard(person Person) goapp.UI {
	link, _ := safe.SpeakerPath(person.Slug)
	meta := plural(person.Quotes, "quote") + " in " + plural(len(person.Articles)+person.More, "article")
	return components.Data(goapp.Li().Class("person"), "speaker-slug", safe.TokenFrom(person.Slug)).Body(
		goapp.H2().Class("person-name").Body(components.Href(goapp.A(), link).Text(person.Name)),
		goapp.P().Class("person-meta").Text(meta),
		goapp.If(len(person.Roles) > 0, goapp.P().Class("person-roles").Text("Roles: "+strings.Join(person.Roles, "; "))),
		goapp.If(len(person.Names) > 1, goapp.P().Class("person-names").Text("Also named: "+strings.Join(otherNames(person), "; "))),
	)
}

// otherNames are person's names other than the one shown.
func otherNames(person Person) []string {
	var out []string
	for _, n := range person.Names {
		if n != person.Name {
			out = append(out, n)
		}
	}
	return out
}

// personTitleID is the id of a person's heading, which takes the focus after a merge or split (the
// control that made it may be gone).
const personTitleID = "person-title"

// renderPerson draws /speaker/{slug}.
func (p *SpeakersPage) renderPerson() []goapp.UI {
	back := goapp.P().Class("speakers-back").Body(goapp.A().Href(model.SpeakersPath).Text("All speakers"))
	if !p.data.found {
		msg := sentence(errNoSpeaker)
		if p.loading {
			msg = "Looking for this person in your saved articles…"
		}
		return append(p.notices(), back, goapp.H1().Text("Speaker"), goapp.P().Class("notice").Attr("role", "alert").Text(msg))
	}
	person := p.data.person
	meta := plural(person.Quotes, "quote") + " in " + plural(len(person.Articles)+person.More, "article")
	if person.More > 0 {
		meta += fmt.Sprintf("; the newest %d are shown", len(person.Articles))
	}
	quotes := make([]goapp.UI, 0, len(p.data.quotes))
	for _, q := range p.data.quotes {
		quotes = append(quotes, saidItem(q))
	}
	return append(p.notices(), back,
		goapp.H1().Class("person-title").ID(personTitleID).TabIndex(-1).Text(person.Name),
		goapp.P().Class("person-meta").Text(meta),
		goapp.If(len(person.Roles) > 0, goapp.P().Class("person-roles").Text("Roles: "+strings.Join(person.Roles, "; "))),
		goapp.If(len(person.Names) > 1, goapp.P().Class("person-names").Text("Named in articles as: "+strings.Join(person.Names, "; "))),
		p.renderVariants(),
		goapp.Section().Aria("labelledby", "said-title").Body(
			goapp.H2().ID("said-title").Text("Everything "+person.Name+" said, newest first"),
			goapp.If(len(quotes) == 0 && !p.loading, goapp.P().Text("No quotation could be read.")),
			goapp.Ol().Class("said").ID("said").Body(quotes...),
		),
		p.renderDecisions(),
		p.statusRegion(),
	)
}

// saidItem is one quotation on a person's page, linking to its place in its article.
func saidItem(q SaidQuote) goapp.UI {
	return components.Data(goapp.Li().Class("said-quote"), "article-id", safe.TokenFrom(string(q.Article))).Body(
		goapp.Blockquote().Class("said-text").Text("“"+strings.TrimSpace(q.Quote.Text)+"”"),
		source(q),
	)
}

// source is a quotation's source line: its role, a link to the quote in its article, and the date.
func source(q SaidQuote) goapp.UI {
	title := q.Title
	if title == "" {
		title = string(q.Article)
	}
	var parts []goapp.UI
	if q.Role != "" {
		parts = append(parts, goapp.Span().Class("said-role").Text(q.Role+", "))
	}
	parts = append(parts, goapp.Text("in "))
	if link, ok := safe.QuoteInArticle(q.Article, q.Quote.ID); ok {
		parts = append(parts, components.Href(goapp.A().Class("said-link"), link).Text(title))
	} else {
		parts = append(parts, goapp.Cite().Text(title))
	}
	if _, date, ok := components.PublishedDate(&model.Article{Published: q.Published}); ok {
		parts = append(parts, goapp.Text(", "+date))
	}
	if q.Mine {
		parts = append(parts, goapp.Span().Class("badge").Text("In this browser"))
	}
	return goapp.P().Class("said-source").Body(parts...)
}

// renderVariants draws the quotations reported in different words, each pair with its word-level
// diff.
func (p *SpeakersPage) renderVariants() goapp.UI {
	if len(p.data.variants) == 0 {
		return nil
	}
	items := make([]goapp.UI, 0, len(p.data.variants))
	for _, v := range p.data.variants {
		// The quotes are newest first: the older report (the larger index) is shown first.
		older, newer := p.data.quotes[v.B], p.data.quotes[v.A]
		ow, nw := v.Diff.B, v.Diff.A
		if v.A > v.B {
			older, newer, ow, nw = newer, older, nw, ow
		}
		items = append(items, goapp.Li().Class("variant").Body(
			goapp.Figure().Class("variant-version").Body(
				goapp.Blockquote().Body(diffWords(ow, false)...),
				goapp.FigCaption().Body(source(older)),
			),
			goapp.Figure().Class("variant-version").Body(
				goapp.Blockquote().Body(diffWords(nw, true)...),
				goapp.FigCaption().Body(source(newer)),
			),
		))
	}
	return goapp.Section().Class("variants").Aria("labelledby", "variants-title").Body(
		goapp.H2().ID("variants-title").Text("Reported in different words"),
		goapp.P().Class("variants-key").Text("The same quotation appears in two articles with different wording, the older report first. Struck-through words in the older report are missing or worded otherwise in the newer; underlined words in the newer are its additions or other wording; highlighted words stand elsewhere in the other version."),
		goapp.Ol().Class("variant-list").ID("variants").Body(items...),
	)
}

// diffLabels are the visually hidden words that say what a flagged run of words is, for readers who
// do not see the strike-through or the underline.
var diffLabels = map[crossref.Change]string{
	crossref.Dropped:  "only in this version: ",
	crossref.Inserted: "only in this version: ",
	crossref.Changed:  "worded differently in the other version: ",
	crossref.Elided:   "cut with an ellipsis: ",
	crossref.Moved:    "moved in the other version: ",
}

// diffWords renders one version's words: runs of unchanged words as text, each run of flagged words
// with a visually hidden label and data-change naming the change: moved words in <mark>, the others
// in <del> in the first version shown (the older) and in <ins> in the second (second is true), as
// an editor marks what the later report took out and put in.
func diffWords(ws []crossref.Word, second bool) []goapp.UI {
	var out []goapp.UI
	for i := 0; i < len(ws); {
		j := i
		var run []string
		for j < len(ws) && ws[j].Change == ws[i].Change {
			run = append(run, ws[j].Text)
			j++
		}
		text := strings.Join(run, " ")
		if i > 0 {
			out = append(out, goapp.Text(" "))
		}
		c := ws[i].Change
		label := goapp.Span().Class("visually-hidden").Text("(" + diffLabels[c])
		end := goapp.Span().Class("visually-hidden").Text(")")
		token := safe.TokenFrom(c.String())
		switch c {
		case crossref.Same:
			out = append(out, goapp.Text(text))
		case crossref.Moved:
			out = append(out, components.Data(goapp.Mark().Class("diff", "diff-moved"), "change", token).Body(label, goapp.Text(text), end))
		default:
			if second {
				out = append(out, components.Data(goapp.Ins().Class("diff", "diff-"+c.String()), "change", token).Body(label, goapp.Text(text), end))
			} else {
				out = append(out, components.Data(goapp.Del().Class("diff", "diff-"+c.String()), "change", token).Body(label, goapp.Text(text), end))
			}
		}
		i = j
	}
	return out
}

// renderDecisions draws the hand merge and split controls, once app.wasm runs the page (the
// decisions live in this browser).
func (p *SpeakersPage) renderDecisions() goapp.UI {
	person := p.data.person
	var options []goapp.UI
	options = append(options, goapp.Option().Value("").Text("Choose a person"))
	for _, o := range p.data.people {
		if o.Slug != person.Slug {
			options = append(options, goapp.Option().Value(o.Slug).Text(o.Name+" ("+plural(o.Quotes, "quote")+")"))
		}
	}
	var splits []goapp.UI
	if len(person.Names) > 1 {
		for _, n := range person.Names {
			n := n
			splits = append(splits, goapp.Li().Body(
				goapp.Span().Class("split-name").Text(n),
				goapp.Text(" "),
				components.AriaLabel(goapp.Button().Type("button").Class("button", "split"), safe.TextFrom("Not the same person: take "+n+" out of "+person.Name)).
					Text("Not the same person").
					OnClick(func(ctx goapp.Context, e goapp.Event) { p.split(ctx, n) }),
			))
		}
	}
	return goapp.Section().Class("decisions").Aria("labelledby", "decisions-title").Body(
		goapp.H2().ID("decisions-title").Text("Same person?"),
		goapp.If(!p.script, goapp.P().Text("Merging and splitting names by hand needs the app to have loaded in this browser.")),
		goapp.If(p.script,
			goapp.Form().Class("merge-form").OnSubmit(func(ctx goapp.Context, e goapp.Event) {
				e.PreventDefault()
				p.merge(ctx)
			}).Body(
				goapp.Label().For("merge-with").Text("Same person as"),
				goapp.Select().ID("merge-with").OnChange(valueTo(&p.mergeWith)).Body(options...),
				goapp.Button().Type("submit").Class("button").ID("merge").Text("Merge"),
			),
			goapp.If(len(splits) > 0,
				goapp.P().ID("split-help").Text("These names were taken for one person. Take a name out when it is someone else:"),
				goapp.Ul().Class("split-names").ID("split-names").Aria("describedby", "split-help").Body(splits...),
			),
			goapp.If(p.hasDecisions(),
				goapp.Button().Type("button").Class("button").ID("forget-decisions").Text("Forget my merges and splits of these names").
					OnClick(func(ctx goapp.Context, e goapp.Event) { p.forget(ctx) })),
		),
	)
}

// valueTo returns a change handler that stores the element's value in v.
func valueTo(v *string) goapp.EventHandler {
	return func(ctx goapp.Context, e goapp.Event) { *v = ctx.JSSrc().Get("value").String() }
}

// hasDecisions reports whether the user decided anything about the page's person's names.
func (p *SpeakersPage) hasDecisions() bool {
	return len(forgetDecisions(p.decisions, p.data.person)) != len(p.decisions)
}

// peopleCount is "1 person", "2 people".
func peopleCount(n int, more string) string {
	if n == 1 {
		return "1 " + more + "person"
	}
	return thousands(n) + " " + more + "people"
}
