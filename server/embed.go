package server

import (
	_ "embed"
)

// embedJS is /embed.js, the script partners paste. It runs on the partner's page: it trusts nothing
// there but the blockquotes it replaces, and it accepts resize messages only from the reader's origin
// (derived from its own src) and only from the iframes it created.
//
//go:embed static/embed.js
var embedJS []byte

// embedFrameJS is /embed-frame.js, loaded by every /embed/ page (a static file, since the CSP allows
// no inline script). It posts the content height to the framing page, only to an origin that is a
// listed partner (or the reader) and that the browser confirms is the parent; never to "*".
//
//go:embed static/embed-frame.js
var embedFrameJS []byte
