package components

import (
	"encoding/json"
	"strconv"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"verbatim/article/safe"
)

// The reading settings are Go's in one respect only: their allowed values and the labels of their
// controls, here. web/page/settings.js applies the reader's choice to the page before its first
// paint, from local storage ("verbatim.settings") and the choices SettingsChoicesJSON gives it;
// web/page/reader.js runs the controls settingsForm renders. Neither keeps a list of its own.

// The choices offered for each setting, first the default.
var (
	Themes   = []string{"auto", "light", "dark", "sepia"}
	Fonts    = []string{"serif", "sans", "legible"}
	Widths   = []string{"medium", "narrow", "wide"}
	Leadings = []string{"normal", "tight", "loose"}
)

// The text sizes: steps from minSize to maxSize, which verbatim.css maps to pixels.
const (
	minSize     = 1
	defaultSize = 4
	maxSize     = 7
)

// setting is one reading setting chosen from a list: its name (its key in local storage, its
// data-setting and the data attribute settings.js sets on <html>), its control's id and label, and
// its choices with their labels.
type setting struct {
	name    string
	id      safe.ID
	label   string
	choices []string
	names   map[string]string
}

// listSettings are the settings chosen from a list, in the order of the form; the text size, a
// number, is apart.
var listSettings = []setting{
	{"theme", safe.IDFromConstant("set-theme"), "Theme", Themes,
		map[string]string{"auto": "Automatic (system)", "light": "Light", "dark": "Dark", "sepia": "Sepia"}},
	{"font", safe.IDFromConstant("set-font"), "Font", Fonts,
		map[string]string{"serif": "Serif", "sans": "Sans-serif", "legible": "Atkinson Hyperlegible"}},
	{"width", safe.IDFromConstant("set-width"), "Line width", Widths,
		map[string]string{"narrow": "Narrow", "medium": "Medium", "wide": "Wide"}},
	{"leading", safe.IDFromConstant("set-leading"), "Line height", Leadings,
		map[string]string{"tight": "Tight", "normal": "Normal", "loose": "Loose"}},
}

// SettingsChoicesJSON returns the settings' allowed values as JSON, for the page's head:
//
//	<script type="application/json" id="verbatim-settings-choices">…</script>
//
// before web/page/settings.js, which reads it. Each list setting maps to its choices, the default
// first; "size" to its bounds and default:
//
//	{"font":["serif","sans","legible"],…,"size":{"default":4,"max":7,"min":1},"theme":["auto",…]}
//
// The keys are sorted, so the text (and the hash a Content-Security-Policy allows it by, where one
// is needed) changes only when a choice does. It holds the app's constants only, and json.Marshal
// escapes "<", ">" and "&", so it cannot end its script element.
func SettingsChoicesJSON() string {
	m := map[string]any{"size": map[string]int{"min": minSize, "max": maxSize, "default": defaultSize}}
	for _, s := range listSettings {
		m[s.name] = s.choices
	}
	b, err := json.Marshal(m)
	if err != nil {
		panic(err) // strings and numbers only: it cannot fail
	}
	return string(b)
}

// settingsForm renders the reader's settings: a select for each list setting and the size's two
// buttons, each with its data-setting or data-action. The form shows the defaults; reader.js shows
// the reader's own choice once it runs, and applies and remembers every change.
func settingsForm() app.UI {
	controls := make([]app.UI, 0, len(listSettings)+1)
	for i, s := range listSettings {
		if i == 2 { // the text size comes after the theme and the font
			controls = append(controls, sizeControl())
		}
		opts := make([]app.UI, 0, len(s.choices))
		for j, c := range s.choices {
			o := Value(app.Option(), safe.TokenFrom(c)).Text(s.names[c])
			if j == 0 {
				o = o.Selected(true)
			}
			opts = append(opts, o)
		}
		controls = append(controls, app.Div().Class("control").Body(
			For(app.Label(), s.id).Text(s.label),
			Data(ID(app.Select(), s.id), "setting", safe.TokenFrom(s.name)).Body(opts...),
		))
	}
	return app.Details().Class("controls").Body(
		app.Summary().Class("button").Text("Reading settings"),
		app.Div().Class("controls-body").Body(controls...),
	)
}

// sizeControl is the text size's group: smaller, the size, larger.
func sizeControl() app.UI {
	return app.Div().Class("control").Body(
		app.Span().ID("size-label").Text("Text size"),
		app.Div().Class("size-buttons").Attr("role", "group").Aria("labelledby", "size-label").
			DataSet("setting", "size").DataSet("min", minSize).DataSet("max", maxSize).Body(
			app.Button().Class("button").ID("size-down").DataSet("action", "size-down").Aria("label", "Smaller text").Text("A−"),
			app.Output().ID("size-value").Text(strconv.Itoa(defaultSize)),
			app.Button().Class("button").ID("size-up").DataSet("action", "size-up").Aria("label", "Larger text").Text("A+"),
		),
	)
}
