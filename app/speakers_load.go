package app

import (
	"context"
	"errors"
	"fmt"
	"strings"

	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"

	"verbatim/article/crossref"
	"verbatim/article/model"
)

// speakerData is what a speaker page shows: the people, and for a person's page the person, their
// quotations and the pairs of them reported in different words.
type speakerData struct {
	stats    []NameStat // the names the people were grouped from (the server's and this browser's)
	people   []Person
	person   Person
	found    bool
	quotes   []SaidQuote
	variants []crossref.Variant
	notice   string // what could not be read, as a sentence, or empty
}

// errNoSpeaker is what a speaker page says when its address names nobody quoted.
var errNoSpeaker = errors.New("nobody quoted in the library or in this browser's articles has this address: the link may be mistyped, or the person's names were merged or split since")

// serverSpeakers reads the server library's people for prerendering (no hand decisions: those live
// in the browser). It returns false when there is no server library.
func serverSpeakers(ctx context.Context, slug string) (speakerData, bool) {
	sl, ok := serverLibrary.(SpeakerLibrary)
	if !ok {
		return speakerData{}, false
	}
	t, err := sl.Speakers(ctx)
	if err != nil {
		return speakerData{notice: "The speakers could not be listed: " + sentence(err)}, true
	}
	d := speakerData{stats: t.Names, people: t.People}
	if slug != "" {
		d.person, d.found = t.Find(slug)
		if d.found {
			var arts []ArticleWith
			for _, ref := range d.person.Articles {
				if a, err := serverLibrary.Get(ctx, ref.ID); err == nil {
					arts = append(arts, ArticleWith{Article: a})
				}
			}
			d.quotes = QuotesOf(d.person, arts)
			d.variants = VariantsOf(d.quotes)
		}
	}
	return d, true
}

// browserSpeakers reads, in the browser, the server's speaker names (SpeakersJSONPath, through the
// service worker's cache when offline) and this browser's stored articles, groups them with the hand
// decisions ds, and for a person's page reads their articles: from the store, or the server. It
// blocks: call it from ctx.Async. Articles saved from the server are counted once, from the
// server's names, when those could be read.
func browserSpeakers(ctx context.Context, slug string, ds []crossref.Decision) speakerData {
	var d speakerData
	var notes []string
	var server SpeakerNames
	serr := fetchJSON(ctx, SpeakersJSONPath, &server)
	if serr != nil {
		notes = append(notes, "The speakers of this server's articles could not be read. "+sentence(serr))
	}
	entries, corrupt, err := store.List(ctx)
	if err != nil {
		notes = append(notes, "Your saved articles could not be read. "+sentence(err))
	}
	if corrupt > 0 {
		notes = append(notes, fmt.Sprintf("%d saved article(s) are damaged and were skipped.", corrupt))
	}
	var t NameTable
	t.AddStats(server.Names)
	mine := map[model.ArticleID]*model.Article{}
	for _, e := range entries {
		a, _, err := store.Get(ctx, e.ID)
		if err != nil {
			continue
		}
		mine[e.ID] = a
		if serr == nil && e.Origin == OriginSaved {
			continue // the server's names count it already
		}
		t.Add(ArticleRef{ID: a.ID, Published: a.Published, Mine: true}, SpeakerCountsOf(a))
	}
	d.stats = t.Stats()
	table := NewSpeakerTable(d.stats, ds)
	d.people = table.People
	if slug != "" {
		d.person, d.found = table.Find(slug)
	}
	if d.found {
		var arts []ArticleWith
		missing := 0
		for _, ref := range d.person.Articles {
			if a := mine[ref.ID]; a != nil {
				arts = append(arts, ArticleWith{Article: a, Mine: true})
				continue
			}
			var a model.Article
			if err := fetchJSON(ctx, model.JSONPath(ref.ID), &a); err != nil {
				missing++
				continue
			}
			a.ID = ref.ID
			arts = append(arts, ArticleWith{Article: &a})
		}
		if missing > 0 {
			notes = append(notes, fmt.Sprintf("%d of this person's articles on the server could not be loaded (you may be offline); their quotations are not listed.", missing))
		}
		d.quotes = QuotesOf(d.person, arts)
		d.variants = VariantsOf(d.quotes)
	}
	d.notice = strings.Join(notes, " ")
	return d
}

// loadDecisions reads the hand decisions from localStorage (PeopleKey). A value that does not decode
// is no decision; names are trimmed, empty ones dropped, at most crossref.MaxDecisions are kept (the latest).
//
// Trust boundary: localStorage is the user's, but may hold anything; it only ever reaches
// crossref.GroupNames as names to compare.
func loadDecisions(ctx goapp.Context) []crossref.Decision {
	var ds []crossref.Decision
	if err := ctx.LocalStorage().Get(PeopleKey, &ds); err != nil {
		return nil
	}
	return cleanDecisions(ds)
}

// cleanDecisions trims names, drops decisions with an empty name or one name twice, and keeps the
// latest crossref.MaxDecisions.
func cleanDecisions(ds []crossref.Decision) []crossref.Decision {
	out := ds[:0:0]
	for _, d := range ds {
		d.A, d.B = strings.TrimSpace(d.A), strings.TrimSpace(d.B)
		if d.A != "" && d.B != "" && d.A != d.B {
			out = append(out, d)
		}
	}
	if len(out) > crossref.MaxDecisions {
		out = out[len(out)-crossref.MaxDecisions:]
	}
	return out
}

// mergeDecisions are the hand decisions "a and b are one person": every name of a with every name
// of b, so that they override any earlier split between those names (the later decision on a pair
// wins).
func mergeDecisions(a, b Person) []crossref.Decision {
	var ds []crossref.Decision
	for _, x := range a.Names {
		for _, y := range b.Names {
			ds = append(ds, crossref.Decision{A: x, B: y, Merge: true})
		}
	}
	return ds
}

// splitDecisions are the hand decisions that take name out of p: name is no one of p's other names.
func splitDecisions(p Person, name string) []crossref.Decision {
	var ds []crossref.Decision
	for _, n := range p.Names {
		if n != name {
			ds = append(ds, crossref.Decision{A: name, B: n, Merge: false})
		}
	}
	return ds
}

// forgetDecisions drops every decision that names one of p's names.
func forgetDecisions(ds []crossref.Decision, p Person) []crossref.Decision {
	names := map[string]bool{}
	for _, n := range p.Names {
		names[n] = true
	}
	var out []crossref.Decision
	for _, d := range ds {
		if !names[d.A] && !names[d.B] {
			out = append(out, d)
		}
	}
	return out
}

// personWith returns the person whose names hold name, or false.
func personWith(people []Person, name string) (Person, bool) {
	for _, p := range people {
		for _, n := range p.Names {
			if n == name {
				return p, true
			}
		}
	}
	return Person{}, false
}
