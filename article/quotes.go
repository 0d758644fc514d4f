package article

// Paragraph is one block's plain text as the quote engine sees it. Start is the code-point offset of
// Text in the article's text space; Headline marks the title line.
type Paragraph struct {
	Block    BlockID
	Text     string
	Start    int
	Headline bool
}

// FindQuotes finds every quotation in paras and attributes it to a speaker. Quote offsets are in the
// paragraphs' text space. It is a placeholder until the quote engine lands.
func FindQuotes(paras []Paragraph) ([]Quote, []Speaker) {
	return []Quote{}, []Speaker{}
}
