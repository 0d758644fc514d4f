package article

import (
	"math/rand/v2"
	"strings"
	"testing"
	"verbatim/article/model"
)

// describe renders blocks as "kind:text" lines (items indented), images as "kind:src|alt".
func describe(blocks []model.Block) string {
	var lines []string
	for _, b := range blocks {
		switch b.Kind {
		case model.KindImage:
			lines = append(lines, string(b.Kind)+":"+b.Src+"|"+b.Alt)
		case model.KindFigure:
			lines = append(lines, string(b.Kind)+":"+b.Src+"|"+b.Alt+"|"+b.Text)
		default:
			lines = append(lines, string(b.Kind)+":"+b.Text)
		}
		for _, it := range b.Items {
			lines = append(lines, "  "+string(it.Kind)+":"+it.Text)
		}
	}
	return strings.Join(lines, "\n")
}

func TestWalkHTML(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, in, want string
	}{
		{"white space collapses, br keeps a line", "<p>  one \n\t two<br>  three  </p>", "p:one two\nthree"},
		{"inline text between blocks", "lead<div>in div</div>tail", "p:lead\np:in div\np:tail"},
		{"headings fold", "<h2>a</h2><h3>b</h3><h5>c</h5><h6>d</h6>", "h2:a\nh3:b\nh3:c\nh3:d"},
		{"blockquote paragraphs", "<blockquote><p>one</p><p>two</p>bare</blockquote>",
			"blockquote:one\nblockquote:two\nblockquote:bare"},
		{"nested lists flatten, loose text is an item", "<ul>loose<li>a<ul><li>a1</li></ul></li><li><p>b</p><p>b2</p></li></ul>",
			"ul:loose\na\na1\nb\nb2\n  li:loose\n  li:a\n  li:a1\n  li:b\nb2"},
		{"ordered list", "<ol><li>x</li><li></li><li>y</li></ol>", "ol:x\ny\n  li:x\n  li:y"},
		{"image inside text goes after it", `<p>before <img src="https://e.com/a.png" alt="A"> after</p>`,
			"p:before after\nimg:https://e.com/a.png|A"},
		{"image before text stays first", `<p><img src="https://e.com/a.png">text</p>`, "img:https://e.com/a.png|\np:text"},
		{"figure with caption in order", `<figure><span>Image</span><img src="https://e.com/a.png" alt="A"><figcaption>The <b>cap</b></figcaption></figure>`,
			"p:Image\nfigure:https://e.com/a.png|A|The cap"},
		{"figure without image", `<figure><blockquote>Q</blockquote><figcaption>— Who</figcaption></figure>`, "blockquote:Q\np:— Who"},
		{"pre keeps white space", "<pre>\n  a  b\n\tc\n</pre>", "pre:  a  b\n\tc"},
		{"table rows", "<table><caption>Cap</caption><tr><th>h1</th><th>h2</th></tr><tr><td>a <b>b</b></td><td><p>c</p><p>d</p></td></tr></table>",
			"p:Cap\np:h1\th2\np:a b\tc d"},
		{"rule", "<p>a</p><hr><p>b</p>", "p:a\nhr:\np:b"},
		{"empty elements make no blocks", "<p> </p><div><span></span></div><ul><li> </li></ul>", ""},
		{"image without a safe src is dropped", `<img src="javascript:alert(1)"><img>`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			nodes, err := parseHTMLFragment(tt.in)
			if err != nil {
				t.Fatal(err)
			}
			blocks := walkHTML(nodes)
			if got := describe(blocks); got != tt.want {
				t.Fatalf("blocks of %q:\n%s\nwant:\n%s", tt.in, got, tt.want)
			}
			for _, b := range textBlocks(blocks) {
				var sb strings.Builder
				for _, r := range b.Runs {
					sb.WriteString(r.Text)
				}
				if sb.String() != b.Text {
					t.Fatalf("runs %+v do not join to %q", b.Runs, b.Text)
				}
			}
		})
	}
}

// TestWalkRuns checks inline formatting: links (only safe ones), emphasis, strong and code.
func TestWalkRuns(t *testing.T) {
	t.Parallel()
	nodes, err := parseHTMLFragment(`<p>a <a href="https://e.com/x"><em>b</em> c</a> <a href="javascript:x">d</a> <strong>e <code>f</code></strong></p>`)
	if err != nil {
		t.Fatal(err)
	}
	blocks := walkHTML(nodes)
	var got []string
	for _, r := range blocks[0].Runs {
		var flags []string
		if r.Href != "" {
			flags = append(flags, "href="+r.Href)
		}
		if r.Em {
			flags = append(flags, "em")
		}
		if r.Strong {
			flags = append(flags, "strong")
		}
		if r.Code {
			flags = append(flags, "code")
		}
		got = append(got, r.Text+"["+strings.Join(flags, ",")+"]")
	}
	want := "a [] | b[href=https://e.com/x,em] |  c[href=https://e.com/x] |  d [] | e [strong] | f[strong,code]"
	if g := strings.Join(got, " | "); g != want {
		t.Fatalf("runs:\n got %s\nwant %s", g, want)
	}
}

// TestIsOneLine checks isOneLine against what it stands for, oneLine's collapsing (strings.Fields
// joined by single spaces) giving s back, on random texts of words, spaces of every kind and runes
// past ASCII, long enough to be read eight bytes at a time.
func TestIsOneLine(t *testing.T) {
	t.Parallel()
	pieces := []string{"word", "a", "Überall", "—", " ", " ", " ", "  ", "\t", "\n", "\r", "\v", "\f", "\u00a0", "\u2003", "x.y", "12345678"}
	r := rand.New(rand.NewPCG(3, 4))
	for range 20000 {
		s := randomText(r, pieces, 20)
		if got, want := isOneLine(s), strings.Join(strings.Fields(s), " ") == s; got != want {
			t.Fatalf("isOneLine(%q) = %v, want %v", s, got, want)
		}
	}
}
