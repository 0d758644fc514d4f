package crossref

import (
	"strings"
	"testing"

	"verbatim/article/model"
)

func TestSlug(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ name, want string }{
		{"Dmitry Peskov", "dmitry-peskov"},
		{"Dmitri Peskov", "dmitri-peskov"},
		{"Gabriel García Márquez", "gabriel-garcia-marquez"},
		{"Donald Trump Jr.", "donald-trump-jr"},
		{"Conan O’Brien", "conan-obrien"},
		{"  Alexandria Ocasio-Cortez ", "alexandria-ocasio-cortez"},
		{`<script>alert("x")</script>`, "script-alert-x-script"},
		{"Владимир Путин", "p-" + fnvHex("Владимир Путин")},
		{"", "p-" + fnvHex("")},
		{strings.Repeat("abcdefghi ", 20), strings.TrimSuffix(strings.Repeat("abcdefghi-", 6), "-")},
	} {
		got := Slug(c.name)
		if got != c.want {
			t.Errorf("Slug(%q) = %q, want %q", c.name, got, c.want)
		}
		if !model.ValidSpeakerSlug(got) {
			t.Errorf("Slug(%q) = %q is no valid speaker slug", c.name, got)
		}
		if again := Slug(c.name); again != got {
			t.Errorf("Slug(%q) is not stable: %q then %q", c.name, got, again)
		}
	}
	if Slug("Владимир Путин") == Slug("Сергей Лавров") {
		t.Error("two non-Latin names share a slug")
	}
}

// fnvHex is the 32-bit FNV-1a of s in hex, computed here independently of Slug.
func fnvHex(s string) string {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= 16777619
	}
	const digits = "0123456789abcdef"
	out := make([]byte, 8)
	for i := 7; i >= 0; i-- {
		out[i] = digits[h&0xf]
		h >>= 4
	}
	return string(out)
}
