package crossref

import (
	"sort"
	"strings"
	"testing"
)

// groupsOf renders people as sorted "a|b" groups, sorted, so a table can state them.
func groupsOf(ps []Person) []string {
	var out []string
	for _, p := range ps {
		ns := append([]string(nil), p.Names...)
		sort.Strings(ns)
		out = append(out, strings.Join(ns, "|"))
	}
	sort.Strings(out)
	return out
}

func TestGroupNames(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		names []string
		ds    []Decision
		want  []string
	}{
		{"issue: Peskov transliterations and bare surname merge",
			[]string{"Peskov", "Dmitry Peskov", "Dmitri Peskov"}, nil,
			[]string{"Dmitri Peskov|Dmitry Peskov|Peskov"}},
		{"issue: different surnames never merge",
			[]string{"Paul Ryan", "Paul Rand"}, nil,
			[]string{"Paul Rand", "Paul Ryan"}},
		{"bare surname with two full names stays apart",
			[]string{"Ryan", "Paul Ryan", "Tim Ryan"}, nil,
			[]string{"Paul Ryan", "Ryan", "Tim Ryan"}},
		{"Dmitriy and Sergey/Sergei and Yury/Yuri fold",
			[]string{"Dmitriy Peskov", "Sergey Lavrov", "Sergei Lavrov", "Yury Ushakov", "Yuri Ushakov", "Lavrov"}, nil,
			[]string{"Dmitriy Peskov", "Lavrov|Sergei Lavrov|Sergey Lavrov", "Yuri Ushakov|Yury Ushakov"}},
		{"known transliteration pair from the table",
			[]string{"Mohammed Morsi", "Muhammad Morsi"}, nil,
			[]string{"Mohammed Morsi|Muhammad Morsi"}},
		{"one letter apart is not a transliteration",
			[]string{"Mario Rossi", "Maria Rossi"}, nil,
			[]string{"Maria Rossi", "Mario Rossi"}},
		{"titles are dropped",
			[]string{"President Obama", "Barack Obama", "Mr. Obama", "Sen. Elizabeth Warren", "Warren"}, nil,
			[]string{"Barack Obama|Mr. Obama|President Obama", "Sen. Elizabeth Warren|Warren"}},
		{"a title alone is no name",
			[]string{"President", "", "  "}, nil,
			nil},
		{"initial merges with the one fitting full name",
			[]string{"J. Smith", "John Smith"}, nil,
			[]string{"J. Smith|John Smith"}},
		{"initial with two fitting full names stays apart",
			[]string{"J. Smith", "John Smith", "Jane Smith"}, nil,
			[]string{"J. Smith", "Jane Smith", "John Smith"}},
		{"initial that does not fit stays apart",
			[]string{"K. Smith", "John Smith"}, nil,
			[]string{"John Smith", "K. Smith"}},
		{"middle names: George Bush fits two people and stays apart",
			[]string{"George W. Bush", "George H. W. Bush", "George Bush", "Bush"}, nil,
			[]string{"Bush", "George Bush", "George H. W. Bush", "George W. Bush"}},
		{"middle name: one fitting person merges",
			[]string{"George W. Bush", "George Bush", "President Bush", "Jeb Bush"}, nil,
			[]string{"George Bush|George W. Bush", "Jeb Bush", "President Bush"}},
		{"hyphenated surname is one word",
			[]string{"Alexandria Ocasio-Cortez", "Ocasio-Cortez", "Cortez"}, nil,
			[]string{"Alexandria Ocasio-Cortez|Ocasio-Cortez", "Cortez"}},
		{"multi-word surname as the tail of the full name",
			[]string{"Gabriel García Márquez", "García Márquez", "Garcia Marquez"}, nil,
			[]string{"Gabriel García Márquez|Garcia Marquez|García Márquez"}},
		{"German particles belong to the surname",
			[]string{"Ursula von der Leyen", "von der Leyen", "Leyen", "Richard von Weizsäcker", "Weizsacker"}, nil,
			[]string{"Leyen|Ursula von der Leyen|von der Leyen", "Richard von Weizsäcker|Weizsacker"}},
		{"de and De",
			[]string{"Charles de Gaulle", "de Gaulle", "Robert De Niro", "De Niro"}, nil,
			[]string{"Charles de Gaulle|de Gaulle", "De Niro|Robert De Niro"}},
		{"a suffix tells two people apart",
			[]string{"Donald Trump Jr.", "Donald Trump", "Trump", "Mr. Trump Jr."}, nil,
			[]string{"Donald Trump", "Donald Trump Jr.|Mr. Trump Jr.", "Trump"}},
		{"a suffix with one fitting person",
			[]string{"Martin Luther King Jr.", "King", "M. L. King Jr.", "Dr. King"}, nil,
			[]string{"Dr. King|King|M. L. King Jr.|Martin Luther King Jr."}},
		{"hand merge joins different surnames",
			[]string{"Paul Ryan", "Paul Rand"}, []Decision{{A: "Paul Ryan", B: "Paul Rand", Merge: true}},
			[]string{"Paul Rand|Paul Ryan"}},
		{"hand split wins over the rule",
			[]string{"Peskov", "Dmitry Peskov", "Dmitri Peskov"}, []Decision{{A: "Peskov", B: "Dmitri Peskov"}},
			[]string{"Dmitri Peskov|Dmitry Peskov", "Peskov"}},
		{"hand split wins over a transitive join",
			[]string{"Dmitry Peskov", "Dmitri Peskov"}, []Decision{{A: "Dmitri Peskov", B: "Dmitry Peskov"}},
			[]string{"Dmitri Peskov", "Dmitry Peskov"}},
		{"hand merge resolves an ambiguous bare surname",
			[]string{"Ryan", "Paul Ryan", "Tim Ryan"}, []Decision{{A: "Ryan", B: "Paul Ryan", Merge: true}},
			[]string{"Paul Ryan|Ryan", "Tim Ryan"}},
		{"the later decision on a pair wins",
			[]string{"Paul Ryan", "Paul Rand"}, []Decision{{A: "Paul Ryan", B: "Paul Rand", Merge: true}, {A: "Paul Rand", B: "Paul Ryan"}},
			[]string{"Paul Rand", "Paul Ryan"}},
		{"decisions on unknown names are ignored",
			[]string{"Paul Ryan"}, []Decision{{A: "Paul Ryan", B: "Nobody", Merge: true}},
			[]string{"Paul Ryan"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := groupsOf(GroupNames(tt.names, tt.ds))
			if strings.Join(got, " ; ") != strings.Join(tt.want, " ; ") {
				t.Errorf("GroupNames(%q)\n got  %q\n want %q", tt.names, got, tt.want)
			}
		})
	}
}

func TestGroupNamesShowsTheMostSpecificName(t *testing.T) {
	t.Parallel()
	ps := GroupNames([]string{"Peskov", "D. Peskov", "Dmitry Peskov"}, nil)
	if len(ps) != 1 || ps[0].Name != "Dmitry Peskov" {
		t.Fatalf("got %+v, want one person named Dmitry Peskov", ps)
	}
}

func TestGroupNamesBoundsLongNames(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("Ab ", 10000) + "Peskov"
	ps := GroupNames([]string{long}, nil)
	if len(ps) != 1 || len([]rune(ps[0].Name)) > MaxNameRunes {
		t.Fatalf("a long name was not cut to %d runes: %d people", MaxNameRunes, len(ps))
	}
}
