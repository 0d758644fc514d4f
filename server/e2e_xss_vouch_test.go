package server

import (
	"maps"
	"slices"
	"testing"

	"verbatim/article/model"
)

// TestXSSVouched checks which payloads of a batch its page vouches for (xssVouched): those whose
// marker paragraph and the next (the end marker after the last) rendered as their own, and none
// when the page shows a script, a CSP violation or active DOM.
func TestXSSVouched(t *testing.T) {
	t.Parallel()
	b := xssBatch{n: 2, first: 50, count: 4} // payloads 50 to 53
	cases := []struct {
		name string
		st   xssPageState
		want []int
	}{
		{"every marker and the end", xssPageState{Own: []int{50, 51, 52, 53}, End: true}, []int{50, 51, 52, 53}},
		{"a marker hidden", xssPageState{Own: []int{50, 52, 53}, End: true}, []int{52, 53}},
		{"the first marker hidden", xssPageState{Own: []int{51, 52, 53}, End: true}, []int{51, 52, 53}},
		{"the end marker hidden", xssPageState{Own: []int{50, 51, 52, 53}}, []int{50, 51, 52}},
		{"another batch's markers", xssPageState{Own: []int{49, 54}, End: true}, nil},
		{"a script ran", xssPageState{Own: []int{50, 51, 52, 53}, End: true, Scripts: []string{"alert(1)"}}, nil},
		{"a CSP violation", xssPageState{Own: []int{50, 51, 52, 53}, End: true, CSP: []string{"script-src-attr inline"}}, nil},
		{"active DOM", xssPageState{Own: []int{50, 51, 52, 53}, End: true, DOM: []string{"IMG[onerror]"}}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			if got := slices.Sorted(maps.Keys(xssVouched(b, c.st))); !slices.Equal(got, c.want) {
				t.Errorf("vouched for %v, want %v", got, c.want)
			}
		})
	}
}

// TestXSSBlocksKey checks that xssBlocksKey sees what the reader renders of blocks (kinds, texts,
// links, styles, images, items) and not what differs between a batch and a page alone (ids,
// offsets, quote and speaker ids).
func TestXSSBlocksKey(t *testing.T) {
	t.Parallel()
	base := []model.Block{
		{ID: "b1", Kind: model.KindParagraph, Text: "Paragraph one", Start: 10, Runs: []model.Run{{Text: "Paragraph one", Href: "https://example.com/", Quote: "q1", Speaker: "s1"}}},
		{ID: "b2", Kind: model.KindList, Items: []model.Block{{ID: "b3", Kind: model.KindItem, Text: "item", Start: 30}}},
		{ID: "b4", Kind: model.KindImage, Src: "https://example.com/a.png", Alt: "a"},
	}
	change := func(f func(bs []model.Block)) []model.Block {
		bs := slices.Clone(base)
		bs[0].Runs = slices.Clone(bs[0].Runs)
		bs[1].Items = slices.Clone(bs[1].Items)
		f(bs)
		return bs
	}
	cases := []struct {
		name  string
		other []model.Block
		same  bool
	}{
		{"ids, offsets, quote and speaker", change(func(bs []model.Block) {
			bs[0].ID, bs[0].Start, bs[0].Runs[0].Quote, bs[0].Runs[0].Speaker = "b9", 0, "", ""
			bs[1].Items[0].ID, bs[1].Items[0].Start = "b8", 7
		}), true},
		{"a link", change(func(bs []model.Block) { bs[0].Runs[0].Href = "https://example.org/" }), false},
		{"a style", change(func(bs []model.Block) { bs[0].Runs[0].Strong = true }), false},
		{"a text", change(func(bs []model.Block) { bs[0].Text = "Paragraph two" }), false},
		{"a kind", change(func(bs []model.Block) { bs[0].Kind = model.KindPre }), false},
		{"an item", change(func(bs []model.Block) { bs[1].Items[0].Text = "other" }), false},
		{"an image", change(func(bs []model.Block) { bs[2].Src = "https://example.com/b.png" }), false},
		{"a block less", base[:2], false},
	}
	key := xssBlocksKey(base)
	if base[0].ID != "b1" || base[0].Runs[0].Quote != "q1" || base[1].Items[0].ID != "b3" {
		t.Errorf("xssBlocksKey changed the blocks it was given: %+v", base)
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			if got := xssBlocksKey(c.other) == key; got != c.same {
				t.Errorf("same key: %t, want %t", got, c.same)
			}
		})
	}
}
