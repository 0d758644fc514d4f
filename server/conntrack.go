package server

import (
	"context"
	"net"
	"net/http"
	"sync"
)

// connTracker counts the connections an http.Server has accepted and not yet closed, through its
// ConnState hook.
type connTracker struct {
	mu     sync.Mutex
	open   int
	closed chan struct{} // made by wait, closed (and forgotten) when open falls to 0
}

func (t *connTracker) track(_ net.Conn, state http.ConnState) {
	if state == http.StateActive || state == http.StateIdle {
		return // twice a request, and no change to the count: no lock
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	switch state {
	case http.StateNew:
		t.open++
	case http.StateClosed, http.StateHijacked:
		t.open--
		if t.open == 0 && t.closed != nil {
			close(t.closed)
			t.closed = nil
		}
	}
}

func (t *connTracker) count() int {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.open
}

// wait returns when no connection is open, or with ctx's error.
func (t *connTracker) wait(ctx context.Context) error {
	t.mu.Lock()
	if t.open == 0 {
		t.mu.Unlock()
		return nil
	}
	if t.closed == nil {
		t.closed = make(chan struct{})
	}
	ch := t.closed
	t.mu.Unlock()
	select {
	case <-ch:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
