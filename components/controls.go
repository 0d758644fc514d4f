package components

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"verbatim/article/safe"
)

// controls renders the reader settings: font, size, line width, line height and theme. Every change
// is applied at once and remembered.
func (r *Reader) controls() app.UI {
	s := r.settings.valid()
	sel := func(id safe.ID, label string, choices []string, names map[string]string, value string, set func(*Settings, string)) app.UI {
		opts := make([]app.UI, 0, len(choices))
		for _, c := range choices {
			opts = append(opts, Value(app.Option(), safe.TokenFrom(c)).Selected(c == value).Text(names[c]))
		}
		return app.Div().Class("control").Body(
			For(app.Label(), id).Text(label),
			ID(app.Select(), id).Body(opts...).OnChange(func(ctx app.Context, e app.Event) {
				set(&r.settings, ctx.JSSrc().Get("value").String())
				r.saveSettings(ctx)
			}),
		)
	}
	return app.Details().Class("controls").Body(
		app.Summary().Class("button").Text("Reading settings"),
		app.Div().Class("controls-body").Body(
			sel(safe.IDFromConstant("set-theme"), "Theme", Themes, map[string]string{"auto": "Automatic (system)", "light": "Light", "dark": "Dark", "sepia": "Sepia"},
				s.Theme, func(s *Settings, v string) { s.Theme = v }),
			sel(safe.IDFromConstant("set-font"), "Font", Fonts, map[string]string{"serif": "Serif", "sans": "Sans-serif", "legible": "Atkinson Hyperlegible"},
				s.Font, func(s *Settings, v string) { s.Font = v }),
			app.Div().Class("control").Body(
				app.Span().ID("size-label").Text("Text size"),
				app.Div().Class("size-buttons").Attr("role", "group").Aria("labelledby", "size-label").Body(
					app.Button().Class("button").ID("size-down").Aria("label", "Smaller text").Text("A−").
						Disabled(s.Size <= minSize).
						OnClick(func(ctx app.Context, e app.Event) { r.settings.Size--; r.saveSettings(ctx) }),
					app.Output().ID("size-value").Text(strconv.Itoa(s.Size)),
					app.Button().Class("button").ID("size-up").Aria("label", "Larger text").Text("A+").
						Disabled(s.Size >= maxSize).
						OnClick(func(ctx app.Context, e app.Event) { r.settings.Size++; r.saveSettings(ctx) }),
				),
			),
			sel(safe.IDFromConstant("set-width"), "Line width", Widths, map[string]string{"narrow": "Narrow", "medium": "Medium", "wide": "Wide"},
				s.Width, func(s *Settings, v string) { s.Width = v }),
			sel(safe.IDFromConstant("set-leading"), "Line height", Leadings, map[string]string{"tight": "Tight", "normal": "Normal", "loose": "Loose"},
				s.Leading, func(s *Settings, v string) { s.Leading = v }),
		),
	)
}

func (r *Reader) saveSettings(ctx app.Context) {
	r.settings = r.settings.valid()
	if err := SaveSettings(ctx, r.settings); err != nil {
		r.status = "Your settings apply now but could not be remembered: the browser's storage refused them."
	}
}
