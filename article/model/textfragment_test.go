package model

import "testing"

func TestTextFragment(t *testing.T) {
	t.Parallel()
	cases := []struct{ name, passage, want string }{
		{"short, whole", "We keep it,", ":~:text=We%20keep%20it%2C"},
		{"syntax characters escaped", "a-b, c&d", ":~:text=a%2Db%2C%20c%26d"},
		{"white space collapsed", "  one\n two\tthree  ", ":~:text=one%20two%20three"},
		{"eight words, whole", "one two three four five six seven eight", ":~:text=one%20two%20three%20four%20five%20six%20seven%20eight"},
		{"nine words, a range", "one two three four five six seven eight nine", ":~:text=one%20two%20three%20four,six%20seven%20eight%20nine"},
		{"UTF-8 percent-encoded", "Zakaria’s “answer”", ":~:text=Zakaria%E2%80%99s%20%E2%80%9Canswer%E2%80%9D"},
		{"no word", " \n ", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			if got := TextFragment(c.passage); got != c.want {
				t.Errorf("TextFragment(%q) = %q, want %q", c.passage, got, c.want)
			}
		})
	}
}

func TestSourceLink(t *testing.T) {
	t.Parallel()
	cases := []struct{ name, source, passage, want string }{
		{"appended", "https://example.com/story?id=1", "We keep it", "https://example.com/story?id=1#:~:text=We%20keep%20it"},
		{"fragment replaced", "http://example.com/a#comments", "We keep it", "http://example.com/a#:~:text=We%20keep%20it"},
		{"relative address", "/story", "We keep it", ""},
		{"not http", "javascript:alert(1)//example.com", "We keep it", ""},
		{"no host", "https:///story", "We keep it", ""},
		{"no passage", "https://example.com/", "", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			if got := SourceLink(c.source, c.passage); got != c.want {
				t.Errorf("SourceLink(%q, %q) = %q, want %q", c.source, c.passage, got, c.want)
			}
		})
	}
}
