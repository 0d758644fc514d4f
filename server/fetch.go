package server

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"mime"
	"net"
	"net/http"
	"net/netip"
	"strconv"
	"sync"
	"time"

	"golang.org/x/time/rate"

	"verbatim/app"
	"verbatim/internal/fetch"
)

// The per-client limit of POST /api/fetch: a burst of fetchBurst, then one every fetchEvery.
const (
	fetchEvery = 6 * time.Second
	fetchBurst = 5
	// fetchConcurrent bounds the fetches in flight for all clients together.
	fetchConcurrent = 8
	// maxFetchRequest bounds the request's JSON body.
	maxFetchRequest = 8 << 10
	// maxFetchClients bounds the limiters kept; past it, those of clients back to a full bucket go.
	maxFetchClients = 10000
)

// errNoFetch is the answer of a server that runs without -fetch.
const errNoFetch = "this server does not fetch links (it runs without -fetch): use the bookmarklet on the import page, or paste the article"

// fetchAPI answers POST /api/fetch (`verbatim serve -fetch`): {"url": "…"} in, the Article's JSON
// out, or an error status with {"error": "one line"}.
//
// Trust boundary: the URL and the client are strangers. The fetch is internal/fetch's, with its
// SSRF guard; this adds the per-client rate limit (429 with Retry-After), a bound on fetches in
// flight (503 with Retry-After), a JSON body of at most maxFetchRequest bytes, and refuses requests a
// browser marks cross-site, so that another site's page cannot spend this server's fetches.
type fetchAPI struct {
	f       *fetch.Fetcher // nil: the server runs without -fetch
	every   time.Duration
	burst   int
	slots   chan struct{}
	mu      sync.Mutex
	clients map[netip.Prefix]*rate.Limiter
	logf    func(msg string, args ...any)
}

func newFetchAPI(f *fetch.Fetcher, every time.Duration, burst int, logf func(string, ...any)) *fetchAPI {
	return &fetchAPI{f: f, every: every, burst: burst, slots: make(chan struct{}, fetchConcurrent),
		clients: map[netip.Prefix]*rate.Limiter{}, logf: logf}
}

func (api *fetchAPI) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cache-Control", "no-store")
	if api.f == nil {
		fetchError(w, http.StatusNotFound, errNoFetch)
		return
	}
	if r.Header.Get("Sec-Fetch-Site") == "cross-site" {
		fetchError(w, http.StatusForbidden, "only Verbatim's own pages may ask this server to fetch a link")
		return
	}
	if mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt != "application/json" {
		fetchError(w, http.StatusUnsupportedMediaType, `send {"url": "…"} as application/json`)
		return
	}
	if wait, ok := api.allow(r.RemoteAddr); !ok {
		w.Header().Set("Retry-After", strconv.Itoa(int(math.Ceil(wait.Seconds()))))
		fetchError(w, http.StatusTooManyRequests, fmt.Sprintf("too many links fetched from your address: try again in %d seconds", int(math.Ceil(wait.Seconds()))))
		return
	}
	var req struct {
		URL string `json:"url"`
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxFetchRequest))
	if err == nil {
		err = json.Unmarshal(body, &req)
	}
	if err != nil {
		fetchError(w, http.StatusBadRequest, `send {"url": "…"}, a JSON object of at most 8 KiB`)
		return
	}
	select {
	case api.slots <- struct{}{}:
		defer func() { <-api.slots }()
	default:
		w.Header().Set("Retry-After", "5")
		fetchError(w, http.StatusServiceUnavailable, "the server is fetching too many links at once: try again in a few seconds")
		return
	}
	a, err := api.f.Article(r.Context(), req.URL)
	if err != nil {
		var fe *fetch.Error
		if !errors.As(err, &fe) {
			api.logf("fetch failed", "client", r.RemoteAddr, "err", err)
			fetchError(w, http.StatusInternalServerError, "the server failed while reading the page; try again")
			return
		}
		api.logf("fetch refused", "client", r.RemoteAddr, "status", fe.Status(), "err", fe.Msg)
		fetchError(w, fe.Status(), fe.Msg)
		return
	}
	b, err := json.Marshal(a)
	if err != nil {
		fetchError(w, http.StatusInternalServerError, "the server could not encode the article; try again")
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Write(b)
}

// fetchError writes {"error": msg} with status.
func fetchError(w http.ResponseWriter, status int, msg string) {
	b, _ := json.Marshal(map[string]string{"error": msg})
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	w.Write(b)
}

// allow takes one fetch from the client's bucket, or says how long until it has one. A client is
// its IPv4 address, or its IPv6 /64 (one host's usual share).
func (api *fetchAPI) allow(remote string) (time.Duration, bool) {
	host, _, err := net.SplitHostPort(remote)
	if err != nil {
		host = remote
	}
	a, err := netip.ParseAddr(host)
	if err != nil {
		return 0, true // not a network client (a test's handler call): nothing to key on
	}
	a = a.Unmap()
	key := netip.PrefixFrom(a, a.BitLen())
	if a.Is6() {
		key, _ = a.Prefix(64)
	}
	api.mu.Lock()
	defer api.mu.Unlock()
	l := api.clients[key]
	if l == nil {
		if len(api.clients) >= maxFetchClients {
			for k, old := range api.clients {
				if old.Tokens() >= float64(api.burst) {
					delete(api.clients, k)
				}
			}
			if len(api.clients) >= maxFetchClients {
				clear(api.clients) // that many clients all waiting: start every bucket again
			}
		}
		l = rate.NewLimiter(rate.Every(api.every), api.burst)
		api.clients[key] = l
	}
	res := l.Reserve()
	if d := res.Delay(); d > 0 {
		res.Cancel()
		return d, false
	}
	return 0, true
}

// fetchConfigured returns the fetcher for cfg, or nil when cfg does not turn fetching on.
func fetchConfigured(cfg Config) (*fetch.Fetcher, error) {
	if !cfg.Fetch {
		if cfg.FetchAllow != "" {
			return nil, fmt.Errorf("-fetch-allow %q opens addresses to fetches, but fetching is off: add -fetch, or drop -fetch-allow", cfg.FetchAllow)
		}
		return nil, nil
	}
	al, err := fetch.ParseAllow(cfg.FetchAllow)
	if err != nil {
		return nil, err
	}
	return fetch.New(fetch.Config{Allow: al}), nil
}

// fetchPath is where the import page posts a link (app.FetchPath).
const fetchPath = app.FetchPath
