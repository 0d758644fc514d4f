package components

import (
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
