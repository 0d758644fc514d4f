package server

import (
	"context"
	"fmt"
	"strconv"

	"verbatim/app"
	"verbatim/article/model"
)

// speakerTableOf returns the snapshot's speaker table: app.NameTable over every served article's
// speaker counts (in library order), grouped into people with no hand decisions (those live in the
// browser). It is computed once per snapshot, on first use, from the index alone with no article
// parsed, and bounded by app.MaxSpeakerNames names of app.MaxSpeakerArticles articles each. An
// article's counts come from the speaker state (speakerState) when it holds them for the article's
// source, else from its detail record (a read of the detail log each); the state is then written
// again, so that the next table reads only the details of the articles that changed.
func (s *snapshot) speakerTableOf() *app.SpeakerTable {
	s.speakers.Do(func() {
		prev := s.spk.load()
		next := make(map[model.ArticleID]speakerInput, len(s.order))
		var t app.NameTable
		read := 0
		for _, e := range s.order {
			in, ok := prev[e.ID]
			if !ok || in.hash != e.Hash {
				d, err := s.detail(e)
				if err != nil {
					continue // the detail log failed to read (logged where its listing page is asked for)
				}
				in = speakerInput{hash: e.Hash, published: d.Sum.Published, counts: d.Speakers}
				read++
			}
			next[e.ID] = in
			t.Add(app.ArticleRef{ID: e.ID, Published: in.published}, in.counts)
		}
		s.speakerTable, s.speakerReads = app.NewSpeakerTable(t.Stats(), nil), read
		if read > 0 || len(next) != len(prev) {
			s.spk.save(s.order, next)
		}
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
