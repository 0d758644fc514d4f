package drain

import (
	"context"
	"errors"
	"net"
	"testing"
)

// TestDrainersCloseTheListener checks both Drainers on this system: Listen gives a plain TCP
// listener on loopback, and Close (with no connection queued) closes it without an error, so
// that its accept loop returns net.ErrClosed and a new connection is refused.
func TestDrainersCloseTheListener(t *testing.T) {
	t.Parallel()
	for name, d := range map[string]Drainer{"New": New(), "Plain": Plain{}} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			ln, err := d.Listen(context.Background(), "127.0.0.1:0")
			if err != nil {
				t.Fatal(err)
			}
			accepted := make(chan error, 1)
			go func() {
				c, err := ln.Accept()
				if err == nil {
					c.Close()
				}
				accepted <- err
			}()
			if err := d.Close(context.Background(), ln); err != nil {
				t.Errorf("Close: %v", err)
			}
			if err := <-accepted; !errors.Is(err, net.ErrClosed) {
				t.Errorf("Accept after Close: %v, want net.ErrClosed", err)
			}
			if c, err := net.Dial("tcp", ln.Addr().String()); err == nil {
				c.Close()
				t.Errorf("a connection to the closed listener succeeded")
			}
		})
	}
}

// TestCloseEndsWithTheContext checks that Close gives up at its context's end, with an error and
// the listener closed, while a connection stays queued (no accept loop takes it). Plain closes at
// once and has nothing to wait for.
func TestCloseEndsWithTheContext(t *testing.T) {
	t.Parallel()
	if !KeepsBacklog {
		t.Skip("this system's Drainer is Plain: it waits for nothing")
	}
	d := New()
	ln, err := d.Listen(context.Background(), "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	c, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := d.Close(ctx, ln); !errors.Is(err, context.Canceled) {
		t.Errorf("Close with a queued connection and an ended context: %v, want context.Canceled", err)
	}
	if _, err := ln.Accept(); !errors.Is(err, net.ErrClosed) {
		t.Errorf("Accept after Close: %v, want net.ErrClosed", err)
	}
}
