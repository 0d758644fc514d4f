package components

import (
	"net/url"
	"slices"
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"verbatim/article/model"
)

// Settings are the reader's choices, remembered in local storage (small values only).
type Settings struct {
	Theme   string `json:"theme"`   // auto, light, dark or sepia
	Font    string `json:"font"`    // serif, sans or legible (Atkinson Hyperlegible, bundled)
	Size    int    `json:"size"`    // 1 … 7, 4 by default
	Width   string `json:"width"`   // narrow, medium or wide
	Leading string `json:"leading"` // tight, normal or loose
}

// settingsKey is the local storage key of Settings.
const settingsKey = "verbatim.settings"

// The choices offered for each setting, first the default.
var (
	Themes   = []string{"auto", "light", "dark", "sepia"}
	Fonts    = []string{"serif", "sans", "legible"}
	Widths   = []string{"medium", "narrow", "wide"}
	Leadings = []string{"normal", "tight", "loose"}
)

const (
	minSize     = 1
	defaultSize = 4
	maxSize     = 7
)

// DefaultSettings returns the settings of a first visit.
func DefaultSettings() Settings {
	return Settings{Theme: Themes[0], Font: Fonts[0], Size: defaultSize, Width: Widths[0], Leading: Leadings[0]}
}

// valid replaces any value it does not know (an old or tampered entry) by its default.
func (s Settings) valid() Settings {
	d := DefaultSettings()
	pick := func(v string, choices []string) string {
		for _, c := range choices {
			if v == c {
				return v
			}
		}
		return choices[0]
	}
	s.Theme, s.Font = pick(s.Theme, Themes), pick(s.Font, Fonts)
	s.Width, s.Leading = pick(s.Width, Widths), pick(s.Leading, Leadings)
	if s.Size < minSize || s.Size > maxSize {
		s.Size = d.Size
	}
	return s
}

// LoadSettings reads the settings from local storage. A missing or corrupt entry gives the defaults.
//
// In an embed (/embed/{id}), a known theme in the partner's ?theme= parameter replaces the saved one:
// the partner page decides how the frame looks.
func LoadSettings(ctx app.Context) Settings {
	s := DefaultSettings()
	if err := ctx.LocalStorage().Get(settingsKey, &s); err != nil {
		s = DefaultSettings()
	}
	if app.IsClient {
		s = withEmbedTheme(s, app.Window().URL())
	}
	return s.valid()
}

// withEmbedTheme returns s with the theme an embed's URL asks for, when u is an embed page and its
// theme parameter names a known theme. The URL is the partner's choice, so anything else is ignored.
func withEmbedTheme(s Settings, u *url.URL) Settings {
	if u == nil {
		return s
	}
	if _, kind, _ := model.ParseArticlePath(u.Path); kind != model.PathEmbed {
		return s
	}
	if t := u.Query().Get("theme"); slices.Contains(Themes, t) {
		s.Theme = t
	}
	return s
}

// SaveSettings remembers s in local storage and applies it to the page.
func SaveSettings(ctx app.Context, s Settings) error {
	s = s.valid()
	ApplySettings(s)
	return ctx.LocalStorage().Set(settingsKey, s)
}

// AllowZoom removes go-app's default viewport meta, which forbids pinch zoom; the handler's own
// viewport (which allows it) stays. It does nothing on the server.
func AllowZoom() {
	if !app.IsClient {
		return
	}
	metas := app.Window().Get("document").Call("querySelectorAll", `meta[name="viewport"]`)
	for i := 0; i < metas.Length(); i++ {
		if m := metas.Index(i); strings.Contains(m.Call("getAttribute", "content").String(), "user-scalable=0") {
			m.Call("remove")
		}
	}
}

// ApplySettings sets s as data attributes of the root element, which verbatim.css reads, so the
// theme covers the whole page (web/theme.js sets the same attributes from local storage before the
// first paint). It also sets data-app="wasm": the pages call it once mounted, so it says app.wasm
// has taken the page over. It does nothing on the server.
func ApplySettings(s Settings) {
	if !app.IsClient {
		return
	}
	s = s.valid()
	AllowZoom()
	root := app.Window().Get("document").Get("documentElement")
	root.Call("setAttribute", "data-theme", s.Theme)
	root.Call("setAttribute", "data-font", s.Font)
	root.Call("setAttribute", "data-size", s.Size)
	root.Call("setAttribute", "data-width", s.Width)
	root.Call("setAttribute", "data-leading", s.Leading)
	root.Call("setAttribute", "data-app", "wasm")
}
