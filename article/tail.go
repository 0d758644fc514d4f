package article

import (
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
	"verbatim/article/model"
)

// A tail is the run of lines at the end of a plain-text article that is not its body: media
// credits ("Watch above, via CNN.", "[image via screengrab]"), rules ("— —"), the author's links
// and bio, a tip line, tags ("Filed Under:") and footers. splitTail recognises such lines by their
// shape, not by exact strings, walking back from the last line and stopping at the first line
// that looks like body text. A line of body text may mention Twitter, an email address or "via";
// what makes a tail line is its whole form: short, led by a cue or a label, made of a handle or an
// address, bracketed, or shaped as a bio ("X is a senior editor at Site").

// Pieces of the tail patterns.
const (
	tailNameToken = `\p{Lu}(?:[\p{L}'’-]+|\.)`
	tailNamePat   = tailNameToken + `(?:\s+` + tailNameToken + `){0,3}`
	tailSiteToken = `\p{Lu}[\p{L}\p{N}&'’-]*(?:\.[\p{L}\p{N}]+)*`
	tailSitePat   = `(?:The\s+)?` + tailSiteToken + `(?:\s+(?:` + tailSiteToken + `|of|and|&))*`
	tailEmailPat  = `[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}`
	tailHandlePat = `(?:^|[\s(:/])@[A-Za-z0-9_]{2,30}\b`
	tailURLPat    = `(?i:https?://[^\s<>"]+|www\.[^\s<>"]+)`
	tailRolePat   = `(?i:editor-in-chief|editor|reporter|writer|correspondent|columnist|contributor|journalist|producer|anchor|host|blogger|intern|photographer|videographer|author|fellow|critic|commentator|analyst|professor|researcher)`
	tailPressRole = `(?i:editor-in-chief|editor|reporter|writer|correspondent|columnist|contributor|journalist|producer|anchor|host|blogger|intern|photographer|videographer)`
)

// tailPatterns are the tail's patterns. They are compiled on first use, not at package
// initialisation: every program that links the parser links them (the verbatim command and the
// import page's parse.wasm), and one that has not parsed yet (the parse worker before its first
// import) should not pay for compiling them when it starts.
type tailPatterns struct {
	rxRule, rxBracket, rxCredit, rxContact, rxEmail, rxURL, rxEndsContact, rxLinkCue, rxLinkWord, rxLabel, rxFollow, rxFollowAny, rxTip, rxTipWord, rxTags, rxFooter, rxEditorNote, rxWatch, rxMediaCredit, rxCreditLabel, rxContrib, rxReportedBy, rxBio, rxBioCovers, rxPressRole, rxTerminal *regexp.Regexp
}

// tailRx returns the tail's patterns, compiled once.
var tailRx = sync.OnceValue(func() *tailPatterns {
	return &tailPatterns{
		rxRule:        regexp.MustCompile(`^[\s\-–—_*=~•·#+.]+$`),
		rxBracket:     regexp.MustCompile(`^[\[(](.+)[\])]\.?$`),
		rxCredit:      regexp.MustCompile(`(?i)\b(?:image|images|photo|photos|photograph|picture|pictures|video|screengrab|screen grab|screenshot|screencap|credit|courtesy|via|h/t|hat tip|reporting|editing|getty|ap photo|reuters|afp|file|illustration|source|youtube|twitter|instagram|facebook)\b`),
		rxContact:     regexp.MustCompile(tailEmailPat + `|` + tailHandlePat + `|` + tailURLPat),
		rxEmail:       regexp.MustCompile(tailEmailPat),
		rxURL:         regexp.MustCompile(tailURLPat),
		rxEndsContact: regexp.MustCompile(`(?:` + tailEmailPat + `|` + tailHandlePat + `|` + tailURLPat + `)[\s.)\]]*$`),
		rxLinkCue:     regexp.MustCompile(`(?i)^(?:follow|email|e-mail|contact|reach|find|write to|tweet|send|subscribe|sign up|like us|connect|twitter|facebook|instagram|threads|bluesky|mastodon|linkedin|website|web|more from)\b`),
		rxLinkWord:    regexp.MustCompile(`(?i)\b(?:tips?|e-?mail|reach(?:ed)?|contact|twitter|follow|facebook|instagram|bluesky|threads|mastodon|x\.com|dm)\b`),
		rxLabel:       regexp.MustCompile(`^[\p{L}’' -]{1,30}:\s*\S+$`),
		rxFollow:      regexp.MustCompile(`^(?i:follow)\s+(` + tailNamePat + `)\s+(?i:on)\s+\p{Lu}`),
		rxFollowAny:   regexp.MustCompile(`(?i)^follow\s+(?:\S+\s+){0,4}on\s+(?:twitter|x|facebook|instagram|threads|bluesky|mastodon|linkedin|tiktok|youtube)\b`),
		rxTip:         regexp.MustCompile(`(?i)^(?:have|got|know of) (?:a|any) (?:news )?tips?\b|^send (?:us )?(?:your )?(?:news )?tips\b|\btips? (?:line|@)`),
		rxTipWord:     regexp.MustCompile(`(?i)\btips?\b`),
		rxTags:        regexp.MustCompile(`(?i)^(?:filed under|tags?|tagged(?: with| as| in)?|topics?|categories|category|related topics|keywords|posted in)\s*:`),
		rxFooter:      regexp.MustCompile(`(?i)^(?:read (?:the rest|more|the full|the original|it all|this)|click here|continue reading|copyright\b|©|\(c\)\s*\d{4}|all rights reserved|this (?:article|story|piece|report) (?:was |originally |first )*(?:appeared|published|produced|updated)|editor[’']?s note|correction:|sign up\b|subscribe\b|share this|related\s*:|more\s*:|see also\s*:|advertisement$|comments?$|view comments|\(?updated?\b.{0,40}\d)`),
		rxEditorNote:  regexp.MustCompile(`(?i)^editor[’']?s note`),
		rxWatch:       regexp.MustCompile(`(?i)^(?:watch|listen|see)\b.{0,80}\b(?:above|below|here|via)\b`),
		rxMediaCredit: regexp.MustCompile(`(?i)^(?:top |featured |header |lead |main |cover )?(?:photo|photos|image|images|picture|pictures|video|screenshot|screengrab|illustration)\s*(?:credit)?\s*(?::|by\b|via\b|courtesy\b|from\b|—|–|-|\()`),
		rxCreditLabel: regexp.MustCompile(`(?i)^(?:(?:photo |image |video )?credits?|courtesy|sources?)\s*:|^(?:h/t|ht|hat tip|via|courtesy of)\s+\S`),
		rxContrib:     regexp.MustCompile(`(?i)^(?:additional |staff )?(?:reporting|writing|editing|research|contributing|contributors?)\b.{0,200}?(?:\bby\b|\bfrom\b|:)|\b(?:contributed|contributing) (?:reporting|research|to this (?:report|article|story))`),
		rxReportedBy:  regexp.MustCompile(`^` + tailNamePat + `(?:,? (?:and )?` + tailNamePat + `)* (?:reported|contributed reporting) from\b`),
		rxBio:         regexp.MustCompile(`^(` + tailNamePat + `)\s+(?:is|was|has been|serves as)\s+(?:a|an|the)\s+(?:[\p{L}.,’'-]+\s+){0,6}?(` + tailRolePat + `)s?\b(?:.{0,120}?\b(?:at|for|with|of)\s+(` + tailSitePat + `))?`),
		rxBioCovers:   regexp.MustCompile(`^(` + tailNamePat + `)\s+(?:covers|writes about|reports on|writes for|reports for)\b(?:.{0,120}?\b(?:at|for)\s+(` + tailSitePat + `))?`),
		rxPressRole:   regexp.MustCompile(`^` + tailPressRole + `s?$`),
		rxTerminal:    regexp.MustCompile(`[.!?:;"”’]$`),
	}
})

// quoteMarks are the marks hasQuoteMark looks for.
const quoteMarks = `"“”«»„`

// hasQuoteMark says whether line holds a quotation mark of quoteMarks, as
// strings.ContainsAny(line, quoteMarks) does, in one pass over the bytes: the marks are '"' and
// runes that start with the byte 0xC2 or 0xE2, which never continue a rune.
func hasQuoteMark(line string) bool {
	for i := 0; i < len(line); i++ {
		switch line[i] {
		case '"':
			return true
		case 0xC2, 0xE2:
			r, _ := utf8.DecodeRuneInString(line[i:])
			if r != '"' && strings.ContainsRune(quoteMarks, r) {
				return true
			}
		}
	}
	return false
}

// mayHaveContact is a cheap necessary condition for rxContact, rxEmail and rxURL: an email
// address and a handle hold an @, and a web address starts with http or www.
func mayHaveContact(line string) bool {
	return strings.IndexByte(line, '@') >= 0 || containsFoldASCII(line, "http") || containsFoldASCII(line, "www.")
}

// containsFoldASCII says whether s contains the lower-case ASCII word sub, in any ASCII case.
// The tail's prefilters ask it of most short lines, and find nothing in most: it passes over eight
// bytes at a time that hold no byte sub may open with (hasPrefixFoldASCII's test of the first byte,
// made of each byte at once), and tries sub only where one does.
func containsFoldASCII(s, sub string) bool {
	first := ones8 * uint64(sub[0])
	i := 0
	for ; i+8 <= len(s); i += 8 {
		if zeroBytes8(load64(s[i:i+8])|0x20*ones8^first) == 0 {
			continue
		}
		for j := i; j < i+8; j++ {
			if hasPrefixFoldASCII(s[j:], sub) {
				return true
			}
		}
	}
	for ; i+len(sub) <= len(s); i++ {
		if hasPrefixFoldASCII(s[i:], sub) {
			return true
		}
	}
	return false
}

// ruleFirsts are the runes rxRule can open with. Every pattern of the tail reads the whole line
// before it fails, even one anchored at its start, so classifyTail asks cheap tests first.
const ruleFirsts = " \t\n\f\r-–—_*=~•·#+."

// footerOpenings are the first runes of each of rxFooter's alternatives (up to three), which a
// line it matches opens with in some case (see opensWithFold).
var footerOpenings = []string{"rea", "cli", "con", "cop", "©", "(c)", "all", "thi", "edi", "cor", "sig", "sub", "sha",
	"rel", "mor", "see", "adv", "com", "vie", "(up", "upd"}

// creditOpenings are the first runes of each of the alternatives of rxWatch, rxMediaCredit and
// rxCreditLabel (up to three), which a line they match opens with in some case (see
// opensWithFold): the three are anchored at the line's start, but read the whole line to fail.
var creditOpenings = []string{"wat", "lis", "see", "top", "fea", "hea", "lea", "mai", "cov", "pho", "ima", "pic", "vid",
	"scr", "ill", "cre", "cou", "sou", "h/t", "ht", "hat", "via"}

// followOpenings and tagsOpenings are the first runes of rxFollowAny's one opening and of each
// of rxTags' alternatives (up to three), which a line they match opens with in some case (see
// opensWithFold): both are anchored at the line's start, but read the whole line to fail, and
// they are asked of most short lines.
var (
	followOpenings = []string{"fol"}
	tagsOpenings   = []string{"fil", "tag", "top", "cat", "rel", "key", "pos"}
)

// opensWithFold reports whether line opens with one of prefixes, rune by rune, in any case as a
// (?i) pattern folds case (see foldsTo).
func opensWithFold(line string, prefixes []string) bool {
	for _, p := range prefixes {
		if _, ok := cutPrefixFold(line, p); ok {
			return true
		}
	}
	return false
}

// cutPrefixFold returns line without prefix when line opens with it, rune by rune, in any case as
// a (?i) pattern folds case (see foldsTo), and whether it does; "" and false when it does not.
func cutPrefixFold(line, prefix string) (string, bool) {
	for _, f := range prefix {
		r, n := utf8.DecodeRuneInString(line)
		if n == 0 || !foldsTo(r, f) {
			return "", false
		}
		line = line[n:]
	}
	return line, true
}

// foldsTo reports whether r is f, or folds to it as a (?i) pattern folds case (unicode.SimpleFold:
// "ſ" for "s", "K" for "k").
func foldsTo(r, f rune) bool {
	if r == f {
		return true
	}
	if r < utf8.RuneSelf && f < utf8.RuneSelf {
		// Two ASCII runes fold to each other only as a letter's two cases: no orbit of
		// SimpleFold holds two ASCII runes but those. Most runes asked are ASCII, and SimpleFold
		// searches a table.
		l := f | 0x20
		return r|0x20 == l && 'a' <= l && l <= 'z'
	}
	for g := unicode.SimpleFold(f); g != f; g = unicode.SimpleFold(g) {
		if r == g {
			return true
		}
	}
	return false
}

// opensWithRune reports whether line's first rune is one of firsts.
func opensWithRune(line, firsts string) bool {
	r, n := utf8.DecodeRuneInString(line)
	return n > 0 && strings.ContainsRune(firsts, r)
}

// contribWords are the words rxContrib's first alternative opens with after its optional
// "additional " or "staff ", but for "contributing" and "contributors" (see mayContribute).
var contribWords = []string{"reporting", "writing", "editing", "research"}

// mayContribute is a cheap necessary condition for rxContrib, which a body line fails only after
// a scan of the whole line: the line holds "contribut" (every match of the pattern's second
// alternative does, and of "contributing" and "contributors" in its first; none of its letters
// folds to a rune past ASCII), or opens with one of contribWords, perhaps after "additional " or
// "staff ", in any case as the pattern folds it ("ſtaff reporting"; see cutPrefixFold).
func mayContribute(line string) bool {
	if containsFoldASCII(line, "contribut") {
		return true
	}
	rests := [3]string{line}
	rests[1], _ = cutPrefixFold(line, "additional ")
	rests[2], _ = cutPrefixFold(line, "staff ")
	for _, rest := range rests {
		if opensWithFold(rest, contribWords) {
			return true
		}
	}
	return false
}

// hasPrefixFoldASCII says whether s opens with the lower-case ASCII prefix, in any ASCII case.
func hasPrefixFoldASCII(s, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	for j := 0; j < len(prefix); j++ {
		if s[j]|0x20 != prefix[j] {
			return false
		}
	}
	return true
}

// tailLine is one classified line of a tail.
type tailLine struct {
	kind         model.ExtraKind
	byline, site string
	tagLabel     bool
}

// classifyTail says whether one trimmed line, taken alone, has the shape of a tail line, and of
// which kind. Tag items (short lines after a "Filed Under:" label) are found by splitTail.
func classifyTail(line string) (tailLine, bool) {
	words := blockWords(line)
	switch {
	case opensWithRune(line, ruleFirsts) && tailRx().rxRule.MatchString(line) && strings.ContainsAny(line, "-–—_*=~•·#+"):
		return tailLine{kind: model.ExtraFooter}, true
	case words <= 25 && opensWithRune(line, "[(") && tailRx().rxBracket.MatchString(line) && (words <= 6 || tailRx().rxCredit.MatchString(line)):
		return tailLine{kind: model.ExtraCredit}, true
	}
	if tl, ok := classifyBio(line, words); ok {
		return tl, true
	}
	// A contact is only asked about short lines, and needs an @ or a web address's start: the
	// pattern is not run over long body lines (a third of plain-text parsing went there).
	contact := words <= 25 && mayHaveContact(line) && tailRx().rxContact.MatchString(line)
	switch {
	case words <= 40 && strings.IndexByte(line, ':') >= 0 && opensWithFold(line, tagsOpenings) && tailRx().rxTags.MatchString(line):
		return tailLine{kind: model.ExtraTags, tagLabel: true}, true
	case words <= 25 && containsFoldASCII(line, "tip") && tailRx().rxTip.MatchString(line):
		return tailLine{kind: model.ExtraTip}, true
	case words <= 25 && (opensWithFold(line, followOpenings) && tailRx().rxFollowAny.MatchString(line) ||
		contact && (tailRx().rxLinkCue.MatchString(line) || tailRx().rxLabel.MatchString(line) ||
			tailRx().rxEndsContact.MatchString(line) && tailRx().rxLinkWord.MatchString(line) && !hasQuoteMark(line))):
		tl := tailLine{kind: model.ExtraLinks}
		if tailRx().rxTipWord.MatchString(line) {
			tl.kind = model.ExtraTip
		}
		if m := tailRx().rxFollow.FindStringSubmatch(line); m != nil {
			tl.byline = m[1]
		}
		return tl, true
	case words <= 15 && opensWithFold(line, creditOpenings) &&
		(tailRx().rxWatch.MatchString(line) || tailRx().rxMediaCredit.MatchString(line) || tailRx().rxCreditLabel.MatchString(line)):
		return tailLine{kind: model.ExtraCredit}, true
	case words <= 40 && !hasQuoteMark(line) && (mayContribute(line) && tailRx().rxContrib.MatchString(line) ||
		strings.Contains(line, "report") && tailRx().rxReportedBy.MatchString(line)):
		return tailLine{kind: model.ExtraCredit}, true
	case words <= 120 && opensWithFold(line, footerOpenings) && tailRx().rxFooter.MatchString(line) &&
		(words <= 40 || tailRx().rxEditorNote.MatchString(line)):
		return tailLine{kind: model.ExtraFooter}, true
	}
	return tailLine{}, false
}

// The words that follow the name in rxBio and rxBioCovers.
var (
	bioVerbs    = []string{"is", "was", "has been", "serves as"}
	coversVerbs = []string{"covers", "writes about", "reports on", "writes for", "reports for"}
)

// namedThen is a cheap necessary condition for a line to open as rxBio and rxBioCovers do: a
// name of one to four words (tailNamePat: each an upper-case letter, then letters, apostrophes
// and hyphens, or a period), white space (\s), then one of verbs. It reads the name as the
// patterns do: a word's first rune decides whether it is a name word, and its next rune which of
// the two forms it has, so there is one way to read it.
func namedThen(line string, verbs []string) bool {
	i := 0
	for words := 0; words < 4; words++ {
		r, n := utf8.DecodeRuneInString(line[i:])
		if n == 0 || !unicode.IsUpper(r) {
			return false
		}
		i += n
		if i < len(line) && line[i] == '.' {
			i++
		} else {
			start := i
			for i < len(line) {
				r, n := utf8.DecodeRuneInString(line[i:])
				if !unicode.IsLetter(r) && r != '\'' && r != '’' && r != '-' {
					break
				}
				i += n
			}
			if i == start {
				return false
			}
		}
		start := i
		for i < len(line) && (line[i] == ' ' || line[i] == '\t' || line[i] == '\n' || line[i] == '\f' || line[i] == '\r') {
			i++
		}
		if i == start {
			return false
		}
		for _, v := range verbs {
			if strings.HasPrefix(line[i:], v) {
				return true
			}
		}
	}
	return false
}

// classifyBio recognises an author's bio: "Name is a senior editor at Site.", "Name covers the
// White House for Site." A bio with a press role names the byline and the site; another role
// ("a professor of law at …") counts only when the line also gives a contact.
func classifyBio(line string, words int) (tailLine, bool) {
	if words > 80 || hasQuoteMark(line) {
		return tailLine{}, false
	}
	if !namedThen(line, bioVerbs) && !namedThen(line, coversVerbs) {
		return tailLine{}, false // neither pattern can match
	}
	if m := tailRx().rxBio.FindStringSubmatch(line); m != nil {
		press := tailRx().rxPressRole.MatchString(m[2])
		if !press && !(mayHaveContact(line) && tailRx().rxContact.MatchString(line)) {
			return tailLine{}, false
		}
		tl := tailLine{kind: model.ExtraBio, byline: m[1]}
		if press {
			tl.site = m[3]
		}
		return tl, true
	}
	if m := tailRx().rxBioCovers.FindStringSubmatch(line); m != nil && words <= 50 {
		return tailLine{kind: model.ExtraBio, byline: m[1], site: m[2]}, true
	}
	return tailLine{}, false
}

// splitTail finds the tail among lines, the trimmed non-blank lines of an article body in order.
// It returns how many leading lines are body (never fewer than minKeep), the tail as extras in
// input order, and the byline and site the tail names, if any. It classifies lines from the last
// one back and stops at the first body line, so its cost does not grow with the body.
func splitTail(lines []string, minKeep int) (keep int, extras []model.Extra, byline, site string) {
	classes := make(map[int]tailLine)
	keep = len(lines)
	pending := 0 // short lines just above the tail that are tags if a tags label comes above them
	for i := len(lines) - 1; i >= minKeep; i-- {
		c, ok := classifyTail(lines[i])
		if !ok {
			if blockWords(lines[i]) <= 6 && !tailRx().rxTerminal.MatchString(lines[i]) {
				pending++
				continue
			}
			break
		}
		if pending > 0 {
			if !c.tagLabel {
				break
			}
			for j := i + 1; j <= i+pending; j++ {
				classes[j] = tailLine{kind: model.ExtraTags}
			}
			pending = 0
		}
		classes[i] = c
		keep = i
	}
	for i := keep; i < len(lines); i++ {
		c := classes[i]
		extras = append(extras, model.Extra{Kind: c.kind, Text: lines[i], Href: contactHref(lines[i])})
		if c.kind == model.ExtraBio && c.byline != "" {
			byline = c.byline
			site = strings.TrimRight(c.site, ".,;: ")
		}
	}
	if byline == "" {
		for i := keep; i < len(lines); i++ {
			if classes[i].byline != "" {
				byline = classes[i].byline
				break
			}
		}
	}
	return keep, extras, byline, site
}

// contactHref returns a link for the first email address or web address in a tail line, or "".
// The result is built from a strict pattern and checked against the sanitizer's link rule.
func contactHref(line string) string {
	if !mayHaveContact(line) {
		return "" // neither pattern can match: they read the whole line to fail
	}
	href := ""
	if m := tailRx().rxEmail.FindString(line); m != "" {
		href = "mailto:" + m
	} else if m := tailRx().rxURL.FindString(line); m != "" {
		m = strings.TrimRight(m, ".,;:)]")
		if !strings.Contains(strings.ToLower(m), "://") {
			m = "https://" + m
		}
		href = m
	}
	if href == "" || !safeHref(href) {
		return ""
	}
	return href
}
