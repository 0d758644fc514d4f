package article

import "testing"

// TestOpeningPrepositionsDe: a German preposition that opens a sentence ("Per Twitter", "Via
// Instagram", "Dank der Hilfe", "Seitens der Stadt") is no name's first word
// (lexicons/function-words-de.txt): the subject after the verb speaks. Each row says which rule
// linked the quotation and which speaker it gave.
func TestOpeningPrepositionsDe(t *testing.T) {
	t.Parallel()
	const de = ferryLeadDe + "Der Bürgermeister Tom Becker besuchte am Montag den Hafen.\n\n"
	cases := []speakerRow{
		{"before-verb-name: Per Twitter teilte Becker mit",
			de + "Per Twitter teilte Becker mit: „Die Fähre kommt.“",
			"Die Fähre kommt.=Tom Becker (before-verb-name) || Tom Becker named;"},
		{"before-verb-name: Via Instagram schrieb Becker",
			de + "Via Instagram schrieb Becker: „Die Fähre kommt.“",
			"Die Fähre kommt.=Tom Becker (before-verb-name) || Tom Becker named;"},
		{"before-verb-name: Dank der Hilfe sagte Becker",
			de + "Dank der Hilfe des Landes sagte Becker: „Die Fähre kommt.“",
			"Die Fähre kommt.=Tom Becker (before-verb-name) || Tom Becker named;"},
	}
	checkSpeakerRows(t, cases)
}
