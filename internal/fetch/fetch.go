// Package fetch reads an article's page from its address for `verbatim serve -fetch` (POST
// /api/fetch) and `verbatim parse URL`, guarded against server-side request forgery.
//
// Trust boundary: the address comes from a stranger, and so does every answer, redirect and DNS
// record on the way. A fetch dials only public unicast addresses (publicAddr), checked on the address
// actually dialled after resolution (Fetcher.dial), so a name that resolves to a public address once
// and to an internal one the next time (DNS rebinding) is refused at the dial; only http and https,
// no credentials, at most MaxRedirects redirects each checked again, at most model.MaxInputBytes read
// from a stream, one deadline for all of it, only the text types Verbatim reads, no cookies, and no
// proxy. The page then goes through article.Parse like any import.
package fetch

import (
	"context"
	"errors"
	"io"
	"mime"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strings"
	"syscall"
	"time"

	"golang.org/x/net/html/charset"

	"verbatim/article/model"
)

// MaxRedirects is how many redirects one fetch follows.
const MaxRedirects = 5

// Timeout is the default deadline of one whole fetch: resolution, connections, redirects and body.
const Timeout = 10 * time.Second

// UserAgent names Verbatim to the sites it fetches from.
const UserAgent = "Verbatim/1 (article reader; fetches one page a reader asked for)"

// accept is the Accept header: the types formats maps.
const accept = "text/html, application/xhtml+xml, text/markdown;q=0.9, text/plain;q=0.8"

// formats maps the media types a fetch accepts to the format article.Parse reads them as.
var formats = map[string]model.Format{
	"text/html":             model.FormatHTML,
	"application/xhtml+xml": model.FormatHTML,
	"text/plain":            model.FormatText,
	"text/markdown":         model.FormatMarkdown,
	"text/x-markdown":       model.FormatMarkdown,
}

// Resolver looks up a host's addresses; *net.Resolver is one. Tests give a stub.
type Resolver interface {
	LookupNetIP(ctx context.Context, network, host string) ([]netip.Addr, error)
}

// Config configures a Fetcher. The zero value fetches public addresses only, with the system's
// resolver and Timeout.
type Config struct {
	Allow    Allow         // hosts and ranges opened although not public (-fetch-allow)
	Resolver Resolver      // default net.DefaultResolver
	Timeout  time.Duration // default Timeout
}

// Fetcher fetches pages under one Config. It is safe for concurrent use.
type Fetcher struct {
	cfg    Config
	client *http.Client
}

// New returns a Fetcher for cfg.
func New(cfg Config) *Fetcher {
	if cfg.Resolver == nil {
		cfg.Resolver = net.DefaultResolver
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = Timeout
	}
	f := &Fetcher{cfg: cfg}
	tr := &http.Transport{
		Proxy:                  nil, // a proxy would be dialled instead of the checked address
		DialContext:            f.dial,
		DisableKeepAlives:      true, // each request dials, and so is checked, again
		ForceAttemptHTTP2:      true,
		TLSHandshakeTimeout:    cfg.Timeout,
		ResponseHeaderTimeout:  cfg.Timeout,
		MaxResponseHeaderBytes: 64 << 10,
	}
	f.client = &http.Client{Transport: tr, CheckRedirect: checkRedirect} // no Jar: no cookies
	return f
}

// Page is a fetched page, ready for article.Parse.
type Page struct {
	URL    string       // the address after redirects
	Format model.Format // from the Content-Type
	Body   []byte       // UTF-8 when the Content-Type named another charset; at most model.MaxInputBytes
}

// Fetch reads the page at rawURL. Every refusal and failure is an *Error with a one-line message.
func (f *Fetcher) Fetch(ctx context.Context, rawURL string) (*Page, error) {
	u, err := checkURL(rawURL)
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(ctx, f.cfg.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, newError(KindURL, "%q is not an address Verbatim can fetch: %v", rawURL, err)
	}
	req.Header.Set("User-Agent", UserAgent)
	req.Header.Set("Accept", accept)
	res, err := f.client.Do(req)
	if err != nil {
		return nil, f.failure(ctx, u, err)
	}
	defer res.Body.Close()
	final := res.Request.URL
	if res.StatusCode != http.StatusOK {
		return nil, newError(KindUpstream, "%s answered %s, not the page", final.Host, strings.TrimSpace(res.Status))
	}
	format, cs, err := contentType(res.Header.Get("Content-Type"))
	if err != nil {
		return nil, err
	}
	if res.ContentLength > model.MaxInputBytes {
		return nil, tooLarge(res.ContentLength)
	}
	body, err := io.ReadAll(io.LimitReader(res.Body, model.MaxInputBytes+1))
	if err != nil {
		return nil, f.failure(ctx, final, err)
	}
	if len(body) > model.MaxInputBytes {
		return nil, tooLarge(-1)
	}
	if body, err = toUTF8(body, cs); err != nil {
		return nil, err
	}
	return &Page{URL: final.String(), Format: format, Body: body}, nil
}

func tooLarge(n int64) *Error {
	msg := strings.TrimPrefix((&model.TooLargeError{Size: n}).Error(), "article ")
	return &Error{Kind: KindTooLarge, Msg: "the page is " + msg, Err: model.ErrTooLarge}
}

// checkURL parses rawURL and refuses what no fetch may ask for: other schemes than http and https,
// credentials, and a missing host.
func checkURL(rawURL string) (*url.URL, error) {
	rawURL = strings.TrimSpace(rawURL)
	if rawURL == "" {
		return nil, newError(KindURL, "give the address of a page, such as https://example.com/news/1")
	}
	u, err := url.Parse(rawURL)
	if err != nil {
		return nil, newError(KindURL, "%q is not a valid address: give one such as https://example.com/news/1", rawURL)
	}
	if err := checkTarget(u); err != nil {
		return nil, err
	}
	u.Fragment = ""
	return u, nil
}

// checkTarget refuses a URL (asked for, or a redirect's) that is not http or https, carries
// credentials, or names no host.
func checkTarget(u *url.URL) error {
	switch {
	case u.Scheme != "http" && u.Scheme != "https":
		return newError(KindURL, "%q is not an http or https address; Verbatim fetches web pages only", u.Redacted())
	case u.User != nil:
		return newError(KindURL, "the address carries a user name or password, which Verbatim never sends; remove them")
	case u.Hostname() == "":
		return newError(KindURL, "%q names no host; give one such as https://example.com/news/1", u.Redacted())
	}
	return nil
}

// checkRedirect follows at most MaxRedirects redirects, each to an http or https address without
// credentials (its address is checked again when it is dialled), and sends no Referer.
func checkRedirect(req *http.Request, via []*http.Request) error {
	if len(via) > MaxRedirects {
		return newError(KindUpstream, "the page redirected more than %d times; open it in the browser and give the final address", MaxRedirects)
	}
	if err := checkTarget(req.URL); err != nil {
		return &Error{Kind: err.(*Error).Kind, Msg: "the page redirected to a forbidden address: " + err.Error()}
	}
	req.Header.Del("Referer")
	req.Header.Del("Authorization")
	req.Header.Del("Cookie")
	return nil
}

// dial resolves the host of addr, checks every address it got against the guard (Allow.check), and
// dials the allowed ones in turn; the dialer's Control checks the socket's address once more, so
// nothing reaches connect that was not checked. The host is resolved here, once per connection, and
// the address checked is the address connected to: a name that rebinds between two lookups is
// checked on each.
func (f *Fetcher) dial(ctx context.Context, network, addr string) (net.Conn, error) {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, err
	}
	var addrs []netip.Addr
	if a, err := netip.ParseAddr(host); err == nil {
		addrs = []netip.Addr{a}
	} else if addrs, err = f.cfg.Resolver.LookupNetIP(ctx, "ip", host); err != nil {
		return nil, newError(KindUpstream, "%s could not be found (%v); check the address", host, dnsReason(err))
	}
	var firstErr error
	for _, a := range addrs {
		if err := f.cfg.Allow.check(host, a); err != nil {
			if firstErr == nil {
				firstErr = err
			}
			continue
		}
		d := net.Dialer{Control: f.control(host)}
		c, err := d.DialContext(ctx, network, net.JoinHostPort(a.Unmap().String(), port))
		if err == nil {
			return c, nil
		}
		if firstErr == nil || isRefusal(firstErr) {
			firstErr = err
		}
	}
	if firstErr == nil {
		firstErr = newError(KindUpstream, "%s has no address", host)
	}
	return nil, firstErr
}

func isRefusal(err error) bool {
	fe, ok := asError(err)
	return ok && fe.Kind == KindRefused
}

// control is the dialer's last check, on the address the socket connects to.
func (f *Fetcher) control(host string) func(network, address string, _ syscall.RawConn) error {
	return func(network, address string, _ syscall.RawConn) error {
		ap, err := netip.ParseAddrPort(address)
		if err != nil {
			return refused("Verbatim could not check the address %q it was about to connect to", address)
		}
		return f.cfg.Allow.check(host, ap.Addr())
	}
}

func dnsReason(err error) string {
	var de *net.DNSError
	if errors.As(err, &de) {
		if de.IsNotFound {
			return "no such host"
		}
		return de.Err
	}
	return err.Error()
}

// failure turns a client error into an *Error: the guard's refusals and the redirect limit as they
// are, the deadline as KindTimeout, the rest as the site's failure.
func (f *Fetcher) failure(ctx context.Context, u *url.URL, err error) error {
	if fe, ok := asError(err); ok {
		return fe
	}
	if errors.Is(err, context.DeadlineExceeded) || ctx.Err() != nil {
		return newError(KindTimeout, "%s did not send the page within %s, so Verbatim stopped", u.Host, f.cfg.Timeout)
	}
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		return newError(KindTimeout, "%s did not send the page within %s, so Verbatim stopped", u.Host, f.cfg.Timeout)
	}
	return newError(KindUpstream, "%s could not be reached: %s", u.Host, lastPart(err))
}

// lastPart is the innermost message of err's chain, without the URL the client prefixes.
func lastPart(err error) string {
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	var oe *net.OpError
	if errors.As(err, &oe) && oe.Err != nil {
		err = oe.Err
	}
	return strings.ReplaceAll(err.Error(), "\n", " ")
}

// contentType returns the format of a Content-Type Verbatim reads and its charset, or a KindType
// refusal.
func contentType(header string) (model.Format, string, error) {
	if header == "" {
		return "", "", newError(KindType, "the page did not say what it is (no Content-Type); Verbatim reads HTML, plain text and Markdown")
	}
	mt, params, err := mime.ParseMediaType(header)
	if err != nil {
		return "", "", newError(KindType, "the page's Content-Type %q is not valid; Verbatim reads HTML, plain text and Markdown", header)
	}
	format, ok := formats[mt]
	if !ok {
		return "", "", newError(KindType, "the page is %s, not a web page or text; Verbatim reads HTML, plain text and Markdown", mt)
	}
	return format, params["charset"], nil
}

// toUTF8 decodes body from the charset its Content-Type named, when that is not UTF-8. With no
// charset named, an HTML page is left for article.Parse, which reads its <meta charset>, and text is
// read as UTF-8.
func toUTF8(body []byte, cs string) ([]byte, error) {
	if cs == "" {
		return body, nil
	}
	enc, name := charset.Lookup(cs)
	if enc == nil {
		return nil, newError(KindType, "the page's charset %q is not one Verbatim knows", cs)
	}
	if name == "utf-8" {
		return body, nil
	}
	out, err := enc.NewDecoder().Bytes(body)
	if err != nil {
		return nil, newError(KindType, "the page is not valid %s, the charset it declares", name)
	}
	return out, nil
}
