package article

// slabs hands out elements cut from arrays of a fixed length (chunks), which it keeps from one
// article to the next: an element keeps its address while the slabs grow, so that pointers to it
// stay good, and an article whose names fit in the chunks kept allocates none.
type slabs[T any] struct {
	chunks [][]T // chunks[cur] is being cut; those before it are full, those after it unused
	cur    int
}

// take returns n zero elements, cut from the chunk being cut or the next with room, a new one of
// size elements if none has it; more than size elements get an array of their own, not kept.
func (s *slabs[T]) take(n, size int) []T {
	if n > size {
		return make([]T, n)
	}
	for s.cur < len(s.chunks) && cap(s.chunks[s.cur])-len(s.chunks[s.cur]) < n {
		s.cur++
	}
	if s.cur == len(s.chunks) {
		s.chunks = append(s.chunks, make([]T, 0, size))
	}
	c := s.chunks[s.cur]
	s.chunks[s.cur] = c[:len(c)+n]
	return c[len(c) : len(c)+n : len(c)+n]
}

// reset clears every element handed out, so that the chunks hold on to nothing, and keeps at most
// maxChunks chunks for the next article.
func (s *slabs[T]) reset(maxChunks int) {
	for i := range s.chunks[:min(s.cur+1, len(s.chunks))] {
		clear(s.chunks[i])
		s.chunks[i] = s.chunks[i][:0]
	}
	if len(s.chunks) > maxChunks {
		clear(s.chunks[maxChunks:])
		s.chunks = s.chunks[:maxChunks]
	}
	s.cur = 0
}
