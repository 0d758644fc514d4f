package server

import (
	"iter"
	"sync"
)

// concurrently calls fn on every pair of seq, each in a goroutine of its own, at most workers (at
// least one) at a time, and returns when every call has: the bounded loops of a start and of
// `make build` over the web folder's files (fileSums, compressAll, Precompress). fn must be safe to
// call concurrently.
func concurrently[K, V any](workers int, seq iter.Seq2[K, V], fn func(K, V)) {
	var wg sync.WaitGroup
	sem := make(chan struct{}, max(workers, 1))
	for k, v := range seq {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			fn(k, v)
		}()
	}
	wg.Wait()
}
