package app

import "testing"

func TestSharedLink(t *testing.T) {
	t.Parallel()
	cases := []struct{ url, text, want string }{
		{"https://news.example/a", "", "https://news.example/a"},
		{"https://news.example/a", "Some title", "https://news.example/a"},
		{"", "https://news.example/a", "https://news.example/a"},
		{"", "  http://news.example/a  ", "http://news.example/a"},
		{"", "Library reopens https://news.example/a", "https://news.example/a"},
		{"", "The council met on Monday.\n\n“We agreed,” the mayor said.", ""},
		{"javascript:alert(1)", "", ""},
		{"", "ftp://news.example/a", ""},
		{"", "news.example/a", ""},
		{"", "", ""},
	}
	for _, c := range cases {
		if got := sharedLink(c.url, c.text); got != c.want {
			t.Errorf("sharedLink(%q, %q) = %q, want %q", c.url, c.text, got, c.want)
		}
	}
}
