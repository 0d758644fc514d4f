// Package lru is a cache bounded by the bytes of what it holds, safe for concurrent use: the
// server's cache of built responses and parsed articles, and the quote cards' cache of deflated
// segments. Its keys and values come from the process, never from a request as they are: callers
// build keys from what a value depends on.
package lru

import (
	"container/list"
	"fmt"
	"sync"
)

// Cache is a cache bounded by the bytes of what it holds: the least recently used entries go first
// when a new one would exceed the bound. Keys carry what their value depends on (an article's
// source fingerprint, the library's generation), so a stale entry is never found again and simply
// ages out. It is safe for concurrent use.
type Cache struct {
	mu    sync.Mutex
	limit int64
	size  int64
	order *list.List // front: most recently used
	items map[string]*list.Element
}

type item struct {
	key  string
	val  any
	cost int64
}

// New returns an empty cache that holds at most limit bytes.
func New(limit int64) *Cache {
	return &Cache{limit: limit, order: list.New(), items: make(map[string]*list.Element)}
}

// Get returns the value of key, marking it used.
func (c *Cache) Get(key string) (any, bool) { return c.lookup(key, true) }

// Peek returns the value of key without marking it used.
func (c *Cache) Peek(key string) (any, bool) { return c.lookup(key, false) }

func (c *Cache) lookup(key string, use bool) (any, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	el, ok := c.items[key]
	if !ok {
		return nil, false
	}
	if use {
		c.order.MoveToFront(el)
	}
	return el.Value.(*item).val, true
}

// Put stores val under key at the given cost in bytes, evicting the least recently used entries
// beyond the bound, and reports whether it kept val. A value over an eighth of the bound is not
// kept, so that one huge article cannot empty the cache.
func (c *Cache) Put(key string, val any, cost int64) bool {
	cost += int64(len(key)) + 64
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.items[key]; ok {
		c.remove(el)
	}
	if cost > c.limit/8 {
		return false
	}
	c.items[key] = c.order.PushFront(&item{key: key, val: val, cost: cost})
	c.size += cost
	c.evict() // never val: it is the most recent entry, and at most an eighth of the bound
	return true
}

// Replace stores val under key at the given cost in place of old, when the cache still holds old
// there (the entry was neither evicted nor replaced since), and reports whether it did. The entry
// keeps its place in the recency order: replacing it is not a use.
func (c *Cache) Replace(key string, old, val any, cost int64) bool {
	cost += int64(len(key)) + 64
	c.mu.Lock()
	defer c.mu.Unlock()
	el, ok := c.items[key]
	if !ok || el.Value.(*item).val != old {
		return false
	}
	if cost > c.limit/8 {
		c.remove(el)
		return false
	}
	it := el.Value.(*item)
	c.size += cost - it.cost
	it.val, it.cost = val, cost
	c.evict()
	return c.items[key] == el
}

// evict removes the least recently used entries until the cache is within its bound.
func (c *Cache) evict() {
	for c.size > c.limit {
		c.remove(c.order.Back())
	}
}

func (c *Cache) remove(el *list.Element) {
	it := c.order.Remove(el).(*item)
	delete(c.items, it.key)
	c.size -= it.cost
}

// Stats returns the number of entries and their bytes.
func (c *Cache) Stats() (int, int64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.items), c.size
}

// Keys returns the cache's keys, most recently used first.
func (c *Cache) Keys() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	keys := make([]string, 0, len(c.items))
	for el := c.order.Front(); el != nil; el = el.Next() {
		keys = append(keys, el.Value.(*item).key)
	}
	return keys
}

// Cost returns the bytes the entry of key is counted at (its cost as given, with its key and an
// entry's overhead), and whether the cache holds it.
func (c *Cache) Cost(key string) (int64, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	el, ok := c.items[key]
	if !ok {
		return 0, false
	}
	return el.Value.(*item).cost, true
}

// Check returns an error unless the cache's byte count is the sum of its entries' costs, within its
// bound, and its recency list and map hold the same entries: the invariant every method keeps,
// for tests.
func (c *Cache) Check() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	var sum int64
	n := 0
	for el := c.order.Front(); el != nil; el = el.Next() {
		it := el.Value.(*item)
		if c.items[it.key] != el {
			return fmt.Errorf("entry %q is in the list but not the map", it.key)
		}
		sum += it.cost
		n++
	}
	if n != len(c.items) || sum != c.size || c.size > c.limit {
		return fmt.Errorf("%d entries listed, %d mapped; size %d, sum of costs %d, limit %d", n, len(c.items), c.size, sum, c.limit)
	}
	return nil
}
