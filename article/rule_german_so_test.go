package article

import "testing"

// TestSoAddresseeDe: "„…“, so der CDU-Chef gegenüber Journalisten." gives the description after
// "so", not the name in the phrase that says to whom it spoke; a name after "so" stays the
// speaker. The description shows as "so der Hafenmeister weiter." shows it. Each row says which rule linked the quotation and which speaker it gave.
func TestSoAddresseeDe(t *testing.T) {
	t.Parallel()
	const de = ferryLeadDe + "Der Bürgermeister Tom Becker besuchte am Montag den Hafen.\n\n"
	cases := []speakerRow{
		{"after-verb-name: so der Hafenmeister gegenüber Journalisten",
			de + "„Die Fähre kommt“, so der Hafenmeister gegenüber Journalisten.",
			"Die Fähre kommt=Hafenmeister (after-verb-name) || Hafenmeister named;"},
		{"after-verb-name: so der Hafenmeister vor der Presse",
			de + "„Die Fähre kommt“, so der Hafenmeister vor der Presse.",
			"Die Fähre kommt=Hafenmeister (after-verb-name) || Hafenmeister named;"},
		{"after-verb-name: so Becker gegenüber Journalisten, a name as before",
			de + "„Die Fähre kommt“, so Becker gegenüber Journalisten.",
			"Die Fähre kommt=Tom Becker (after-verb-name) || Tom Becker named;"},
	}
	checkSpeakerRows(t, cases)
}
