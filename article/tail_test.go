package article

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"math/rand/v2"
	"os"
	"regexp"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
	"verbatim/article/model"

	"verbatim/internal/shared"
)

// bodyTexts returns the texts of the paragraphs of a, the headline left out.
func bodyTexts(a *model.Article) []string {
	var out []string
	for _, b := range a.Blocks {
		if b.Kind != model.KindHeadline {
			out = append(out, b.Text)
		}
	}
	return out
}

func TestTail(t *testing.T) {
	t.Parallel()
	const head = "A Headline About Something\n\nThe first paragraph of the story, which is body and long enough to read as body.\n\n"
	type extra struct {
		kind model.ExtraKind
		text string
	}
	tests := []struct {
		name         string
		text         string // appended to head
		lastBody     string
		extras       []extra
		byline, site string
	}{
		{
			name:     "breitbart hat tip and follow line",
			text:     "He added, “We will win.”\n\n(h/t Mediaite.)\n\nFollow Ian Hanchett on Twitter @IanHanchett.",
			lastBody: "He added, “We will win.”",
			extras:   []extra{{model.ExtraCredit, "(h/t Mediaite.)"}, {model.ExtraLinks, "Follow Ian Hanchett on Twitter @IanHanchett."}},
			byline:   "Ian Hanchett",
		},
		{
			name:     "reported from, two reporters",
			text:     "The senator left for Hawaii on Tuesday.\n\nJulie Davis reported from Midway Atoll, and Mark Landler from Kaneohe Bay, Hawaii.",
			lastBody: "The senator left for Hawaii on Tuesday.",
			extras:   []extra{{model.ExtraCredit, "Julie Davis reported from Midway Atoll, and Mark Landler from Kaneohe Bay, Hawaii."}},
		},
		{
			name:     "contributing line",
			text:     "Both candidates debate on Thursday.\n\nContributing: Deborah Berry.",
			lastBody: "Both candidates debate on Thursday.",
			extras:   []extra{{model.ExtraCredit, "Contributing: Deborah Berry."}},
		},
		{
			name:     "wire credit in parentheses",
			text:     "Markets closed lower.\n\n(Reporting by Jane Roe in London; Editing by Bill Moe)",
			lastBody: "Markets closed lower.",
			extras:   []extra{{model.ExtraCredit, "(Reporting by Jane Roe in London; Editing by Bill Moe)"}},
		},
		{
			name:     "covers bio with contacts, lines in one paragraph",
			text:     "The hearing resumes next week.\n\n* * *\nMaria Lopez covers immigration for The Arizona Daily Star. Reach her at mlopez@azstar.example or on Twitter @mlopez.",
			lastBody: "The hearing resumes next week.",
			extras: []extra{{model.ExtraFooter, "* * *"},
				{model.ExtraBio, "Maria Lopez covers immigration for The Arizona Daily Star. Reach her at mlopez@azstar.example or on Twitter @mlopez."}},
			byline: "Maria Lopez",
			site:   "The Arizona Daily Star",
		},
		{
			name:     "tags label with items, copyright",
			text:     "The vote is set for Friday.\n\nTags:\nRussia\nDonald Trump\n\n© 2017 Example Media Group. All rights reserved.",
			lastBody: "The vote is set for Friday.",
			extras: []extra{{model.ExtraTags, "Tags:"}, {model.ExtraTags, "Russia"}, {model.ExtraTags, "Donald Trump"},
				{model.ExtraFooter, "© 2017 Example Media Group. All rights reserved."}},
		},
		{
			name:     "tail lines under the last paragraph, no blank line",
			text:     "The mayor declined to comment.\nPhoto: Getty Images\nEmail the author at desk@example.org",
			lastBody: "The mayor declined to comment.",
			extras:   []extra{{model.ExtraCredit, "Photo: Getty Images"}, {model.ExtraLinks, "Email the author at desk@example.org"}},
		},
		{
			name:     "press bio with site, read more",
			text:     "Turnout was high.\n\nRead the rest at the Post.\n\nSam Ortiz is a staff writer for Vox.com.",
			lastBody: "Turnout was high.",
			extras:   []extra{{model.ExtraFooter, "Read the rest at the Post."}, {model.ExtraBio, "Sam Ortiz is a staff writer for Vox.com."}},
			byline:   "Sam Ortiz",
			site:     "Vox.com",
		},
		// Last paragraphs that are body and must stay.
		{
			name:     "body mentions Twitter",
			text:     "Trump later repeated the claim on Twitter, where he has more than 20 million followers.",
			lastBody: "Trump later repeated the claim on Twitter, where he has more than 20 million followers.",
		},
		{
			name:     "body ends with an email address",
			text:     "The campaign asked supporters to write to info@example.org.",
			lastBody: "The campaign asked supporters to write to info@example.org.",
		},
		{
			name:     "body quotes a handle",
			text:     "“Follow the money,” he wrote as @senator_x on Twitter.",
			lastBody: "“Follow the money,” he wrote as @senator_x on Twitter.",
		},
		{
			name:     "body says via",
			text:     "The video was shared via Facebook on Monday.",
			lastBody: "The video was shared via Facebook on Monday.",
		},
		{
			name:     "body starts with Sources",
			text:     "Sources said the deal was close.",
			lastBody: "Sources said the deal was close.",
		},
		{
			name:     "expert introduced, not a bio",
			text:     "Smith is a senior fellow at the Brookings Institution.",
			lastBody: "Smith is a senior fellow at the Brookings Institution.",
		},
		{
			name:     "short parenthetical body sentence",
			text:     "(The total includes his win among Democrats abroad, announced on Monday after a recount.)",
			lastBody: "(The total includes his win among Democrats abroad, announced on Monday after a recount.)",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			a := parseText(head+tt.text, false)
			body := bodyTexts(a)
			if got, want := body[len(body)-1], tt.lastBody; got != want {
				t.Fatalf("last body paragraph = %q, want %q", got, want)
			}
			if got, want := body[0], "The first paragraph of the story, which is body and long enough to read as body."; got != want {
				t.Fatalf("first body paragraph = %q, want %q", got, want)
			}
			if got, want := len(a.Extras), len(tt.extras); got != want {
				t.Fatalf("got %d extras %+v, want %d", got, a.Extras, want)
			}
			for i, e := range tt.extras {
				if got := a.Extras[i]; got.Kind != e.kind || got.Text != e.text {
					t.Errorf("extra %d = %s %q, want %s %q", i, got.Kind, got.Text, e.kind, e.text)
				}
			}
			if got, want := a.Byline, tt.byline; got != want {
				t.Errorf("byline = %q, want %q", got, want)
			}
			if got, want := a.Site, tt.site; got != want {
				t.Errorf("site = %q, want %q", got, want)
			}
		})
	}
}

// TestTailKeepsOnlyParagraph checks that a one-paragraph article stays, however tail-like.
func TestTailKeepsOnlyParagraph(t *testing.T) {
	t.Parallel()
	a := parseText("Headline\n\nFollow Jane Doe on Twitter @janedoe", true)
	if got, want := len(bodyTexts(a)), 1; got != want {
		t.Fatalf("body has %d paragraphs, want %d", got, want)
	}
}

// TestSampleTail checks the sample against its hand annotation: nine body paragraphs, the tail
// in extras line for line, and the byline and site from the bio.
func TestSampleTail(t *testing.T) {
	t.Parallel()
	src := LoadSample(t)
	want := loadSampleExpected(t)
	a, err := Parse(strings.NewReader(string(src)), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := a.Format, model.FormatText; got != want {
		t.Fatalf("format = %s, want %s", got, want)
	}
	if got, want := len(bodyTexts(a)), 9; got != want {
		t.Fatalf("body has %d paragraphs, want %d", got, want)
	}
	if got, want := a.Title, want.Title; got != want {
		t.Errorf("title = %q, want %q", got, want)
	}
	if got, want := a.Byline, want.Byline; got != want {
		t.Errorf("byline = %q, want %q", got, want)
	}
	if got, want := a.Site, want.Site; got != want {
		t.Errorf("site = %q, want %q", got, want)
	}
	var extras []string
	for _, e := range a.Extras {
		extras = append(extras, e.Text)
	}
	if got, want := strings.Join(extras, "\n"), strings.Join(want.NotBody, "\n"); got != want {
		t.Errorf("extras:\n%s\nwant:\n%s", got, want)
	}
	// Every annotated quote lies inside one block, at the same code points as in the file.
	text := []rune(a.Text())
	for _, q := range want.Quotes {
		if q.End > len(text) || string(text[q.Start:q.End]) != q.Text {
			t.Errorf("text space at [%d,%d) is not the quote %q", q.Start, q.End, q.Text)
		}
		if blockAt(a, q.Start, q.End) == nil {
			t.Errorf("quote %q at [%d,%d) is not inside a block", q.Text, q.Start, q.End)
		}
	}
}

// blockAt returns the text block that holds [start, end), or nil.
func blockAt(a *model.Article, start, end int) *model.Block {
	for _, b := range textBlocks(a.Blocks) {
		if b.Start <= start && end <= b.Start+utf8.RuneCountInString(b.Text) {
			return b
		}
	}
	return nil
}

// TestPolNeARBodyKeepsQuotes parses every PolNeAR article (same form as the sample) and checks
// that tail detection never takes a gold quotation out of the body: each gold quote span must
// lie inside a body block, at the same offsets.
func TestPolNeARBodyKeepsQuotes(t *testing.T) {
	t.Parallel()
	type doc struct {
		ID     string `json:"id"`
		Text   string `json:"text"`
		Quotes []struct {
			Start, End int
		} `json:"quotes"`
	}
	total, inside, articles, withExtras := 0, 0, 0, 0
	for _, split := range []string{"dev", "train"} {
		f, err := os.Open(shared.Require(t, "corpora/polnear/"+split+".jsonl.gz"))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		zr, err := gzip.NewReader(f)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(zr)
		sc.Buffer(nil, 8<<20)
		for sc.Scan() {
			var d doc
			if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
				t.Fatal(err)
			}
			a, err := Parse(strings.NewReader(d.Text), Options{Format: model.FormatText})
			if err != nil {
				t.Fatalf("%s: %v", d.ID, err)
			}
			articles++
			if len(a.Extras) > 0 {
				withExtras++
			}
			for _, q := range d.Quotes {
				total++
				if blockAt(a, q.Start, q.End) != nil {
					inside++
				} else if testing.Verbose() {
					t.Logf("%s: quote [%d,%d) %q left the body", d.ID, q.Start, q.End, string([]rune(d.Text)[q.Start:q.End]))
				}
			}
		}
		if err := sc.Err(); err != nil {
			t.Fatal(err)
		}
	}
	t.Logf("PolNeAR: %d articles, %d with a tail; %d of %d gold quotes inside body blocks (%.2f%%)",
		articles, withExtras, inside, total, 100*float64(inside)/float64(total))
	if inside*1000 < total*998 {
		t.Errorf("only %d of %d gold quotes stay in the body; tail detection takes body away", inside, total)
	}
}

// TestBylineLine checks that a "By …" line under the headline gives the byline and leaves the
// body, while a paragraph that merely starts with "By" stays.
func TestBylineLine(t *testing.T) {
	t.Parallel()
	tests := []struct {
		src, byline, site, first string
	}{
		{"Headline\n\nBy Jane Doe and John Roe, The Example Times\n\nBody starts here.\n\nMore.", "Jane Doe and John Roe", "The Example Times", "Body starts here."},
		{"Headline\n\nBy Jane Doe, John Roe\n\nBody starts here.\n\nMore.", "Jane Doe, John Roe", "", "Body starts here."},
		{"Headline\n\nBy 58%-33%, those surveyed said no.\n\nMore.", "", "", "By 58%-33%, those surveyed said no."},
		{"Headline\n\nBy Monday the vote was over, officials said, and the count began.\n\nMore.", "", "", "By Monday the vote was over, officials said, and the count began."},
	}
	for _, tt := range tests {
		a := parseText(tt.src, false)
		if got := a.Byline; got != tt.byline {
			t.Errorf("%q: byline = %q, want %q", tt.src, got, tt.byline)
		}
		if got := a.Site; got != tt.site {
			t.Errorf("%q: site = %q, want %q", tt.src, got, tt.site)
		}
		if got := bodyTexts(a)[0]; got != tt.first {
			t.Errorf("%q: first body paragraph = %q, want %q", tt.src, got, tt.first)
		}
	}
}

// polnearDevLines returns every line of PolNeAR's dev articles, or none, said in the log, when
// ../shared/corpora is not there.
func polnearDevLines(t *testing.T) []string {
	t.Helper()
	p, ok := shared.Optional(t, "corpora/polnear/dev.jsonl.gz", "on its crafted lines only")
	if !ok {
		return nil
	}
	texts, err := readPolNeAR(p)
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, s := range texts {
		lines = append(lines, strings.Split(s, "\n")...)
	}
	return lines
}

// TestMayContribute checks that mayContribute holds for every line rxContrib matches: crafted lines
// in any case, and every line of the PolNeAR articles when the corpus is there.
func TestMayContribute(t *testing.T) {
	lines := []string{"Reporting by Jane Doe", "ADDITIONAL REPORTING BY X", "Staff writing: Y", "Research from Z",
		"Editing by A", "Writing by B", "Contributors: C", "contributing: D", "Jane Doe contributed reporting.",
		"X CONTRIBUTED TO THIS REPORT", "ſtaff reporting by E", "reſearch: F", "Additional research by G",
		"Reportings: none", "The reporting was by H", "Not a credit line at all.", "ADDITIONAL REſEARCH BY I",
		"Staff Writing by J", "’Reporting by K", "Éditing by L", "Republicans said so", "Additionally, he said"}
	lines = append(lines, polnearDevLines(t)...)
	for _, l := range lines {
		if tailRx().rxContrib.MatchString(l) && !mayContribute(l) {
			t.Errorf("rxContrib matches %q, mayContribute says it cannot", l)
		}
	}
}

// TestTailPrefilters checks that each cheap test classifyTail asks before a pattern holds for
// every line the pattern matches: crafted lines in any case, with runes that case-fold to ASCII
// letters, and every line of PolNeAR dev when the corpus is there.
func TestTailPrefilters(t *testing.T) {
	t.Parallel()
	rx := tailRx()
	tests := []struct {
		name string
		rx   *regexp.Regexp
		may  func(string) bool
	}{
		{"rxRule", rx.rxRule, func(l string) bool { return opensWithRune(l, ruleFirsts) }},
		{"rxBracket", rx.rxBracket, func(l string) bool { return opensWithRune(l, "[(") }},
		{"rxTags", rx.rxTags, func(l string) bool { return strings.IndexByte(l, ':') >= 0 && opensWithFold(l, tagsOpenings) }},
		{"rxFollowAny", rx.rxFollowAny, func(l string) bool { return opensWithFold(l, followOpenings) }},
		{"rxReportedBy", rx.rxReportedBy, func(l string) bool { return strings.Contains(l, "report") }},
		{"rxFooter", rx.rxFooter, func(l string) bool { return opensWithFold(l, footerOpenings) }},
		{"rxWatch", rx.rxWatch, func(l string) bool { return opensWithFold(l, creditOpenings) }},
		{"rxMediaCredit", rx.rxMediaCredit, func(l string) bool { return opensWithFold(l, creditOpenings) }},
		{"rxCreditLabel", rx.rxCreditLabel, func(l string) bool { return opensWithFold(l, creditOpenings) }},
		{"rxContact", rx.rxContact, mayHaveContact},
		{"rxEmail", rx.rxEmail, mayHaveContact},
		{"rxURL", rx.rxURL, mayHaveContact},
	}
	lines := []string{"* * *", "---", " — ", ". . .", "\t#+", "•••", "[Photo: AP]", "(Reuters)", "Tags: a, b",
		"KEYWORDS : x", "\u212aeywords: x", "Filed under: y", "posted in: z", "Jane Doe reported from Kyiv.",
		"Jane Doe and John Roe contributed reporting from Paris.", "Read more", "CLICK HERE", "Continue reading",
		"Copyright 2020", "© 2020 X", "(c) 2020 X", "All rights reserved", "This article originally appeared in X",
		"Editor's note: y", "Correction: z", "ſign up for our newsletter", "Subscribe now", "Share this", "Related: x",
		"More: y", "ſee also: z", "Advertisement", "Comments", "View comments", "(Updated 3 p.m.)", "Update: 4",
		"ΤHIS article was published", "The reporter said so.", "ſhare this", "ſubſcribe", "(UPDATED 5:00)", "VIEW COMMENTS",
		"Thiſ article was published", "", "(", "Mr. Smith reported from Rome", "Email jane@example.com", "Follow @jdoe",
		"HTTPS://EXAMPLE.COM/x", "Www.Example.com", "tips: x@y.org", "(via http://a.b)", "no contact here",
		"Watch above, via CNN.", "LISTEN below", "ſee the video here", "Photo: AP", "Top photo by Jane Doe", "Featured image via X",
		"Header Image — Reuters", "Lead photo (AP)", "Main image: Getty", "Cover photo courtesy of Y", "Pictures from Z",
		"Video: NBC", "Screenshot via Twitter", "Screengrab - Fox", "Illustration by Q", "Photo credit: W", "Image credits: V",
		"Credit: U", "Courtesy: T", "Sources: S", "ſource: R", "H/T Jane", "HT\tJohn", "Hat tip Ann", "Via Reuters",
		"Courtesy of the family", "VIDEO CREDIT: x", "The photo: AP", "Watching the game",
		"TAGGED WITH: x", "Tag: y", "Topics: z", "Categories: a", "category : b", "Related topics: c", "Filed Under:",
		"Follow us on Twitter", "FOLLOW Jane Doe on Instagram", "follow\tthe news on X", "Follow on the web"}
	lines = append(lines, polnearDevLines(t)...)
	for _, tt := range tests {
		matched := 0
		for _, l := range lines {
			if tt.rx.MatchString(l) {
				matched++
				if !tt.may(l) {
					t.Errorf("%s matches %q, its prefilter says it cannot", tt.name, l)
				}
			}
		}
		if matched == 0 {
			t.Errorf("%s matches none of the lines: the test checks nothing", tt.name)
		}
	}
}

// TestNamedThen checks that namedThen holds for every line rxBio or rxBioCovers matches: crafted
// lines, random ones built from name words, verbs and spaces, and every line of PolNeAR dev when
// the corpus is there.
func TestNamedThen(t *testing.T) {
	lines := []string{"Jane Doe is a reporter for The Example Times.", "J. R. Doe was an editor at X.", "Élodie Ça-Va is a writer.",
		"O’Brien\tis the host", "Ann Bo Cy Di is a host", "Ann Bo Cy Di Ed is a host", "Jane Doe covers the White House for Site.",
		"Jane Doe writes about politics", "Jane Doe has been a columnist", "Jane Doe serves as a fellow", "Jane  Doe\nis a critic",
		"jane Doe is a reporter", "Jane Doe, a reporter", "ǅane Doe is a writer", "J.R. Doe is a writer", "Jane Doe reports for Site"}
	parts := []string{"Jane", "J.", "Doe", "O’Brien", "Ça-Va", "is", "was", "has been", "serves as", "covers", "writes about",
		"reports for", "a", "an", "the", "reporter", "editor", "at", "Site", ",", ".", "jr", "X.Y"}
	spaces := []string{" ", "  ", "\t", "\n", ""}
	r := rand.New(rand.NewPCG(3, 4))
	for range 20000 {
		var sb strings.Builder
		for n := r.IntN(9); n >= 0; n-- {
			sb.WriteString(parts[r.IntN(len(parts))])
			sb.WriteString(spaces[r.IntN(len(spaces))])
		}
		lines = append(lines, sb.String())
	}
	lines = append(lines, polnearDevLines(t)...)
	matched := 0
	for _, l := range lines {
		if tailRx().rxBio.MatchString(l) {
			matched++
			if !namedThen(l, bioVerbs) {
				t.Errorf("rxBio matches %q, namedThen says it cannot", l)
			}
		}
		if tailRx().rxBioCovers.MatchString(l) {
			matched++
			if !namedThen(l, coversVerbs) {
				t.Errorf("rxBioCovers matches %q, namedThen says it cannot", l)
			}
		}
	}
	if matched < 100 {
		t.Errorf("only %d lines match: the test says little", matched)
	}
}

// TestHasQuoteMark checks hasQuoteMark against strings.ContainsAny, invalid UTF-8 included.
func TestHasQuoteMark(t *testing.T) {
	t.Parallel()
	for _, s := range []string{"", "plain", `a "b"`, "“x", "y”", "«z»", "„w", "\xe2\x80", "\xf0\xe2\x80\x9c", "\xc2", "\xc2\xab",
		"’apostrophe‘", "\xe2\x80\x99s", "—dash", "caf\xc3\xa9 “ok”"} {
		if got, want := hasQuoteMark(s), strings.ContainsAny(s, quoteMarks); got != want {
			t.Errorf("hasQuoteMark(%q) = %v, want %v", s, got, want)
		}
	}
	alphabet := []byte{'"', 'a', 0xC2, 0xE2, 0x80, 0x9C, 0x9D, 0x9E, 0xAB, 0xBB, 0xF0, 0x99}
	r := rand.New(rand.NewPCG(5, 6))
	for range 50000 {
		b := make([]byte, r.IntN(8))
		for i := range b {
			b[i] = alphabet[r.IntN(len(alphabet))]
		}
		if got, want := hasQuoteMark(string(b)), strings.ContainsAny(string(b), quoteMarks); got != want {
			t.Fatalf("hasQuoteMark(%q) = %v, want %v", b, got, want)
		}
	}
}

// TestFoldsTo checks foldsTo, whose ASCII runes are answered without unicode.SimpleFold, against
// the orbits SimpleFold gives: every rune of the Basic Multilingual Plane against every ASCII rune.
func TestFoldsTo(t *testing.T) {
	t.Parallel()
	for f := rune(0); f < utf8.RuneSelf; f++ {
		orbit := map[rune]bool{f: true}
		for g := unicode.SimpleFold(f); g != f; g = unicode.SimpleFold(g) {
			orbit[g] = true
		}
		for r := rune(0); r < 0x10000; r++ {
			if got := foldsTo(r, f); got != orbit[r] {
				t.Fatalf("foldsTo(%q, %q) = %v, want %v", r, f, got, orbit[r])
			}
		}
	}
}

// TestContainsFoldASCII checks containsFoldASCII, which passes over eight bytes at a time, against
// a plain scan, on random text of the words the tail asks for in mixed case, other bytes and
// runes past ASCII.
func TestContainsFoldASCII(t *testing.T) {
	t.Parallel()
	plain := func(s, sub string) bool {
		for i := 0; i+len(sub) <= len(s); i++ {
			if hasPrefixFoldASCII(s[i:], sub) {
				return true
			}
		}
		return false
	}
	pieces := []string{"a", "T", "ip", "tIP", "ht", "HTTP", "tp", "www", ".", "\x0e", "WwW\x0e", "contri", "BUT", "Contribut",
		"é", "’", "\xff", " ", "abcdefgh"}
	r := rand.New(rand.NewPCG(9, 10))
	for range 50000 {
		s := randomText(r, pieces, 24)
		for _, sub := range []string{"tip", "http", "www.", "contribut"} {
			if got, want := containsFoldASCII(s, sub), plain(s, sub); got != want {
				t.Fatalf("containsFoldASCII(%q, %q) = %v, want %v", s, sub, got, want)
			}
		}
	}
}
