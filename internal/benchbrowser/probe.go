package benchbrowser

import (
	_ "embed"
	"encoding/json"
	"strings"
	"sync"
)

// probeJS is the script every document of a measured tab runs first (probe.js).
//
//go:embed probe.js
var probeJS string

// probeBinding is the function the probe calls to report; the tab adds it with Runtime.addBinding.
const probeBinding = "__verbatimBench"

// probeEvent is one report of the probe: what happened, in which document, and when (ms since the
// Unix epoch).
type probeEvent struct {
	Kind       string  `json:"kind"` // start, fcp, longtask, load, ready, key, handled
	Top        bool    `json:"top"`  // the top document, not a frame
	URL        string  `json:"url"`
	At         float64 `json:"at"`
	Duration   float64 `json:"duration"`   // longtask
	Waited     float64 `json:"waited"`     // key: how long the first keydown waited for the main thread
	Controlled bool    `json:"controlled"` // start: a service worker controls the document
}

// probeLog keeps what the probe reported since the last reset. The page writes into it through the
// binding, so it trusts nothing but the shape: a payload that does not parse is dropped.
type probeLog struct {
	mu     sync.Mutex
	events []probeEvent
}

func (l *probeLog) add(payload string) {
	var e probeEvent
	if json.Unmarshal([]byte(payload), &e) != nil {
		return
	}
	l.mu.Lock()
	l.events = append(l.events, e)
	l.mu.Unlock()
}

func (l *probeLog) reset() {
	l.mu.Lock()
	l.events = nil
	l.mu.Unlock()
}

// first returns the first event of kind in a document whose URL starts with prefix (the top
// document when top is true, else a frame).
func (l *probeLog) first(kind string, top bool, prefix string) (probeEvent, bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, e := range l.events {
		if e.Kind == kind && e.Top == top && strings.HasPrefix(e.URL, prefix) {
			return e, true
		}
	}
	return probeEvent{}, false
}

// all returns the events of kind in the top document.
func (l *probeLog) all(kind string) []probeEvent {
	l.mu.Lock()
	defer l.mu.Unlock()
	var out []probeEvent
	for _, e := range l.events {
		if e.Kind == kind && e.Top {
			out = append(out, e)
		}
	}
	return out
}
