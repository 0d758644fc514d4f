package benchbrowser

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"verbatim/article/model"
)

// The measuring machinery in real headless Chromium, on the bench's own site: the probe reports a
// page's reaction to "h" and nothing on a page that does not react, the ready condition and the
// paints, and the frames flags keep cross-site frames in the page's process (without them,
// frameTargetsAbsent notices). The tests assert what is reported, never how fast.

func startTestSite(t *testing.T) (*Site, string) {
	t.Helper()
	exe, err := FindChromium()
	if err != nil {
		t.Fatal(err)
	}
	s, err := StartSite(testWeb(t), []model.ArticleID{"zakaria-peskov", "harbour-council"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Close)
	return s, exe
}

func testTab(t *testing.T, exe string, p Phone) *tab {
	t.Helper()
	tb, err := openTab(context.Background(), exe, p)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(tb.close)
	return tb
}

func TestProbeSeesTheHandledKey(t *testing.T) {
	s, exe := startTestSite(t)
	tb := testTab(t, exe, Phone{CPU: 1})

	page := s.Plain + "/article/zakaria-peskov.html"
	l, err := tb.measureLoad(page, loadOptions{Keys: true, Ready: `document.querySelector("h1")`})
	if err != nil {
		t.Fatal(err)
	}
	if l.FCP <= 0 || l.Load <= 0 || l.Handled <= 0 || l.Ready <= 0 {
		t.Errorf("load %+v: want a first paint, a load event, a handled key and the ready condition", l)
	}
	if l.Controlled {
		t.Error("the plain page says a service worker controls it")
	}
	if _, ok := tb.probe.first("key", true, page); !ok {
		t.Error("no keydown reported, though a key was handled")
	}

	// The frame page has no script: keys reach it, and the probe reports none handled.
	frame := s.Plain + "/frame/zakaria-peskov.html"
	if _, err := tb.measureLoad(frame, loadOptions{}); err != nil {
		t.Fatal(err)
	}
	for range 5 {
		tb.pressH()
	}
	if _, ok := tb.probe.first("key", true, frame); !ok {
		t.Fatal("the keys did not reach the page without a handler")
	}
	if e, ok := tb.probe.first("handled", true, frame); ok {
		t.Errorf("a page without a handler reported a handled key: %+v", e)
	}
}

func TestFramesInThePagesProcess(t *testing.T) {
	s, exe := startTestSite(t)
	frames := []string{s.Plain + "/frame/zakaria-peskov.html", s.Plain + "/frame/harbour-council.html"}

	tb := testTab(t, exe, Phone{CPU: 1, InProcessFrames: true})
	l, err := tb.measureFrames(s.Partner+"/iframes.html", frames, func(*netRequest) bool { return false })
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Readable) != 2 || l.Readable[0] <= 0 || l.Readable[1] <= 0 {
		t.Errorf("frames readable at %v, want both painted", l.Readable)
	}
	if l.FirstBytes <= 0 || l.AllBytes <= l.FirstBytes {
		t.Errorf("bytes: first frame %v, page %v; want the page's to hold the frame's and more", l.FirstBytes, l.AllBytes)
	}
	if len(l.Wasm) != 0 || l.TaskMS <= 0 {
		t.Errorf("wasm %v, main-thread time %v ms: want no wasm and some work", l.Wasm, l.TaskMS)
	}

	// Without the flags, Chromium gives each cross-site frame a process (a target) of its own.
	isolated := testTab(t, exe, Phone{CPU: 1})
	if err := isolated.navigate(s.Partner + "/iframes.html"); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(time.Minute)
	for {
		err := isolated.frameTargetsAbsent()
		if err != nil {
			if !strings.Contains(err.Error(), "process of its own") {
				t.Fatal(err)
			}
			break
		}
		if time.Now().After(deadline) {
			infos, _ := chromedp.Targets(isolated.ctx)
			t.Fatalf("no frame target in a minute without the flags; targets: %v", infos)
		}
		time.Sleep(100 * time.Millisecond)
	}
}
