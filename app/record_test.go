package app

import (
	"errors"
	"os"
	"regexp"
	"testing"
	"time"
)

// TestErrorNamed checks the mapping of window.verbatimStore's rejections to the Store's errors.
func TestErrorNamed(t *testing.T) {
	for _, tc := range []struct {
		name, message string
		want          error  // a sentinel, or nil
		text          string // else the error's text
	}{
		{"NoStorageError", "This browser does not let the site store articles.", ErrNoStorage, ""},
		{"QuotaExceededError", "anything", ErrQuota, ""},
		{"CorruptError", "", ErrCorrupt, ""},
		{"NotStoredError", "This article is not saved in this browser.", ErrNotStored, ""},
		{"NoAnswerError", "The browser's storage did not answer within 30 seconds: reload the page, then try again.", ErrNoAnswer, ""},
		{"StorageError", "The browser's storage failed (UnknownError): try again, or reload the page.", nil,
			"The browser's storage failed (UnknownError): try again, or reload the page."},
		{"InvalidArticleError", "This article could not be kept: what was given is not an article.", nil,
			"This article could not be kept: what was given is not an article."},
		{"", "", nil, "the browser's storage failed: try again, or reload the page"},
		{"quotaexceedederror", "", nil, "the browser's storage failed: try again, or reload the page"},
	} {
		err := errorNamed(tc.name, tc.message)
		if tc.want != nil {
			if !errors.Is(err, tc.want) {
				t.Errorf("errorNamed(%q, %q) = %v, want %v", tc.name, tc.message, err, tc.want)
			}
			continue
		}
		if err == nil || err.Error() != tc.text {
			t.Errorf("errorNamed(%q, %q) = %v, want %q", tc.name, tc.message, err, tc.text)
		}
		for _, s := range storeErrorNames {
			if errors.Is(err, s) {
				t.Errorf("errorNamed(%q, %q) = %v, a sentinel", tc.name, tc.message, err)
			}
		}
	}
}

// TestErrorNamesMatchOfflineJS checks that every error name the Go side maps is one offline.js
// rejects with (a key of its MESSAGES table), and the reverse: a rename on either side fails here.
func TestErrorNamesMatchOfflineJS(t *testing.T) {
	src, err := os.ReadFile("../web/page/offline.js")
	if err != nil {
		t.Fatal(err)
	}
	table := regexp.MustCompile(`(?s)const MESSAGES = \{(.*?)\n  \};`).FindSubmatch(src)
	if table == nil {
		t.Fatal("offline.js has no MESSAGES table")
	}
	js := map[string]bool{}
	for _, m := range regexp.MustCompile(`(?m)^\s+(\w+):`).FindAllSubmatch(table[1], -1) {
		js[string(m[1])] = true
	}
	for name := range storeErrorNames {
		if !js[name] {
			t.Errorf("Go maps %s, which offline.js's MESSAGES lacks", name)
		}
	}
	for name := range js {
		if storeErrorNames[name] == nil {
			t.Errorf("offline.js rejects with %s, which Go does not map", name)
		}
	}
}

func TestDecodeEntries(t *testing.T) {
	got, err := decodeEntries(`[{"id":"a","title":"T","byline":"","site":"","excerpt":"","words":3,"readingMinutes":1,"quotes":2,"speakers":1,"origin":"saved","savedAt":"2026-01-02T03:04:05.678Z"}]`)
	if err != nil || len(got) != 1 {
		t.Fatalf("decodeEntries = %+v, %v", got, err)
	}
	want := Entry{Summary: Summary{ID: "a", Title: "T", Words: 3, ReadingMinutes: 1, Quotes: 2, Speakers: 1}, Origin: OriginSaved,
		SavedAt: time.Date(2026, 1, 2, 3, 4, 5, 678e6, time.UTC)}
	if !got[0].SavedAt.Equal(want.SavedAt) || got[0].Summary != want.Summary || got[0].Origin != want.Origin {
		t.Errorf("decodeEntries = %+v, want %+v", got[0], want)
	}
	if _, err := decodeEntries(`[{"id": 3}]`); err == nil {
		t.Error("decodeEntries of a bad list succeeded")
	}
}
