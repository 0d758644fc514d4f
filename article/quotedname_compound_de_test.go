package article

import "testing"

// TestMarkedCompoundDe: a German subject that joins a paper's name in marks to a noun of a
// periodical by a hyphen ("Die „Bild“-Zeitung schrieb") is the paper, shown by its name as after
// the verb ("schrieb die „Bild“-Zeitung"); a compound with another noun ("Der
// „Bild“-Chefredakteur") is no paper. Each row says which rule linked the quotation and which
// speaker it gave.
func TestMarkedCompoundDe(t *testing.T) {
	t.Parallel()
	const de = ferryLeadDe
	cases := []speakerRow{
		{"before-verb: Die „Bild“-Zeitung schrieb",
			de + "Die „Bild“-Zeitung schrieb: „Die Fähre kommt.“",
			"Bild= () | Die Fähre kommt.=Bild (before-verb) || Bild named;"},
		{"before-verb: wie das „Spiegel“-Magazin berichtet, in a clause before reported speech",
			de + "Wie das „Spiegel“-Magazin berichtet, sei die Fähre „auf einem guten Weg“.",
			"Spiegel= () | auf einem guten Weg=Spiegel (before-verb) || Spiegel named;"},
		{"after-verb-name: schrieb die „Bild“-Zeitung, as before",
			de + "„Die Fähre kommt“, schrieb die „Bild“-Zeitung.",
			"Die Fähre kommt=Bild (after-verb-name) | Bild= () || Bild named;"},
		{"before-verb: Der „Bild“-Chefredakteur, a person of the paper, is no paper (no speaker: left alone)",
			de + "Der „Bild“-Chefredakteur sagte: „Die Fähre kommt.“",
			"Bild= () | Die Fähre kommt.= () ||"},
	}
	checkSpeakerRows(t, cases)
}
