package server

import (
	"runtime"
	"slices"
	"sync"
	"testing"
)

// waitUpgrades returns once every job u held when it was called has run or been dropped: it offers
// a job of its own, which the one worker runs after them. It fails t when u refuses it.
func waitUpgrades(t *testing.T, u *upgrader) {
	t.Helper()
	done := make(chan struct{})
	if !u.offer("\x00wait", func(string) { close(done) }) {
		t.Fatal("the upgrader refused the test's own job")
	}
	<-done
}

// TestUpgraderBounded checks that offer never blocks: with the worker busy, the queue takes max
// jobs and drops the rest, and refuses a key already queued (not one running); the jobs it took
// then run in order.
func TestUpgraderBounded(t *testing.T) {
	t.Parallel()
	for _, max := range []int{2, 4} {
		u := newUpgrader(max, nil)
		var mu sync.Mutex
		var ran []string
		record := func(k string) func(string) {
			return func(string) { mu.Lock(); ran = append(ran, k); mu.Unlock() }
		}
		started, release := make(chan struct{}), make(chan struct{})
		if !u.offer("busy", func(string) { close(started); <-release }) {
			t.Fatalf("max %d: the first offer was refused", max)
		}
		<-started // the worker holds "busy": the queue is empty
		// The running job's key may be queued again: what it works on may have changed.
		if !u.offer("busy", record("busy again")) {
			t.Errorf("max %d: the running job's key was refused", max)
		}
		if u.offer("busy", record("busy a third time")) {
			t.Errorf("max %d: a key already queued was queued again", max)
		}
		want := []string{"busy again"}
		for i := range max + 1 {
			k := string(rune('a' + i))
			got := u.offer(k, record(k))
			if got != (i < max-1) {
				t.Errorf("max %d: offer %d = %v with %d queued", max, i, got, min(i+1, max))
			}
			if got {
				want = append(want, k)
			}
		}
		close(release)
		// The queue has room again once the worker has taken its first job: wait for it.
		for {
			u.mu.Lock()
			n := len(u.queue)
			u.mu.Unlock()
			if n < max {
				break
			}
			runtime.Gosched()
		}
		waitUpgrades(t, u)
		mu.Lock()
		if !slices.Equal(ran, want) {
			t.Errorf("max %d: ran %v, want %v", max, ran, want)
		}
		mu.Unlock()
		u.close()
	}
}

// TestUpgraderClose checks that close waits for the job running, drops those queued, leaves no
// worker behind, and that nothing is queued after it; and that an idle upgrader has no worker.
func TestUpgraderClose(t *testing.T) {
	t.Parallel()
	u := newUpgrader(4, nil)
	started, release := make(chan struct{}), make(chan struct{})
	finished := false
	u.offer("busy", func(string) { close(started); <-release; finished = true })
	<-started
	queuedRan := false
	u.offer("queued", func(string) { queuedRan = true })
	closed := make(chan struct{})
	go func() { u.close(); close(closed) }()
	for { // until close has begun
		u.mu.Lock()
		c := u.closed
		u.mu.Unlock()
		if c {
			break
		}
		runtime.Gosched()
	}
	select {
	case <-closed:
		t.Fatal("close returned while a job was running")
	default:
	}
	close(release)
	<-closed
	if !finished {
		t.Error("close returned before the running job finished")
	}
	if queuedRan {
		t.Error("a job queued at close ran")
	}
	if u.offer("after", func(string) { t.Error("a job offered after close ran") }) {
		t.Error("offer after close = true")
	}
	u.mu.Lock()
	if u.running || len(u.queue) > 0 {
		t.Errorf("after close: running %v, %d queued", u.running, len(u.queue))
	}
	u.mu.Unlock()
	u.close() // a second close returns

	idle := newUpgrader(4, nil)
	waitUpgrades(t, idle)
	idle.worker.Wait() // returns only once the worker, its queue empty, has exited
	idle.mu.Lock()
	if idle.running {
		t.Error("an idle upgrader kept its worker")
	}
	idle.mu.Unlock()
}

// TestUpgraderBackground checks that a job waits for a slot of the upgrader's background, runs
// once the slot is given back, and that close drops a job still waiting for one without waiting
// for the slot itself.
func TestUpgraderBackground(t *testing.T) {
	t.Parallel()
	bg := make(background, 1)
	if !bg.acquire(nil) { // the slot, held as a watch check holds it
		t.Fatal("acquire on a free background = false")
	}
	u := newUpgrader(4, bg)
	ran := make(chan struct{})
	if !u.offer("page", func(string) { close(ran) }) {
		t.Fatal("the offer was refused")
	}
	// The worker takes the job from the queue, then waits for the slot.
	for {
		u.mu.Lock()
		n := len(u.queue)
		u.mu.Unlock()
		if n == 0 {
			break
		}
		runtime.Gosched()
	}
	select {
	case <-ran:
		t.Fatal("a job ran while the background's one slot was held")
	default:
	}
	bg.release()
	<-ran
	u.close()

	// A worker waiting for a slot when the upgrader closes drops its job and ends.
	if !bg.acquire(nil) {
		t.Fatal("acquire after the job = false")
	}
	w := newUpgrader(4, bg)
	w.offer("page", func(string) { t.Error("a job waiting for a slot at close ran") })
	w.close()
	w.worker.Wait()
	bg.release()
	if got := len(bg); got != 0 {
		t.Errorf("%d slots held after close", got)
	}
}

// TestBackgroundSlots checks newBackground's slots (one fewer than GOMAXPROCS, at least one), and
// that acquire gives up when quit closes and a nil background holds nothing back.
func TestBackgroundSlots(t *testing.T) {
	t.Parallel()
	if got, want := cap(newBackground()), max(1, runtime.GOMAXPROCS(0)-1); got != want {
		t.Errorf("newBackground has %d slots, want %d", got, want)
	}
	var none background
	if !none.acquire(nil) {
		t.Error("acquire on a nil background = false")
	}
	none.release()
	bg := make(background, 1)
	bg.acquire(nil)
	quit := make(chan struct{})
	close(quit)
	if bg.acquire(quit) {
		t.Error("acquire on a full background with quit closed = true")
	}
}
