package components

import (
	"net/url"
	"os"
	"strconv"
	"strings"
	"testing"
)

func TestSettingsValid(t *testing.T) {
	for _, tt := range []struct{ in, want Settings }{
		{Settings{}, DefaultSettings()},
		{Settings{Theme: "sepia", Font: "legible", Size: 7, Width: "wide", Leading: "loose"}, Settings{Theme: "sepia", Font: "legible", Size: 7, Width: "wide", Leading: "loose"}},
		{Settings{Theme: `dark" onload="x`, Font: "comic", Size: 99, Width: "huge", Leading: "0"}, DefaultSettings()},
		{Settings{Theme: "dark", Size: 0}, Settings{Theme: "dark", Font: "serif", Size: defaultSize, Width: "medium", Leading: "normal"}},
	} {
		if got := tt.in.valid(); got != tt.want {
			t.Errorf("%+v.valid() = %+v, want %+v", tt.in, got, tt.want)
		}
	}
}

// TestThemeScriptKnowsTheChoices checks that web/theme.js, which applies the saved settings before
// app.wasm runs, offers the same choices, defaults first, and the same sizes as Settings.valid.
func TestThemeScriptKnowsTheChoices(t *testing.T) {
	b, err := os.ReadFile("../web/theme.js")
	if err != nil {
		t.Fatal(err)
	}
	js := string(b)
	for _, choices := range [][]string{Themes, Fonts, Widths, Leadings} {
		want := `["` + strings.Join(choices, `", "`) + `"]`
		if !strings.Contains(js, want) {
			t.Errorf("web/theme.js lacks the choices %s", want)
		}
	}
	for _, want := range []string{`"` + settingsKey + `"`, "size < " + strconv.Itoa(minSize), "size > " + strconv.Itoa(maxSize), "size = " + strconv.Itoa(defaultSize)} {
		if !strings.Contains(js, want) {
			t.Errorf("web/theme.js lacks %s", want)
		}
	}
}

func TestWithEmbedTheme(t *testing.T) {
	t.Parallel()
	saved := Settings{Theme: "sepia", Font: "sans", Size: 5, Width: "wide", Leading: "loose"}
	for _, tc := range []struct {
		url, want string
	}{
		{"https://r.example/embed/a?theme=dark", "dark"},
		{"https://r.example/embed/a?theme=light&dnt=1", "light"},
		{"https://r.example/embed/a?theme=neon", "sepia"},       // unknown: the saved theme stays
		{"https://r.example/embed/a?theme=dark%22%3E", "sepia"}, // not a theme
		{"https://r.example/article/a?theme=dark", "sepia"},     // only embeds take the parameter
		{"https://r.example/embed/a", "sepia"},
	} {
		u, err := url.Parse(tc.url)
		if err != nil {
			t.Fatal(err)
		}
		got := withEmbedTheme(saved, u)
		if got.Theme != tc.want {
			t.Errorf("%s: theme %q, want %q", tc.url, got.Theme, tc.want)
		}
		if got.Font != saved.Font || got.Size != saved.Size {
			t.Errorf("%s: other settings changed: %+v", tc.url, got)
		}
	}
}
