package server

import (
	"os"
	"runtime/debug"
)

// memoryBase is what the server holds besides its cache and its library's index, for
// MemoryLimit: the web folder and its encodings, go-app's resources, the runtime, and room for the
// requests in flight. Measured (GODEBUG=gctrace=1) on 10,000 articles after 540 page requests: 61 MB
// live with the cache partly full; with the collector's default, the heap's goal was then 117 MB.
const memoryBase = 64 << 20

// memoryPerArticle is what the library's index holds of one article in memory (about 220 bytes,
// measured on 100,000 articles: entries, their strings, the routes and the order), with a margin.
const memoryPerArticle = 256

// MemoryLimit returns the soft memory limit `verbatim serve` gives the Go runtime
// (debug.SetMemoryLimit) when the operator sets no GOMEMLIMIT: the cache (cacheBytes), the index of
// a library of articles, and memoryBase. Without it, the collector lets the heap grow to twice what
// it holds: on a large library after its first start, that was 100 MB and more of garbage that the
// server's resident memory kept. The limit is soft: a server that needs more gets it, the collector
// only runs more often.
func MemoryLimit(cacheBytes int64, articles int) int64 {
	return cacheBytes + memoryBase + int64(articles)*memoryPerArticle
}

// ApplyMemoryLimit gives the Go runtime MemoryLimit(cacheBytes, articles) as its soft memory limit
// unless the operator set GOMEMLIMIT, and returns the limit set, or 0 when it set none.
func ApplyMemoryLimit(cacheBytes int64, articles int) int64 {
	if os.Getenv("GOMEMLIMIT") != "" {
		return 0
	}
	n := MemoryLimit(cacheBytes, articles)
	debug.SetMemoryLimit(n)
	return n
}

// Articles returns how many articles the server's library serves now.
func (s *Server) Articles() int { return s.lib.Len() }
