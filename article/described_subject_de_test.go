package article

import "testing"

// TestDescribedSubjectDe: a German subject that is one common noun of an institution after its
// definite article ("Die Gewerkschaft sagte", "teilte die Polizei mit") is a described speaker,
// not a name; a party's or a paper's name with its article, a word in capitals and a description
// that holds an office stay as they were. Each row says which rule linked the quotation and which
// speaker it gave.
func TestDescribedSubjectDe(t *testing.T) {
	t.Parallel()
	const de = ferryLeadDe
	cases := []speakerRow{
		{"before-verb: Die Gewerkschaft sagte",
			de + "Die Gewerkschaft sagte: „Die Fähre kommt nicht.“",
			"Die Fähre kommt nicht.=Gewerkschaft (before-verb) || Gewerkschaft described;"},
		{"before-verb: Das Landgericht erklärte, a compound of an institution's noun",
			de + "Das Landgericht erklärte: „Die Fähre darf fahren.“",
			"Die Fähre darf fahren.=Landgericht (before-verb) || Landgericht described;"},
		{"after-verb-name: teilte die Polizei mit",
			de + "„Die Fähre ist gesperrt“, teilte die Polizei mit.",
			"Die Fähre ist gesperrt=Polizei (after-verb-name) || Polizei described;"},
		{"before-verb-name: Am Montag sagte die Staatsanwaltschaft",
			de + "Am Montag sagte die Staatsanwaltschaft: „Die Fähre wird untersucht.“",
			"Die Fähre wird untersucht.=Staatsanwaltschaft (before-verb-name) || Staatsanwaltschaft described;"},
		{"before-verb: the same institution before and after the verb is one described speaker",
			de + "Die Gewerkschaft sagte: „Die Fähre kommt nicht.“\n\n„Wir streiken“, sagte die Gewerkschaft.",
			"Die Fähre kommt nicht.=Gewerkschaft (before-verb) | Wir streiken=Gewerkschaft (after-verb-name) || Gewerkschaft described;"},
		{"before-verb: Die Linke, a party's name, stays a name",
			de + "Die Linke sagte: „Die Fähre kommt nicht.“",
			"Die Fähre kommt nicht.=Linke (before-verb) || Linke named;"},
		{"before-verb: Der Spiegel, a paper's name, stays a name",
			de + "Der Spiegel schrieb: „Die Fähre kommt nicht.“",
			"Die Fähre kommt nicht.=Spiegel (before-verb) || Spiegel named;"},
		{"before-verb: Die CDU, in capitals, stays a name",
			de + "Die CDU sagte: „Die Fähre kommt nicht.“",
			"Die Fähre kommt nicht.=CDU (before-verb) || CDU named;"},
	}
	checkSpeakerRows(t, cases)
}
