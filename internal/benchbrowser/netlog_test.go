package benchbrowser

import (
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
)

// TestNetLogBytesUntil feeds the log CDP's events for three requests and reads their bytes at
// several moments: a finished request counts whole (headers included), one still loading counts
// the body bytes that had arrived, and CDP's monotonic times are moved onto the epoch's.
func TestNetLogBytesUntil(t *testing.T) {
	var l netLog
	l.init()
	// The monotonic clock reads 100 s when the epoch reads 1,000,000 s: 999,900 s apart.
	const wall = 999_900.0
	send := func(id, url, frame string, at float64) {
		l.event(&network.EventRequestWillBeSent{RequestID: network.RequestID(id), Request: &network.Request{URL: url},
			FrameID: cdp.FrameID(frame), Timestamp: cdp.MonotonicTime(at), WallTime: cdp.TimeSinceEpoch(at + wall)})
	}
	data := func(id string, at float64, n int64) {
		l.event(&network.EventDataReceived{RequestID: network.RequestID(id), Timestamp: cdp.MonotonicTime(at), EncodedDataLength: n})
	}
	done := func(id string, at, total float64) {
		l.event(&network.EventLoadingFinished{RequestID: network.RequestID(id), Timestamp: cdp.MonotonicTime(at), EncodedDataLength: total})
	}
	l.frameNavigated(&cdp.Frame{ID: "top", URL: "http://localhost:1/embeds.html"})
	l.frameNavigated(&cdp.Frame{ID: "f1", URL: "http://127.0.0.1:2/embed/a?origin=x"})

	send("1", "http://127.0.0.1:2/embed.js", "top", 100.0)
	data("1", 100.1, 900)
	done("1", 100.2, 1200) // 900 of body and 300 of headers
	send("2", "http://127.0.0.1:2/embed/a?origin=x", "f1", 100.3)
	data("2", 100.4, 4000)
	done("2", 100.5, 4300)
	send("3", "http://127.0.0.1:2/app.wasm", "f1", 100.6)
	data("3", 100.7, 50_000)
	data("3", 100.9, 50_000)
	// A redirect goes on as the same request, with its new URL.
	send("4", "http://127.0.0.1:2/old", "top", 100.6)
	send("4", "http://127.0.0.1:2/new", "top", 100.7)

	epoch := func(mono float64) float64 { return (mono + wall) * 1000 }
	all := func(*netRequest) bool { return true }
	f1, ok := l.frameOf("http://127.0.0.1:2/embed/a?")
	if !ok || f1 != "f1" {
		t.Fatalf("frameOf = %q, %v, want f1", f1, ok)
	}
	inFrame := func(r *netRequest) bool { return r.Frame == f1 }
	for _, tc := range []struct {
		name string
		at   float64
		keep func(*netRequest) bool
		want float64
	}{
		{"before anything", 99.9, all, 0},
		{"the first body chunk", 100.15, all, 900},
		{"the first request done", 100.25, all, 1200},
		{"the page's second done", 100.55, all, 5500},
		{"the wasm half there", 100.8, all, 55_500},
		{"the wasm all there, not finished", 101, all, 105_500},
		{"the frame's own only", 101, inFrame, 104_300},
	} {
		if got := l.bytesUntil(epoch(tc.at), tc.keep); got != tc.want {
			t.Errorf("%s: bytesUntil(%v) = %v, want %v", tc.name, tc.at, got, tc.want)
		}
	}
	if got := l.urls(func(r *netRequest) bool { return r.Frame == "top" }); len(got) != 2 || got[1] != "http://127.0.0.1:2/new" {
		t.Errorf("the top frame's requests: %v, want embed.js and /new", got)
	}
	if got, want := l.lastActivity(), epoch(100.7); got != want {
		t.Errorf("lastActivity = %v, want %v (the redirect's start)", got, want)
	}

	l.reset()
	if got := l.bytesUntil(epoch(200), all); got != 0 {
		t.Errorf("after reset: %v bytes, want 0", got)
	}
}
