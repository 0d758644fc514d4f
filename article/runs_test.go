package article

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
	"verbatim/article/model"
)

// runsOf describes the runs of a block as "text|quote|speaker|href" items for comparison.
func runsOf(b model.Block) string {
	var parts []string
	for _, r := range b.Runs {
		parts = append(parts, r.Text+"|"+string(r.Quote)+"|"+string(r.Speaker)+"|"+r.Href)
	}
	return strings.Join(parts, " ; ")
}

// textBlocks returns the text blocks of blocks, as Parse's finish takes them (appendTextBlocks).
func textBlocks(blocks []model.Block) []*model.Block {
	return appendTextBlocks(nil, blocks)
}

// applyQuotes marks quotes in the runs of tbs as Parse's finish does (quoteMarker.apply), with
// arrays of its own.
func applyQuotes(tbs []*model.Block, quotes []model.Quote) {
	var m quoteMarker
	lens := make([]int, len(tbs))
	for i, b := range tbs {
		lens[i] = runeCount(b.Text)
	}
	m.apply(tbs, lens, quotes)
}

func TestApplyQuotes(t *testing.T) {
	t.Parallel()
	// Two laid-out blocks: "He said “ab cd” and left." and a list with two items.
	mk := func() []model.Block {
		blocks := []model.Block{
			{ID: "b1", Kind: model.KindParagraph, Text: "He said “ab cd” and left.", Runs: []model.Run{
				{Text: "He said “ab "}, {Text: "cd", Href: "https://example.com/"}, {Text: "” and left."},
			}},
			{ID: "b2", Kind: model.KindList, Text: "one “two\nthree” four", Items: []model.Block{
				{ID: "b3", Kind: model.KindItem, Text: "one “two", Runs: []model.Run{{Text: "one “two"}}},
				{ID: "b4", Kind: model.KindItem, Text: "three” four", Runs: []model.Run{{Text: "three” four"}}},
			}},
			{ID: "b5", Kind: model.KindRule},
			{ID: "b6", Kind: model.KindParagraph, Text: "Ünïcode “ß”", Runs: []model.Run{{Text: "Ünïcode “ß”"}}},
		}
		layout(blocks)
		return blocks
	}
	tests := []struct {
		name   string
		quotes []model.Quote
		want   map[int]string  // block index (items as 10+i) → runs
		block  []model.BlockID // Quote.Block after marking
	}{
		{
			name:   "quote splits a plain run and a link run",
			quotes: []model.Quote{{ID: "q1", Start: 9, End: 14, SpeakerID: "s1"}},
			want:   map[int]string{0: "He said “||| ; ab |q1|s1| ; cd|q1|s1|https://example.com/ ; ” and left.|||"},
			block:  []model.BlockID{"b1"},
		},
		{
			name: "quote across two list items",
			// b2 starts at 27; "one “" is 5 code points, so "two" starts at 32; "three" ends at 41.
			quotes: []model.Quote{{ID: "q1", Start: 32, End: 41}},
			want:   map[int]string{10: "one “||| ; two|q1||", 11: "three|q1|| ; ” four|||"},
			block:  []model.BlockID{"b3"},
		},
		{
			name:   "quote after multi-byte text",
			quotes: []model.Quote{{ID: "q7", Start: 60, End: 61, SpeakerID: "s2"}},
			want:   map[int]string{3: "Ünïcode “||| ; ß|q7|s2| ; ”|||"},
			block:  []model.BlockID{"b6"},
		},
		{
			name:   "overlapping quotes: the earlier keeps the shared span",
			quotes: []model.Quote{{ID: "q2", Start: 12, End: 14}, {ID: "q1", Start: 9, End: 13}},
			want:   map[int]string{0: "He said “||| ; ab |q1|| ; c|q1||https://example.com/ ; d|q2||https://example.com/ ; ” and left.|||"},
			block:  []model.BlockID{"b1", "b1"},
		},
		{
			name: "quote from the gap between blocks into the next",
			// b1 ends at 25; b3 starts at 27.
			quotes: []model.Quote{{ID: "q1", Start: 25, End: 30}},
			want:   map[int]string{0: "He said “ab ||| ; cd|||https://example.com/ ; ” and left.|||", 10: "one|q1|| ;  “two|||"},
			block:  []model.BlockID{"b3"},
		},
		{
			name:   "quote outside every block",
			quotes: []model.Quote{{ID: "q1", Start: 500, End: 510}},
			want:   map[int]string{0: "He said “ab ||| ; cd|||https://example.com/ ; ” and left.|||"},
			block:  []model.BlockID{""},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			blocks := mk()
			applyQuotes(textBlocks(blocks), tt.quotes)
			for k, want := range tt.want {
				b := blocks[k%10]
				if k >= 10 {
					b = blocks[1].Items[k-10]
				}
				if got := runsOf(b); got != want {
					t.Errorf("block %s runs:\n got %s\nwant %s", b.ID, got, want)
				}
			}
			for i, q := range tt.quotes {
				if got, want := q.Block, tt.block[i]; got != want {
					t.Errorf("quote %s block = %q, want %q", q.ID, got, want)
				}
			}
			for _, b := range textBlocks(blocks) {
				var sb strings.Builder
				for _, r := range b.Runs {
					sb.WriteString(r.Text)
				}
				if got, want := sb.String(), b.Text; got != want {
					t.Errorf("block %s runs join to %q, want %q", b.ID, got, want)
				}
			}
		})
	}
}

func TestTextSpace(t *testing.T) {
	t.Parallel()
	a := &model.Article{Blocks: []model.Block{
		{Kind: model.KindParagraph, Text: "one"},
		{Kind: model.KindList, Text: "a\nb", Items: []model.Block{{Kind: model.KindItem, Text: "a"}, {Kind: model.KindItem, Text: "b"}}},
		{Kind: model.KindImage},
		{Kind: model.KindParagraph, Text: "zwei"},
	}}
	layout(a.Blocks)
	if got, want := a.Text(), "one\n\na\nb\n\n\n\nzwei"; got != want {
		t.Fatalf("Text() = %q, want %q", got, want)
	}
	text := []rune(a.Text())
	for _, b := range textBlocks(a.Blocks) {
		if got := string(text[b.Start : b.Start+utf8.RuneCountInString(b.Text)]); got != b.Text {
			t.Errorf("text space at %d = %q, want %q", b.Start, got, b.Text)
		}
	}
}

// TestSplitRunsAtAll checks that splitRunsAtAll cuts runs where a cut at their runes' bytes would:
// runs of ASCII, of other runes and of invalid bytes, empty ones, and cuts inside runs, at their
// ends, past the text and several at one place; and runs all of ASCII, which are cut at the cuts
// themselves.
func TestSplitRunsAtAll(t *testing.T) {
	t.Parallel()
	for _, runs := range [][]model.Run{
		{{Text: "He said “abcdefghijklmnop"}, {Text: ""}, {Text: "qrs” and ünïcödé", Href: "https://example.com/"},
			{Text: "\xff\xfeab"}, {Text: "plain ASCII text of some length at the end"}},
		{{Text: "He said \"abcdefghijklmnop"}, {Text: ""}, {Text: "qrs\" and unicode", Href: "https://example.com/"},
			{Text: "ab"}, {Text: "plain ASCII text of some length at the end"}},
	} {
		testSplitRunsAtAll(t, runs)
	}
}

func testSplitRunsAtAll(t *testing.T, runs []model.Run) {
	all := 0 // the runes of all the runs
	for _, r := range runs {
		all += utf8.RuneCountInString(r.Text)
	}
	for _, cuts := range [][]int{nil, {0}, {3}, {8, 9}, {25, 25, 26}, {26}, {27, 30, 41, 42}, {1, 2, 3, 4, 5, 6, 7, 8, 9, 10},
		{43, 44, 50, 85}, {all}, {all + 5}, {5, 33, 44, 60, 70}} {
		// The reference: the runs' []rune text cut at each cut strictly inside a run.
		var want []model.Run
		var wantStarts []int
		pos := 0
		for _, r := range runs {
			var at []int // the byte where each rune of the run starts, as range reads them, and its end
			for b := range r.Text {
				at = append(at, b)
			}
			n := len(at)
			at = append(at, len(r.Text))
			from := 0
			for _, c := range cuts {
				if c > pos+from && c < pos+n {
					piece := r
					piece.Text = r.Text[at[from]:at[c-pos]]
					want, wantStarts = append(want, piece), append(wantStarts, pos+from)
					from = c - pos
				}
			}
			rest := r
			rest.Text = r.Text[at[from]:]
			want, wantStarts = append(want, rest), append(wantStarts, pos+from)
			pos += n
		}
		wantStarts = append(wantStarts, pos)
		got, starts := splitRunsAtAll(nil, runs, all, cuts, nil)
		if !slices.Equal(got, want) || !slices.Equal(starts, wantStarts) {
			t.Errorf("splitRunsAtAll at %v = %+v %v, want %+v %v", cuts, got, starts, want, wantStarts)
		}
	}
}
