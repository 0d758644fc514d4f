package components

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"verbatim/article/model"
	"verbatim/article/safe"
)

// paletteSize is the number of speaker colours in verbatim.css (.speaker-1 … .speaker-8). Each also
// has its own underline style, so colour is never the only signal.
const paletteSize = 8

// speakerClasses are the CSS classes of the speaker colours, speakerClasses[0] "speaker-none".
var speakerClasses = func() []safe.Token {
	c := []safe.Token{safe.TokenFrom("speaker-none")}
	for i := 1; i <= paletteSize; i++ {
		c = append(c, safe.TokenFrom("speaker-"+strconv.Itoa(i)))
	}
	return c
}()

// bodyView renders an article's blocks and runs as go-app elements. It holds what the rendering needs
// to know about quotes and speakers.
type bodyView struct {
	a        *model.Article
	speakers map[model.SpeakerID]model.Speaker
	colour   map[model.SpeakerID]int // 1-based palette index
	first    map[model.QuoteID]bool  // set while rendering: the quote's first element is done
	quotes   map[model.QuoteID]model.Quote
	embed    bool // an embed's body: no data-citation-as, which only the reader's corrections read
}

func newBodyView(a *model.Article, embed bool) *bodyView {
	v := &bodyView{
		a:        a,
		embed:    embed,
		speakers: make(map[model.SpeakerID]model.Speaker),
		colour:   make(map[model.SpeakerID]int),
		first:    make(map[model.QuoteID]bool),
		quotes:   make(map[model.QuoteID]model.Quote),
	}
	for i, s := range a.Speakers {
		v.speakers[s.ID] = s
		v.colour[s.ID] = i%paletteSize + 1
	}
	for _, q := range a.Quotes {
		v.quotes[q.ID] = q
	}
	return v
}

// speakerClass returns the CSS class of a speaker's colour, or "speaker-none".
func (v *bodyView) speakerClass(id model.SpeakerID) safe.Token {
	return speakerClasses[v.colour[id]]
}

// blocks renders the article body, skipping the headline block (rendered as the page's h1).
func (v *bodyView) blocks() []app.UI {
	out := make([]app.UI, 0, len(v.a.Blocks))
	for _, b := range v.a.Blocks {
		if b.Kind == model.KindHeadline {
			continue
		}
		if ui := v.block(b); ui != nil {
			out = append(out, ui)
		}
	}
	return out
}

// headline returns the runs of the article's headline block, or its title as plain text.
func (v *bodyView) headline() []app.UI {
	for _, b := range v.a.Blocks {
		if b.Kind == model.KindHeadline {
			return v.runs(b)
		}
	}
	return []app.UI{app.Text(v.a.Title)}
}

func (v *bodyView) block(b model.Block) app.UI {
	switch b.Kind {
	case model.KindParagraph:
		return app.P().Body(v.runs(b)...)
	case model.KindHeading2:
		return app.H2().Body(v.runs(b)...)
	case model.KindHeading3:
		return app.H3().Body(v.runs(b)...)
	case model.KindBlockquote:
		return app.Blockquote().Body(app.P().Body(v.runs(b)...))
	case model.KindPre:
		return app.Pre().Body(v.runs(b)...)
	case model.KindRule:
		return app.Hr()
	case model.KindList, model.KindOrdered:
		items := make([]app.UI, 0, len(b.Items))
		for _, it := range b.Items {
			items = append(items, app.Li().Body(v.runs(it)...))
		}
		if b.Kind == model.KindOrdered {
			return app.Ol().Body(items...)
		}
		return app.Ul().Body(items...)
	case model.KindItem:
		return app.Ul().Body(app.Li().Body(v.runs(b)...))
	case model.KindImage:
		return v.image(b)
	case model.KindFigure:
		img := v.image(b)
		if img == nil {
			// A stored Article may hold an image the URL policy now refuses (a data: URI): its
			// caption stays, as a paragraph, and no empty figure is left.
			if b.Text == "" {
				return nil
			}
			return app.P().Body(v.runs(b)...)
		}
		var caption app.UI
		if b.Caption != "" {
			caption = app.FigCaption().Text(b.Caption)
		}
		return app.Figure().Body(img, caption)
	default:
		if b.Text == "" {
			return nil
		}
		return app.P().Body(v.runs(b)...)
	}
}

// image renders an image block's img, or nil when the URL policy refuses its src.
func (v *bodyView) image(b model.Block) app.UI {
	u, ok := safe.Src(b.Src)
	if !ok {
		return nil
	}
	return Alt(Src(app.Img(), u), safe.TextFrom(b.Alt)).
		Attr("loading", "lazy").
		Attr("referrerpolicy", "no-referrer")
}

// runs renders a block's inline runs; a block without runs is one plain run of its text.
func (v *bodyView) runs(b model.Block) []app.UI {
	runs := b.Runs
	if len(runs) == 0 {
		runs = []model.Run{{Text: b.Text}}
	}
	out := make([]app.UI, 0, len(runs))
	for _, r := range runs {
		out = append(out, v.run(r)...)
	}
	return out
}

// run renders one run: its text, wrapped in code, em, strong, a link, and outermost a quote mark.
func (v *bodyView) run(r model.Run) []app.UI {
	var ui app.UI = app.Text(r.Text)
	if r.Code {
		ui = app.Code().Body(ui)
	}
	if r.Em {
		ui = app.Em().Body(ui)
	}
	if r.Strong {
		ui = app.Strong().Body(ui)
	}
	if u, ok := safe.Href(r.Href); ok {
		// On a page app.wasm runs, reader.js keeps a click on it from go-app's router, which would
		// open it with window.open (leaking window.opener): the browser follows it as written.
		ui = Href(app.A(), u).
			Target("_blank").
			Rel("noopener noreferrer nofollow").
			Class("external").
			Body(ui)
	}
	if r.Quote == "" {
		return []app.UI{ui}
	}
	return v.quoteRun(r, ui)
}

// quoteRun wraps a run of a quote in a mark that carries data-quote-id and data-speaker-id. The first
// element of each quote also gets the quote's element id (its URL fragment, model.QuoteFragment), a
// tabindex for n/p, its citation in data-citation (Citation, encoded: reader.js copies it as it is)
// and, but in an embed (which has no corrections), the citation with a slot for another speaker in
// data-citation-as (CitationAs), and a visually hidden "Name says:" before it, so screen readers hear who speaks.
func (v *bodyView) quoteRun(r model.Run, inner app.UI) []app.UI {
	q := v.quotes[r.Quote]
	speaker := r.Speaker
	if speaker == "" {
		speaker = q.SpeakerID
	}
	mark := Data(Class(app.Mark().Class("quote"), v.speakerClass(speaker)), "quote-id", safe.TokenFrom(string(r.Quote)))
	if speaker != "" {
		mark = Data(mark, "speaker-id", safe.TokenFrom(string(speaker)))
	}
	if q.Kind != "" {
		mark = Class(mark, safe.TokenFrom("kind-"+string(q.Kind)))
	}
	low := speaker != "" && q.Confidence == model.ConfidenceLow
	if low {
		mark = Class(mark, safe.TokenFrom("confidence-low"))
	}
	var out []app.UI
	if !v.first[r.Quote] {
		v.first[r.Quote] = true
		mark = ID(mark, safe.QuoteElementID(r.Quote)).TabIndex(-1)
		if q.ID != "" {
			mark = DataEncoded(mark, "citation", safe.Encode(Citation(v.a, q)))
			if as, ok := CitationAs(v.a, q); ok && !v.embed {
				mark = DataEncoded(mark, "citation-as", safe.Encode(as))
			}
		}
		out = append(out, app.Span().Class("visually-hidden").DataSet("says", true).Text(v.says(speaker, low)))
	}
	return append(out, mark.Body(inner))
}

// says is the screen reader's cue before a quote: "Dmitry Peskov says:", "Dmitry Peskov, perhaps,
// says:" for a speaker the engine is unsure of (low), or "Quote:".
func (v *bodyView) says(id model.SpeakerID, low bool) string {
	s, ok := v.speakers[id]
	switch {
	case !ok || s.Name == "":
		return "Quote: "
	case low:
		return s.Name + ", perhaps, says: "
	}
	return s.Name + " says: "
}
