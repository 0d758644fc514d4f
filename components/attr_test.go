package components

import (
	"strings"
	"testing"
)

func TestSafeAttrGood(t *testing.T) {
	for _, tt := range []struct{ name, in, want string }{
		{"href", "https://www.mediaite.com/tv/zakaria/", "https://www.mediaite.com/tv/zakaria/"},
		{"href", "HTTP://example.com/a?b=1&c=2", "http://example.com/a?b=1&c=2"},
		{"href", "mailto:tips@mediaite.com", "mailto:tips@mediaite.com"},
		{"src", "https://cdn.example.com/i.jpg", "https://cdn.example.com/i.jpg"},
		{"alt", "Dmitry Peskov on CNN", "Dmitry Peskov on CNN"},
		{"id", "q3", "art-q3"},
		{"data-quote-id", "q3", "q3"},
		{"data-speaker-id", "s1", "s1"},
		{"lang", "en-US", "en-US"},
		{"dir", "RTL", "rtl"},
	} {
		if got := SafeAttr(tt.name, tt.in); got != tt.want {
			t.Errorf("SafeAttr(%q, %q) = %q, want %q", tt.name, tt.in, got, tt.want)
		}
	}
}

func TestSafeAttrBad(t *testing.T) {
	for _, tt := range []struct{ name, in, want string }{
		{"href", "javascript:alert(1)", ""},
		{"href", " JaVaScRiPt:alert(1)", ""},
		{"href", "java\tscript:alert(1)", ""},
		{"href", "data:text/html,<script>alert(1)</script>", ""},
		{"href", "/import", ""},
		{"href", "//evil.example/x", ""},
		{"href", "#main", ""},
		{"src", "mailto:x@y.z", ""},
		{"href", "https://user:pw@example.com/", ""},
		{"href", `https://e.com/?q="><img/src=x/onerror=alert(1)>`, "https://e.com/?q=%22%3E%3Cimg/src=x/onerror=alert(1)%3E"},
		{"href", `https://e.com/?q=" onmouseover="x`, ""},
		{"lang", `en" onclick="x`, ""},
		{"dir", "ltr onmouseover", ""},
		{"id", "main", "art-main"},
		{"id", `x" autofocus onfocus="alert(1)`, "art-x--autofocus-onfocus--alert-1-"},
		{"data-quote-id", `q1"><script>`, "q1---script-"},
		{"alt", `" autofocus onfocus=alert(1) x="`, `' autofocus onfocus=alert(1) x='`},
		{"title", "a\\\"b<c>&d\ne", "a∖'b‹c›＆d e"},
	} {
		got := SafeAttr(tt.name, tt.in)
		if got != tt.want {
			t.Errorf("SafeAttr(%q, %q) = %q, want %q", tt.name, tt.in, got, tt.want)
		}
		if strings.ContainsAny(got, "\"<>\\`\n") {
			t.Errorf("SafeAttr(%q, %q) = %q still holds a dangerous character", tt.name, tt.in, got)
		}
	}
}
