package app

import "testing"

func TestLibraryPageOf(t *testing.T) {
	t.Parallel()
	good := map[string]int{"/": 1, "/library/2": 2, "/library/10": 10, "/library/999999999": 999999999}
	for path, want := range good {
		if got, ok := LibraryPageOf(path); !ok || got != want {
			t.Errorf("LibraryPageOf(%q) = %d, %v; want %d", path, got, ok, want)
		}
		if want > 1 && LibraryPath(want) != path {
			t.Errorf("LibraryPath(%d) = %q, want %q", want, LibraryPath(want), path)
		}
	}
	for _, path := range []string{"/library/1", "/library/0", "/library/02", "/library/abc", "/library/2a", "/library/-2",
		"/library/+2", "/library/", "/library", "/library/2/", "/library/1000000000", "/import", "", "/library/２"} {
		if n, ok := LibraryPageOf(path); ok {
			t.Errorf("LibraryPageOf(%q) = %d, want no page", path, n)
		}
	}
}

func TestThousands(t *testing.T) {
	t.Parallel()
	for n, want := range map[int]string{0: "0", 7: "7", 999: "999", 1000: "1,000", 1234: "1,234", 100000: "100,000",
		1234567: "1,234,567", -1234: "-1,234"} {
		if got := thousands(n); got != want {
			t.Errorf("thousands(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestMoreStatus(t *testing.T) {
	t.Parallel()
	cases := []struct {
		added, page, shown, total int
		want                      string
	}{
		{50, 1, 100, 1234, "50 more articles, 100 of 1,234 shown."},
		{1, 1, 101, 101, "1 more article, 101 of 101 shown."},
		{50, 3, 100, 1234, "50 more articles, 101 to 200 of 1,234 shown."},
		{0, 1, 50, 50, "No more articles."},
	}
	for _, c := range cases {
		if got := moreStatus(c.added, c.page, c.shown, c.total); got != c.want {
			t.Errorf("moreStatus(%d, %d, %d, %d) = %q, want %q", c.added, c.page, c.shown, c.total, got, c.want)
		}
	}
}

func TestAppendNewSkipsRepeats(t *testing.T) {
	t.Parallel()
	shown := []Summary{{ID: "a"}, {ID: "b"}}
	got := appendNew(shown, []Summary{{ID: "b"}, {ID: "c"}})
	if len(got) != 3 || got[2].ID != "c" {
		t.Errorf("appendNew = %v, want a b c", got)
	}
}
