package server

import (
	"context"
	"net"
	"sync"

	"github.com/valyala/fasthttp"
)

// connTracker keeps the connections the front's server has accepted and not yet closed, through
// its ConnState hook, and which of them are idle between requests.
type connTracker struct {
	mu     sync.Mutex
	conns  map[net.Conn]bool // open connections: true while idle
	closed chan struct{}     // made by wait, closed (and forgotten) when no connection is open
	drain  bool              // closeIdle was called: a connection that turns idle is closed
}

func (t *connTracker) track(c net.Conn, state fasthttp.ConnState) {
	t.mu.Lock()
	defer t.mu.Unlock()
	switch state {
	case fasthttp.StateNew, fasthttp.StateActive:
		if t.conns == nil {
			t.conns = make(map[net.Conn]bool)
		}
		t.conns[c] = false
	case fasthttp.StateIdle:
		if _, ok := t.conns[c]; ok {
			t.conns[c] = true
		}
		if t.drain {
			c.Close()
		}
	case fasthttp.StateClosed, fasthttp.StateHijacked:
		delete(t.conns, c)
		if len(t.conns) == 0 && t.closed != nil {
			close(t.closed)
			t.closed = nil
		}
	}
}

// closeIdle closes the connections idle between requests, now and whenever one turns idle from
// now on.
func (t *connTracker) closeIdle() {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.drain = true
	for c, idle := range t.conns {
		if idle {
			c.Close()
		}
	}
}

// closeAll closes every open connection: requests in flight get no (or a truncated) response.
func (t *connTracker) closeAll() {
	t.mu.Lock()
	defer t.mu.Unlock()
	for c := range t.conns {
		c.Close()
	}
}

func (t *connTracker) count() int {
	t.mu.Lock()
	defer t.mu.Unlock()
	return len(t.conns)
}

// wait returns when no connection is open, or with ctx's error.
func (t *connTracker) wait(ctx context.Context) error {
	t.mu.Lock()
	if len(t.conns) == 0 {
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
