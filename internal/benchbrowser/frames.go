package benchbrowser

import (
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/chromedp/chromedp"
)

// quietFor is how long a partner page's network must stay idle before the bench stops watching it
// for requests (a wasm fetched at idle time counts too); quietMax bounds the watch.
const (
	quietFor = 5 * time.Second
	quietMax = 60 * time.Second
)

// framesLoad is what one load of a page with frames measured, in ms from the top document's
// navigation start.
type framesLoad struct {
	Readable      []float64 // each frame's first contentful paint, in the order asked
	FirstBytes    float64   // the first frame's bytes until it was readable, with the shared requests
	AllBytes      float64   // every request of the page until the last frame was readable
	Wasm          []string  // every *.wasm requested while watched
	TaskMS        float64   // main-thread task time (page and frames) until the network was quiet
	LongBlockedMS float64   // the top document's long tasks' time over 50 ms each, after its FCP
}

// measureFrames opens url, a page whose frames' documents start with the prefixes in frames, and
// watches it until every frame has painted and the network has been quiet for quietFor. shared says
// which of the top document's requests belong to the first frame's cost (embed.js). The frames
// must be in the page's process (Phone.InProcessFrames): the probe reports through the page's own
// binding, and the main thread measured is theirs too.
func (t *tab) measureFrames(pageURL string, frames []string, shared func(*netRequest) bool) (framesLoad, error) {
	t.probe.reset()
	t.net.reset()
	before, err := t.taskDuration()
	if err != nil {
		return framesLoad{}, err
	}
	if err := t.navigate(pageURL); err != nil {
		return framesLoad{}, err
	}
	deadline := time.Now().Add(loadWait)
	var start, fcp probeEvent
	paints := make([]probeEvent, len(frames))
	for {
		ok := true
		var o bool
		if start, o = t.probe.first("start", true, pageURL); !o {
			ok = false
		}
		if fcp, o = t.probe.first("fcp", true, pageURL); !o {
			ok = false
		}
		for i, f := range frames {
			if paints[i], o = t.probe.first("fcp", false, f); !o {
				ok = false
			}
		}
		if ok {
			break
		}
		if time.Now().After(deadline) {
			return framesLoad{}, fmt.Errorf("%s: the frames %v did not all paint within %s", pageURL, frames, loadWait)
		}
		time.Sleep(50 * time.Millisecond)
	}
	if err := t.frameTargetsAbsent(); err != nil {
		return framesLoad{}, err
	}
	// Watch until the network is quiet: a wasm fetched once the page is idle counts.
	until := time.Now().Add(quietMax)
	for time.Now().Before(until) {
		if float64(time.Now().UnixMilli())-t.net.lastActivity() > float64(quietFor.Milliseconds()) {
			break
		}
		time.Sleep(250 * time.Millisecond)
	}
	after, err := t.taskDuration()
	if err != nil {
		return framesLoad{}, err
	}

	r := framesLoad{TaskMS: after - before}
	last := 0.0
	for _, p := range paints {
		r.Readable = append(r.Readable, p.At-start.At)
		last = max(last, p.At)
	}
	first, ok := t.net.frameOf(frames[0])
	if !ok {
		return framesLoad{}, fmt.Errorf("%s: Chromium named no frame for %s", pageURL, frames[0])
	}
	r.FirstBytes = t.net.bytesUntil(paints[0].At, func(q *netRequest) bool { return q.Frame == first || shared(q) })
	r.AllBytes = t.net.bytesUntil(last, func(*netRequest) bool { return true })
	r.Wasm = t.net.urls(func(q *netRequest) bool {
		u, err := url.Parse(q.URL)
		return err == nil && strings.HasSuffix(u.Path, ".wasm")
	})
	for _, lt := range t.probe.all("longtask") {
		if lt.At >= fcp.At && lt.Duration > 50 {
			r.LongBlockedMS += lt.Duration - 50
		}
	}
	return r, nil
}

// frameTargetsAbsent fails when Chromium runs any frame out of the page's process: the flags of
// Phone.InProcessFrames did not take, and the page's main thread would not carry the frames' work.
func (t *tab) frameTargetsAbsent() error {
	infos, err := chromedp.Targets(t.ctx)
	if err != nil {
		return err
	}
	for _, info := range infos {
		if info.Type == "iframe" {
			return fmt.Errorf("the frame %s runs in a process of its own: the site-isolation flags did not take", info.URL)
		}
	}
	return nil
}
