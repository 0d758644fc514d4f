package components

import "github.com/maxence-charriere/go-app/v9/pkg/app"

// YieldToBrowser gives the browser's main thread back for a moment, so that the work before and
// after the call run as two tasks (the browser may paint or take input in between) instead of one
// long task: app.wasm's takeover calls it between its stretches of work. The calling goroutine
// waits until the browser runs it again, through scheduler.yield() where the browser has it (the
// continuation goes before other queued tasks) or else a setTimeout of 0 ms. It does not return
// before the browser has run: a goroutine that slept instead could find its timer already due and
// run on in the same task. It does nothing on the server.
func YieldToBrowser() {
	if !app.IsClient {
		return
	}
	done := make(chan struct{})
	var resume app.Func
	resume = app.FuncOf(func(app.Value, []app.Value) any {
		resume.Release()
		close(done)
		return nil
	})
	if s := app.Window().Get("scheduler"); s.Truthy() && s.Get("yield").Truthy() {
		s.Call("yield").Call("then", resume)
	} else {
		app.Window().Call("setTimeout", resume, 0)
	}
	<-done
}
