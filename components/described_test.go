package components

import (
	"net/url"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"verbatim/article/model"
)

// describedSample is sample with its scare quote given to a described speaker
// (model.Speaker.Described), as article.Parse gives "“…,” the spokesman said".
func describedSample() *model.Article {
	a := sample()
	a.Blocks[2].Runs[1].Speaker = "s3"
	a.Quotes[2].Speaker, a.Quotes[2].SpeakerID, a.Quotes[2].Kind = "The spokesman", "s3", model.QuoteDirect
	a.Quotes[2].Mention = &model.Mention{Text: "the spokesman", Start: 1, End: 14}
	a.Quotes[2].Rule, a.Quotes[2].Cue, a.Quotes[2].Confidence = "after-name-verb", "said", model.ConfidenceHigh
	a.Speakers = append(a.Speakers, model.Speaker{ID: "s3", Name: "The spokesman", Aliases: []string{}, Quotes: 1, Described: true})
	return a
}

// TestDescribedSpeaker: a described speaker has the legend entry and filter, the quote panel's
// group and "Why" line, the screen reader's "X says:", the citation and a place among the
// correction's choices that a named one has; the legend and the panel say it is not named, in
// words, and the legend's name holds the label alone (reader.js reads it as the name).
func TestDescribedSpeaker(t *testing.T) {
	t.Parallel()
	a := describedSample()
	doc := prerender(t, &Reader{Article: a})
	type found struct {
		legendName, legendNote, panelHead, why, says, option string
		legendFilter, panelItem                              bool
		citation                                             string
	}
	var f found
	walk(doc, func(n *html.Node) {
		if n.Type != html.ElementNode {
			return
		}
		cls := " " + classOf(n) + " "
		switch {
		case n.Data == "button" && attrOf(n, "data-speaker-filter") == "s3":
			f.legendFilter = true
			walk(n, func(c *html.Node) {
				switch cc := " " + classOf(c) + " "; {
				case strings.Contains(cc, " legend-name "):
					f.legendName = text(c) + "|" + strings.TrimSpace(cc)
				case strings.Contains(cc, " legend-described "):
					f.legendNote = text(c)
				}
			})
		case strings.Contains(cls, " panel-group "):
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				if h := strings.Join(strings.Fields(text(c)), " "); c.Data == "h3" && strings.HasPrefix(h, "The spokesman") {
					f.panelHead = h
				}
			}
		case strings.Contains(cls, " panel-quote ") && attrOf(n, "data-speaker-id") == "s3":
			f.panelItem = true
			walk(n, func(c *html.Node) {
				if strings.Contains(" "+classOf(c)+" ", " panel-why ") {
					f.why = text(c)
				}
			})
		case hasAttr(n, "data-says") && strings.Contains(text(n), "spokesman"):
			f.says = text(n)
		case n.Data == "mark" && attrOf(n, "data-quote-id") == "q3" && hasAttr(n, "data-citation"):
			f.citation, _ = url.PathUnescape(attrOf(n, "data-citation"))
		case n.Data == "option" && attrOf(n, "value") == "s3":
			f.option = text(n)
		}
	})
	want := found{
		legendName:   "The spokesman|legend-name described",
		legendNote:   "not named in the article",
		legendFilter: true,
		panelHead:    "The spokesman (not named in the article)",
		panelItem:    true,
		why:          "Why: said, after the quotation. High confidence.",
		says:         "The spokesman says: ",
		citation:     `“deal” — The spokesman, in "Was There Any ‘Serious Communication’?", Mediaite`,
		option:       "The spokesman (not named in the article)",
	}
	if f != want {
		t.Errorf("described speaker's markup:\n got  %+v\nwant %+v", f, want)
	}
	// A named speaker has no note and no italics.
	walk(doc, func(n *html.Node) {
		if n.Data == "button" && attrOf(n, "data-speaker-filter") == "s2" {
			walk(n, func(c *html.Node) {
				if strings.Contains(" "+classOf(c)+" ", " described ") || strings.Contains(" "+classOf(c)+" ", " legend-described ") {
					t.Errorf("named speaker's legend entry has %q", classOf(c))
				}
			})
		}
	})
}
