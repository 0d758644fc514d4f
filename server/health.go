package server

import (
	"encoding/json"
	"net/http"
)

// healthz answers /healthz for load balancers: the status, the version and the number of articles.
func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	json.NewEncoder(w).Encode(map[string]any{"status": "ok", "version": s.version, "articles": len(s.lib.order)})
}
