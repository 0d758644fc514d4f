package server

import (
	"bytes"
	"errors"
	"net"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/valyala/fasthttp"
	"golang.org/x/net/http/httpguts"
)

// This file is what the fasthttp front reads of a request before it answers (inspect), and how it
// refuses one that net/http's server would have refused (badRequest).
//
// Trust boundary: the request is the client's, untrusted; inspect only reads its header fields.

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
