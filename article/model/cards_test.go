package model

import "testing"

func TestCardAndSharePaths(t *testing.T) {
	t.Parallel()
	if p, ok := SharePath("zakaria-peskov", "q3"); !ok || p != "/article/zakaria-peskov/q/3" {
		t.Errorf("SharePath = %q, %v", p, ok)
	}
	if _, ok := SharePath("a", "art-quote-x"); ok {
		t.Error("SharePath took a quote id of another form")
	}
	for _, tc := range []struct {
		path string
		id   ArticleID
		q    QuoteID
		ok   bool
	}{
		{"/article/zakaria-peskov/q/3", "zakaria-peskov", "q3", true},
		{"/article/a/q/999999", "a", "q999999", true},
		{"/article/a/q/0", "", "", false},
		{"/article/a/q/03", "", "", false},
		{"/article/a/q/1234567", "", "", false},
		{"/article/a/q/x", "", "", false},
		{"/article/../q/1", "", "", false},
		{"/embed/a/q/1", "", "", false},
		{"/article/a/q/", "", "", false},
	} {
		id, q, ok := ParseSharePath(tc.path)
		if id != tc.id || q != tc.q || ok != tc.ok {
			t.Errorf("ParseSharePath(%q) = %q, %q, %v; want %q, %q, %v", tc.path, id, q, ok, tc.id, tc.q, tc.ok)
		}
	}
	for _, tc := range []struct {
		q      QuoteID
		square bool
		path   string
	}{
		{"q3", false, "/card/a/q3.png"},
		{"q3", true, "/card/a/q3-square.png"},
		{"", false, "/card/a/title.png"},
		{"x", true, "/card/a/title-square.png"},
	} {
		if got := CardPath("a", tc.q, tc.square); got != tc.path {
			t.Errorf("CardPath(a, %q, %v) = %q, want %q", tc.q, tc.square, got, tc.path)
		}
	}
	for _, tc := range []struct {
		file       string
		q          QuoteID
		square, ok bool
	}{
		{"q3.png", "q3", false, true},
		{"q3-square.png", "q3", true, true},
		{"title.png", "", false, true},
		{"title-square.png", "", true, true},
		{"q0.png", "", false, false},
		{"q3.jpg", "", false, false},
		{"q3-round.png", "", false, false},
		{"../q3.png", "", false, false},
	} {
		q, square, ok := ParseCardFile(tc.file)
		if q != tc.q || square != tc.square || ok != tc.ok {
			t.Errorf("ParseCardFile(%q) = %q, %v, %v", tc.file, q, square, ok)
		}
	}
}

func TestProminentQuote(t *testing.T) {
	t.Parallel()
	speakers := []Speaker{{ID: "s1", Name: "A"}, {ID: "s2", Name: "B"}}
	q := func(id, sp, text string) Quote { return Quote{ID: QuoteID(id), SpeakerID: SpeakerID(sp), Text: text} }
	for _, tc := range []struct {
		name   string
		quotes []Quote
		want   QuoteID
	}{
		{"most-quoted speaker's first quote of a good length", []Quote{
			q("q1", "s1", "one two three four five six seven"),
			q("q2", "s2", "short"),
			q("q3", "s2", "one two three four five six seven"),
			q("q4", "s2", "one two three four five six seven eight"),
		}, "q3"},
		{"ties go to the speaker quoted first", []Quote{
			q("q1", "s2", "one two three four five six"),
			q("q2", "s1", "one two three four five six"),
		}, "q1"},
		{"none of a good length: the longest", []Quote{
			q("q1", "s1", "Short."),
			q("q2", "s1", "A bit longer."),
		}, "q2"},
		{"unattributed quotes are not shown", []Quote{q("q1", "", "one two three four five six seven")}, ""},
	} {
		got, ok := ProminentQuote(&Article{Speakers: speakers, Quotes: tc.quotes})
		if got.ID != tc.want || ok != (tc.want != "") {
			t.Errorf("%s: ProminentQuote = %q, %v; want %q", tc.name, got.ID, ok, tc.want)
		}
	}
}
