package article

import "strings"

// lexFlag is a set of facts about a lower-case word that the attribution rules ask about every
// token: which lexicons hold it, and what shape it has. The tokenizer works them out once per
// distinct word of an article (see internTable.word), so that a rule asks a token with a bit test
// instead of a map lookup.
type lexFlag uint64

const (
	lxCapStop         lexFlag = 1 << iota // capStop holds the word
	lxTitle                               // titles
	lxSpeechVerb                          // speechVerbs
	lxGermanVerb                          // germanVerbs
	lxWeakVerb                            // weakVerbs
	lxNamingVerb                          // namingVerbs
	lxObjectVerb                          // objectVerbs
	lxPronoun                             // pronouns
	lxDeterminer                          // determiners
	lxPreposition                         // prepositions
	lxAdverb                              // adverbs
	lxConjunction                         // conjunctions
	lxParticle                            // particles
	lxSpeakerNoun                         // speakerNouns
	lxOfficeAdjective                     // officeAdjectives
	lxTitledWord                          // titledWords
	lxPossessive                          // isPossessive
	lxDay                                 // isDay

	// The shape flags are worked out when a rule first asks for one of them (see tok.shape),
	// since they cost more than a lookup and few words are asked.
	lxRole       // isRoleWord
	lxTitleNoDot // titles holds the word without a final period
	lxRoleNoDot  // isRoleWord of the word without a final period
	lxNominalDe  // isNominalAdjectiveDe: a German adjective used as a noun ("Positives")
	lxShapeKnown // the shape flags are worked out

	lxRoleWord    // roleWords holds the word (a part of isRoleWord; no rule asks it)
	lxMarkEN      // englishMarks: a frequent English function word, for readWords
	lxMarkDE      // germanMarks: a frequent German function word, for readWords
	lxSubjunctive // subjunctives: a German verb form of reported speech
	lxWorkNoun    // workNouns: a noun before a work's title

	lxSentenceEnd // the punctuation that ends a sentence (see tok.isSentenceEnd): no lexicon word has it
	lxQuoteTitle  // an English quotation that reads as a work's title (see titleShaped, setLang): no lexicon word has it
	lxQuoteComma  // an English quotation whose content ends with a comma: no lexicon word has it
	// lxInsideCaps marks a word that the article's registry has put in insideCaps already (see
	// noteInsideCaps), so that it is not written again: no lexicon word has it, and registry.reset
	// takes it off again, since a word says the same in every article.
	lxInsideCaps
	// lxMidCaps marks a word that the article's registry has noted as a one-word name inside a
	// sentence already (see registry.register), as lxInsideCaps does for insideCaps.
	lxMidCaps

	lxGivenMan   // givenNamesMen: an English given name of a man
	lxGivenWoman // givenNamesWomen: an English given name of a woman
	lxSmallWord  // smallWords: a word a title may keep in lower case
	lxStanceVerb // stanceVerbs: a verb by which a subject takes a stance in words
)

// lexSets are the lexicons whose words carry their flags, each declared once beside the rules
// that use it (wordList, fileList).
var lexSets = []lexicon{
	capStop, titles, speechVerbs, germanVerbs, weakVerbs, namingVerbs, objectVerbs, pronouns, determiners,
	prepositions, adverbs, conjunctions, particles, speakerNouns, officeAdjectives, titledWords, days, roleWords,
	englishMarks, germanMarks, subjunctives, workNouns, givenNamesMen, givenNamesWomen,
	smallWords, stanceVerbs,
}

// lexEntry is one word of lexTable.
type lexEntry struct {
	w    string
	flag lexFlag
}

// lexTable holds every word of lexSets with its flags: an open-addressing table keyed by the hash
// the tokenizer computes anyway (wordHash), a power of two long and at most half full. The hashes are apart from the entries, so that a probe for a word no
// lexicon holds reads only a few cache lines. It is built once, at initialisation, and only read
// afterwards.
var lexTable = buildLexTable()

type lexIndex struct {
	hashes  []uint64 // the hash of each slot's word, 0 for an empty slot
	entries []lexEntry
}

func buildLexTable() lexIndex {
	words := map[string]lexFlag{}
	for _, s := range lexSets {
		for w := range s.set {
			words[w] |= s.flag
		}
	}
	n := 1
	for n < 2*len(words) {
		n *= 2
	}
	t := lexIndex{hashes: make([]uint64, n), entries: make([]lexEntry, n)}
	for w, f := range words {
		h := wordHash(w)
		if h == 0 {
			panic("article: a lexicon word hashes to 0: " + w) // 0 marks an empty slot
		}
		i := h & uint64(n-1)
		for t.hashes[i] != 0 {
			i = (i + 1) & uint64(n-1)
		}
		t.hashes[i], t.entries[i] = h, lexEntry{w: w, flag: f}
	}
	return t
}

// lexLookup returns the flags the lexicons give w, whose hash is h.
func lexLookup(w string, h uint64) lexFlag {
	mask := uint64(len(lexTable.hashes) - 1)
	for i := h & mask; lexTable.hashes[i] != 0; i = (i + 1) & mask {
		if lexTable.hashes[i] == h && lexTable.entries[i].w == w {
			return lexTable.entries[i].flag
		}
	}
	return 0
}

// lexFlagsOf returns the flags of the lower-case word w, whose hash is h, but the shape flags.
func lexFlagsOf(w string, h uint64) lexFlag {
	f := lexLookup(w, h)
	if isPossessive(w) {
		f |= lxPossessive
	}
	return f
}

// shapeFlags returns the shape flags of the lower-case word w, whose other flags are f, and
// lxShapeKnown.
func shapeFlags(w string, f lexFlag) lexFlag {
	s := lxShapeKnown
	if f&lxRoleWord != 0 || isRoleShape(w) {
		s |= lxRole
	}
	if isNominalAdjectiveDe(w) {
		s |= lxNominalDe
	}
	if n := len(w); n > 0 && w[n-1] == '.' {
		nd := w[:n-1]
		fd := lexLookup(nd, wordHash(nd))
		if fd&lxTitle != 0 {
			s |= lxTitleNoDot
		}
		if fd&lxRoleWord != 0 || isRoleShape(nd) {
			s |= lxRoleNoDot
		}
	} else {
		if f&lxTitle != 0 {
			s |= lxTitleNoDot
		}
		if s&lxRole != 0 {
			s |= lxRoleNoDot
		}
	}
	return s
}

// isRoleShape reports whether w is a role word by its shape rather than itself: the last part of a
// hyphenated one ("co-anchor") or a German compound office ("Innenminister"). Together with
// roleWords, it is isRoleWord.
func isRoleShape(w string) bool {
	if i := strings.LastIndexByte(w, '-'); i >= 0 && lexLookup(w[i+1:], wordHash(w[i+1:]))&lxRoleWord != 0 {
		return true
	}
	if len(w) == 0 {
		return false
	}
	for _, s := range roleSuffixesByEnd[w[len(w)-1]] {
		if strings.HasSuffix(w, s) {
			return true
		}
	}
	return false
}

// roleSuffixesByEnd holds the suffixes of roleSuffixes by their last byte.
var roleSuffixesByEnd = func() (m [256][]string) {
	for _, s := range roleSuffixes {
		m[s[len(s)-1]] = append(m[s[len(s)-1]], s)
	}
	return m
}()

// is reports whether the token's word has one of the flags f, which holds no shape flag.
func (t tok) is(f lexFlag) bool { return t.w.flags&f != 0 }

// shape reports whether the token's word has one of the flags f, working out its shape flags
// first if it has to. Only words of an intern table (and words of their own) can lack them: the
// shared punctuation and quotation words, which goroutines share, have them.
func (t tok) shape(f lexFlag) bool {
	if t.w.flags&lxShapeKnown == 0 {
		t.w.flags |= shapeFlags(t.w.lower, t.w.flags)
	}
	return t.w.flags&f != 0
}

// allFlags returns every flag of the lower-case word w, whose hash is h: what a shared word,
// made once, must know from the start.
func allFlags(w string, h uint64) lexFlag {
	f := lexFlagsOf(w, h)
	return f | shapeFlags(w, f)
}
