package server

import (
	"encoding/json"
	"net/http"
)

// healthz answers /healthz for load balancers: the status, the version, the number of articles and
// what the bounded cache holds. It is 200 with status "ok" until Close begins, then 503 with status "draining", so that
// a load balancer sends no new request to a server that is shutting down.
func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	status := "ok"
	if s.draining.Load() {
		status = "draining"
		w.WriteHeader(http.StatusServiceUnavailable)
	}
	entries, bytes := s.lib.cache.Stats()
	json.NewEncoder(w).Encode(map[string]any{"status": status, "version": s.version, "articles": s.lib.Len(),
		"cache": map[string]int64{"entries": int64(entries), "bytes": bytes}})
}
