package server

import (
	"encoding/json"
	"net/http"
)

// healthz answers /healthz for load balancers: the status, the version and the number of
// articles. It is 200 with status "ok" until Close begins, then 503 with status "draining", so that
// a load balancer sends no new request to a server that is shutting down.
func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	status := "ok"
	if s.draining.Load() {
		status = "draining"
		w.WriteHeader(http.StatusServiceUnavailable)
	}
	json.NewEncoder(w).Encode(map[string]any{"status": status, "version": s.version, "articles": len(s.lib.order)})
}
