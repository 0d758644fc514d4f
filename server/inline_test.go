package server

import (
	"strings"
	"testing"
)

func TestCSPHash(t *testing.T) {
	t.Parallel()
	// The example of the CSP specification (Level 3, "hash-source").
	if got, want := cspHash("alert('Hello, world.');"), "'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='"; got != want {
		t.Errorf("cspHash = %s, want %s", got, want)
	}
}

func TestAbsoluteURLs(t *testing.T) {
	t.Parallel()
	const sheet = "/v/abc/web/verbatim.css"
	good := []struct{ name, css, want string }{
		{"unquoted", `src: url(fonts/a.woff2)`, `src: url("/v/abc/web/fonts/a.woff2")`},
		{"double quotes", `src: url("fonts/a.woff2") format("woff2")`, `src: url("/v/abc/web/fonts/a.woff2") format("woff2")`},
		{"single quotes and spaces", `src: url( 'icons/i.svg' )`, `src: url("/v/abc/web/icons/i.svg")`},
		{"dot segments", `url(./fonts/a.woff2) url(../x.png)`, `url("/v/abc/web/fonts/a.woff2") url("/v/abc/x.png")`},
		{"absolute path stays", `url(/web/x.png)`, `url(/web/x.png)`},
		{"absolute URL stays", `url(https://cdn.example/x.png)`, `url(https://cdn.example/x.png)`},
		{"data URL stays", `url("data:image/gif;base64,R0lGOD")`, `url("data:image/gif;base64,R0lGOD")`},
		{"fragment stays", `url(#clip)`, `url(#clip)`},
		{"every one", "a{b:url(f/1.woff2)}c{d:url('f/2.woff2')}", `a{b:url("/v/abc/web/f/1.woff2")}c{d:url("/v/abc/web/f/2.woff2")}`},
		{"no url", "body { color: red }", "body { color: red }"},
	}
	for _, c := range good {
		got, err := absoluteURLs(c.css, sheet)
		if err != nil || got != c.want {
			t.Errorf("%s: absoluteURLs(%q) = %q, %v; want %q", c.name, c.css, got, err, c.want)
		}
	}
	for _, css := range []string{`@import url(other.css);`, `@IMPORT "other.css";`, `url(a\"b)`} {
		if got, err := absoluteURLs(css, sheet); err == nil {
			t.Errorf("absoluteURLs(%q) = %q, want an error", css, got)
		}
	}
}

func TestCheckRawText(t *testing.T) {
	t.Parallel()
	good := []struct{ element, text string }{
		{"style", "a > b { content: '<' }"},
		{"script", "if (a < b) { x = '</scrip' + 't>' }"},
		{"style", ""},
	}
	for _, c := range good {
		if err := checkRawText(c.element, c.text); err != nil {
			t.Errorf("checkRawText(%s, %q) = %v, want nil", c.element, c.text, err)
		}
	}
	bad := []struct{ element, text string }{
		{"style", "a {} </style><script>alert(1)</script>"},
		{"style", "a {} </STYLE >"},
		{"script", "x = '</script>'"},
		{"script", "x = '</Script'"},
		{"script", "<!-- old comment"},
		{"style", "a { b: \x00 }"},
	}
	for _, c := range bad {
		if err := checkRawText(c.element, c.text); err == nil {
			t.Errorf("checkRawText(%s, %q) = nil, want an error", c.element, c.text)
		}
	}
}

// TestNewPageAssets checks the pages' assets of a build: the inline style sheet with its URLs
// absolute and its line ends those the browser hashes, the hashes of exactly the inline texts, the
// versioned script URLs, and what a web folder without them gives.
func TestNewPageAssets(t *testing.T) {
	t.Parallel()
	web := map[string][]byte{
		styleSheetFile:     []byte("a { b: url(fonts/f.woff2) }\r\nc {}\rd {}\n"),
		settingsScriptFile: []byte("setup();\r\n"),
		readerScriptFile:   []byte("// reader"),
		embedFrameFile:     []byte("// frame"),
		wasmFile:           []byte("\x00asm"),
	}
	pa, err := newPageAssets(web, "v1", []byte(`{"theme":["auto"]}`))
	if err != nil {
		t.Fatal(err)
	}
	if want := "a { b: url(\"/v/v1/web/fonts/f.woff2\") }\nc {}\nd {}\n"; pa.style != want {
		t.Errorf("style = %q, want %q", pa.style, want)
	}
	if pa.settings != "setup();\n" || pa.scriptSrc != cspHash("setup();\n") || pa.styleSrc != cspHash(pa.style) {
		t.Errorf("settings %q, script-src %s, style-src %s", pa.settings, pa.scriptSrc, pa.styleSrc)
	}
	if pa.reader != "/v/v1/web/page/reader.js" || pa.embedFrame != "/v/v1/web/page/embed-frame.js" || pa.offline != "" {
		t.Errorf("scripts: reader %q, embed frame %q, offline %q", pa.reader, pa.embedFrame, pa.offline)
	}
	if pa.wasm != "/v/v1/web/app.wasm" {
		t.Errorf("app.wasm's URL = %q, want the versioned one", pa.wasm)
	}
	if got := strings.Join(pa.missing(), " "); got != offlineScriptFile {
		t.Errorf("missing = %q, want %q", got, offlineScriptFile)
	}

	empty, err := newPageAssets(map[string][]byte{}, "v1", []byte("{}"))
	if err != nil || empty.style != "" || empty.styleSrc != "" || empty.scriptSrc != "" || empty.wasm != "" || len(empty.missing()) != 5 {
		t.Errorf("an empty web folder: %+v, %v", empty, err)
	}
	for name, body := range map[string]string{
		styleSheetFile:     "a {} </style><script>alert(1)</script>",
		settingsScriptFile: "x = '</script><script>alert(1)'",
	} {
		if _, err := newPageAssets(map[string][]byte{name: []byte(body)}, "v1", []byte("{}")); err == nil || !strings.Contains(err.Error(), name) {
			t.Errorf("%s that ends its element: err = %v, want one that names the file", name, err)
		}
	}
}

func TestDropLineComments(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ name, js, want string }{
		{"comment lines go", "// About.\n(function () {\n  // Why.\n  go();\n})();\n", "(function () {\n  go();\n})();\n"},
		{"a comment after code stays", "go(); // why\n", "go(); // why\n"},
		{"a URL in a string stays", "var u = \"//x.example\";\n", "var u = \"//x.example\";\n"},
		{"the last line without a newline", "go();\n// end", "go();\n"},
		{"a template literal keeps every line", "var s = `\n// not a comment\n`;\n// a comment\n", "var s = `\n// not a comment\n`;\n// a comment\n"},
		{"a block comment stays", "/* a\n   b */\ngo();\n", "/* a\n   b */\ngo();\n"},
	} {
		if got := dropLineComments(tc.js); got != tc.want {
			t.Errorf("%s: dropLineComments(%q) = %q, want %q", tc.name, tc.js, got, tc.want)
		}
	}
}
