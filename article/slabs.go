package article

// slabs hands out elements cut from arrays of a fixed length (chunks), which it keeps from one
// article to the next: an element keeps its address while the slabs grow, so that pointers to it
// stay good, and an article whose names fit in the chunks kept allocates none.
type slabs[T any] struct {
	chunks [][]T // each chunk at its full length; those before next have been cut from, the others not
	next   int   // the chunk to cut from once room is used up
	room   []T   // what is left of the chunk being cut (chunks[next-1]), handed out from its start
}

// take returns n zero elements, cut from the room left in the chunk being cut or, when it has
// too little, from the next chunk, a new one of size elements if none is left; more than size
// elements get an array of their own, not kept. The room is a slice of its own, so that the
// common case, which it holds, costs one comparison and a re-slicing.
func (s *slabs[T]) take(n, size int) []T {
	if n <= len(s.room) {
		r := s.room[:n:n]
		s.room = s.room[n:]
		return r
	}
	return s.takeChunk(n, size)
}

// takeChunk is take when the room left is too little: the rest of the chunk being cut is not used.
func (s *slabs[T]) takeChunk(n, size int) []T {
	if n > size {
		return make([]T, n)
	}
	if s.next == len(s.chunks) {
		s.chunks = append(s.chunks, make([]T, size))
	}
	c := s.chunks[s.next]
	s.next++
	s.room = c[n:]
	return c[:n:n]
}

// reset clears every chunk cut from, so that the chunks hold on to nothing, and keeps at most
// maxChunks chunks for the next article.
func (s *slabs[T]) reset(maxChunks int) {
	for i := range s.chunks[:s.next] {
		clear(s.chunks[i])
	}
	if len(s.chunks) > maxChunks {
		clear(s.chunks[maxChunks:])
		s.chunks = s.chunks[:maxChunks]
	}
	s.next, s.room = 0, nil
}
