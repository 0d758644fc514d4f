package server

import "time"

// DefaultWatch is how often `verbatim serve` checks its content directory for changes by default.
const DefaultWatch = 5 * time.Second

// watch checks the content directory for new, changed and deleted files every interval, in the
// background, until close. A check walks the directory and compares sizes and modification times
// with the index (pollChanged); when something changed, it waits a moment (the debounce: a copy in
// progress, or a batch of files, settles) and rescans, reading only what changed. A check never
// takes more than a tenth of the time: on a directory whose walk is slow, checks space out. A check
// holds a slot of the server's background (l.bg) while it walks; the rescan that follows a change
// does not (it is the watch's work, and parses on all cores).
func (l *library) watch(interval time.Duration) {
	settle := min(interval, time.Second)
	l.watching.Add(1)
	go func() {
		defer l.watching.Done()
		t := time.NewTimer(interval)
		defer t.Stop()
		for {
			select {
			case <-l.stop:
				return
			case <-t.C:
			}
			if !l.bg.acquire(l.stop) {
				return
			}
			start := time.Now()
			changed, err := l.pollChanged(l.snap.Load())
			l.bg.release()
			if err != nil {
				l.log.Warn("checking the content directory for changes", "content", l.dir, "err", err)
			}
			if changed {
				select {
				case <-l.stop:
					return
				case <-time.After(settle):
				}
				if err := l.rescan(); err != nil {
					l.log.Warn("rescanning the content directory", "content", l.dir, "err", err)
				}
			}
			t.Reset(max(interval, 10*time.Since(start)))
		}
	}()
}
