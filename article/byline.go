package article

import (
	"regexp"
	"strings"
	"verbatim/article/model"
)

// bylineDatePat matches the date a byline line may end with: "11 March 2026", "March 11, 2026",
// "Wed 11 Mar 2026, 08:30 GMT", "2026-03-11", "11/03/2026", "Updated: March 11, 2026 at 8.30am".
const bylineDatePat = `(?i:(?:(?:updated|published|posted)\s*:?\s*)?(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?` +
	`(?:\d{1,2}(?:st|nd|rd|th)?\s+` + monthPat + `,?\s+\d{4}|` + monthPat + `\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4})` +
	`(?:,?\s*(?:at\s+)?\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s+[a-z]{2,4})?)?)`

// monthPat matches an English month's name or its abbreviation.
const monthPat = `(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`

// rxByLineSite reads a "By …" line with the publication after a separator, and a date after
// either: "By Jane Doe · The Example Ledger", "By Jane Doe and John Roe, Example Weekly",
// "BY JANE DOE | Example News", "By Jane Doe · 11 March 2026", "By Jane Doe | Example News |
// March 11, 2026".
var rxByLineSite = regexp.MustCompile(`^(?i:by)\s+(` + tailNamePat + `(?:\s*(?:,|and|&)\s*` + tailNamePat + `)*?)\s*(?:([,|·•—–-])\s*(` + tailSitePat + `))??` +
	`(?:\s*[,|·•—–-]\s*` + bylineDatePat + `)?\.?$`)

// parseByLine splits a "By …" line into the author names and the site. A site after "·", "|" or a
// dash is taken as it stands; after a comma it must look like a publication's name, since "By Jane
// Doe, John Roe" names two people.
func parseByLine(line string) (byline, site string, ok bool) {
	line = strings.Join(strings.Fields(line), " ")
	if blockWords(line) > 14 {
		return "", "", false
	}
	m := rxByLineSite.FindStringSubmatch(line)
	if m == nil {
		return "", "", false
	}
	byline, sep, site := m[1], m[2], m[3]
	if sep == "," && !rxSiteName.MatchString(site) {
		byline, site = splitByline(byline + ", " + site)
	}
	return byline, site, true
}

// liftByline moves a "By …" paragraph that opens the body of a structured article (HTML or
// Markdown; plain text does this while it reads lines) into the extras, and fills Byline and Site
// from it when the source's metadata left them empty. The paragraph is shown apart from the body,
// never dropped.
func liftByline(a *model.Article) {
	for i, b := range a.Blocks {
		if b.Kind == model.KindHeadline || b.Kind == model.KindHeading2 || b.Kind == model.KindHeading3 {
			continue
		}
		if b.Kind != model.KindParagraph || i > 2 {
			return
		}
		byline, site, ok := parseByLine(b.Text)
		if !ok {
			return
		}
		if a.Byline == "" {
			a.Byline = byline
		}
		if a.Site == "" {
			a.Site = site
		}
		if strings.Join(strings.Fields(a.Excerpt), " ") == strings.Join(strings.Fields(b.Text), " ") {
			a.Excerpt = "" // readability took the byline for the excerpt; the first paragraph is
		}
		a.Extras = append([]model.Extra{{Kind: model.ExtraByline, Text: b.Text}}, a.Extras...)
		a.Blocks = append(a.Blocks[:i:i], a.Blocks[i+1:]...)
		return
	}
}

// liftTail moves the author's bio that ends the body of a structured article (HTML or Markdown;
// plain text lifts its whole tail while it reads lines) into the extras: the paragraphs at its end
// that splitTail reads as a bio and the author's links, when there is a bio among them. Other tail
// lines stay, as Readability keeps them. It fills Byline and Site from the bio when the source's
// metadata left them empty. The first block always stays in the body,
// and the tail is shown apart from it, never dropped.
func liftTail(a *model.Article) {
	first := len(a.Blocks)
	for first > 1 && a.Blocks[first-1].Kind == model.KindParagraph {
		first--
	}
	if first == len(a.Blocks) {
		return
	}
	lines := make([]string, 0, len(a.Blocks)-first)
	for _, b := range a.Blocks[first:] {
		lines = append(lines, oneLine(b.Text))
	}
	keep, extras, byline, site := splitTail(lines, 0)
	bio := false
	for _, e := range extras {
		switch e.Kind {
		case model.ExtraBio:
			bio = true
		case model.ExtraLinks:
		default:
			return // other tail lines (credits, tags, footers) are kept in a page's body, as Readability keeps them
		}
	}
	if !bio {
		return
	}
	keep += first
	for keep > 1 && a.Blocks[keep-1].Kind == model.KindRule {
		keep-- // the rule that set the bio apart
	}
	a.Blocks = a.Blocks[:keep]
	a.Extras = append(a.Extras, extras...)
	if a.Byline == "" {
		a.Byline = byline
	}
	if a.Site == "" {
		a.Site = site
	}
}
