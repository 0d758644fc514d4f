package article

import (
	"strings"
	"testing"
	"verbatim/article/model"
)

func TestParseByLine(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		line, byline, site string
		ok                 bool
	}{
		{"By Ines Okafor · The Harbour Ledger", "Ines Okafor", "The Harbour Ledger", true},
		{"By Samir Hale, Northfield Weekly", "Samir Hale", "Northfield Weekly", true},
		{"By Jane Doe, John Roe", "Jane Doe, John Roe", "", true},
		{"By Jane Doe and John Roe | Example News", "Jane Doe and John Roe", "Example News", true},
		{"BY Jane Doe", "Jane Doe", "", true},
		{"By Tomasz Wiśniewski · 11 March 2026", "Tomasz Wiśniewski", "", true},
		{"By Jane Doe | Example News | March 11, 2026", "Jane Doe", "Example News", true},
		{"By Jane Doe, Example Weekly, Wed 11 Mar 2026, 08:30 GMT", "Jane Doe", "Example Weekly", true},
		{"By Jane Doe — Updated: 2026-03-11", "Jane Doe", "", true},
		{"By Jane Doe and John Roe · 11/03/2026", "Jane Doe and John Roe", "", true},
		{"By Jane Doe · 11 March", "", "", false},
		{"By the time the vote came, the council had already left the chamber for the evening.", "", "", false},
		{"Byron Smith said the plan was fine.", "", "", false},
		{"By contrast, the mayor stayed silent.", "", "", false},
	} {
		byline, site, ok := parseByLine(tc.line)
		if byline != tc.byline || site != tc.site || ok != tc.ok {
			t.Errorf("parseByLine(%q) = %q, %q, %v; want %q, %q, %v", tc.line, byline, site, ok, tc.byline, tc.site, tc.ok)
		}
	}
}

func TestByLineLiftedFromStructuredFormats(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, src    string
		format       model.Format
		byline, site string
		firstBody    string
	}{
		{"markdown", "# Ferry Saved\n\n*By Ines Okafor · The Harbour Ledger*\n\nThe council voted on Tuesday to keep the ferry.\n",
			model.FormatMarkdown, "Ines Okafor", "The Harbour Ledger", "The council voted on Tuesday to keep the ferry."},
		{"fragment", "<h1>Library Reopens</h1><p>By Samir Hale, Northfield Weekly</p><p>The library reopened on Saturday.</p>",
			model.FormatFragment, "Samir Hale", "Northfield Weekly", "The library reopened on Saturday."},
		{"page", "<!DOCTYPE html><html><head><title>Library Reopens</title><meta name=\"author\" content=\"Samir Hale\"></head><body><article><h1>Library Reopens</h1><p class=\"byline\">By Samir Hale, Northfield Weekly</p><p>The library reopened on Saturday after two years of repairs to its flooded basement and leaking roof, and by noon the queue stretched past the bakery on the corner of the square.</p><p>Head librarian Ruth Adeyemi stood at the door to greet the first visitors, and she said the town had waited long enough for its books.</p></article></body></html>",
			model.FormatHTML, "Samir Hale", "Northfield Weekly", "The library reopened on Saturday after two years of repairs to its flooded basement and leaking roof, and by noon the queue stretched past the bakery on the corner of the square."},
		{"page, byline with a date", "<!DOCTYPE html><html><head><title>Ferry Cut</title></head><body><article><h1>Ferry Cut</h1><p>By <a href=\"/staff/tw\">Tomasz Wiśniewski</a> · 11 March 2026</p><p>The island ferry will run four crossings a day instead of seven from Monday, the operator said on Tuesday, after a third of its deck crew left.</p><p>The council said it would ask the government for an emergency subsidy to keep the evening sailing, and wrote to the minister.</p></article></body></html>",
			model.FormatHTML, "Tomasz Wiśniewski", "", "The island ferry will run four crossings a day instead of seven from Monday, the operator said on Tuesday, after a third of its deck crew left."},
		{"no byline", "<p>By contrast, the library stayed shut.</p><p>It reopens next year.</p>",
			model.FormatFragment, "", "", "By contrast, the library stayed shut."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			a, err := Parse(strings.NewReader(tc.src), Options{Format: tc.format})
			if err != nil {
				t.Fatal(err)
			}
			if got, want := a.Byline, tc.byline; got != want {
				t.Errorf("Byline=%q, want %q", got, want)
			}
			if got, want := a.Site, tc.site; got != want {
				t.Errorf("Site=%q, want %q", got, want)
			}
			var first string
			for _, b := range a.Blocks {
				if b.Kind == model.KindParagraph {
					first = b.Text
					break
				}
			}
			if first != tc.firstBody {
				t.Errorf("first body paragraph=%q, want %q", first, tc.firstBody)
			}
			if tc.byline != "" && strings.HasPrefix(a.Excerpt, "By ") {
				t.Errorf("Excerpt=%q, want the first body paragraph, not the byline", a.Excerpt)
			}
			if tc.byline != "" && (len(a.Extras) == 0 || a.Extras[0].Kind != model.ExtraByline) {
				t.Errorf("extras=%v, want the byline line kept first", a.Extras)
			}
		})
	}
}

// TestBioLiftedFromStructuredFormats checks that an author's bio ending the body of Markdown or a
// page becomes an extra, with the rule that set it apart, and fills the byline when the source
// named none; other tail lines stay in the body.
func TestBioLiftedFromStructuredFormats(t *testing.T) {
	t.Parallel()
	body := "The council voted on Tuesday to keep the ferry running through the winter, after a petition signed by nine hundred islanders."
	for _, tc := range []struct {
		name, src string
		format    model.Format
		byline    string
		lastBody  string
		extras    []string // kind:text
	}{
		{"markdown", "# Ferry Saved\n\n" + body + "\n\n---\n\n*Ines Okafor is a reporter for the Harbour Ledger. Follow her on Twitter @inesokafor.*\n",
			model.FormatMarkdown, "Ines Okafor", body, []string{"bio:Ines Okafor is a reporter for the Harbour Ledger. Follow her on Twitter @inesokafor."}},
		{"page", "<!DOCTYPE html><html><head><title>Ferry Saved</title></head><body><article><h1>Ferry Saved</h1><p>" + body + "</p><p>" + body + "</p><p><em>Samir Hale covers the islands for the Northfield Weekly.</em></p></article></body></html>",
			model.FormatHTML, "Samir Hale", body, []string{"bio:Samir Hale covers the islands for the Northfield Weekly."}},
		{"a footer alone stays", "# Ferry Saved\n\n" + body + "\n\nCopyright 2026 The Harbour Ledger.\n",
			model.FormatMarkdown, "", "Copyright 2026 The Harbour Ledger.", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			a, err := Parse(strings.NewReader(tc.src), Options{Format: tc.format})
			if err != nil {
				t.Fatal(err)
			}
			if a.Byline != tc.byline {
				t.Errorf("Byline=%q, want %q", a.Byline, tc.byline)
			}
			if last := a.Blocks[len(a.Blocks)-1]; last.Text != tc.lastBody {
				t.Errorf("last body block %s %q, want %q", last.Kind, last.Text, tc.lastBody)
			}
			var extras []string
			for _, e := range a.Extras {
				extras = append(extras, string(e.Kind)+":"+e.Text)
			}
			if strings.Join(extras, "\n") != strings.Join(tc.extras, "\n") {
				t.Errorf("extras %q, want %q", extras, tc.extras)
			}
		})
	}
}
