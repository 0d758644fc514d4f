package eval

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"strings"
	"unicode/utf8"

	"verbatim/article"
	"verbatim/article/model"
)

// Article is one corpus article: its raw text (headline first, paragraphs separated by blank lines)
// and its gold quotation spans.
type Article struct {
	ID     string
	Text   string
	Quotes []Gold
}

type rawQuote struct {
	Start        int     `json:"start"`
	End          int     `json:"end"`
	Text         string  `json:"text"`
	AttrType     string  `json:"attr_type"`
	Speaker      *string `json:"speaker"`
	SpeakerStart *int    `json:"speaker_start"`
	SpeakerEnd   *int    `json:"speaker_end"`
	Cue          *string `json:"cue"`
}

type rawArticle struct {
	ID     string     `json:"id"`
	Title  string     `json:"title"`
	Text   string     `json:"text"`
	Quotes []rawQuote `json:"quotes"`
}

// Corpus is one of the corpora the engine is scored on, in the PolNeAR form: Dir is its folder in
// the shared folder, Lang its language. When NoHeadline, its texts lack the headline, which the
// title gives ("ID - headline (date)"); ReadCorpus puts it first, as in PolNeAR.
type Corpus struct {
	Name, Dir, Lang string
	NoHeadline      bool
}

// Corpora are the corpora the evaluation reads.
var Corpora = []Corpus{
	{Name: "PolNeAR", Dir: "corpora/polnear", Lang: "en"},
	{Name: "German Wikinews", Dir: "corpora/german-wikinews", Lang: "de", NoHeadline: true},
}

// File returns the path of the corpus's split (dev or train) inside the shared folder.
func (c Corpus) File(split string) string { return c.Dir + "/" + split + ".jsonl.gz" }

// headline returns the headline of a title of the form "ID - headline (date)", or the title.
func headline(id, title string) string {
	h := strings.TrimPrefix(title, id+" - ")
	if i := strings.LastIndex(h, " ("); i > 0 && strings.HasSuffix(h, ")") {
		h = h[:i]
	}
	return strings.TrimSpace(h)
}

// ReadCorpus reads a corpus's jsonl.gz file (see ReadCorpusOf).
func ReadCorpus(path string) ([]Article, error) { return ReadCorpusOf(Corpus{}, path) }

// ReadCorpusOf reads a jsonl.gz file of corpus c. Gold spans include their quotation marks; the
// engine's spans do not, so the marks are trimmed from each gold span (the same quotation either
// way). When c.NoHeadline, the headline from the title and a blank line go before the text, and
// every offset moves after them.
func ReadCorpusOf(c Corpus, path string) ([]Article, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("reading corpus %s: %w", path, err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("reading corpus %s: %w", path, err)
	}
	var out []Article
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for line := 1; sc.Scan(); line++ {
		var ra rawArticle
		if err := json.Unmarshal(sc.Bytes(), &ra); err != nil {
			return nil, fmt.Errorf("reading corpus %s line %d: %w", path, line, err)
		}
		a := Article{ID: ra.ID, Text: ra.Text}
		shift := 0
		if c.NoHeadline {
			h := headline(ra.ID, ra.Title) + "\n\n"
			a.Text, shift = h+ra.Text, utf8.RuneCountInString(h)
		}
		for _, q := range ra.Quotes {
			g := Gold{Start: q.Start, End: q.End, Type: q.AttrType}
			g.Start, g.End = trimMarks(q.Text, q.Start, q.End)
			g.Start, g.End = g.Start+shift, g.End+shift
			if q.Cue != nil {
				g.Cue = *q.Cue
			}
			if q.Speaker != nil && q.SpeakerStart != nil && q.SpeakerEnd != nil {
				g.Speaker, g.SpeakerStart, g.SpeakerEnd = *q.Speaker, *q.SpeakerStart+shift, *q.SpeakerEnd+shift
			}
			if g.Type != Direct && g.Type != Mixed {
				g.Type = Unattributed
			}
			a.Quotes = append(a.Quotes, g)
		}
		out = append(out, a)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("reading corpus %s: %w", path, err)
	}
	return out, nil
}

func isMark(r rune) bool { return strings.ContainsRune("\"“”„‟«»‹›‘’‚'`", r) }

// trimMarks moves a gold span's ends inside its quotation marks.
func trimMarks(text string, start, end int) (int, int) {
	rs := []rune(text)
	i, j := 0, len(rs)
	for i < j && isMark(rs[i]) {
		i++
	}
	for j > i && isMark(rs[j-1]) {
		j--
	}
	if i == j {
		return start, end
	}
	return start + i, start + (j - (len(rs) - (end - start)))
}

// Paragraphs splits a plain-text article into the engine's paragraphs: blank lines separate them
// and the first is the headline. Offsets are code points into text.
func Paragraphs(text string) []article.Paragraph {
	var paras []article.Paragraph
	off := 0
	for i, chunk := range strings.Split(text, "\n\n") {
		lead := len(chunk) - len(strings.TrimLeft(chunk, " \t\n\r"))
		body := strings.TrimSpace(chunk)
		if body != "" {
			paras = append(paras, article.Paragraph{
				Block:    model.BlockID("b" + strconv.Itoa(len(paras)+1)),
				Text:     body,
				Start:    off + utf8.RuneCountInString(chunk[:lead]),
				Headline: i == 0,
			})
		}
		off += utf8.RuneCountInString(chunk) + 2
	}
	return paras
}

// Quotes runs the quote engine on a corpus article's plain text and returns its quotations and
// speakers. viaParse sends the text through article.Parse, as a reader's import does (its
// paragraphs, headline and byline), so that the scores are the product's; the engine runs on
// Paragraphs' blank-line paragraphs without it, or when Parse refuses the text, and fellBack says
// that Parse was asked for and refused.
func Quotes(text string, viaParse bool) (qs []model.Quote, speakers []model.Speaker, fellBack bool) {
	if viaParse {
		art, err := article.Parse(strings.NewReader(text), article.Options{Format: model.FormatText})
		if err == nil {
			return art.Quotes, art.Speakers, false
		}
	}
	qs, speakers = article.FindQuotes(Paragraphs(text))
	return qs, speakers, viaParse
}

// Preds turns the engine's quotes into predictions. A described speaker's label
// (model.Speaker.Described: "The spokesman", German "Sprecher") is no name: its prediction has no
// Name, so that it is right by its mention only, never by a word of the label that a gold source
// elsewhere shares (German capitalises every noun: "Sprecher" would match any gold "Ein Sprecher").
func Preds(qs []model.Quote, speakers []model.Speaker) []Pred {
	described := model.DescribedIDs(speakers)
	out := make([]Pred, len(qs))
	for i, q := range qs {
		p := Pred{Start: q.Start, End: q.End, Name: q.Speaker, HasSpeaker: q.Speaker != "" || q.Mention != nil,
			Rule: q.Rule, Confidence: string(q.Confidence)}
		if described[q.SpeakerID] {
			p.Name = ""
		}
		if q.Mention != nil {
			p.MentionStart, p.MentionEnd = q.Mention.Start, q.Mention.End
		}
		out[i] = p
	}
	return out
}
