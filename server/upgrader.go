package server

import "sync"

// upgrader runs work that a request hands off so as not to wait for it: compressing a cached page
// again at its final quality (pages.upgrade). It holds at most max jobs; one worker runs them in
// order, started when a job arrives and gone when the queue is empty, so an idle server has no
// goroutine for it. A job offered when the queue is full, or once the upgrader is closed, is
// dropped: offer never blocks. Jobs are keyed, and a key already queued is not queued again (one
// running may be: what it works on may have changed since it started). It is safe for concurrent
// use. Each job holds a slot of the server's background (bg) while it runs, so that on a small host
// the jobs wait for the content watch's check instead of sharing the processors it and a request
// use; the queue's bound is what that wait costs at most.
//
// Trust boundary: requests decide what is offered (which pages are cold), so the queue's bound is
// what limits the memory and the work they can cause here.
type upgrader struct {
	max  int
	bg   background    // the slots a job holds while it runs; nil for none
	quit chan struct{} // closed by close: a worker waiting for a slot stops waiting

	mu      sync.Mutex
	queue   []upgradeJob
	pending map[string]bool // the keys queued
	running bool            // a worker is running
	closed  bool
	worker  sync.WaitGroup
}

// upgradeQueue is the most page upgrades a server holds: with a page's HTML at about 50 KB, the
// queue keeps at most a few megabytes alive beyond the cache's bound, and a burst of cold pages
// faster than one core can compress them again at brotliFast leaves the rest at the cold levels
// until they are asked for again.
const upgradeQueue = 64

// upgradeJob is run(key). A job's function takes its key, so that an offer made on a request's path
// can pass a function made once (pages.runUpgrade) instead of a closure made for each request.
type upgradeJob struct {
	key string
	run func(key string)
}

// newUpgrader returns an upgrader that holds at most max jobs, each run holding a slot of bg (nil:
// none).
func newUpgrader(max int, bg background) *upgrader {
	return &upgrader{max: max, bg: bg, quit: make(chan struct{}), pending: make(map[string]bool)}
}

// offer queues run(key) and reports whether it did: false when a job of that key is already
// queued, when the queue is full, or when the upgrader is closed.
func (u *upgrader) offer(key string, run func(key string)) bool {
	u.mu.Lock()
	defer u.mu.Unlock()
	if u.closed || u.pending[key] || len(u.queue) >= u.max {
		return false
	}
	u.queue = append(u.queue, upgradeJob{key, run})
	u.pending[key] = true
	if !u.running {
		u.running = true
		u.worker.Add(1)
		go u.work()
	}
	return true
}

// work runs the queued jobs in order until the queue is empty or the upgrader is closed.
func (u *upgrader) work() {
	defer u.worker.Done()
	for {
		u.mu.Lock()
		if u.closed || len(u.queue) == 0 {
			u.running = false
			u.mu.Unlock()
			return
		}
		j := u.queue[0]
		u.queue[0] = upgradeJob{}
		u.queue = u.queue[1:]
		delete(u.pending, j.key)
		u.mu.Unlock()
		if !u.bg.acquire(u.quit) {
			continue // closed meanwhile: the next turn ends the worker
		}
		j.run(j.key)
		u.bg.release()
	}
}

// close drops the jobs not yet started (one waiting for a slot too), waits for the one running, if
// any, and refuses any job offered after it. It may be called more than once.
func (u *upgrader) close() {
	u.mu.Lock()
	if !u.closed {
		close(u.quit)
	}
	u.closed = true
	u.queue = nil
	clear(u.pending)
	u.mu.Unlock()
	u.worker.Wait()
}
