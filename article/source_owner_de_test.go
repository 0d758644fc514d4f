package article

import "testing"

// TestSourceOwnerDe: a German source phrase that names a circle of people ("hieß es aus
// Regierungskreisen") gives a described speaker in the nominative plural, whom no pronoun later
// stands for; one that names a text with a named owner ("hieß es in der Rede des Kanzlers Olaf
// Scholz") gives that owner. Each row says which rule linked the quotation and which speaker it
// gave.
func TestSourceOwnerDe(t *testing.T) {
	t.Parallel()
	const de = ferryLeadDe
	cases := []speakerRow{
		{"it-says: hieß es aus Regierungskreisen is the circle, described",
			de + "„Die Fähre kommt“, hieß es aus Regierungskreisen.",
			"Die Fähre kommt=Regierungskreise (it-says) || Regierungskreise described;"},
		{"it-says: a circle that opens the sentence: Aus Parteikreisen hieß es",
			de + "Aus Parteikreisen hieß es am Montag: „Die Fähre kommt im Winter.“",
			"Die Fähre kommt im Winter.=Parteikreise (it-says) || Parteikreise described;"},
		{"it-says: the circle in a genitive: verlautete aus Kreisen der Regierung",
			de + "„Die Fähre kommt“, verlautete aus Kreisen der Regierung.",
			"Die Fähre kommt=Kreise der Regierung (it-says) || Kreise der Regierung described;"},
		{"it-says: a circle is nobody a later er stands for",
			de + "Tom Becker leitet die Stadt.\n\n„Die Fähre kommt“, hieß es aus Sicherheitskreisen. Er sagte, man werde „alles für die Fähre tun“.",
			"Die Fähre kommt=Sicherheitskreise (it-says) | alles für die Fähre tun=Tom Becker (before-verb) || Sicherheitskreise described; Tom Becker named;"},
		{"it-says: a place after the circle stays out of it: aus Regierungskreisen in Berlin",
			de + "„Die Fähre kommt“, hieß es aus Regierungskreisen in Berlin.",
			"Die Fähre kommt=Regierungskreise (it-says) || Regierungskreise described;"},
		{"according-to: laut Regierungskreisen is the circle",
			de + "Laut Regierungskreisen ist die Fähre „so gut wie sicher“.",
			"so gut wie sicher=Regierungskreise (according-to) || Regierungskreise described;"},
		{"it-says: wie aus Koalitionskreisen verlautete, with reported speech",
			de + "Wie aus Koalitionskreisen verlautete, sei die Fähre „so gut wie sicher“.",
			"so gut wie sicher=Koalitionskreise (it-says) || Koalitionskreise described;"},
		{"it-says: the speech's owner named in the genitive: in der Rede des Kanzlers Olaf Scholz",
			de + "„Die Fähre kommt“, hieß es in der Rede des Kanzlers Olaf Scholz.",
			"Die Fähre kommt=Olaf Scholz (it-says) || Olaf Scholz named;"},
		{"it-says: the owner after von: in einer Mitteilung von Siemens",
			de + "„Die Fähre kommt“, hieß es in einer Mitteilung von Siemens.",
			"Die Fähre kommt=Siemens (it-says) || Siemens named;"},
		{"it-says: a described owner stays described: in einer Erklärung der Bundesregierung",
			de + "„Die Fähre kommt“, hieß es in einer Erklärung der Bundesregierung.",
			"Die Fähre kommt=Bundesregierung (it-says) || Bundesregierung described;"},
		{"it-says: the named owner is whom a later er stands for",
			de + "„Die Fähre kommt“, hieß es in der Rede von Tom Becker. Er sagte, man werde „alles für die Fähre tun“.",
			"Die Fähre kommt=Tom Becker (it-says) | alles für die Fähre tun=Tom Becker (before-verb) || Tom Becker named;"},
		{"it-says: a speech with no owner is nobody",
			de + "„Die Fähre kommt“, hieß es in der Rede.",
			"Die Fähre kommt= (it-says) ||"},
	}
	checkSpeakerRows(t, cases)
}

// speakerRow is one row of a table test on holderSpeakers: a name that says which rule fires, the
// text and what holderSpeakers gives for it.
type speakerRow struct{ name, in, want string }

// checkSpeakerRows runs each row's text through holderSpeakers as a parallel subtest.
func checkSpeakerRows(t *testing.T, rows []speakerRow) {
	t.Helper()
	for _, c := range rows {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			if got := holderSpeakers(c.in); got != c.want {
				t.Errorf("got  %s\nwant %s", got, c.want)
			}
		})
	}
}
