package article

import "testing"

// TestSpeechVerbForms is issue 14's word classes by grammar: each form of a speech verb, in each
// order, with each kind of source and each kind of quotation mark, in a sentence written for the
// test. The sentences are the project's own, not the corpus's.
func TestSpeechVerbForms(t *testing.T) {
	t.Parallel()
	const q = "The ferry will run all winter"
	cases := []sieveCase{
		// Every tense and form of the common verbs, after the quotation.
		{"says", `“` + q + `,” Smith says.`, q + ",=Jane Smith/direct@after-name-verb"},
		{"said", `“` + q + `,” Smith said.`, q + ",=Jane Smith/direct@after-name-verb"},
		{"has said", `“` + q + `,” Smith has said.`, q + ",=Jane Smith/direct@after-name-verb"},
		{"had said", `“` + q + `,” Smith had said.`, q + ",=Jane Smith/direct@after-name-verb"},
		{"would say", `“` + q + `,” Smith would say.`, q + ",=Jane Smith/direct@after-name-verb"},
		{"was saying", `“` + q + `,” Smith was saying.`, q + ",=Jane Smith/direct@after-name-verb"},
		{"told", `“` + q + `,” Smith told reporters.`, q + ",=Jane Smith/direct@after-name-verb"},
		{"tells", `“` + q + `,” Smith tells reporters.`, q + ",=Jane Smith/direct@after-name-verb"},
		{"adds", `“` + q + `,” Smith adds.`, q + ",=Jane Smith/direct@after-name-verb"},
		{"added", `“` + q + `,” Smith added.`, q + ",=Jane Smith/direct@after-name-verb"},
		{"wrote", `“` + q + `,” Smith wrote.`, q + ",=Jane Smith/direct@after-name-verb"},
		{"writes", `“` + q + `,” Smith writes.`, q + ",=Jane Smith/direct@after-name-verb"},
		{"has written", `“` + q + `,” Smith has written.`, q + ",=Jane Smith/direct@after-name-verb"},
		{"had written, before", `Smith had written years before, “` + q + `.”`, q + ".=Jane Smith/direct@before-verb"},
		{"tweeted", `“` + q + `,” Smith tweeted.`, q + ",=Jane Smith/direct@after-name-verb"},
		{"posted", `“` + q + `,” Smith posted.`, q + ",=Jane Smith/direct@after-name-verb"},
		{"posts, after only (weakVerbs)", `“` + q + `,” Smith posts.`, q + ",=Jane Smith/direct@after-name-verb"},
		{"in a statement", `“` + q + `,” Smith said in a statement.`, q + ",=Jane Smith/direct@after-name-verb"},
		{"wrote on Twitter", `“` + q + `,” Smith wrote on Twitter.`, q + ",=Jane Smith/direct@after-name-verb"},
		{"according to, after", `“` + q + `,” according to Smith.`, q + ",=Jane Smith/direct@according-to"},
		{"according to, before", `According to Smith, “` + q + `.”`, q + ".=Jane Smith/direct@according-to"},
		{"according to a source after a tag names the tag's speaker", `“` + q + `,” Smith said, according to CNN.`, q + ",=Jane Smith/direct@after-name-verb"},
		// Forms that completed a verb the lists held in part (speech-verbs-extra.txt).
		{"cries", `“` + q + `,” Smith cries.`, q + ",=Jane Smith/direct@after-name-verb"},
		{"recounts", `“` + q + `,” Smith recounts.`, q + ",=Jane Smith/direct@after-name-verb"},
		{"whispers", `“` + q + `,” Smith whispers.`, q + ",=Jane Smith/direct@after-name-verb"},
		{"offers", `“` + q + `,” Smith offers.`, q + ",=Jane Smith/direct@after-name-verb"},
		{"opines", `“` + q + `,” Smith opines.`, q + ",=Jane Smith/direct@after-name-verb"},
		{"mutters", `“` + q + `,” Smith mutters.`, q + ",=Jane Smith/direct@after-name-verb"},
		{"pleads", `“` + q + `,” Smith pleads.`, q + ",=Jane Smith/direct@after-name-verb"},
		{"sighs", `“` + q + `,” Smith sighs.`, q + ",=Jane Smith/direct@after-name-verb"},
		{"swears", `“` + q + `,” Smith swears.`, q + ",=Jane Smith/direct@after-name-verb"},
		{"snaps", `“` + q + `,” Smith snaps.`, q + ",=Jane Smith/direct@after-name-verb"},
		{"repeats", `“` + q + `,” Smith repeats.`, q + ",=Jane Smith/direct@after-name-verb"},
		{"muses", `“` + q + `,” Smith muses.`, q + ",=Jane Smith/direct@after-name-verb"},
		{"scoffs", `“` + q + `,” Smith scoffs.`, q + ",=Jane Smith/direct@after-name-verb"},
		{"accepts", `“` + q + `,” Smith accepts.`, q + ",=Jane Smith/direct@after-name-verb"},
		{"emphasised (British)", `“` + q + `,” Smith emphasised.`, q + ",=Jane Smith/direct@after-name-verb"},
		{"criticised (British)", `“` + q + `,” Smith criticised.`, q + ",=Jane Smith/direct@after-name-verb"},
		{"was swearing, before", `Smith was swearing, “` + q + `.”`, q + ".=Jane Smith/direct@before-verb"},
		{"was pleading, before", `Smith was pleading: “` + q + `.”`, q + ".=Jane Smith/direct@before-verb"},
		{"kept repeating, before", `Smith kept repeating, “` + q + `.”`, q + ".=Jane Smith/direct@before-subject"},
		{"by quoting, before", `Smith ended by quoting a poet: “` + q + `.”`, q + ".=Jane Smith/direct@before-subject"},
		// A speech verb's form after an article or a possessive is a noun or an adjective.
		{"a written statement is no verb", `Smith told the paper in a written statement, “` + q + `.”`, q + ".=Jane Smith/partial@before-verb"},
		// Before the quotation.
		{"wrote:", `Smith wrote: “` + q + `.”`, q + ".=Jane Smith/direct@before-verb"},
		{"tweeted:", `Smith tweeted: “` + q + `.”`, q + ".=Jane Smith/direct@before-verb"},
		{"posted:", `Smith posted: “` + q + `.”`, q + ".=Jane Smith/direct@before-verb"},
		{"told reporters:", `Smith told reporters: “` + q + `.”`, q + ".=Jane Smith/direct@before-verb"},
		{"tells reporters:", `Smith tells reporters: “` + q + `.”`, q + ".=Jane Smith/direct@before-verb"},
		{"has said:", `Smith has said: “` + q + `.”`, q + ".=Jane Smith/direct@before-verb"},
		{"in a statement, said:", `In a statement, Smith said: “` + q + `.”`, q + ".=Jane Smith/direct@before-verb"},
		// Passives.
		{"was quoted as saying, before", `Smith was quoted as saying, “` + q + `.”`, q + ".=Jane Smith/direct@before-subject"},
		{"was quoted as saying, after", `“` + q + `,” Smith was quoted as saying.`, q + ",=Jane Smith/direct@after-name-verb"},
		{"was quoted by a paper names the quoted", `Smith was quoted by the paper as saying, “` + q + `.”`, q + ".=Jane Smith/direct@before-subject"},
		// Inverted order.
		{"said Smith", `“` + q + `,” said Smith.`, q + ",=Jane Smith/direct@after-verb-name"},
		{"says Smith", `“` + q + `,” says Smith.`, q + ",=Jane Smith/direct@after-verb-name"},
		{"added Smith", `“` + q + `,” added Smith.`, q + ",=Jane Smith/direct@after-verb-name"},
		{"adds Smith", `“` + q + `,” adds Smith.`, q + ",=Jane Smith/direct@after-verb-name"},
		{"wrote Smith", `“` + q + `,” wrote Smith.`, q + ",=Jane Smith/direct@after-verb-name"},
		{"tweeted Smith", `“` + q + `,” tweeted Smith.`, q + ",=Jane Smith/direct@after-verb-name"},
		// Quotation marks.
		{"straight double marks", `"` + q + `," Smith said.`, q + ",=Jane Smith/direct@after-name-verb"},
		{"double apostrophes", `''` + q + `,'' Smith said.`, q + ",=Jane Smith/direct@after-name-verb"},
		{"curly single marks", `‘` + q + `,’ Smith said.`, q + ",=Jane Smith/direct@after-name-verb"},
		{"straight single marks", `'` + q + `,' Smith said.`, q + ",=Jane Smith/direct@after-name-verb"},
	}
	checkSieve(t, intro, cases)
}

// TestDescriptiveSources: a title or a description speaks when nobody's name is given, in either
// order; the mention is the description, and the description is the speaker's label (describedSpeaker).
func TestDescriptiveSources(t *testing.T) {
	t.Parallel()
	const q = "The ferry will run all winter"
	cases := []sieveCase{
		{"the president said", `“` + q + `,” the president said.`, q + ",=The president (the president)@after-name-verb"},
		{"said the president", `“` + q + `,” said the president.`, q + ",=The president (the president)@after-verb-name"},
		{"the union said", `“` + q + `,” the union said.`, q + ",=The union (the union)@after-name-verb"},
		{"said the union", `“` + q + `,” said the union.`, q + ",=The union (the union)@after-verb-name"},
		{"added the spokesman", `“` + q + `,” added the spokesman.`, q + ",=The spokesman (the spokesman)@after-verb-name"},
		{"a spokeswoman for X said", `“` + q + `,” a spokeswoman for the port said.`, q + ",=A spokeswoman (a spokeswoman)@after-name-verb"},
		{"added a spokeswoman for X", `“` + q + `,” added a spokeswoman for the port.`, q + ",=A spokeswoman (a spokeswoman)@after-verb-name"},
		{"a spokeswoman for X said:", `A spokeswoman for the port said: “` + q + `.”`, q + ".=A spokeswoman (A spokeswoman)@before-verb"},
	}
	checkMention(t, "Headline\n\nThe port opened in May.\n\n", cases)
}
