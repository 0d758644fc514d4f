package article

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file makes a speaker of a description that names no one: when a rule links a quotation to
// a description ("the spokesman said", "laut dem Sprecher") and the article names nobody it stands
// for, the description itself is the speaker, shown as a label (model.Speaker.Described). It runs
// after every rule, in output: the rules, the pronouns and the confidences see no speaker there, as
// before. Everything it reads is the mention's own tokens and the one before and after it.

// describedSpeaker returns the speaker that segment s's mention is when it is a description that
// resolved to nobody, or nil: an English description's words as written, its first letter
// capitalised ("The spokesman", "A campaign spokesman", "The union"), a German one in the
// nominative it has with no article (describedDe). Descriptions that differ only in their
// article and case are one speaker ("the spokesman" and "a spokesman", "der Sprecher" and "dem
// Sprecher"); English ones are kept in st, German ones in the registry, with the descriptions
// the German rules show (describedEntityDe). An English relative pronoun whose antecedent is a
// description is that description. An English description of an office the article names one
// person with is that person (holderEn), and s.m.holder says so. A pronoun, a name and a relative
// pronoun after one that resolved to nobody, and a transcript label, give none.
func (e *engine) describedSpeaker(s *seg, st *describedState) *entity {
	m := s.m
	if m.kind == npRelative && !m.label && m.a >= 0 && !e.ps[m.para].de && m.a < len(e.ps[m.para].toks) {
		// "the Mexican president, who said that …": the relative pronoun's antecedent, a
		// description, is the speaker.
		if a, b, kind := relativeAntecedent(e.ps[m.para].toks, m.a); kind == npDesc {
			m.a, m.b, m.kind = a, b, npDesc
		}
	}
	if m.label || m.kind != npDesc || m.a < 0 || m.b <= m.a {
		return nil
	}
	ps := e.ps[m.para]
	if m.b > len(ps.toks) {
		return nil
	}
	if ps.de {
		return e.rg.describedDe(ps, m)
	}
	ent, holder := e.describedEn(ps, m, st)
	s.m.holder = holder
	return ent
}

// describedState is what output keeps while it makes described speakers: the English
// descriptions made speakers, by key (describedEn), and the article's holders of offices
// (holderEn).
type describedState struct {
	seen    map[string]*entity
	holders holderIndex
}

// notHeadsEn are English words a description may end in that describe nobody as a label would:
// "another said", "both said", "one of them said" read as descriptions, but "Another" is no label.
var notHeadsEn = setOf("another", "one", "both", "others", "other", "some", "many", "most", "several", "few",
	"all", "each", "either", "neither", "none", "two", "three", "four", "latter", "former", "who", "it", "this",
	"that", "these", "those", "they", "percent")

// describedEn returns the English description [m.a, m.b) as a described speaker: labelled by its
// words as written, the first capitalised, and kept by its words in lower case without a leading
// "the", "a" or "an", so that "a spokesman" and "the spokesman" are one speaker. A description
// whose last word is a pronoun, a determiner or a word of notHeadsEn gives none. A description of
// an office the article names one person with is that person, and holder is true (holderEn),
// unless a name in apposition right after it says who it is (appositiveNameEn).
func (e *engine) describedEn(ps *paraState, m match, st *describedState) (ent *entity, holder bool) {
	rg, ts := e.rg, ps.toks
	if ent := e.holderEn(ps, m, &st.holders); ent != nil && rg.appositiveNameEn(ps, m.b) == nil {
		return ent, true
	}
	m.b = postmodifierStartEn(ts, m.a, m.b)
	h := ts[m.b-1]
	if hw := h.lower(); h.kind() != tWord || h.is(lxPronoun) || h.is(lxDeterminer) || notHeadsEn[hw] || startsWithDigit(hw) {
		return nil, false
	}
	if ent := rg.appositiveNameEn(ps, m.b); ent != nil {
		return ent, false
	}
	n := 0
	for i := m.a; i < m.b; i++ {
		if ts[i].kind() == tWord {
			n++
		}
	}
	words := rg.newWords(n)[:0] // cut from the registry's slabs, as every entity's words are
	for i := m.a; i < m.b; i++ {
		if ts[i].kind() == tWord {
			words = append(words, ts[i].lower())
		}
	}
	keyWords := words
	if len(keyWords) > 1 {
		switch keyWords[0] {
		case "the", "a", "an":
			keyWords = keyWords[1:]
		}
	}
	key := strings.Join(keyWords, " ")
	if ent := st.seen[key]; ent != nil {
		return ent, false
	}
	ent = rg.newEntity(capitalFirst(ps.text(m.a, m.b)), words, "")
	ent.described = true
	if st.seen == nil {
		st.seen = map[string]*entity{}
	}
	st.seen[key] = ent
	return ent, false
}

// appositiveNameEn returns the person an English description ending at token b names in an
// appositive right after it ("said the market’s organiser, Lena Fischer."), or nil: a comma, then a
// name of two words or more that ends at a comma, the sentence's end or the paragraph's. The
// description is that person, not a speaker of its own.
func (rg *registry) appositiveNameEn(ps *paraState, b int) *entity {
	ts := ps.toks
	if b+2 >= len(ts) || !ts[b].isPunct(",") || ts[b+1].kind() != tWord || !ts[b+1].cap() || ts[b+1].is(lxCapStop) {
		return nil
	}
	j := nameRunEnd(ts, b+1, len(ts))
	if j-(b+1) < 2 || j < len(ts) && !ts[j].isPunct(",") && !ts[j].isSentenceEnd() {
		return nil
	}
	if ent := rg.resolveName(ps, b+1, j); ent != nil && len(ent.toks) >= 2 && !groupEntity(ent) {
		return ent
	}
	return nil
}

// postmodifiersEn are the English words that open a clause after a description's head ("a court
// document filed in May", "a source familiar with the talks", "a reporter can be heard") and are
// no head themselves.
var postmodifiersEn = setOf("known", "familiar", "close", "involved", "can", "could", "may", "might", "will",
	"would", "was", "is", "has", "had")

// postmodifierStartEn returns where the English description [a, b) ends before a participle, an
// adjective or a verb that opens a clause after its head: "A court document filed" is "A court
// document", "One Democrat familiar" "One Democrat", "A reporter can be heard" "A reporter", "A
// speech Mrs. Clinton delivered" "A speech".
// Words in lower case after a head that is no determiner only; the head stays when nothing is
// left before it.
func postmodifierStartEn(ts []tok, a, b int) int {
	for k := a + 1; k < b; k++ {
		t := ts[k]
		if t.kind() != tWord || t.cap() || ts[k-1].is(lxDeterminer) {
			continue
		}
		if w := t.lower(); postmodifiersEn[w] || len(w) > 4 && strings.HasSuffix(w, "ed") && k+1 < len(ts) && ts[k+1].kind() == tWord && ts[k+1].is(lxPreposition) {
			// "A speech Mrs. Clinton delivered": a name of two words or more after a lower-case
			// head is the clause's subject, and the clause opens with it ("One well-connected
			// Democrat familiar" keeps its one capitalised word, the head).
			r := k
			for r-1 > a && ts[r-1].kind() == tWord && ts[r-1].cap() {
				r--
			}
			if r < k-1 && ts[r-1].kind() == tWord && !ts[r-1].cap() && !ts[r-1].is(lxDeterminer) {
				return r
			}
			return k
		}
	}
	return b
}

// capitalsWord reports whether w is written in capitals, two letters or more and no lower-case
// one: an acronym ("CDU", "IWF"), which names an organisation, or a label in capitals.
func capitalsWord(w string) bool {
	n := 0
	for _, r := range w {
		switch {
		case unicode.IsLower(r):
			return false
		case unicode.IsUpper(r):
			n++
		}
	}
	return n >= 2
}

// eventNounsDe are German nouns of an occasion for speech: "in der Rede", "im Interview" say
// where something was said, and its speaker is who gave the speech.
var eventNounsDe = setOf("rede", "ansprache", "interview", "predigt", "vortrag", "gespräch", "sitzung", "debatte",
	"pressekonferenz", "diskussion", "anhörung", "talkshow", "sendung")

// eventNounDe reports whether the lower-case German noun w is an occasion for speech
// (eventNounsDe), or a compound ending in "rede" ("Thronrede", "Neujahrsansprache" ends in one).
func eventNounDe(w string) bool {
	if eventNounsDe[w] || strings.HasSuffix(w, "rede") {
		return true
	}
	for n := range eventNounsDe {
		if len(w) > len(n)+3 && strings.HasSuffix(w, n) {
			return true
		}
	}
	return false
}

// occasionBeforeDe reports whether "in" or "bei" governs the German noun h, with or without an
// article between ("in der Rede", "im Interview", "beim Vortrag").
func occasionBeforeDe(ts []tok, h int) bool {
	for k := h - 1; k >= 0 && k >= h-3; k-- {
		if ts[k].kind() != tWord {
			return false
		}
		switch ts[k].lower() {
		case "in", "bei", "im", "beim":
			return true
		}
		if !ts[k].is(lxDeterminer) && ts[k].cap() {
			return false
		}
	}
	return false
}

// capitalFirst returns s with its first letter upper case.
func capitalFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError || unicode.IsUpper(r) {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// describedDe returns the German description [m.a, m.b) as a described speaker, labelled from its
// head noun on in the nominative it has with no article, as the German rules show a description
// (describedEntityDe, which keeps it by that label): a subject's article tells its case, and its
// adjectives take the strong ending ("der neue Sprecher" is "neuer Sprecher",
// nominativeDescriptionDe). After "laut" or a preposition, before "zufolge" or for the
// according-to rule the phrase is in the dative: "dem Sprecher", "einem Sprecher" and "der
// Sprecherin" are "Sprecher" and "Sprecherin", a weak noun in its nominative ("dem Polizisten" is
// "Polizist"), adjectives dropped (their gender is unknown); a genitive ("des Sprechers") is read by
// nominativeDescriptionDe. What follows the head stays ("dem Sprecher des Ministeriums" is
// "Sprecher des Ministeriums"). A phrase whose case its article does not tell ("den Ermittlern", the
// dative plural or an accusative) or a bare plural in the dative ("laut Ermittlern") gives none,
// as does a phrase with no capitalised head or with a word before it that is no adjective.
func (rg *registry) describedDe(ps *paraState, m match) *entity {
	ts := ps.toks
	a, b := m.a, m.b
	oblique := m.rule == ruleAccordingTo || a > 0 && ts[a-1].kind() == tWord && (ts[a-1].is(lxPreposition) || ts[a-1].lower() == "laut") ||
		b < len(ts) && ts[b].kind() == tWord && ts[b].lower() == "zufolge"
	det := ""
	if ts[a].kind() == tWord && ts[a].is(lxDeterminer) && b-a > 1 {
		det = ts[a].lower()
		a++
	} else if a > 0 && ts[a-1].kind() == tWord && ts[a-1].is(lxDeterminer) {
		det = ts[a-1].lower() // "nach dem Paragrafen": the article before the mention tells its case
	}
	h := a
	for h < b && ts[h].kind() == tWord && !ts[h].cap() {
		if ts[h].is(lxPreposition | lxConjunction | lxAdverb | lxDeterminer) {
			return nil // "die in Berlin geborene Krause": an attribute with a phrase is no label
		}
		h++
	}
	if m.rule == ruleItSaysID && m.a > 0 && textPrepositionsDe[ts[m.a-1].lower()] && h < b && saidNounDe(ts[h].lower()) {
		return rg.textOwnerDe(ps, h, b) // "hieß es in einer Mitteilung des Vereins"
	}
	if h >= b || ts[h].kind() != tWord || ts[h].is(lxCapStop|lxDeterminer|lxPronoun|lxAdverb|lxPreposition|lxConjunction) || saidNounDe(ts[h].lower()) {
		return nil
	}
	if det == "" && (h == 0 || ts[h-1].isSentenceEnd() || ts[h-1].kind() == tQuote) {
		return nil // "Darin steht: „…“": a capitalised word that opens a sentence may be any word
	}
	for i := h; i < b; i++ {
		if ts[i].kind() != tWord {
			return nil
		}
	}
	if l := ts[h].lower(); isAskedNounDe(l) || provisionNounsDe[l] {
		return nil // "lautete die Frage", "nach Artikel 12": no speaker's description
	}
	if eventNounDe(ts[h].lower()) && occasionBeforeDe(ts, h) {
		return nil // "hieß es in der Rede", "sagte er im Interview": the occasion, not who spoke
	}
	if h+1 < b {
		switch ts[h+1].lower() {
		case "des", "der", "eines", "einer", "von", "vom":
			// "Sprecher des Ministeriums": a genitive or "von" after the head stays
		default:
			return nil
		}
	}
	head := ps.text(h, h+1)
	var text string
	switch {
	case !oblique && (det == "der" || det == "die" || det == "das" || det == "ein" || det == "eine"):
		text = nominativeDescriptionDe(ps, det, false, a, b)
	case det == "des" || det == "eines":
		text = nominativeDescriptionDe(ps, det, true, a, b)
	case oblique && (det == "dem" || det == "einem"):
		if n, ok := weakNominativeDe(head); ok {
			head = n
		}
		text = head
	case oblique && (det == "der" || det == "einer"):
		text = head // the feminine dative: "laut der Sprecherin"
	case det == "" && h == a:
		if l := ts[h].lower(); oblique && (strings.HasSuffix(l, "ern") || strings.HasSuffix(l, "eln")) {
			return nil // "laut Ermittlern": a plural's dative
		}
		text = head
	default:
		return nil
	}
	if text == "" {
		return nil
	}
	if text == head && h+1 < b {
		text += " " + ps.text(h+1, b) // nominativeDescriptionDe keeps what follows the head
	}
	return rg.describedEntityDe(ps, text, h, b)
}
