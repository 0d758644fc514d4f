package article

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxHeadlineQuotes bounds the headline quotations compared with the body's.
const maxHeadlineQuotes = 8

// headlines gives a headline quotation the speaker of a body quotation that holds all its words:
// a headline usually repeats what someone said.
func (e *engine) headlines() {
	var ci contentIndex
	for pi, ps := range e.ps {
		if !ps.p.Headline {
			continue
		}
		inHeadline := map[*entity]bool{}
		for si, sp := range ps.spans {
			if si >= maxHeadlineQuotes {
				break
			}
			words := contentWords(ps.rs[sp.start:sp.end])
			if len(words) == 0 {
				continue
			}
			if countWords(ps.rs[sp.start:sp.end]) <= maxHeadlineTermWords && !headlineSays(ps) {
				continue // a term in marks in a headline that says nobody speaks: "Trump tries new ‘chapter’"
			}
			ci.reset(words)
			for i := range e.segs {
				o := &e.segs[i]
				ops := e.ps[o.para]
				if ops.p.Headline || !o.has || o.ent == nil {
					continue
				}
				if osp := ops.spans[o.sp]; !ci.holdsAll(ops.rs[osp.start:osp.end]) {
					continue
				}
				named, ok := inHeadline[o.ent]
				if !ok {
					named = namesIn(ps, o.ent)
					inHeadline[o.ent] = named
				}
				if !named {
					continue
				}
				s := &e.segs[ps.first+si]
				s.m, s.has, s.ent = o.m, true, o.ent
				s.m.rule, s.m.intro = ruleHeadline, false
				// Prefer a mention of the speaker in the headline itself.
				last := o.ent.toks[len(o.ent.toks)-1]
				for ti, t := range ps.toks {
					if t.kind() == tWord && t.lower() == last {
						a := ti
						for a > 0 && ps.toks[a-1].kind() == tWord && containsWord(o.ent.toks, ps.toks[a-1].lower()) {
							a--
						}
						// The mention is now these headline words, not a transcript label of
						// the body's quotation (whose offsets are in another paragraph).
						// The cue stays the body's: its text, since its token is in the body.
						if s.m.cueText == "" && s.m.cue >= 0 && s.m.cue < len(ops.toks) {
							s.m.cueText = ops.text(s.m.cue, s.m.cue+1)
						}
						s.m.para, s.m.a, s.m.b, s.m.kind, s.m.cue = pi, a, ti+1, npName, -1
						s.m.label, s.m.labelName = false, ""
						break
					}
				}
				break
			}
			if s := &e.segs[ps.first+si]; !s.has && !titleAfterOwner(ps, ps.qtok[si]) {
				e.headlineSubject(pi, s)
			}
		}
	}
	e.titleCaseLines()
}

// titleCaseLines reads a heading in title case inside an English body as a headline is read: its
// quotations are the person's it opens with, when the body names that person and a speech verb
// or a colon follows the name ("Hillary Clinton Says EgyptAir Crash Seems Like An ‘Act Of
// Terrorism.’", "Maria Hinojosa Explained Why She Felt “Invisible” As A Child."). The verb's
// capital keeps the body's rules from reading it as one. A line of headings run together with
// dashes ("— Here’s What We Know— Hillary Clinton Says …") is read heading by heading.
func (e *engine) titleCaseLines() {
	for pi, ps := range e.ps {
		if ps.p.Headline || ps.de || len(ps.spans) == 0 || !titleCaseLine(ps) {
			continue
		}
		ts := ps.toks
		for a := 0; a < len(ts); {
			b := a + 1
			for b < len(ts) && !isDash(ts[b]) {
				b++
			}
			if isDash(ts[a]) {
				a++
			}
			if ent, k := e.titleLineSpeaker(ps, a, b); ent != nil {
				for si := range ps.spans {
					if s := &e.segs[ps.first+si]; !s.has && ps.qtok[si] > k && ps.qtok[si] < b {
						s.m = match{para: pi, a: a, b: k, kind: npName, cue: -1, rule: ruleHeadlineSubject}
						s.has, s.ent = true, ent
					}
				}
			}
			a = b
		}
	}
}

// isDash reports whether t is a dash that sets headings apart on one line.
func isDash(t tok) bool { return t.isPunct("—") || t.isPunct("–") }

// titleLineSpeaker returns the person a heading in title case [a, b) opens with and the index of
// the speech verb or colon after the name: one to three capitalised words the article gives as a
// full name ("Hillary Clinton Says"), which the body writes inside a sentence (insideCaps) when a
// colon follows them or they are one ("Sanders: …"), or nil.
func (e *engine) titleLineSpeaker(ps *paraState, a, b int) (*entity, int) {
	ts := ps.toks
	for k := a + 1; k <= a+3 && k < b; k++ {
		t := ts[k-1]
		if t.kind() != tWord || !t.cap() || t.is(lxCapStop) && !t.is(lxTitle) {
			return nil, 0
		}
		if v := ts[k]; !v.isPunct(":") && !(v.kind() == tWord && (v.is(lxSpeechVerb) || headlineVerbs[v.lower()])) {
			continue
		}
		words := make([]string, 0, k-a)
		for i := a; i < k; i++ {
			words = append(words, nameWord(ts[i]))
		}
		ent := e.rg.byName[strings.Join(words, " ")]
		if ent == nil && k == a+1 {
			ent = e.rg.byLast(words[0])
		}
		if ent == nil || len(ent.toks) < 2 {
			return nil, 0
		}
		if inBody := e.rg.insideCaps(words[len(words)-1]); !inBody && (ts[k].isPunct(":") || k == a+1) {
			// "Fact Check: ‘…’": a colon after capitalised words, or one word, names a person only
			// when the body writes the name inside a sentence (the line itself registers it).
			return nil, 0
		}
		return ent, k
	}
	return nil, 0
}

// maxTitleLineWords bounds the words of a line in title case inside the body.
const maxTitleLineWords = 24

// titleCaseLine reports whether a paragraph is one line in title case: three words or more outside
// its quotations, each capitalised or a number but the small ones ("of", "to", "a"), no sentence
// ending before its last token, and at most maxTitleLineWords words between dashes.
func titleCaseLine(ps *paraState) bool {
	words := 0
	for i, t := range ps.toks {
		if t.isSentenceEnd() && i < len(ps.toks)-1 {
			return false
		}
		if isDash(t) {
			words = min(words, 3) // headings run together: each is bounded
		}
		if t.kind() != tWord {
			continue
		}
		if words++; words > maxTitleLineWords {
			return false
		}
		if !t.cap() && !t.is(lxSmallWord) { // one of smallWords, which the word's flag says
			if r, _ := utf8.DecodeRuneInString(t.lower()); !unicode.IsDigit(r) {
				return false
			}
		}
	}
	return words >= 3
}

// maxHeadlineTermWords is the most words a headline quotation may have to be read as a term in
// marks, which takes a speaker only from a headline that says someone speaks.
const maxHeadlineTermWords = 3

// headlineSays reports whether a headline says that someone speaks: a colon after its speaker
// ("Trump: …"), a speech or naming verb ("Flynn says …", "Calderon calls …") or a verb by which
// headlines report an attack in words ("Obama slams …").
func headlineSays(ps *paraState) bool {
	for _, t := range ps.toks {
		if t.isPunct(":") || t.kind() == tWord && (t.is(lxSpeechVerb) || t.is(lxNamingVerb) || headlineVerbs[t.lower()]) {
			return true
		}
	}
	return false
}

// headlineVerbs report an attack or a stand in words, as headlines put it, beside the speech verbs
// (lxSpeechVerb), which both its readers ask first: "warns", "denies" or "mocks" is one of those
// already, and is not listed again.
var headlineVerbs = setOf("slams", "blasts", "rips", "knocks", "lashes", "hails", "praises", "touts",
	"defends", "jabs", "swipes", "insulted")

// headlineSubject gives a headline quotation to the person the headline opens with, when the body
// introduces that person: "Pence: … Trump Was ‘Mocking’ Clinton Camp", "Flynn says Trump
// 'absolutely right'".
func (e *engine) headlineSubject(pi int, s *seg) {
	ps := e.ps[pi]
	ts := ps.toks
	if len(ts) == 0 || ts[0].kind() != tWord || !ts[0].cap() {
		return
	}
	for n := min(3, len(ts)); n >= 1; n-- {
		words := make([]string, 0, n)
		ok := true
		for _, t := range ts[:n] {
			if t.kind() != tWord || !t.cap() {
				ok = false
				break
			}
			words = append(words, strings.TrimSuffix(t.lower(), "."))
		}
		if !ok {
			continue
		}
		var ent *entity
		if n == 1 {
			ent = e.rg.byLast(words[0])
		} else {
			ent = e.rg.byName[strings.Join(words, " ")]
		}
		if ent == nil && n >= 2 && n+1 < len(ts) && ts[n].isPunct(":") && ts[n+1].kind() == tQuote && e.namedInBody(words[n-1]) {
			// "Cecile Richards: ‘I’m Sick Of …’": a full name, a colon and the quotation is the
			// headline's own attribution, when the body names the person ("Richards also spoke").
			ent = e.rg.resolveName(ps, 0, n)
		}
		if ent == nil || len(ent.toks) < 2 && n == 1 {
			continue
		}
		// The headline must say that the person speaks: "Pence: …", "Flynn Says …".
		if n >= len(ts) || !ts[n].isPunct(":") && !(ts[n].kind() == tWord && ts[n].is(lxSpeechVerb)) {
			return
		}
		s.m = match{para: pi, a: 0, b: n, kind: npName, cue: -1, rule: ruleHeadlineSubject}
		s.has, s.ent = true, ent
		return
	}
	if n := headlineColonSource(ps); n > 0 && !ps.de {
		// "Milbank: Republicans ‘Waving The Flag Of Surrender’ To Trump", "WSJ editorial: ‘…’":
		// the words before the colon that opens the headline are its source, named in the body
		// or not.
		if ent := e.rg.resolveName(ps, 0, n); ent != nil {
			s.m = match{para: pi, a: 0, b: n, kind: npName, cue: -1, rule: ruleHeadlineSubject}
			s.has, s.ent = true, ent
		}
	}
}

// headlineColonSource returns the number of words before a colon that opens an English headline
// when they name its source: at most three words, the first capitalised and none a word that
// opens no name (capStop: "The Latest:") or a kicker (headlineKickers: "Exclusive:"), and no
// quotation before the colon. 0 when there is none.
func headlineColonSource(ps *paraState) int {
	ts := ps.toks
	for n := 0; n < len(ts) && n <= 3; n++ {
		t := ts[n]
		if t.isPunct(":") {
			if n == 0 || n+1 >= len(ts) {
				return 0
			}
			return n
		}
		if t.kind() != tWord || n == 0 && !t.cap() || t.cap() && t.is(lxCapStop) && !t.is(lxTitle) || headlineKickers[t.lower()] {
			return 0
		}
	}
	return 0
}

// headlineKickers are the labels a headline may open with before a colon that name no source:
// "Exclusive: …", "Watch: …", "Poll: …", "Fact Check: …".
var headlineKickers = setOf("exclusive", "breaking", "update", "updated", "updates", "video", "watch", "analysis", "opinion",
	"live", "photos", "photo", "listen", "read", "latest", "review", "explainer", "podcast", "poll", "fact", "factcheck",
	"fact-check", "correction", "editor's", "editor’s", "note", "timeline", "q&a", "interview", "transcript", "full", "text")

// contentWords returns the lower-case words of three letters or more.
func contentWords(rs []rune) map[string]bool {
	m := map[string]bool{}
	eachContentWord(rs, nil, func(w []byte) { m[string(w)] = true })
	return m
}

// eachContentWord calls f with each content word of rs, in order: each run of letters and digits
// of three runes or more, lower-cased. The word is written in buf, which is returned for reuse;
// f must not keep it.
func eachContentWord(rs []rune, buf []byte, f func(w []byte)) []byte {
	buf, n := buf[:0], 0 // the word being read and its length in runes
	for i := 0; i <= len(rs); i++ {
		if i < len(rs) {
			// An ASCII letter or digit is read without unicode's tables: most runes of most
			// quotations are.
			if r := rs[i]; r < utf8.RuneSelf {
				if 'a' <= r && r <= 'z' || '0' <= r && r <= '9' {
					buf = append(buf, byte(r))
					n++
					continue
				}
				if 'A' <= r && r <= 'Z' {
					buf = append(buf, byte(r+'a'-'A'))
					n++
					continue
				}
			} else if unicode.IsLetter(r) || unicode.IsDigit(r) {
				buf = utf8.AppendRune(buf, unicode.ToLower(r))
				n++
				continue
			}
		}
		if n >= 3 {
			f(buf)
		}
		buf, n = buf[:0], 0
	}
	return buf
}

// contentIndex tells whether a text holds every word of a set of content words (the set of
// contentWords of the text holds all of them) by walking the text's words, without building their
// set.
type contentIndex struct {
	idx  map[string]int // the words, numbered
	seen []bool         // the words seen in the text walked
	buf  []byte         // scratch space for a word
}

// reset makes the index one of words.
func (c *contentIndex) reset(words map[string]bool) {
	if c.idx == nil {
		c.idx = map[string]int{}
	}
	clear(c.idx)
	for w := range words {
		c.idx[w] = len(c.idx)
	}
	c.seen = growLen(c.seen[:0], len(c.idx))
}

// holdsAll reports whether every word of the index is one of the content words of rs
// (eachContentWord).
func (c *contentIndex) holdsAll(rs []rune) bool {
	clear(c.seen)
	found := 0
	c.buf = eachContentWord(rs, c.buf, func(w []byte) {
		if k, ok := c.idx[string(w)]; ok && !c.seen[k] {
			c.seen[k] = true
			found++
		}
	})
	return found == len(c.idx)
}

// namesIn reports whether the paragraph names the entity (any word of its name).
func namesIn(ps *paraState, ent *entity) bool {
	for _, t := range ps.toks {
		if t.kind() == tWord && t.cap() && containsWord(ent.toks, t.lower()) {
			return true
		}
	}
	return false
}

func containsWord(words []string, w string) bool {
	for _, x := range words {
		if x == w {
			return true
		}
	}
	return false
}

// namedInBody reports whether the body names someone with the word w (lower case, no final
// period): a person registered with that last word, or a word capitalised inside a sentence.
func (e *engine) namedInBody(w string) bool {
	s := e.rg.slot(w)
	return s != nil && (s.last != nil || s.mid)
}
