package main

import "testing"

func TestHalf(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ id, want string }{
		{"nyt_2015-11-03_slug", "odd"},
		{"wash-post_2015-12-30_slug", "even"},
		{"breitbart_2016-09-21_only-percent", "odd"},
		{"politico_2016-08-01_x", "even"},
		{"77331", "odd"},
		{"7770", "even"},
	} {
		if got := half(c.id); got != c.want {
			t.Errorf("half(%q) = %q, want %q", c.id, got, c.want)
		}
	}
}

func TestWhyFlag(t *testing.T) {
	t.Parallel()
	one := &[2]xcell{{right: 3, arts: map[string]int{"a": 3}}, {}}
	if got := whyFlag(one); got != "  <- one half, 1 article(s)" {
		t.Errorf("one half: %q", got)
	}
	never := &[2]xcell{{wrong: 2}, {wrong: 1}}
	if got := whyFlag(never); got != "  <- never right" {
		t.Errorf("never right: %q", got)
	}
	differs := &[2]xcell{{right: 10, arts: map[string]int{"a": 5, "b": 5, "c": 0}}, {right: 5, wrong: 5, arts: map[string]int{"d": 3, "e": 2}}}
	if got := whyFlag(differs); got != "  <- P differs +50" {
		t.Errorf("differs: %q", got)
	}
}
