package article

import (
	"strconv"
	"strings"
	"sync"
)

// smallIDs bounds the numbers whose ids numberedID keeps ready: more than most articles have
// blocks, quotations or speakers.
const smallIDs = 512

// idList holds the ids prefix1 … prefix(smallIDs-1) as cuts of one string.
type idList struct {
	s   string
	off [smallIDs + 1]uint16 // id n is s[off[n-1]:off[n]]
}

// idLists holds the id lists of the blocks, quotations and speakers, built once, when first asked.
var idLists = sync.OnceValue(func() *[256]*idList {
	m := new([256]*idList)
	for _, p := range []byte{'b', 'q', 's'} {
		l := &idList{}
		var sb strings.Builder
		for n := 1; n < smallIDs; n++ {
			sb.WriteByte(p)
			sb.WriteString(strconv.Itoa(n))
			l.off[n] = uint16(sb.Len())
		}
		l.s = sb.String()
		m[p] = l
	}
	return m
})

// numberedID returns string(prefix) + strconv.Itoa(n), the id of the nth block ('b'), quotation
// ('q') or speaker ('s'); one below smallIDs costs no allocation, being a cut of a string built
// once.
func numberedID(prefix byte, n int) string {
	if l := idLists()[prefix]; l != nil && n >= 1 && n < smallIDs {
		return l.s[l.off[n-1]:l.off[n]]
	}
	return string(prefix) + strconv.Itoa(n)
}
