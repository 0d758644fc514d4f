package article

import (
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
	"verbatim/article/model"
)

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
	qtok  []int   // token index of each span
	title []uint8 // isTitleLike of each span, once worked out (see titleLike)
	words int     // word tokens outside quotations
	first int     // index in segs of the paragraph's first quotation
	subj  []subjectAt
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
}

// FindQuotes finds every quotation in paras and attributes it to a speaker. The paragraphs are
// untrusted article text: marks may be unbalanced and names may be anything; the work is linear in
// the text's length and a quotation never crosses a paragraph except by the newspaper rule (a
// quotation left open at a paragraph's end continues when the next paragraph opens with a mark).
// Quote offsets are code points in the paragraphs' text space, marks excluded.
func FindQuotes(paras []Paragraph) ([]model.Quote, []model.Speaker) {
	sc := scratches.Get().(*scratch)
	e := newEngine(sc)
	e.scan(paras)
	e.attribute()
	quotes, speakers := e.output()
	sc.keep(e)
	return quotes, speakers
}

// engine holds the state of one FindQuotes call, and lives for that call only: FindQuotes makes a
// new one for every article. Its slabs come from a scratch (see newEngine), which outlives it but
// holds nothing of the article once the engine is done; nothing FindQuotes returns points into
// either (quotations are cut from the paragraphs' text; mentions, cues, names and roles are strings
// of their own).
type engine struct {
	ps   []*paraState
	segs []seg
	rg   *registry
	// the speaker of the latest attributed quotation, for pronouns
	lastEnt           *entity
	lastPara, lastTok int
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
		k := decodeRunes(e.runes[start:cap(e.runes)], p.Text)
		e.runes = e.runes[:start+k]
		e.pstore[i] = paraState{p: p, rs: e.runes[start:len(e.runes):len(e.runes)]}
		e.ps[i] = &e.pstore[i]
	}
	e.spans, e.ints, e.bytes = e.spans[:0], e.ints[:0], e.bytes[:0]
	e.tz.reserve(e.ps)
	for i, ps := range e.ps {
		openAtEnd := i+1 < len(e.ps) && !e.ps[i+1].p.Headline && !ps.p.Headline && startsWithMark(e.ps[i+1].rs)
		e.marks = scanMarks(e.marks[:0], ps.rs)
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
		ps.toks = e.tz.tokenize(ps.rs, ps.spans)
		base = len(e.ints)
		e.ints = growLen(e.ints, base+len(ps.spans))
		ps.qtok = e.ints[base:len(e.ints):len(e.ints)]
		base = len(e.bytes)
		e.bytes = growLen(e.bytes, base+len(ps.spans))
		ps.title = e.bytes[base:len(e.bytes):len(e.bytes)]
		for ti, t := range ps.toks {
			switch t.kind() {
			case tQuote:
				ps.qtok[t.q()] = ti
			case tWord:
				ps.words++
			}
		}
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
	for pi, ps := range e.ps {
		if ps.p.Headline {
			continue
		}
		e.registerPara(ps)
		for si := range ps.spans {
			s := &e.segs[ps.first+si]
			qi := ps.qtok[si]
			var m match
			if titleAfterOwner(ps, qi) {
				continue
			}
			title := ps.titleLike(si) && !wholeParagraph(ps, qi)
			if title && qi > 0 && !ps.toks[qi-1].isSentenceEnd() && !ps.toks[qi-1].isPunct(":") && !ps.toks[qi-1].isPunct(",") {
				continue // a title inside a sentence: “… in his book ''An American Son,'' Mr. Rubio said”
			}
			m, ok := ruleAfter(ps, qi)
			if !ok && title {
				// A title or a name: only `,” X said` and `X said: “` link it.
				if m, ok = ruleIntro(ps, qi); ok {
					m.para = pi
					e.assign(s, m)
				}
				continue
			}
			for _, rule := range []func(*paraState, int) (match, bool){ruleLabelInside, ruleIntro, ruleLabel} {
				if ok {
					break
				}
				if m, ok = rule(ps, qi); ok {
					break
				}
			}
			if !ok && pi > 0 && wholeParagraph(ps, qi) {
				m, ok = e.ruleColon(pi)
			}
			if !ok && pi+1 < len(e.ps) && wholeParagraph(ps, qi) {
				if m, ok = ruleCreditLine(e.ps[pi+1]); ok {
					m.para = pi + 1
					e.rg.register(e.ps[pi+1])
					e.assign(s, m)
					continue
				}
			}
			if !ok {
				m, ok = ruleBefore(ps, qi)
			}
			if !ok {
				m, ok = ruleSentenceEnd(ps, qi)
			}
			if !ok {
				m, ok = ruleSubject(ps, qi)
			}
			if ok {
				if m.rule != "colon" {
					m.para = pi
				}
				e.assign(s, m)
			}
		}
		e.carryInParagraph(ps)
	}
	e.carryChains()
	e.carryAcross()
	e.headlines()
}

// ruleIntro is ruleBefore limited to quotations right after `said:` or `said,`.
func ruleIntro(ps *paraState, qi int) (match, bool) {
	m, ok := ruleBefore(ps, qi)
	if !ok || !m.intro {
		return match{}, false
	}
	return m, true
}

// ruleColon links a paragraph that is one whole quotation to the speaker of the paragraph before
// when that one ends with a colon.
func (e *engine) ruleColon(pi int) (match, bool) {
	prev := e.ps[pi-1]
	n := len(prev.toks)
	if prev.p.Headline || n == 0 || !prev.toks[n-1].isPunct(":") {
		return match{}, false
	}
	m, ok := walkBack(prev, n-1, sentenceStart(prev, n-1), true)
	if !ok {
		return match{}, false
	}
	m.para, m.rule, m.intro = pi-1, "colon", true
	return m, true
}

// registerPara records the paragraph's names and the names that open its sentences.
func (e *engine) registerPara(ps *paraState) {
	e.rg.register(ps)
	ts := ps.toks
	start := true
	for i := 0; i < len(ts); i++ {
		t := ts[i]
		if t.isSentenceEnd() || t.kind() == tQuote {
			start = true
			continue
		}
		if !start || t.kind() != tWord {
			continue
		}
		if t.cap() && t.is(lxCapStop) && !t.is(lxTitle) && (t.lower() == "but" || t.lower() == "and" || t.lower() == "then" || t.lower() == "still" || t.lower() == "so") {
			continue
		}
		start = false
		if t.cap() && (!t.is(lxCapStop) || t.is(lxTitle)) {
			j := nameRunEnd(ts, i, len(ts))
			if j > i {
				if ent := e.rg.resolveName(ps, i, j); ent != nil {
					ps.subj = append(ps.subj, subjectAt{tok: i, ent: ent})
				}
				i = j - 1
			}
		}
	}
}

// assign gives segment s the attribution m, resolving the mention to an entity.
func (e *engine) assign(s *seg, m match) {
	ps := e.ps[m.para]
	s.m, s.has = m, true
	if m.label {
		s.ent = e.rg.resolveLabel(ps, m.labelName)
		e.lastEnt, e.lastPara, e.lastTok = s.ent, m.para, 0
		return
	}
	switch m.kind {
	case npName:
		s.ent = e.rg.resolveName(ps, m.a, m.b)
	case npPronoun:
		s.ent = e.resolvePronoun(m.para, m.a)
	}
	if s.ent != nil {
		e.lastEnt, e.lastPara, e.lastTok = s.ent, m.para, m.a
	}
}

// resolvePronoun returns the entity a pronoun at token tok of paragraph pi most likely names: the
// later of the last attributed speaker and the last name that opened a sentence before it.
func (e *engine) resolvePronoun(pi, tok int) *entity {
	var best *entity
	bp, bt := -1, -1
	for p := pi; p >= 0 && p >= pi-2 && best == nil; p-- {
		subj := e.ps[p].subj
		k := len(subj) - 1
		if p == pi {
			// subj is in token order: the last one before the pronoun.
			k = sort.Search(len(subj), func(i int) bool { return subj[i].tok >= tok }) - 1
		}
		if k >= 0 {
			best, bp, bt = subj[k].ent, p, subj[k].tok
		}
	}
	if e.lastEnt != nil && (e.lastPara > bp || e.lastPara == bp && e.lastTok > bt) && (e.lastPara < pi || e.lastTok < tok) {
		return e.lastEnt
	}
	return best
}

// carryInParagraph gives an unattributed utterance the speaker of the nearest attributed quotation
// in the same paragraph: “A.” “B,” he said. Two passes keep it linear.
func (e *engine) carryInParagraph(ps *paraState) {
	n := len(ps.spans)
	segs := e.segs[ps.first : ps.first+n]
	near := make([]int, n) // the nearest attributed quotation before, or after when none is before
	last := -1
	for i := range segs {
		near[i] = last
		if segs[i].has {
			last = i
		}
	}
	next := -1
	for i := n - 1; i >= 0; i-- {
		if near[i] < 0 || next >= 0 && next-i < i-near[i] {
			near[i] = next
		}
		if segs[i].has {
			next = i
		}
	}
	for i := range segs {
		s := &segs[i]
		if s.has || near[i] < 0 || !isUtterance(ps, ps.qtok[i]) {
			continue
		}
		o := segs[near[i]]
		s.m, s.has, s.ent = o.m, true, o.ent
		s.m.rule = "carry-paragraph"
	}
}

// carryChains gives every part of a quotation that runs over several paragraphs the attribution
// of its attributed part.
func (e *engine) carryChains() {
	// Forward: a part takes its previous part's attribution.
	for i := range e.segs {
		s := &e.segs[i]
		if s.has || s.prev < 0 || e.stageDirection(s) {
			continue
		}
		p := s.prev
		for p >= 0 && !e.segs[p].has && e.stageDirection(&e.segs[p]) {
			p = e.segs[p].prev // “(CROSSTALK.)” between two parts of one speaker's words
		}
		if p >= 0 && e.segs[p].has {
			s.m, s.has, s.ent = e.segs[p].m, true, e.segs[p].ent
			s.m.rule = "carry-chain"
		}
	}
	// Backward: “…␤“…,” he said.
	for i := len(e.segs) - 1; i >= 0; i-- {
		s := &e.segs[i]
		if s.has && s.prev >= 0 && !e.segs[s.prev].has && !e.stageDirection(&e.segs[s.prev]) {
			p := &e.segs[s.prev]
			p.m, p.has, p.ent = s.m, true, s.ent
			p.m.rule = "carry-chain"
		}
	}
}

// carryAcross gives a paragraph that opens with an unattributed utterance the speaker of the
// paragraph before, when that paragraph ends with this speaker's attributed quotation.
func (e *engine) carryAcross() {
	for pi := 1; pi < len(e.ps); pi++ {
		ps, prev := e.ps[pi], e.ps[pi-1]
		if len(ps.spans) == 0 || ps.qtok[0] != 0 || prev.p.Headline || len(prev.spans) == 0 {
			continue
		}
		s := &e.segs[ps.first]
		if s.has || !isUtterance(ps, 0) || wholeParagraph(ps, 0) && isSingle(ps.spans[0].fam) {
			continue // a paragraph in single marks is a heading
		}
		ls := len(prev.spans) - 1
		last := &e.segs[prev.first+ls]
		if !last.has || last.ent == nil {
			continue
		}
		if goesOn(prev, prev.qtok[ls]) {
			continue // the paragraph goes on after its last quotation's sentence
		}
		// Every attributed quotation of the paragraph before has the same speaker.
		same := true
		for k := 0; k <= ls; k++ {
			o := &e.segs[prev.first+k]
			if o.has && o.ent != last.ent {
				same = false
			}
		}
		if !same {
			continue
		}
		s.m, s.has, s.ent = last.m, true, last.ent
		s.m.rule = "carry-across"
		// The rest of this paragraph's unattributed utterances follow.
		e.carryInParagraph(ps)
	}
}

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
				s.m.rule, s.m.intro = "headline", false
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
						s.m.para, s.m.a, s.m.b, s.m.kind = pi, a, ti+1, npName
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
}

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
			ent = e.rg.byLast[words[0]]
		} else {
			ent = e.rg.byName[strings.Join(words, " ")]
		}
		if ent == nil || len(ent.toks) < 2 && n == 1 {
			continue
		}
		// The headline must say that the person speaks: "Pence: …", "Flynn Says …".
		if n >= len(ts) || !ts[n].isPunct(":") && !(ts[n].kind() == tWord && ts[n].is(lxSpeechVerb)) {
			return
		}
		s.m = match{para: pi, a: 0, b: n, kind: npName, cue: -1, rule: "headline-subject"}
		s.has, s.ent = true, ent
		return
	}
}

// titleAfterOwner reports whether quotation token qi is a title after an owner or a preposition
// (“on ABC’s “This Week,””, “with "Fox and Friends"”): a name of a show or a book, said by nobody.
func titleAfterOwner(ps *paraState, qi int) bool {
	if qi == 0 {
		return false
	}
	if ps.toks[qi-1].lower() == "so-called" {
		return true // a so-called “term” is the writer's distance, nobody's words
	}
	if !ps.titleLike(ps.toks[qi].q()) {
		return false
	}
	p := ps.toks[qi-1]
	if p.isPunct(",") && qi >= 2 {
		p = ps.toks[qi-2] // "a spot titled, “Arrogant,”"
	}
	return p.kind() == tWord && (p.is(lxPossessive) || p.is(lxPreposition) || p.is(lxDeterminer) || p.is(lxTitledWord))
}

// titledWords introduce a title: “a spot titled “Arrogant””.
var titledWords = setOf("titled", "entitled", "named", "dubbed", "called", "headlined", "nicknamed", "book", "show",
	"program", "film", "movie", "song", "album", "anthem", "column", "podcast", "series", "titel", "buch", "film")

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
		if i < len(rs) && (unicode.IsLetter(rs[i]) || unicode.IsDigit(rs[i])) {
			buf = utf8.AppendRune(buf, unicode.ToLower(rs[i]))
			n++
			continue
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

// kindOf decides whether a quotation is direct, partial or scare.
func (e *engine) kindOf(s *seg) model.QuoteKind {
	ps := e.ps[s.para]
	sp := ps.spans[s.sp]
	qi := ps.qtok[s.sp]
	if !s.has {
		if countWords(ps.rs[sp.start:sp.end]) <= 4 || !unicode.IsUpper(firstContentRune(ps.rs, sp)) {
			return model.QuoteScare
		}
		return model.QuoteDirect
	}
	if s.m.intro || s.prev >= 0 || qi == 0 || sentenceStart(ps, qi) == qi {
		return model.QuoteDirect
	}
	return model.QuotePartial
}

func (e *engine) output() ([]model.Quote, []model.Speaker) {
	quotes := make([]model.Quote, 0, len(e.segs))
	var speakers []model.Speaker
	var cur textCursor
	for i := range e.segs {
		s := &e.segs[i]
		ps := e.ps[s.para]
		sp := ps.spans[s.sp]
		q := model.Quote{
			ID:    model.QuoteID("q" + strconv.Itoa(len(quotes)+1)),
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
			q.Mention = &model.Mention{Text: string(mp.rs[ms:me]), Start: mp.p.Start + ms, End: mp.p.Start + me}
			q.Cue = s.m.cueText
			if q.Cue == "" && s.m.cue >= 0 && s.m.cue < len(mp.toks) {
				q.Cue = mp.text(s.m.cue, s.m.cue+1)
			}
			if s.ent != nil {
				if s.ent.id == "" {
					s.ent.id = model.SpeakerID("s" + strconv.Itoa(len(speakers)+1))
					speakers = append(speakers, model.Speaker{ID: s.ent.id, Name: s.ent.name, Role: s.ent.role})
				}
				sk := &speakers[speakerIndex(s.ent.id)]
				sk.Quotes++
				q.Speaker, q.SpeakerID = s.ent.name, s.ent.id
				if s.m.kind == npName && q.Mention.Text != s.ent.name && !contains(sk.Aliases, q.Mention.Text) {
					sk.Aliases = append(sk.Aliases, q.Mention.Text)
				}
			}
		}
		quotes = append(quotes, q)
	}
	if speakers == nil {
		speakers = []model.Speaker{}
	}
	for i := range speakers {
		if speakers[i].Aliases == nil {
			speakers[i].Aliases = []string{}
		}
	}
	return quotes, speakers
}

// textCursor cuts the text of runes [a, b) of a paragraph out of the paragraph's string, which
// is what string(ps.rs[a:b]) gives when the string is valid UTF-8, without encoding the runes
// again. It walks each paragraph once: the ranges it is asked for go forward (the quotations of
// the paragraphs in order), and one that would go back is converted instead.
type textCursor struct {
	para  int  // the paragraph walked
	r, b  int  // the rune and byte offset reached in it
	valid bool // its text is valid UTF-8
	init  bool // para, r, b and valid are set
}

func (c *textCursor) slice(para int, ps *paraState, a, b int) string {
	if !c.init || c.para != para {
		*c = textCursor{para: para, valid: utf8.ValidString(ps.p.Text), init: true}
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
	for ; n > 0; n-- {
		if s[b] < utf8.RuneSelf {
			b++
			continue
		}
		_, size := utf8.DecodeRuneInString(s[b:])
		b += size
	}
	return b
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

func containsWord(words []string, w string) bool {
	for _, x := range words {
		if x == w {
			return true
		}
	}
	return false
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

// goesOn reports whether the paragraph holds another sentence after the one of token qi.
func goesOn(ps *paraState, qi int) bool {
	for i := qi + 1; i < len(ps.toks)-1; i++ {
		if ps.toks[i].isSentenceEnd() || ps.toks[i].kind() == tQuote {
			return true
		}
	}
	return false
}

func isSingle(f family) bool { return f == famSingle || f == famSingleGuil }

// stageDirection reports whether a quotation is only a bracketed note ("(CROSSTALK.)", "[Applause]"),
// which nobody says.
func (e *engine) stageDirection(s *seg) bool {
	sp := e.ps[s.para].spans[s.sp]
	return (sp.first == '(' || sp.first == '[') && (sp.last == ')' || sp.last == ']' || sp.last == '.')
}
