package benchbrowser

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/performance"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// FindChromium returns the path of Chromium: $CHROMIUM when set, else the first of chromium,
// chromium-browser and google-chrome on the PATH.
func FindChromium() (string, error) {
	for _, p := range []string{os.Getenv("CHROMIUM"), "chromium", "chromium-browser", "google-chrome"} {
		if p == "" {
			continue
		}
		if path, err := exec.LookPath(p); err == nil {
			return path, nil
		}
	}
	return "", fmt.Errorf("chromium is missing: run make test-env (or apt-get install chromium), or set $CHROMIUM")
}

// Network is the network a tab emulates (CDP Network.emulateNetworkConditions); the zero Network
// leaves loopback unthrottled.
type Network struct {
	Name     string
	Latency  float64 // ms added to each request
	Download float64 // bytes per second
	Upload   float64
}

// Fast4G is DevTools' "Fast 4G" preset as DevTools applies it: 9 Mbit/s down, 1.5 Mbit/s up, 60 ms
// of latency, with DevTools' adjustment factors (0.9 on throughput, 2.75 on latency). Issue 13 names
// it. Lighthouse's own mobile default, which its rows use (simulated, not applied), is slower:
// "Slow 4G", 150 ms RTT and 1.6 Mbit/s.
var Fast4G = Network{Name: "Fast 4G", Latency: 60 * 2.75, Download: 9e6 / 8 * 0.9, Upload: 1.5e6 / 8 * 0.9}

// Phone is what a measured tab emulates: a CPU slowed CPU times (CDP Emulation.setCPUThrottlingRate),
// the network, Lighthouse's mobile screen (412×823 CSS pixels at 1.75), and, when InProcessFrames,
// cross-site frames in the page's own renderer process, as on phones where site isolation is off.
type Phone struct {
	CPU             float64
	Network         Network
	InProcessFrames bool
}

// Describe names the conditions for a row of the table: "4× CPU, Fast 4G".
func (p Phone) Describe() string {
	network := p.Network.Name
	if p.Network == (Network{}) {
		network = "loopback"
	}
	s := fmt.Sprintf("%g× CPU, %s", p.CPU, network)
	if p.InProcessFrames {
		s += ", frames in the page's process"
	}
	return s
}

// inProcessFlags keep cross-site frames in their parent's renderer process. --disable-features
// names what chrome-launcher (Lighthouse's launcher) disables too: Chromium reads only the last
// --disable-features, so Lighthouse, given ours, would otherwise lose its own.
var inProcessFlags = []string{
	"--disable-site-isolation-trials",
	"--disable-features=Translate,OptimizationHints,MediaRouter,DialMediaRouteProvider,CalculateNativeWinOcclusion," +
		"InterestFeedContentSuggestions,CertificateTransparencyComponentUpdater,AutofillServerCommunication," +
		"PrivacySandboxSettings4,RenderDocument,IsolateOrigins,site-per-process",
}

// baseFlags are the flags of every Chromium the bench starts, its own and Lighthouse's: headless,
// no sandbox (the machine runs as root), no GPU, no QUIC, and nothing that reaches beyond loopback.
var baseFlags = []string{
	"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--no-default-browser-check",
	"--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
}

// chromiumFlags returns the command-line flags of a Chromium for phone.
func chromiumFlags(phone Phone) []string {
	flags := append([]string(nil), baseFlags...)
	if phone.InProcessFrames {
		flags = append(flags, inProcessFlags...)
	}
	return flags
}

// emulateNetworkConditions is CDP's Network.emulateNetworkConditions, which cdproto no longer
// generates (Chromium still takes it).
var emulateNetworkConditions = cdp.Command[networkConditions, cdp.Empty]{Method: "Network.emulateNetworkConditions"}

type networkConditions struct {
	Offline            bool    `json:"offline"`
	Latency            float64 `json:"latency"`
	DownloadThroughput float64 `json:"downloadThroughput"`
	UploadThroughput   float64 `json:"uploadThroughput"`
}

// tab is one fresh headless Chromium (its own profile: empty cache, no service worker) with one
// page, throttled as its phone says, the probe in every document and the network logged.
type tab struct {
	ctx   context.Context
	close func()
	probe probeLog
	net   netLog
}

// openTab starts Chromium at exe for phone. The caller closes the tab; its profile is removed then.
func openTab(parent context.Context, exe string, phone Phone) (*tab, error) {
	dir, err := os.MkdirTemp("", "verbatim-bench-chromium-")
	if err != nil {
		return nil, err
	}
	opts := []chromedp.ExecAllocatorOption{chromedp.ExecPath(exe), chromedp.UserDataDir(dir), chromedp.WindowSize(412, 823)}
	for _, f := range chromiumFlags(phone) {
		name, value := flagParts(f)
		opts = append(opts, chromedp.Flag(name, value))
	}
	alloc, cancelAlloc := chromedp.NewExecAllocator(parent, opts...)
	ctx, cancelCtx := chromedp.NewContext(alloc)
	t := &tab{ctx: ctx, close: func() { cancelCtx(); cancelAlloc(); os.RemoveAll(dir) }}
	t.net.init()
	if err := t.setUp(phone); err != nil {
		t.close()
		return nil, fmt.Errorf("starting Chromium for %s: %w", phone.Describe(), err)
	}
	return t, nil
}

// flagParts splits "--name=value" into name and value ("--name" is the value true).
func flagParts(f string) (string, any) {
	f = f[2:]
	for i := range len(f) {
		if f[i] == '=' {
			return f[:i], f[i+1:]
		}
	}
	return f, true
}

func (t *tab) setUp(phone Phone) error {
	if err := chromedp.Do(t.ctx, chromedp.Navigate("about:blank")); err != nil {
		return err
	}
	if err := chromedp.Listen(t.ctx, t.event); err != nil {
		return err
	}
	if _, err := chromedp.Call(t.ctx, network.Enable, network.EnableParams{}); err != nil {
		return err
	}
	if _, err := chromedp.Call(t.ctx, performance.Enable, performance.EnableParams{}); err != nil {
		return err
	}
	if phone.Network != (Network{}) {
		if _, err := chromedp.Call(t.ctx, emulateNetworkConditions, networkConditions{
			Latency: phone.Network.Latency, DownloadThroughput: phone.Network.Download, UploadThroughput: phone.Network.Upload}); err != nil {
			return err
		}
	}
	if _, err := chromedp.Call(t.ctx, emulation.SetCPUThrottlingRate, emulation.SetCPUThrottlingRateParams{Rate: phone.CPU}); err != nil {
		return err
	}
	if _, err := chromedp.Call(t.ctx, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{
		Width: 412, Height: 823, DeviceScaleFactor: 1.75, Mobile: true}); err != nil {
		return err
	}
	if _, err := chromedp.Call(t.ctx, runtime.AddBinding, runtime.AddBindingParams{Name: probeBinding}); err != nil {
		return err
	}
	_, err := chromedp.Call(t.ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: probeJS})
	return err
}

// event takes the tab's CDP events: the probe's reports and the network's. It runs on chromedp's
// reading goroutine, so it only records.
func (t *tab) event(ev any) {
	switch e := ev.(type) {
	case *runtime.EventBindingCalled:
		if e.Name == probeBinding {
			t.probe.add(e.Payload)
		}
	case *page.EventFrameNavigated:
		t.net.frameNavigated(e.Frame)
	default:
		t.net.event(ev)
	}
}

// navigate starts loading url in the top frame, without waiting for it to load.
func (t *tab) navigate(url string) error {
	res, err := chromedp.Call(t.ctx, page.Navigate, page.NavigateParams{URL: url})
	if err == nil && res.ErrorText != "" {
		err = fmt.Errorf("%s", res.ErrorText)
	}
	if err != nil {
		return fmt.Errorf("opening %s: %w", url, err)
	}
	return nil
}

// pressH types "h" once, as a keyboard does (keydown with its text, keyup). Chromium answers when
// the page has taken the event, which waits for a busy main thread; the wait is bounded so that a
// key sent while the document is being replaced does not hang.
func (t *tab) pressH() {
	ctx, cancel := context.WithTimeout(t.ctx, 10*time.Second)
	defer cancel()
	for _, typ := range []input.DispatchKeyEventType{input.DispatchKeyEventTypeKeyDown, input.DispatchKeyEventTypeKeyUp} {
		p := input.DispatchKeyEventParams{Type: typ, Key: "h", Code: "KeyH", WindowsVirtualKeyCode: 72, NativeVirtualKeyCode: 72}
		if typ == input.DispatchKeyEventTypeKeyDown {
			p.Text, p.UnmodifiedText = "h", "h"
		}
		if _, err := chromedp.Call(ctx, input.DispatchKeyEvent, p); err != nil {
			return
		}
	}
}

// taskDuration returns the renderer's main-thread task time so far, in ms (CDP Performance
// metrics: TaskDuration), which covers the frames kept in the page's process.
func (t *tab) taskDuration() (float64, error) {
	m, err := chromedp.Call(t.ctx, performance.GetMetrics, cdp.Empty{})
	if err != nil {
		return 0, err
	}
	for _, x := range m.Metrics {
		if x.Name == "TaskDuration" {
			return x.Value * 1000, nil
		}
	}
	return 0, fmt.Errorf("chromium reported no TaskDuration metric")
}

// eval evaluates a JavaScript expression in the top document, awaiting a promise.
func eval[T any](t *tab, timeout time.Duration, expr string) (T, error) {
	ctx, cancel := context.WithTimeout(t.ctx, timeout)
	defer cancel()
	return chromedp.Run(ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
}

// poll waits until a JavaScript condition holds in the top document, checking every interval in the
// page, and fails after timeout naming what. A poll that a navigation ends (its document replaced)
// starts again in the new document.
func poll(t *tab, timeout, interval time.Duration, what, cond string) error {
	ctx, cancel := context.WithTimeout(t.ctx, timeout)
	defer cancel()
	guarded := "(() => { try { return !!(" + cond + "); } catch (e) { return false; } })()"
	for {
		_, err := chromedp.Run(ctx, chromedp.Poll[bool](guarded, chromedp.WithPollingInterval(interval), chromedp.WithPollingTimeout(timeout)))
		if err == nil {
			return nil
		}
		if ctx.Err() != nil {
			return fmt.Errorf("waiting for %s: %w", what, err)
		}
		time.Sleep(interval)
	}
}
