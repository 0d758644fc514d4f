package article

import (
	"encoding/binary"
	"math/bits"
)

// maxIntern bounds the table of distinct words shared by the tokens.
const maxIntern = 1 << 16

// internTable holds one copy of each distinct lower-case word of the articles read with one scratch
// (see trim), in its two forms (lower case and capitalised), so that the tokens of a word share them.
// Past maxIntern distinct words, each further token gets a word of its own. It is an
// open-addressing table keyed by the hash that the tokenizer computes from a word's key as it
// lower-cases the word (wordHash), so a word already seen costs no allocation and no second pass
// over its bytes. A slot holds
// the first bytes of its word too (see internKey), so that finding a word of up to internInline
// bytes reads the slot alone, not the word and its string as well: the table is probed for every
// word token, and those reads went to memory.
type internTable struct {
	recent *internRecentCache      // the words found last, by their hash (see word)
	slots  []internSlot            // a power of two long, at most half full
	n      int                     // the words interned: word k is chunks[k/internChunk][k%internChunk]
	chunks []*[internChunk][2]word // the words, allocated in chunks
}

// internRecent is how many slots the table's cache of recent words has: few enough that the
// cache (40 KB) stays in the processor's second-level cache, where the table's slots are too many
// to stay, and enough that fewer of an article's words miss it and probe the table than at 512
// slots (16 KB, the nearest cache).
const internRecent = 2048

// internRecentCache is the table's cache of recent words, the slot of each by its hash modulo
// internRecent, in two arrays: a word's key (16 bytes, four a cache line) and its number and length
// packed into 4 bytes (see recentEntry). A hit reads one line of each; the second array (8 KB,
// sixteen a line) mostly stays in the first-level cache, and the two (40 KB) fit it, where the
// 32-byte slots they replace (64 KB) did not. Only words of up to internInline bytes are cached,
// which their key and length tell apart, so the cache needs no hash and a longer word found in the
// table no longer evicts a short one.
type internRecentCache struct {
	key [internRecent]wordKey
	kn  [internRecent]uint32 // recentEntry(k, n), 0 for an empty slot
}

// recentEntry packs a slot's k (1 + the word's number, at most maxIntern) and the word's length n
// (at most internInline) into the recent cache's 4 bytes.
func recentEntry(k, n uint32) uint32 { return k | n<<24 }

// internChunk is how many words the table allocates at once.
const internChunk = 256

// internInline is the longest word a slot holds whole.
const internInline = 16

// internSlot is one slot of the table: a word's hash, 1 + its number (0 for an empty slot), its
// length and its first internInline bytes (see internKey). It holds no pointer, so the garbage
// collector never scans the slots, and emptying them is a plain memory clear. It is 32 bytes, so
// that a slot never straddles two cache lines.
type internSlot struct {
	h   uint64
	k   uint32
	n   uint32  // the word's length in bytes
	key wordKey // the word's first internInline bytes, zero past its end
}

// wordKey is the first internInline bytes of a word, zero past its end, as two little-endian
// numbers. It is a struct, not an array, so that a call passes and returns it in registers: an
// array goes through memory, and a 16-byte load of what two 8-byte stores just wrote waits for them.
type wordKey struct{ lo, hi uint64 }

// internKey returns the key of b: its first internInline bytes, zero past its end, as two numbers. When b
// has the room, it reads them with two loads and masks off the bytes past its end (the tokenizer's
// scratch space always has the room); otherwise it copies them.
func internKey(b []byte) wordKey {
	n := len(b)
	if cap(b) < internInline {
		return keyOf(b)
	}
	w := b[:internInline]
	k0, k1 := binary.LittleEndian.Uint64(w[:8]), binary.LittleEndian.Uint64(w[8:])
	switch {
	case n < 8:
		return wordKey{k0 & (1<<(8*n) - 1), 0}
	case n < internInline:
		return wordKey{k0, k1 & (1<<(8*(n-8)) - 1)}
	}
	return wordKey{k0, k1}
}

// at returns the words numbered k. A chunk is an array, not a slice, so that only the chunk's
// index is checked against a bound: at is called for every word token.
func (it *internTable) at(k uint32) *[2]word { return &it.chunks[k/internChunk][k%internChunk] }

// wordHash is the hash of a lower-case word that the intern table and the lexicons' table are
// keyed by: its key (its first internInline bytes) and its length mixed, then continued over its
// bytes past the key. The tokenizer has a word's key at hand (see lowerWord), so most words, of up
// to internInline bytes, are hashed without reading their bytes again one by one.
func wordHash[T ~string | ~[]byte](w T) uint64 { return keyedHash(keyOf(w), w) }

// keyOf returns the key of w (see internKey), its first bytes copied out one by one: internKey
// reads them with two loads when the word's array has the room.
func keyOf[T ~string | ~[]byte](w T) wordKey {
	var kb [internInline]byte
	copy(kb[:], w)
	return wordKey{binary.LittleEndian.Uint64(kb[:8]), binary.LittleEndian.Uint64(kb[8:])}
}

// mixKey returns the hash of a word of n bytes whose key is key, before the bytes past the key:
// the key's two halves, each with a constant and one with the length, multiplied into 128 bits
// whose halves are folded together (wyhash's mix). One multiplication, where murmur3's finaliser
// took two and three shifts, for a hash whose low bits (the tables' slots) are as well mixed as
// its high ones. It is inlined, in the tokenizer's loop too (appendKnown).
func mixKey(key wordKey, n int) uint64 {
	hi, lo := bits.Mul64(key.lo^0xa0761d6478bd642f, key.hi^0xe7037ed1a0b428db^uint64(n))
	return hi ^ lo
}

// keyedHash returns wordHash(w) for the word w whose key is key.
func keyedHash[T ~string | ~[]byte](key wordKey, w T) uint64 {
	h := mixKey(key, len(w))
	for i := internInline; i < len(w); i++ {
		h = (h ^ uint64(w[i])) * 1099511628211 // the bytes past the key, as FNV-1a goes on
	}
	return h
}

// word returns the word whose lower case is b (key is internKey(b), h is wordHash(b)), capitalised
// or not. It only looks the word up; a word not found is added by add. Apart from comparing a
// long word whole, word calls nothing, so all but one of its arguments stay in registers on the
// way to a word found: with add's allocations and lexicon lookups in the same function, every
// call spilled them to the stack first.
func (it *internTable) word(b []byte, key wordKey, h uint64, capital bool) *word {
	if it.recent == nil {
		return it.add(b, key, h, capital) // the table is empty (see trim)
	}
	c := 0
	if capital {
		c = 1
	}
	n := uint32(len(b))
	// The frequent words are found in the cache of recent ones, a copy of their slots at a place
	// set by their hash, most words of an article among them.
	ri := h % internRecent
	if e := it.recent.kn[ri]; e>>24 == n && e != 0 && it.recent.key[ri] == key {
		return &it.at(e&(1<<24-1) - 1)[c]
	}
	mask := uint64(len(it.slots) - 1)
	for i := h & mask; it.slots[i].k != 0; i = (i + 1) & mask {
		s := &it.slots[i]
		// A word of up to internInline bytes is the slot's when its length and bytes are; a longer
		// one is compared whole.
		if s.h == h && s.n == n && s.key == key && (n <= internInline || it.at(s.k - 1)[0].lower == string(b)) {
			if n <= internInline {
				it.recent.kn[ri], it.recent.key[ri] = recentEntry(s.k, n), key
			}
			return &it.at(s.k - 1)[c]
		}
	}
	return it.add(b, key, h, capital)
}

// add adds to the table the word b that it does not hold (key is internKey(b), h is wordHash(b)),
// and returns it, capitalised or not; past maxIntern words it adds none and returns a word of
// the token's own.
func (it *internTable) add(b []byte, key wordKey, h uint64, capital bool) *word {
	c := 0
	if capital {
		c = 1
	}
	lower := string(b)
	f := lexFlagsOf(lower, h)
	var ws *[2]word
	if it.n >= maxIntern {
		ws = new([2]word) // past maxIntern words, each further token gets a word of its own
	} else {
		if len(it.slots) == 0 {
			it.slots = make([]internSlot, 1024)
			it.recent = new(internRecentCache)
		}
		if it.n == len(it.chunks)*internChunk {
			it.chunks = append(it.chunks, new([internChunk][2]word))
		}
		k := uint32(it.n)
		ws = it.at(k)
		mask := uint64(len(it.slots) - 1)
		i := h & mask
		for it.slots[i].k != 0 {
			i = (i + 1) & mask
		}
		it.slots[i] = internSlot{h: h, k: k + 1, n: uint32(len(b)), key: key}
		if n := uint32(len(b)); n <= internInline {
			it.recent.kn[h%internRecent], it.recent.key[h%internRecent] = recentEntry(k+1, n), key
		}
		it.n++
		if 2*it.n > len(it.slots) {
			it.grow()
		}
	}
	ab := isAbbrev(b)
	*ws = [2]word{{lower: lower, kind: tWord, flags: f, abbrev: ab}, {lower: lower, kind: tWord, cap: true, flags: f, abbrev: ab}}
	return &ws[c]
}

// maxKeptWords is the most words a scratch's table keeps for the next article (see trim).
const maxKeptWords = 1 << 14

// trim readies the table for another article. A word says the same in every article (its lower
// case, its capital and its lexicon flags), so the table keeps its words, and the next article
// finds the common ones already interned with their flags worked out; past maxKeptWords words it
// starts again empty, so that the words of one big input are not kept.
func (it *internTable) trim() {
	if it.n <= maxKeptWords {
		return
	}
	it.slots, it.n, it.chunks, it.recent = nil, 0, nil, nil
}

// grow doubles the table.
func (it *internTable) grow() {
	old := it.slots
	it.slots = make([]internSlot, 2*len(old))
	mask := uint64(len(it.slots) - 1)
	for _, s := range old {
		if s.k == 0 {
			continue
		}
		i := s.h & mask
		for it.slots[i].k != 0 {
			i = (i + 1) & mask
		}
		it.slots[i] = s
	}
}
