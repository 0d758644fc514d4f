package article

import "unicode"

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
		if s.has || near[i] < 0 {
			continue
		}
		if !isUtterance(ps, ps.qtok[i]) && !(!ps.de && near[i] == i-1 && (resumesAfterOpener(ps, ps.qtok[i-1], ps.qtok[i]) || coordinatedFragment(ps, ps.qtok[i-1], ps.qtok[i]) || resumesAtEnd(ps, ps.qtok[i-1], ps.qtok[i]))) {
			continue
		}
		if !ps.de && (colonLeadIn(ps, ps.qtok[i]) || ownTagAfter(ps, ps.qtok[i]) || addresseeTag(ps, ps.qtok[i])) {
			continue
		}
		o := segs[near[i]]
		s.m, s.has, s.ent = o.m, true, o.ent
		s.m.rule = ruleCarryParagraph
	}
}

// colonLeadIn reports whether the quotation at token qi follows a lead-in of its own sentence that
// opens with a preposition, ends with a colon and holds no other quotation and no speech verb (one
// after a determiner is a noun: "the report"): "From the report: “…”", "In the ruling: “…”". Such
// a lead-in names the document the words come from, so the speaker of a quotation nearby is no
// safe guess.
func colonLeadIn(ps *paraState, qi int) bool {
	ts := ps.toks
	if qi < 2 || !ts[qi-1].isPunct(":") {
		return false
	}
	lo := sentenceStart(ps, qi)
	if lo >= qi-1 || !ts[lo].is(lxPreposition) {
		return false
	}
	for j := lo + 1; j < qi-1; j++ {
		if ts[j].kind() == tQuote || isVerb(ts[j]) && !ts[j-1].is(lxDeterminer) {
			return false
		}
	}
	return true
}

// ownTagAfter reports whether the quotation at token qi is followed, after at most a comma, by a
// speech verb in lower case: "“…,” said master of ceremonies at the school …". The quotation has a
// tag of its own that no rule could read, so the speaker of a quotation nearby is no safe guess.
func ownTagAfter(ps *paraState, qi int) bool {
	ts := ps.toks
	j := qi + 1
	if j < len(ts) && ts[j].isPunct(",") {
		j++
	}
	return j < len(ts) && isVerb(ts[j])
}

// resumesAfterOpener reports whether the quotation at token qi goes on with the words of the
// attributed quotation at token pq: qi's sentence follows the one that holds pq and its tag, and
// opens with a short phrase of lower-case words that holds no verb of its own before qi
// ("“…,” Trump said. Instead, “he just acts like a defeated man.”", "“…,” Hennessey added. But
// that’s not the same thing as “…”" is no such case: it has a verb).
func resumesAfterOpener(ps *paraState, pq, qi int) bool {
	ts := ps.toks
	lo := sentenceStart(ps, qi)
	if lo <= pq || lo == qi || qi-lo > 6 || lo-pq > 12 || ps.titleLike(ts[qi].q()) {
		return false
	}
	// The opener is one conjunction or adverb ("But “…”") or a phrase that a comma ends
	// ("Instead, “…”"); "It turns out even “…”" is a clause.
	if !ts[qi-1].isPunct(",") && !(qi-lo == 1 && (ts[lo].is(lxConjunction) || ts[lo].is(lxAdverb))) {
		return false
	}
	for j := lo; j < qi; j++ {
		t := ts[j]
		if t.kind() == tQuote || t.kind() == tWord && (t.cap() && j > lo || isVerb(t) || t.is(lxPronoun) || t.is(lxDeterminer)) {
			return false
		}
	}
	// The sentence before holds only the quotation at pq and its tag.
	for j := pq + 1; j < lo-1; j++ {
		if ts[j].isSentenceEnd() || ts[j].kind() == tQuote {
			return false
		}
	}
	return true
}

// minResumedWords is the fewest words of a quotation that resumesAtEnd takes for the speaker's
// own: a term of one or two words in marks is more often the writer's.
const minResumedWords = 4

// descriptionOpens are the determiners that open a description as a sentence's subject ("The
// agency declined …", "Her use of “…”"): the writer tells of someone else, and the quotation it
// ends is no safe guess for the speaker before.
var descriptionOpens = setOf("the", "a", "an", "his", "her", "their", "its", "our")

// resumesAtEnd reports whether the quotation at token qi ends the sentence right after the one
// that holds the attributed quotation at token pq and its tag, past words of the writer's that
// hold no speech verb and no other quotation: "“…,” Hennessey added. But that’s not the same thing
// as “properly chargeable under the law.”", "“…,” said Aida. Biden “kind of misspoke. This is not
// something he should talk about.”". The writer finishes the sentence in the speaker's words.
func resumesAtEnd(ps *paraState, pq, qi int) bool {
	ts := ps.toks
	lo := sentenceStart(ps, qi)
	if lo <= pq || lo == qi || qi-lo > 12 || lo-pq > 12 || ps.titleLike(ts[qi].q()) {
		return false
	}
	if qi+1 < len(ts) && !ts[qi+1].isSentenceEnd() && sentenceStart(ps, qi+1) != qi+1 {
		return false // the sentence goes on after the quotation
	}
	if sp := ps.spans[ts[qi].q()]; countWords(ps.rs[sp.start:sp.end]) < minResumedWords || descriptionOpens[ts[lo].lower()] {
		return false // "The agency declined to detail the investigation’s “…”": the writer's own subject
	}
	for j := lo; j < qi; j++ {
		if t := ts[j]; t.kind() == tQuote || isVerb(t) {
			return false
		}
	}
	for j := pq + 1; j < lo-1; j++ {
		if ts[j].isSentenceEnd() || ts[j].kind() == tQuote {
			return false
		}
	}
	return true
}

// carryChains gives every part of a quotation that runs over several paragraphs the attribution
// of its attributed part.
func (e *engine) carryChains() {
	// Forward: a part takes its previous part's attribution. A part that is only a bracketed note
	// (“(CROSSTALK.)”) or a passage that tells of others in the third person is passed over: the
	// part after it takes the attribution from before it. via[i] is the attributed part that such a
	// part i passes back to (-1 when none), so that each part is read once.
	var via []int
	var inRun []bool // the part is an item of a run after a colon part (listsAfterColon)
	for i := range e.segs {
		s := &e.segs[i]
		if s.has || s.prev < 0 {
			continue
		}
		if via == nil {
			via = make([]int, len(e.segs))
			inRun = make([]bool, len(e.segs))
			for k := range via {
				via[k] = -1
			}
		}
		p := s.prev
		if !e.segs[p].has {
			p = via[p] // -1 unless the part before was passed over
		}
		// A clip in a transcript ("“VIDEO: …") is passed over like a stage direction: the speaker
		// before it did not say it.
		stage := e.stageDirection(s) || e.clipPart(s)
		list := p >= 0 && p == s.prev && e.listsAfterColon(p, inRun)
		if !stage && (list || e.speaksInPerson(s)) {
			via[i] = -1
			inRun[i] = list
			if p >= 0 {
				s.m, s.has, s.ent = e.segs[p].m, true, e.segs[p].ent
				s.m.rule = ruleCarryChain
			}
			continue
		}
		via[i] = p
	}
	// Backward: “…␤“…,” he said.
	for i := len(e.segs) - 1; i >= 0; i-- {
		s := &e.segs[i]
		if s.has && s.prev >= 0 && !e.segs[s.prev].has && !e.stageDirection(&e.segs[s.prev]) && !e.clipPart(&e.segs[s.prev]) && e.speaksInPerson(&e.segs[s.prev]) {
			p := &e.segs[s.prev]
			p.m, p.has, p.ent = s.m, true, s.ent
			p.m.rule = ruleCarryChain
		}
	}
}

// listsAfterColon reports whether the next part of attributed part p goes on with p's speaker
// though it says no I, we or you: p is the whole of its paragraph, and it ends with a colon or is
// one item of a run that such a part opens (inRun[p]): "…Here they are:␤"Has the candidate …?␤"Is
// the candidate …?". A run of paragraphs that are each wholly one part of the quotation continues
// the colon paragraph's speaker.
func (e *engine) listsAfterColon(p int, inRun []bool) bool {
	o := &e.segs[p]
	ps := e.ps[o.para]
	return wholeParagraph(ps, ps.qtok[o.sp]) && (inRun[p] || ps.spans[o.sp].last == ':')
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
		if s.prev >= 0 && !e.speaksInPerson(s) || e.clipPart(s) {
			continue // a passage of an excerpt or a clip, as in carryChains
		}
		if len(ps.toks) > 1 && isStrongVerb(ps.toks[1]) {
			continue // “…,” tweeted another.: a tag of its own that the sieve could not read
		}
		if !ps.de && addresseeTag(ps, 0) {
			continue // “Will you run?” Smith was asked.: words said to Smith, by someone the tag does not name
		}
		ls := len(prev.spans) - 1
		last := &e.segs[prev.first+ls]
		if !last.has || last.ent == nil && (ps.de || last.m.kind != npDesc) {
			continue // (a description, "the statement", speaks on as a name does: English only)
		}
		if goesOn(prev, prev.qtok[ls]) {
			continue // the paragraph goes on after its last quotation's sentence
		}
		if prev.spans[ls].last == '?' && countWords(ps.rs[ps.spans[0].start:ps.spans[0].end]) <= 3 {
			// “Or do we make promises we can't keep?” Clinton asked.⏎“Nooooo!”: a short reply to
			// a question is someone else's answer.
			continue
		}
		if straightMark(ps, 0) != straightMark(prev, ls) && !e.speaksInPerson(s) {
			// “…,” Kelly charged.⏎"Trump tried to laugh it off …: a paragraph that opens with
			// marks of another kind than the speaker's quotation and tells of others in the
			// third person is a passage of an excerpt, not the speaker going on.
			continue
		}
		// Every attributed quotation of the paragraph before has the same speaker.
		same := true
		for k := 0; k <= ls; k++ {
			o := &e.segs[prev.first+k]
			if o.has && (o.ent != last.ent || o.ent == nil && (o.m.para != last.m.para || o.m.a != last.m.a || o.m.b != last.m.b)) {
				same = false
			}
		}
		if !same {
			continue
		}
		s.m, s.has, s.ent = last.m, true, last.ent
		s.m.rule = ruleCarryAcross
		// The rest of this paragraph's unattributed utterances follow.
		e.carryInParagraph(ps)
	}
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

// straightMark reports whether quotation si of the paragraph opens with a straight mark (" or ')
// rather than a typographic one (“ ‘ „ «).
func straightMark(ps *paraState, si int) bool {
	for i := ps.spans[si].start - 1; i >= 0 && i >= ps.spans[si].start-3; i-- {
		switch ps.rs[i] {
		case '"', '\'':
			return true
		case ' ', '\u00a0':
			continue
		}
		return false
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

// clipPart reports whether the part s opens with a label that names no speaker (opensWithClipLabel).
func (e *engine) clipPart(s *seg) bool {
	ps := e.ps[s.para]
	sp := ps.spans[s.sp]
	return opensWithClipLabel(ps.rs[sp.start:sp.end])
}

// speaksInPerson reports whether an English quotation reads as someone's words: it says I, we or
// you. A paragraph of an excerpt that opens with a mark and tells of others in the third person
// ("Kevin was snoring.", "Sen. Bernie Sanders took the stage …") is a passage of an article, which
// the newspaper rule would give to whoever was quoted before it. German quotations pass.
func (e *engine) speaksInPerson(s *seg) bool {
	ps := e.ps[s.para]
	if ps.de {
		return true
	}
	sp := ps.spans[s.sp]
	rs := ps.rs[sp.start:sp.end]
	var wbuf [len("yourselves") + 1]rune // the longest of personPronouns, and one rune to say longer
	w := wbuf[:0]
	for i := 0; i <= len(rs); i++ {
		if i < len(rs) && unicode.IsLetter(rs[i]) {
			if len(w) < cap(w) {
				w = append(w, unicode.ToLower(rs[i]))
			} else {
				w = w[:cap(w)] // too long for a pronoun: kept full, so that it matches none
			}
			continue
		}
		// "(I-Vt.)", "we-they": a word joined by a hyphen is no pronoun.
		if len(w) > 0 && len(w) < cap(w) && personPronouns[string(w)] && (i == len(rs) || rs[i] != '-') {
			return true
		}
		w = w[:0]
	}
	return false
}

// personPronouns are the first- and second-person words that mark a quotation as someone's words.
var personPronouns = setOf("i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves", "you", "your",
	"yours", "yourself", "yourselves")
