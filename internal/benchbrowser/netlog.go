package benchbrowser

import (
	"strings"
	"sync"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
)

// netLog keeps the requests of a tab, read from CDP's Network events: each request's URL and frame,
// and its bytes as transferred (encoded, headers included once it finished) with when they arrived,
// in ms since the Unix epoch as the probe's times are.
type netLog struct {
	mu     sync.Mutex
	reqs   map[network.RequestID]*netRequest
	order  []*netRequest
	frames map[cdp.FrameID]string // each frame's document URL
	last   float64                // when the network last did anything (a request started or ended)
}

// netRequest is one request of the tab.
type netRequest struct {
	URL    string
	Frame  cdp.FrameID
	Start  float64 // ms since the epoch
	offset float64 // ms to add to CDP's monotonic times (in ms) for the epoch
	chunks []netChunk
	Done   float64 // when it finished (0 while loading, or when it failed)
	Total  float64 // bytes transferred in all, known once it finished
}

type netChunk struct{ At, Bytes float64 }

func (l *netLog) init() {
	l.reqs = map[network.RequestID]*netRequest{}
	l.frames = map[cdp.FrameID]string{}
}

// reset forgets every request, before a new measurement in the same tab.
func (l *netLog) reset() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.init()
	l.order, l.last = nil, 0
}

func (l *netLog) frameNavigated(f *cdp.Frame) {
	if f == nil {
		return
	}
	l.mu.Lock()
	l.frames[f.ID] = f.URL
	l.mu.Unlock()
}

// event records one CDP Network event; any other event is ignored.
func (l *netLog) event(ev any) {
	l.mu.Lock()
	defer l.mu.Unlock()
	switch e := ev.(type) {
	case *network.EventRequestWillBeSent:
		if e.Request == nil {
			return
		}
		if r := l.reqs[e.RequestID]; r != nil { // a redirect: the same request goes on
			r.URL = e.Request.URL
			l.last = max(l.last, float64(e.WallTime)*1000)
			return
		}
		mono := float64(e.Timestamp) * 1000
		r := &netRequest{URL: e.Request.URL, Frame: e.FrameID, Start: float64(e.WallTime) * 1000}
		r.offset = r.Start - mono
		l.reqs[e.RequestID] = r
		l.order = append(l.order, r)
		l.last = max(l.last, r.Start)
	case *network.EventDataReceived:
		if r := l.reqs[e.RequestID]; r != nil {
			r.chunks = append(r.chunks, netChunk{At: float64(e.Timestamp)*1000 + r.offset, Bytes: float64(e.EncodedDataLength)})
		}
	case *network.EventLoadingFinished:
		if r := l.reqs[e.RequestID]; r != nil {
			r.Done, r.Total = float64(e.Timestamp)*1000+r.offset, e.EncodedDataLength
			l.last = max(l.last, r.Done)
		}
	case *network.EventLoadingFailed:
		if r := l.reqs[e.RequestID]; r != nil {
			l.last = max(l.last, float64(e.Timestamp)*1000+r.offset)
		}
	}
}

// bytesUntil returns the bytes transferred by time at (ms since the epoch) for the requests keep
// accepts: a request finished by then counts whole, one still loading counts the body bytes that had
// arrived.
func (l *netLog) bytesUntil(at float64, keep func(*netRequest) bool) float64 {
	l.mu.Lock()
	defer l.mu.Unlock()
	var n float64
	for _, r := range l.order {
		if !keep(r) {
			continue
		}
		if r.Done > 0 && r.Done <= at {
			n += r.Total
			continue
		}
		for _, c := range r.chunks {
			if c.At <= at {
				n += c.Bytes
			}
		}
	}
	return n
}

// frameOf returns the id of the frame whose document URL starts with prefix.
func (l *netLog) frameOf(prefix string) (cdp.FrameID, bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for id, u := range l.frames {
		if strings.HasPrefix(u, prefix) {
			return id, true
		}
	}
	return "", false
}

// urls returns the URLs of the requests that match.
func (l *netLog) urls(match func(*netRequest) bool) []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	var out []string
	for _, r := range l.order {
		if match(r) {
			out = append(out, r.URL)
		}
	}
	return out
}

// lastActivity returns when a request last started, finished or failed (ms since the epoch).
func (l *netLog) lastActivity() float64 {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.last
}
