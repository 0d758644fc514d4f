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

// memoryHeld is what the server holds with its cache full (cacheBytes), its library's index of
// a number of articles and memoryBase: the live heap the soft memory limit is made for.
func memoryHeld(cacheBytes int64, articles int) int64 {
	return cacheBytes + memoryBase + int64(articles)*memoryPerArticle
}

// MemoryLimit returns the soft memory limit `verbatim serve` gives the Go runtime
// (debug.SetMemoryLimit) when the operator sets no GOMEMLIMIT: what the server holds with its
// cache full (memoryHeld: the cache, the index of a library of articles, and memoryBase), and half
// as much again as the collector's room, so that the heap may grow by about half of what is live
// between two collections (as GOGC=50 would let it). Without a limit, the collector lets the heap
// grow to twice what it holds: on a large library after its first start, that was 100 MB and more
// of garbage that the server's resident memory kept. With the limit at what the server holds and no
// more, a full cache left the collector no room: at 100,000 generated articles and the default
// cache, 3,000 cold article pages then 3,000 warm ones kept the live heap at 135–140 MB under a
// heap goal of 136–139 MB, and the collector ran back to back (1,763 cycles, 27% of the process's
// CPU; from the 600th page on, a collection was running 90% of the time). The limit is soft: a
// server that needs more gets it, the collector only runs more often.
func MemoryLimit(cacheBytes int64, articles int) int64 {
	held := memoryHeld(cacheBytes, articles)
	return held + held/2
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

// startHeadroom is what a start holds for a while beyond the limit of an empty library
// (memoryHeld(cacheBytes, 0)): the web folder read whole (50 MB with the wasm files' precompressed
// files), its encodings as they are made, and the scan's garbage at scanGCPercent. Under the limit
// of an empty library alone, the collector ran back to back through the web folder's work and the
// scavenger returned pages that the next allocations faulted in again: a tenth of a first start's
// CPU at 10,000 articles.
const startHeadroom = 128 << 20

// ApplyStartMemoryLimit gives the Go runtime the soft memory limit of a start (NewServer), what an
// empty library holds (memoryHeld) and startHeadroom, unless the operator set GOMEMLIMIT; it returns the
// limit set, or 0. `verbatim serve` gives the library's own (ApplyMemoryLimit) once the server is
// built, which returns the start's garbage to the system (debug.FreeOSMemory).
func ApplyStartMemoryLimit(cacheBytes int64) int64 {
	if os.Getenv("GOMEMLIMIT") != "" {
		return 0
	}
	n := memoryHeld(cacheBytes, 0) + startHeadroom
	debug.SetMemoryLimit(n)
	return n
}

// Articles returns how many articles the server's library serves now.
func (s *Server) Articles() int { return s.lib.Len() }
