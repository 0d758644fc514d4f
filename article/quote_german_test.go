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
