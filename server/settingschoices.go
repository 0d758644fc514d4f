package server

import (
	"encoding/json"

	"verbatim/components"
)

// settingsChoices returns the reading settings' allowed values as JSON, for settings.js: Go owns the
// choices (components' lists, defaults first), and the page's bootstrap reads them from the
// <script type="application/json" id="verbatim-settings-choices"> the post-processor puts before it.
//
// It stands in for the components function that will make this JSON (issue 13's contract), until
// that one is on main; the shape is the contract's: one list per setting, and the size's bounds.
// encoding/json escapes <, > and &, so the JSON cannot end its script element.
func settingsChoices() ([]byte, error) {
	type bounds struct {
		Min     int `json:"min"`
		Max     int `json:"max"`
		Default int `json:"default"`
	}
	return json.Marshal(struct {
		Theme   []string `json:"theme"`
		Font    []string `json:"font"`
		Width   []string `json:"width"`
		Leading []string `json:"leading"`
		Size    bounds   `json:"size"`
	}{
		Theme: components.Themes, Font: components.Fonts, Width: components.Widths, Leading: components.Leadings,
		Size: bounds{Min: 1, Max: 7, Default: components.DefaultSettings().Size},
	})
}
