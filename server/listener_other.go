//go:build !linux || 386

package server

import (
	"context"
	"net"
)

// drainsListenBacklog tells that closeListenerDrained keeps the connections queued on a listener.
const drainsListenBacklog = false

// closeListenerDrained closes ln. Elsewhere than on Linux there is no portable way to stop a
// listening socket taking new connections while keeping those it has queued: a connection queued
// and not yet accepted may be reset (see listener_linux.go).
func closeListenerDrained(_ context.Context, ln net.Listener) error {
	return ln.Close()
}
