//go:build linux && !386

package drain

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"net"
	"syscall"
	"time"
	"unsafe"

	"golang.org/x/net/bpf"
)

// KeepsBacklog tells whether New's Drainer keeps the connections queued on a listener: it does here.
const KeepsBacklog = true

// New returns the Drainer of this system: backlog.
func New() Drainer { return backlog{} }

// backlog is the Linux Drainer: it listens on plain TCP (listenTCP), and closes the listener with
// closeDrained, bounded by MaxWait.
type backlog struct{}

// Listen listens on plain TCP (listenTCP).
func (backlog) Listen(ctx context.Context, addr string) (net.Listener, error) {
	return listenTCP(ctx, addr)
}

// Close closes ln with closeDrained, waiting MaxWait at most.
func (backlog) Close(ctx context.Context, ln net.Listener) error {
	ctx, cancel := context.WithTimeout(ctx, MaxWait)
	defer cancel()
	return closeDrained(ctx, ln)
}

// closeDrained closes ln without resetting a connection the kernel has already queued on it,
// once the server's accept loop has taken every one of them. So it
//
//  1. attaches a socket filter (refuseSYN) that drops every TCP segment with SYN and not ACK set: no
//     new connection can start, and a client whose SYN is dropped retries it and, the listener
//     closed by then, is refused — its request never reached the server, and it knows so. Every
//     other segment passes, so a handshake already under way completes (the child socket inherits
//     the filter, which a child never needs to pass);
//  2. polls the kernel (sock_diag, see queuedConns) until no handshake on the listener's port is
//     half done and the accept queue is empty: the accept loop (http.Server.Serve) has accepted
//     every queued connection;
//  3. closes ln.
//
// It gives up at ctx's end, and returns an error (ln closed) if the filter or the kernel's counts
// are unavailable; the caller then serves what was accepted, as a plain Close would. The one
// connection it cannot account for is a SYN-cookie handshake (the kernel sends cookies only when
// the SYN queue overflows, under a SYN flood), which is reset as before.
func closeDrained(ctx context.Context, ln net.Listener) error {
	tl, ok := ln.(*net.TCPListener)
	if !ok {
		return errors.Join(errors.New("not a TCP listener: closed without draining"), ln.Close())
	}
	port := tl.Addr().(*net.TCPAddr).Port
	rc, err := tl.SyscallConn()
	if err != nil {
		return errors.Join(err, ln.Close())
	}
	var ino uint64
	var opErr error
	if err := rc.Control(func(fd uintptr) {
		if opErr = attachFilter(fd, refuseSYN); opErr != nil {
			return
		}
		var st syscall.Stat_t
		opErr = syscall.Fstat(int(fd), &st)
		ino = st.Ino
	}); err != nil || opErr != nil {
		return errors.Join(fmt.Errorf("refusing new connections: %w", errors.Join(err, opErr)), ln.Close())
	}
	// A SYN the kernel was already handling when the filter was attached may still create a
	// half-open connection; the first count comes after one pause, which outlasts that.
	pause := time.Millisecond
	for {
		select {
		case <-ctx.Done():
			return errors.Join(fmt.Errorf("draining the accept queue: %w", ctx.Err()), ln.Close())
		case <-time.After(pause):
		}
		pause = min(2*pause, 20*time.Millisecond)
		n, err := queuedConns(port, ino)
		if err != nil {
			return errors.Join(fmt.Errorf("counting queued connections: %w", err), ln.Close())
		}
		if n == 0 {
			return ln.Close()
		}
	}
}

// refuseSYN is the filter closeDrained attaches: drop a segment whose flags are SYN without
// ACK, the start of a new connection; pass every other. A TCP socket's filter sees the segment from
// its TCP header, whose 14th byte holds the flags.
var refuseSYN = []bpf.Instruction{
	bpf.LoadAbsolute{Off: 13, Size: 1},
	bpf.ALUOpConstant{Op: bpf.ALUOpAnd, Val: 0x12}, // SYN|ACK
	bpf.JumpIf{Cond: bpf.JumpEqual, Val: 0x02, SkipFalse: 1},
	bpf.RetConstant{Val: 0},          // SYN alone: drop
	bpf.RetConstant{Val: 0xffffffff}, // anything else: keep all of it
}

// attachFilter attaches the classic BPF program prog to the socket fd (SO_ATTACH_FILTER).
func attachFilter(fd uintptr, prog []bpf.Instruction) error {
	raw, err := bpf.Assemble(prog)
	if err != nil {
		return err
	}
	filter := make([]syscall.SockFilter, len(raw))
	for i, r := range raw {
		filter[i] = syscall.SockFilter{Code: r.Op, Jt: r.Jt, Jf: r.Jf, K: r.K}
	}
	fprog := syscall.SockFprog{Len: uint16(len(filter)), Filter: &filter[0]}
	_, _, errno := syscall.Syscall6(syscall.SYS_SETSOCKOPT, fd, syscall.SOL_SOCKET, syscall.SO_ATTACH_FILTER,
		uintptr(unsafe.Pointer(&fprog)), unsafe.Sizeof(fprog), 0)
	if errno != 0 {
		return fmt.Errorf("SO_ATTACH_FILTER: %w", errno)
	}
	return nil
}

// TCP states as sock_diag numbers them (include/net/tcp_states.h).
const (
	tcpSynRecv    = 3
	tcpListen     = 10
	tcpNewSynRecv = 12 // a half-open connection (a request socket)

	sockDiagByFamily = 20 // SOCK_DIAG_BY_FAMILY
)

// queuedConns returns how many connections to the listener with socket inode ino on port are not
// yet accepted: the half-open ones on the port (IPv4 and IPv6, which a dual-stack listener gets
// both of), counted first, then those in the listener's accept queue. Once the half-open count is
// zero under refuseSYN, no connection can join the queue, so a zero total means none ever will.
func queuedConns(port int, ino uint64) (int, error) {
	fd, err := syscall.Socket(syscall.AF_NETLINK, syscall.SOCK_DGRAM|syscall.SOCK_CLOEXEC, syscall.NETLINK_INET_DIAG)
	if err != nil {
		return 0, err
	}
	defer syscall.Close(fd)
	half := 0
	for _, family := range []uint8{syscall.AF_INET, syscall.AF_INET6} {
		err := dumpTCP(fd, family, 1<<tcpSynRecv|1<<tcpNewSynRecv, func(m diagMsg) {
			if m.sport == port {
				half++
			}
		})
		if err != nil && !(family == syscall.AF_INET6 && errors.Is(err, syscall.ENOENT)) { // no IPv6
			return 0, err
		}
	}
	if half > 0 {
		return half, nil
	}
	queued, found := 0, false
	for _, family := range []uint8{syscall.AF_INET, syscall.AF_INET6} {
		err := dumpTCP(fd, family, 1<<tcpListen, func(m diagMsg) {
			if m.inode == ino {
				queued, found = m.rqueue, true
			}
		})
		if err != nil && !(family == syscall.AF_INET6 && errors.Is(err, syscall.ENOENT)) {
			return 0, err
		}
	}
	if !found {
		return 0, errors.New("the listener is missing from the kernel's socket list")
	}
	return queued, nil
}

// diagMsg is the part of a sock_diag reply (struct inet_diag_msg) queuedConns reads.
type diagMsg struct {
	sport  int
	rqueue int    // for a listener: its accept queue's length
	inode  uint64 // 0 for a half-open connection
}

// dumpTCP asks the kernel, over the NETLINK_INET_DIAG socket fd, for the TCP sockets of family in
// the states of the bit mask states, and calls fn with each.
func dumpTCP(fd int, family uint8, states uint32, fn func(diagMsg)) error {
	const hdrLen, reqLen = syscall.NLMSG_HDRLEN, 56 // struct inet_diag_req_v2
	req := make([]byte, hdrLen+reqLen)
	ne := binary.NativeEndian
	ne.PutUint32(req[0:], uint32(len(req)))
	ne.PutUint16(req[4:], sockDiagByFamily)
	ne.PutUint16(req[6:], syscall.NLM_F_REQUEST|syscall.NLM_F_DUMP)
	req[hdrLen] = family
	req[hdrLen+1] = syscall.IPPROTO_TCP
	ne.PutUint32(req[hdrLen+4:], states)
	if err := syscall.Sendto(fd, req, 0, &syscall.SockaddrNetlink{Family: syscall.AF_NETLINK}); err != nil {
		return err
	}
	buf := make([]byte, 1<<16)
	for {
		n, _, err := syscall.Recvfrom(fd, buf, 0)
		if err != nil {
			return err
		}
		msgs, err := syscall.ParseNetlinkMessage(buf[:n])
		if err != nil {
			return err
		}
		for _, m := range msgs {
			switch m.Header.Type {
			case syscall.NLMSG_DONE:
				return nil
			case syscall.NLMSG_ERROR:
				if len(m.Data) >= 4 {
					if errno := int32(ne.Uint32(m.Data)); errno != 0 {
						return fmt.Errorf("sock_diag: %w", syscall.Errno(-errno))
					}
				}
				return errors.New("sock_diag: error reply")
			case sockDiagByFamily:
				// struct inet_diag_msg: family, state, timer, retrans; id {sport, dport (big
				// endian), src, dst, if, cookie}; expires, rqueue, wqueue, uid, inode.
				d := m.Data
				if len(d) < 72 {
					return errors.New("sock_diag: short reply")
				}
				fn(diagMsg{
					sport:  int(binary.BigEndian.Uint16(d[4:])),
					rqueue: int(ne.Uint32(d[56:])),
					inode:  uint64(ne.Uint32(d[68:])),
				})
			}
		}
	}
}
