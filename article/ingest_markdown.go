package article

import (
	"bytes"
	"net/url"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	gmhtml "github.com/yuin/goldmark/renderer/html"
)

// markdown is the one goldmark converter, built once: CommonMark with GitHub's tables,
// strikethrough and autolinks. Raw HTML in the Markdown is passed through (WithUnsafe) because its
// output always goes through Sanitize next; goldmark is not the trust boundary.
var markdown = goldmark.New(
	goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.Linkify),
	goldmark.WithRendererOptions(gmhtml.WithUnsafe()),
)

// parseMarkdown builds the Article of an untrusted Markdown document: goldmark renders it to
// HTML, which goes through the same path as an HTML fragment (the sanitizer, then the walker).
// A leading "# Title" becomes the title.
func parseMarkdown(src string, base *url.URL) (*Article, error) {
	var out bytes.Buffer
	if err := markdown.Convert([]byte(src), &out); err != nil {
		return nil, err
	}
	return parseFragment(out.String(), base)
}
