package article

import (
	"slices"
	"strconv"
	"unicode"
	"unicode/utf8"

	"verbatim/article/model"
)

// This file holds the quote engine: its entry points (FindQuotes), the scan of the paragraphs
// into quotations and tokens, the attribution of each quotation by the rules, the assignment of
// its speaker and the output of quotes and speakers. Mentions that are no name (pronouns,
// demonstratives, German offices) are resolved in resolve.go.

// Paragraph is one block's plain text as the quote engine sees it. Start is the code-point offset of
// Text in the article's text space; Headline marks the title line.
type Paragraph struct {
	Block    model.BlockID
	Text     string
	Start    int
	Headline bool
}

// paraState is one paragraph during quote finding.
type paraState struct {
	p     Paragraph
	rs    []rune
	spans []span
	toks  []tok
	caps  []int32 // the index of each capitalised word among toks, in order (see readWords)
	qtok  []int   // token index of each span
	title []uint8 // isTitleLike of each span, once worked out (see titleLike)
	// sentStart is sentenceStart of each span's token plus one, once worked out (0: not yet): most
	// rules ask it of the quotation they try.
	sentStart []int
	words     int // word tokens outside quotations
	first     int // index in segs of the paragraph's first quotation
	subj      []subjectAt
	de        bool // the article is in German (see lang.go)
	valid     bool // p.Text is valid UTF-8
	idx       int  // the paragraph's index in the article
	// atRune and atByte are a rune offset in p.Text and its byte offset: where runeText reached.
	atRune, atByte int
	// wide lists the runes of p.Text of more than one byte, as scanMarks passed them (see byteAt):
	// none when the text is ASCII, or has more than maxWideShare allows.
	wide []wideRune
}

// speakerAt is an attributed speaker and the token of paragraph para that named it.
type speakerAt struct {
	ent       *entity
	para, tok int
}

// subjectAt is a name that opens a sentence: the usual referent of a later "he" or "she".
type subjectAt struct {
	tok int
	ent *entity
}

// seg is one quotation (one paragraph's part of it, under the newspaper rule).
type seg struct {
	para, sp int
	m        match
	has      bool
	ent      *entity
	prev     int // the quotation's part in the paragraph before, or -1
	// described says that ent is the mention's description itself, which output made the
	// speaker when the mention resolved to no one (describedSpeaker): the rules saw no speaker.
	described bool
}

// FindQuotes finds every quotation in paras and attributes it to a speaker. The paragraphs are
// untrusted article text: marks may be unbalanced and names may be anything; the work is linear in
// the text's length and a quotation never crosses a paragraph except by the newspaper rule (a
// quotation left open at a paragraph's end continues when the next paragraph opens with a mark).
// Quote offsets are code points in the paragraphs' text space, marks excluded. The language is
// told from the text (FindQuotesLang takes a declared one).
func FindQuotes(paras []Paragraph) ([]model.Quote, []model.Speaker) {
	return FindQuotesLang(paras, "")
}

// FindQuotesLang is FindQuotes for text in the language lang, a language tag such as "de" or
// "en-US" (model.Article.Lang): it picks the language-specific rules. An empty tag, or one of a
// language the engine does not know, leaves the language to be told from the text.
func FindQuotesLang(paras []Paragraph, lang string) ([]model.Quote, []model.Speaker) {
	quotes, speakers, _ := findQuotes(paras, lang)
	return quotes, speakers
}

// findQuotes is FindQuotesLang, and returns the words of the paragraphs but the headline too, as
// blockWords counts them: it reads every rune of them (see decodeRunes), and Parse needs the count.
func findQuotes(paras []Paragraph, lang string) ([]model.Quote, []model.Speaker, int) {
	sc := scratches.Get().(*scratch)
	quotes, speakers, words := sc.findQuotes(paras, lang)
	sc.lens = keep(sc.lens, maxKeptParas)
	scratches.Put(sc)
	return quotes, speakers, words
}

// findQuotes is findQuotes with the memory of sc, which it leaves cleared (see keep).
func (sc *scratch) findQuotes(paras []Paragraph, lang string) ([]model.Quote, []model.Speaker, int) {
	e := newEngine(sc)
	e.scan(paras)
	e.setLang(lang)
	e.attribute()
	quotes, speakers := e.output()
	words := e.bodyWords
	// The code points of each paragraph, for the quote marker (quoteMarker.apply), which would
	// count them again.
	sc.lens = growLen(sc.lens[:0], len(e.ps))
	for i, ps := range e.ps {
		sc.lens[i] = len(ps.rs)
	}
	sc.keep(e)
	return quotes, speakers, words
}

// engine holds the state of one FindQuotes call, and lives for that call only: FindQuotes sets a
// new one up for every article, in a scratch (see newEngine), whose slabs it cuts its memory from;
// the scratch outlives it but holds nothing of the article once the engine is done (keep clears
// both); nothing FindQuotes returns points into
// either (quotations are cut from the paragraphs' text; mentions, cues, names and roles are strings
// of their own).
type engine struct {
	ps   []*paraState
	segs []seg
	rg   *registry
	// the speaker of the latest attributed quotation, for pronouns
	lastEnt           *entity
	lastPara, lastTok int
	lastPerson        speakerAt // the latest of them who is a person, for German "er" and "sie"
	marks             []mark
	stack             []int
	tz                tokenizer
	// The paragraphs' states, their runes, spans, quotation token indexes and titles, cut from one
	// slab each.
	pstore []paraState
	runes  []rune
	spans  []span
	ints   []int
	bytes  []uint8
	subjs  []subjectAt // the slab the paragraphs' subj are cut from
	caps   []int32     // the slab the paragraphs' caps are cut from (see readWords)
	wide   []wideRune  // the slab the paragraphs' wide runes are cut from (see scanMarks)
	// bodyWords is the words of the paragraphs but the headline (see findQuotes).
	bodyWords int
	// before is ruleBefore's answer for quotation token beforeQ-1, kept for the one runSieve that
	// asked it (0: none; see ruleBeforeOnce).
	beforeQ  int
	before   match
	beforeOK bool
}

// setLang sets the language of the scanned paragraphs: the one lang declares, or else the one
// their words tell (readWords, which lists their capitalised words as well).
func (e *engine) setLang(lang string) {
	l := e.readWords()
	if d := langOf(lang); d != "" {
		l = d
	}
	for _, ps := range e.ps {
		ps.de = l == langDE
		if ps.de {
			continue
		}
		// An English quotation that reads as a work's title may stand inside an apposition, which
		// the rules that see only tokens pass over (see titleInApposition).
		for si, sp := range ps.spans {
			w := ps.toks[ps.qtok[si]].w
			if titleShaped(ps.rs, sp) {
				w.flags |= lxQuoteTitle
			}
			if sp.last == ',' {
				w.flags |= lxQuoteComma
			}
		}
	}
}

func (e *engine) scan(paras []Paragraph) {
	e.ps = growLen(e.ps, len(paras))
	e.pstore = growLen(e.pstore, len(paras))
	e.runes = e.runes[:0]
	// A text has no more code points than bytes: a slab that holds the bytes needs no count.
	if cap(e.runes) < textBytes(paras) {
		if n := textRunes(paras); cap(e.runes) < n {
			e.runes = make([]rune, 0, n)
		}
	}
	for i, p := range paras {
		start := len(e.runes)
		k, valid, words := decodeRunes(e.runes[start:cap(e.runes)], p.Text)
		if !p.Headline {
			e.bodyWords += words
		}
		e.runes = e.runes[:start+k]
		e.pstore[i] = paraState{p: p, rs: e.runes[start:len(e.runes):len(e.runes)], valid: valid, idx: i}
		e.ps[i] = &e.pstore[i]
	}
	e.spans, e.ints, e.bytes, e.wide = e.spans[:0], e.ints[:0], e.bytes[:0], e.wide[:0]
	e.tz.reserve(e.ps)
	for i, ps := range e.ps {
		openAtEnd := i+1 < len(e.ps) && !e.ps[i+1].p.Headline && !ps.p.Headline && startsWithMark(e.ps[i+1].rs)
		// The wide runes are listed for a valid text that may have few enough: it has at least a
		// third as many as bytes more than runes, so a text that surely has too many allocates no
		// list to give it up.
		most := len(ps.p.Text) / maxWideShare
		if !ps.valid || len(ps.p.Text)-len(ps.rs) > 3*most {
			most = 0
		}
		wbase := len(e.wide)
		e.marks, e.wide = scanMarks(e.marks[:0], ps.rs, ps.p.Text, e.wide, most)
		ps.wide = e.wide[wbase:len(e.wide):len(e.wide)]
		base := len(e.spans)
		// A quotation takes two marks, or one that runs to the paragraph's end: room for them all
		// at once, so that a paragraph of many quotations does not grow the slab step by step.
		e.spans = slices.Grow(e.spans, len(e.marks)/2+1)
		e.spans, e.stack = pairMarks(e.spans, e.marks, len(ps.rs), openAtEnd, e.stack)
		// Drop empty quotations ("" or “ ”).
		kept := e.spans[base:base]
		for _, sp := range e.spans[base:] {
			if sp.first, sp.last = contentEnds(ps.rs, sp.start, sp.end); sp.first != 0 {
				kept = append(kept, sp)
			}
		}
		e.spans = e.spans[:base+len(kept)]
		ps.spans = e.spans[base:len(e.spans):len(e.spans)]
		base = len(e.ints)
		e.ints = growLen(e.ints, base+len(ps.spans))
		ps.qtok = e.ints[base:len(e.ints):len(e.ints)]
		base = len(e.ints)
		e.ints = growLen(e.ints, base+len(ps.spans))
		ps.sentStart = e.ints[base:len(e.ints):len(e.ints)]
		ps.toks, ps.words = e.tz.tokenize(ps.rs, ps.p.Text, ps.spans, ps.qtok)
		base = len(e.bytes)
		e.bytes = growLen(e.bytes, base+len(ps.spans))
		ps.title = e.bytes[base:len(e.bytes):len(e.bytes)]
		ps.first = len(e.segs)
		e.segs = slices.Grow(e.segs, len(ps.spans)) // one growth a paragraph, to the room it needs at least
		for si := range ps.spans {
			prev := -1
			if si == 0 && i > 0 && ps.qtok[0] == 0 {
				pp := e.ps[i-1]
				if n := len(pp.spans); n > 0 && !pp.spans[n-1].closed {
					prev = pp.first + n - 1
				}
			}
			e.segs = append(e.segs, seg{para: i, sp: si, prev: prev})
		}
	}
}

func (e *engine) attribute() {
	if len(e.ps) > 0 && e.ps[len(e.ps)-1].de { // setLang gives every paragraph the same language
		e.rg.commonWordsDe(e.ps)
	} else {
		e.rg.heads = e.rg.heads[:0]
		for _, ps := range e.ps {
			if !ps.p.Headline {
				e.rg.noteInsideCaps(ps)
			} else {
				e.rg.heads = append(e.rg.heads, ps)
			}
		}
		e.rg.paras = e.ps
	}
	for pi, ps := range e.ps {
		if ps.p.Headline {
			continue
		}
		e.registerPara(pi, ps)
		for si := range ps.spans {
			s := &e.segs[ps.first+si]
			qi := ps.qtok[si]
			if titleAfterOwner(ps, qi) || isAddress(ps.rs[ps.spans[si].start:ps.spans[si].end]) {
				continue
			}
			if colonTitle(ps, qi) || parenGloss(ps, qi) || sourceName(ps, qi) || termNamed(ps, qi) {
				ps.title[si] = titleYes // no utterance, so no carry gives it a speaker either
				continue
			}
			title := ps.titleLike(si) && !wholeParagraph(ps, qi) && !colonSentence(ps, qi)
			if title && qi > 0 && !ps.toks[qi-1].isSentenceEnd() && !ps.toks[qi-1].isPunct(":") && !ps.toks[qi-1].isPunct(",") && !(!ps.de && isCry(ps.toks[qi-1])) {
				// A title inside a sentence: “… in his book ''An American Son,'' Mr. Rubio said”.
				// German capitalises its nouns, so there it may be a term someone used, after a
				// naming verb: "nannte den Bericht eine „Zeitungsente“".
				// After "als" it is a term, which only the one who names it with "als" used.
				if ps.de && alsTerm(ps.toks, qi) {
					if m, ok := e.runSieve(pi, qi, scopeAls); ok {
						e.assign(s, m)
					}
				} else if ps.de && (quotedTerm(ps.toks, qi) && (namedBefore(ps, qi) || saidBefore(ps, qi) || saidAfter(ps, qi)) || speechObject(ps, qi) || termBeforeVerb(ps.toks, qi) || inscription(ps, qi) || viewTermDe(ps, qi)) {
					if m, ok := e.runSieve(pi, qi, scopeTerm); ok {
						e.assign(s, m)
					}
				} else if !ps.de {
					// An English title may be a name someone gave: "he called Rubio “Little Marco”".
					if m, ok := e.runSieve(pi, qi, scopeNickname); ok {
						e.assign(s, m)
					}
				}
				continue
			}
			sc := scopeUtterance
			if title {
				sc = scopeTitle
			}
			if wholeParagraph(ps, qi) {
				sc |= scopeWhole
			}
			if m, ok := e.runSieve(pi, qi, sc); ok {
				e.assign(s, m)
			}
		}
		if ps.de {
			e.carrySubject(pi)
		}
		e.carryInParagraph(ps)
		if ps.de {
			e.carryReported(pi)
			e.carryListed(ps)
		}
	}
	e.carryChains()
	e.carryAcross()
	e.headlines()
}

// registerPara records the paragraph's names and the names that open its sentences.
func (e *engine) registerPara(pi int, ps *paraState) {
	e.rg.register(ps)
	base := len(e.subjs) // ps.subj is cut from e.subjs
	ts := ps.toks
	if creditLine(ts) {
		ts = nil
	}
	start := true
	for i := 0; i < len(ts); i++ {
		if !start {
			// Inside a sentence: go on to its end or the next quotation, loading the tokens'
			// words alone.
			for i < len(ts) && ts[i].w.flags&lxSentenceEnd == 0 && ts[i].w.kind != tQuote {
				i++
			}
			start = true
			continue
		}
		t := ts[i]
		if t.isSentenceEnd() || t.kind() == tQuote {
			continue
		}
		if t.kind() != tWord {
			continue
		}
		if t.cap() && t.is(lxCapStop) && !t.is(lxTitle) && (t.lower() == "but" || t.lower() == "and" || t.lower() == "then" || t.lower() == "still" || t.lower() == "so") {
			continue
		}
		start = false
		if ps.de {
			// German capitalises its nouns: only a person's name is kept (see subjectDe).
			a, b, next, ok := e.rg.subjectDe(ps, i)
			if ok {
				if ent := e.rg.resolveName(ps, a, b); ent != nil {
					ent.person = true
					e.subjs = append(e.subjs, subjectAt{tok: a, ent: ent})
				}
			} else if ent := e.officeSubjectDe(pi, i); ent != nil {
				e.subjs = append(e.subjs, subjectAt{tok: i, ent: ent})
			}
			i = next - 1
			continue
		}
		if t.cap() && t.is(lxCapStop) && !t.is(lxTitle) && !t.is(lxPronoun) && !t.is(lxDeterminer) || sentenceAdverb(ts, i) {
			// "Later, Marco Rubio claimed …", "On Tuesday, Trump said …", "Nationally, he …": a
			// short opening phrase and a comma; the subject follows it.
			for c := i + 1; c < len(ts) && c-i <= 4 && ts[c].kind() == tWord || c < len(ts) && ts[c].isPunct(","); c++ {
				if ts[c].isPunct(",") {
					i, start = c, true
					if j := nameRunEnd(ts, c+1, len(ts)); j > c+1 && j < len(ts) && ts[j].isPunct(",") {
						i = j // "In Portland, Maine, he said": a place's state, then the subject
					}
					break
				}
			}
			continue
		}
		if t.cap() && (!t.is(lxCapStop) || t.is(lxTitle)) {
			j := nameRunEnd(ts, i, len(ts))
			if j == i+1 && openerWord(ts, i, len(ts)) {
				// "Speaking to reporters, Trump said": the subject follows the opening phrase.
				for c := i + 1; c < len(ts) && c-i <= 12 && !ts[c].isSentenceEnd(); c++ {
					if ts[c].isPunct(",") {
						i, start = c, true
						break
					}
				}
				continue
			}
			if j > i {
				a := i
				common := false // a common word opens the sentence: registered, but no pronoun stands for it
				if !ps.de {
					if n := nameAfterDescription(ts, i, j, len(ts)); n > j {
						a, j = n, nameRunEnd(ts, n, len(ts)) // "Former Democratic candidate Bernie Sanders said"
					} else if n := nameAfterOwner(ts, j); n > j {
						a, j = j+1, n // "Port Hope’s Tom Baker said": the owner's person
					} else if !subjectName(ps, i, j) {
						i = j - 1
						continue
					}
					common = j == a+1 && e.rg.commonOpener(ps, a)
				}
				if ent := e.rg.resolveName(ps, a, j); ent != nil && !common {
					e.subjs = append(e.subjs, subjectAt{tok: a, ent: ent})
					ent.note(reporterPronoun(ts, j))
				}
				i = j - 1
				continue
			}
		}
	}
	ps.subj = e.subjs[base:len(e.subjs):len(e.subjs)]
}

// sentenceAdverb reports whether the capitalised word at k, which opens a sentence, is an adverb
// in -ly (openingLyAdverb) set off by a comma ("Nationally, …", "Ultimately, …", "Additionally,
// …"): it speaks of the sentence, never names its subject.
func sentenceAdverb(ts []tok, k int) bool {
	return k+1 < len(ts) && ts[k+1].isPunct(",") && openingLyAdverb(ts[k])
}

// openingLyAdverb reports whether t, a capitalised word that opens a sentence, is an adverb in -ly
// of six letters or more ("Mostly", "Hastily", "Ultimately"), which sentenceAdverb and openerWord
// read as no name. A shorter one stays a name ("Kelly, …", "Early, …"), as isLyAdverb keeps "Only".
func openingLyAdverb(t tok) bool {
	if t.kind() != tWord || !t.cap() {
		return false
	}
	w := t.lower()
	return len(w) >= 6 && isLyAdverb(w)
}

// isAddress reports whether a quotation is a web address ("http://video.foxnews.com" in an
// attribute left in the text, "www.example.com"), which nobody says.
func isAddress(rs []rune) bool {
	for len(rs) > 0 && isSpaceRune(rs[0]) {
		rs = rs[1:]
	}
	if len(rs) == 0 || rs[0] != 'h' && rs[0] != 'H' && rs[0] != 'w' && rs[0] != 'W' {
		return false // no prefix below can open it: most quotations stop here
	}
	for _, p := range [...]string{"http://", "https://", "www."} {
		if hasPrefixFold(rs, p) {
			for _, r := range rs {
				if isSpaceRune(r) {
					return false
				}
			}
			return true
		}
	}
	return false
}

// hasPrefixFold reports whether rs opens with the ASCII string p, whatever the case.
func hasPrefixFold(rs []rune, p string) bool {
	if len(rs) < len(p) {
		return false
	}
	for i := 0; i < len(p); i++ {
		if unicode.ToLower(rs[i]) != rune(p[i]) {
			return false
		}
	}
	return true
}

// creditLine reports whether a paragraph is a photo credit: one capitalised word, or two joined
// by a punctuation mark, and a period ("Getty.", "Getty/Instagram."). It names no one a later "he"
// may mean. (A two-word name alone, "Bernie Sanders.", heads a section about that person.)
func creditLine(ts []tok) bool {
	if len(ts) < 2 || len(ts) > 4 || !ts[len(ts)-1].isSentenceEnd() {
		return false
	}
	words := 0
	for _, t := range ts[:len(ts)-1] {
		switch {
		case t.kind() == tWord && t.cap():
			words++
		case t.kind() != tPunct || t.isSentenceEnd():
			return false
		}
	}
	return words == 1 || words == 2 && len(ts) == 4
}

// assign gives segment s the attribution m, resolving the mention to an entity.
func (e *engine) assign(s *seg, m match) {
	ps := e.ps[m.para]
	s.m, s.has = m, true
	quiet := false // the speaker names nobody a later pronoun stands for
	if m.label {
		s.ent = e.rg.resolveLabel(ps, m.labelName)
		e.setLast(s.ent, ps.de, m.para, 0)
		return
	}
	if ps.de {
		if ent, named := e.rg.sourceOwnerDe(ps, m); ent != nil {
			// "hieß es aus Regierungskreisen", "hieß es in der Rede des Kanzlers Olaf Scholz":
			// the circle or the text's named owner (source_owner_de.go).
			s.ent = ent
			if named {
				e.setLast(ent, true, m.para, m.a)
			}
			return
		}
	}
	switch m.kind {
	case npName:
		if ps.de && orgKindPhraseDe(ps.toks, m.a, m.b) {
			// "Die Nachrichtenagentur schrieb": the organisation of that kind named last
			// (resolveOfficeDe), before the words read as a name.
			if s.ent = e.resolveOfficeDe(m.para, m.a, m.b); s.ent != nil {
				break
			}
		}
		if ps.de {
			var src *entity
			if saidNounDe(ps.toks[m.a].lower()) {
				src = e.rg.sourceAfterNounDe(ps, m.a, m.b) // before the run registers as a name
			}
			s.ent = e.rg.resolveNameDe(ps, m.a, m.b)
			e.rg.describedSubjectDe(ps, m.a, m.b, s.ent) // "Die Gewerkschaft sagte"
			if s.ent != nil && src != nil {
				// "laut Angaben von Hans Hansen", read as a name: the source shows, as below;
				// the quotation rates as before (resolved) and names nobody a pronoun later
				// stands for.
				s.ent = src
				return
			}
			if s.ent != nil && pluralCueDe(ps.toks, m) {
				s.ent.group = true
			}
			if s.ent != nil && s.ent.name == ps.text(m.a, m.b) {
				// "laut Süddeutscher Zeitung", "vom Deutschen Wetterdienst": the name shows in
				// the nominative (nominativeNameDe).
				if n := nominativeNameDe(ps, m); n != "" {
					s.ent.name = n
				}
			}
		} else {
			s.ent = e.rg.resolveName(ps, m.a, m.b)
		}
	case npPronoun:
		var ent *entity
		if ps.de && demonstrativesDe[ps.toks[m.a].lower()] {
			ent = e.resolveDemonstrative(m.para, m.a)
		}
		if ent == nil {
			ent = e.resolvePronoun(m.para, m.a)
			if !ps.de && ent != nil && subjectBefore(ps, ent, m.a) {
				ent.note(pronounGender(ps.toks[m.a]))
			}
		}
		if ent == nil && ps.de {
			ent = e.namedBeforeDe(m.para, m.a)
		}
		s.ent = ent
	case npRelative:
		s.ent = e.resolveRelative(m.para, m.a)
		// "She met Jordan Kim, who thinks the boats are “too slow.”": a relative clause that is
		// no speech gives the quotation to its antecedent, but the speaker a later "she said"
		// stands for stays the last one who spoke (relativeSpoke).
		quiet = !ps.de && !relativeSpoke(ps.toks, m.cue)
	case npDesc:
		if ps.de && m.b-m.a == 2 && ps.toks[m.a].is(lxDeterminer) && ageNoun(ps.toks[m.a+1].lower()) {
			// "Der 58-Jährige habe …": the noun of age stands for the person named last, as a
			// demonstrative does.
			s.ent = e.resolveDemonstrative(m.para, m.a)
		} else if ps.de {
			// "„…“, sagte der 58-jährige Mann": the description shows as it does before the
			// verb ("Der 58-jährige Mann sagte", which a rule reads as a name).
			s.ent = e.rg.personNounPhraseDe(ps, m.a, m.b)
			if s.ent != nil && pluralCueDe(ps.toks, m) {
				s.ent.group = true
			}
		}
	}
	if ps.de && s.ent == nil && (m.kind == npName || m.kind == npDesc) {
		// "Der Bundespräsident sagte": the person named last with that office.
		s.ent = e.resolveOfficeDe(m.para, m.a, m.b)
		s.m.holder = s.ent != nil
	}
	if ps.de && s.ent == nil && (m.kind == npName || m.kind == npDesc) {
		// "schrieb die in New York City geborene Lopez": an attribute before the surname of a
		// person the article named in full is that person (attributedSurnameDe).
		s.ent = e.attributedSurnameDe(m.para, m.a, m.b)
	}
	if ps.de && s.ent == nil {
		if ent := e.rg.quotedNameDe(ps, m.a, m.b); ent != nil {
			// "laut „Reuters“", "die Wochenzeitschrift „Jungle World“": the name in marks
			// shows. It names nobody a pronoun later stands for.
			s.ent = ent
			return
		}
	}
	if ps.de && s.ent == nil && (m.kind == npName || m.kind == npDesc) && (m.rule == ruleAfterVerbName || speechSubjectRuleDe(m.rule) || ownSourceDe(ps.toks, m)) {
		if ent := e.rg.officePhraseDe(ps, m.a, m.b); ent != nil {
			// "Der Regierungssprecher sagte: „…“", "„…“, sagte ein Ermittler", when nobody the
			// article names holds the office: the office shows, as "Der Geschäftsführer sagte"
			// does. It names nobody a pronoun later stands for, and rates as before.
			s.ent, s.m.office = ent, true
			return
		}
	}
	if ps.de && s.ent == nil && m.kind == npDesc && m.rule == ruleAfterVerbName && plainDescriptionDe(ps.toks, m.a, m.b) {
		// "„…“, sagte der Sprecher der Regierung", "„…“, teilte die Polizei mit": the
		// description after the verb shows as the same words before it do ("Der Sprecher der
		// Regierung sagte", "Die Polizei teilte mit"), which a rule reads as a name.
		s.ent = e.rg.resolveNameDe(ps, m.a, m.b)
		e.rg.describedSubjectDe(ps, m.a, m.b, s.ent) // "teilte die Polizei mit"
	}
	if ps.de && s.ent == nil && m.kind == npDesc && (speechSubjectRuleDe(m.rule) || ownSourceDe(ps.toks, m)) && subjectShownDe(ps.toks, m) {
		// "Der Sprecher der Regierung gab eine Erklärung ab: „…“", "Das zuständige Gericht
		// sagte: „…“": the subject shows as the words of the same description that a rule reads
		// as a name ("Der Sprecher der Regierung sagte"), from its head noun on ("Der 30-jährige
		// Trainer" shows "Trainer"). It names nobody a pronoun later stands for: pronouns
		// resolve as they did.
		s.ent = e.rg.resolveNameDe(ps, headDe(ps.toks, m.a, m.b), m.b)
		e.rg.describedSubjectDe(ps, headDe(ps.toks, m.a, m.b), m.b, s.ent)
		return
	}
	if ps.de && s.ent == nil && m.kind == npDesc && (m.rule == ruleAccordingTo || saidNounDe(ps.toks[m.a].lower())) {
		// "nach Angaben der Polizei", "nach Angaben eines Sprechers des Ministeriums": the source
		// after the noun of what was said shows, in the nominative ("Polizei", "Sprecher des
		// Ministeriums"; sourceAfterNounDe). It names nobody a pronoun later stands for: pronouns
		// resolve as they did.
		s.ent = e.rg.sourceAfterNounDe(ps, m.a, m.b)
		return
	}
	if (s.ent != nil || m.kind == npDesc && m.rule == ruleBeforeSubject) && !ps.de && (m.rule == ruleBeforeVerb || m.rule == ruleBeforeSubject) {
		e.nearestMention(s)
	}
	if s.ent != nil && !quiet {
		e.setLast(s.ent, ps.de, m.para, m.a)
	}
}

// setLast records ent, named at token tok of paragraph pi, as the latest attributed speaker, and
// as the latest person too when it may be one (in German, see pronounTarget).
func (e *engine) setLast(ent *entity, de bool, pi, tok int) {
	if ent == nil {
		return
	}
	e.lastEnt, e.lastPara, e.lastTok = ent, pi, tok
	if !de || e.rg.pronounTarget(ent) {
		e.lastPerson = speakerAt{ent: ent, para: pi, tok: tok}
	}
}

// nearestMention moves segment s's mention to the pronoun that names the same speaker nearest
// before the cue, when one opens a clause between the mention and the cue: "Retired Col. Lawrence
// Wilkerson started the rant when he brought up the bombing and later said, “…”", "Christie
// acknowledged some plagiarism even as he defended the campaign, saying, “…”". The speaker stays;
// the mention is the one the speech verb hangs on.
func (e *engine) nearestMention(s *seg) {
	ps := e.ps[s.m.para]
	ts := ps.toks
	if s.m.cue <= s.m.b || s.m.cue > len(ts) {
		return
	}
	for p := s.m.cue - 1; p >= s.m.b; p-- {
		t := ts[p]
		if t.isSentenceEnd() || t.kind() == tQuote {
			return
		}
		if t.kind() != tWord || t.cap() && p > s.m.b && !ts[p-1].isSentenceEnd() && !ts[p-1].isPunct(",") || !t.is(lxPronoun) {
			continue
		}
		if w := t.lower(); w != "he" && w != "she" || p+1 >= s.m.cue || ts[p+1].kind() != tWord || ts[p+1].cap() {
			continue
		}
		if q := p - 1; q >= s.m.b && ts[q].kind() == tWord && (isVerb(ts[q]) || ts[q].lower() == "that") {
			return // "He says he respects Clinton and calls her “…”": the reported clause's subject
		}
		if r := e.resolvePronoun(s.m.para, p); r == s.ent || s.ent == nil {
			// A description that opens the sentence is no person of the registry: "When Robby
			// Mook, Clinton’s campaign manager was asked …, he laughed and said, “…”".
			s.m.a, s.m.b, s.m.kind, s.ent = p, p+1, npPronoun, r
		}
		return
	}
}

// kindOf decides whether a quotation is direct, partial or scare.
func (e *engine) kindOf(s *seg) model.QuoteKind {
	ps := e.ps[s.para]
	sp := ps.spans[s.sp]
	qi := ps.qtok[s.sp]
	if !s.has {
		if countWords(ps.rs[sp.start:sp.end]) <= 4 || !unicode.IsUpper(firstContentRune(ps.rs, sp)) || titleAfterOwner(ps, qi) {
			return model.QuoteScare
		}
		return model.QuoteDirect
	}
	if s.m.intro || s.prev >= 0 || qi == 0 || sentenceStart(ps, qi) == qi || !ps.de && endsSentenceInside(ps, qi-1) && unicode.IsUpper(firstContentRune(ps.rs, sp)) {
		return model.QuoteDirect
	}
	return model.QuotePartial
}

// output returns the quotations and their speakers. A speaker is numbered in the order its first
// quotation comes, and the speakers are counted first, so that their array is allocated once.
func (e *engine) output() ([]model.Quote, []model.Speaker) {
	quotes := make([]model.Quote, 0, len(e.segs))
	mentions := make([]model.Mention, 0, len(e.segs)) // the quotes' mentions, cut from one array
	n := 0
	var described describedState
	for i := range e.segs {
		if s := &e.segs[i]; s.has && s.ent == nil {
			s.ent = e.describedSpeaker(s, &described)
			s.described = s.ent != nil && !s.m.holder
		}
		if s := &e.segs[i]; s.has && s.ent != nil && s.ent.id == "" {
			n++
			s.ent.id = model.SpeakerID(numberedID('s', n))
		}
	}
	speakers := make([]model.Speaker, n)
	var cur textCursor
	for i := range e.segs {
		s := &e.segs[i]
		ps := e.ps[s.para]
		sp := ps.spans[s.sp]
		q := model.Quote{
			ID:    model.QuoteID(numberedID('q', len(quotes)+1)),
			Block: ps.p.Block,
			Text:  cur.slice(s.para, ps, sp.start, sp.end),
			Start: ps.p.Start + sp.start,
			End:   ps.p.Start + sp.end,
			Kind:  e.kindOf(s),
		}
		if s.has {
			mp := e.ps[s.m.para]
			var ms, me int
			if s.m.label {
				ms, me = s.m.ls, s.m.le
			} else {
				ms, me = int(mp.toks[s.m.a].s), int(mp.toks[s.m.b-1].e)
			}
			mentions = append(mentions, model.Mention{Text: mp.runeText(ms, me), Start: mp.p.Start + ms, End: mp.p.Start + me})
			q.Mention = &mentions[len(mentions)-1]
			q.Rule, q.Confidence = s.m.rule.String(), confidence(s.m, s.ent != nil && !s.described, mp.de)
			q.Holder = s.m.holder
			q.Cue = s.m.cueText
			if q.Cue == "" && s.m.cue >= 0 && s.m.cue < len(mp.toks) {
				q.Cue = mp.text(s.m.cue, s.m.cue+1)
			}
			if s.ent != nil {
				sk := &speakers[speakerIndex(s.ent.id)]
				if sk.ID == "" {
					*sk = model.Speaker{ID: s.ent.id, Name: s.ent.name, Role: s.ent.role, Described: s.ent.described}
				}
				sk.Quotes++
				q.Speaker, q.SpeakerID = s.ent.name, s.ent.id
				if s.m.kind == npName && q.Mention.Text != s.ent.name && !contains(sk.Aliases, q.Mention.Text) {
					sk.Aliases = append(sk.Aliases, q.Mention.Text)
				}
			}
		}
		quotes = append(quotes, q)
	}
	for i := range speakers {
		if speakers[i].Aliases == nil {
			speakers[i].Aliases = []string{}
		}
	}
	return quotes, speakers
}

// runeText returns the text of runes [a, b) of the paragraph, as string(ps.rs[a:b]), with nothing
// to encode or allocate when the paragraph is valid UTF-8: a cut of its string, at once when the
// paragraph is ASCII, at the bytes its wide runes give when scanMarks listed them (see byteAt),
// else found from the place the last call reached (rules ask for names and roles from left to
// right, or a few words back). A range that starts further back than maxRuneTextBack from that
// place is encoded instead, as is an invalid paragraph's (an invalid byte is one rune, U+FFFD):
// the walks cost no more than the text, however the calls jump.
func (ps *paraState) runeText(a, b int) string {
	text := ps.p.Text
	switch {
	case ps.valid && len(ps.wide) > 0:
		return ps.wideText(a, b)
	case !ps.valid || a < ps.atRune-maxRuneTextBack:
		return string(ps.rs[a:b])
	case len(text) == len(ps.rs):
		return text[a:b]
	}
	for ; ps.atRune > a; ps.atRune-- {
		_, size := utf8.DecodeLastRuneInString(text[:ps.atByte])
		ps.atByte -= size
	}
	ps.atByte = advanceRunes(text, ps.atByte, a-ps.atRune)
	ps.atRune = a
	return text[ps.atByte:advanceRunes(text, ps.atByte, b-a)]
}

// wideText returns the text of runes [a, b) of a paragraph whose text is valid and whose wide
// runes scanMarks listed: a cut at the bytes they give (see byteAt). runeText and textCursor.slice
// both call it; it is not inlined (byteAt's two halvings are over the budget), so that they keep
// their ASCII case inline, and only a paragraph past ASCII pays the call.
func (ps *paraState) wideText(a, b int) string {
	return ps.p.Text[ps.byteAt(a):ps.byteAt(b)]
}

// maxRuneTextBack is how far back runeText walks from the place it reached.
const maxRuneTextBack = 64

// textCursor cuts the text of runes [a, b) of a paragraph out of the paragraph's string, which
// is what string(ps.rs[a:b]) gives when the string is valid UTF-8, without encoding the runes
// again. An ASCII paragraph is cut at once, and one whose wide runes scanMarks listed at the bytes
// they give; another is walked once: the ranges it is asked for go forward (the quotations of the
// paragraphs in order), and one that would go back is converted instead.
type textCursor struct {
	para  int  // the paragraph walked
	r, b  int  // the rune and byte offset reached in it
	valid bool // its text is valid UTF-8
	init  bool // para, r, b and valid are set
}

func (c *textCursor) slice(para int, ps *paraState, a, b int) string {
	if ps.valid && len(ps.p.Text) == len(ps.rs) {
		return ps.p.Text[a:b] // ASCII: a rune a byte
	}
	if ps.valid && len(ps.wide) > 0 {
		return ps.wideText(a, b)
	}
	if !c.init || c.para != para {
		*c = textCursor{para: para, valid: ps.valid, init: true}
	}
	if !c.valid || a < c.r {
		return string(ps.rs[a:b])
	}
	text := ps.p.Text
	c.b, c.r = advanceRunes(text, c.b, a-c.r), a
	start := c.b
	c.b, c.r = advanceRunes(text, c.b, b-c.r), b
	return text[start:c.b]
}

// advanceRunes returns the byte offset n runes after byte offset b of the valid UTF-8 text s.
func advanceRunes(s string, b, n int) int {
	b, _ = skipRunes(s, b, n)
	return b
}

// wideRune is a rune of more than one byte in a paragraph's valid text: its index among the
// paragraph's runes, and how many bytes the text has more than runes up to its end (scanMarks lists
// them).
type wideRune struct{ r, extra int32 }

// maxWideShare bounds the list of a paragraph's wide runes (see scanMarks) to one for each
// maxWideShare bytes of its text: at 8 bytes an entry, half a byte for each byte of the text at
// most, where a text of wide runes only (Cyrillic, a run of curly marks) would have a list of up to
// four times its size. A paragraph with more is walked as before (runeText, textCursor). News in
// Latin script has a wide rune in tens of bytes or more.
const maxWideShare = 16

// byteAt returns the byte offset in the paragraph's valid text of rune r, from the list of its
// wide runes (ps.wide): r itself plus the bytes more than runes of the wide runes before it, found
// by halving. Rules ask for the text of names, roles and quotations here and there, and a walk
// from the start or from the place the last call reached would read the text again for each.
func (ps *paraState) byteAt(r int) int {
	lo, hi := 0, len(ps.wide) // the first wide rune at r or after is in [lo, hi]
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if int(ps.wide[m].r) < r {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo == 0 {
		return r
	}
	return r + int(ps.wide[lo-1].extra)
}

func speakerIndex(id model.SpeakerID) int {
	n, _ := strconv.Atoi(string(id[1:]))
	return n - 1
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// orgKindPhraseDe reports whether the German mention [a, b) is a noun of a kind of organisation
// (orgKindDe) after a definite article, in the mention or right before it: "Die
// Nachrichtenagentur", "die Firma".
func orgKindPhraseDe(ts []tok, a, b int) bool {
	switch {
	case b-a == 2 && definiteDe[ts[a].lower()]:
		a++
	case b-a == 1 && a > 0 && definiteDe[ts[a-1].lower()]:
	default:
		return false
	}
	return ts[a].kind() == tWord && ts[a].cap() && orgKindDe(ts[a].lower())
}

// ownSourceDe reports whether the German match m is a source phrase "nach eigenen Angaben" read
// as its clause's subject (ownSourceSubjectDe: "Die Feuerwehr hat nach eigenen Angaben …"), whose
// description shows as the subject of a speech verb does.
func ownSourceDe(ts []tok, m match) bool {
	return m.rule == ruleAccordingTo && (m.b <= m.cue || m.a > m.cue) && m.cue >= 1 && m.cue < len(ts) && ts[m.cue-1].lower() == "eigenen"
}

// speechSubjectRuleDe reports whether German rule r reads its mention as the subject of the
// sentence's speech verb or of the clause before a colon, whose description shows as a speaker
// (subjectShownDe); a source phrase ("nach Angaben der Polizei"), a text ("heißt es in der
// Erklärung") or what "als" names is no such subject.
func speechSubjectRuleDe(r ruleID) bool {
	switch r {
	case ruleColonIntroID, ruleBeforeVerb, ruleBeforeVerbName, ruleSubjectID, ruleSentenceEndID, ruleCoordinatedID, ruleAsSaidID:
		return true
	}
	return false
}
