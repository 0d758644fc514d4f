package article

import (
	"slices"
	"strings"

	"verbatim/article/model"
)

// This file resolves mentions to speakers: a surname or a pronoun goes to the full name introduced
// earlier in the article, and an appositive gives the role. Everything it reads is untrusted article
// text; it keeps one entry per distinct name, so its size is bounded by the input's.

// entity is one person or organisation named in the article.
type entity struct {
	name string   // canonical full name
	toks []string // the name's words, lower case, titles removed
	role string
	id   model.SpeakerID
	// person says that a German mention named a person by it: a name that personDe reads as a
	// person's, or a description headed by an office (see resolveNameDe). German "er" and "sie"
	// stand for a person only (see pronounTarget).
	person bool
	// group says that a German speech verb in the plural took the name for its subject
	// ("sprechen Medienberichte"): many, not one person.
	group bool
	// gender is what the article tells of the person: an honorific, "he" or "she".
	gender gender
	// full counts the times an English article names the person in full ("Hillary Clinton"): a
	// bare surname that two people of the article share goes to the one named so most often, when
	// nothing nearer tells (see sharedSurname).
	full int
	// hon holds the genders that honorifics of the entity's mentions told ("Mrs. Clinton"), a bit
	// for each (1<<gender): stronger evidence than a pronoun's, which sharedSurname weighs first.
	hon uint8
	// sameLast is the entity of two words or more with the same last word that an English
	// article named before this one ("Bill Clinton" before "Hillary Clinton"), or nil.
	sameLast *entity
	// lastSlot and firstSlot are the registry's slots of the first and the last word (see
	// registry.touch), nil until the entity is first touched.
	lastSlot, firstSlot *nameSlot
	// pair says that the name is two people's, joined by "und" or "sowie" ("Jan Giesel und David
	// Perteck"): it takes no slot that holds an entity already, so that a later surname is that
	// one person's, not the pair's.
	pair bool
	// described says that the entity is a description the article gives of a speaker it names
	// nowhere ("the spokesman", German "Sprecher des Ministeriums"), shown as its label: no
	// person's name (model.Speaker.Described).
	described bool
}

// registry holds the article's entities. It lives in a scratch and outlives the article there,
// emptied (see reset), so that the next article does not grow its maps again; its entities and
// their words are cut from slabs of its own.
type registry struct {
	byName map[string]*entity
	// words holds what the article says of a name word (nameWord's key, or a word of a label):
	// one table for the facts that are kept by word, so that a new entity costs one lookup for its
	// last word and one for its first, and asking several of them of a word one lookup. A word's
	// slot is cut from slots and lives until reset.
	words slotTable
	// paras is an English article's paragraphs, headlines among them, and heads its headlines,
	// which sharedSurname reads.
	paras, heads []*paraState
	// noted holds the words that carry lxInsideCaps or lxMidCaps, for reset to take them off.
	noted []*word
	// commonDe holds the German words the article uses as no names, lower case (see commonWordsDe)
	commonDe map[string]struct{}
	key      []byte          // scratch space for a name's key
	keys     strings.Builder // the keys of the names of more than one word, one after the other
	ents     slabs[entity]   // the slabs that entities are cut from
	toks     slabs[string]   // the slabs that entities' words are cut from
	slots    slabs[nameSlot] // the slabs that the words' slots are cut from
}

// nameSlot is what the registry keeps of one name word (see registry.words).
type nameSlot struct {
	key   string  // the word
	h     uint64  // its hash (wordHash), by which the table finds it
	last  *entity // the latest entity with the word last (byLast)
	first *entity // the first entity of two words or more with the word first (byFirst)
	// surname is the latest new entity of two words or more with the word last, the head of its
	// sameLast chain (English only: sharedSurname).
	surname *entity
	// place is the number of words of a name with the word last that an English article writes
	// after "in" (see notePlace), a place's, which no "he" or "she" stands for; placed says that
	// it wrote one.
	place  uint8
	placed bool
	mid    bool // a one-word name seen inside a sentence (see register, lxMidCaps)
	// inside says that an English article capitalises the word inside a sentence somewhere in its
	// body (see noteInsideCaps): a word that opens a sentence is a name when it is (insideCaps).
	inside bool
}

// slotChunk is how many name words' slots are allocated at a time.
const slotChunk = 64

// slotTable finds a name word's slot (see registry.words): an open-addressing table of the
// slots, keyed by their words' hash (wordHash, the intern table's, one multiplication for a word
// of up to internInline bytes). Most words an article asks a slot for are new to it (noteInsideCaps
// asks once a word, add mostly for a name not named before), and a Go map hashed such a word
// twice, once to find it absent and once to add it, where the table adds it in the cell its
// probe ended at.
type slotTable struct {
	cells []*nameSlot // a power of two long, at most half full, or none
	n     int         // the slots held
}

// slotCells is the table's length at first.
const slotCells = 256

// find returns the slot of w, whose hash is h, or nil and the index of the empty cell where it
// goes. The table has cells.
func (t *slotTable) find(w string, h uint64) (*nameSlot, int) {
	mask := uint64(len(t.cells) - 1)
	i := h & mask
	for s := t.cells[i]; s != nil; s = t.cells[i] {
		if s.h == h && s.key == w {
			return s, int(i)
		}
		i = (i + 1) & mask
	}
	return nil, int(i)
}

// get returns the slot of w, or nil.
func (t *slotTable) get(w string) *nameSlot {
	if t.n == 0 {
		return nil
	}
	s, _ := t.find(w, wordHash(w))
	return s
}

// add puts the new slot s, whose key and hash are set, in cell i, where find ended for its word.
func (t *slotTable) add(s *nameSlot, i int) {
	t.cells[i] = s
	t.n++
	if 2*t.n <= len(t.cells) {
		return
	}
	old := t.cells
	t.cells = make([]*nameSlot, 2*len(old))
	mask := uint64(len(t.cells) - 1)
	for _, s := range old {
		if s == nil {
			continue
		}
		j := s.h & mask
		for t.cells[j] != nil {
			j = (j + 1) & mask
		}
		t.cells[j] = s
	}
}

// reset empties the table, and lets its cells go when more than n slots were held.
func (t *slotTable) reset(n int) {
	if t.n > n {
		*t = slotTable{}
		return
	}
	if t.n > 0 {
		clear(t.cells)
		t.n = 0
	}
}

// slot returns the word's slot, or nil when the article has said nothing of the word.
func (rg *registry) slot(w string) *nameSlot { return rg.words.get(w) }

// slotFor returns the word's slot, a new one when it has none.
func (rg *registry) slotFor(w string) *nameSlot {
	t := &rg.words
	if t.cells == nil {
		t.cells = make([]*nameSlot, slotCells)
	}
	h := wordHash(w)
	s, i := t.find(w, h)
	if s == nil {
		s = &rg.slots.take(1, slotChunk)[0]
		s.key, s.h = w, h
		t.add(s, i)
	}
	return s
}

// byLast returns the latest entity with the last word w, or nil.
func (rg *registry) byLast(w string) *entity {
	if s := rg.words.get(w); s != nil {
		return s.last
	}
	return nil
}

// byFirst returns the first entity of two words or more with the first word w, or nil.
func (rg *registry) byFirst(w string) *entity {
	if s := rg.words.get(w); s != nil {
		return s.first
	}
	return nil
}

// insideCaps reports whether the English article capitalises the word w inside a sentence
// anywhere in its body (see noteInsideCaps).
func (rg *registry) insideCaps(w string) bool {
	s := rg.words.get(w)
	return s != nil && s.inside
}

// Slabs of entities and of their words are allocated this many at a time, and the room for an
// article's keys of names of several words this many bytes at first.
const (
	entityChunk = 16
	wordsChunk  = 64
	keysRoom    = 512
)

// newEntity returns a new entity, cut from the registry's slabs.
func (rg *registry) newEntity(name string, toks []string, role string) *entity {
	e := &rg.ents.take(1, entityChunk)[0]
	*e = entity{name: name, toks: toks, role: role}
	return e
}

// newWords returns n empty strings for an entity's words, cut from the registry's slabs of them.
func (rg *registry) newWords(n int) []string { return rg.toks.take(n, wordsChunk) }

// newRegistry returns an empty registry of its own (an engine's comes from its scratch).
func newRegistry() *registry {
	rg := &registry{}
	rg.reset()
	return rg
}

// maxKeptNames bounds the names a registry's maps may have held and still be kept for the next
// article: clearing a map costs its size, and a big input's maps are let go.
const maxKeptNames = 1 << 10

// reset empties the registry for another article: it keeps its maps, emptied, unless they grew
// past maxKeptNames, and the slabs of maxKeptNames entities and their words, cleared.
func (rg *registry) reset() {
	for _, w := range rg.noted {
		w.flags &^= lxInsideCaps | lxMidCaps
	}
	clear(rg.noted)
	rg.noted = rg.noted[:0]
	rg.paras = nil
	clear(rg.heads)
	rg.heads = rg.heads[:0]
	rg.ents.reset(maxKeptNames / entityChunk)
	rg.toks.reset(2 * maxKeptNames / wordsChunk)
	rg.slots.reset(2 * maxKeptNames / slotChunk)
	rg.words.reset(2 * maxKeptNames)
	if rg.byName == nil || len(rg.byName) > maxKeptNames || len(rg.commonDe) > maxKeptNames {
		*rg = registry{byName: map[string]*entity{}, words: rg.words,
			commonDe: map[string]struct{}{}, key: rg.key, ents: rg.ents, toks: rg.toks, slots: rg.slots, noted: rg.noted}
		return
	}
	clear(rg.byName)
	clear(rg.commonDe)
	rg.keys.Reset()
}

// nameParts splits a run of name tokens [a, b) into its role prefix and its name words: titles are
// dropped, role words ("Kremlin Press Secretary") and a possessive owner ("CNN’s") become the role.
func nameParts(ps *paraState, a, b int) (role string, name []tok) {
	ts := ps.toks
	start := a
	if ts[a].is(lxPossessive) && b-a > 1 {
		role = strings.TrimSuffix(strings.TrimSuffix(ps.text(a, a+1), "’s"), "'s")
		start = a + 1
	}
	if !ps.de && b-start >= 2 && pluralGroupWord(ts[start]) {
		// "Senators Rubio and Cruz", "Republicans Jolly of Indian Shores": a plural noun for people
		// before a name is what they are, no word of it.
		role = ps.text(start, start+1)
		start++
	}
	cut := start
	for i := start; i < b; i++ {
		if ts[i].shape(lxTitle | lxTitleNoDot | lxRoleNoDot) {
			cut = i + 1
		}
	}
	if cut > start && !ps.de && orgHead(ts[b-1]) {
		// "White House", "State Department", "Kremlin Press Office": a run that ends with a noun
		// for an organisation names the organisation, whose words are no role before a name.
		return role, ts[start:b]
	}
	if cut > start && cut < b {
		// The role is the words before the name that are not bare titles.
		rs := start
		for rs < cut && (ts[rs].is(lxTitle) || ts[rs].shape(lxTitleNoDot)) {
			rs++
		}
		if rs < cut && role == "" {
			role = ps.text(rs, cut)
		}
	}
	if !ps.de && b-cut >= 3 {
		if p := personAfterLabel(ts, cut, b); p > cut {
			if role == "" {
				role = ps.text(cut, p)
			}
			cut = p
		}
	}
	if cut >= b {
		return role, nil
	}
	return role, ts[cut:b]
}

// orgHead reports whether t, the last word of an English run of name words, is a noun for an
// organisation (groupNounsEn) or the "House" of "White House", among the heads of a description
// that may speak (speakerNouns, a flag read before the set's lookup).
func orgHead(t tok) bool {
	if !t.is(lxSpeakerNoun) {
		return false
	}
	l := t.lower()
	return l == "house" || groupNounsEn.has(l)
}

// personAfterLabel returns where a person's full name starts inside an English run of name words
// [a, b) that opens with capitalised words saying what the person is, or a: nouns for a person or
// a party ("Comedian Jane Smith", "Republican Tom Baker"), a hyphenated adjective
// ("Texas-based Tom Baker") or a possessive ("Town News’s Jane Smith"), then a given name
// (givenNameOf) and at least one word more. A name that opens with a given name ("Mary Jane
// Smith") is not cut.
func personAfterLabel(ts []tok, a, b int) int {
	for p := a; p < b-1; p++ {
		t := ts[p]
		if p > a && givenNameOf(t) != genderUnknown {
			return p
		}
		if !t.is(lxSpeakerNoun) && !t.is(lxPossessive) && strings.IndexByte(t.lower(), '-') < 0 {
			return a
		}
	}
	return a
}

// pluralGroupWord reports whether t is a capitalised English plural noun for people who speak
// ("Senators", "Professors", "Democrats"), which no name opens with.
func pluralGroupWord(t tok) bool {
	// pluralSpeakerNoun(t.lower()), the lexicon's flag in place of its lookup
	return t.kind() == tWord && t.cap() && pluralShape(t.lower()) && t.is(lxSpeakerNoun)
}

// pluralSpeakerNoun reports whether the lower-case English word w is a plural noun for people who
// speak (speakerNouns): "democrats", "witnesses", but not "witness", which only ends in "s".
func pluralSpeakerNoun(w string) bool {
	return pluralShape(w) && speakerNouns.has(w)
}

// pluralShape reports whether the lower-case English word w of more than three bytes ends in "s"
// but not "ss", as a plural noun does ("democrats", "witnesses"; not "witness").
func pluralShape(w string) bool {
	return len(w) > 3 && w[len(w)-1] == 's' && w[len(w)-2] != 's'
}

// text returns the paragraph text of tokens [a, b).
func (ps *paraState) text(a, b int) string {
	return ps.runeText(int(ps.toks[a].s), int(ps.toks[b-1].e))
}

// register records every full name (two words or more) of the paragraph with the role its
// context gives, so that later surnames and pronouns resolve to it. A name's run starts at a
// capitalised word: register reads the paragraph's list of them (paraState.caps).
func (rg *registry) register(ps *paraState) {
	ts := ps.toks
	next := 0 // the first token past the last run read
	for _, c := range ps.caps {
		i := int(c)
		if i < next {
			continue
		}
		t := ts[i]
		if t.is(lxCapStop) && !t.is(lxTitle) {
			continue
		}
		j := nameRunEnd(ts, i, len(ts))
		if j <= i {
			continue
		}
		a := i
		person := false
		if ps.de && orgNameAfterKindDe(ts, i, j) {
			// "Organisation Human Rights Watch": the name after the kind of organisation is
			// whole (orgKindsDe), no person's, and the kind its role.
			e := rg.add(ps, ts[i+1:j], ps.text(i, i+1))
			e.person = false
			next = j
			continue
		}
		if ps.de {
			// German capitalises its nouns: the person's name is the run's last words that are no
			// common nouns ("Außenminister der Russischen Föderation Sergei Lawrow").
			if pa, pb, ok := rg.personDe(ps, i, j); ok && pb == j {
				a, person = pa, true
			}
		}
		role, name := nameParts(ps, a, j)
		if ps.de && rg.descriptionDe(role, name) {
			// "Premierministerin von Queensland", "Verteidigungsminister Österreichs": an office
			// and what it is of, no name.
			next = j
			continue
		}
		if ps.de && !person {
			if p := rg.commonParticleDe(ts, a, j); p < j {
				// "Angaben der Ermittler", "Dementi der Stadtverwaltung": the particle opens a
				// genitive or a phrase after a common noun, and the name (if any) ends before it.
				j = p
				role, name = nameParts(ps, a, j)
			}
		}
		if len(name) >= 2 && !name[len(name)-1].shape(lxRoleNoDot) {
			if role == "" && ps.de {
				role = descriptionRoleDe(ps, j-len(name))
			}
			if role == "" {
				role = appositiveRole(ps, a, j)
			}
			e := rg.add(ps, name, role)
			e.person = e.person || person
			if !ps.de {
				g := honorificGender(ts, a, j)
				e.note(g)
				e.hon |= honBit(g)
				e.full++
				e.note(pronounOfName(ts, a, j))
				if e.full == 1 { // the given name tells the same at every mention
					e.note(givenNameOf(name[0])) // e.toks[0] is name[0]'s key (see add)
				}
			}
		} else if len(name) == 1 && role != "" && !rg.namedInFull(name[0]) {
			e := rg.add(ps, name, role)
			e.person = e.person || person
		} else if g := honorificGender(ts, a, j); len(name) == 1 && g != genderUnknown && !ps.de && rg.byLast(strings.TrimSuffix(name[0].lower(), ".")) != nil {
			// "Mr. Trump" anywhere in a sentence tells the gender of the Trump introduced before.
			rg.byLast(strings.TrimSuffix(name[0].lower(), ".")).note(g)
		} else if len(name) == 1 && i > 0 && ts[i-1].kind() == tWord && !ps.de && !name[0].is(lxMidCaps) {
			// A word capitalised inside a sentence is a name wherever it stands. Its key is the
			// word's, so a word is noted once an article (lxMidCaps).
			rg.slotFor(strings.TrimSuffix(name[0].lower(), ".")).mid = true
			name[0].w.flags |= lxMidCaps
			rg.noted = append(rg.noted, name[0].w)
		}
		next = j
	}
}

// namedInFull reports whether the article named someone in full with the surname t before: a
// role and the surname ("Secretary Clinton", "President Baker", "Bundesinnenminister Schäuble")
// are that person, whom resolveName finds (sharedSurname among several in English), not one more
// person named "Clinton". A noun for a group or an organisation is no surname ("Dayton State
// University" after "Ohio University").
func (rg *registry) namedInFull(t tok) bool {
	if t.is(lxSpeakerNoun) {
		return false
	}
	e := rg.byLast(nameWord(t))
	return e != nil && len(e.toks) >= 2
}

// appositiveRole returns the role that the words around a name give it: a lower-case office
// before it ("ambassador Sergey Kislyak") or an appositive after it ("Geoff Garin, a pollster,").
func appositiveRole(ps *paraState, a, b int) string {
	ts := ps.toks
	if a > 0 && ts[a-1].kind() == tWord && !ts[a-1].cap() && ts[a-1].shape(lxRole) {
		s := a - 1
		if s > 0 && ts[s-1].kind() == tWord && !ts[s-1].cap() && !ts[s-1].is(lxDeterminer) && !ts[s-1].is(lxPreposition) && !ts[s-1].is(lxSpeechVerb) {
			s--
		}
		return ps.text(s, a)
	}
	if b+1 < len(ts) && ts[b].isPunct(",") && ts[b+1].kind() == tWord && (ts[b+1].lower() == "a" || ts[b+1].lower() == "an" || ts[b+1].lower() == "the") {
		for e := b + 2; e < len(ts) && e-b <= 14; e++ {
			if ts[e].kind() != tWord {
				if e > b+2 {
					return ps.text(b+2, e)
				}
				break
			}
			if isVerb(ts[e]) {
				break
			}
		}
	}
	return ""
}

func (rg *registry) add(ps *paraState, name []tok, role string) *entity {
	// The key is the name's words without final periods, joined by spaces; it is built in scratch
	// space, and allocated only for a new entity.
	key := rg.key[:0]
	for i, t := range name {
		if i > 0 {
			key = append(key, ' ')
		}
		key = append(key, nameWord(t)...)
	}
	rg.key = key
	if e := rg.byName[string(key)]; e != nil {
		if e.role == "" {
			e.role = role
		}
		rg.touch(e)
		return e
	}
	// "Hillary Rodham Clinton" after "Hillary Clinton": the same person.
	first := nameWord(name[0])
	last := nameWord(name[len(name)-1])
	ls := rg.slotFor(last) // the new entity's, unless the name is one before
	if e := ls.last; e != nil && len(e.toks) >= 2 && e.toks[0] == first {
		if e.role == "" {
			e.role = role
		}
		rg.touch(e)
		return e
	}
	if ps.de && particles.has(first) {
		if e := rg.fullNameEnding(name); e != nil {
			// "Von der Leyen" after "Ursula von der Leyen": the surname with its particles.
			rg.touch(e)
			return e
		}
	}
	words := rg.newWords(len(name))
	for i, t := range name {
		words[i] = nameWord(t)
	}
	end := int(name[len(name)-1].e)
	if name[len(name)-1].is(lxPossessive) {
		end -= 2 // "Obama’s": the name is "Obama"
	}
	e := rg.newEntity(ps.runeText(int(name[0].s), end), words, role)
	e.lastSlot = ls
	if ps.de {
		e.pair = slices.Contains(words, "und") || slices.Contains(words, "sowie")
		if e.pair {
			// "Volker Beck, und Wolfgang Wieland": the comma closed an apposition before "und"
			// ("Der Geschäftsführer der Grünen, Volker Beck, und …") and is no part of the pair's name.
			e.name = strings.Replace(strings.Replace(e.name, ", und ", " und ", 1), ", sowie ", " sowie ", 1)
		}
	}
	if len(words) >= 2 && !ps.de {
		e.sameLast = ls.surname
		ls.surname = e
	}
	if len(words) == 1 {
		rg.byName[words[0]] = e // the key is the word: no string of its own
	} else {
		// The key is cut from the keys written so far: a Builder never writes over the bytes it
		// holds, so the cut stays as it is while more keys are written after it. Its first room
		// holds an article's keys, most often, so that it does not grow from a few bytes up.
		if rg.keys.Cap() == 0 {
			rg.keys.Grow(keysRoom)
		}
		start := rg.keys.Len()
		rg.keys.Write(key)
		rg.byName[rg.keys.String()[start:]] = e
	}
	rg.touch(e)
	return e
}

// nameWord is a name word's key: lower case, without a final period or, in English, a possessive
// ending ("Obama’s" is "obama").
func nameWord(t tok) string {
	w := strings.TrimSuffix(t.lower(), ".")
	if t.is(lxPossessive) {
		w = strings.TrimSuffix(strings.TrimSuffix(w, "’s"), "'s")
	}
	return w
}

// touch makes e the latest entity with its last word and, when none was before, the first of two
// words or more with its first word.
func (rg *registry) touch(e *entity) {
	if e.lastSlot == nil {
		e.lastSlot = rg.slotFor(e.toks[len(e.toks)-1])
	}
	if e.pair && e.lastSlot.last != nil {
		return // "meint Perteck" after "Jan Giesel und David Perteck": David Perteck's slot
	}
	e.lastSlot.last = e
	if len(e.toks) >= 2 {
		if e.firstSlot == nil {
			e.firstSlot = rg.slotFor(e.toks[0])
		}
		if e.firstSlot.first == nil {
			e.firstSlot.first = e
		}
	}
}

// noteInsideCaps records the words an English paragraph capitalises inside a sentence, where a
// capital tells a name: a run of capitalised words after a word in lower case, a comma, a title, a
// quotation that ends with a comma or a nickname in marks after a name ("said Sanders", "since then
// Ben Carson has", "Clinton, Sanders and O’Malley", "Sen. Sanders", "“…,” Sanders said", "Juan
// “Chico” Manriquez"). A run that opens a sentence tells nothing, nor do most words of a heading
// in title case inside the body, whose capitals follow other capitalised words ("Anchor Expressed
// Fear About …"). It reads the paragraph's capitalised words from their list (paraState.caps).
func (rg *registry) noteInsideCaps(ps *paraState) {
	ts := ps.toks
	inside := false // the word before is a capitalised word inside a sentence
	prev := -1      // the capitalised word before
	for _, c := range ps.caps {
		i := int(c)
		if prev != i-1 {
			inside = false // the token before is no capitalised word
		}
		prev = i
		t := ts[i]
		if t.is(lxCapStop) || i == 0 {
			inside = false
			continue
		}
		if !inside { // the token before is read only here
			p := ts[i-1]
			inside = p.kind() == tWord && (!p.cap() || p.is(lxTitle) || p.shape(lxTitleNoDot|lxRoleNoDot)) || p.isPunct(",") ||
				p.kind() == tQuote && (lastContentRune(ps.rs, ps.spans[p.q()]) == ',' || i >= 2 && ts[i-2].kind() == tWord && ts[i-2].cap())
		}
		if inside && ts[i-1].lower() == "in" && !ts[i-1].cap() {
			rg.notePlace(ts, i)
		}
		if inside && !t.is(lxInsideCaps) { // a word is written once
			rg.slotFor(nameWord(t)).inside = true
			t.w.flags |= lxInsideCaps
			rg.noted = append(rg.noted, t.w)
		}
	}
}

// notePlace records the run of name words at k, right after a lower-case "in", as a place's
// name when the run ends its clause or a preposition, a conjunction or a determiner follows it
// ("in North Carolina,", "in Beijing on Tuesday", "in Dallas and …"): English puts a place there,
// and a person only as the object of a few verbs and nouns ("believes in Baker"). A run in the
// possessive is no place's ("in Baker’s campaign"), nor one a lower-case noun follows ("in
// Baker country").
func (rg *registry) notePlace(ts []tok, k int) {
	j := nameRunEnd(ts, k, len(ts))
	if j == k || ts[j-1].is(lxPossessive) || j < len(ts) && ts[j].kind() == tWord && (ts[j].cap() || !ts[j].is(lxPreposition|lxConjunction|lxDeterminer)) {
		return
	}
	s := rg.slotFor(nameWord(ts[j-1]))
	s.place, s.placed = uint8(j-k), true
}

// place reports whether the English article wrote the entity's name after "in" as a place's
// (notePlace): a name of as many words with the same last word.
func (rg *registry) place(ent *entity) bool {
	if len(ent.toks) == 0 {
		return false
	}
	s := rg.slot(ent.toks[len(ent.toks)-1])
	return s != nil && s.placed && int(s.place) == len(ent.toks)
}

// namedElsewhere reports whether the English article names someone or something with the word w
// (nameWord's key) elsewhere than at a sentence's start: a word of a full name registered so far
// ("Sanders" after "Bernie Sanders"), or a word it capitalises inside a sentence anywhere in its
// body ("said Trump"). A capitalised word that only ever opens sentences is a common word there
// ("Fundraising, according to the campaign, has surged", "Things went bad fast", "Along with the
// photo, he …"), which no later pronoun stands for.
func (rg *registry) namedElsewhere(w string) bool {
	s := rg.slot(w)
	if s == nil {
		return false
	}
	if e := s.last; e != nil && len(e.toks) >= 2 {
		return true
	}
	return s.first != nil || s.inside
}

// commonOpener reports whether the one capitalised word at k, which opens an English sentence,
// is a common word there and names nobody a later pronoun may stand for: the article names no one
// with it elsewhere (namedElsewhere) and no speech verb follows it ("Things went bad fast",
// "Eyebrows raised, he asked", "Fundraising, according to the campaign, has surged"). A surname
// that opens its sentences only and speaks there stays a name ("Cruz openly admitted").
func (rg *registry) commonOpener(ps *paraState, k int) bool {
	ts := ps.toks
	if ts[k].is(lxTitle) || rg.namedElsewhere(nameWord(ts[k])) || appositiveRole(ps, k, k+1) != "" {
		return false // "Kelly, the treasurer, spoke next": an appositive says who the word names
	}
	v := k + 1
	for n := 0; v < len(ts) && n < 3 && ts[v].kind() == tWord && lowerAdverb(ts[v]); n++ {
		v++
	}
	return !isStrongVerbTok(ts, v)
}

// subjectName reports whether the capitalised run [a, b) that opens an English sentence is a
// name a later pronoun may stand for. A run of one word without a title or a role is one only when
// it heads no description and is no contraction: a capitalised speaking noun is none
// ("Prosecutors said"), nor an indefinite pronoun ("Nobody asked"), nor an adjective before a
// description's head ("Federal officials familiar with the server", "Democratic lawmakers"), nor a
// pronoun and its verb ("She’ll", "They're").
func subjectName(ps *paraState, a, b int) bool {
	ts := ps.toks
	role, name := nameParts(ps, a, b)
	if len(name) != 1 || role != "" || honorificGender(ts, a, b) != genderUnknown {
		return true
	}
	if name[0].is(lxSpeakerNoun) || isIndefinitePronoun(name[0].lower()) {
		return false
	}
	if b < len(ts) && ts[b].kind() == tWord && !ts[b].cap() && (ts[b].is(lxSpeakerNoun) || ts[b].shape(lxRole)) {
		return false
	}
	return !isContraction(name[0].lower())
}

// isIndefinitePronoun reports whether the lower-case word w names nobody in particular: one that
// opens a sentence ("Nobody asked about it") is no name a later "he" or "she" stands for. It is a
// switch, not a map: subjectName asks it of most one-word sentence openers, and a switch compares
// the word's length and bytes where a map hashes it first.
func isIndefinitePronoun(w string) bool {
	switch w {
	case "nobody", "everybody", "somebody", "anybody", "everyone", "someone", "anyone", "none":
		return true
	}
	return false
}

// pronounStem returns the English pronoun a word is or opens with a contraction of a verb, lower
// case ("they" for "They’re", "he" for "he’s"), or the word itself, lower case.
func pronounStem(t tok) string {
	w := t.lower()
	if i := apostropheIndex(w); i > 0 && pronouns.has(w[:i]) {
		return w[:i]
	}
	return w
}

// apostropheIndex returns the index of the first apostrophe in w (' or ’), or -1, as
// strings.IndexAny(w, "'’") does. It tests bytes: IndexAny, given a rune past ASCII, decodes each
// rune of w and searches the set for it, and pronounStem asks it of most words a mention may start
// with. A ’ is found at its first byte, 0xE2, which never stands inside another character.
func apostropheIndex(w string) int {
	for i := 0; i < len(w); i++ {
		if c := w[i]; c == '\'' || c == 0xe2 && strings.HasPrefix(w[i:], "’") {
			return i
		}
	}
	return -1
}

// pronounContraction reports whether an English word is a third-person pronoun and a verb's
// contraction ("They’re", "she’ll", "he’s"): the pronoun is the mention, no name ("They’re less
// hostile to regulation and say …", "He’s predicting he will do “…”").
func pronounContraction(t tok) bool {
	switch pronounStem(t) {
	case "he", "she", "they":
	default:
		return false // "I’m", "we’re": the writer, or a group with the writer, never a speaker read here
	}
	w := t.lower()
	return isContraction(w) || strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s")
}

// isContraction reports whether an English word ends with a contraction of a verb ("she’ll",
// "they're", "we’ve", "i'd", "don’t"): a pronoun and its verb, or a verb, never a name. Every
// contraction holds an apostrophe, which a name seldom does: without one, no suffix is tried.
func isContraction(w string) bool {
	if strings.IndexByte(w, '\'') < 0 && !strings.Contains(w, "’") {
		return false
	}
	for _, suf := range [...]string{"'ll", "’ll", "'re", "’re", "'ve", "’ve", "'d", "’d", "'m", "’m", "n't", "n’t"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// resolveName returns the entity a name mention [a, b) stands for, registering it when new, and
// notes the gender an honorific in it tells ("Mr. Trump").
// It returns nil when the mention holds no name (a bare title: "the President").
func (rg *registry) resolveName(ps *paraState, a, b int) *entity {
	e := rg.resolveNameParts(ps, a, b)
	if e != nil && !ps.de {
		g := honorificGender(ps.toks, a, b)
		e.note(g)
		e.hon |= honBit(g)
	}
	return e
}

// fullNameEnding returns the latest entity with the name's last word whose name is longer and
// ends in the name's words (nameWord), or nil: the person named in full that a surname with its
// particles stands for ("von der Leyen" after "Ursula von der Leyen").
func (rg *registry) fullNameEnding(name []tok) *entity {
	e := rg.byLast(nameWord(name[len(name)-1]))
	if e == nil || len(e.toks) <= len(name) {
		return nil
	}
	d := len(e.toks) - len(name)
	for i, t := range name {
		if e.toks[d+i] != nameWord(t) {
			return nil
		}
	}
	return e
}

// resolveNameParts is resolveName without the gender its honorific tells.
func (rg *registry) resolveNameParts(ps *paraState, a, b int) *entity {
	role, name := nameParts(ps, a, b)
	if len(name) == 0 {
		return nil
	}
	if len(name) >= 2 {
		return rg.add(ps, name, role)
	}
	w := nameWord(name[0])
	s := rg.slot(w)
	if s == nil {
		return rg.add(ps, name, role)
	}
	if e := s.last; e != nil {
		if !ps.de && len(e.toks) >= 2 {
			if h := s.surname; h != nil && h.sameLast != nil {
				return rg.sharedSurname(ps, a, b, h)
			}
		}
		return e
	}
	if e := s.first; e != nil && (ps.de || !groupEntity(e)) {
		return e // "Hillary" for "Hillary Clinton", but "Trump" is not "Trump University"
	}
	return rg.add(ps, name, role)
}

// resolveLabel returns the entity a transcript label ("Wallace", "Mr. Trump") names: the person
// introduced with that surname, or a new entity named by the label.
func (rg *registry) resolveLabel(ps *paraState, label string) *entity {
	words := strings.Fields(strings.ToLower(label))
	if len(words) == 0 {
		return nil
	}
	last := strings.TrimSuffix(words[len(words)-1], ".")
	if e := rg.byLast(last); e != nil {
		return e
	}
	key := strings.Join(words, " ")
	if e := rg.byName[key]; e != nil {
		return e
	}
	e := rg.newEntity(label, words, "")
	rg.byName[key] = e
	rg.touch(e)
	return e
}
