package server

import (
	"context"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"
	"unsafe"

	"github.com/valyala/fasthttp"
	"github.com/valyala/fasthttp/fasthttpadaptor"
)

// front is the HTTP/1.1 server Start puts before the handler: a fasthttp server, which answers a
// GET or HEAD of an in-memory asset itself (native; a request of several ranges aside) and hands
// every other request to the net/http handler through fasthttpadaptor. net/http's own server was
// the ceiling of the small JSON against nginx (budget 5: a bare net/http handler reached 0.70× of
// nginx's requests per second, a bare fasthttp one about 1.0×). What to send comes from the
// functions the net/http path uses (assetRoute, asset.header, headerSet), so the two paths cannot
// disagree; TestFrontAgreesWithHandler compares them on the wire. The native path is in
// frontnative.go, what the front reads of a request and how it refuses one in frontrequest.go.
//
// Trust boundary: the front is the first to read a client's bytes. It refuses what net/http's
// server would have refused (inspect), and hands the handler a request whose strings are its own
// (detach); the native path only selects an in-memory asset (assetRoute).
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

// serve answers one request: natively when it is a GET or HEAD of an asset (native), else through
// the net/http handler. While the server drains, every response closes its connection.
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

// s2b is s as bytes without a copy, for a callee that only reads them.
func s2b(s string) []byte { return unsafe.Slice(unsafe.StringData(s), len(s)) }

// b2s is b as a string without a copy, for a use that ends before b changes.
func b2s(b []byte) string { return unsafe.String(unsafe.SliceData(b), len(b)) }
