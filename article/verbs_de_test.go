package article

import (
	"slices"
	"strings"
	"testing"
)

// TestGermanVerbForms checks the forms germanVerbForms makes from the principal parts of
// speechVerbTableDe: weak verbs with and without the linking "e", inseparable prefixes and -ieren
// (no "ge-"), verbs in -ern, strong verbs, and separable verbs, joined and split.
func TestGermanVerbForms(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ entry, joined, split string }{
		{"sagen", "sagt sagen sagte sagten sage gesagt", ""},
		{"antworten", "antwortet antworten antwortete antworteten antworte geantwortet", ""},
		{"bezeichnen", "bezeichnet bezeichnen bezeichnete bezeichneten bezeichne bezeichnet", ""},
		{"ermahnen", "ermahnt ermahnen ermahnte ermahnten ermahne ermahnt", ""},
		{"kritisieren", "kritisiert kritisieren kritisierte kritisierten kritisiere kritisiert", ""},
		{"äußern", "äußert äußern äußerte äußerten äußere geäußert", ""},
		{"twittern", "twittert twittern twitterte twitterten twittere getwittert", ""},
		{"sprechen spricht sprach gesprochen", "spricht sprechen sprach sprachen spreche gesprochen", ""},
		{"nennen nennt nannte genannt", "nennt nennen nannte nannten nenne genannt", ""},
		{"bitten bittet bat gebeten", "bittet bitten bat baten gebeten", ""}, // "bitte" is "please"
		{"mit|teilen", "mitteilt mitteilen mitteilte mitteilten mitteile mitgeteilt", "teilt teilen teilte teilten teile"},
		{"bekannt|geben gibt gab gegeben", "bekanntgibt bekanntgeben bekanntgab bekanntgaben bekanntgebe bekanntgegeben", "gibt geben gab gaben"},
		{"ein|wenden wendet wandte gewandt", "einwendet einwenden einwandte einwandten einwende eingewandt", "wendet wenden wandte wandten wende"},
	} {
		v := germanVerbForms(c.entry)
		if got := strings.Join(v.joined, " "); got != c.joined {
			t.Errorf("%s: joined %q, want %q", c.entry, got, c.joined)
		}
		if got := strings.Join(v.split, " "); got != c.split {
			t.Errorf("%s: split %q, want %q", c.entry, got, c.split)
		}
	}
}

// TestGermanVerbLexicons checks that the forms of the table reach the lexicons: every joined form
// is a German speech verb, every Konjunktiv I of its own a weak one, and every split form of a
// separable verb leads separableCues to its particle.
func TestGermanVerbLexicons(t *testing.T) {
	t.Parallel()
	for _, e := range speechVerbTableDe {
		v := germanVerbForms(e)
		for _, w := range v.joined {
			if !speechVerbs.has(w) || !germanVerbs.has(w) {
				t.Errorf("%s: %q is not a German speech verb", e, w)
			}
		}
		if v.subj != "" && !weakVerbs.has(v.subj) {
			t.Errorf("%s: Konjunktiv I %q is not a weak verb", e, v.subj)
		}
		for _, w := range v.split {
			if !slices.Contains(separableCues[w], v.particle) {
				t.Errorf("%s: separableCues[%q] lacks %q", e, w, v.particle)
			}
		}
	}
	for w := range ambiguousFormsDe {
		if speechVerbs.has(w) {
			t.Errorf("the ambiguous form %q is a speech verb", w)
		}
	}
}

// TestSieveGermanVerbForms are sentences written for this test, each with a form of a speech verb
// that speechVerbTableDe makes by the grammar: the Präteritum and the plural, the Perfekt after the
// quotation, the Konjunktiv I, the joined forms of separable verbs in a clause of "wie" and the
// split ones in a main clause, a reflexive and a passive cue, and the quotation marks German news
// uses.
func TestSieveGermanVerbForms(t *testing.T) {
	t.Parallel()
	cases := []sieveCase{
		{"Präteritum of a strong verb after the quotation", "„Wir prüfen den Fall“, bestritt Becker.", "Wir prüfen den Fall=Tom Becker/direct@after-verb-name"},
		{"Präteritum plural of a strong verb", "„Wir prüfen den Fall“, versprachen die Sprecher.", "Wir prüfen den Fall=Sprecher/direct@after-verb-name"},
		{"Präteritum plural of a weak verb", "„Wir prüfen den Fall“, rügten die Richter.", "Wir prüfen den Fall=Richter/direct@after-verb-name"},
		{"Präteritum before its subject and a colon", "Am Montag bestritt Tom Becker in Berlin: „Wir prüfen den Fall.“", "Wir prüfen den Fall.=Tom Becker/direct@before-verb-name"},
		{"weak verb before its subject and a colon", "Am Montag erwähnte die Senatorin in Berlin: „Wir prüfen den Fall.“", "Wir prüfen den Fall.=Senatorin/direct@before-verb-name"},
		{"a verb of complaint before its subject", "Am Montag klagte die Senatorin: „Wir prüfen den Fall.“", "Wir prüfen den Fall.=Senatorin/direct@before-verb-name"},
		{"a verb of judgement, its object and so before the colon", "Am Montag beurteilte die Senatorin die Lage so: „Wir prüfen den Fall.“", "Wir prüfen den Fall.=Senatorin/direct@before-verb-name"},
		{"Perfekt after the quotation, joined participle of a separable verb", "„Wir prüfen den Fall“, hat Tom Becker hervorgehoben.", "Wir prüfen den Fall=Tom Becker/direct@after-verb-name"},
		{"Plusquamperfekt after the quotation", "„Wir prüfen den Fall“, hatte Tom Becker eingeräumt.", "Wir prüfen den Fall=Tom Becker/direct@after-verb-name"},
		{"Perfekt before the quotation, participle of a separable verb", "Die Senatorin Anna Schmidt hat gegenüber Journalisten hervorgehoben: „Wir prüfen den Fall.“", "Wir prüfen den Fall.=Anna Schmidt/direct@before-verb"},
		{"Konjunktiv I right before the quotation", "Anna Schmidt warne: „Wir prüfen den Fall.“", "Wir prüfen den Fall.=Anna Schmidt/direct@before-verb"},
		{"Konjunktiv I after the quotation", "„Wir prüfen den Fall“, kritisiere Tom Becker.", "Wir prüfen den Fall=Tom Becker/direct@after-verb-name"},
		{"Konjunktiv I far from the quotation, a reflexive that reports no speech: the source phrase names", "Der Plan rechtfertige sich nach Meinung von Tom Becker durch die Gefahr für Menschen, die von einem „verhaltensauffälligen Tier“ ausgehe.", "verhaltensauffälligen Tier=Tom Becker/partial@according-to"},
		{"a joined separable verb closes a clause of wie", "Wie Tom Becker zugab, ist der Plan „nicht der beste Vorschlag“.", "nicht der beste Vorschlag=Tom Becker/partial@before-verb"},
		{"a separable verb written apart at the end of a clause of wie (apartVerbDe)", "Wie die Polizei am Montag bekannt gab, ist der Plan „der beste Vorschlag“.", "der beste Vorschlag=Polizei/partial@before-verb"},
		{"its participle written apart, then the auxiliary", "Wie die Polizei am Montag bekannt gegeben hat, ist der Plan „der beste Vorschlag“.", "der beste Vorschlag=Polizei/partial@before-verb"},
		{"its participle written apart before the colon", "Die Polizei hat am Montag bekannt gegeben: „Wir prüfen den Fall.“", "Wir prüfen den Fall.=Polizei/direct@before-verb"},
		{"deutlich written apart in a clause of wie", "Wie der Senator deutlich machte, ist der Plan „der beste Vorschlag“.", "der beste Vorschlag=Senator/partial@before-verb"},
		{"a split separable verb after the quotation", "„Wir prüfen den Fall“, gab Tom Becker bekannt.", "Wir prüfen den Fall=Tom Becker/direct@after-verb-name"},
		{"a split separable verb before the quotation", "Tom Becker teilte am Montag mit: „Wir prüfen den Fall.“", "Wir prüfen den Fall.=Tom Becker/direct@before-verb"},
		{"a reflexive speech verb before its subject", "Dazu äußerte sich die Senatorin: „Wir prüfen den Fall.“", "Wir prüfen den Fall.=Senatorin/direct@before-verb-name"},
		{"a passive of quoting after the quotation", "„Wir prüfen den Fall“, wurde Tom Becker zitiert.", "Wir prüfen den Fall=Tom Becker/direct@after-verb-name"},
		{"a name with a preposition inside (innerPrepositionNameDe)", "Reporter ohne Grenzen erklärte: „Wir prüfen den Fall.“", "Wir prüfen den Fall.=Reporter ohne Grenzen/direct@before-verb"},
		{"a name with a preposition inside, after a kind of organisation", "Die Organisation Reporter ohne Grenzen erklärte: „Wir prüfen den Fall.“", "Wir prüfen den Fall.=Reporter ohne Grenzen/direct@before-verb"},
		{"»…« marks", "»Wir prüfen den Fall«, sagte Becker.", "Wir prüfen den Fall=Tom Becker/direct@after-verb-name"},
		{"«…» marks", "Becker sagte: «Wir prüfen den Fall.»", "Wir prüfen den Fall.=Tom Becker/direct@before-verb"},
		{"‚…‘ marks", "‚Wir prüfen den Fall‘, sagte Becker.", "Wir prüfen den Fall=Tom Becker/direct@after-verb-name"},
		{"straight marks", "\"Wir prüfen den Fall\", sagte Becker.", "Wir prüfen den Fall=Tom Becker/direct@after-verb-name"},
	}
	checkSieve(t, deIntro, cases)
}
