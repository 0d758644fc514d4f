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

// TestBookmarkletHref: the bookmarklet's address is its source with the origin in place of the
// placeholder, percent-encoded as encodeURIComponent does, so that its line breaks survive.
func TestBookmarkletHref(t *testing.T) {
	t.Parallel()
	src := "/* a comment */\nvar verbatim = \"" + BookmarkletOrigin + "\";\n// 100% (safe) ~*!'-_.\nalert(verbatim);"
	got := bookmarkletHref(src, "https://verbatim.example")
	want := "javascript:%2F*%20a%20comment%20*%2F%0Avar%20verbatim%20%3D%20%22https%3A%2F%2Fverbatim.example%22%3B%0A%2F%2F%20100%25%20(safe)%20~*!'-_.%0Aalert(verbatim)%3B"
	if got != want {
		t.Errorf("bookmarkletHref =\n  %s\nwant\n  %s", got, want)
	}
	if got := encodeURIComponent("é\u2028"); got != "%C3%A9%E2%80%A8" {
		t.Errorf("encodeURIComponent(é, U+2028) = %s", got)
	}
}
