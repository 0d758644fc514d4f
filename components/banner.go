package components

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// UpdateBanner tells the user about the service worker, squoosh style: "Ready to work offline" once
// the first worker takes control, and "Update available" with a reload button when a new version
// waits. The reload asks the waiting worker to take over, then reloads when it has.
type UpdateBanner struct {
	app.Compo

	update        bool
	ready         bool
	hadController bool
	reloading     bool
	release       func()
}

// OnMount watches the service worker's controller and looks for a version already waiting.
func (b *UpdateBanner) OnMount(ctx app.Context) {
	if !app.IsClient {
		return
	}
	sw := app.Window().Get("navigator").Get("serviceWorker")
	if !sw.Truthy() {
		return
	}
	b.hadController = sw.Get("controller").Truthy()
	if b.hadController && !servedByWorker() {
		// The first worker took control between the page's load and this mount (app.wasm loads
		// the article before go-app mounts the page): its controllerchange has already fired.
		b.ready = true
	}
	onChange := app.FuncOf(func(this app.Value, args []app.Value) any {
		ctx.Dispatch(func(app.Context) {
			switch {
			case b.reloading:
				app.Window().Get("location").Call("reload")
			case !b.hadController:
				b.hadController, b.ready = true, true
			}
		})
		return nil
	})
	sw.Call("addEventListener", "controllerchange", onChange)
	onReg := app.FuncOf(func(this app.Value, args []app.Value) any {
		if len(args) > 0 && args[0].Truthy() && args[0].Get("waiting").Truthy() && b.hadController {
			ctx.Dispatch(func(app.Context) { b.update = true })
		}
		return nil
	})
	sw.Call("getRegistration").Call("then", onReg)
	b.release = func() {
		sw.Call("removeEventListener", "controllerchange", onChange)
		onChange.Release()
		onReg.Release()
	}
}

// servedByWorker reports whether a service worker answered this page's navigation (its
// navigation timing has a workerStart). When it cannot tell, it says yes, so no banner shows.
func servedByWorker() bool {
	nav := app.Window().Get("performance").Call("getEntriesByType", "navigation")
	if !nav.Truthy() || nav.Length() == 0 {
		return true
	}
	return nav.Index(0).Get("workerStart").Float() > 0
}

// OnDismount stops watching.
func (b *UpdateBanner) OnDismount() {
	if b.release != nil {
		b.release()
	}
}

// OnAppUpdate shows the banner when go-app reports a new version installed and waiting.
func (b *UpdateBanner) OnAppUpdate(ctx app.Context) { b.update = ctx.AppUpdateAvailable() }

// Render draws the banner, or nothing.
func (b *UpdateBanner) Render() app.UI {
	switch {
	case b.update:
		return app.Div().Class("banner").ID("update-banner").Attr("role", "status").Body(
			app.Span().Text("Update available."),
			app.Button().Class("button").ID("update-reload").Text("Reload").OnClick(b.reload),
		)
	case b.ready:
		return app.Div().Class("banner").ID("offline-ready").Attr("role", "status").Body(
			app.Span().Text("Ready to work offline."),
			app.Button().Class("button").Text("Dismiss").OnClick(func(ctx app.Context, e app.Event) { b.ready = false }),
		)
	default:
		return app.Div().Class("banner-slot").Attr("role", "status")
	}
}

// reload lets the waiting worker take over; the controllerchange listener then reloads the page.
func (b *UpdateBanner) reload(ctx app.Context, e app.Event) {
	b.reloading = true
	sw := app.Window().Get("navigator").Get("serviceWorker")
	var f app.Func
	f = app.FuncOf(func(this app.Value, args []app.Value) any {
		defer f.Release()
		if len(args) > 0 && args[0].Truthy() && args[0].Get("waiting").Truthy() {
			args[0].Get("waiting").Call("postMessage", map[string]any{"type": "skip-waiting"})
			return nil
		}
		app.Window().Get("location").Call("reload")
		return nil
	})
	sw.Call("getRegistration").Call("then", f)
}
