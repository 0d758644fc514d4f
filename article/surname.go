package article

import "strings"

// This file chooses among the people of an English article who share a surname: a bare surname, or
// a title and a surname, goes to the one the article means there (sharedSurname). Everything it reads
// is untrusted article text; it weighs at most maxSharedSurname people and reads back at most
// maxSurnameLook tokens for each, so its time is bounded by the input's.

// maxSharedSurname bounds the people of one surname that sharedSurname weighs, and
// maxSurnameLook the tokens it reads back for one of them named in full, in the mention's
// paragraph and the maxSurnameParas before it.
const (
	maxSharedSurname = 8
	maxSurnameLook   = 1000
	maxSurnameParas  = 2
)

// sharedSurname returns the person a bare English surname (or a title and a surname) [a, b)
// stands for when the article names two people or more with it in full, head the latest of them.
// A name that ends in another's is that person ("Democrat Tom Baker" is "Tom Baker"), and an
// organisation's name no person ("Team Baker", groupEntity). Of the others it is the one an
// honorific's gender fits when the others' does not ("Mrs. Baker" after "Tom Baker" and "Jane
// Baker"), the one a role word of the mention is in the role of ("Governor Baker" for "former
// Governor Tom Baker"), the one named in full last before the mention, in its paragraph or the two
// before, as the one who acts in that sentence (namesSubject: "Tom Baker spoke first. “…,” Baker
// said."), or else the one the article names in full most often, its headline counting as one more
// time, who is the one it is about, not a spouse named once in passing ("Baker and her husband,
// former Governor Tom Baker, attended …"); of those named as often, the one it named first.
// Whichever was registered first or last tells nothing.
func (rg *registry) sharedSurname(ps *paraState, a, b int, head *entity) *entity {
	// The people, latest first, each with the names that end in its own and the times it was named
	// in full under any of them.
	var all [maxSharedSurname]*entity
	n := 0
	for c := head; c != nil && n < len(all); c = c.sameLast {
		all[n] = c
		n++
	}
	var cs [maxSharedSurname]surnameCand
	k := 0
	for _, c := range all[:n] {
		if endsInOther(c, all[:n]) == nil {
			cs[k] = surnameCand{ent: c}
			k++
		}
	}
	for _, c := range all[:n] {
		r := c
		if d := endsInOther(c, all[:n]); d != nil {
			r = d
		}
		for i := range cs[:k] {
			if cs[i].ent == r {
				cs[i].full += c.full
				cs[i].gender |= 1 << c.gender
				cs[i].hon |= c.hon
			}
		}
	}
	cands := keepCands(cs[:k], func(c surnameCand) bool { return !groupEntity(c.ent) })
	if g := mentionGender(ps.toks, a, b); g != genderUnknown {
		other := genderMale + genderFemale - g
		cands = keepCands(cands, func(c surnameCand) bool { return c.hon&honBit(g) != 0 && c.hon&honBit(other) == 0 })
		cands = keepCands(cands, func(c surnameCand) bool { return c.hon&honBit(other) == 0 })
		cands = keepCands(cands, func(c surnameCand) bool { return c.gender&(1<<g) != 0 })
		cands = keepCands(cands, func(c surnameCand) bool { return c.gender&(1<<other) == 0 })
	}
	for i := a; i < b-1 && len(cands) > 1; i++ {
		if t := ps.toks[i]; t.kind() == tWord && t.cap() && (t.is(lxTitle) || t.shape(lxTitleNoDot|lxRoleNoDot)) {
			w := nameWord(t)
			cands = keepCands(cands, func(c surnameCand) bool {
				return containsWord(strings.Fields(strings.ToLower(c.ent.role)), w)
			})
		}
	}
	if len(cands) == 1 {
		return cands[0].ent
	}
	// The one named in full nearest before the mention as the one who acts in its sentence, in the
	// mention's paragraph or the two before.
	w := nameWord(ps.toks[b-1])
	look := maxSurnameLook
	for p := ps.idx; p >= 0 && p >= ps.idx-maxSurnameParas && p < len(rg.paras) && look > 0; p-- {
		ts := rg.paras[p].toks
		j := len(ts) - 1
		if p == ps.idx {
			j = a - 1
		}
		for ; j > 0 && look > 0; j, look = j-1, look-1 {
			if ts[j].kind() != tWord || nameWord(ts[j]) != w {
				continue
			}
			for _, c := range cands {
				if namedAt(ts, j, c.ent.toks) && namesSubject(ts, j+1-len(c.ent.toks), j+1) {
					return c.ent
				}
			}
		}
	}
	// Else the one named in full most often, the headline's name counting as one more time.
	for _, hp := range rg.heads {
		for j, t := range hp.toks {
			if t.kind() != tWord || nameWord(t) != w {
				continue
			}
			for i := range cands {
				if namedAt(hp.toks, j, cands[i].ent.toks) {
					cands[i].full++
				}
			}
		}
	}
	best := &cands[0]
	for i := range cands[1:] {
		if c := &cands[i+1]; c.full >= best.full {
			best = c // of those named as often, the one named first, later in the list
		}
	}
	return best.ent
}

// mentionGender returns the gender a mention [a, b) tells: its honorific ("Mrs. Clinton") or a
// reflexive pronoun right after it ("Clinton herself").
func mentionGender(ts []tok, a, b int) gender {
	if g := honorificGender(ts, a, b); g != genderUnknown {
		return g
	}
	if b < len(ts) && ts[b].kind() == tWord {
		switch ts[b].lower() {
		case "himself":
			return genderMale
		case "herself":
			return genderFemale
		}
	}
	return genderUnknown
}

// surnameCand is one person sharedSurname weighs: the times the article named it in full, the
// genders it told of it, a bit for each, and those its honorifics told (see entity.hon).
type surnameCand struct {
	ent         *entity
	full        int
	gender, hon uint8
}

// honBit is the bit of entity.hon for gender g: none for genderUnknown.
func honBit(g gender) uint8 {
	if g == genderUnknown {
		return 0
	}
	return 1 << g
}

// endsInOther returns the entity of ents whose name is shorter than c's and ends c's ("Donald
// Trump" for "Republican Donald Trump"), the shortest such, or nil.
func endsInOther(c *entity, ents []*entity) *entity {
	var best *entity
	for _, d := range ents {
		if d == c || len(d.toks) >= len(c.toks) || best != nil && len(d.toks) >= len(best.toks) {
			continue
		}
		off := len(c.toks) - len(d.toks)
		same := true
		for i, w := range d.toks {
			if c.toks[off+i] != w {
				same = false
				break
			}
		}
		if same {
			best = d
		}
	}
	return best
}

// namesSubject reports whether the name [a, b) of ts names who acts in its sentence, its subject
// or the one a speech verb tells speaks: it opens its sentence, after any titles ("Sen. Tom Baker
// …"), a speech verb comes right before it ("said Tom Baker"), or a word in lower case follows it
// that is no function word, a verb most often ("Tom Baker said", "On Monday, Jane Baker sought …",
// "Tom Baker also criticized …"). A name in passing is not one ("his first wife, Jane Baker, …",
// "the sad case of Ann Baker", "Tom Baker’s speech", "Tom Baker and his wife").
func namesSubject(ts []tok, a, b int) bool {
	if ts[b-1].is(lxPossessive) {
		return false
	}
	for a > 0 && ts[a-1].kind() == tWord && ts[a-1].cap() && (ts[a-1].is(lxTitle) || ts[a-1].shape(lxTitleNoDot|lxRoleNoDot)) {
		a--
	}
	if a == 0 || ts[a-1].isSentenceEnd() || ts[a-1].kind() == tQuote || isVerbTok(ts, a-1) {
		return true
	}
	v := skipAdverbsFwd(ts, b, len(ts))
	if v >= len(ts) || ts[v].kind() != tWord || ts[v].cap() {
		return false
	}
	if t := ts[v]; t.is(lxPreposition | lxDeterminer | lxConjunction | lxPronoun) {
		return false
	}
	switch ts[v].lower() {
	case "who", "whose", "whom", "which", "that":
		return false
	}
	return true
}

// namedAt reports whether the name words end at token j of ts, each word a name word of the
// tokens before it.
func namedAt(ts []tok, j int, words []string) bool {
	if j+1 < len(words) {
		return false
	}
	for i := range words {
		t := ts[j-len(words)+1+i]
		if t.kind() != tWord || nameWord(t) != words[i] {
			return false
		}
	}
	return true
}

// keepCands returns the candidates of cs that keep reports true of, in place, or cs as it is
// when none or all are.
func keepCands(cs []surnameCand, keep func(surnameCand) bool) []surnameCand {
	n := 0
	for i := range cs {
		if keep(cs[i]) {
			n++
		}
	}
	if n == 0 || n == len(cs) {
		return cs
	}
	out := cs[:0]
	for i := range cs {
		if keep(cs[i]) {
			out = append(out, cs[i])
		}
	}
	return out
}
