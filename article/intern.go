package article

// maxIntern bounds the table of distinct words shared by an article's tokens.
const maxIntern = 1 << 16

// internTable holds one copy of each distinct lower-case word of an article, in its two forms
// (lower case and capitalised), so that the tokens of a word share them. Past maxIntern distinct
// words, each further token gets a word of its own.
type internTable struct {
	m map[string]*[2]word
}

// word returns the word whose lower case is b, capitalised or not.
func (it *internTable) word(b []byte, capital bool) *word {
	c := 0
	if capital {
		c = 1
	}
	if ws, ok := it.m[string(b)]; ok {
		return &ws[c]
	}
	lower := string(b)
	ws := &[2]word{{lower: lower, kind: tWord}, {lower: lower, kind: tWord, cap: true}}
	if it.m == nil {
		it.m = map[string]*[2]word{}
	}
	if len(it.m) < maxIntern {
		it.m[lower] = ws
	}
	return &ws[c]
}
