package app

import (
	"encoding/json"
	"errors"
	"fmt"

	"verbatim/article/model"
)

// The record format of the browser's store is web/page/offline.js's, which owns it: {id, origin,
// savedAt, summary, article}, the summary and the article as JSON text, the summary derived there
// when the article is put. Go writes an article as JSON (encodeArticle) and reads back an
// article's JSON (decodeArticle) and the library's entries (decodeEntries).

// encodeArticle returns a's JSON, as the store keeps it.
func encodeArticle(a *model.Article) (string, error) {
	if a == nil || a.ID == "" {
		return "", errors.New("saving article: it has no id")
	}
	body, err := json.Marshal(a)
	if err != nil {
		return "", fmt.Errorf("saving article %s: %w", a.ID, err)
	}
	return string(body), nil
}

// decodeArticle returns the article of a stored record's JSON, or ErrCorrupt.
//
// Trust boundary: the text comes from the browser's storage, which anyone with the page's origin
// (or a damaged disk) may have written: it is decoded with encoding/json only, and the article is
// rendered by the components like any other.
func decodeArticle(text string, origin Origin) (*model.Article, Origin, error) {
	var a model.Article
	if err := json.Unmarshal([]byte(text), &a); err != nil || a.ID == "" {
		return nil, "", ErrCorrupt
	}
	return &a, origin, nil
}

// decodeEntries returns the library entries of the JSON text of offline.js's list, which has
// checked each field of each record.
func decodeEntries(text string) ([]Entry, error) {
	var entries []Entry
	if err := json.Unmarshal([]byte(text), &entries); err != nil {
		return nil, fmt.Errorf("reading the saved articles' list: %w", err)
	}
	return entries, nil
}

// The names of the errors window.verbatimStore rejects with (web/page/offline.js's MESSAGES),
// which errorNamed maps to the Store's errors.
var storeErrorNames = map[string]error{
	"NoStorageError":     ErrNoStorage,
	"QuotaExceededError": ErrQuota,
	"CorruptError":       ErrCorrupt,
	"NotStoredError":     ErrNotStored,
	"NoAnswerError":      ErrNoAnswer,
}

// errorNamed returns the Store error of an error offline.js's store rejected with: the sentinel of
// its name, else its own message (a full sentence), else a generic one.
func errorNamed(name, message string) error {
	if err, ok := storeErrorNames[name]; ok {
		return err
	}
	if message == "" {
		return errors.New("the browser's storage failed: try again, or reload the page")
	}
	return errors.New(message)
}
