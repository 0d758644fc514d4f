package app

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strings"

	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"

	"verbatim/article/model"
)

// FetchPath is the server's fetch endpoint (`verbatim serve -fetch`): POST {"url": "…"}, answered
// with the Article's JSON or {"error": "one line"}.
const FetchPath = "/api/fetch"

// FetchMeta names the <meta> the server puts in the head of the pages that boot app.wasm when it
// fetches links; the import page offers "Read from a link" only then.
const FetchMeta = "verbatim-fetch"

// serverFetches reports whether the server this page came from fetches links (FetchMeta in the
// head). It is false while prerendering: the field appears once app.wasm has the page.
func serverFetches() bool {
	if !goapp.IsClient {
		return false
	}
	return goapp.Window().Get("document").Call("querySelector", `meta[name="`+FetchMeta+`"]`).Truthy()
}

// sharedLink returns the http or https address shared with the app (share_target's url, or a text
// that is an address, or ends with one as Android shares "Title https://…"), or "".
func sharedLink(link, text string) string {
	if isWebURL(link) {
		return link
	}
	fields := strings.Fields(text)
	if len(fields) == 0 || len(fields) > 40 {
		return ""
	}
	if last := fields[len(fields)-1]; isWebURL(last) {
		return last
	}
	return ""
}

// isWebURL says whether s is an absolute http or https address.
func isWebURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

// readLink is the link form's submit: it reads the address from the field and fetches it.
func (p *ImportPage) readLink(ctx goapp.Context, e goapp.Event) {
	e.PreventDefault()
	link := strings.TrimSpace(goapp.Window().GetElementByID("import-link").Get("value").String())
	if link == "" {
		p.message = "Give the address of the article's page first."
		return
	}
	p.fetchLink(ctx, link)
}

// fetchLink asks the server to fetch link (POST FetchPath), then keeps the article like any import.
func (p *ImportPage) fetchLink(ctx goapp.Context, link string) {
	p.busy, p.message = true, "Reading "+link+"…"
	ctx.Async(func() {
		a, err := fetchArticle(context.Background(), link)
		p.keep(ctx, a, err)
	})
}

// maxFetchError bounds the error answer read from the fetch endpoint.
const maxFetchError = 4 << 10

// fetchArticle posts link to the server's fetch endpoint and returns the article, or an error whose
// text is the server's one line. It blocks: call it from ctx.Async.
//
// Trust boundary: the answer is the server's article.Parse output, read up to maxJSON bytes and
// decoded with encoding/json only, or an error message shown as text.
func fetchArticle(ctx context.Context, link string) (*model.Article, error) {
	ctx, cancel := context.WithTimeout(ctx, fetchTimeout)
	defer cancel()
	req, _ := json.Marshal(map[string]string{"url": link})
	u := *goapp.Window().URL()
	u.Path, u.RawQuery, u.Fragment = FetchPath, "", ""
	status, body, err := postBytes(ctx, u.String(), req, maxJSON)
	switch {
	case errors.Is(err, context.DeadlineExceeded):
		return nil, errors.New("the server did not answer in time: try again later")
	case err != nil:
		return nil, errors.New("the server could not be reached: you seem to be offline")
	case status != 200:
		var e struct {
			Error string `json:"error"`
		}
		if len(body) > maxFetchError || json.Unmarshal(body, &e) != nil || e.Error == "" {
			return nil, fmt.Errorf("the server answered %d: try again later", status)
		}
		return nil, errors.New(e.Error)
	}
	var a model.Article
	if err := json.Unmarshal(body, &a); err != nil {
		return nil, fmt.Errorf("the server's answer is not an article (%v): try again", err)
	}
	return &a, nil
}
