package article

import "testing"

// TestPassiveBy: the agent of a passive speech verb said the words, before or after the quotation;
// the agent of "was quoted by" repeats them. With no agent, the subject of "was asked" or "were
// told" heard the words and nobody speaks them; the subject of "was quoted as saying" does.
func TestPassiveBy(t *testing.T) {
	t.Parallel()
	const q = "The ferry will run all winter"
	cases := []sieveCase{
		{"were told by, after", `“` + q + `,” reporters were told by Smith.`, q + ",=Jane Smith/direct@passive-by"},
		{"were told by, before", `Staff were told by Smith: “` + q + `.”`, q + ".=Jane Smith/direct@passive-by"},
		{"were told by, that", `Reporters were told by Smith that the ferry was “nearly ready.”`, "nearly ready.=Jane Smith/partial@passive-by"},
		{"was asked by, after", `“Will the ferry run?” Smith was asked by Baker.`, "Will the ferry run?=Tom Baker/direct@passive-by"},
		{"was quoted by, before: the quoted speaks", `Smith was quoted by the paper as saying, “` + q + `.”`, q + ".=Jane Smith/direct@before-subject"},
		{"was asked, no agent, after: the subject heard the question (agentlessPassive)", `“Will the ferry run all winter this year?” Baker was asked.`, "Will the ferry run all winter this year?=/direct@"},
		{"were told, no agent, after an adverb: nobody said it", `“` + q + `,” the crew were later told.`, q + ",=/direct@"},
		{"was asked, no agent: no quotation before or after gives its speaker (addresseeTag)", `“Will the ferry run all winter this year?” Baker was asked at the pier. “Yes,” Smith said.`, "Will the ferry run all winter this year?=/direct@ | Yes,=Jane Smith/direct@after-name-verb"},
		{"was asked, no agent, in a paragraph after a quotation: no carry-across (addresseeTag)", "“" + q + ",” Smith said.\n\n“Will the ferry run all winter this year?” Baker was asked.", q + ",=Jane Smith/direct@after-name-verb | Will the ferry run all winter this year?=/direct@"},
		{"was quoted as saying: the subject speaks", `“` + q + `,” Baker was quoted as saying.`, q + ",=Tom Baker/direct@after-name-verb"},
	}
	checkSieve(t, intro, cases)
}

// TestPassiveAuxAreAdverbs: rulePassiveBy reads a form of "be" only in a token with the adverbs'
// flag, so every word of passiveAux must be in adverbs.
func TestPassiveAuxAreAdverbs(t *testing.T) {
	t.Parallel()
	for w := range passiveAux {
		if !adverbs.has(w) {
			t.Errorf("passiveAux word %q is not in adverbs: rulePassiveBy would never read it", w)
		}
	}
}
