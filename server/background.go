package server

import "runtime"

// background is the room the server's work off the requests' path takes on the host's cores: the
// pages' upgrades (upgrader) and the content watch's checks (library.watch) each hold a slot while
// they run, and there are one fewer slots than the Go runtime's processors (GOMAXPROCS), but at
// least one, so that on a small host a request always finds a processor that no background work
// holds. On two cores that means the two take turns: with both running beside a request, three
// goroutines shared two processors, and a page that arrived meanwhile waited for one (the
// scheduler's time slice is 10 ms). A nil background holds nothing back. It is safe for concurrent
// use.
type background chan struct{}

// newBackground returns a background of max(1, GOMAXPROCS−1) slots.
func newBackground() background {
	return make(background, max(1, runtime.GOMAXPROCS(0)-1))
}

// acquire waits for a slot and reports whether it took one: false when quit is closed first. On a
// nil background it takes none and reports true.
func (b background) acquire(quit <-chan struct{}) bool {
	if b == nil {
		return true
	}
	select {
	case b <- struct{}{}:
		return true
	case <-quit:
		return false
	}
}

// release gives back a slot acquire took.
func (b background) release() {
	if b != nil {
		<-b
	}
}
