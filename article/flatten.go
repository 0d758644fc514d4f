package article

import (
	"errors"
	"io"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// maxNesting is the deepest element nesting kept from untrusted HTML. x/net/html refuses documents
// nested deeper than 512 elements (its parser is quadratic beyond that), so deeper input is
// flattened first: start tags past this depth are dropped, with their end tags, and their text is
// kept. Real articles nest far less.
const maxNesting = 256

// implied are the elements whose start tag closes an open element of the same name, as the HTML
// parser does (<p>one<p>two), so that flattening does not count them as nesting.
var implied = map[atom.Atom]bool{
	atom.P: true, atom.Li: true, atom.Dt: true, atom.Dd: true, atom.Option: true, atom.Tr: true,
	atom.Td: true, atom.Th: true, atom.Rt: true, atom.Rp: true,
}

// voids are the elements that never have content.
var voids = map[atom.Atom]bool{
	atom.Area: true, atom.Base: true, atom.Br: true, atom.Col: true, atom.Embed: true, atom.Hr: true,
	atom.Img: true, atom.Input: true, atom.Link: true, atom.Meta: true, atom.Source: true,
	atom.Track: true, atom.Wbr: true, atom.Param: true, atom.Keygen: true,
}

// parseHTML parses an untrusted page with x/net/html, flattening it first if it is nested too
// deeply for the parser. Time and memory stay linear in the input.
func parseHTML(src string) (*html.Node, error) {
	doc, err := html.Parse(strings.NewReader(src))
	if err == nil {
		return doc, nil
	}
	doc, err2 := html.Parse(strings.NewReader(flattenHTML(src, maxNesting)))
	if err2 != nil {
		return nil, errors.Join(errNesting, err)
	}
	return doc, nil
}

// parseHTMLFragment parses sanitized HTML as the content of a <body>, flattening it first if it
// is nested too deeply for the parser.
func parseHTMLFragment(src string) ([]*html.Node, error) {
	body := &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body}
	nodes, err := html.ParseFragment(strings.NewReader(src), body)
	if err == nil {
		return nodes, nil
	}
	nodes, err2 := html.ParseFragment(strings.NewReader(flattenHTML(src, maxNesting)), body)
	if err2 != nil {
		return nil, errors.Join(errNesting, err)
	}
	return nodes, nil
}

var errNesting = errors.New("the HTML is nested too deeply to read; it does not look like an article")

// flattenHTML rewrites src so that no element nests deeper than limit, by the tokenizer's
// count: start tags beyond the limit are dropped with their matching end tags, and everything
// else, text included, is copied as it was. It runs in one linear pass.
func flattenHTML(src string, limit int) string {
	z := html.NewTokenizer(strings.NewReader(src))
	var out strings.Builder
	out.Grow(len(src))
	var stack []atom.Atom
	var names []string
	dropped := map[string]int{}
	var raw []byte
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			if z.Err() != io.EOF {
				out.Write(z.Raw())
			}
			return out.String()
		}
		raw = append(raw[:0], z.Raw()...) // TagName may change what Raw returned
		switch tt {
		case html.StartTagToken:
			nameB, _ := z.TagName()
			name := string(nameB)
			a := atom.Lookup(nameB)
			if voids[a] {
				break
			}
			if implied[a] && len(stack) > 0 && stack[len(stack)-1] == a && names[len(names)-1] == name {
				stack, names = stack[:len(stack)-1], names[:len(names)-1]
			}
			if len(stack) >= limit {
				dropped[name]++
				continue
			}
			stack, names = append(stack, a), append(names, name)
		case html.EndTagToken:
			nameB, _ := z.TagName()
			name := string(nameB)
			if dropped[name] > 0 {
				dropped[name]--
				continue
			}
			for i := len(names) - 1; i >= 0; i-- {
				if names[i] == name {
					stack, names = stack[:i], names[:i]
					break
				}
			}
		}
		out.Write(raw)
	}
}
