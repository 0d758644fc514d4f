package article

import (
	"math/rand/v2"
	"strings"
)

// randomText joins fewer than max pieces drawn by r: the random inputs of the tests that check a
// fast path against its plain reading (TestBlockWords, TestIsOneLine, TestSkipRunesRandom and others).
func randomText(r *rand.Rand, pieces []string, max int) string {
	var sb strings.Builder
	for range r.IntN(max) {
		sb.WriteString(pieces[r.IntN(len(pieces))])
	}
	return sb.String()
}
