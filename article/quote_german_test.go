package article

import (
	"strings"
	"testing"
)

// germanNews is written for this test in the style of German news: „…“ quotations, ‚…‘ inside
// them, »…« in a book quotation, and German speech verbs before and after the quotation.
const germanNews = `Merkel: „Wir schaffen das“

Bundeskanzlerin Angela Merkel hat am Montag in Berlin ihre Flüchtlingspolitik verteidigt.

„Wir schaffen das“, sagte Merkel vor der Presse. „Deutschland ist ein starkes Land.“

Der Innenminister Thomas de Maizière betonte: „Die Lage ist ernst, aber beherrschbar.“

„Wir brauchen eine europäische Lösung“, erklärte de Maizière. „Allein geht es nicht.“

Die Opposition sprach von einem ‚Kontrollverlust‘. „Das ist ein Versagen der Regierung“, so Grünen-Chefin Simone Peter.

„Niemand hat die Absicht, eine Mauer zu errichten“, zitierte der Historiker Klaus Weber aus dem Buch »Die Mauer«.

Der Sprecher der Regierung, Steffen Seibert, fügte hinzu: „Wir stehen zu unseren Zusagen.“

„Es gibt keine Obergrenze für das Grundrecht auf Asyl“, sagte Merkel später.`

func TestGermanQuotes(t *testing.T) {
	t.Parallel()
	qs, _ := FindQuotes(splitParagraphs(germanNews))
	want := []struct{ text, speaker string }{
		{"Wir schaffen das", "Angela Merkel"},
		{"Wir schaffen das", "Angela Merkel"},
		{"Deutschland ist ein starkes Land.", "Angela Merkel"},
		{"Die Lage ist ernst, aber beherrschbar.", "Thomas de Maizière"},
		{"Wir brauchen eine europäische Lösung", "Thomas de Maizière"},
		{"Allein geht es nicht.", "Thomas de Maizière"},
		{"Kontrollverlust", ""},
		{"Das ist ein Versagen der Regierung", "Simone Peter"},
		{"Niemand hat die Absicht, eine Mauer zu errichten", "Klaus Weber"},
		{"Die Mauer", ""},
		{"Wir stehen zu unseren Zusagen.", "Steffen Seibert"},
		{"Es gibt keine Obergrenze für das Grundrecht auf Asyl", "Angela Merkel"},
	}
	var got []string
	for _, q := range qs {
		got = append(got, q.Text+"="+q.Speaker)
	}
	var exp []string
	for _, w := range want {
		exp = append(exp, w.text+"="+w.speaker)
	}
	if g, w := strings.Join(got, "\n"), strings.Join(exp, "\n"); g != w {
		t.Fatalf("quotes:\n%s\nwant:\n%s", g, w)
	}
}

// germanSpans is German news written for this test, with the text of every quotation in order:
// „…“ with straight and curly closing marks, ‚…‘ inside „…“, »…« and «…», apostrophes (gibt’s,
// Hans’ Haus, geht's), a quotation over two paragraphs, and numbers with periods.
var germanSpans = struct {
	text string
	want []string
}{
	text: `Regierung verteidigt „Kurs der Mitte“

Am 3. Oktober sagte Bundespräsident Frank-Walter Steinmeier in Mainz: „Die Einheit ist ein Geschenk. Wir müssen sie jeden Tag neu gestalten.“

„Es gibt’s nicht umsonst“, fügte er hinzu. Hans’ Rede sei ‚bemerkenswert‘ gewesen, hieß es im Umfeld.

Die Opposition nannte die Rede „inhaltsleer", ihr Fraktionschef Markus Lenz sprach von einem »Ablenkungsmanöver«.

„Wir haben bei der Regierung nachgefragt, aber wie geht's weiter?“, fragte Lenz. „Niemand weiß es.

„Auch der Kanzler nicht“, ergänzte er.

In der Schweiz schrieb die Zeitung «Der Bund», die Debatte sei «überfällig».

Der Sprecher erklärte, man habe „alle Hinweise ernst genommen“ und werde „in den kommenden Wochen“ berichten.

„Das ist doch ‚Unsinn‘“, rief ein Zuhörer. Ministerin Anna Berg (SPD) betonte: „Wir bleiben dabei.“

Laut Berg sind „weitere Gespräche“ geplant. „Am Ende entscheidet das Parlament“, sagte sie am Dienstag.`,
	want: []string{
		"Kurs der Mitte",
		"Die Einheit ist ein Geschenk. Wir müssen sie jeden Tag neu gestalten.",
		"Es gibt’s nicht umsonst",
		"bemerkenswert",
		"inhaltsleer",
		"Ablenkungsmanöver",
		"Wir haben bei der Regierung nachgefragt, aber wie geht's weiter?",
		"Niemand weiß es.",
		"Auch der Kanzler nicht",
		"Der Bund",
		"überfällig",
		"alle Hinweise ernst genommen",
		"in den kommenden Wochen",
		"Das ist doch ‚Unsinn‘",
		"Wir bleiben dabei.",
		"weitere Gespräche",
		"Am Ende entscheidet das Parlament",
	},
}

// TestGermanSpans checks quotation detection in German news: every quotation found (the target is
// at least 98%), and every span found is one of them (at least 95%).
func TestGermanSpans(t *testing.T) {
	t.Parallel()
	qs, _ := FindQuotes(splitParagraphs(germanSpans.text))
	want := map[string]int{}
	for _, w := range germanSpans.want {
		want[w]++
	}
	found := 0
	for _, q := range qs {
		if want[q.Text] > 0 {
			want[q.Text]--
			found++
		} else {
			t.Errorf("span %q is not a quotation", q.Text)
		}
	}
	for w, n := range want {
		if n > 0 {
			t.Errorf("quotation %q not found", w)
		}
	}
	if got, want := found, len(germanSpans.want); got != want {
		t.Fatalf("found %d of %d quotations", got, want)
	}
	// Speakers for the German verbs: after (fragte, ergänzte, sagte), before (betonte:).
	speakers := map[string]string{}
	for _, q := range qs {
		speakers[q.Text] = q.Speaker
	}
	for text, who := range map[string]string{
		"Die Einheit ist ein Geschenk. Wir müssen sie jeden Tag neu gestalten.": "Frank-Walter Steinmeier",
		"Wir haben bei der Regierung nachgefragt, aber wie geht's weiter?":      "Markus Lenz",
		"Auch der Kanzler nicht":            "Markus Lenz",
		"Wir bleiben dabei.":                "Anna Berg",
		"Am Ende entscheidet das Parlament": "Anna Berg",
	} {
		if got := speakers[text]; got != who {
			t.Errorf("speaker of %q=%q, want %q", text, got, who)
		}
	}
}

func TestNominalAdjectiveDe(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		w    string
		want bool
	}{
		{"positives", true}, {"gutes", true}, {"wichtiges", true}, {"ähnliches", true}, {"konstruktives", true},
		{"hilfloses", true}, {"neues", true},
		{"ives", false}, {"charles", false}, {"conservatives", false}, {"closes", false}, {"jones", false},
		{"steinbrück", false}, {"wichtige", false},
	} {
		if got := isNominalAdjectiveDe(c.w); got != c.want {
			t.Errorf("isNominalAdjectiveDe(%q) = %v, want %v", c.w, got, c.want)
		}
	}
}

// TestNamedAsAntecedent checks the mention that named-as gives a quotation in a relative clause:
// the whole phrase the clause hangs on, its determiner, adjectives and genitive included.
func TestNamedAsAntecedent(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ in, mention string }{
		{"Der oberste geistliche Führer des Landes, der den Wahlsieg als „Fest“ bezeichnete, ordnete eine Untersuchung an.", "Der oberste geistliche Führer des Landes"},
		{"Der neue Sprecher der Stadt, der den Plan als „Fehler“ bezeichnete, trat zurück.", "Der neue Sprecher der Stadt"},
		{"Kritik kam vom Fahrgastverband IGEB, der die Maßnahme als „Kapitulation“ sieht.", "Fahrgastverband IGEB"},
	} {
		e := newEngine(new(scratch))
		e.scan(splitParagraphs(deIntro + c.in))
		e.setLang("")
		e.attribute()
		qs, _ := e.output()
		got := ""
		if len(qs) == 1 && qs[0].Mention != nil {
			got = qs[0].Mention.Text + " by " + e.segs[0].m.rule.String()
		}
		if want := c.mention + " by named-as"; got != want {
			t.Errorf("%s: got %q, want %q", c.in, got, want)
		}
	}
}

// TestGermanDisplayedSpeaker holds the speaker a reader sees for a German mention that a rule read
// as a name (resolveNameDe) or, after the verb, as a description: a description shows whole,
// without its article, and a name after a description shows alone, with the description for its
// role.
func TestGermanDisplayedSpeaker(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ text, speaker, role string }{
		// an office and what it is of: the whole phrase, not "der Regierung" or "von Tesla"
		{"Der Sprecher der Regierung sagte: „Wir prüfen den Fall genau.“", "Sprecher der Regierung", ""},
		{"Ein Sprecher von Tesla teilte mit: „Wir prüfen den Fall genau.“", "Sprecher von Tesla", ""},
		{"Der Verteidigungsminister Österreichs sagte: „Wir prüfen den Fall genau.“", "Verteidigungsminister Österreichs", ""},
		// a description without its article
		{"Der Geschäftsführer fragte: „Was spricht dagegen?“", "Geschäftsführer", ""},
		// a common noun for a person is a description's head, no surname: the description shows
		// whole, its adjectives as they are with no article (personNounPhraseDe)
		{"Der 58-jährige Mann sagte: „Ich habe nichts gesehen.“", "58-jähriger Mann", ""},
		{"Ein 58-jähriger Mann sagte: „Ich habe nichts gesehen.“", "58-jähriger Mann", ""},
		{"Das kleine Mädchen sagte: „Ich habe nichts gesehen.“", "kleines Mädchen", ""},
		{"Die jungen Polizisten sagten: „Wir haben nichts gesehen.“", "junge Polizisten", ""},
		{"Ein Augenzeuge berichtete, wie der alte Mann sagte: „Ich habe nichts gesehen.“", "alter Mann", ""},
		// but the surname of a person the article names in full
		{"Der Schriftsteller Thomas Mann kam. Der 58-jährige Mann sagte: „Ich habe nichts gesehen.“", "Thomas Mann", ""},
		// and the same after the verb, where a rule reads the description as one
		{"„Wir prüfen den Fall genau“, sagte ein Polizist.", "Polizist", ""},
		{"„Ich habe nichts gesehen“, sagte der 58-jährige Mann.", "58-jähriger Mann", ""},
		{"„Ich habe nichts gesehen“, sagte das kleine Mädchen.", "kleines Mädchen", ""},
		{"„Was spricht dagegen?“, fragte der Geschäftsführer.", "Geschäftsführer", ""},
		{"Der Schriftsteller Thomas Mann kam. „Ich habe nichts gesehen“, sagte der 58-jährige Mann.", "Thomas Mann", ""},
		// an office with the definite article: the person named last with that office or a
		// compound ending in it (resolveOfficeDe); with none, the description as it was
		{"Bundespräsident Horst Köhler kam nach Berlin. Der Bundespräsident sagte: „Wir prüfen den Fall genau.“", "Horst Köhler", "Bundespräsident"},
		{"Bundeskanzlerin Angela Merkel kam nach Berlin. Es regnete. „Wir prüfen den Fall genau“, betonte die Kanzlerin.", "Angela Merkel", "Bundeskanzlerin"},
		{"Der Bundesinnenminister Otto Schily kam. Der Minister erklärte: „Wir prüfen den Fall genau.“", "Otto Schily", "Bundesinnenminister"},
		{"Bundespräsident Horst Köhler kam nach Berlin. „Wir prüfen den Fall genau“, sagte der Bundespräsident.", "Horst Köhler", "Bundespräsident"},
		// a name after a description: the name, the description its role
		{"Die Archäologin Montserrat Sanz sagte: „Wir prüfen den Fall genau.“", "Montserrat Sanz", "Archäologin"},
		// a compound office or trade before a name is its role (roleSuffixes), not a word of it
		{"Projektkoordinatorin Anna Roth sagte: „Wir prüfen den Fall genau.“", "Anna Roth", "Projektkoordinatorin"},
		{"Tourmanager Tom Becker sagte: „Wir prüfen den Fall genau.“", "Tom Becker", "Tourmanager"},
		{"„Wir prüfen den Fall genau“, erklärte Innensenatorin Anna Roth.", "Anna Roth", "Innensenatorin"},
		{"„Wir prüfen den Fall genau“, so Finanzvorstand Tom Becker.", "Tom Becker", "Finanzvorstand"},
		{"SWR-Intendant Peter Boudgoust sagte: „Wir prüfen den Fall genau.“", "Peter Boudgoust", "SWR-Intendant"},
		{"„Wir prüfen den Fall genau“, sagte UN-Vertreter Toby Lanzer.", "Toby Lanzer", "UN-Vertreter"},
		{"Hamasführer Ismail Haniyya erklärte: „Wir prüfen den Fall genau.“", "Ismail Haniyya", "Hamasführer"},
		{"Linkspolitiker Wolfgang Nešković kam. Der Linkspolitiker sagte: „Wir prüfen den Fall genau.“", "Wolfgang Nešković", "Linkspolitiker"},
		{"Firmengründerin Anna Roth sagte: „Wir prüfen den Fall genau.“", "Anna Roth", "Firmengründerin"},
		// words before the name of a person the article named in full are a label, not words of
		// the name (namedTailDe); a longer name that ends with such a name stays whole
		{"Nina Hagen zieht nach Breitenfelde.\n\nPunklady Nina Hagen sagte: „Wir prüfen den Fall genau.“", "Nina Hagen", "Punklady"},
		{"Bon Jovi spielte in Berlin.\n\nJon Bon Jovi sagte: „Wir prüfen den Fall genau.“", "Jon Bon Jovi", ""},
		// a name after "die" whose adjectives take the weak "-en" is a plural's, shown as German
		// writes it with no article (pluralNameNominativeDe); a given name is no adjective
		{"Die Iranischen Revolutionsgarden erklärten: „Wir prüfen den Fall genau.“", "Iranische Revolutionsgarden", ""},
		{"„Wir prüfen den Fall genau“, erklärten die Vereinigten Staaten.", "Vereinigte Staaten", ""},
		{"Die Karen Miller sagte: „Wir prüfen den Fall genau.“", "Karen Miller", ""},
		// a noun before the genitive of a person the article names speaks (genitiveOfNamedDe)
		{"Tom Becker kam nach Berlin. Einige Anhänger Tom Beckers protestierten: „Wir sind empört.“", "Anhänger Tom Beckers", ""},
		// two names stay two
		{"Özcan Mutlu und Benedikt Lux erklärten: „Wir prüfen den Fall genau.“", "Özcan Mutlu und Benedikt Lux", ""},
		// a noun after a determiner and an adjective is no first name (attributeBeforeDe), an age
		// goes before a surname
		{"Am Mittwoch begann der Staatsbesuch des französischen Staatspräsidenten Nicolas Sarkozy in London. Am Nachmittag hielt Sarkozy eine Rede. Er sagte: „Wir arbeiten eng zusammen.“", "Nicolas Sarkozy", ""},
		{"Der 66-jährige Trapattoni sagte: „Ich habe fertig.“", "Trapattoni", ""},
		// an attribute before the surname of a person named in full, after the verb and before it
		// (attributedSurnameDe)
		{"Jennifer Lopez tritt auf. „Es ist eine Ehre“, schrieb die in New York City geborene Lopez.", "Jennifer Lopez", ""},
		{"Jennifer Lopez tritt auf. Die in New York City geborene Lopez schrieb: „Es ist eine Ehre.“", "Jennifer Lopez", ""},
		// nor after a present participle
		{"Der für Manchester United stürmende Nationalspieler Wayne Rooney gewann. Er sagte: „Ich bin froh.“", "Wayne Rooney", ""},
		// "zu" after a surname known from a full name says to whom, it is no name particle
		{"Nicolas Anelka wurde nach Hause geschickt. In der Pause soll Anelka zu Domenech gesagt haben: „Das ist mir egal.“", "Nicolas Anelka", ""},
		// a particle after a common noun opens a genitive or a phrase, no name (commonParticleDe):
		// the group named later is shown as it is, not as "Angaben der Aktivisten"
		{"Nach Angaben der Aktivisten waren die Daten offen. „Gar nicht mehr sicher?“, schrieben die Aktivisten.", "Aktivisten", ""},
		{"Ein Dementi der Stadtverwaltung kam prompt. „Wir prüfen den Fall genau“, erklärte die Stadtverwaltung.", "Stadtverwaltung", ""},
		{"Das Regelwerk der UEFA gilt seit Jahren. „Wir prüfen den Fall genau“, erklärte die UEFA.", "UEFA", ""},
		// but a particle between a person's names goes on the name
		{"Am Mittwoch kam Karl-Theodor zu Guttenberg nach Berlin. Er sagte: „Wir prüfen den Fall genau.“", "Karl-Theodor zu Guttenberg", ""},
		{"Am Mittwoch kam Richard von Weizsäcker nach Berlin. Er sagte: „Wir prüfen den Fall genau.“", "Richard von Weizsäcker", ""},
		// a first name, two particles and a surname are one name, before the verb and after it
		// (particlePair, germanSubjectBefore), the surname no common noun for its "der"
		// (commonWordsDe); and the surname later, with its particles or without, is that person's
		{"Ursula von der Leyen sagte: „Wir prüfen den Fall genau.“", "Ursula von der Leyen", ""},
		{"Die Ministerin Ursula von der Leyen sagte: „Wir prüfen den Fall genau.“", "Ursula von der Leyen", "Ministerin"},
		{"Walther von der Vogelweide schrieb: „Ich saß auf einem Stein.“", "Walther von der Vogelweide", ""},
		{"Rob van der Meer sagte: „Wir prüfen den Fall genau.“", "Rob van der Meer", ""},
		{"„Wir prüfen den Fall genau“, sagte Ursula von der Leyen.", "Ursula von der Leyen", ""},
		{"Ursula von der Leyen kam nach Berlin. Von der Leyen sagte: „Wir prüfen den Fall genau.“", "Ursula von der Leyen", ""},
		{"Ursula von der Leyen kam nach Berlin. „Wir prüfen den Fall genau“, sagte von der Leyen.", "Ursula von der Leyen", ""},
		{"Ursula von der Leyen kam nach Berlin. „Wir prüfen den Fall genau“, sagte Leyen.", "Ursula von der Leyen", ""},
		{"Ursula von der Leyen kam nach Berlin. Sie sagte: „Wir prüfen den Fall genau.“", "Ursula von der Leyen", ""},
		{"Bundesministerin Ursula von der Leyen kam nach Berlin. „Wir prüfen den Fall genau“, sagte die Bundesministerin.", "Ursula von der Leyen", "Bundesministerin"},
		{"Frank-Walter Steinmeier sagte: „Wir prüfen den Fall genau.“", "Frank-Walter Steinmeier", ""},
		// an office before the surname with its particles (resolveNameDe): the person named in full
		{"Ursula von der Leyen kam nach Berlin. Es regnete. Die Ministerin von der Leyen sagte: „Wir prüfen den Fall genau.“", "Ursula von der Leyen", "Ministerin"},
		{"Ursula von der Leyen kam nach Berlin. Es regnete. „Wir prüfen den Fall genau“, sagte Ministerin von der Leyen.", "Ursula von der Leyen", "Ministerin"},
		// a full name after a noun in the genitive is the speaker before the verb too (genitiveNameDe)
		// (the description is the role, in the nominative with no article: descriptionRoleDe)
		{"Der Leiter des Verwaltungsrats Hans Becker sagte: „Wir prüfen den Fall genau.“", "Hans Becker", "Leiter des Verwaltungsrats"},
		{"„Wir prüfen den Fall genau“, sagte der Leiter des Verwaltungsrats Hans Becker.", "Hans Becker", "Leiter des Verwaltungsrats"},
		// with inflected adjectives between the determiner and the office (determinerBeforeDe)
		{"Der stellvertretende Leiter des Verwaltungsrats Hans Becker sagte: „Wir prüfen den Fall genau.“", "Hans Becker", "stellvertretender Leiter des Verwaltungsrats"},
		{"Die neue Leiterin des Amts Petra Wolf sagte: „Wir prüfen den Fall genau.“", "Petra Wolf", "neue Leiterin des Amts"},
		// a description before a name in apposition is its role too, an adjective used as a noun
		// in the strong form ("der Vorsitzende" is "Vorsitzender")
		{"„Wir prüfen den Fall genau“, sagte der Vorsitzende des Obstbauverbandes, Elmar Kunze.", "Elmar Kunze", "Vorsitzender des Obstbauverbandes"},
		{"Der Vorsitzende des Obstbauverbandes, Elmar Kunze, sagte: „Wir prüfen den Fall genau.“", "Elmar Kunze", "Vorsitzender des Obstbauverbandes"},
		// a name, its comma and a description before the verb, the apposition's closing comma
		// left out: the name speaks (nameBeforeOpenAppositionDe); not one word, a place's maybe
		{"Tom Becker, ein Sprecher des Verbandes erklärte: „Wir prüfen den Fall genau.“", "Tom Becker", ""},
		{"Tom Becker, der stellvertretende Präsident des Verbandes sagte: „Wir prüfen den Fall genau.“", "Tom Becker", ""},
		{"Tom Becker, Präsident des Verbandes (DFB) nannte den Fall „ernst, aber beherrschbar“.", "Tom Becker", ""},
		{"Berlin, der Sprecher des Verbandes sagte: „Wir prüfen den Fall genau.“", "Sprecher des Verbandes", ""},
		// an office, then a name of three words that opens with a given name: all three, the office
		// the role (germanPhrase); without a given name, the last two ("der Regierungssprecher
		// Ulrich Wilhelm")
		{"„Wir prüfen den Fall genau“, sagte der US-Präsident George W. Bush.", "George W. Bush", "US-Präsident"},
		{"„Wir prüfen den Fall genau“, sagte der Gesundheitsminister Jose Gomes Temporao.", "Jose Gomes Temporao", "Gesundheitsminister"},
		{"„Wir prüfen den Fall genau“, sagte der Gesundheitsminister Kunze Gomes Temporao.", "Gomes Temporao", ""},
		// an office and what it is of, in the genitive, read as a name, then the holder's name
		// in apposition: the holder, the office the role (germanPhrase)
		{"„Wir prüfen den Fall genau“, sagte der Oberrabbiner Israels, Elmar Kunze.", "Elmar Kunze", "Oberrabbiner Israels"},
		{"„Wir prüfen den Fall genau“, sagte der oberste Rabbiner Israels, Elmar Kunze.", "Elmar Kunze", "oberster Rabbiner Israels"},
		{"Die Vorsitzende des Obstbauverbandes, Erna Kunze, sagte: „Wir prüfen den Fall genau.“", "Erna Kunze", "Vorsitzende des Obstbauverbandes"},
		{"Der neue Trainer der Mannschaft, Karl Brandt, sagte: „Wir prüfen den Fall genau.“", "Karl Brandt", "neuer Trainer der Mannschaft"},
		// and with a party aside after the name (appositiveBack)
		{"Die Vorsitzende des Obstbauverbandes, Erna Kunze (SPD), sagte: „Wir prüfen den Fall genau.“", "Erna Kunze", "Vorsitzende des Obstbauverbandes"},
		{"Der frühere Leiter und Sprecher des Amts, Karl Brandt (CDU), warnte: „Wir prüfen den Fall genau.“", "Karl Brandt", ""},
		// not in another case ("des", "dem", "-en"), nor from a genitive inside the description
		{"Wir dankten dem Vorsitzenden des Obstbauverbandes, Elmar Kunze. „Wir prüfen den Fall genau“, sagte Elmar Kunze.", "Elmar Kunze", ""},
		{"Der Brief stammt vom Chef der Obstbaufirma, Elmar Kunze. „Wir prüfen den Fall genau“, sagte Elmar Kunze.", "Elmar Kunze", ""},
		// a noun of words quoted before a genitive or "von" is what was said, the person after it
		// the speaker (quotedNounsDe): not "Worte Beckers" or "Zitat von Schmidt"; the person
		// named in full before, the noun no word of a name (personDe)
		{"Tom Becker kam nach Berlin. Die ersten Worte Beckers lauteten: „Wir prüfen den Fall genau.“", "Tom Becker", ""},
		{"Anna Schmidt kam nach Berlin. Zitat von Schmidt: „Wir prüfen den Fall genau.“", "Anna Schmidt", ""},
		// an office and the surname of a person named in full before are that person, no one
		// more of the surname (namedInFull), before the verb and after it
		{"Nach Meinung von Mike Brown ist der Fall ernst.\n\nProfessor Brown sagte: „Wir prüfen den Fall genau.“", "Mike Brown", ""},
		{"Nach Meinung von Mike Brown ist der Fall ernst.\n\n„Wir prüfen den Fall genau“, sagte Professor Brown.", "Mike Brown", ""},
		{"Mike Brown forscht in Pasadena.\n\nProfessor Brown hält Vorträge.\n\n„Wir prüfen den Fall genau“, sagte Brown.", "Mike Brown", ""},
		// a common noun before "von der" keeps the phrase after it no name
		{"Nach Angaben von der Polizei waren die Daten offen. „Wir prüfen den Fall genau“, erklärte die Polizei.", "Polizei", ""},
	} {
		qs, sps := FindQuotesLang(splitParagraphs("Titel\n\n"+tc.text), "de")
		if len(qs) != 1 || len(sps) != 1 {
			t.Errorf("%q: %d quotes, %d speakers, want 1 and 1", tc.text, len(qs), len(sps))
			continue
		}
		if qs[0].Speaker != tc.speaker || sps[0].Name != tc.speaker || sps[0].Role != tc.role {
			t.Errorf("%q: speaker %q, legend %q (%q), want %q (%q)", tc.text, qs[0].Speaker, sps[0].Name, sps[0].Role, tc.speaker, tc.role)
		}
	}
}

// TestGermanAfterVerbSpeaker holds the speaker a reader sees for a German description or
// organisation after the speech verb („…“, sagte X), with the rule that reads it: the same as the
// words show before the verb (TestGermanDisplayedSpeaker), an office with what it is of whole and
// without its article, an organisation without its article.
func TestGermanAfterVerbSpeaker(t *testing.T) {
	t.Parallel()
	const q = "„Wir prüfen den Fall genau“, "
	for _, tc := range []struct{ text, rule, mention, speaker string }{
		// a description with a genitive or "von" after its head (resolveNameDe, descriptionDe)
		{q + "sagte der Sprecher der Regierung.", "after-verb-name", "der Sprecher der Regierung", "Sprecher der Regierung"},
		{q + "teilte ein Sprecher des Ministeriums mit.", "after-verb-name", "ein Sprecher des Ministeriums", "Sprecher des Ministeriums"},
		{q + "sagte ein Sprecher von Tesla.", "after-verb-name", "ein Sprecher von Tesla", "Sprecher von Tesla"},
		// the label drops the article and gives the adjectives the ending they take without one
		// (labelWithoutArticleDe), as before the verb: masculine, neuter, feminine, plural
		{q + "sagte der stellvertretende Leiter der Behörde.", "after-verb-name", "der stellvertretende Leiter der Behörde", "stellvertretender Leiter der Behörde"},
		{q + "sagte das zuständige Amt der Stadt.", "after-verb-name", "das zuständige Amt der Stadt", "zuständiges Amt der Stadt"},
		{q + "sagte die neue Sprecherin der Fraktion.", "after-verb-name", "die neue Sprecherin der Fraktion", "neue Sprecherin der Fraktion"},
		{q + "sagten die neuen Sprecher der Fraktion.", "after-verb-name", "die neuen Sprecher der Fraktion", "neue Sprecher der Fraktion"},
		{q + "sagte der Vorsitzende der Fraktion.", "after-verb-name", "der Vorsitzende der Fraktion", "Vorsitzender der Fraktion"},
		{q + "so ein Sprecher der Polizei.", "after-verb-name", "Sprecher der Polizei", "Sprecher der Polizei"},
		// a name in apposition that ends the sentence is the speaker, as before the verb
		// ("Die Geschäftsführerin der Organisation, Manuela Roßbach, sagte")
		{q + "erklärte die Geschäftsführerin der Organisation, Manuela Roßbach.", "after-verb-name", "Manuela Roßbach", "Manuela Roßbach"},
		{q + "sagte der Sprecher der Staatsanwaltschaft in Köln, Peter Krause.", "after-verb-name", "Peter Krause", "Peter Krause"},
		// a name of two words that ends the phrase after a noun in the genitive is the speaker,
		// after "so" too (genitiveNameDe), the genitive noun no part of it; not after a noun for a
		// person ("-ers"), whose name it is, nor an adjective in "-scher" of an organisation's name
		{q + "so der Leiter des Verwaltungsrats Hans Becker.", "after-verb-name", "Hans Becker", "Hans Becker"},
		{q + "sagte der Leiter des Verwaltungsrats Hans Becker.", "after-verb-name", "Hans Becker", "Hans Becker"},
		{q + "sagte die Leiterin des Amts Petra Wolf.", "after-verb-name", "Petra Wolf", "Petra Wolf"},
		{q + "sagte der stellvertretende Leiter des Amts Hans Becker.", "after-verb-name", "Hans Becker", "Hans Becker"},
		{q + "sagte die Sprecherin des Politikers Karl Weber.", "after-verb-name", "die Sprecherin des Politikers Karl Weber", "Sprecherin des Politikers Karl Weber"},
		{q + "sagte der Präsident des Verbands Deutscher Gartenbauer.", "after-verb-name", "der Präsident des Verbands Deutscher Gartenbauer", "Präsident des Verbands Deutscher Gartenbauer"},
		{q + "sagte der Präsident des Vereins Eintracht Oberbach.", "after-verb-name", "der Präsident des Vereins Eintracht Oberbach", "Präsident des Vereins Eintracht Oberbach"},
		// one word after the comma may be anything: the description stays
		{q + "sagte der Chef der Firma, Krause.", "after-verb-name", "der Chef der Firma", "Chef der Firma"},
		// an office with a place in the genitive: the office stays in the mention (germanPhrase)
		{q + "sagte der Verteidigungsminister Österreichs.", "after-verb-name", "Verteidigungsminister Österreichs", "Verteidigungsminister Österreichs"},
		// but a surname of that shape that the article gave in full is the person's
		{"Der Politiker Lars Peters kam nach Berlin. " + q + "sagte der Minister Peters.", "after-verb-name", "Minister Peters", "Lars Peters"},
		{q + "sagte der Bundespräsident Köhler.", "after-verb-name", "Köhler", "Köhler"},
		// an organisation or an institution
		{q + "teilte die Polizei mit.", "after-verb-name", "die Polizei", "Polizei"},
		{q + "erklärte das Ministerium.", "after-verb-name", "das Ministerium", "Ministerium"},
		{q + "begründet das Gericht seine Entscheidung.", "after-verb-name", "das Gericht", "Gericht"},
		{q + "so die Staatsanwaltschaft.", "after-verb-name", "Staatsanwaltschaft", "Staatsanwaltschaft"},
		{q + "teilte die Staatsanwaltschaft Köln mit.", "after-verb-name", "Staatsanwaltschaft Köln", "Staatsanwaltschaft Köln"},
		// an office alone with nobody named by it shows as the office (resolveOfficeDe finds
		// nobody, officePhraseDe), as "Der Geschäftsführer sagte" does, adjectives in the form
		// they take with no article
		{q + "sagte der Sprecher.", "after-verb-name", "der Sprecher", "Sprecher"},
		{q + "sagte der erfahrene Ermittler.", "after-verb-name", "der erfahrene Ermittler", "erfahrener Ermittler"},
		{q + "sagte ein Regierungssprecher.", "after-verb-name", "ein Regierungssprecher", "Regierungssprecher"},
	} {
		qs, _ := FindQuotesLang(splitParagraphs("Titel\n\n"+tc.text), "de")
		if len(qs) != 1 || qs[0].Mention == nil {
			t.Errorf("%q: %d quotes, want 1 with a mention", tc.text, len(qs))
			continue
		}
		if got := qs[0]; got.Rule != tc.rule || got.Mention.Text != tc.mention || got.Speaker != tc.speaker {
			t.Errorf("%q: %q (%q) by %s, want %q (%q) by %s", tc.text, got.Speaker, got.Mention.Text, got.Rule, tc.speaker, tc.mention, tc.rule)
		}
	}
}

// TestGermanPronounPerson holds that German "er" and "sie" stand for a person (resolvePronoun,
// pronounTarget): not for a paper that "laut" named as a source, nor "er" for the many that a verb
// in the plural spoke for; with no person before them they name nobody.
func TestGermanPronounPerson(t *testing.T) {
	t.Parallel()
	const last = "„ein Anliegen, an der Klärung mitzuwirken“."
	for _, tc := range []struct{ text, speaker string }{
		{"Der Minister Peter Krause trat zurück. Laut Süddeutscher Zeitung habe er „mit Absicht getäuscht“. Er hatte aber auch gesagt, es sei ihm " + last, "Peter Krause"},
		{"Die Ministerin Anna Krause trat zurück. Laut Süddeutscher Zeitung habe sie „mit Absicht getäuscht“. Sie hatte aber auch gesagt, es sei ihr " + last, "Anna Krause"},
		{"Der Minister Peter Krause trat zurück. Von „absichtlicher Täuschung“ sprechen Medienberichte heute. Er hatte aber auch gesagt, es sei ihm " + last, "Peter Krause"},
		{"Laut Süddeutscher Zeitung habe der Minister „mit Absicht getäuscht“. Er hatte aber auch gesagt, es sei ihm " + last, ""},
	} {
		qs, _ := FindQuotesLang(splitParagraphs("Titel\n\n"+tc.text), "de")
		if len(qs) == 0 {
			t.Errorf("%q: no quotes", tc.text)
			continue
		}
		q := qs[len(qs)-1]
		if q.Mention == nil || q.Speaker != tc.speaker {
			t.Errorf("%q: last quote %q by %q (mention %v), want %q", tc.text, q.Text, q.Speaker, q.Mention, tc.speaker)
		}
	}
}

// TestGermanPronounNamedBefore holds that a German "er" that no person before it opened a
// sentence for or spoke as stands for the last person named before it in its sentence or the
// sentence before (namedBeforeDe), wherever the name stands; not for a name after a preposition,
// nor when a man described opens either sentence, nor for "sie".
func TestGermanPronounNamedBefore(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ name, text, speaker, rule string }{
		{"a genitive before the verb",
			"Die Fraktion boykottiert auf Anweisung ihres Vorsitzenden Peter Hauk das Projekt Abgeordnetenwatch. Er begründet dies damit, dass es „sehr fragwürdig“ sei.",
			"Peter Hauk", "before-verb"},
		{"a subject after its verb, past a place after a preposition",
			"Es ist nur eine Umbenennung, das meint Rick Homans vom Sekretariat in New Mexico. „Ein Name wie dieser ist ein Zeichen“, sagte er.",
			"Rick Homans", "after-verb-name"},
		{"so X",
			"Nach Einschätzung des Mafiajägers Salvatore Boemi wächst die Organisation. Die Zusammenarbeit bleibe zurück, so Boemi. „In 20 Jahren werden sie in Oslo sein“, sagte er.",
			"Salvatore Boemi", "after-verb-name"},
		{"an object after its verb",
			"Am Abend lobte die Mannschaft den Stürmer Thomas Krause. Er sagte: „Das war ein großes Spiel.“",
			"Thomas Krause", "before-verb"},
		{"a man described opens the sentence before",
			"Der Trainer lobte den Stürmer Thomas Krause. Er sagte: „Das war ein großes Spiel.“",
			"", "before-verb"},
		{"a man described after the verb",
			"Am Abend lobte der Trainer den Stürmer Thomas Krause. Er sagte: „Das war ein großes Spiel.“",
			"", "before-verb"},
		{"only a place after a preposition",
			"Die Feier fand in New Mexico statt. „Ein Name wie dieser ist ein Zeichen“, sagte er.",
			"", "after-verb-name"},
		{"sie may be many",
			"Die Fraktion folgt ihrer Vorsitzenden Anna Krause nicht. „Das Projekt ist fragwürdig“, sagte sie.",
			"", "after-verb-name"},
	} {
		qs, _ := FindQuotesLang(splitParagraphs("Titel\n\n"+tc.text), "de")
		if len(qs) == 0 {
			t.Errorf("%s: no quotes", tc.name)
			continue
		}
		q := qs[len(qs)-1]
		if q.Mention == nil || q.Speaker != tc.speaker || string(q.Rule) != tc.rule {
			t.Errorf("%s: %q by %q (mention %v, rule %s), want %q by %s", tc.name, q.Text, q.Speaker, q.Mention, q.Rule, tc.speaker, tc.rule)
		}
	}
}

// TestGermanQuotedNameSpeaker holds that a German mention ending with a name in marks that it
// introduces shows that name as the speaker (quotedNameDe), and what keeps it from showing: words
// before it other than a determiner, adjectives and one noun, and a "zitiert" after it.
func TestGermanQuotedNameSpeaker(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ name, text, speaker string }{
		{"after the verb", "„Wir prüfen den Fall genau“, schreibt die „Computerwoche“.", "Computerwoche"},
		{"a name in marks alone", "„Wir prüfen den Fall genau“, schrieb „Die Zeit“ in einem Nachruf.", "Die Zeit"},
		{"after a noun and an adjective", "Die linksextreme Wochenzeitschrift „Jungle World“ hatte kritisiert, dass sie „für ihre Einstellung bekannt“ sei.", "Jungle World"},
		{"after laut", "Laut „Reuters“ zeichnet Russland das Bild eines „kriegslüsternen Tyrannen“.", "Reuters"},
		{"a paper that cites the speaker", "Der Fraktionschef wird von der „Netzeitung“ mit den Worten zitiert: „Wowereit ist angeschlagen.“", ""},
		{"a company a person speaks for", "Ein nicht genannter Vertreter der „Muster AG“ erklärte: „Wir prüfen den Fall genau.“", ""},
	} {
		qs, _ := FindQuotesLang(splitParagraphs("Titel\n\n"+tc.text), "de")
		if len(qs) == 0 {
			t.Errorf("%s: no quotes", tc.name)
			continue
		}
		q := qs[0] // the quotation, not the name in marks: the longer
		for _, o := range qs[1:] {
			if len(o.Text) > len(q.Text) {
				q = o
			}
		}
		if q.Mention == nil || q.Speaker != tc.speaker {
			t.Errorf("%s: %q by %q (mention %v), want %q", tc.name, q.Text, q.Speaker, q.Mention, tc.speaker)
		}
	}
}

// TestWeakNominativeDe holds the nominative of German weak masculine nouns after "des" or
// "eines" (weakNominativeDe): a stem of weakStemsDe drops "-en", one of weakStemsEDe "-n", and
// any other noun in "-en" gives none.
func TestWeakNominativeDe(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		in, want string
		ok       bool
	}{
		{"Präsidenten", "Präsident", true},
		{"Vizepräsidenten", "Vizepräsident", true},
		{"Demonstranten", "Demonstrant", true},
		{"Journalisten", "Journalist", true},
		{"Soldaten", "Soldat", true},
		{"Piloten", "Pilot", true},
		{"Architekten", "Architekt", true},
		{"Fotografen", "Fotograf", true},
		{"Ökonomen", "Ökonom", true},
		{"Kollegen", "Kollege", true},
		{"Experten", "Experte", true},
		{"Boten", "Bote", true},
		{"Psychologen", "Psychologe", true},
		{"Franzosen", "Franzose", true},
		{"Geflüchteten", "", false}, // a participle used as a noun
		{"Menschen", "", false},     // a weak noun whose stem no list ends
		{"Sprecher", "", false},     // no "-en"
	} {
		got, ok := weakNominativeDe(c.in)
		if got != c.want || ok != c.ok {
			t.Errorf("weakNominativeDe(%q) = %q, %v; want %q, %v", c.in, got, ok, c.want, c.ok)
		}
	}
}

func TestGenitiveNominativeDe(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		det, in, want string
		ok            bool
	}{
		{"des", "Vereines", "Verein", true},
		{"des", "Hauses", "Haus", true},
		{"des", "Gesetzes", "Gesetz", true},
		{"des", "Geschosses", "Geschoss", true},
		{"des", "Verlags", "Verlag", true},
		{"des", "Komitees", "Komitee", true},
		// a nominative in "-e" keeps it (neutersEDe), in a compound too
		{"des", "Gebäudes", "Gebäude", true},
		{"des", "Verwaltungsgebäudes", "Verwaltungsgebäude", true},
		{"eines", "Gebirges", "Gebirge", true},
		{"des", "Getreides", "Getreide", true},
		{"des", "Wochenendes", "Wochenende", true},
		{"des", "Regimes", "Regime", true},
		{"des", "Ensembles", "Ensemble", true},
		// a stem in a vowel keeps its "e", "-nis" its single "s"
		{"des", "Knies", "Knie", true},
		{"des", "Bündnisses", "Bündnis", true},
		{"eines", "Zeugnisses", "Zeugnis", true},
		// a "Ge…e" collective's shape that no list knows: no word rather than a wrong one
		{"des", "Gefolges", "", false},
		{"des", "Gesanges", "", false},
		// "-en": an adjective used as a noun, a weak noun, or unknown
		{"des", "Vorsitzenden", "Vorsitzender", true},
		{"des", "Präsidenten", "Präsident", true},
		{"des", "Unternehmens", "Unternehmen", true},
		{"der", "Abgeordneten", "Abgeordnete", true},
		{"der", "Polizei", "Polizei", true},
		{"", "Anwohnern", "Anwohner", true},
	} {
		got, ok := genitiveNominativeDe(c.det, c.in)
		if got != c.want || ok != c.ok {
			t.Errorf("genitiveNominativeDe(%q, %q) = %q, %v; want %q, %v", c.det, c.in, got, ok, c.want, c.ok)
		}
	}
}

// TestGermanPairSurname holds the speakers of German quotations after a pair of people spoke: the
// pair shows as one speaker, without the comma that closed an apposition before "und", and a
// later surname of one of them is that one person's, not the pair's (entity.pair), with the rule
// that read each mention.
func TestGermanPairSurname(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		text string
		want []string // speaker=rule of each quotation
	}{
		{"„Wir gehen“, meinen Jan Giesel und David Perteck. Perteck wurde gewählt. „Wir bleiben wachsam“, meint Perteck.",
			[]string{"Jan Giesel und David Perteck=after-verb-name", "David Perteck=after-verb-name"}},
		{"Der Geschäftsführer der Grünen, Volker Beck, und Wolfgang Wieland, Sprecher für Innere Sicherheit, sprachen von einem „bürgerrechtlichen Dammbruch“. „Wir sehen das anders“, sagte Wieland.",
			[]string{"Volker Beck und Wolfgang Wieland=before-verb", "Wolfgang Wieland=after-verb-name"}},
		{"Anna Roth und Tom Becker erklärten: „Wir gehen.“ Es regnete. „Wir bleiben“, sagte Becker.",
			[]string{"Anna Roth und Tom Becker=before-verb", "Tom Becker=after-verb-name"}},
	} {
		qs, _ := FindQuotesLang(splitParagraphs("Titel\n\n"+tc.text), "de")
		var got []string
		for _, q := range qs {
			got = append(got, q.Speaker+"="+q.Rule)
		}
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("%q:\n got %q\nwant %q", tc.text, got, tc.want)
		}
	}
}

// TestGermanViewAfterCopula holds the view after a copula (viewAfterCopula, viewTermDe): "für" and
// a phrase right before the quotation name whose word it is, and nothing else does.
func TestGermanViewAfterCopula(t *testing.T) {
	t.Parallel()
	checkLastMentionDe(t, []struct{ text, want string }{
		{"Der Entwurf war für die Lehrerverbände in Niedersachsen „Wortbruch und Vertrauensmissbrauch“.", "die Lehrerverbände=according-to"},
		{"Der Entwurf ist für Bildungssenator Willi Lemke „ein gelungenes Beispiel“.", "Bildungssenator Willi Lemke=according-to"},
		{"Die Reise war für die Familie in „Neue Heimat“ gebucht.", "="},
		{"Die Mittel für die Lehrerverbände „Bildung und Zukunft“ fehlen.", "="},
	})
}

// TestGermanWonachSubject holds the person after "wonach" as the speaker of a quotation in that
// clause (wonachSubject), before the speech verb of the clause that cites it; a clause with no
// person after "wonach" leaves the walk back as it was.
func TestGermanWonachSubject(t *testing.T) {
	t.Parallel()
	checkLastMentionDe(t, []struct{ text, want string }{
		{"Die Zeitung zitiert aus der Zeitung „Hoy Bolivia“, wonach Ministerpräsident Evo Morales den Industrieländern die Schuld zuweist, deren „völlig außer Rand und Band geratene Industrialisierung“ die Erde vernichte.",
			"Ministerpräsident Evo Morales=before-verb"},
		{"Die Zeitung zitiert einen Bericht, wonach Peter Müller den Plan „völlig untragbar“ findet.", "Peter Müller=before-verb"},
		{"Die Zeitung zitiert einen Bericht, wonach die Berufung Strobls „völlig untragbar“ sei.", "Zeitung=before-verb"},
	})
}

// checkLastMentionDe reads each text as German, after a title, and checks its last quotation's
// mention and rule against want, as "mention=rule" ("=" when nothing names a speaker).
func checkLastMentionDe(t *testing.T, cases []struct{ text, want string }) {
	t.Helper()
	for _, tc := range cases {
		qs, _ := FindQuotesLang(splitParagraphs("Titel\n\n"+tc.text), "de")
		if len(qs) == 0 {
			t.Errorf("%q: no quotes", tc.text)
			continue
		}
		q := qs[len(qs)-1]
		m := ""
		if q.Mention != nil {
			m = q.Mention.Text
		}
		if got := m + "=" + q.Rule; got != tc.want {
			t.Errorf("%q: got %q, want %q", tc.text, got, tc.want)
		}
	}
}
