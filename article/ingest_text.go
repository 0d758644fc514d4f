package article

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
	"verbatim/article/model"
)

// Plain text in the sample's form: the headline on the first line (or a short first paragraph of
// up to three lines, as in "Headline; \nSubhead"), then paragraphs separated by blank lines (or by
// single line breaks, when every line ends a sentence), then perhaps a tail (see splitTail). The text space is the input itself: every Block.Start and every
// offset is a code-point offset into the input as given (after repairUTF8, which keeps code-point
// positions). Block texts are exact slices of the input, except that a carriage return inside a
// block becomes a space before "\n", or "\n" when it ends a line alone, which keeps every offset.

// Headline limits: a first paragraph longer than this is body, not a headline.
const (
	maxHeadlineRunes = 300
	maxHeadlineLines = 3
)

// srcLine is one non-blank line of a plain-text input, trimmed.
type srcLine struct {
	b0, b1 int // byte range of the trimmed line in the input
	start  int // code-point offset of the trimmed line in the input
}

// textPara is a run of non-blank lines.
type textPara []srcLine

// parseText builds the Article of a plain-text input, which is valid UTF-8 (parse repairs the input
// before it comes here; splitParas counts its code points as only valid UTF-8 may be counted), and
// ASCII when ascii says so (checkText knows it): then its code points are its bytes.
func parseText(src string, ascii bool) *model.Article {
	sc := scratches.Get().(*scratch)
	defer sc.releaseText()
	ts := &sc.text
	paras := splitParas(src, ts, ascii)
	a := &model.Article{Format: model.FormatText}
	var heads []model.Block // the headline's block, if any: the blocks are allocated at the end
	if len(paras) > 0 {
		first := paras[0]
		head := first
		if len(first) > maxHeadlineLines || cpLen(src[first[0].b0:first[len(first)-1].b1]) > maxHeadlineRunes {
			head = first[:1]
			if cpLen(src[first[0].b0:first[0].b1]) > maxHeadlineRunes {
				head = nil
			}
		}
		if head != nil {
			b := paraBlock(src, head, model.KindHeadline)
			a.Title = oneLine(b.Text)
			heads = []model.Block{b}
			if rest := first[len(head):]; len(rest) > 0 {
				paras[0] = rest
			} else {
				paras = paras[1:]
			}
		}
	}
	if len(paras) > 1 && len(paras[0]) == 1 {
		if line := lineText(src, paras[0][0]); blockWords(line) <= 12 {
			if byline, site, ok := parseByLine(line); ok {
				a.Byline, a.Site = byline, site
				a.Extras = append(a.Extras, model.Extra{Kind: model.ExtraByline, Text: line})
				paras = paras[1:]
			}
		}
	}

	// Tail detection runs over the body's lines, across paragraphs.
	nlines := 0
	for _, p := range paras {
		nlines += len(p)
	}
	lines := slices.Grow(ts.lines[:0], nlines)
	for _, p := range paras {
		for _, l := range p {
			lines = append(lines, lineText(src, l))
		}
	}
	ts.lines = lines
	minKeep := 0
	if len(paras) > 0 {
		minKeep = len(paras[0])
	}
	keep, extras, byline, site := splitTail(lines, minKeep)
	if keep < len(lines) {
		// The paragraph and line of line keep.
		pi, li := 0, keep
		for li >= len(paras[pi]) {
			li -= len(paras[pi])
			pi++
		}
		paras = paras[:pi+1]
		if paras[pi] = paras[pi][:li]; len(paras[pi]) == 0 {
			paras = paras[:pi]
		}
	}
	a.Extras = append(a.Extras, extras...)
	if a.Byline == "" {
		a.Byline = byline
	}
	if site != "" {
		a.Site = site
	}
	blocks := append(make([]model.Block, 0, len(heads)+len(paras)), heads...)
	for _, p := range paras {
		blocks = append(blocks, paraBlock(src, p, model.KindParagraph))
	}
	// Each block's one run is left to finish (see oneRuns): the blocks that hold quotations get
	// theirs cut at the quotations' ends, from another array, so the one run given here would be
	// thrown away.
	a.Blocks = blocks
	return a
}

// rxSiteName recognises the name of a publication at the end of a byline ("…, The Example Times").
var rxSiteName = regexp.MustCompile(`^The\s|\b(?:Times|Post|News|Journal|Press|Herald|Tribune|Daily|Magazine|Network|Media|Wire|Weekly|Gazette|Ledger|Chronicle|Observer|Review|Standard|Courier|Monitor|Guardian|Telegraph|Independent|Today|Report|Dispatch|Register|Inquirer|Examiner|Sentinel|Globe|Star|Sun|Mail|Express|Record|Bulletin|Reuters|AP|Bloomberg|CNN|BBC|NPR|Politico)$`)

// splitByline splits "Jane Doe and John Roe, The Example Times" into the names and the site.
func splitByline(s string) (byline, site string) {
	if i := strings.LastIndex(s, ","); i >= 0 {
		if last := strings.TrimSpace(s[i+1:]); rxSiteName.MatchString(last) {
			return strings.TrimSpace(s[:i]), last
		}
	}
	return s, ""
}

// maxLinesReserved bounds the lines splitParas makes room for before it reads them.
const maxLinesReserved = 1 << 12

// textScratch is parseText's space for an input's lines and paragraphs, kept in the pooled scratch
// between articles (see releaseText): none of it outlives the call.
type textScratch struct {
	all   []srcLine  // the lines, which the paragraphs are cut from
	paras []textPara // the paragraphs, before splitLinePara
	lines []string   // the body's lines, for splitTail
}

// splitParas splits src into paragraphs of trimmed non-blank lines, with code-point offsets. A
// line ends at "\n", "\r\n" or a lone "\r". The paragraphs and lines are cut from ts. src is
// valid UTF-8 (see parseText): its code points are counted by validRuneCount, which reads the whole
// input once, sixteen bytes at a time, unless ascii says that each byte is one.
func splitParas(src string, ts *textScratch, ascii bool) []textPara {
	// Room for the lines of a text whose paragraphs are separated by blank lines (half its line
	// breaks), up to a bound: a text of blank lines must not reserve room for lines it does not
	// have. Single line breaks grow the slices past it.
	hasCR := strings.IndexByte(src, '\r') >= 0
	n := strings.Count(src, "\n")
	if hasCR {
		n += strings.Count(src, "\r")
	}
	n = min(n/2+1, maxLinesReserved)
	paras := slices.Grow(ts.paras[:0], n)
	all := slices.Grow(ts.all[:0], n) // every line, in one array that the paragraphs are cut from
	first := 0                        // the first line of the paragraph being read
	bytePos, runePos := 0, 0          // a cursor that turns byte offsets into code-point offsets
	runeAt := func(b int) int {
		if ascii {
			return b
		}
		runePos += validRuneCount(src[bytePos:b])
		bytePos = b
		return runePos
	}
	for i := 0; i < len(src); {
		var end int
		if hasCR {
			end = strings.IndexAny(src[i:], "\r\n")
		} else {
			end = strings.IndexByte(src[i:], '\n')
		}
		next := len(src)
		if end < 0 {
			end = len(src)
		} else {
			end += i
			next = end + 1
			if src[end] == '\r' && next < len(src) && src[next] == '\n' {
				next++
			}
		}
		b0, b1 := trimSpan(src, i, end)
		if b0 < b1 {
			all = append(all, srcLine{b0: b0, b1: b1, start: runeAt(b0)})
		} else if len(all) > first {
			paras = append(paras, all[first:len(all):len(all)])
			first = len(all)
		}
		i = next
	}
	if len(all) > first {
		paras = append(paras, all[first:len(all):len(all)])
	}
	ts.paras, ts.all = paras, all
	return splitRunIn(src, splitLinePara(src, paras))
}

// endsSentence reports whether a line ends with a character that ends a sentence (or closes a
// quotation or a bracket after one).
func endsSentence(line string) bool {
	r, _ := utf8.DecodeLastRuneInString(line)
	switch r {
	case '.', '!', '?', ':', ';', '…', '"', '”', '’', '\'', ')', ']':
		return true
	}
	return false
}

// splitLinePara splits a paragraph whose lines each end a sentence into one paragraph a line:
// text pasted with single line breaks between paragraphs. Hard-wrapped paragraphs, whose lines
// break mid-sentence, stay whole. A subheading on the line above its paragraph ("Grundsteuer \nFür
// alle Grundbesitzer wurde …", see headingLine) becomes a paragraph of its own, so that it does
// not run into the first sentence. The first paragraph (the headline and perhaps a subhead) is
// left to parseText. When no paragraph splits, paras is returned as it is.
func splitLinePara(src string, paras []textPara) []textPara {
	var out []textPara // the paragraphs so far once one has split, nil before
	for i, p := range paras {
		head := i > 0 && len(p) > 1 && headingLine(lineText(src, p[0]), lineText(src, p[1]))
		rest := p
		if head {
			rest = p[1:]
		}
		split := i > 0 && len(rest) > 1
		for j := 0; split && j < len(rest); j++ {
			split = endsSentence(lineText(src, rest[j]))
		}
		if !split && !head {
			if out != nil {
				out = append(out, p)
			}
			continue
		}
		if out == nil {
			out = append(make([]textPara, 0, len(paras)+len(p)), paras[:i]...)
		}
		if head {
			out = append(out, p[:1:1])
		}
		if !split {
			out = append(out, rest)
			continue
		}
		for j := range rest {
			out = append(out, rest[j:j+1:j+1])
		}
	}
	if out == nil {
		return paras
	}
	return out
}

// Subheading limits: a line longer than this is text, not a heading.
const (
	maxHeadingWords = 8
	maxHeadingRunes = 60
)

// headingLine reports whether line, the first line of a paragraph, is a subheading over the
// paragraph that starts on the line next: a few words that start with a capital letter or a digit
// and end no sentence (nor a clause, with a comma or a hyphen), over a line that starts with a
// capital letter or a quotation mark and is so much longer that its first word would have fitted
// on line. A hard-wrapped paragraph breaks a line only where the next word does not fit in the
// width of the lines below.
func headingLine(line, next string) bool {
	if endsSentence(line) || blockWords(line) > maxHeadingWords || cpLen(line) > maxHeadingRunes {
		return false
	}
	first := next
	if i := strings.IndexFunc(next, unicode.IsSpace); i >= 0 {
		first = next[:i]
	}
	if cpLen(line)+1+cpLen(first) > cpLen(next) {
		return false
	}
	switch r, _ := utf8.DecodeLastRuneInString(line); r {
	case ',', '-', '–', '—', '/', '&':
		return false
	}
	if r, _ := utf8.DecodeRuneInString(line); !unicode.IsUpper(r) && !unicode.IsDigit(r) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(next)
	return unicode.IsUpper(r) || strings.ContainsRune("„“”\"»«‚‘'", r)
}

// The words of a German run-in subheading (see runInHeading): openersDe open a sentence, capitalised
// ("Bereits im Dezember hatte …"), and stand inside a sentence in lower case; smallWordsDe are the
// lower-case words a heading may hold ("Vorschlag an den Bundestag"). The articles and the
// personal pronouns are no openers here, as they open names as well ("die Partei Die Linke", "die
// Band Wir sind Helden"); nor are "Sie", "Den" ("Den Haag") and "In", capitalised inside sentences.
var (
	openersDe = setOf("Bereits", "Auch", "Am", "Im", "Nach", "Seit", "Zudem", "Dabei", "Damit", "Außerdem",
		"Allerdings", "Zuvor", "Inzwischen", "Mittlerweile", "Laut", "Wie", "Bei", "Mit", "Für", "Dies", "Diese",
		"Dieser", "Dieses", "Doch", "Aber", "Nun", "Jetzt", "Heute", "Gestern", "Unterdessen", "Insgesamt",
		"Zunächst", "Erst", "Schon", "Noch", "Während", "Als", "Trotz", "Wegen", "Vor", "Zum", "Zur", "Um", "Über",
		"Unter", "Aus", "Auf", "Von", "Vom", "Gegen", "Durch")
	smallWordsDe = setOf("an", "den", "der", "die", "das", "des", "dem", "und", "von", "für", "im", "in", "am", "zum",
		"zur", "mit", "gegen", "auf", "aus", "nach", "bei", "über", "unter", "ohne", "um", "vor", "vom")
)

// smallWordDeBytes is the length of the longest of smallWordsDe, in bytes: a longer word is none
// of them, which isSmallWordDe tells without looking it up.
var smallWordDeBytes = func() int {
	n := 0
	for w := range smallWordsDe {
		n = max(n, len(w))
	}
	return n
}()

// wordShapes is a filter in front of a small set of words of two bytes or more: for each first
// byte, the shapes (wordShape) of the set's words that open with it. A word whose shape no word of
// its first byte has is not in the set, which may tells without a lookup: runInHeading asks
// openersDe of the first word of nearly every paragraph, most of them capitalised, and
// smallWordsDe of the short words after it.
type wordShapes [256]uint64

// shapesOf returns the filter of the words of set.
func shapesOf(set map[string]bool) *wordShapes {
	var t wordShapes
	for w := range set {
		if len(w) < 2 {
			panic("article: a word of fewer than two bytes in a filtered set: " + w) // wordShape reads two
		}
		t[w[0]] |= wordShape(w)
	}
	return &t
}

// wordShape is one bit of 64 for the word w of two bytes or more, by its second byte and its
// length.
func wordShape(w string) uint64 { return 1 << ((uint(w[1])*7 + uint(len(w))) & 63) }

// may reports whether w may be one of the set's words: false says that it is none.
func (t *wordShapes) may(w string) bool { return len(w) >= 2 && t[w[0]]&wordShape(w) != 0 }

// The filters of openersDe and smallWordsDe.
var openerDeShapes, smallWordDeShapes = shapesOf(openersDe), shapesOf(smallWordsDe)

// isOpenerDe reports whether w is one of openersDe.
func isOpenerDe(w string) bool { return openerDeShapes.may(w) && openersDe[w] }

// isSmallWordDe reports whether w is one of smallWordsDe.
func isSmallWordDe(w string) bool {
	return len(w) <= smallWordDeBytes && smallWordDeShapes.may(w) && smallWordsDe[w]
}

// maxRunInWords bounds the words of a run-in subheading.
const maxRunInWords = 6

// splitRunIn splits a subheading that runs into the first sentence of its paragraph with no line
// break (runInHeading) off into a paragraph of its own, as splitLinePara does one on a line of its
// own, when the text is German (textIsGerman, asked once a paragraph opens like such a heading):
// in English, "Von" and "Im" open names ("Ursula Von der Leyen said", "Ken Im said"). The first
// paragraph is left to parseText. When none splits, paras is returned as it is.
func splitRunIn(src string, paras []textPara) []textPara {
	var out []textPara // the paragraphs so far once one has split, nil before
	german := 0        // 1 German, -1 not, 0 not asked yet
	for i, p := range paras {
		var n int
		if i > 0 {
			n = runInHeading(lineText(src, p[0]))
		}
		if n > 0 && german == 0 {
			german = -1
			if textIsGerman(src) {
				german = 1
			}
		}
		if n == 0 || german < 0 {
			if out != nil {
				out = append(out, p)
			}
			continue
		}
		if out == nil {
			out = append(make([]textPara, 0, len(paras)+1), paras[:i]...)
		}
		l := p[0]
		_, b1 := trimSpan(src, l.b0, l.b0+n)
		head := srcLine{b0: l.b0, b1: b1, start: l.start}
		rest := srcLine{b0: l.b0 + n + 1, b1: l.b1, start: l.start + cpLen(src[l.b0:l.b0+n+1])}
		out = append(out, textPara{head}, append(textPara{rest}, p[1:]...))
	}
	if out == nil {
		return paras
	}
	return out
}

// runInHeading returns the length in bytes of a German subheading that runs into the sentence
// after it on one line, with no line break nor sentence mark between them ("Engagement Deutschlands
// Bereits im Dezember 2005 hatte …", text whose line breaks were lost), or 0: up to six words, the
// first capitalised and no sentence opener nor small word itself, the others capitalised, digits
// or small words, none ending in a mark, then a capitalised word that opens sentences and stands
// in lower case inside one. A German sentence has no capitalised "Bereits" or "Die" in its midst.
func runInHeading(line string) int {
	pos := 0
	for k := 0; k <= maxRunInWords; k++ {
		i := strings.IndexByte(line[pos:], ' ')
		if i <= 0 {
			return 0
		}
		w := line[pos : pos+i]
		r, _ := utf8.DecodeRuneInString(w)
		// Every opener is capitalised and every small word in lower case and short: a word that
		// cannot be one is not looked up (most lines of a text that is not German end at their
		// first or second word, and every paragraph of the text is asked).
		upper := unicode.IsUpper(r)
		opener := upper && isOpenerDe(w)
		switch {
		case k == 0 && (opener || !upper && !unicode.IsDigit(r)):
			return 0
		case k > 0 && opener:
			if isSmallWordDe(lastWord(line[:pos-1])) {
				return 0
			}
			return pos - 1
		case !upper && !unicode.IsDigit(r) && !isSmallWordDe(w):
			return 0
		}
		if l, _ := utf8.DecodeLastRuneInString(w); !unicode.IsLetter(l) && !unicode.IsDigit(l) {
			return 0
		}
		pos += i + 1
	}
	return 0
}

// lastWord returns the last space-separated word of s.
func lastWord(s string) string { return s[strings.LastIndexByte(s, ' ')+1:] }

// trimSpan returns the byte range of src[b0:b1] without leading and trailing white space (a byte
// order mark counts as space).
func trimSpan(src string, b0, b1 int) (int, int) {
	for b0 < b1 {
		r, n := utf8.DecodeRuneInString(src[b0:b1])
		if !isTextSpace(r) {
			break
		}
		b0 += n
	}
	for b1 > b0 {
		r, n := utf8.DecodeLastRuneInString(src[b0:b1])
		if !isTextSpace(r) {
			break
		}
		b1 -= n
	}
	return b0, b1
}

func isTextSpace(r rune) bool { return unicode.IsSpace(r) || r == '\uFEFF' }

// lineText returns one trimmed line.
func lineText(src string, l srcLine) string { return src[l.b0:l.b1] }

// paraBlock returns the block of a paragraph: the exact input from its first line to its last,
// with carriage returns replaced one for one so offsets stay. Its one run is left to finish.
func paraBlock(src string, p textPara, kind model.BlockKind) model.Block {
	text := src[p[0].b0:p[len(p)-1].b1]
	if strings.IndexByte(text, '\r') >= 0 {
		text = strings.ReplaceAll(text, "\r\n", " \n")
		text = strings.ReplaceAll(text, "\r", "\n")
	}
	return model.Block{Kind: kind, Text: text, Start: p[0].start}
}

func cpLen(s string) int { return runeCount(s) }
