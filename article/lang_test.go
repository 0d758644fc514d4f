package article

import "testing"

func TestLang(t *testing.T) {
	t.Parallel()
	cases := []struct{ name, declared, text, want string }{
		{"English text", "", "Headline\n\nThe mayor said that the plan was good for the town.", langEN},
		{"German text", "", "Überschrift\n\nDie Bürgermeisterin sagte, dass der Plan für die Stadt gut ist und nicht teuer.", langDE},
		{"declared German wins over English words", "de-AT", "Headline\n\nThe mayor said that the plan was good.", langDE},
		{"declared English wins over German words", "en", "Überschrift\n\nDie Stadt ist nicht die Stadt und der Plan.", langEN},
		{"a language the engine does not know is told from the text", "fr", "Titre\n\nDer Plan ist nicht gut und die Stadt hat kein Geld.", langDE},
		{"no words", "", "", langEN},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			e := newEngine(new(scratch))
			e.scan(splitParagraphs(c.text))
			e.setLang(c.declared)
			got := langEN
			for _, ps := range e.ps {
				if ps.de {
					got = langDE
				}
			}
			if got != c.want {
				t.Fatalf("language %q, want %q", got, c.want)
			}
		})
	}
}
