// Package model is the data of a parsed article: the Article, its blocks, quotations and speakers,
// and their ids. It is what the server serves as JSON and what the browser renders and stores.
//
// It holds types, constants and the Text method only, and imports only the standard library: the
// reader's app.wasm imports it instead of package article, so that it links none of the parser
// (readability, goldmark, bluemonday, x/net/html) and runs none of their package initialisers. Every
// package, article included, names these types through this one (model.Article): there is one
// spelling.
//
// Trust boundary: an Article decoded from JSON (a server's or the browser store's) is data, not yet
// trusted: its strings are plain text, and whoever renders them must escape them and make every
// attribute value with package article/safe, whose URL policy the sanitizer applies too. Article
// values made by article.Parse hold only URLs that policy admits.
package model

import (
	"strings"
	"unicode/utf8"
)

// ArticleID is a stable slug that names an article in URLs (/article/{id}).
type ArticleID string

// BlockID names one block of an article, unique within it ("b3").
type BlockID string

// QuoteID names one quotation of an article, unique within it ("q3").
type QuoteID string

// SpeakerID names one speaker of an article, unique within it ("s1").
type SpeakerID string

// Article is the parsed, sanitized form of one news article. It is what `verbatim parse` prints, what
// the server serves as /articles/{id}.json and what the browser stores offline.
type Article struct {
	ID             ArticleID `json:"id"`
	Title          string    `json:"title"`
	Byline         string    `json:"byline"`
	Site           string    `json:"site"`
	Published      string    `json:"published"` // RFC 3339, or empty when unknown
	Lang           string    `json:"lang"`
	Dir            string    `json:"dir"` // "ltr", "rtl" or empty
	Excerpt        string    `json:"excerpt"`
	URL            string    `json:"url,omitempty"`
	Format         Format    `json:"format"` // the format the input was read as
	Words          int       `json:"words"`
	ReadingMinutes int       `json:"readingMinutes"`
	Blocks         []Block   `json:"blocks"`
	Quotes         []Quote   `json:"quotes"`
	Speakers       []Speaker `json:"speakers"`
	Extras         []Extra   `json:"extras"`
}

// BlockKind is the kind of a block: one of the Kind constants.
type BlockKind string

// The block kinds of the Article contract.
const (
	KindHeadline   BlockKind = "h1" // the headline, when the source carries it in the body (plain text)
	KindParagraph  BlockKind = "p"
	KindHeading2   BlockKind = "h2"
	KindHeading3   BlockKind = "h3"
	KindBlockquote BlockKind = "blockquote"
	KindList       BlockKind = "ul"
	KindOrdered    BlockKind = "ol"
	KindItem       BlockKind = "li"
	KindFigure     BlockKind = "figure"
	KindImage      BlockKind = "img"
	KindPre        BlockKind = "pre"
	KindRule       BlockKind = "hr"
)

// Block is one block of the article body. Text is always plain text; Runs split the same text into
// spans with uniform inline formatting, so that concatenating every run's Text gives Text.
type Block struct {
	ID    BlockID   `json:"id"`
	Kind  BlockKind `json:"kind"`
	Text  string    `json:"text"`
	Start int       `json:"start"` // offset of Text in the article's text space, in code points
	Runs  []Run     `json:"runs,omitempty"`
	Items []Block   `json:"items,omitempty"` // the li blocks of a ul or ol

	// Images (kind img, or the image of a figure). Src passed the URL policy (article/safe): http
	// or https only.
	Src     string `json:"src,omitempty"`
	Alt     string `json:"alt,omitempty"`
	Caption string `json:"caption,omitempty"`
}

// Run is a span of a block's text with uniform inline formatting. A run may be a link, emphasised,
// strong, code, part of a quotation, or any mix of these.
type Run struct {
	Text    string    `json:"text"`
	Href    string    `json:"href,omitempty"` // passed the sanitizer policy: http, https or mailto only
	Em      bool      `json:"em,omitempty"`
	Strong  bool      `json:"strong,omitempty"`
	Code    bool      `json:"code,omitempty"`
	Quote   QuoteID   `json:"quote,omitempty"`
	Speaker SpeakerID `json:"speaker,omitempty"`
}

// QuoteKind says what sort of quotation a span is.
type QuoteKind string

// The quote kinds.
const (
	QuoteDirect  QuoteKind = "direct"  // a whole utterance between marks
	QuotePartial QuoteKind = "partial" // a few quoted words inside reported speech
	QuoteScare   QuoteKind = "scare"   // a quoted term, title or nickname with no speaker
)

// Quote is one quotation. Start and End are offsets in Unicode code points into the article's text
// space, marks excluded: for plain text input that is the input as given; for other formats it is the
// block texts joined by blank lines (see Article.Text).
type Quote struct {
	ID        QuoteID   `json:"id"`
	Block     BlockID   `json:"block"`
	Text      string    `json:"text"`
	Start     int       `json:"start"`
	End       int       `json:"end"`
	Speaker   string    `json:"speaker"` // canonical full name, a described speaker's label, or empty when unknown
	SpeakerID SpeakerID `json:"speakerId,omitempty"`
	Mention   *Mention  `json:"mention,omitempty"`
	Cue       string    `json:"cue,omitempty"` // the speech verb or cue that links quote and mention
	Kind      QuoteKind `json:"kind"`
	// Rule and Confidence are the reasons for the speaker, set when the quote has a mention: the
	// stable id of the rule that linked quote and mention ("after-name-verb": `,” Smith said`; the
	// ids are listed in article/rules.go) and how sure that link is. Together with Cue they let a
	// reader say why ("said, after the quotation") and show a low-confidence speaker apart.
	Rule       string     `json:"rule,omitempty"`
	Confidence Confidence `json:"confidence,omitempty"`
	// Holder says that the mention describes the speaker by an office the article names them with
	// ("the president" for "President Barack Obama"): Why says "the president = Barack Obama".
	Holder bool `json:"holder,omitempty"`
}

// Confidence says how sure the quote engine is of a quote's speaker.
type Confidence string

// The confidences. High: a cue right beside the quotation and a mention that names the speaker or
// describes them ("said Smith", "Smith said: “…”"). Medium: a cue further off in the sentence or
// paragraph, a pronoun resolved to a speaker, or a speaker carried from a neighbouring quotation.
// Low: the weakest rules (a sentence's subject with no speech verb, a headline) and mentions that
// resolve to nobody.
const (
	ConfidenceHigh   Confidence = "high"
	ConfidenceMedium Confidence = "medium"
	ConfidenceLow    Confidence = "low"
)

// Mention is the span of text that names a quote's speaker ("Peskov", "he", "the spokesman"), with
// offsets in code points in the same text space as Quote.
type Mention struct {
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// Speaker is one person, group or organisation quoted in the article.
//
// Described says that the article names no one: Name is a description of the speaker as the
// article gives it, made a label ("The spokesman", "The union", German "Sprecher des Ministeriums"
// for "laut dem Sprecher des Ministeriums"), not a person's name. Quotations whose mentions are
// the same description share the speaker. A reader shows a described speaker apart from a named
// one, and never takes two described speakers of different articles for one person. JSON omits
// it when false: an article stored before the field existed reads as all its speakers named.
type Speaker struct {
	ID        SpeakerID `json:"id"`
	Name      string    `json:"name"`
	Aliases   []string  `json:"aliases"`
	Role      string    `json:"role"`
	Quotes    int       `json:"quotes"`
	Described bool      `json:"described,omitempty"`
}

// DescribedIDs returns the ids of the described speakers among speakers (Speaker.Described), or
// nil when there are none: the speakers whose Name is a label, no person's name.
func DescribedIDs(speakers []Speaker) map[SpeakerID]bool {
	var out map[SpeakerID]bool
	for _, s := range speakers {
		if s.Described {
			if out == nil {
				out = map[SpeakerID]bool{}
			}
			out[s.ID] = true
		}
	}
	return out
}

// ExtraKind says what an extra is.
type ExtraKind string

// The extra kinds.
const (
	ExtraBio    ExtraKind = "bio"    // the author's biography
	ExtraLinks  ExtraKind = "links"  // the author's links: email, social handles
	ExtraCredit ExtraKind = "credit" // media credits: "[image via screengrab]", "Watch above, via CNN."
	ExtraTip    ExtraKind = "tip"    // a tip line
	ExtraTags   ExtraKind = "tags"   // tags, "Filed Under:"
	ExtraFooter ExtraKind = "footer" // other footer lines, rules
	ExtraByline ExtraKind = "byline" // a "By Jane Doe" line under the headline; its name is Article.Byline
)

// Extra is a line that is not article body but worth keeping, shown apart from the body.
type Extra struct {
	Kind ExtraKind `json:"kind"`
	Text string    `json:"text"`
	Href string    `json:"href,omitempty"`
}

// Format names an input format.
type Format string

// The input formats.
const (
	FormatAuto     Format = "auto"
	FormatText     Format = "text"
	FormatHTML     Format = "html"     // a full HTML page, through readability
	FormatFragment Format = "fragment" // an HTML fragment, straight to the sanitizer
	FormatMarkdown Format = "markdown"
)

// Text returns the article's text space, the string that every Block.Start and every quote and
// mention offset counts code points into. Each block's Text is placed at its Start, and
// everything between blocks is newlines.
//
// For HTML, fragment and Markdown input, blocks are laid out back to back in order with "\n\n"
// between them (a list's Text is its items joined by "\n"), so Text is the block texts joined by
// blank lines. For plain text, offsets are those of the input as given, so Text has the input's
// code points up to the end of the last block, with what is not body (blank lines, a tail that
// went to Extras) turned into newlines.
func (a *Article) Text() string {
	var sb strings.Builder
	pos := 0
	for _, b := range a.Blocks {
		if b.Start > pos {
			sb.WriteString(strings.Repeat("\n", b.Start-pos))
			pos = b.Start
		}
		if b.Start < pos { // blocks never overlap; an Article built by hand might
			continue
		}
		sb.WriteString(b.Text)
		pos += utf8.RuneCountInString(b.Text)
	}
	return sb.String()
}
