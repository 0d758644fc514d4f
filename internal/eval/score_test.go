package eval

import "testing"

func TestOverlaps(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name           string
		a0, a1, b0, b1 int
		want           bool
	}{
		{"same", 0, 10, 0, 10, true},
		{"half of each", 0, 10, 5, 15, true},
		{"less than half of one", 0, 10, 6, 16, false},
		{"inside but too short", 0, 10, 2, 6, false},
		{"inside, half", 0, 10, 2, 7, true},
		{"disjoint", 0, 5, 5, 10, false},
		{"empty", 3, 3, 0, 10, false},
	}
	for _, c := range cases {
		if got := Overlaps(c.a0, c.a1, c.b0, c.b1); got != c.want {
			t.Errorf("%s: Overlaps=%v, want %v", c.name, got, c.want)
		}
	}
}

func TestMatchOneToOne(t *testing.T) {
	t.Parallel()
	gold := []Gold{{Start: 0, End: 10}, {Start: 2, End: 12}}
	pred := []Pred{{Start: 1, End: 11}}
	gm := Match(gold, pred)
	if got, want := gm[0]+gm[1], -1; got != want {
		t.Fatalf("one prediction matched %v, want exactly one gold span", gm)
	}
}

func TestSpeakerRight(t *testing.T) {
	t.Parallel()
	g := Gold{Speaker: "Sen. Bernie Sanders", SpeakerStart: 100, SpeakerEnd: 119}
	cases := []struct {
		name string
		p    Pred
		want bool
	}{
		{"mention overlaps", Pred{MentionStart: 105, MentionEnd: 110}, true},
		{"mention elsewhere, no name", Pred{MentionStart: 200, MentionEnd: 202}, false},
		{"shared surname", Pred{Name: "Bernie Sanders", MentionStart: 200, MentionEnd: 206}, true},
		{"shared title only", Pred{Name: "Sen. Ted Cruz"}, false},
		{"lower-case token only", Pred{Name: "the senator"}, false},
	}
	for _, c := range cases {
		if got := SpeakerRight(g, c.p); got != c.want {
			t.Errorf("%s: SpeakerRight=%v, want %v", c.name, got, c.want)
		}
	}
}

func TestScore(t *testing.T) {
	t.Parallel()
	gold := []Gold{
		{Start: 0, End: 10, Type: Direct, Speaker: "Smith", SpeakerStart: 50, SpeakerEnd: 55},
		{Start: 20, End: 30, Type: Mixed, Speaker: "Jones", SpeakerStart: 60, SpeakerEnd: 65},
		{Start: 40, End: 45, Type: Unattributed},
		{Start: 70, End: 80, Type: Direct, Speaker: "he", SpeakerStart: 90, SpeakerEnd: 92},
	}
	pred := []Pred{
		{Start: 0, End: 10, HasSpeaker: true, Name: "Ann Smith"},                 // right
		{Start: 20, End: 30, HasSpeaker: true, Name: "Bo Brown"},                 // wrong, on mixed
		{Start: 40, End: 45, HasSpeaker: true, Name: "Ann Smith"},                // scare given a speaker
		{Start: 70, End: 80, HasSpeaker: true, MentionStart: 90, MentionEnd: 92}, // right by mention
		{Start: 100, End: 110, HasSpeaker: true, Name: "Ann Smith"},              // no gold span
		{Start: 120, End: 130}, // no gold, no speaker
	}
	c := Score(gold, pred)
	checks := []struct {
		name      string
		got, want int
	}{
		{"Gold", c.Gold, 4}, {"Pred", c.Pred, 6}, {"Matched", c.Matched, 4},
		{"CorrectDirect", c.CorrectDirect, 2}, {"CorrectMixed", c.CorrectMixed, 0},
		{"Attributed", c.Attributed, 5}, {"AttributedOnMixed", c.AttributedOnMixed, 1},
		{"UnattrGivenSpeaker", c.UnattrGivenSpeaker, 1}, {"GoldDirect", c.GoldDirect, 2},
	}
	for _, ch := range checks {
		if ch.got != ch.want {
			t.Errorf("%s=%d, want %d", ch.name, ch.got, ch.want)
		}
	}
	// Direct: 2 right of 4 predictions not on mixed spans (scare, no-gold and two right).
	if got, want := c.DirectPRF().P, 0.5; got != want {
		t.Errorf("direct P=%v, want %v", got, want)
	}
	if got, want := c.DirectPRF().R, 1.0; got != want {
		t.Errorf("direct R=%v, want %v", got, want)
	}
	if got, want := c.AllPRF().P, 2.0/5; got != want {
		t.Errorf("all P=%v, want %v", got, want)
	}
	if got, want := c.ScareRate(), 1.0; got != want {
		t.Errorf("scare rate=%v, want %v", got, want)
	}
}

func TestTrimMarks(t *testing.T) {
	t.Parallel()
	cases := []struct {
		text       string
		start, end int
		s, e       int
	}{
		{"“abc”", 10, 15, 11, 14},
		{"''abc''", 0, 7, 2, 5},
		{"\"abc", 0, 4, 1, 4},
		{"\"\"", 0, 2, 0, 2},
	}
	for _, c := range cases {
		if s, e := trimMarks(c.text, c.start, c.end); s != c.s || e != c.e {
			t.Errorf("trimMarks(%q)=%d,%d, want %d,%d", c.text, s, e, c.s, c.e)
		}
	}
}

func TestHeadline(t *testing.T) {
	t.Parallel()
	cases := []struct{ id, title, want string }{
		{"13389", "13389 - Sohn von Willy Bogner hat Selbstmord begangen (2005-10-04)", "Sohn von Willy Bogner hat Selbstmord begangen"},
		{"7", "7 - Erster Missionstag von „Shenzhou 6“ (Teil 2) (2005-10-13)", "Erster Missionstag von „Shenzhou 6“ (Teil 2)"},
		{"8", "A title of its own", "A title of its own"},
	}
	for _, c := range cases {
		if got := headline(c.id, c.title); got != c.want {
			t.Errorf("headline(%q)=%q, want %q", c.title, got, c.want)
		}
	}
}

func TestTallies(t *testing.T) {
	t.Parallel()
	gold := []Gold{
		{Start: 0, End: 10, Type: Direct, Speaker: "Jane Smith", SpeakerStart: 20, SpeakerEnd: 30},
		{Start: 40, End: 50, Type: Unattributed},
	}
	pred := []Pred{
		{Start: 0, End: 10, HasSpeaker: true, Name: "Jane Smith", Rule: "after-name-verb", Confidence: "high"},
		{Start: 40, End: 50, HasSpeaker: true, Name: "Tom Baker", Rule: "subject", Confidence: "low"},
		{Start: 60, End: 70},
	}
	var c Counts
	c.Add(Score(gold, pred))
	c.Add(Score(gold, pred[:1]))
	if got, want := c.ByRule["after-name-verb"], (Tally{2, 2}); got != want {
		t.Errorf("after-name-verb=%v, want %v", got, want)
	}
	if got, want := c.ByRule["subject"], (Tally{1, 0}); got != want {
		t.Errorf("subject=%v, want %v", got, want)
	}
	if got, want := c.ByConfidence["low"].Precision(), 0.0; got != want {
		t.Errorf("low precision=%v, want %v", got, want)
	}
	if _, ok := c.ByRule[""]; ok {
		t.Errorf("a quote without a speaker was tallied: %v", c.ByRule)
	}
}
