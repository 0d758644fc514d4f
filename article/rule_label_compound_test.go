package article

import "testing"

// TestLabelCompoundHyphen: a hyphen glued to a name in marks ("der „Bild“-Zeitung:", "im
// „Spiegel“-Interview:") makes a compound noun, no transcript label after a dash: the quotation
// after the colon is the subject's. A dash with spaces before a name in capitals stays a label.
// Each row says which rule linked the quotation and which speaker it gave.
func TestLabelCompoundHyphen(t *testing.T) {
	t.Parallel()
	const de = ferryLeadDe + "Der Bürgermeister Tom Becker sprach am Montag.\n\n"
	cases := []speakerRow{
		{"before-verb: sagte der „Bild“-Zeitung: the paper's compound is no label",
			de + "Becker sagte der „Bild“-Zeitung: „Die Fähre kommt.“",
			"Bild= () | Die Fähre kommt.=Tom Becker (before-verb) || Tom Becker named;"},
		{"before-verb: im „Spiegel“-Interview, the interview's compound is no label",
			de + "Becker sagte im „Spiegel“-Interview: „Die Fähre kommt.“",
			"Spiegel= () | Die Fähre kommt.=Tom Becker (before-verb) || Tom Becker named;"},
		{"label: a dash with spaces before a name in capitals is a transcript's label",
			ferryLeadEn + "- BECKER: “The ferry will run.”",
			"The ferry will run.=BECKER (label) || BECKER named;"},
	}
	checkSpeakerRows(t, cases)
}
