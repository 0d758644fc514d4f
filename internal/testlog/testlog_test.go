package testlog

import (
	"fmt"
	"slices"
	"sync"
	"testing"
)

func TestLines(t *testing.T) {
	t.Parallel()
	var b Buffer
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() { fmt.Fprintf(&b, "level=INFO msg=served n=%d\n", i) })
	}
	wg.Wait()
	fmt.Fprint(&b, "level=WARN msg=skipping file=a.txt\nlevel=WARN msg=skipping file=b.txt")
	if got := len(b.Lines("msg=served")); got != 8 {
		t.Errorf("%d served lines, want 8:\n%s", got, b.String())
	}
	if got, want := b.Lines("skipping", "b.txt"), []string{"level=WARN msg=skipping file=b.txt"}; !slices.Equal(got, want) {
		t.Errorf("Lines(skipping, b.txt) = %q, want %q", got, want)
	}
	if got := b.Lines("nothing like this"); got != nil {
		t.Errorf("Lines of nothing written = %q", got)
	}
}
