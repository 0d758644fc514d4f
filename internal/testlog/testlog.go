// Package testlog is a log sink for tests that wait for a log line: the server's tests give it to
// their servers' loggers, and cmd/verbatim's tests to the command as its stderr. It imports the
// standard library only, and nothing outside tests uses it.
package testlog

import (
	"bufio"
	"bytes"
	"strings"
	"sync"
)

// Buffer is an io.Writer that keeps what is written, safe for concurrent use: a server logs from
// its goroutines while the test reads. The zero value is ready to use.
type Buffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

// Write appends p.
func (l *Buffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

// String returns everything written so far.
func (l *Buffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// Lines returns the lines written so far that contain every one of words.
func (l *Buffer) Lines(words ...string) []string {
	var out []string
	sc := bufio.NewScanner(strings.NewReader(l.String()))
	for sc.Scan() {
		ok := true
		for _, w := range words {
			ok = ok && strings.Contains(sc.Text(), w)
		}
		if ok {
			out = append(out, sc.Text())
		}
	}
	return out
}
