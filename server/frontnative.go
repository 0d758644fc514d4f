package server

import (
	"bytes"
	"io"
	"net/http"
	"strconv"
	"time"

	"github.com/valyala/fasthttp"
)

// This file is the fasthttp front's native path (front.native): an in-memory asset answered on the
// fasthttp response itself, with the headers and the body the net/http path sends.

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
