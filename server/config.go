package server

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"log/slog"
	"maps"
	"net/url"
	"runtime"
	"runtime/debug"
	"sort"
	"strings"
	"time"

	"verbatim/article"
	"verbatim/internal/drain"
	"verbatim/internal/lru"
)

// DefaultCacheBytes is the default bound of the server's cache of built responses and parsed
// articles (Config.CacheBytes).
const DefaultCacheBytes = 64 << 20

// Config configures a Server. The zero value serves the embedded samples from ./web on
// localhost:8080.
type Config struct {
	Addr       string // listen address; "127.0.0.1:0" picks a free port (default localhost:8080)
	ContentDir string // .txt, .html and .md articles; empty serves the embedded samples
	// StateDir holds the library's index between runs (DefaultStateDir gives the usual place), so
	// that a restart reads only the content files that changed; empty keeps no state (every start
	// parses every file). It is a cache: deleting it costs one full indexing at the next start.
	StateDir string
	// CacheBytes bounds the memory of the articles' built responses (JSON, pages, their compressed
	// forms) and parsed articles; 0 means DefaultCacheBytes.
	CacheBytes int64
	// Watch is how often the content directory is checked for new, changed and deleted files; 0
	// checks only at start.
	Watch    time.Duration
	BaseURL  string       // absolute address of the site ("https://verbatim.example"), for og:url and oEmbed
	WebDir   string       // the web/ folder: app.wasm, icons, styles (default ./web)
	Partners []string     // origins allowed to frame /embed/ ("https://news.example")
	Logger   *slog.Logger // default: slog.Default()

	// StaticOEmbed makes the article pages' oEmbed discovery links name /oembed/{id}.json, the
	// files a static export holds (Export), instead of /oembed?url=…, which only the server answers.
	StaticOEmbed bool

	// Fetch turns on POST /api/fetch and the import page's "Read from a link" field: the server
	// fetches pages for its readers, through internal/fetch's SSRF guard.
	Fetch bool
	// FetchAllow lists hosts, addresses and CIDR ranges (comma-separated) that fetches may reach
	// although they are not public: for tests on loopback only, never on a server open to strangers.
	FetchAllow string

	parse      parseFunc     // article.Parse unless a test sets it
	readHook   func(string)  // tests: runs between a content file's open and its read
	fetchEvery time.Duration // the per-client fetch rate (fetchEvery unless a test sets it)
	fetchBurst int           // the per-client burst (fetchBurst unless a test sets it)
}

// NewServer loads the library and the web directory, derives the version from their content,
// precompresses every compressible file, and returns a server ready to Start. A content file that
// fails to parse is logged and skipped; a missing web directory or a bad option is an error.
func NewServer(cfg Config) (*Server, error) {
	if cfg.Addr == "" {
		cfg.Addr = "localhost:8080"
	}
	if cfg.WebDir == "" {
		cfg.WebDir = "web"
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if cfg.parse == nil {
		cfg.parse = article.Parse
	}
	if cfg.BaseURL != "" {
		u, err := url.Parse(cfg.BaseURL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.RawQuery != "" || u.Fragment != "" {
			return nil, fmt.Errorf("base URL %q: give an absolute http or https address, such as https://verbatim.example", cfg.BaseURL)
		}
		cfg.BaseURL = strings.TrimSuffix(u.String(), "/")
	}
	partners := make([]string, 0, len(cfg.Partners))
	for _, p := range cfg.Partners {
		o, err := parseOrigin(p)
		if err != nil {
			return nil, err
		}
		partners = append(partners, o)
	}
	cfg.Partners = partners
	fetcher, err := fetchConfigured(cfg)
	if err != nil {
		return nil, err
	}
	if cfg.FetchAllow != "" && cfg.Fetch {
		cfg.Logger.Warn("-fetch-allow opens private addresses to fetches: anyone who can reach this server can make it request them; use it for tests only", "allow", cfg.FetchAllow)
	}
	if cfg.fetchEvery == 0 {
		cfg.fetchEvery, cfg.fetchBurst = fetchEvery, fetchBurst
	}

	s := &Server{cfg: cfg, log: cfg.Logger, drain: drain.New()}
	s.fetch = newFetchAPI(fetcher, cfg.fetchEvery, cfg.fetchBurst, s.log.Info)
	if cfg.CacheBytes <= 0 {
		cfg.CacheBytes = DefaultCacheBytes
	}
	bg := newBackground()
	lib, err := openLibrary(libraryOptions{dir: cfg.ContentDir, state: cfg.StateDir, parse: cfg.parse, log: s.log,
		cache: lru.New(cfg.CacheBytes), readHook: cfg.readHook, background: bg})
	if err != nil {
		return nil, err
	}
	s.lib = lib
	unlist := prerender.add(lib)
	s.upgrades = newUpgrader(upgradeQueue, bg)
	s.release = func() { s.upgrades.close(); unlist(); lib.close() }
	web, err := loadWebDir(cfg.WebDir, s.log)
	if err != nil {
		s.release()
		return nil, err
	}
	if _, ok := web["app.wasm"]; !ok {
		s.log.Warn("web directory has no app.wasm: the articles and embeds work, but the library and the import page cannot start; run make build", "web", cfg.WebDir)
	} else if _, ok := web["parse.wasm"]; !ok {
		s.log.Warn("web directory has no parse.wasm: import cannot parse, and the service worker cannot install (no offline reading); run make build", "web", cfg.WebDir)
	}
	sums := fileSums(web)
	s.version = versionOf(web, sums)
	if err := s.loadAssets(web, sums); err != nil {
		s.release()
		return nil, err
	}
	s.handler = s.routes()
	if cfg.Watch > 0 && cfg.ContentDir != "" {
		lib.watch(cfg.Watch)
	}
	// The start's garbage (compression windows, the scan's reads) goes back to the system now, not
	// whenever the runtime gets to it: resident memory is what operators watch.
	debug.FreeOSMemory()
	s.log.Info("server ready", "version", s.version, "articles", lib.Len(), "web files", len(web))
	return s, nil
}

// versionOf derives the app version from the content of the web directory, already in memory (the
// page, worker and partner scripts and the service worker's template included), so that the same
// build gets the same version after a restart and readers keep their cached app.wasm: a hash of
// each file's name, size and SHA-256 (sums, fileSums'), the sums the assets' ETags are made of, so
// that the web folder is hashed once a start.
// app.VersionOf, which reads its files from disk again, serves only a handler made without a
// version: the server's covers every file it hashes.
func versionOf(web map[string][]byte, sums map[string]*[sha256.Size]byte) string {
	names := make([]string, 0, len(web))
	for n := range web {
		names = append(names, n)
	}
	sort.Strings(names)
	h := sha256.New()
	for _, n := range names {
		fmt.Fprintf(h, "%s\x00%d\x00", n, len(web[n]))
		h.Write(sums[n][:])
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// fileSums returns the SHA-256 of each file of web, by name, hashed on all cores: the version's,
// the files' ETags and their stored encodings' keys, and the check of their precompressed forms.
func fileSums(web map[string][]byte) map[string]*[sha256.Size]byte {
	out := make(map[string]*[sha256.Size]byte, len(web))
	for name := range web {
		out[name] = new([sha256.Size]byte)
	}
	concurrently(runtime.GOMAXPROCS(0), maps.All(web), func(name string, body []byte) {
		*out[name] = sha256.Sum256(body)
	})
	return out
}

// Version returns the app version the server announces to go-app (the content hash of the build).
func (s *Server) Version() string { return s.version }
