// Package search is Verbatim's full-text search over articles, their quotations and the reader's
// notes: an inverted index over folded tokens, AND-of-terms queries with "phrases" and prefix*
// terms, BM25 ranking with field weights (title > quotation > note > body), snippets with the
// matched words marked, and filters by speaker (a person, through crossref.GroupNames and the reader's hand decisions,
// Query.People), site and published date.
//
// It is pure Go with no parser, no go-app and no syscall/js: the browser's app.wasm links it to
// search the articles kept in IndexedDB offline, and the server links it to search its library.
//
// Trust boundary: articles, notes and queries are untrusted text (an article may be a tampered
// stored copy, a query is typed or comes from a URL). Nothing here renders markup: a Hit's snippet
// is plain text segments, and whoever renders them escapes them. Time and memory are bounded by
// caps, each of which cuts its input rather than fails:
//
//   - a query reads at most MaxQueryBytes bytes and MaxTerms terms (words, phrases' words and
//     prefixes together); a prefix* expands to at most MaxPrefixTerms index terms;
//   - each field of an article indexes at most MaxFieldRunes runes (the body, a title, a quotation,
//     a note), an article at most MaxQuotes quotations and MaxNotes notes, and a token is at most
//     MaxTokenRunes runes long (longer ones are cut there);
//   - a search checks phrases in at most MaxPhraseChecks candidates (the count then says "at least")
//     and makes snippets for at most Query.Limit hits (MaxLimit at most).
//
// Folding (Fold) lowercases, removes diacritics (é→e, ü→u, ß→ss, æ→ae, ø→o…) and splits on
// anything that is not a letter or digit, so "Müller" is found by "muller", and "Straße" by
// "strasse". It does not stem, and "Mueller" does not find "Müller".
package search
