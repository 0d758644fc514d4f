package server

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io/fs"
	"path/filepath"
	"strings"

	"verbatim/app"
	"verbatim/article/model"
)

// speakersStatePath holds, between exports, the fingerprint of what each speaker page was rendered
// from (speakerPrints): one "<fingerprint> <path>" a line. It is the export's own cache, not
// published and not in the manifest: when it is missing or unreadable, every speaker page is
// rendered again.
const speakersStatePath = ".verbatim/speakers"

// speakers writes the speaker pages: the library's speaker names (app.SpeakersJSONPath), /speakers
// and the page of each person /speakers lists (the app.MaxPeopleListed most quoted; the others'
// pages are rendered by app.wasm from the shell). The names are made each time and written when they
// differ; a page is rendered again only when what it is rendered from changed (speakerPrints), or
// the build did.
func (e *exporter) speakers(ctx context.Context, f *siteFiles) error {
	s := e.s
	js, err := s.speakersJSON()
	if err != nil {
		return err
	}
	files, err := e.w.putAsset(exportBody{app.SpeakersJSONPath, "application/json", js.variants[0].body}, f.old)
	if err != nil {
		return err
	}
	f.files = append(f.files, files...)
	prints, err := e.speakerPrints(js.variants[0].body)
	if err != nil {
		return err
	}
	old := e.oldSpeakerPrints()
	var state bytes.Buffer
	for _, sp := range prints {
		if err := ctx.Err(); err != nil {
			return err
		}
		state.WriteString(sp.print + " " + sp.path + "\n")
		if e.reuse && old[sp.path] == sp.print {
			if same, kept := e.w.keep(exportFile(sp.path), nil, f.old); kept {
				f.files = append(f.files, same...)
				continue
			}
		}
		html, err := s.renderExportPage(ctx, sp.path)
		if err != nil {
			return err
		}
		e.rep.SpeakerPages++
		files, err := e.w.putAsset(exportBody{sp.path, "text/html; charset=utf-8", html}, f.old)
		if err != nil {
			return err
		}
		f.files = append(f.files, files...)
	}
	return e.w.putUnlisted(speakersStatePath, state.Bytes())
}

// speakerPrint is a speaker page's path and the fingerprint of what it is rendered from.
type speakerPrint struct{ path, print string }

// speakerPrints returns the speaker pages the export writes (/speakers, then the page of each
// person /speakers lists), each with the fingerprint of what app.SpeakersPage renders it from on the server
// (serverSpeakers): the speaker names (names, the body of app.SpeakersJSONPath) and the people, and
// for a person's page the source files of the articles it quotes. Within a build, a page whose
// fingerprint is unchanged has the same bytes. It looks up only the articles the listed people
// quote, so that its work does not grow with the library.
func (e *exporter) speakerPrints(names []byte) ([]speakerPrint, error) {
	snap := e.s.lib.snap.Load() // one snapshot for the people and their articles' fingerprints
	t := snap.speakerTableOf()
	people, err := json.Marshal(t.People)
	if err != nil {
		return nil, err
	}
	h := sha256.New()
	h.Write(names)
	h.Write([]byte{0})
	h.Write(people)
	base := h.Sum(nil)
	n := min(len(t.People), app.MaxPeopleListed)
	out := make([]speakerPrint, 0, n+1)
	out = append(out, speakerPrint{model.SpeakersPath, hex.EncodeToString(base)})
	for _, p := range t.People[:n] {
		h.Reset()
		h.Write(base)
		h.Write([]byte(p.Slug))
		for _, ref := range p.Articles {
			h.Write([]byte{0})
			h.Write([]byte(string(ref.ID) + " " + snap.sourceOf(ref.ID)))
		}
		out = append(out, speakerPrint{model.SpeakerPath(p.Slug), hex.EncodeToString(h.Sum(nil))})
	}
	return out, nil
}

// oldSpeakerPrints reads speakersStatePath, by path; nil when there is none or it is unreadable.
func (e *exporter) oldSpeakerPrints() map[string]string {
	if !e.reuse {
		return nil
	}
	f, err := e.w.root.Open(filepath.FromSlash(speakersStatePath))
	if err != nil {
		if !errors.Is(err, fs.ErrNotExist) {
			e.s.log.Warn("the export's speaker state is unreadable: rendering every speaker page", "file", speakersStatePath, "err", err)
		}
		return nil
	}
	defer f.Close()
	out := map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		print, path, ok := strings.Cut(sc.Text(), " ")
		if !ok || len(print) != 2*sha256.Size || !strings.HasPrefix(path, "/") {
			e.s.log.Warn("the export's speaker state is damaged: rendering every speaker page", "file", speakersStatePath, "line", sc.Text())
			return nil
		}
		out[path] = print
	}
	if err := sc.Err(); err != nil {
		e.s.log.Warn("the export's speaker state is unreadable: rendering every speaker page", "file", speakersStatePath, "err", err)
		return nil
	}
	return out
}
