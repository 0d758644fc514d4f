package article

import "strings"

// lexFlag is a set of facts about a lower-case word that the attribution rules ask about every
// token: which lexicons hold it, and what shape it has. The tokenizer works them out once per
// distinct word of an article (see internTable.word), so that a rule asks a token with a bit test
// instead of a map lookup.
type lexFlag uint32

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
	lxRole                                // isRoleWord
	lxTitleNoDot                          // titles holds the word without a final period
	lxRoleNoDot                           // isRoleWord of the word without a final period
	lxPossessive                          // isPossessive
	lxDay                                 // isDay
)

// lexSets are the lexicons behind the flags that a word has when one of them holds it.
var lexSets = []struct {
	set  map[string]bool
	flag lexFlag
}{
	{capStop, lxCapStop}, {titles, lxTitle}, {speechVerbs, lxSpeechVerb}, {germanVerbs, lxGermanVerb},
	{weakVerbs, lxWeakVerb}, {namingVerbs, lxNamingVerb}, {objectVerbs, lxObjectVerb}, {pronouns, lxPronoun},
	{determiners, lxDeterminer}, {prepositions, lxPreposition}, {adverbs, lxAdverb},
	{conjunctions, lxConjunction}, {particles, lxParticle}, {speakerNouns, lxSpeakerNoun},
	{officeAdjectives, lxOfficeAdjective}, {titledWords, lxTitledWord},
}

// lexEntry is one word of lexTable.
type lexEntry struct {
	h    uint64
	w    string
	flag lexFlag
	role bool // roleWords holds the word
}

// lexTable holds every word of lexSets and roleWords with its flags: an open-addressing table keyed
// by the FNV-1a hash the tokenizer computes anyway, a power of two long and at most a quarter full.
// It is built once, at initialisation, and only read afterwards.
var lexTable = buildLexTable()

func buildLexTable() []lexEntry {
	words := map[string]*lexEntry{}
	entry := func(w string) *lexEntry {
		e := words[w]
		if e == nil {
			e = &lexEntry{h: hashString(w), w: w}
			words[w] = e
		}
		return e
	}
	for _, s := range lexSets {
		for w := range s.set {
			entry(w).flag |= s.flag
		}
	}
	for w := range roleWords {
		entry(w).role = true
	}
	n := 1
	for n < 4*len(words) {
		n *= 2
	}
	table := make([]lexEntry, n)
	for _, e := range words {
		i := e.h & uint64(n-1)
		for table[i].w != "" {
			i = (i + 1) & uint64(n-1)
		}
		table[i] = *e
	}
	return table
}

// hashString is the FNV-1a hash of s.
func hashString(s string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); i++ {
		h = (h ^ uint64(s[i])) * fnvPrime
	}
	return h
}

// lexLookup returns the entry of w, whose hash is h, or nil when no lexicon holds it.
func lexLookup(w string, h uint64) *lexEntry {
	mask := uint64(len(lexTable) - 1)
	for i := h & mask; lexTable[i].w != ""; i = (i + 1) & mask {
		if e := &lexTable[i]; e.h == h && e.w == w {
			return e
		}
	}
	return nil
}

// lexFlagsOf returns the flags of the lower-case word w, whose hash is h.
func lexFlagsOf(w string, h uint64) lexFlag {
	var f lexFlag
	e := lexLookup(w, h)
	if e != nil {
		f = e.flag
	}
	if e != nil && e.role || isRoleShape(w) {
		f |= lxRole
	}
	if isPossessive(w) {
		f |= lxPossessive
	}
	if isDay(w) {
		f |= lxDay
	}
	if n := len(w); n > 0 && w[n-1] == '.' {
		nd := w[:n-1]
		hd := hashString(nd)
		if e := lexLookup(nd, hd); e != nil && e.flag&lxTitle != 0 {
			f |= lxTitleNoDot
		}
		if e := lexLookup(nd, hd); e != nil && e.role || isRoleShape(nd) {
			f |= lxRoleNoDot
		}
	} else {
		if f&lxTitle != 0 {
			f |= lxTitleNoDot
		}
		if f&lxRole != 0 {
			f |= lxRoleNoDot
		}
	}
	return f
}

// isRoleShape reports whether w is a role word by its shape rather than itself: the last part of a
// hyphenated one ("co-anchor") or a German compound office ("Innenminister"). Together with
// roleWords, it is isRoleWord.
func isRoleShape(w string) bool {
	if i := strings.LastIndexByte(w, '-'); i >= 0 {
		if e := lexLookup(w[i+1:], hashString(w[i+1:])); e != nil && e.role {
			return true
		}
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

// is reports whether the token's word has one of the flags f.
func (t tok) is(f lexFlag) bool { return t.w.flags&f != 0 }
