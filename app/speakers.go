package app

import (
	"cmp"
	"context"
	"slices"
	"strconv"
	"strings"

	"verbatim/article/crossref"
	"verbatim/article/model"
)

// The bounds of the speaker pages: what one request or one JSON file may hold, however large the
// library (issue 17).
const (
	// MaxSpeakerArticles is how many of a name's (and a person's) articles are listed, newest first;
	// the speaker page reads at most that many articles.
	MaxSpeakerArticles = 50
	// MaxSpeakerNames is how many names /articles/speakers.json and the server's table hold, the most
	// quoted first.
	MaxSpeakerNames = 20000
	// MaxPeopleListed is how many people /speakers lists, the most quoted first.
	MaxPeopleListed = 1000
	// maxRoles is how many roles are kept per name.
	maxRoles = 8
)

// SpeakersJSONPath is the server library's speaker names (SpeakerNames), which the speaker pages
// merge with the browser's saved articles.
const SpeakersJSONPath = "/articles/speakers.json"

// PeopleKey is the localStorage key of the user's hand decisions on speaker names: a JSON array of
// crossref.Decision ({"A": name, "B": name, "Merge": bool}), in the order they were made.
const PeopleKey = "verbatim.people"

// SpeakerCount is what one article says of one speaker name: the role it gives and how many quotes
// it attributes to the name. The server keeps these in its index, per article.
type SpeakerCount struct {
	Name   string `json:"name"`
	Role   string `json:"role,omitempty"`
	Quotes int    `json:"quotes"`
}

// ArticleRef is one article a name is quoted in.
type ArticleRef struct {
	ID        model.ArticleID `json:"id"`
	Published string          `json:"published,omitempty"` // RFC 3339, or empty when unknown
	Mine      bool            `json:"-"`                   // in this browser's store (imported or saved)
}

// NameStat is one speaker name across a set of articles: the roles seen, the quotes and the
// articles, newest first, at most MaxSpeakerArticles (More counts the others).
type NameStat struct {
	Name     string       `json:"name"`
	Roles    []string     `json:"roles,omitempty"`
	Quotes   int          `json:"quotes"`
	Articles []ArticleRef `json:"articles"`
	More     int          `json:"more,omitempty"`
}

// SpeakerNames is the body of /articles/speakers.json: the server library's speaker names, the most
// quoted first, at most MaxSpeakerNames.
type SpeakerNames struct {
	Names []NameStat `json:"names"`
}

// SpeakerCountsOf returns what article a says of each speaker name, in the order of first quote.
// Quotes with no speaker are left out, and so are those of a described speaker
// (model.Speaker.Described: "The spokesman"), whose label is no person's name: the spokesman of
// one article is not the spokesman of another, and the library's speakers are people by name.
func SpeakerCountsOf(a *model.Article) []SpeakerCount {
	role := map[model.SpeakerID]string{}
	described := model.DescribedIDs(a.Speakers)
	for _, s := range a.Speakers {
		role[s.ID] = s.Role
	}
	at := map[string]int{}
	var out []SpeakerCount
	for _, q := range a.Quotes {
		name := strings.TrimSpace(q.Speaker)
		if name == "" || described[q.SpeakerID] {
			continue
		}
		i, ok := at[name]
		if !ok {
			i = len(out)
			at[name] = i
			out = append(out, SpeakerCount{Name: name, Role: role[q.SpeakerID]})
		}
		out[i].Quotes++
		if out[i].Role == "" {
			out[i].Role = role[q.SpeakerID]
		}
	}
	return out
}

// NameTable adds up SpeakerCounts of many articles into NameStats.
type NameTable struct {
	at    map[string]int
	stats []NameStat
}

// Add adds what article ref says of its speakers; an article added twice counts twice.
func (t *NameTable) Add(ref ArticleRef, counts []SpeakerCount) {
	for _, c := range counts {
		s := t.name(c.Name)
		s.Quotes += c.Quotes
		s.Articles = append(s.Articles, ref)
		s.Roles = addRoles(s.Roles, c.Role)
	}
}

// AddStats adds names that another table already added up (the server's, in the browser).
func (t *NameTable) AddStats(stats []NameStat) {
	for _, s := range stats {
		d := t.name(s.Name)
		d.Quotes += s.Quotes
		d.More += s.More
		d.Articles = append(d.Articles, s.Articles...)
		d.Roles = addRoles(d.Roles, s.Roles...)
	}
}

// name returns the table's entry for name, added when new.
func (t *NameTable) name(name string) *NameStat {
	if t.at == nil {
		t.at = map[string]int{}
	}
	i, ok := t.at[name]
	if !ok {
		i = len(t.stats)
		t.at[name] = i
		t.stats = append(t.stats, NameStat{Name: name})
	}
	return &t.stats[i]
}

// addRoles adds the non-empty roles that roles lacks, up to maxRoles.
func addRoles(roles []string, more ...string) []string {
	for _, r := range more {
		if r != "" && len(roles) < maxRoles && !slices.Contains(roles, r) {
			roles = append(roles, r)
		}
	}
	return roles
}

// Stats returns the names, the most quoted first (ties by name), at most MaxSpeakerNames, each with
// its articles newest first and at most MaxSpeakerArticles.
func (t *NameTable) Stats() []NameStat {
	out := slices.Clone(t.stats)
	for i := range out {
		out[i].Articles, out[i].More = newestArticles(out[i].Articles, out[i].More)
	}
	slices.SortFunc(out, func(a, b NameStat) int {
		if c := cmp.Compare(b.Quotes, a.Quotes); c != 0 {
			return c
		}
		return cmp.Compare(a.Name, b.Name)
	})
	if len(out) > MaxSpeakerNames {
		out = out[:MaxSpeakerNames]
	}
	return out
}

// newestArticles sorts refs newest first (CompareSummaries' order), drops repeated ids and keeps
// MaxSpeakerArticles of them; more is the count of others, to which the dropped ones are added.
func newestArticles(refs []ArticleRef, more int) ([]ArticleRef, int) {
	refs = slices.Clone(refs)
	slices.SortStableFunc(refs, compareRefs)
	refs = slices.CompactFunc(refs, func(a, b ArticleRef) bool { return a.ID == b.ID })
	if len(refs) > MaxSpeakerArticles {
		more += len(refs) - MaxSpeakerArticles
		refs = refs[:MaxSpeakerArticles]
	}
	return refs, more
}

func compareRefs(a, b ArticleRef) int {
	return CompareSummaries(Summary{ID: a.ID, Published: a.Published}, Summary{ID: b.ID, Published: b.Published})
}

// Person is one person of the speaker pages: the names crossref.GroupNames took for one person, with
// what their NameStats add up to.
type Person struct {
	Name     string   // the name shown, the group's most specific
	Slug     string   // crossref.Slug of Name, made unique among the people
	Names    []string // every name of the group, the most quoted first
	Roles    []string
	Quotes   int
	Articles []ArticleRef // newest first, at most MaxSpeakerArticles
	More     int          // articles beyond Articles
}

// People groups names into people with crossref.GroupNames and the hand decisions ds: the most
// quoted first, ties by name. Two people whose names slug alike get "-2", "-3"… in that order.
func People(stats []NameStat, ds []crossref.Decision) []Person {
	names := make([]string, len(stats))
	byName := make(map[string]*NameStat, len(stats))
	for i := range stats {
		names[i] = stats[i].Name
		byName[strings.TrimSpace(stats[i].Name)] = &stats[i]
	}
	var out []Person
	for _, g := range crossref.GroupNames(names, ds) {
		p := Person{Name: g.Name}
		var refs []ArticleRef
		for _, n := range g.Names {
			s := byName[n]
			if s == nil {
				continue
			}
			p.Names = append(p.Names, n)
			p.Quotes += s.Quotes
			p.More += s.More
			refs = append(refs, s.Articles...)
			p.Roles = addRoles(p.Roles, s.Roles...)
		}
		p.Articles, p.More = newestArticles(refs, p.More)
		out = append(out, p)
	}
	slices.SortFunc(out, func(a, b Person) int {
		if c := cmp.Compare(b.Quotes, a.Quotes); c != 0 {
			return c
		}
		return cmp.Compare(a.Name, b.Name)
	})
	used := map[string]bool{}
	for i := range out {
		base := crossref.Slug(out[i].Name)
		slug := base
		for n := 2; used[slug]; n++ {
			slug = base + "-" + strconv.Itoa(n)
		}
		used[slug] = true
		out[i].Slug = slug
	}
	return out
}

// SpeakerTable is the people of a set of names, with each slug they answer to.
type SpeakerTable struct {
	Names  []NameStat
	People []Person
	bySlug map[string]int // a person's slug, or the crossref.Slug of one of their names → People index
}

// NewSpeakerTable groups names into people (People) with the hand decisions ds and indexes their
// slugs.
func NewSpeakerTable(names []NameStat, ds []crossref.Decision) *SpeakerTable {
	t := &SpeakerTable{Names: names, People: People(names, ds)}
	t.bySlug = make(map[string]int, len(t.People))
	for i, p := range t.People {
		t.bySlug[p.Slug] = i
	}
	for i, p := range t.People {
		for _, n := range p.Names {
			if s := crossref.Slug(n); s != p.Slug {
				if _, taken := t.bySlug[s]; !taken {
					t.bySlug[s] = i
				}
			}
		}
	}
	return t
}

// Find returns the person with slug, or else the person one of whose names has that slug (so that
// /speaker/peskov still finds Dmitry Peskov once the names merged), or false.
func (t *SpeakerTable) Find(slug string) (Person, bool) {
	if i, ok := t.bySlug[slug]; ok {
		return t.People[i], true
	}
	return Person{}, false
}

// SaidQuote is one quotation on a speaker page, with its article.
type SaidQuote struct {
	Article   model.ArticleID
	Title     string
	Published string
	Mine      bool
	Quote     model.Quote
	Role      string
}

// QuotesOf returns the quotations of arts whose speaker is one of p's names, newest article first,
// in article order within one article, but a described speaker's (model.Speaker.Described), whose
// label is no name. An article given twice is read once.
func QuotesOf(p Person, arts []ArticleWith) []SaidQuote {
	names := map[string]bool{}
	for _, n := range p.Names {
		names[n] = true
	}
	arts = slices.Clone(arts)
	slices.SortStableFunc(arts, func(a, b ArticleWith) int {
		return compareRefs(ArticleRef{ID: a.ID, Published: a.Published}, ArticleRef{ID: b.ID, Published: b.Published})
	})
	seen := map[model.ArticleID]bool{}
	var out []SaidQuote
	for _, a := range arts {
		if seen[a.ID] {
			continue
		}
		seen[a.ID] = true
		role := map[model.SpeakerID]string{}
		for _, s := range a.Speakers {
			role[s.ID] = s.Role
		}
		described := model.DescribedIDs(a.Article.Speakers)
		for _, q := range a.Quotes {
			if names[strings.TrimSpace(q.Speaker)] && !described[q.SpeakerID] {
				out = append(out, SaidQuote{Article: a.ID, Title: a.Title, Published: a.Published, Mine: a.Mine, Quote: q, Role: role[q.SpeakerID]})
			}
		}
	}
	return out
}

// ArticleWith is an article with whether it is in this browser's store.
type ArticleWith struct {
	*model.Article
	Mine bool
}

// VariantsOf returns the pairs of qs (one person's quotations) that are one quotation reported in
// different words in two articles (crossref.FindVariants).
func VariantsOf(qs []SaidQuote) []crossref.Variant {
	in := make([]crossref.Quoted, len(qs))
	for i, q := range qs {
		in[i] = crossref.Quoted{Article: q.Article, Quote: q.Quote, Person: "p"}
	}
	return crossref.FindVariants(in)
}

// SpeakerLibrary is the part of a Library the speaker pages read on the server: its speaker names
// and its people (with no hand decisions), computed once per state of the library.
type SpeakerLibrary interface {
	Speakers(ctx context.Context) (*SpeakerTable, error)
}
