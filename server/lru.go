package server

import (
	"container/list"
	"sync"
)

// DefaultCacheBytes is the default bound of the server's cache of built responses and parsed
// articles (Config.CacheBytes).
const DefaultCacheBytes = 64 << 20

// lru is a cache bounded by the bytes of what it holds: the least recently used entries go first
// when a new one would exceed the bound. Keys carry what their value depends on (an article's
// source fingerprint, the library's generation), so a stale entry is never found again and simply
// ages out. It is safe for concurrent use.
type lru struct {
	mu    sync.Mutex
	limit int64
	size  int64
	order *list.List // front: most recently used
	items map[string]*list.Element
}

type lruItem struct {
	key  string
	val  any
	cost int64
}

func newLRU(limit int64) *lru {
	return &lru{limit: limit, order: list.New(), items: make(map[string]*list.Element)}
}

// get returns the value of key, marking it used.
func (c *lru) get(key string) (any, bool) { return c.lookup(key, true) }

// peek returns the value of key without marking it used.
func (c *lru) peek(key string) (any, bool) { return c.lookup(key, false) }

func (c *lru) lookup(key string, use bool) (any, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	el, ok := c.items[key]
	if !ok {
		return nil, false
	}
	if use {
		c.order.MoveToFront(el)
	}
	return el.Value.(*lruItem).val, true
}

// put stores val under key at the given cost in bytes, evicting the least recently used entries
// beyond the bound, and reports whether it kept val. A value over an eighth of the bound is not
// kept, so that one huge article cannot empty the cache.
func (c *lru) put(key string, val any, cost int64) bool {
	cost += int64(len(key)) + 64
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.items[key]; ok {
		c.remove(el)
	}
	if cost > c.limit/8 {
		return false
	}
	c.items[key] = c.order.PushFront(&lruItem{key: key, val: val, cost: cost})
	c.size += cost
	c.evict() // never val: it is the most recent entry, and at most an eighth of the bound
	return true
}

// replace stores val under key at the given cost in place of old, when the cache still holds old
// there (the entry was neither evicted nor replaced since), and reports whether it did. The entry
// keeps its place in the recency order: replacing it is not a use.
func (c *lru) replace(key string, old, val any, cost int64) bool {
	cost += int64(len(key)) + 64
	c.mu.Lock()
	defer c.mu.Unlock()
	el, ok := c.items[key]
	if !ok || el.Value.(*lruItem).val != old {
		return false
	}
	if cost > c.limit/8 {
		c.remove(el)
		return false
	}
	it := el.Value.(*lruItem)
	c.size += cost - it.cost
	it.val, it.cost = val, cost
	c.evict()
	return c.items[key] == el
}

// evict removes the least recently used entries until the cache is within its bound.
func (c *lru) evict() {
	for c.size > c.limit {
		c.remove(c.order.Back())
	}
}

func (c *lru) remove(el *list.Element) {
	it := c.order.Remove(el).(*lruItem)
	delete(c.items, it.key)
	c.size -= it.cost
}

// stats returns the number of entries and their bytes.
func (c *lru) stats() (int, int64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.items), c.size
}

// assetCost is the bytes an asset holds.
func assetCost(a *asset) int64 {
	n := int64(len(a.contentType)) + 128
	for _, v := range a.variants {
		n += int64(len(v.body)) + int64(len(v.etag)) + 96
	}
	return n
}
