package article

import (
	"bytes"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"verbatim/article/model"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	gmhtml "github.com/yuin/goldmark/renderer/html"
)

// markdown is the one goldmark converter, built once: CommonMark with GitHub's tables,
// strikethrough and autolinks. Raw HTML in the Markdown is passed through (WithUnsafe) because its
// output always goes through Sanitize next; goldmark is not the trust boundary.
var markdown = goldmark.New(
	goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.Linkify),
	goldmark.WithRendererOptions(gmhtml.WithUnsafe()),
)

// Bounds that keep goldmark linear. Measured here, goldmark takes seconds on inputs of a few
// hundred kilobytes that nest deeply (100,000 ">" take 3 s, 3,000 indented list levels 51 s),
// that hold many unclosed links ("[a](" 50,000 times: 6 s) or many consecutive reference
// definitions (100,000: 7.5 s). So:
const (
	mdMaxQuotes   = 16       // ">" markers kept at the start of a line
	mdMaxMarkers  = 16       // list markers kept at the start of a line
	mdMaxIndent   = 64       // columns of indentation kept
	mdChunkBytes  = 16 << 10 // the document is converted in chunks of about this size
	mdMaxBrackets = 512      // a chunk with more "[" or "<" than this has them escaped
)

var (
	rxMdFence = regexp.MustCompile("^ {0,3}(```+|~~~+)")
	// rxMdRef is compiled on first use: its {1,999} makes it the costliest pattern to compile,
	// and a page of app.wasm that only reads articles never needs it.
	rxMdRef = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^ {0,3}\[((?:[^\]\\]|\\.){1,999})\]:[ \t]*(<[^<>\n]*>|\S+)(?:[ \t]+("[^"]*"|'[^']*'|\([^()]*\)))?[ \t]*$`)
	})
	rxMdList = regexp.MustCompile(`^(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)`)
)

// parseMarkdown builds the Article of an untrusted Markdown document: goldmark renders it to
// HTML, which goes through the same path as an HTML fragment (the sanitizer, then the walker).
// A leading "# Title" becomes the title. The document is first bounded (see mdPrepare) and
// converted chunk by chunk, so time stays linear in its size.
func parseMarkdown(src string, base *url.URL) (*model.Article, error) {
	chunks, refs := mdPrepare(src)
	var out bytes.Buffer
	for _, c := range chunks {
		ctx := parser.NewContext()
		for _, r := range refs {
			ctx.AddReference(r)
		}
		if err := markdown.Convert([]byte(c), &out, parser.WithContext(ctx)); err != nil {
			return nil, err
		}
		out.WriteByte('\n')
	}
	return parseFragment(out.String(), base)
}

// mdPrepare bounds a Markdown document for goldmark. It caps the nesting a line may open
// (quote markers, list markers, indentation), takes out link reference definitions (they are
// given to every chunk), and cuts the document into chunks at blank lines that precede a
// top-level block outside fenced code, so lists and their continuations stay whole. A chunk
// crowded with brackets has them escaped, and is read as text.
func mdPrepare(src string) (chunks []string, refs []parser.Reference) {
	lines := strings.SplitAfter(src, "\n")
	var cur strings.Builder
	fence := ""
	blank := true
	cut := func() {
		if cur.Len() > 0 {
			chunks = append(chunks, escapeCrowded(cur.String()))
			cur.Reset()
		}
	}
	for _, line := range lines {
		body := strings.TrimRight(line, "\r\n")
		if fence != "" {
			if strings.HasPrefix(strings.TrimLeft(body, " "), fence) {
				fence = ""
			}
			cur.WriteString(line)
			continue
		}
		if m := rxMdFence.FindStringSubmatch(body); m != nil {
			fence = m[1][:3]
		}
		isBlank := strings.TrimSpace(body) == ""
		if !isBlank && blank {
			if m := rxMdRef().FindStringSubmatch(body); m != nil && fence == "" {
				refs = append(refs, mdReference(m))
				continue
			}
			if cur.Len() >= mdChunkBytes && body[0] != ' ' && body[0] != '\t' && body[0] != '>' && !rxMdList.MatchString(body) {
				cut()
			}
		}
		blank = isBlank
		cur.WriteString(capNesting(line))
	}
	cut()
	return chunks, refs
}

// mdReference makes a goldmark reference from a definition matched by rxMdRef.
func mdReference(m []string) parser.Reference {
	dest := strings.TrimSuffix(strings.TrimPrefix(m[2], "<"), ">")
	title := ""
	if len(m[3]) >= 2 {
		title = m[3][1 : len(m[3])-1]
	}
	return parser.NewReference([]byte(m[1]), []byte(dest), []byte(title))
}

// capNesting keeps at most mdMaxQuotes quote markers, mdMaxMarkers list markers and mdMaxIndent
// columns of indentation at the start of a line, dropping the excess and keeping the content.
func capNesting(line string) string {
	quotes, markers, col, i := 0, 0, 0, 0
	var out strings.Builder
	changed := false
	for i < len(line) {
		c := line[i]
		switch {
		case c == ' ' || c == '\t':
			w := 1
			if c == '\t' {
				w = 4 - col%4
			}
			col += w
			if col > mdMaxIndent {
				changed = true
			} else {
				out.WriteByte(c)
			}
			i++
			continue
		case c == '>':
			quotes++
			if quotes > mdMaxQuotes {
				changed = true
			} else {
				out.WriteByte(c)
			}
			i++
			col++
			continue
		}
		if m := rxMdList.FindString(line[i:]); m != "" && strings.TrimSpace(line[i+len(m):]) != "" {
			markers++
			if markers > mdMaxMarkers {
				changed = true
			} else {
				out.WriteString(m)
			}
			i += len(m)
			col += len(m)
			continue
		}
		break
	}
	if !changed {
		return line
	}
	out.WriteString(line[i:])
	return out.String()
}

// escapeCrowded escapes the brackets of a chunk that holds so many that goldmark's link parsing
// would go quadratic: its text is kept, read literally.
func escapeCrowded(chunk string) string {
	if strings.Count(chunk, "[") <= mdMaxBrackets && strings.Count(chunk, "<") <= mdMaxBrackets {
		return chunk
	}
	r := strings.NewReplacer(`[`, `\[`, `]`, `\]`, `<`, `\<`, `\`, `\\`)
	return r.Replace(chunk)
}
