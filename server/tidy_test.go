package server

import (
	"strings"
	"testing"
)

func TestTidyPageTrimsLayoutNewlines(t *testing.T) {
	t.Parallel()
	const head = "<!DOCTYPE html><html><head><title>t</title></head><body>"
	cases := []struct {
		name, body, want string
	}{
		{"a quote in a paragraph", "<p>\nHe said “\n<mark>no</mark>\n”.\n</p>", "<p>He said “<mark>no</mark>”.</p>"},
		{"buttons side by side", "<div>\n<button>a</button>\n<button>b</button>\n</div>", "<div><button>a</button><button>b</button></div>"},
		{"a single text child keeps its newlines", "<pre>\n\nline one\nline two\n</pre>", "<pre>\n\nline one\nline two\n</pre>"},
		{"a text child's own newlines stay", "<p>\nfirst\n\n<em>x</em>\n\nlast\n</p>", "<p>first\n<em>x</em>\nlast</p>"},
		{"escaped text stays escaped", "<p>\n&lt;script&gt;\n<b>&amp;</b>\n</p>", "<p>&lt;script&gt;<b>&amp;</b></p>"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			got := string(tidyPage([]byte(head+c.body+"</body></html>"), pageEdits{}))
			_, body, _ := strings.Cut(got, "<body>")
			body, _, _ = strings.Cut(body, "</body>")
			if body != c.want {
				t.Errorf("got  %q\nwant %q", body, c.want)
			}
		})
	}
}
