package article

import (
	"archive/tar"
	"compress/gzip"
	"encoding/json"
	"io"
	"os"
	"path"
	"sort"
	"strings"
	"sync"
	"testing"

	"verbatim/internal/shared"
)

// testPage is one of Mozilla Readability's test pages.
type testPage struct {
	name                       string
	source, expected, metadata []byte
}

var (
	pagesOnce sync.Once
	pages     []testPage
	pagesErr  error
)

// readabilityCorpus is where the shared corpus keeps Mozilla's Readability test pages.
const readabilityCorpus = "corpora/readability-test-pages.tar.gz"

// readabilityPages returns Mozilla's Readability test pages, read once from the shared corpus
// (skipping the test or benchmark, saying so, when it is missing).
func readabilityPages(tb testing.TB) []testPage {
	tb.Helper()
	return cachedPages(tb, shared.Require(tb, readabilityCorpus))
}

// optionalReadabilityPages returns the same pages, or none when the corpus is missing: then the
// test goes on, and says how it ran instead (see shared.Optional).
func optionalReadabilityPages(tb testing.TB, instead string) []testPage {
	tb.Helper()
	p, ok := shared.Optional(tb, readabilityCorpus, instead)
	if !ok {
		return nil
	}
	return cachedPages(tb, p)
}

// cachedPages reads the pages at p once for the whole test binary.
func cachedPages(tb testing.TB, p string) []testPage {
	tb.Helper()
	pagesOnce.Do(func() { pages, pagesErr = loadPages(p) })
	if pagesErr != nil {
		tb.Fatal(pagesErr)
	}
	return pages
}

func loadPages(p string) ([]testPage, error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, err
	}
	byName := map[string]*testPage{}
	tr := tar.NewReader(zr)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		if h.Typeflag != tar.TypeReg {
			continue
		}
		dir, file := path.Split(h.Name)
		name := path.Base(dir)
		data, err := io.ReadAll(tr)
		if err != nil {
			return nil, err
		}
		pg := byName[name]
		if pg == nil {
			pg = &testPage{name: name}
			byName[name] = pg
		}
		switch file {
		case "source.html":
			pg.source = data
		case "expected.html":
			pg.expected = data
		case "expected-metadata.json":
			pg.metadata = data
		}
	}
	var out []testPage
	for _, pg := range byName {
		if pg.source != nil && pg.expected != nil && pg.metadata != nil {
			out = append(out, *pg)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].name < out[j].name })
	return out, nil
}

// polnearTexts returns the article texts of a PolNeAR split.
func polnearTexts(tb testing.TB, split string) []string {
	tb.Helper()
	texts, err := readPolNeAR(shared.Require(tb, "corpora/polnear/"+split+".jsonl.gz"))
	if err != nil {
		tb.Fatal(err)
	}
	return texts
}

// readPolNeAR reads the article texts of a PolNeAR jsonl.gz file.
func readPolNeAR(p string) ([]string, error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, err
	}
	data, err := io.ReadAll(zr)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, line := range strings.Split(string(data), "\n") {
		if line == "" {
			continue
		}
		var d struct{ Text string }
		if err := json.Unmarshal([]byte(line), &d); err != nil {
			return nil, err
		}
		out = append(out, d.Text)
	}
	return out, nil
}
