package app

import "encoding/json"

// manifest is the web app manifest. go-app's generated one has no id, share_target or
// file_handlers, so the server serves this one instead (ManifestJSON), at /manifest.webmanifest and
// /manifest.json.
type manifest struct {
	ID              string         `json:"id"`
	Name            string         `json:"name"`
	ShortName       string         `json:"short_name"`
	Description     string         `json:"description"`
	StartURL        string         `json:"start_url"`
	Scope           string         `json:"scope"`
	Display         string         `json:"display"`
	BackgroundColor string         `json:"background_color"`
	ThemeColor      string         `json:"theme_color"`
	Icons           []manifestIcon `json:"icons"`
	ShareTarget     shareTarget    `json:"share_target"`
	FileHandlers    []fileHandler  `json:"file_handlers"`
}

type manifestIcon struct {
	Src     string `json:"src"`
	Sizes   string `json:"sizes"`
	Type    string `json:"type"`
	Purpose string `json:"purpose,omitempty"`
}

type shareTarget struct {
	Action  string            `json:"action"`
	Method  string            `json:"method"`
	Enctype string            `json:"enctype"`
	Params  map[string]string `json:"params"`
}

type fileHandler struct {
	Action string              `json:"action"`
	Accept map[string][]string `json:"accept"`
}

// ManifestJSON returns the web app manifest for cfg: local icons (192, 512 and a maskable 512), an
// id, standalone display, a share_target that lands shared text, titles and URLs in /import, and
// file handlers for .txt, .html and .md files.
func ManifestJSON(cfg HandlerConfig) []byte {
	cfg.Version = "-" // the manifest does not depend on the version; skip hashing the web folder
	cfg = cfg.withDefaults()
	m := manifest{
		ID:              "/",
		Name:            cfg.Title,
		ShortName:       cfg.Title,
		Description:     cfg.Description,
		StartURL:        "/",
		Scope:           "/",
		Display:         "standalone",
		BackgroundColor: backgroundColor,
		ThemeColor:      themeColor,
		Icons: []manifestIcon{
			{Src: icon192, Sizes: "192x192", Type: "image/png", Purpose: "any"},
			{Src: icon512, Sizes: "512x512", Type: "image/png", Purpose: "any"},
			{Src: iconMaskable, Sizes: "512x512", Type: "image/png", Purpose: "maskable"},
		},
		ShareTarget: shareTarget{
			Action:  PathImport,
			Method:  "GET",
			Enctype: "application/x-www-form-urlencoded",
			Params:  map[string]string{"title": "title", "text": "text", "url": "url"},
		},
		FileHandlers: []fileHandler{{
			Action: PathImport,
			Accept: map[string][]string{
				"text/plain":    {".txt"},
				"text/html":     {".html", ".htm"},
				"text/markdown": {".md", ".markdown"},
			},
		}},
	}
	b, _ := json.MarshalIndent(m, "", "  ") // cannot fail: a struct of strings, slices and maps
	return b
}
