package server

import (
	"context"
	"fmt"
	"strconv"

	"verbatim/app"
)

// speakerTableOf returns the snapshot's speaker table: app.NameTable over every served article's
// speaker counts (read from the detail log, in library order), grouped into people with no hand decisions (those live in the browser). It is
// computed once per snapshot, on first use, from the index alone with no article parsed, and bounded
// by app.MaxSpeakerNames names of app.MaxSpeakerArticles articles each.
func (s *snapshot) speakerTableOf() *app.SpeakerTable {
	s.speakers.Do(func() {
		var t app.NameTable
		for _, e := range s.order {
			d, err := s.detail(e)
			if err != nil {
				continue // the detail log failed to read (logged where its listing page is asked for)
			}
			t.Add(app.ArticleRef{ID: e.ID, Published: d.Sum.Published}, d.Speakers)
		}
		s.speakerTable = app.NewSpeakerTable(t.Stats(), nil)
	})
	return s.speakerTable
}

// Speakers returns the library's speaker table (app.SpeakerLibrary).
func (l *library) Speakers(context.Context) (*app.SpeakerTable, error) {
	return l.snap.Load().speakerTableOf(), nil
}

// hasSpeaker reports whether the page /speaker/{slug} shows someone of the library.
func (l *library) hasSpeaker(slug string) bool {
	_, ok := l.snap.Load().speakerTableOf().Find(slug)
	return ok
}

// speakersJSON returns the asset of app.SpeakersJSONPath: the library's speaker names
// (app.SpeakerNames), cached per library generation.
func (s *Server) speakersJSON() (*asset, error) {
	snap := s.lib.snap.Load()
	return s.cached("speakers\x00"+strconv.FormatUint(snap.gen, 10), func() (*asset, error) {
		b, err := marshalJSON(app.SpeakerNames{Names: snap.speakerTableOf().Names})
		if err != nil {
			return nil, fmt.Errorf("encoding the speakers: %w", err)
		}
		return newAssetWith("application/json", b, nil, brotliFast), nil
	})
}
