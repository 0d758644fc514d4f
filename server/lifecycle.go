package server

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"time"
)

// Start listens on the configured address and serves in the background until Close. The context
// bounds the listen only.
func (s *Server) Start(ctx context.Context) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.srv != nil {
		return errors.New("server already started")
	}
	ln, err := s.drain.Listen(ctx, s.cfg.Addr)
	if err != nil {
		return fmt.Errorf("listening on %s: %w", s.cfg.Addr, err)
	}
	s.ln = ln
	s.stop, s.abort = context.WithCancel(context.Background())
	s.srv = newFront(s, s.stop).server(slog.NewLogLogger(s.log.Handler(), slog.LevelWarn), s.conns.track)
	s.done = make(chan struct{})
	go func() {
		defer close(s.done)
		// Close ends Serve by closing the listener itself (drain.Drainer.Close).
		if err := s.srv.Serve(ln); err != nil && !errors.Is(err, net.ErrClosed) {
			s.log.Error("serving", "err", err)
		}
	}()
	s.log.Info("listening", "url", s.url())
	return nil
}

// URL returns the server's address: http://host:port of the listener once started, else the base URL.
func (s *Server) URL() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.url()
}

func (s *Server) url() string {
	if s.ln == nil {
		return s.cfg.BaseURL
	}
	return "http://" + s.ln.Addr().String()
}

// Close shuts the server down gracefully, dropping no request that reached it: from the moment it
// begins, /healthz answers 503 (draining) for load balancers; every request whose connection the
// kernel accepted gets a full response, and any other connection is refused, so its client knows
// the request never reached the server (where drain.KeepsBacklog; elsewhere a connection still
// queued on the listener may be reset). Requests in flight get up to 10 seconds (less after Abort),
// then the remaining connections are closed. Close ends the server for good; calling it again
// returns the first call's result.
//
// A server's Shutdown alone (net/http's, or fasthttp's, which the front runs on) drops requests:
// closing the listener resets the connections queued in the kernel's backlog, and a connection's
// first request read after Shutdown began may be closed unanswered. So Close
//
//  1. disables keep-alives: every response from now on says "Connection: close" and its connection
//     closes after it (front.serve), and idle connections are closed, now and as they turn idle
//     (connTracker.closeIdle; a client that sent a request on one at that moment sees it closed
//     before any response on a reused connection, which HTTP/1.1 clients retry for idempotent
//     requests; this server takes only GET and HEAD, and POST /api/fetch, which changes nothing);
//  2. closes the listener once its queued connections are accepted (drain.Drainer.Close), and
//     waits for the accept loop to return;
//  3. waits for every accepted connection to finish its request and close, without calling
//     Shutdown, so that no request is refused for arriving after it;
//  4. calls Shutdown (which then has nothing left to wait for) and, if the grace period ran out,
//     closes what remains.
//
// Trust boundary: clients are untrusted and can only delay Close, never past the grace period: one
// that connects and sends nothing is cut off by the front's read timeout (5 seconds for a request's
// head), one that reads slowly by the grace period.
func (s *Server) Close() error {
	s.closeOnce.Do(func() { s.closeErr = s.shutdown() })
	return s.closeErr
}

// Abort cuts short the grace period of a Close in progress, or of the next one: it closes every
// connection at once. Requests in flight get no (or a truncated) response.
func (s *Server) Abort() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.abort != nil {
		s.abort()
	}
}

func (s *Server) shutdown() error {
	defer s.release()
	s.draining.Store(true)
	s.mu.Lock()
	srv, ln, done, stop := s.srv, s.ln, s.done, s.stop
	s.mu.Unlock()
	if srv == nil {
		return nil
	}
	ctx, cancel := context.WithTimeout(stop, 10*time.Second)
	defer cancel()
	// Every response from now on closes its connection (front.serve); the idle ones close now.
	s.conns.closeIdle()
	if err := s.drain.Close(ctx, ln); err != nil {
		s.log.Warn("closing the listener: connections it had queued may be reset", "err", err)
	}
	<-done // every connection accepted is now tracked
	if err := s.conns.wait(ctx); err != nil {
		s.log.Warn("requests still in flight at the end of the grace period", "open connections", s.conns.count(), "err", err)
	}
	err := srv.ShutdownWithContext(ctx)
	if errors.Is(err, net.ErrClosed) {
		err = nil // the listener it closes again
	}
	if err != nil {
		s.conns.closeAll()
	}
	s.log.Info("server stopped")
	return err
}
