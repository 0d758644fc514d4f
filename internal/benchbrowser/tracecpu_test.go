package benchbrowser

import (
	"encoding/json"
	"fmt"
	"sort"
	"sync"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/tracing"
	"github.com/chromedp/chromedp"
)

// traceEvent is one event of a Chromium trace, as much of it as mainThreadCPU reads.
type traceEvent struct {
	Name string  `json:"name"`
	Ph   string  `json:"ph"`
	Ts   float64 `json:"ts"`   // µs
	Dur  float64 `json:"dur"`  // µs, wall
	Tdur float64 `json:"tdur"` // µs, the thread's own time
	Pid  int     `json:"pid"`
	Tid  int     `json:"tid"`
}

// trace records a Chromium trace of the tab (the timeline's categories) from start until stop.
type trace struct {
	mu     sync.Mutex
	events []traceEvent
	done   chan struct{}
}

// startTrace starts tracing t's pages.
func startTrace(t *tab) (*trace, error) {
	tr := &trace{done: make(chan struct{})}
	if err := chromedp.Listen(t.ctx, func(ev any) {
		switch e := ev.(type) {
		case *tracing.EventDataCollected:
			tr.mu.Lock()
			defer tr.mu.Unlock()
			for _, v := range e.Value {
				var x traceEvent
				if json.Unmarshal([]byte(v), &x) == nil {
					tr.events = append(tr.events, x)
				}
			}
		case *tracing.EventTracingComplete:
			close(tr.done)
		}
	}); err != nil {
		return nil, err
	}
	_, err := chromedp.Call(t.ctx, tracing.Start, tracing.StartParams{TraceConfig: &tracing.TraceConfig{
		IncludedCategories: []string{"devtools.timeline", "loading", "disabled-by-default-devtools.timeline"}}})
	return tr, err
}

// stop ends the trace and returns its events.
func (tr *trace) stop(t *tab) ([]traceEvent, error) {
	if _, err := chromedp.Call(t.ctx, tracing.End, cdp.Empty{}); err != nil {
		return nil, err
	}
	<-tr.done
	tr.mu.Lock()
	defer tr.mu.Unlock()
	return tr.events, nil
}

// tracePhases are the main thread's phases mainThreadCPU sums, by the trace events that make them.
var tracePhases = map[string]string{
	"ParseHTML": "parse", "EvaluateScript": "script", "FunctionCall": "script", "TimerFire": "script",
	"FireAnimationFrame": "script", "EventDispatch": "script", "RunMicrotasks": "script",
	"UpdateLayoutTree": "style", "Layout": "layout", "Paint": "paint", "PrePaint": "paint",
	"RunTask": "tasks", "ThreadControllerImpl::RunTask": "tasks",
}

// mainThreadCPU sums the thread time (ms) of the renderer main thread's phases that began before
// the top document's first contentful paint: "tasks" (every task), and "parse", "script", "style",
// "layout" and "paint" within them, each event counted once even when another of its phase nests
// in it. The main thread is the one with the most parse and style events.
func mainThreadCPU(evs []traceEvent) (map[string]float64, error) {
	count := map[[2]int]int{}
	fcp := 0.0
	for _, e := range evs {
		switch e.Name {
		case "ParseHTML", "UpdateLayoutTree":
			count[[2]int{e.Pid, e.Tid}]++
		case "firstContentfulPaint":
			if fcp == 0 || e.Ts < fcp {
				fcp = e.Ts
			}
		}
	}
	if fcp == 0 || len(count) == 0 {
		return nil, fmt.Errorf("the trace has no first contentful paint or no main thread")
	}
	var main [2]int
	for k, c := range count {
		if c > count[main] {
			main = k
		}
	}
	sort.Slice(evs, func(i, j int) bool { return evs[i].Ts < evs[j].Ts })
	end := map[string]float64{}
	out := map[string]float64{}
	for _, e := range evs {
		phase := tracePhases[e.Name]
		if phase == "" || e.Ph != "X" || [2]int{e.Pid, e.Tid} != main || e.Ts >= fcp || e.Ts < end[phase] {
			continue
		}
		end[phase] = e.Ts + e.Dur
		out[phase] += e.Tdur / 1000
	}
	return out, nil
}
