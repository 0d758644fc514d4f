package article

import (
	"regexp"
	"strings"
	"verbatim/article/model"
)

// rxByLineSite reads a "By …" line with the publication after a separator: "By Jane Doe · The
// Example Ledger", "By Jane Doe and John Roe, Example Weekly", "BY JANE DOE | Example News".
var rxByLineSite = regexp.MustCompile(`^(?i:by)\s+(` + tailNamePat + `(?:\s*(?:,|and|&)\s*` + tailNamePat + `)*?)\s*(?:([,|·•—–-])\s*(` + tailSitePat + `))?\.?$`)

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
