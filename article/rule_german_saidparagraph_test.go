package article

import "testing"

// TestSaidParagraphDe: a German paragraph that is one whole quotation with no cue of its own goes
// to the speaker of the paragraph before, when that paragraph holds no quotation and its last
// sentence has a speech verb and a subject that may speak (said-paragraph). Each row says which
// rule linked the quotation and which speaker it gave.
func TestSaidParagraphDe(t *testing.T) {
	t.Parallel()
	const de = ferryLeadDe + "Der Bürgermeister Tom Becker besuchte am Montag den Hafen.\n\n"
	const utterance = "„Wir haben viel erreicht. Aber wir dürfen nicht nachlassen.“"
	cases := []speakerRow{
		{"said-paragraph: the subject before the verb: Becker sprach vor dem Stadtrat",
			de + "Becker sprach am Dienstag vor dem Stadtrat.\n\n" + utterance,
			"Wir haben viel erreicht. Aber wir dürfen nicht nachlassen.=Tom Becker (said-paragraph) || Tom Becker named;"},
		{"said-paragraph: the subject after a closing cue: …, sagte Becker.",
			de + "Die Fähre komme im Mai, sagte Becker.\n\n" + utterance,
			"Wir haben viel erreicht. Aber wir dürfen nicht nachlassen.=Tom Becker (said-paragraph) || Tom Becker named;"},
		{"said-paragraph: a pronoun subject: Er betonte",
			de + "Er betonte am Dienstag die Erfolge der Stadt.\n\n" + utterance,
			"Wir haben viel erreicht. Aber wir dürfen nicht nachlassen.=Tom Becker (said-paragraph) || Tom Becker named;"},
		{"no rule: the sentence before has no speech verb",
			de + "Becker fuhr am Dienstag mit der Fähre.\n\n" + utterance,
			"Wir haben viel erreicht. Aber wir dürfen nicht nachlassen.= () ||"},
		{"no rule: a description that holds no office is no speaker here",
			de + "Die Menschen am Hafen erklärten ihre Sorgen.\n\n" + utterance,
			"Wir haben viel erreicht. Aber wir dürfen nicht nachlassen.= () ||"},
		{"carry-across: a paragraph before with a quotation of its own",
			de + "„Die Fähre kommt“, sagte Becker.\n\n" + utterance,
			"Die Fähre kommt=Tom Becker (after-verb-name) | Wir haben viel erreicht. Aber wir dürfen nicht nachlassen.=Tom Becker (carry-across) || Tom Becker named;"},
	}
	checkSpeakerRows(t, cases)
}
