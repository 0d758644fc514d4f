package server

import (
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"net/url"
	"regexp"
	"strings"
)

// The web folder's files every page holds inline in its head, and the scripts the pages load.
const (
	styleSheetFile     = "verbatim.css"
	settingsScriptFile = "page/settings.js"
	readerScriptFile   = "page/reader.js"
	offlineScriptFile  = "page/offline.js"
	embedFrameFile     = "page/embed-frame.js"
	partnerScriptFile  = "partner/embed.js"
	wasmFile           = "app.wasm"
)

// settingsChoicesID is the id of the JSON script element that gives settings.js the settings'
// allowed values, which Go owns (components).
const settingsChoicesID = "verbatim-settings-choices"

// pageAssets is what the post-processor puts into the pages of one build: the inline style sheet
// and settings script with the CSP sources that allow exactly them, the addresses of go-app's links
// to them that it replaces, and the versioned addresses of the page scripts. It is made once, by
// newPageAssets, and never changed.
type pageAssets struct {
	styleHref, settingsSrc string // what go-app links (Handler.Styles and Scripts, versioned)

	style, settings string // the inline bodies; "" when the web folder lacks the file
	embedStyle      string // the style sheet of /embed/ pages: style without the pages' own rules (embedStyleSheet)
	choices         string // the settings' choices, JSON
	styleSrc        string // "'sha256-…'" of style and of embedStyle, for the CSP's style-src; "" with no style
	scriptSrc       string // "'sha256-…'" of settings, for the CSP's script-src; "" with no script

	reader, offline, embedFrame string // versioned script URLs; "" when the web folder lacks the file
	wasm                        string // app.wasm's versioned URL (app.js fetches it); "" when the web folder lacks it
}

// newPageAssets makes the pages' assets of a build from its web folder and version. A file the
// folder lacks is left out of the pages (NewServer warns); a style sheet or script that cannot be
// inlined is an error.
//
// Trust boundary: the files are the operator's build. They go into the page as raw text (the HTML
// parser does not decode a style or script element's content), so they must not hold their own end
// tag, and the CSP hashes are of the exact text the browser will hash.
func newPageAssets(web map[string][]byte, version string, choices []byte) (*pageAssets, error) {
	static := "/v/" + version + "/web/"
	pa := &pageAssets{styleHref: static + styleSheetFile, settingsSrc: static + settingsScriptFile, choices: string(choices)}
	if b, ok := web[styleSheetFile]; ok {
		css, err := absoluteURLs(normalizeNewlines(string(b)), pa.styleHref)
		if err != nil {
			return nil, fmt.Errorf("inlining web/%s: %w", styleSheetFile, err)
		}
		pa.style = css
		if pa.embedStyle, err = embedStyleSheet(css); err != nil {
			return nil, fmt.Errorf("the embeds' part of web/%s: %w", styleSheetFile, err)
		}
	}
	if b, ok := web[settingsScriptFile]; ok {
		pa.settings = dropLineComments(normalizeNewlines(string(b)))
	}
	for _, c := range []struct{ name, element, text string }{
		{styleSheetFile, "style", pa.style}, {settingsScriptFile, "script", pa.settings}, {"the settings' choices", "script", pa.choices},
	} {
		if err := checkRawText(c.element, c.text); err != nil {
			return nil, fmt.Errorf("inlining %s: %w", c.name, err)
		}
	}
	if pa.style != "" {
		pa.styleSrc = cspHash(pa.style)
		if pa.embedStyle != pa.style {
			pa.styleSrc += " " + cspHash(pa.embedStyle)
		}
	}
	if pa.settings != "" {
		pa.scriptSrc = cspHash(pa.settings)
	}
	for _, s := range []struct {
		name string
		url  *string
	}{{readerScriptFile, &pa.reader}, {offlineScriptFile, &pa.offline}, {embedFrameFile, &pa.embedFrame}, {wasmFile, &pa.wasm}} {
		if _, ok := web[s.name]; ok {
			*s.url = static + s.name
		}
	}
	return pa, nil
}

// missing returns the web folder's page files the pages go without.
func (pa *pageAssets) missing() []string {
	var out []string
	for _, f := range []struct{ name, got string }{
		{styleSheetFile, pa.style}, {settingsScriptFile, pa.settings}, {readerScriptFile, pa.reader},
		{offlineScriptFile, pa.offline}, {embedFrameFile, pa.embedFrame},
	} {
		if f.got == "" {
			out = append(out, f.name)
		}
	}
	return out
}

// cspHash returns the CSP source that allows an inline element whose text is s: 'sha256-' and the
// base64 of the SHA-256 of its UTF-8 bytes.
func cspHash(s string) string {
	sum := sha256.Sum256([]byte(s))
	return "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
}

// normalizeNewlines turns CRLF and CR into LF, as the HTML parser does before the browser hashes an
// element's text: the hash must be of what the browser sees.
func normalizeNewlines(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
}

// dropLineComments returns the script js without its lines that hold only a // comment: the settings
// script is inlined in every page, and in an embed's frame it is parsed on the partner's main
// thread; its comments were over a third of it. A script with a template literal is returned as it
// is, since a line of one may begin with //.
func dropLineComments(js string) string {
	if strings.Contains(js, "`") {
		return js
	}
	lines := strings.SplitAfter(js, "\n")
	kept := lines[:0]
	for _, l := range lines {
		if !strings.HasPrefix(strings.TrimLeft(l, " \t"), "//") {
			kept = append(kept, l)
		}
	}
	return strings.Join(kept, "")
}

// checkRawText reports why text cannot be the content of a style or script element as it is: its end
// tag would close the element early, a NUL is replaced by the parser (and the hash would no longer
// match), and in a script "<!--" changes how the parser finds the end.
func checkRawText(element, text string) error {
	lower := strings.ToLower(text)
	switch {
	case strings.Contains(lower, "</"+element):
		return fmt.Errorf("it holds </%s, which would end the element", element)
	case strings.Contains(text, "\x00"):
		return fmt.Errorf("it holds a NUL byte")
	case element == "script" && strings.Contains(text, "<!--"):
		return fmt.Errorf("it holds <!--, which changes where the script ends")
	}
	return nil
}

// cssURL matches a url() of a style sheet, quoted or not.
var cssURL = regexp.MustCompile(`url\(\s*(?:"([^"]*)"|'([^']*)'|([^"')\s]*))\s*\)`)

// absoluteURLs rewrites every relative url() of css against the address the style sheet had
// (sheetURL): inline in a page, url(fonts/x.woff2) would otherwise be read against the page's
// address. The URLs come out quoted, and an @import is refused (the page would fetch it unhashed).
func absoluteURLs(css, sheetURL string) (string, error) {
	if strings.Contains(strings.ToLower(css), "@import") {
		return "", fmt.Errorf("it has an @import, which an inline style sheet cannot keep")
	}
	base, err := url.Parse(sheetURL)
	if err != nil {
		return "", err
	}
	if n := len(cssURL.FindAllStringIndex(css, -1)); n != strings.Count(strings.ToLower(css), "url(") {
		return "", fmt.Errorf("it has a url() the server cannot read, which it would leave relative to the page")
	}
	var bad error
	out := cssURL.ReplaceAllStringFunc(css, func(m string) string {
		g := cssURL.FindStringSubmatch(m)
		ref := g[1] + g[2] + g[3]
		u, err := url.Parse(ref)
		if err != nil || strings.ContainsAny(ref, `"\`) {
			bad = fmt.Errorf("url(%s) is not a URL the server can rewrite", ref)
			return m
		}
		if u.IsAbs() || strings.HasPrefix(ref, "/") || strings.HasPrefix(ref, "#") {
			return m
		}
		return `url("` + base.ResolveReference(u).String() + `")`
	})
	return out, bad
}
