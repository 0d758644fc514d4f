// Package crossref links quotations across the articles of a library: it groups the speaker names
// that different articles use for one person (GroupNames) and finds the same quotation by the same
// person reported with different wording, with a word-level diff (FindVariants).
//
// It is pure Go and works on names and quotations that the quote engine has already extracted from
// untrusted pages: every input is treated as untrusted text, and time and memory stay bounded by
// caps on name length, quote length and the pairs considered (see MaxQuoteWords, MaxCandidates).
package crossref
