package app

import (
	"context"
	"slices"

	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"

	"verbatim/article/crossref"
	"verbatim/article/model"
)

// SpeakersPage is the routes /speakers (everyone quoted, with quote counts and roles) and
// /speaker/{slug} (everything one person said, newest first, and the quotations reported in
// different words in two articles, with a word-level diff).
//
// The prerendered page shows the server's library, grouped by the rules of crossref.GroupNames.
// app.wasm then merges in this browser's saved and imported articles and the user's hand decisions
// (localStorage PeopleKey), and offers "Same person as…" and "Not the same person" on a person's
// page, which add decisions and show the people again. Offline, the shell's app.wasm renders the
// page from the store and the server's names as the service worker last cached them.
type SpeakersPage struct {
	goapp.Compo

	slug      string // the person's slug on /speaker/{slug}; empty on /speakers
	refused   bool   // the path is /speaker/{slug} with a slug over its bound, which the route takes
	data      speakerData
	decisions []crossref.Decision
	loading   bool
	script    bool   // app.wasm runs the page: hand merges and splits work
	mergeWith string // the slug chosen in "Same person as…"
	status    string // the polite live region's text: what the last merge or split did
	pending   string // the status to show once the page loaded again after a merge or split
	// own is a context whose source is the page itself (OnNav's): loads dispatch through it, so that
	// their updates and deferred focus still run when the control that started them is gone (an
	// event handler's context has the control as its source, and go-app skips a dispatch whose source
	// is no longer mounted).
	own goapp.Context
}

// slugOf returns the slug of a speaker page's path, or "" for /speakers; ok is false for a path
// ParseSpeakerPath refuses (go-app routes here slugs of any length: model.SpeakerRoute).
func slugOf(path string) (slug string, ok bool) {
	slug, _, ok = model.ParseSpeakerPath(path)
	return slug, ok
}

// OnPreRender reads the server library's people for the first paint.
func (p *SpeakersPage) OnPreRender(ctx goapp.Context) {
	var ok bool
	p.slug, ok = slugOf(ctx.Page().URL().Path)
	p.refused = !ok
	if p.refused {
		ctx.Page().SetTitle(p.title())
		return
	}
	if d, ok := serverSpeakers(context.Background(), p.slug); ok {
		p.data = d
	}
	ctx.Page().SetTitle(p.title())
}

// OnMount says app.wasm has the page.
func (p *SpeakersPage) OnMount(ctx goapp.Context) { markMounted() }

// OnNav loads the people from the server's names, this browser's articles and the hand decisions.
func (p *SpeakersPage) OnNav(ctx goapp.Context) {
	var ok bool
	p.slug, ok = slugOf(ctx.Page().URL().Path)
	p.refused, p.script, p.own = !ok, true, ctx
	p.status, p.mergeWith = "", ""
	if p.refused {
		// Nobody has a slug over the bound: nothing is read, the page says so.
		p.data, p.loading = speakerData{}, false
		ctx.Page().SetTitle(p.title())
		return
	}
	p.load(ctx)
}

// load reads the page's data again (browserSpeakers) and shows it.
func (p *SpeakersPage) load(ctx goapp.Context) {
	if p.own != nil {
		ctx = p.own
	}
	slug := p.slug
	p.decisions = loadDecisions(ctx)
	ds := slices.Clone(p.decisions)
	p.loading = true
	ctx.Page().SetTitle(p.title())
	ctx.Async(func() {
		d := browserSpeakers(context.Background(), slug, ds)
		ctx.Dispatch(func(ctx goapp.Context) {
			if p.slug != slug {
				return // the reader went to another page meanwhile
			}
			p.loading, p.data = false, d
			if p.pending != "" {
				ctx.Defer(func(goapp.Context) { focusSelector("#" + personTitleID) })
			}
			p.status, p.pending = p.pending, ""
			ctx.Page().SetTitle(p.title())
		})
	})
}

// title is the page's title.
func (p *SpeakersPage) title() string {
	switch {
	case p.refused:
		return "Speaker — Verbatim"
	case p.slug == "":
		return "Speakers — Verbatim"
	case p.data.found:
		return p.data.person.Name + " — Speakers — Verbatim"
	}
	return "Speaker — Verbatim"
}

// decide stores the hand decisions ds after the user's, then shows the person who now holds name:
// on their own address when the decision gave them another slug.
func (p *SpeakersPage) decide(ctx goapp.Context, ds []crossref.Decision, name, status string) {
	all := cleanDecisions(append(loadDecisions(ctx), ds...))
	if err := ctx.LocalStorage().Set(PeopleKey, all); err != nil {
		p.status = "Your decision could not be kept: this browser's storage refused it. " + sentence(err)
		return
	}
	p.pending = status
	next, ok := personWith(People(slices.Clone(p.data.stats), all), name)
	if ok && next.Slug != p.slug {
		ctx.Navigate(model.SpeakerPath(next.Slug))
		return
	}
	p.load(ctx)
}

// merge joins the page's person with the person chosen in "Same person as…".
func (p *SpeakersPage) merge(ctx goapp.Context) {
	i := slices.IndexFunc(p.data.people, func(o Person) bool { return o.Slug == p.mergeWith })
	if i < 0 || p.mergeWith == p.data.person.Slug {
		p.status = "Choose the person to merge with first."
		return
	}
	me, other := p.data.person, p.data.people[i]
	p.decide(ctx, mergeDecisions(me, other), me.Name, me.Name+" and "+other.Name+" are now one person.")
}

// split takes name out of the page's person: it becomes a person of its own.
func (p *SpeakersPage) split(ctx goapp.Context, name string) {
	me := p.data.person
	stay := me.Name
	if stay == name {
		for _, n := range me.Names {
			if n != name {
				stay = n
				break
			}
		}
	}
	p.decide(ctx, splitDecisions(me, name), stay, name+" is now a person of their own.")
}

// forget drops the user's decisions on the page's person's names.
func (p *SpeakersPage) forget(ctx goapp.Context) {
	me := p.data.person
	if err := ctx.LocalStorage().Set(PeopleKey, forgetDecisions(loadDecisions(ctx), me)); err != nil {
		p.status = "Your decisions could not be changed: " + sentence(err)
		return
	}
	p.pending = "Your merges and splits of " + me.Name + " are forgotten; the names are grouped by the rules again."
	p.load(ctx)
}
