// Package drain opens a server's listening socket and, at shutdown, closes it without resetting
// the connections the kernel has queued on it, where the system allows it.
//
// Closing a listening socket resets the connections in its backlog: their clients connected (the
// kernel completed the handshake) and sent a request that nobody will read. On Linux, New's
// Drainer first stops new connections and waits until the server's accept loop has taken every
// queued one (drain_linux.go: a socket filter that drops SYNs, and the kernel's sock_diag counts);
// elsewhere it is Plain, which just closes the listener.
//
// It imports the standard library and golang.org/x/net/bpf only.
//
// Trust boundary: anyone who can reach the port can queue a connection. The filter and the counts
// run in the kernel on the server's own socket and read nothing of the peers but TCP flags; a peer
// that connects and then sends nothing is accepted like any other, and the server's timeouts bound
// it.
package drain

import (
	"context"
	"net"
	"time"
)

// Drainer opens a listening socket, and closes it once the connections queued on it are accepted.
type Drainer interface {
	// Listen listens on the TCP address addr. ctx bounds the listen only.
	Listen(ctx context.Context, addr string) (net.Listener, error)
	// Close closes ln, a listener of Listen, once no new connection can start and the accept
	// loop serving ln has taken every connection queued on it; it waits MaxWait at most, or until
	// ctx ends. ln is closed whatever happens; an error says that it was closed without draining,
	// so that connections it had queued may have been reset.
	Close(ctx context.Context, ln net.Listener) error
}

// MaxWait bounds Close's wait for the connections queued on a listener. The queue itself empties
// in moments; the wait is for half-open connections, of which a handshake that lost its first
// SYN-ACK completes after the retransmission, a second later. A SYN flood leaves half-open
// connections that never complete: the bound keeps the rest of a server's grace period for the
// requests in flight.
const MaxWait = 3 * time.Second

// Plain is the Drainer of systems with no way to drain a listener: Close closes it at once, and a
// connection queued on it and not yet accepted may be reset.
type Plain struct{}

// Listen listens on plain TCP (listenTCP).
func (Plain) Listen(ctx context.Context, addr string) (net.Listener, error) {
	return listenTCP(ctx, addr)
}

// Close closes ln.
func (Plain) Close(_ context.Context, ln net.Listener) error { return ln.Close() }

// listenTCP listens on plain TCP, not the Multipath TCP Go picks by default on Linux: an MPTCP
// listening socket refuses socket filters and keeps its queue in a hidden TCP socket, where Close
// cannot drain it. Every Drainer listens this way, so that a server gets the same socket on every
// system.
func listenTCP(ctx context.Context, addr string) (net.Listener, error) {
	var lc net.ListenConfig
	lc.SetMultipathTCP(false)
	return lc.Listen(ctx, "tcp", addr)
}
