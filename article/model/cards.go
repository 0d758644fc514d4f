package model

import (
	"net/url"
	"strings"
	"unicode/utf8"
)

// cardPrefix is where the server serves quote cards: /card/{id}/{file}.
const cardPrefix = "/card/"

// SharePath returns the share link of quote q of article id: /article/{id}/q/{n} for the quote
// article.Parse numbered qN. A fragment never reaches a server, so a quote's link for social
// previews is a path; the server answers it with the quote's card as og:image and sends the reader on
// to /article/{id}#qN. It returns false for a quote id of another form (a tampered copy's).
func SharePath(id ArticleID, q QuoteID) (string, bool) {
	if !isParsedQuoteID(string(q)) {
		return "", false
	}
	return ArticlePath(id) + "/q/" + string(q)[1:], true
}

// ParseSharePath returns the article and quote a share link names, for /article/{id}/q/{n} with a
// valid id and n in q1 … q999999's range.
func ParseSharePath(path string) (ArticleID, QuoteID, bool) {
	rest, ok := strings.CutPrefix(path, articlePrefix)
	if !ok {
		return "", "", false
	}
	id, n, ok := strings.Cut(rest, "/q/")
	if !ok || !ValidID(id) || !isParsedQuoteID("q"+n) {
		return "", "", false
	}
	return ArticleID(id), QuoteID("q" + n), true
}

// CardPath returns the path of a card of article id: the card of quote q, or the article's title
// card when q is empty; 1200×630, or 1080×1080 when square. /card/{id}/q3.png, /card/{id}/title-square.png.
func CardPath(id ArticleID, q QuoteID, square bool) string {
	name := "title"
	if isParsedQuoteID(string(q)) {
		name = string(q)
	}
	if square {
		name += "-square"
	}
	return cardPrefix + url.PathEscape(string(id)) + "/" + name + ".png"
}

// ParseCardFile reads the file part of a card's path ("q3.png", "title-square.png"): the quote it
// shows ("" for the title card), whether it is square, and false for any other name.
func ParseCardFile(file string) (q QuoteID, square, ok bool) {
	name, ok := strings.CutSuffix(file, ".png")
	if !ok {
		return "", false, false
	}
	name, square = strings.CutSuffix(name, "-square")
	switch {
	case name == "title":
		return "", square, true
	case isParsedQuoteID(name):
		return QuoteID(name), square, true
	}
	return "", false, false
}

// prominentWords bounds the quotations ProminentQuote prefers: long enough to say something, short
// enough for a card to show whole.
const prominentMinWords, prominentMaxWords = 6, 45

// ProminentQuote returns the quote an article's preview card shows: of the quotes with a known
// speaker, one by the speaker quoted most (ties: the speaker quoted first), the first of theirs with
// prominentMinWords to prominentMaxWords words, else their longest; false when no quote has a known
// speaker.
func ProminentQuote(a *Article) (Quote, bool) {
	known := make(map[SpeakerID]bool, len(a.Speakers))
	for _, s := range a.Speakers {
		known[s.ID] = true
	}
	count := make(map[SpeakerID]int)
	var order []SpeakerID
	for _, q := range a.Quotes {
		if !known[q.SpeakerID] {
			continue
		}
		if count[q.SpeakerID] == 0 {
			order = append(order, q.SpeakerID)
		}
		count[q.SpeakerID]++
	}
	if len(order) == 0 {
		return Quote{}, false
	}
	top := order[0]
	for _, s := range order[1:] {
		if count[s] > count[top] {
			top = s
		}
	}
	var longest Quote
	for _, q := range a.Quotes {
		if q.SpeakerID != top {
			continue
		}
		if n := len(strings.Fields(q.Text)); n >= prominentMinWords && n <= prominentMaxWords {
			return q, true
		}
		if utf8.RuneCountInString(q.Text) > utf8.RuneCountInString(longest.Text) {
			longest = q
		}
	}
	return longest, true
}
