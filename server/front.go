package server

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
	"unsafe"

	"github.com/valyala/fasthttp"
	"github.com/valyala/fasthttp/fasthttpadaptor"
	"golang.org/x/net/http/httpguts"
)

// front is the HTTP/1.1 server Start puts before the handler: a fasthttp server, which answers the
// plain GET or HEAD of an in-memory asset itself (native) and hands every other request to the
// net/http handler through fasthttpadaptor. net/http's own server was the ceiling of the small JSON
// against nginx (budget 5: a bare net/http handler reached 0.70× of nginx's requests per second,
// a bare fasthttp one about 1.0×). What to send comes from the functions the net/http path uses
// (assetRoute, asset.header, headerSet), so the two paths cannot disagree; TestFrontAgreesWithHandler
// compares them on the wire.
type front struct {
	s    *Server
	slow fasthttp.RequestHandler // the net/http handler, through fasthttpadaptor
	base context.Context         // the requests' context: ended by Abort
}

// newFront returns the front of s; its requests' contexts end with base.
func newFront(s *Server, base context.Context) *front {
	f := &front{s: s, base: base}
	f.slow = fasthttpadaptor.NewFastHTTPHandler(http.HandlerFunc(f.serveHTTP))
	return f
}

// maxRequestBody is the largest request body the front reads. fasthttp reads a body whole before
// the handler runs, where net/http's server let the handler read it: POST /api/fetch, the only
// handler that reads one, still answers a body over maxFetchRequest (8 KiB) itself, and one over
// this limit gets 413 from the front.
const maxRequestBody = 64 << 10

// server returns the fasthttp server of the front, with the limits and timeouts of the
// http.Server it replaced.
func (f *front) server(log interface{ Printf(string, ...any) }, connState func(net.Conn, fasthttp.ConnState)) *fasthttp.Server {
	return &fasthttp.Server{
		Handler:      f.serve,
		ErrorHandler: badRequest,
		// fasthttp reads the request head into this buffer, so it bounds the head as
		// MaxHeaderBytes did (net/http allows 4 KB over it for the request line).
		ReadBufferSize: 32<<10 + 4096,
		// The head within 5 seconds, as ReadHeaderTimeout did, and a body within 15 from the
		// request's start (fasthttp restarts the deadline when the head is in: bodyTimeout).
		ReadTimeout:                  5 * time.Second,
		HeaderReceived:               bodyTimeout,
		WriteTimeout:                 60 * time.Second, // large assets extend their own deadline
		IdleTimeout:                  120 * time.Second,
		MaxRequestBodySize:           maxRequestBody,
		Logger:                       log,
		ConnState:                    connState,
		NoDefaultServerHeader:        true,
		NoDefaultContentType:         true,
		DisablePreParseMultipartForm: true,
		CloseOnShutdown:              true,
		SecureErrorLogMessage:        true, // no request bytes in the log
	}
}

// bodyTimeout gives a request with a body 10 seconds more to send it, once its head is in.
func bodyTimeout(h *fasthttp.RequestHeader) fasthttp.RequestConfig {
	if h.ContentLength() == 0 {
		return fasthttp.RequestConfig{}
	}
	return fasthttp.RequestConfig{ReadTimeout: 10 * time.Second}
}

// serve answers one request: natively when it is a plain GET of an asset, else through the
// net/http handler. While the server drains, every response closes its connection.
func (f *front) serve(ctx *fasthttp.RequestCtx) {
	defer func() {
		// fasthttp recovers no panic: a handler's would end the process. net/http's server logged
		// it and closed the connection without a response; so does the front.
		if rec := recover(); rec != nil {
			f.s.log.Error("panic serving a request", "path", string(ctx.Path()), "panic", rec)
			ctx.Response.Reset()
			ctx.HijackSetNoResponse(true)
			ctx.Hijack(func(net.Conn) {})
		}
	}()
	req := inspect(ctx)
	if req.invalid != "" {
		badRequest(ctx, requestError(req.invalid))
		return
	}
	if !f.native(ctx, req) {
		f.slow(ctx)
	}
	if f.s.draining.Load() {
		ctx.SetConnectionClose()
	}
}

// serveHTTP is the net/http handler as the adaptor calls it, with a context that ends when the
// handler returns or the server is aborted. The adaptor's own context is the fasthttp request,
// which is reused for the connection's next request.
func (f *front) serveHTTP(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithCancel(f.base)
	defer cancel()
	f.s.handler.ServeHTTP(w, detach(r.WithContext(ctx)))
}

// detach returns r with strings of its own. fasthttpadaptor makes the request's method, host,
// target, URL and header fields strings over the fasthttp request's bytes, which the connection's
// next request overwrites: a handler that keeps one (an article id in a cache, a host in a page)
// would find it changed. net/http's strings are the handler's to keep.
func detach(r *http.Request) *http.Request {
	r.Method = strings.Clone(r.Method)
	r.Proto = strings.Clone(r.Proto)
	r.Host = strings.Clone(r.Host)
	r.RequestURI = strings.Clone(r.RequestURI)
	u := *r.URL
	for _, f := range []*string{&u.Scheme, &u.Opaque, &u.Host, &u.Path, &u.RawPath, &u.RawQuery, &u.Fragment, &u.RawFragment} {
		*f = strings.Clone(*f)
	}
	if u.User != nil {
		name := strings.Clone(u.User.Username())
		if pass, ok := u.User.Password(); ok {
			u.User = url.UserPassword(name, strings.Clone(pass))
		} else {
			u.User = url.User(name)
		}
	}
	r.URL = &u
	h := make(http.Header, len(r.Header))
	for k, vv := range r.Header {
		c := make([]string, len(vv))
		for i, v := range vv {
			c[i] = strings.Clone(v)
		}
		h[strings.Clone(k)] = c
	}
	r.Header = h
	for i, te := range r.TransferEncoding {
		r.TransferEncoding[i] = strings.Clone(te)
	}
	return r
}

// native answers a GET or HEAD of an asset's route (assetRoute). A plain one (plainGet) gets the
// headers the net/http path sends (secure's nosniff, the route's header set, asset.header and
// plainHeader) and the representation's bytes, held in memory and not copied; a conditional or
// range request goes through asset.serve itself, on a ResponseWriter of the fasthttp response
// (nativeWriter), as browsers revalidate every asset served with no-cache. It returns false,
// having written nothing, for any other request.
func (f *front) native(ctx *fasthttp.RequestCtx, req request) bool {
	if !ctx.IsGet() && !ctx.IsHead() {
		return false
	}
	h := &ctx.Request.Header
	target := h.RequestURI()
	if i := bytes.IndexByte(target, '?'); i >= 0 {
		target = target[:i]
	}
	if !cleanRequestPath(b2s(target)) {
		return false
	}
	if req.ranges {
		// http.ServeContent writes several ranges through a pipe it closes when it returns: the
		// adaptor streams them while the handler runs.
		return false
	}
	// A copy: assetRoute may keep what it is given (the library's cache keys), and the request's
	// bytes are reused.
	ans, ok := f.s.assetRoute(f.base, string(target))
	if !ok {
		return false
	}
	out := fastHeader{&ctx.Response.Header}
	out.set("X-Content-Type-Options", nosniff)
	ans.hs.to(out)
	if req.conditional {
		f.serveAsset(ctx, ans)
		return true
	}
	v := ans.a.header(b2s(req.acceptEncoding), ans.cache, out)
	plainHeader(v, out)
	if len(v.body) > largeAsset {
		ctx.SetWriteDeadline(time.Now().Add(largeAssetWrite))
	}
	ctx.Response.SetBodyRaw(v.body)
	return true
}

// serveAsset answers a conditional or range request of an asset with asset.serve, on a request
// that holds the method and the headers it reads.
func (f *front) serveAsset(ctx *fasthttp.RequestCtx, ans assetAnswer) {
	r := &http.Request{Method: http.MethodGet, Header: make(http.Header, len(conditionalHeaders)+1), ProtoMajor: 1, ProtoMinor: 1}
	if ctx.IsHead() {
		r.Method = http.MethodHead
	}
	for _, k := range append(conditionalHeaders[:], "Accept-Encoding") {
		for _, v := range ctx.Request.Header.PeekAll(k) {
			r.Header[k] = append(r.Header[k], string(v))
		}
	}
	w := &nativeWriter{ctx: ctx, h: make(http.Header, 12)}
	for k, v := range ctx.Response.Header.All() {
		w.h.Add(string(k), string(v))
	}
	ctx.Response.Header.Reset()
	ans.a.serve(w, r, ans.cache)
	w.WriteHeader(http.StatusOK) // nothing written (HEAD): the header still goes
}

// nativeWriter is the http.ResponseWriter of serveAsset: the header goes to the fasthttp
// response at WriteHeader, and a body http.ServeContent copies from the asset's bytes (ReadFrom)
// is handed to the response as it is, streamed after the handler returns: the asset is immutable.
type nativeWriter struct {
	ctx    *fasthttp.RequestCtx
	h      http.Header
	status int
}

func (w *nativeWriter) Header() http.Header { return w.h }

func (w *nativeWriter) WriteHeader(status int) {
	if w.status != 0 {
		return
	}
	w.status = status
	w.ctx.SetStatusCode(status)
	for k, vv := range w.h {
		for _, v := range vv {
			w.ctx.Response.Header.Add(k, v)
		}
	}
}

func (w *nativeWriter) Write(p []byte) (int, error) {
	w.WriteHeader(http.StatusOK)
	w.ctx.Response.AppendBody(p)
	return len(p), nil
}

// ReadFrom hands r to the response, to be read once the handler has returned: r reads the asset's
// bytes, or the pipe http.ServeContent writes a multipart body into. Its length is the
// Content-Length the header says.
func (w *nativeWriter) ReadFrom(r io.Reader) (int64, error) {
	w.WriteHeader(http.StatusOK)
	n, err := strconv.ParseInt(w.h.Get("Content-Length"), 10, 64)
	if err != nil {
		// No length to stream against: read it now.
		var b bytes.Buffer
		n, err := b.ReadFrom(r)
		w.ctx.Response.AppendBody(b.Bytes())
		return n, err
	}
	w.ctx.Response.SetBodyStream(closingReader{r}, int(n))
	return n, nil
}

// SetWriteDeadline is asset.serve's longer deadline for a large body.
func (w *nativeWriter) SetWriteDeadline(t time.Time) error { return w.ctx.SetWriteDeadline(t) }

// closingReader closes what it reads when fasthttp is done with it: http.ServeContent's pipe,
// whose writer would otherwise wait for ever when the client goes away.
type closingReader struct{ io.Reader }

func (c closingReader) Close() error {
	if l, ok := c.Reader.(*io.LimitedReader); ok {
		if cl, ok := l.R.(io.Closer); ok {
			return cl.Close()
		}
	}
	return nil
}

// fastHeader is a fasthttp response's header as a headerSink.
type fastHeader struct{ h *fasthttp.ResponseHeader }

func (h fastHeader) set(key string, value []string) {
	if key == "Vary" {
		h.h.Add(key, value[0])
		return
	}
	// The keys are canonical already: no normalising copy.
	h.h.SetCanonical(s2b(key), s2b(value[0]))
}

// request is what the front reads in a request's header fields, in one pass (inspect).
type request struct {
	invalid        string // why net/http's server would have refused the request; "" if it would not
	conditional    bool   // a Range or If-* field: not a plain GET (plainGet)
	ranges         bool   // a Range field of several ranges
	acceptEncoding []byte // the first Accept-Encoding field's value
}

// inspect reads the request's header fields. invalid says why net/http's server would have
// refused the request, in its words: an HTTP/1.1 request names a Host, the Host is valid, and every
// header field has a valid name and value; fasthttp is laxer on these.
func inspect(ctx *fasthttp.RequestCtx) request {
	var req request
	h := &ctx.Request.Header
	host := h.Host()
	if len(host) == 0 && h.IsHTTP11() && !ctx.IsConnect() {
		return request{invalid: "missing required Host header"}
	}
	if !httpguts.ValidHostHeader(b2s(host)) {
		return request{invalid: "malformed Host header"}
	}
	if raw := h.RawHeaders(); rawHeader(raw, "transfer-encoding") && rawHeader(raw, "content-length") {
		// fasthttp reads the chunked body, ignores the length and closes the connection after
		// the answer (RFC 9112, 6.3); a proxy before the server may have framed it by the length:
		// a smuggling attempt, refused.
		return request{invalid: "both Transfer-Encoding and Content-Length"}
	}
	for k, v := range h.All() {
		if !httpguts.ValidHeaderFieldName(b2s(k)) {
			return request{invalid: "invalid header name"}
		}
		if !httpguts.ValidHeaderFieldValue(b2s(v)) {
			return request{invalid: "invalid header value"}
		}
		// fasthttp gives the names in their canonical form.
		switch name := b2s(k); name {
		case "Accept-Encoding":
			if req.acceptEncoding == nil {
				req.acceptEncoding = v[:len(v):len(v)]
			}
		case "Range":
			req.conditional = true
			req.ranges = req.ranges || bytes.IndexByte(v, ',') >= 0
		default:
			if len(name) > 3 && name[:3] == "If-" && slices.Contains(conditionalHeaders[:], name) {
				req.conditional = true
			}
		}
	}
	return req
}

// rawHeader reports whether the raw header lines of a request name the field key (lower case).
// fasthttp refuses a space before the colon.
func rawHeader(raw []byte, key string) bool {
	for len(raw) > 0 {
		line := raw
		if i := bytes.IndexByte(raw, '\n'); i >= 0 {
			line, raw = raw[:i], raw[i+1:]
		} else {
			raw = nil
		}
		if len(line) > len(key) && line[len(key)] == ':' && (line[0]|0x20) == key[0] && strings.EqualFold(b2s(line[:len(key)]), key) {
			return true
		}
	}
	return false
}

// requestError is a request fasthttp parsed but net/http's server would have refused.
type requestError string

func (e requestError) Error() string { return string(e) }

// parseError returns net/http's words for a request it refused where fasthttp refused it too (its
// parser checks the Host), or inspect's.
func parseError(err error) string {
	if e, ok := err.(requestError); ok {
		return string(e)
	}
	switch msg := err.Error(); {
	case strings.Contains(msg, "missing required host header"):
		return "missing required Host header"
	case strings.Contains(msg, "in host name"):
		return "malformed Host header"
	}
	return ""
}

// badRequest answers a request the server could not parse or refuses, as net/http's server does:
// the status and the reason as plain text, and Connection: close.
func badRequest(ctx *fasthttp.RequestCtx, err error) {
	status := http.StatusBadRequest
	var small *fasthttp.ErrSmallBuffer
	var netErr net.Error
	switch {
	case errors.As(err, &small):
		status = http.StatusRequestHeaderFieldsTooLarge
	case errors.Is(err, fasthttp.ErrBodyTooLarge):
		status = http.StatusRequestEntityTooLarge
	case errors.As(err, &netErr) && netErr.Timeout():
		status = http.StatusRequestTimeout
	}
	msg := strconv.Itoa(status) + " " + http.StatusText(status)
	if why := parseError(err); why != "" {
		msg += ": " + why
	}
	if errors.Is(err, fasthttp.ErrUnsupportedTransferEncoding) {
		status, msg = http.StatusNotImplemented, "Unsupported transfer encoding"
	}
	ctx.Response.Reset()
	ctx.SetStatusCode(status)
	ctx.SetContentType("text/plain; charset=utf-8")
	ctx.SetBodyString(msg)
	ctx.SetConnectionClose()
}

// s2b is s as bytes without a copy, for a callee that only reads them.
func s2b(s string) []byte { return unsafe.Slice(unsafe.StringData(s), len(s)) }

// b2s is b as a string without a copy, for a use that ends before b changes.
func b2s(b []byte) string { return unsafe.String(unsafe.SliceData(b), len(b)) }
