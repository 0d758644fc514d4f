package article

// This file holds the one walk over every token of an article that the passes over all of its
// paragraphs share, before the quotations are attributed: the language's tally (see lang.go) and
// the list of each paragraph's capitalised words, where register and noteInsideCaps start their
// work. Most tokens are no capitalised word, and a walk that asks each token's word loads the
// word's pointer and a byte of it only to skip it: those two read the list instead.

// readWords walks the paragraphs' tokens once: it lists each paragraph's capitalised words
// (paraState.caps, in order) and counts the language marks of the first maxLangWords words, and it
// returns the language they tell (German when its marks outnumber English ones). The paragraphs
// are the article's, which the tokenizer made: nothing here reads their text.
func (e *engine) readWords() string {
	var t langTally
	more := true // the tally wants more words
	caps := e.caps[:0]
	for _, p := range e.ps {
		base := len(caps)
		if more && t.n+p.words < maxLangWords {
			// Every word of the paragraph counts: its tokens' marks are added without asking
			// their kind (no punctuation or quotation is a mark; p.words counts the words), and
			// without a branch.
			for i, tk := range p.toks {
				w := tk.w
				t.en += int(w.flags / lxMarkEN & 1)
				t.de += int(w.flags / lxMarkDE & 1)
				if w.cap { // a capitalised token is a word
					caps = append(caps, int32(i))
				}
			}
			t.n += p.words
		} else {
			if more {
				more = t.addWords(p.toks)
			}
			for i, tk := range p.toks {
				if tk.w.cap {
					caps = append(caps, int32(i))
				}
			}
		}
		p.caps = caps[base:len(caps):len(caps)]
	}
	e.caps = caps
	return t.lang()
}
