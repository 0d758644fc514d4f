package components

import (
	"net/url"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"verbatim/article/model"
)

// reasonedSample is sample() with the quote engine's reasons on its attributed quotes: q1 low
// confidence from the headline, q2 high confidence with its cue after the quotation.
func reasonedSample() *model.Article {
	a := sample()
	a.Quotes[0].Rule, a.Quotes[0].Confidence = "headline", model.ConfidenceLow
	a.Quotes[1].Rule, a.Quotes[1].Cue, a.Quotes[1].Confidence = "after-name-verb", "said", model.ConfidenceHigh
	return a
}

// TestReasonsShown checks what the reader shows of each quote's reasons: the quote panel's "Why"
// line, the low-confidence class on every mark of a low-confidence quote, and the screen reader's
// cue, which says "perhaps" for it.
func TestReasonsShown(t *testing.T) {
	t.Parallel()
	doc := prerender(t, &Reader{Article: reasonedSample()})
	whys := map[string]string{}
	lowMarks := map[string]int{}
	var says []string
	walk(doc, func(n *html.Node) {
		switch {
		case n.Data == "li" && strings.Contains(classOf(n), "panel-quote"):
			walk(n, func(c *html.Node) {
				if c.Data == "p" && classOf(c) == "panel-why" {
					whys[attrOf(n, "data-quote-id")] = text(c)
				}
			})
		case n.Data == "mark" && strings.Contains(" "+classOf(n)+" ", " confidence-low "):
			lowMarks[attrOf(n, "data-quote-id")]++
		case n.Data == "span" && attrOf(n, "class") == "visually-hidden" && n.Parent != nil && n.Parent.Data != "caption":
			if _, ok := attr(n, "data-says"); ok {
				says = append(says, text(n))
			}
		}
	})
	for _, tc := range []struct{ quote, want string }{
		{"q1", "Why: the headline repeats a quotation from the story. Low confidence: check it."},
		{"q2", "Why: said, after the quotation. High confidence."},
		{"q3", ""}, // unattributed: nothing to explain
	} {
		if got := whys[tc.quote]; got != tc.want {
			t.Errorf("%s: panel's why = %q, want %q", tc.quote, got, tc.want)
		}
	}
	if lowMarks["q1"] != 1 || lowMarks["q2"] != 0 || lowMarks["q3"] != 0 {
		t.Errorf("confidence-low marks by quote = %v, want q1 only", lowMarks)
	}
	want := []string{"Fareed Zakaria, perhaps, says: ", "Dmitry Peskov says: ", "Quote: "}
	if strings.Join(says, "|") != strings.Join(want, "|") {
		t.Errorf("screen reader cues = %q, want %q", says, want)
	}
}

// TestCorrectionMarkup checks what reader.js needs to correct a speaker: a "Speaker…" button per
// quote panel item, the dialog with the article's speakers and "Someone else", and each quote's
// citation with a slot for another speaker. An embed, which stores nothing, has neither.
func TestCorrectionMarkup(t *testing.T) {
	t.Parallel()
	a := reasonedSample()
	doc := prerender(t, &Reader{Article: a})
	dialog := byAttr(doc, "id")["correct"]
	if len(dialog) != 1 {
		t.Fatalf("%d elements with id correct, want 1", len(dialog))
	}
	if _, hidden := attr(dialog[0], "hidden"); !hidden || attrOf(dialog[0], "role") != "dialog" {
		t.Errorf("the correction dialog is not a hidden role=dialog")
	}
	var options []string
	walk(dialog[0], func(n *html.Node) {
		if n.Data == "option" {
			options = append(options, attrOf(n, "value")+"="+text(n))
		}
	})
	if got, want := strings.Join(options, "|"), "s1=Fareed Zakaria|s2=Dmitry Peskov|=Someone else (type the name)"; got != want {
		t.Errorf("options %q, want %q", got, want)
	}
	for _, q := range a.Quotes {
		var as string
		walk(doc, func(n *html.Node) {
			if n.Data == "mark" && attrOf(n, "id") == string(q.ID) {
				as = attrOf(n, "data-citation-as")
			}
		})
		dec, err := url.PathUnescape(as)
		if err != nil {
			t.Fatalf("%s: data-citation-as %q: %v", q.ID, as, err)
		}
		corrected := q
		corrected.Speaker = "Jane Roe"
		if got, want := strings.Replace(dec, SpeakerSlot, "Jane Roe", 1), Citation(a, corrected); got != want {
			t.Errorf("%s: citation as Jane Roe = %q, want %q", q.ID, got, want)
		}
	}

	embed := prerender(t, &Reader{Article: a, Embed: true})
	if len(byAttr(embed, "id")["correct"]) != 0 || len(byAttr(embed, "data-action")["correct"]) != 0 {
		t.Errorf("an embed has the correction dialog or its buttons")
	}
	// Nor the citations a correction takes (data-citation-as), but every citation to copy.
	if n, m := len(byAttr(embed, "data-citation-as")), len(byAttr(embed, "data-citation")); n != 0 || m != len(a.Quotes) {
		t.Errorf("an embed has %d data-citation-as and %d data-citation, want none and %d", n, m, len(a.Quotes))
	}
}

func TestCitationAsRefusesTheSlot(t *testing.T) {
	t.Parallel()
	a := sample()
	a.Title = "A title with " + SpeakerSlot
	if _, ok := CitationAs(a, a.Quotes[1]); ok {
		t.Errorf("CitationAs took a title holding the slot character")
	}
}
