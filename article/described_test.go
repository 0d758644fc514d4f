package article

import (
	"fmt"
	"strings"
	"testing"
)

// ferryLeadEn and ferryLeadDe open the test articles of described speakers and their holders: a
// headline and a paragraph that quotes nobody.
const (
	ferryLeadEn = "Headline\n\nThe ferry plan was set out on Monday.\n\n"
	ferryLeadDe = "Überschrift\n\nDie Stadt hat am Montag einen Plan für die Fähre vorgelegt. Der Plan sieht vor, dass die Fähre im Winter fährt.\n\n"
)

// describedSpeakers runs the quote engine on text and describes each quotation as
// "text=speakerId:label" and then each speaker as "id name (quotes) described|named", so that a
// row says which quotations share a speaker and whether the speaker is a description.
func describedSpeakers(text string) string {
	qs, sp := FindQuotes(splitParagraphs(text))
	var b strings.Builder
	for i, q := range qs {
		if i > 0 {
			b.WriteString(" | ")
		}
		fmt.Fprintf(&b, "%s=%s:%s/%s", q.Text, q.SpeakerID, q.Speaker, q.Confidence)
	}
	b.WriteString(" || ")
	for i, s := range sp {
		if i > 0 {
			b.WriteString("; ")
		}
		kind := "named"
		if s.Described {
			kind = "described"
		}
		fmt.Fprintf(&b, "%s %s (%d) %s", s.ID, s.Name, s.Quotes, kind)
	}
	return b.String()
}

// TestDescribedSpeakers: a description that names no one is the speaker, shown as its label
// (describedSpeaker); the same description is one speaker, whatever its article and case; a
// description the engine resolves to a person stays that person's; and the confidence is the
// rule's, as when the speaker was empty.
func TestDescribedSpeakers(t *testing.T) {
	t.Parallel()
	const en, de = ferryLeadEn, ferryLeadDe
	cases := []struct{ name, in, want string }{
		{"English: the spokesman said",
			en + "“The ferry will run,” the spokesman said.",
			"The ferry will run,=s1:The spokesman/high || s1 The spokesman (1) described"},
		{"English: two quotations of the spokesman share one speaker, whatever its article",
			en + "“The ferry will run,” the spokesman said.\n\n“It will be late,” a spokesman added.\n\n“Never,” the spokesman insisted.",
			"The ferry will run,=s1:The spokesman/high | It will be late,=s1:The spokesman/high | Never,=s1:The spokesman/high || s1 The spokesman (3) described"},
		{"English: a relative pronoun whose antecedent is a description is that description",
			en + "Smith met the ferry’s captain, who said the boat was “too old to sail.”",
			"too old to sail.=s1:The ferry’s captain/low || s1 The ferry’s captain (1) described"},
		{"English: a relative pronoun after a description in apposition is the person named before it",
			en + "Smith met Tom Baker, the ferry’s captain, who said the boat was “too old to sail.”",
			"too old to sail.=s1:Tom Baker/medium || s1 Tom Baker (1) named"},
		{"English: the union said:",
			en + "The union said: “Nothing is decided.”",
			"Nothing is decided.=s1:The union/high || s1 The union (1) described"},
		{"English: a description and a named person are two speakers, numbered in order",
			en + "“The ferry will run,” the spokesman said.\n\n“It will not,” said Tom Baker, the mayor.",
			"The ferry will run,=s1:The spokesman/high | It will not,=s2:Tom Baker/high || s1 The spokesman (1) described; s2 Tom Baker (1) named"},
		{"English: a description with a name in apposition is that person",
			en + "“The ferry will run,” said the ferry’s captain, Tom Baker.\n\n“It will be late,” Baker added.",
			"The ferry will run,=s1:Tom Baker/high | It will be late,=s1:Tom Baker/high || s1 Tom Baker (2) named"},
		{"English: a description later named in full stays a description of its own",
			en + "“The ferry will run,” the spokesman said.\n\nThe spokesman, Tom Baker, spoke for an hour. “It will be late,” Baker said.",
			"The ferry will run,=s1:The spokesman/high | It will be late,=s2:Tom Baker/high || s1 The spokesman (1) described; s2 Tom Baker (1) named"},
		{"English: a pronoun that resolves to nobody gives no speaker",
			en + "“The ferry will run,” they said.",
			"The ferry will run,=:/low || "},
		{"English: another is no label",
			en + "“The ferry will run,” one said.\n\n“It will not,” another said.",
			"The ferry will run,=:/high | It will not,=:/high || "},
		{"German: der Sprecher, laut dem Sprecher and dem Sprecher zufolge are one speaker, in the nominative",
			de + "„Nichts ist entschieden“, sagte der Sprecher.\n\nLaut dem Sprecher „wird die Fähre im Mai kommen“.\n\nDem Sprecher zufolge „ist die Sache klar“.",
			"Nichts ist entschieden=s1:Sprecher/high | wird die Fähre im Mai kommen=s1:Sprecher/medium | ist die Sache klar=s1:Sprecher/medium || s1 Sprecher (3) described"},
		{"German: laut dem Sprecher alone, no dative in the label",
			de + "Laut dem Sprecher „wird die Fähre im Mai kommen“.",
			"wird die Fähre im Mai kommen=s1:Sprecher/medium || s1 Sprecher (1) described"},
		{"German: dem Sprecher zufolge alone",
			de + "Dem Sprecher zufolge „ist die Sache klar“.",
			"ist die Sache klar=s1:Sprecher/medium || s1 Sprecher (1) described"},
		{"German: laut der Sprecherin, a feminine dative",
			de + "Laut der Sprecherin „wird die Fähre im Mai kommen“.",
			"wird die Fähre im Mai kommen=s1:Sprecherin/medium || s1 Sprecherin (1) described"},
		{"German: laut dem Sprecher des Ministeriums keeps the genitive",
			de + "Laut dem Sprecher des Ministeriums „wird die Fähre im Mai kommen“.",
			"wird die Fähre im Mai kommen=s1:Sprecher des Ministeriums/medium || s1 Sprecher des Ministeriums (1) described"},
		{"German: laut dem neuen Sprecher drops the adjective whose case shows",
			de + "Laut dem neuen Sprecher „wird die Fähre im Mai kommen“.",
			"wird die Fähre im Mai kommen=s1:Sprecher/medium || s1 Sprecher (1) described"},
		{"German: Die Gewerkschaft sagte, an institution's common noun, is described (before-verb, describedSubjectDe)",
			de + "Die Gewerkschaft sagte: „Wir streiken.“",
			"Wir streiken.=s1:Gewerkschaft/high || s1 Gewerkschaft (1) described"},
		{"German: a provision is no speaker",
			de + "Nach Artikel 12 der Satzung wählt der Rat „einen Vorsitzenden auf vier Jahre“.",
			"einen Vorsitzenden auf vier Jahre=:/medium || "},
		{"German: an office the article's named person holds is that person, as before",
			"Überschrift\n\nBundespräsident Horst Köhler besuchte am Montag die Stadt. Er sprach dort lange.\n\n„Die Stadt ist schön“, sagte der Bundespräsident.",
			"Die Stadt ist schön=s1:Horst Köhler/high || s1 Horst Köhler (1) named"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			if got := describedSpeakers(c.in); got != c.want {
				t.Fatalf("got  %s\nwant %s", got, c.want)
			}
		})
	}
}

// TestDescribedLabels: a described speaker's label is the description a reader would accept as
// the speaker, found by grammar: a clause after the head is cut off (postmodifierStartEn), the
// occasion of a speech is nobody (eventNounDe), and a dative object after a German speech verb
// leaves the speaker to the subject after it (pastObjectDe, which afterVerb steps past). Each row says which rule
// linked the quotation and which speaker it gave.
func TestDescribedLabels(t *testing.T) {
	t.Parallel()
	const en, de = ferryLeadEn, ferryLeadDe
	cases := []struct{ name, in, want string }{
		{"a participle clause after the head: a court document filed",
			en + "“The ferry will run,” according to a court document filed on Monday.",
			"The ferry will run,=A court document (according-to) || A court document described;"},
		{"an adjective with its phrase after the head: one resident familiar with the plan",
			en + "“The ferry will run,” said one resident familiar with the plan.",
			"The ferry will run,=One resident (after-verb-name) || One resident described;"},
		{"a verb after the head: a reporter can be heard",
			en + "“The ferry will run,” a reporter can be heard saying.",
			"The ferry will run,=A reporter (after-name-verb) || A reporter described;"},
		{"a clause with its own subject after the head: a speech Mayor Ross delivered",
			en + "“The ferry will run,” read a speech Mayor Ross delivered on Monday.",
			"The ferry will run,=A speech (after-verb-name) || A speech described;"},
		{"one capitalised word before the clause is the head: one well-connected Democrat familiar",
			en + "“The ferry will run,” said one well-connected Democrat familiar with the plan.",
			"The ferry will run,=One well-connected Democrat (after-verb-name) || One well-connected Democrat described;"},
		{"a possessive pronoun stays a label, never a name",
			en + "Tom Baker spoke on Monday. “The ferry will run,” his spokesman said.",
			"The ferry will run,=His spokesman (after-name-verb) || His spokesman described;"},
		{"German: the occasion of a speech is nobody: hieß es in der Rede",
			de + "„Die Fähre kommt“, hieß es in der Rede.",
			"Die Fähre kommt= (it-says) ||"},
		{"German: im Interview is no speaker",
			de + "„Die Fähre kommt“, sagte er im Interview.",
			"Die Fähre kommt= (after-verb-name) ||"},
		{"German: a dative object before the subject: sagte der Zeitung ein Sprecher",
			de + "„Die Fähre kommt“, sagte der Zeitung ein Sprecher.",
			"Die Fähre kommt=Sprecher (after-verb-name) || Sprecher described;"},
		{"German: dem Sender der Bürgermeister",
			de + "„Die Fähre kommt“, sagte dem Sender der Bürgermeister.",
			"Die Fähre kommt=Bürgermeister (after-verb-name) || Bürgermeister described;"},
		{"German: a genitive after the head stays: der Sprecher der Zeitung",
			de + "„Die Fähre kommt“, sagte der Sprecher der Zeitung.",
			"Die Fähre kommt=Sprecher der Zeitung (after-verb-name) || Sprecher der Zeitung described;"},
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
