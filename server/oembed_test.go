package server

import (
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"testing"
)

func TestOEmbed(t *testing.T) {
	t.Parallel()
	s, _ := newTestServer(t, Config{BaseURL: "https://verbatim.example/"})
	q := func(v url.Values) string { return "/oembed?" + v.Encode() }
	article := "https://verbatim.example/article/harbour-council"
	cases := []struct {
		name   string
		target string
		status int
	}{
		{"json", q(url.Values{"url": {article}, "format": {"json"}}), 200},
		{"no format", q(url.Values{"url": {article}}), 200},
		{"embed url", q(url.Values{"url": {"https://verbatim.example/embed/harbour-council"}}), 200},
		{"deep link", q(url.Values{"url": {article + "?x=1#q3"}}), 200},
		{"maxwidth", q(url.Values{"url": {article}, "maxwidth": {"300"}}), 200},
		{"maxheight", q(url.Values{"url": {article}, "maxheight": {"300"}}), 200},
		{"xml", q(url.Values{"url": {article}, "format": {"xml"}}), 501},
		{"unknown article", q(url.Values{"url": {"https://verbatim.example/article/nope"}}), 404},
		{"other site", q(url.Values{"url": {"https://evil.example/article/harbour-council"}}), 404},
		{"not an article path", q(url.Values{"url": {"https://verbatim.example/import"}}), 404},
		{"missing url", "/oembed?format=json", 400},
		{"relative url", q(url.Values{"url": {"/article/harbour-council"}}), 400},
		{"javascript url", q(url.Values{"url": {"javascript:alert(1)"}}), 400},
		{"bad maxwidth", q(url.Values{"url": {article}, "maxwidth": {"wide"}}), 400},
		{"zero maxwidth", q(url.Values{"url": {article}, "maxwidth": {"0"}}), 400},
		{"negative maxheight", q(url.Values{"url": {article}, "maxheight": {"-5"}}), 400},
		{"huge maxwidth", q(url.Values{"url": {article}, "maxwidth": {"99999999999999999999"}}), 400},
		{"huge url", q(url.Values{"url": {article + "?" + strings.Repeat("a", 5000)}}), 400},
	}
	for _, c := range cases {
		res, body := do(t, s.Handler(), "GET", c.target, nil)
		if res.StatusCode != c.status {
			t.Errorf("%s: status %d, want %d (%s)", c.name, res.StatusCode, c.status, body)
			continue
		}
		if c.status != 200 {
			continue
		}
		var o map[string]any
		if err := json.Unmarshal([]byte(body), &o); err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		for k, want := range map[string]any{
			"version": "1.0", "type": "rich", "provider_name": "Verbatim", "title": "Harbour Council Votes to Keep the Night Ferry Running",
			"author_name": "Test Author", "provider_url": "https://verbatim.example",
		} {
			if o[k] != want {
				t.Errorf("%s: %s=%v, want %v", c.name, k, o[k], want)
			}
		}
		if o["width"] == nil || o["height"] == nil {
			t.Errorf("%s: width or height missing", c.name)
		}
		html, _ := o["html"].(string)
		// The snippet's frame is as high as the response says (its data-height).
		h, _ := o["height"].(float64)
		for _, want := range []string{
			fmt.Sprintf(`<blockquote class="verbatim-embed" data-article="harbour-council" data-height="%d">`, int(h)),
			`<script async src="https://verbatim.example/embed.js"></script>`,
			`An excerpt with &lt;markup&gt; &amp; &#34;quotes&#34;.`,
		} {
			if !strings.Contains(html, want) {
				t.Errorf("%s: html lacks %s:\n%s", c.name, want, html)
			}
		}
		if strings.Contains(html, "<markup>") {
			t.Errorf("%s: article text reached the html unescaped", c.name)
		}
		if res.Header.Get("Content-Type") != "application/json; charset=utf-8" {
			t.Errorf("%s: Content-Type %q", c.name, res.Header.Get("Content-Type"))
		}
	}
	_, body := do(t, s.Handler(), "GET", q(url.Values{"url": {article}, "maxwidth": {"300"}}), nil)
	var o struct{ Width int }
	json.Unmarshal([]byte(body), &o)
	if o.Width != 300 {
		t.Errorf("maxwidth=300 gave width %d", o.Width)
	}
}

func TestOEmbedWithoutBaseURLUsesTheRequestHost(t *testing.T) {
	t.Parallel()
	s, _ := newTestServer(t, Config{})
	res, body := do(t, s.Handler(), "GET", "/oembed?url="+url.QueryEscape("http://example.com/article/zakaria-peskov"), nil)
	if res.StatusCode != 200 || !strings.Contains(body, `http://example.com/embed.js`) {
		t.Errorf("status %d, body %s", res.StatusCode, body)
	}
}
