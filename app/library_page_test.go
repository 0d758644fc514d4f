package app

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"
)

// TestLibraryPageFirstRenderIsTheLoadingState checks that the library page's first Render in the
// browser (after OnInit) draws what the page shows once OnNav has started loading page n: the
// takeover mounts that state once, and OnNav's Render changes nothing. A page that has not started
// loading (the prerender's empty state) draws the export sections, so the comparison can fail.
func TestLibraryPageFirstRenderIsTheLoadingState(t *testing.T) {
	t.Parallel()
	first := &LibraryPage{}
	first.startLoading(0)
	idle := canonicalHTML(goapp.HTMLString((&LibraryPage{}).Render()))
	for _, n := range []int{0, 1, 2, 200} {
		nav := &LibraryPage{script: true}
		nav.startLoading(n)
		got, want := canonicalHTML(goapp.HTMLString(first.Render())), canonicalHTML(goapp.HTMLString(nav.Render()))
		if got != want {
			t.Errorf("page %d: first render\n%s\nwant OnNav's loading state\n%s", n, got, want)
		}
		if idle == want {
			t.Errorf("page %d: the loading state renders as the idle one; the test cannot tell them apart", n)
		}
	}
}

var (
	startTag = regexp.MustCompile(`<[a-z0-9]+(?:\s+[a-z-]+(?:="[^"]*")?)+>`)
	tagAttr  = regexp.MustCompile(`\s+([a-z-]+(?:="[^"]*")?)`)
)

// canonicalHTML sorts the attributes of every start tag in html: go-app writes them in map order.
func canonicalHTML(html string) string {
	return startTag.ReplaceAllStringFunc(html, func(tag string) string {
		name, _, _ := strings.Cut(tag, " ")
		name, _, _ = strings.Cut(name, "\n")
		attrs := []string{}
		for _, m := range tagAttr.FindAllStringSubmatch(tag, -1) {
			attrs = append(attrs, m[1])
		}
		slices.Sort(attrs)
		return name + " " + strings.Join(attrs, " ") + ">"
	})
}
