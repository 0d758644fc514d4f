package article

import (
	"fmt"
	"strings"
	"testing"
)

// holderSpeakers runs the quote engine on text and describes each quotation as
// "text=speaker (rule)", with ", holder" when a description resolved to its holder
// (model.Quote.Holder), and then each speaker as described or named.
func holderSpeakers(text string) string {
	qs, sp := FindQuotes(splitParagraphs(text))
	var b strings.Builder
	for i, q := range qs {
		if i > 0 {
			b.WriteString(" | ")
		}
		fmt.Fprintf(&b, "%s=%s (%s", q.Text, q.Speaker, q.Rule)
		if q.Holder {
			b.WriteString(", holder")
		}
		b.WriteString(")")
	}
	b.WriteString(" ||")
	for _, s := range sp {
		kind := "named"
		if s.Described {
			kind = "described"
		}
		fmt.Fprintf(&b, " %s %s;", s.Name, kind)
	}
	return b.String()
}

// TestHolders: a description of an office resolves to the one person the article names with it
// (holderEn, resolveOfficeDe), and stays the speaker's label when the article names none, two, or
// one whose office differs by a word. Each row says which rule linked the quotation and which
// speaker it gave.
func TestHolders(t *testing.T) {
	t.Parallel()
	const en, de = ferryLeadEn, ferryLeadDe
	cases := []struct{ name, in, want string }{
		{"title before the name: Mayor Ann Ross is the mayor",
			en + "Mayor Ann Ross opened the pier.\n\n“The ferry will run,” the mayor said.",
			"The ferry will run,=Ann Ross (after-name-verb, holder) || Ann Ross named;"},
		{"apposition after the name: Ann Ross, the mayor",
			en + "Ann Ross, the mayor, opened the pier.\n\n“The ferry will run,” the mayor said.",
			"The ferry will run,=Ann Ross (after-name-verb, holder) || Ann Ross named;"},
		{"apposition before the name: the city’s mayor, Ann Ross",
			en + "The pier was opened by the city’s mayor, Ann Ross, on Monday.\n\n“The ferry will run,” the city’s mayor said.",
			"The ferry will run,=Ann Ross (after-name-verb, holder) || Ann Ross named;"},
		{"abbreviated title: Sen. Tom Baker is the senator",
			en + "Sen. Tom Baker visited the pier.\n\n“The ferry will run,” the senator said.",
			"The ferry will run,=Tom Baker (after-name-verb, holder) || Tom Baker named;"},
		{"a place before the title names the seat: Ohio Sen. Tom Baker is the senator and the Ohio senator",
			en + "Ohio Sen. Tom Baker visited the pier.\n\n“The ferry will run,” the senator said.\n\n“It will be late,” the Ohio senator added.",
			"The ferry will run,=Tom Baker (after-name-verb, holder) | It will be late,=Tom Baker (after-name-verb, holder) || Tom Baker named;"},
		{"two senators: ambiguous, the description stays",
			en + "Sen. Tom Baker and Sen. Ann Ross visited the pier.\n\n“The ferry will run,” the senator said.",
			"The ferry will run,=The senator (after-name-verb) || The senator described;"},
		{"a second senator named after the quotation still makes it ambiguous",
			en + "Sen. Tom Baker visited the pier.\n\n“The ferry will run,” the senator said.\n\nSen. Ann Ross did not come.",
			"The ferry will run,=The senator (after-name-verb) || The senator described;"},
		{"the former president is not the sitting one",
			en + "President Ann Ross opened the pier.\n\n“The ferry will run,” the former president said.",
			"The ferry will run,=The former president (after-name-verb) || The former president described;"},
		{"the president is not a former one",
			en + "Former President Tom Baker opened the pier.\n\n“The ferry will run,” the president said.",
			"The ferry will run,=The president (after-name-verb) || The president described;"},
		{"a former holder matches the former president",
			en + "Former President Tom Baker opened the pier.\n\n“The ferry will run,” the former president said.",
			"The ferry will run,=Tom Baker (after-name-verb, holder) || Tom Baker named;"},
		{"the vice president is one office: the president is not Vice President Tom Baker",
			en + "Vice President Tom Baker opened the pier.\n\n“The ferry will run,” the president said.",
			"The ferry will run,=The president (after-name-verb) || The president described;"},
		{"an organisation before the office makes it that organisation's: the president is not the Port Authority's",
			en + "Port Authority President Tom Baker opened the pier.\n\n“The ferry will run,” the president said.\n\n“It will be late,” the Port Authority president added.",
			"The ferry will run,=The president (after-name-verb) | It will be late,=Tom Baker (after-name-verb, holder) || The president described; Tom Baker named;"},
		{"a spokesman for the mayor is not the mayor, nor is an office with a phrase after it",
			en + "Mayor Ann Ross opened the pier.\n\n“The ferry will run,” a spokesman for the mayor said.\n\n“It will be late,” the mayor of the next town said.",
			"The ferry will run,=A spokesman (after-name-verb) | It will be late,=The mayor (after-name-verb) || A spokesman described; The mayor described;"},
		{"a person of unknown office named nearer: the senator may be her",
			en + "Sen. Tom Baker visited the pier.\n\nAnn Ross spoke after him. “The ferry will run,” the senator said.",
			"The ferry will run,=The senator (after-name-verb) || The senator described;"},
		{"an organisation named with its kind after it: the union is the United Auto Workers",
			en + "The United Auto Workers union met on Monday.\n\n“The ferry will run,” the union said.",
			"The ferry will run,=United Auto Workers (after-name-verb, holder) || United Auto Workers named;"},
		{"an organisation named with its kind in its name: the department is the Transport Department",
			en + "The Transport Department met on Monday.\n\n“The ferry will run,” the department said.",
			"The ferry will run,=Transport Department (after-name-verb, holder) || Transport Department named;"},
		{"two unions: the union stays described",
			en + "The Ferry Workers Union and the Dock Workers Union met on Monday.\n\n“The ferry will run,” the union said.",
			"The ferry will run,=The union (after-name-verb) || The union described;"},
		{"a campaign is no kind of organisation named so: the campaign stays described",
			en + "The Baker campaign met on Monday.\n\n“The ferry will run,” the campaign said.",
			"The ferry will run,=The campaign (after-name-verb) || The campaign described;"},
		{"an organisation named nearer blocks no person's office (holderNearest, definiteName): the senator is still Tom Baker",
			en + "Sen. Tom Baker visited the pier.\n\n“The boats are ready,” the Red Cross said.\n\n“The ferry will run,” the senator said.",
			"The boats are ready,=Red Cross (after-name-verb) | The ferry will run,=Tom Baker (after-name-verb, holder) || Red Cross named; Tom Baker named;"},
		{"an organisation before an office no country holds is that office's (countryOffices): Port Authority Director Tom Baker is the director",
			en + "Port Authority Director Tom Baker opened the pier.\n\n“The ferry will run,” the director said.",
			"The ferry will run,=Tom Baker (after-name-verb, holder) || Tom Baker named;"},
		{"two directors of two organisations: the director stays described",
			en + "Port Authority Director Tom Baker and Harbour Board Director Ann Ross opened the pier.\n\n“The ferry will run,” the director said.",
			"The ferry will run,=The director (after-name-verb) || The director described;"},
		{"German: Bundesinnenminister Thomas de Maizière is der Minister",
			de + "Bundesinnenminister Thomas de Maizière besuchte den Hafen.\n\n„Die Fähre kommt“, sagte der Minister.",
			"Die Fähre kommt=Thomas de Maizière (after-verb-name, holder) || Thomas de Maizière named;"},
		{"German: Kanzlerin Angela Merkel is die Kanzlerin",
			de + "Kanzlerin Angela Merkel besuchte den Hafen.\n\n„Die Fähre kommt“, sagte die Kanzlerin.",
			"Die Fähre kommt=Angela Merkel (after-verb-name, holder) || Angela Merkel named;"},
		{"German: der SPD-Chef Sigmar Gabriel is der SPD-Chef",
			de + "Der SPD-Chef Sigmar Gabriel besuchte den Hafen.\n\n„Die Fähre kommt“, sagte der SPD-Chef.",
			"Die Fähre kommt=Sigmar Gabriel (after-verb-name, holder) || Sigmar Gabriel named;"},
		{"German: two ministers, der Minister stays described",
			de + "Innenminister Thomas de Maizière und Außenminister Frank Steinmeier besuchten den Hafen.\n\n„Die Fähre kommt“, sagte der Minister.",
			"Die Fähre kommt=Minister (after-verb-name) || Minister described;"},
		{"German: a former minister holds the office no more",
			de + "Der ehemalige Innenminister Otto Schily kam mit Innenminister Thomas de Maizière.\n\n„Die Fähre kommt“, sagte der Minister.",
			"Die Fähre kommt=Thomas de Maizière (after-verb-name, holder) || Thomas de Maizière named;"},
		{"German: die Ministerin is never Minister Thomas de Maizière",
			de + "Bundesinnenminister Thomas de Maizière besuchte den Hafen.\n\n„Die Fähre kommt“, sagte die Ministerin.",
			"Die Fähre kommt=Ministerin (after-verb-name) || Ministerin described;"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			if got := holderSpeakers(c.in); got != c.want {
				t.Errorf("got  %s\nwant %s", got, c.want)
			}
		})
	}
}
