package article

import (
	"fmt"
	"strings"
	"testing"
)

// TestReasons checks the reasons each quotation carries: its rule, its cue and its confidence.
func TestReasons(t *testing.T) {
	t.Parallel()
	cases := []struct{ name, in, want string }{
		{"cue beside, a name", `“We will win,” Smith said.`, "after-name-verb said high"},
		{"cue beside, a pronoun", "Smith spoke first.\n\n“We will win,” she said.", "after-name-verb said high"},
		{"a pronoun that names nobody", "“We will win,” they said.", "after-name-verb said low"},
		{"intro colon", `Smith said: “We will win.”`, "before-verb said high"},
		{"cue further off", `Baker argued that the plan was “a disaster for the town.”`, "before-verb argued medium"},
		{"a description", `“We will win,” a campaign spokesman said.`, "after-name-verb said high"},
		{"carried", `“We will win,” Smith said. “And we will build.”`, "after-name-verb said high | carry-paragraph said high"},
		{"carried in German", "Anna Schmidt ist die Bürgermeisterin und der Senator ist nicht da. Die Stadt hat die Brücke nicht. „Wir gewinnen“, sagte Schmidt. „Und wir bauen die Brücke.“", "after-verb-name sagte high | carry-paragraph sagte medium"},
		{"a German source phrase", "Anna Schmidt ist die Bürgermeisterin und der Senator ist nicht da. Die Stadt hat die Brücke nicht. Nach Aussagen eines Gutachters war die Lage „ernst, aber beherrschbar“.", "according-to Nach Aussagen medium"},
		{"a German office nobody the article names holds, shown as the office, rates as a name that names nobody (officePhraseDe, match.office)", "Anna Schmidt ist die Bürgermeisterin und der Senator ist nicht da. Die Stadt hat die Brücke nicht. Der Regierungssprecher sagte: „Wir gewinnen.“", "before-verb sagte low"},
		{"a dash", "“We will win.” ― Jane Smith", "after-dash ― medium"},
		{"the subject only", `Smith defended the plan as “the best thing for our town and its people.”`, "subject defended low"},
		{"no speaker", `Smith spoke about the “rigged” system.`, "  "},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			qs, _ := FindQuotes(splitParagraphs(intro + c.in))
			var got []string
			for _, q := range qs {
				got = append(got, fmt.Sprintf("%s %s %s", q.Rule, q.Cue, q.Confidence))
			}
			if g := strings.Join(got, " | "); g != c.want {
				t.Fatalf("got  %q\nwant %q", g, c.want)
			}
		})
	}
}
