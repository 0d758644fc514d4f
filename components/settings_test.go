package components

import (
	"encoding/json"
	"os"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// TestSettingsChoicesJSON decodes what the page's head carries for web/page/settings.js: every list
// setting with its choices, the default first, and the size's bounds, in the form the script reads.
func TestSettingsChoicesJSON(t *testing.T) {
	t.Parallel()
	got := SettingsChoicesJSON()
	var c struct {
		Theme, Font, Width, Leading []string
		Size                        struct{ Min, Max, Default int }
	}
	if err := json.Unmarshal([]byte(got), &c); err != nil {
		t.Fatalf("SettingsChoicesJSON() = %s: %v", got, err)
	}
	for _, tt := range []struct {
		name      string
		got, want []string
	}{
		{"theme", c.Theme, Themes}, {"font", c.Font, Fonts}, {"width", c.Width, Widths}, {"leading", c.Leading, Leadings},
	} {
		if !slices.Equal(tt.got, tt.want) || len(tt.got) < 2 {
			t.Errorf("%s: %q, want %q", tt.name, tt.got, tt.want)
		}
	}
	if c.Size.Min != minSize || c.Size.Max != maxSize || c.Size.Default != defaultSize || minSize >= defaultSize || defaultSize >= maxSize {
		t.Errorf("size: %+v, want min %d, default %d, max %d", c.Size, minSize, defaultSize, maxSize)
	}
	if want := `{"font":["serif","sans","legible"],"leading":["normal","tight","loose"],"size":{"default":4,"max":7,"min":1},"theme":["auto","light","dark","sepia"],"width":["medium","narrow","wide"]}`; got != want {
		t.Errorf("SettingsChoicesJSON() = %s, want the sorted form %s", got, want)
	}
	if again := SettingsChoicesJSON(); again != got {
		t.Errorf("SettingsChoicesJSON changes between calls: %s, then %s", got, again)
	}
}

// TestSettingsFormOffersTheChoices renders the reader's settings form: each setting's select,
// found by its data-setting, offers exactly the choices SettingsChoicesJSON gives settings.js, the
// default selected, and the size's group carries the same bounds.
func TestSettingsFormOffersTheChoices(t *testing.T) {
	doc := prerender(t, &Reader{Article: sample()})
	offered := map[string][]string{}
	selected := map[string]string{}
	var size *html.Node
	walk(doc, func(n *html.Node) {
		name, ok := attr(n, "data-setting")
		switch {
		case ok && n.Data == "select":
			walk(n, func(o *html.Node) {
				if o.Data != "option" {
					return
				}
				v, _ := attr(o, "value")
				offered[name] = append(offered[name], v)
				if _, ok := attr(o, "selected"); ok {
					selected[name] = v
				}
			})
		case ok && name == "size":
			size = n
		}
	})
	var want map[string]json.RawMessage
	if err := json.Unmarshal([]byte(SettingsChoicesJSON()), &want); err != nil {
		t.Fatal(err)
	}
	for name, raw := range want {
		if name == "size" {
			continue
		}
		var choices []string
		json.Unmarshal(raw, &choices)
		if !slices.Equal(offered[name], choices) || selected[name] != choices[0] {
			t.Errorf("select[data-setting=%s] offers %q with %q selected, want %q with the first", name, offered[name], selected[name], choices)
		}
	}
	if len(offered) != len(want)-1 {
		t.Errorf("the form has selects for %v, want one for each of %s", offered, SettingsChoicesJSON())
	}
	if size == nil {
		t.Fatal("no [data-setting=size] group")
	}
	lo, _ := attr(size, "data-min")
	hi, _ := attr(size, "data-max")
	if lo != "1" || hi != "7" {
		t.Errorf("the size group has data-min=%q data-max=%q, want 1 and 7", lo, hi)
	}
}

// TestSettingsScriptKeepsNoChoices checks that web/page/settings.js, which applies the settings
// before the first paint, takes the choices from the page (SettingsChoicesJSON) and holds no list
// of its own: a choice is written once, in Go.
func TestSettingsScriptKeepsNoChoices(t *testing.T) {
	t.Parallel()
	b, err := os.ReadFile("../web/page/settings.js")
	if err != nil {
		t.Fatal(err)
	}
	js := string(b)
	if !strings.Contains(js, `"verbatim-settings-choices"`) {
		t.Errorf("web/page/settings.js does not read #verbatim-settings-choices")
	}
	for _, choices := range [][]string{Themes, Fonts, Widths, Leadings} {
		for _, c := range choices {
			if strings.Contains(js, `"`+c+`"`) || strings.Contains(js, `'`+c+`'`) {
				t.Errorf("web/page/settings.js names the choice %q itself", c)
			}
		}
	}
}
