//go:build linux && !386

package drain

import (
	"bufio"
	"context"
	"errors"
	"net"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"golang.org/x/net/bpf"
)

// listenLoopback listens on a free loopback port as New's Drainer does.
func listenLoopback(t *testing.T) *net.TCPListener {
	t.Helper()
	ln, err := New().Listen(context.Background(), "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	return ln.(*net.TCPListener)
}

// socketInode returns the inode of ln's socket, as sock_diag names it.
func socketInode(t *testing.T, ln *net.TCPListener) uint64 {
	t.Helper()
	rc, err := ln.SyscallConn()
	if err != nil {
		t.Fatal(err)
	}
	var st syscall.Stat_t
	var serr error
	if err := rc.Control(func(fd uintptr) { serr = syscall.Fstat(int(fd), &st) }); err != nil || serr != nil {
		t.Fatal(err, serr)
	}
	return st.Ino
}

// waitQueued waits until queuedConns reports want connections, and fails after a minute.
func waitQueued(t *testing.T, port int, ino uint64, want int) {
	t.Helper()
	got := -1
	for deadline := time.Now().Add(time.Minute); time.Now().Before(deadline); time.Sleep(5 * time.Millisecond) {
		n, err := queuedConns(port, ino)
		if err != nil {
			t.Fatal(err)
		}
		if got = n; got == want {
			return
		}
	}
	t.Fatalf("queuedConns = %d, want %d", got, want)
}

// TestQueuedConnsCountsHalfOpenAndAcceptQueue checks the kernel's counts closeDrained relies
// on: connections in the accept queue, then a half-open one, whose last handshake segment a filter
// drops (the client believes itself connected).
func TestQueuedConnsCountsHalfOpenAndAcceptQueue(t *testing.T) {
	t.Parallel()
	ln := listenLoopback(t)
	port, ino := ln.Addr().(*net.TCPAddr).Port, socketInode(t, ln)
	waitQueued(t, port, ino, 0)
	for range 2 {
		c, err := net.Dial("tcp", ln.Addr().String())
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
	}
	waitQueued(t, port, ino, 2)

	rc, _ := ln.SyscallConn()
	var aerr error
	rc.Control(func(fd uintptr) {
		aerr = attachFilter(fd, []bpf.Instruction{ // pass a SYN alone, drop the rest
			bpf.LoadAbsolute{Off: 13, Size: 1},
			bpf.ALUOpConstant{Op: bpf.ALUOpAnd, Val: 0x12},
			bpf.JumpIf{Cond: bpf.JumpEqual, Val: 0x02, SkipTrue: 1},
			bpf.RetConstant{Val: 0},
			bpf.RetConstant{Val: 0xffffffff},
		})
	})
	if aerr != nil {
		t.Fatal(aerr)
	}
	c, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	waitQueued(t, port, ino, 1) // the half-open one, counted before the queue
}

// TestCloseListenerDrainedDropsNothing closes a listener (New().Close) under load from clients that each send a
// line on a fresh connection and read it back from an echo server: every connection made is
// served, every other is refused.
func TestCloseListenerDrainedDropsNothing(t *testing.T) {
	t.Parallel()
	ln := listenLoopback(t)
	var served sync.WaitGroup
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			served.Add(1)
			go func() {
				defer served.Done()
				defer c.Close()
				line, err := bufio.NewReader(c).ReadString('\n')
				if err == nil {
					c.Write([]byte(line))
				}
			}()
		}
	}()
	var echoed, refused atomic.Int64
	var clients sync.WaitGroup
	for i := range 32 {
		clients.Add(1)
		go func() {
			defer clients.Done()
			for {
				c, err := net.Dial("tcp", ln.Addr().String())
				if errors.Is(err, syscall.ECONNREFUSED) {
					refused.Add(1)
					return
				}
				if err != nil {
					t.Errorf("client %d: %v", i, err)
					return
				}
				c.Write([]byte("ping\n"))
				line, err := bufio.NewReader(c).ReadString('\n')
				c.Close()
				if err != nil || line != "ping\n" {
					t.Errorf("client %d: connected, then got %q, %v", i, line, err)
					return
				}
				echoed.Add(1)
			}
		}()
	}
	for echoed.Load() < 500 && !t.Failed() {
		time.Sleep(5 * time.Millisecond)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := New().Close(ctx, ln); err != nil {
		t.Errorf("Close: %v", err)
	}
	clients.Wait()
	served.Wait()
	t.Logf("%d echoed, %d refused", echoed.Load(), refused.Load())
	if refused.Load() != 32 {
		t.Errorf("%d clients of 32 ended refused", refused.Load())
	}
}
