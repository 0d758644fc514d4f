package article

import "strings"

// This file resolves an English description of an office to the person the article names as its
// holder (issue 14 part 1): "the president said" in an article that names "President Barack Obama"
// is Barack Obama's quotation. It runs in output, where a description that resolved to nobody
// would become a described speaker (describedSpeaker): the rules, the pronouns and the confidences
// see the description as before, and the quotation keeps its rule, cue and confidence.
//
// A holder is a person named with an office as a title ("Sen. Ted Cruz", "Florida Sen. Marco
// Rubio", "former President Bill Clinton"), with a lower-case office before the name ("campaign
// manager Robby Mook") or with the office in apposition ("Barack Obama, the president,", "the
// city's mayor, Bill de Blasio"). The description resolves when it is definite ("the
// president"), nothing follows its head that says whose office it is ("the president of the
// company"), and exactly one person of the whole article holds the office with every word the
// description qualifies it by: a reader cannot tell which of two senators "the senator" is, even
// when the second is named after the quotation, so two holders leave the description the
// speaker. A word of time ("former", "then", "acting") must be on both sides or neither:
// "the former president" is not "President Obama", "the president" is not "former President Bill
// Clinton". An office of two words is one head ("vice president", "press secretary", "attorney
// general"): "the president" is not "Vice President Joe Biden". English marks gender in the office
// word itself ("spokeswoman", "congressman"), which must be the holder's.

// holderEntry is one person the article names with an office: the office's head ("senator",
// "vice president") and the other words it is qualified by, lower case ("florida", "former").
type holderEntry struct {
	head  string
	quals []string
	// must are the qualifiers a description must name too: capitalised words before a role word
	// ("World Bank President Jim Yong Kim" is no "president" but "the World Bank president"). Before
	// an abbreviated title they name the seat, a place ("Florida Sen. Marco Rubio" is "the
	// senator"), and are none of these.
	must []string
	ent  *entity
}

// holderIndex is an English article's holders, made once an article when a description first
// needs it (see holderEn).
type holderIndex struct {
	built   bool
	entries []holderEntry
	// orgs are the organisations named with their kind that the registry holds no entity for
	// ("the Justice Department"), by their words in lower case, one entity each (orgEntity), and
	// by their last word ("department"), the first so named, for holderNearest.
	orgs map[string]*entity
}

// titleOffices are the offices that English abbreviated titles stand for ("Sen." is a senator).
// Titles of no office ("Mr.", "Dr.", "Sir") are none.
var titleOffices = map[string]string{
	"sen": "senator", "rep": "representative", "gov": "governor", "gen": "general", "lt": "lieutenant",
	"col": "colonel", "sgt": "sergeant", "capt": "captain", "prof": "professor", "adm": "admiral",
	"pres": "president", "atty": "attorney", "supt": "superintendent", "cmdr": "commander", "maj": "major",
}

// timeWords qualify an office by when it was held: a description and its holder agree on them.
var timeWords = setOf("former", "then", "late", "ex", "outgoing", "incoming", "future", "acting", "interim",
	"retired", "elect", "designate", "onetime", "one-time", "previous", "past")

// compoundOffices are the words that make one office with the role word after them: "vice
// president" is no president, "press secretary" no secretary of a department.
var compoundOffices = setOf("vice", "deputy", "assistant", "press", "prime", "attorney", "majority", "minority",
	"lieutenant", "surgeon", "solicitor", "chief", "associate", "executive", "managing", "campaign", "under",
	"district", "county", "city", "national", "communications", "policy", "security", "finance")

// officeHead returns the head of the office words ws (lower case, in order, the last the role
// word): the last word, with the word before it when the two make one office, and the rest.
func officeHead(ws []string) (head string, quals []string) {
	n := len(ws)
	if n == 0 {
		return "", nil
	}
	head, quals = ws[n-1], ws[:n-1]
	if n >= 2 && compoundOffices[ws[n-2]] {
		head, quals = ws[n-2]+" "+head, ws[:n-2]
	}
	return head, quals
}

// officeWord returns the lower-case word of token t as an office word: its final period dropped,
// an abbreviated title spelled out ("Sen." is "senator"). A time prefix ("then-Gov.", "ex-president")
// is returned apart.
func officeWord(t tok) (pre, w string) {
	w = strings.TrimSuffix(t.lower(), ".")
	if i := strings.IndexByte(w, '-'); i > 0 && timeWords[w[:i]] {
		pre, w = w[:i], w[i+1:]
	}
	if o, ok := titleOffices[w]; ok {
		w = o
	}
	return pre, w
}

// officeWords appends to ws the office words of tokens [a, b), lower case (officeWord).
func officeWords(ws []string, ts []tok, a, b int) []string {
	for i := a; i < b; i++ {
		if ts[i].kind() != tWord {
			continue
		}
		pre, w := officeWord(ts[i])
		if pre != "" {
			ws = append(ws, pre)
		}
		ws = append(ws, w)
	}
	return ws
}

// build reads the article's English paragraphs for holders.
func (hx *holderIndex) build(e *engine) {
	hx.built = true
	for _, ps := range e.ps {
		if ps.de {
			continue
		}
		ts := ps.toks
		next := 0
		for _, c := range ps.caps {
			i := int(c)
			if i < next || ts[i].is(lxCapStop) && !ts[i].is(lxTitle) {
				continue // as register reads the runs
			}
			j := nameRunEnd(ts, i, len(ts))
			if j <= i {
				continue
			}
			next = j
			hx.addRun(e.rg, ps, i, j)
			hx.addOrg(e.rg, ps, i, j)
		}
	}
}

// addRun adds the holder that the name run [i, j) of ps names, if it names one with an office.
func (hx *holderIndex) addRun(rg *registry, ps *paraState, i, j int) {
	ts := ps.toks
	cut := i // past the last title or role word of the run ("Florida Sen.", "White House Press Secretary")
	for k := i; k < j; k++ {
		if ts[k].shape(lxTitle|lxTitleNoDot|lxRoleNoDot) && !ts[k].is(lxPossessive) {
			cut = k + 1
		}
	}
	if cut >= j {
		return
	}
	var ws, must []string
	switch {
	case cut > i:
		// "former President Bill Clinton": lower-case words of time right before the run qualify it.
		for k := i - 1; k >= 0 && k >= i-2 && ts[k].kind() == tWord && !ts[k].cap(); k-- {
			if pre, w := officeWord(ts[k]); pre == "" && timeWords[w] {
				ws = append(ws, w)
				continue
			}
			break
		}
		ws = officeWords(ws, ts, i, cut)
		if _, w := officeWord(ts[cut-1]); !isOfficeHead(w) {
			return // "Mr. Bill Smith", "Dr. Jane Doe": a title of no office
		}
		if !ts[cut-1].is(lxTitle) {
			for k := i; k < cut-1; k++ {
				if ts[k].kind() == tWord && ts[k].cap() && !ts[k].shape(lxRoleNoDot|lxTitleNoDot) {
					_, w := officeWord(ts[k])
					must = append(must, w)
				}
			}
		}
	case i > 0 && ts[i-1].kind() == tWord && !ts[i-1].cap() && ts[i-1].shape(lxRole):
		// "campaign manager Robby Mook", "former spokesman Josh Earnest"
		s := i - 1
		for s > 0 && s > i-4 && ts[s-1].kind() == tWord && !ts[s-1].cap() && (ts[s-1].shape(lxRole) || timeWords[ts[s-1].lower()]) {
			s--
		}
		ws = officeWords(ws, ts, s, i)
	default:
		ws = appositiveOffice(ps, i, j)
	}
	if len(ws) == 0 {
		return
	}
	head, quals := officeHead(ws)
	if !isOfficeHead(head) {
		return
	}
	if !countryOffices[head] {
		must = nil // "FBI Director James Comey" is "the director": no director goes unqualified
	}
	// The registry is asked last, once the run is known to name an office: most name runs name none.
	ent := rg.holderName(ps, cut, j)
	if ent == nil {
		return
	}
	hx.entries = append(hx.entries, holderEntry{head: head, quals: quals, must: must, ent: ent})
}

// countryOffices are the offices a reader may take for the country's when a description names
// them bare ("the president", "the prime minister"), so that "World Bank President Jim Yong Kim"
// is no "president": the organisation before the role word must be named with it. Any other
// office is the one organisation's it is named with ("FBI Director James Comey" is "the
// director", "Trump Campaign Chairman Paul Manafort" "the campaign chairman").
var countryOffices = setOf("president", "vice president", "prime minister", "chancellor", "premier", "king",
	"queen", "pope", "first lady")

// orgKindsEn are English nouns for a kind of organisation that a description may name it by
// ("the union", "the department"), when the article names one of that kind.
var orgKindsEn = setOf("union", "department", "ministry", "agency", "company", "court", "committee", "council",
	"commission", "foundation", "university", "newspaper", "network", "institute", "bureau", "association",
	"corporation", "firm", "bank", "paper", "magazine", "office", "party", "board", "administration", "group")

// addOrg adds the organisation that the name run [i, j) of ps names with its kind, in the name
// ("the Justice Department", "the Teamsters Union") or right after it ("the United Auto Workers
// union"), so that "the department" and "the union" are it.
func (hx *holderIndex) addOrg(rg *registry, ps *paraState, i, j int) {
	ts := ps.toks
	if j-i >= 2 {
		if w := ts[j-1].lower(); orgKindsEn[w] {
			hx.entries = append(hx.entries, holderEntry{head: w, ent: hx.orgEntity(rg, ps, i, j)})
			return
		}
	}
	if j < len(ts) && i > 0 && ts[i-1].lower() == "the" && ts[j].kind() == tWord && !ts[j].cap() && orgKindsEn[ts[j].lower()] {
		if ent := rg.holderName(ps, i, j); ent != nil {
			hx.entries = append(hx.entries, holderEntry{head: ts[j].lower(), ent: ent})
		}
	}
}

// orgEntity returns the entity of the organisation the name run [i, j) of ps names: the
// registry's when it holds one, else one of the index's own, the same for the same words.
func (hx *holderIndex) orgEntity(rg *registry, ps *paraState, i, j int) *entity {
	if ent := rg.holderName(ps, i, j); ent != nil {
		return ent
	}
	words := rg.newWords(j - i)
	for k := i; k < j; k++ {
		words[k-i] = nameWord(ps.toks[k])
	}
	key := strings.Join(words, " ")
	if ent := hx.orgs[key]; ent != nil {
		return ent
	}
	ent := rg.newEntity(ps.text(i, j), words, "")
	if hx.orgs == nil {
		hx.orgs = map[string]*entity{}
	}
	hx.orgs[key] = ent
	if _, ok := hx.orgs[words[len(words)-1]]; !ok {
		hx.orgs[words[len(words)-1]] = ent
	}
	return ent
}

// isOfficeHead reports whether the office word w (officeWord) may head an office a description
// names: a role word that is no qualifier of one ("former", "white", "house").
func isOfficeHead(w string) bool {
	if i := strings.LastIndexByte(w, ' '); i >= 0 {
		w = w[i+1:]
	}
	return w != "" && roleWords.has(w) && !timeWords[w] && !compoundOffices[w] && !notOfficeHeads[w]
}

// notOfficeHeads are role words that qualify an office and head none ("White House", "House
// Speaker" is "speaker").
var notOfficeHeads = setOf("white", "house", "senate", "state", "vice", "deputy", "assistant", "press", "majority",
	"minority", "campaign", "elect", "designate")

// appositiveOffice returns the office words of a definite description in apposition to the name
// run [i, j), before it ("the city’s mayor, Bill de Blasio") or after it ("Barack Obama, the
// president,"), or none: "the" and at most four words, the last a role word, set off by commas.
func appositiveOffice(ps *paraState, i, j int) []string {
	ts := ps.toks
	if j+2 < len(ts) && ts[j].isPunct(",") && ts[j+1].lower() == "the" {
		e := j + 2
		for e < len(ts) && e-j <= 6 && ts[e].kind() == tWord && !isVerb(ts[e]) {
			e++
		}
		if e > j+2 && (e == len(ts) || ts[e].isPunct(",") || ts[e].isSentenceEnd()) && ts[e-1].shape(lxRole) {
			return officeWords(nil, ts, j+2, e)
		}
	}
	if i >= 3 && ts[i-1].isPunct(",") {
		s := i - 2
		for s >= 0 && i-1-s <= 5 && ts[s].kind() == tWord && ts[s].lower() != "the" && !isVerb(ts[s]) {
			s--
		}
		if s >= 0 && s < i-2 && ts[s].lower() == "the" && ts[i-2].shape(lxRole) {
			return officeWords(nil, ts, s+1, i-1)
		}
	}
	return nil
}

// holderName returns the person that the name words [a, b) of ps are, as the registry knows
// them, without adding one: a full name, or a surname of someone named in full ("President
// Obama" after "Barack Obama").
func (rg *registry) holderName(ps *paraState, a, b int) *entity {
	ts := ps.toks
	if b-a >= 2 {
		key := make([]byte, 0, 32)
		for k := a; k < b; k++ {
			if k > a {
				key = append(key, ' ')
			}
			key = append(key, nameWord(ts[k])...)
		}
		if ent := rg.byName[string(key)]; ent != nil && !ent.described && !groupEntity(ent) {
			return ent
		}
		return nil
	}
	if ent := rg.byLast(nameWord(ts[a])); ent != nil && !ent.described && !groupEntity(ent) {
		return ent
	}
	return nil
}

// holderEn returns the one person the article names as the holder of the office that the
// English description [m.a, m.b) of ps names, or nil (see the file's comment).
func (e *engine) holderEn(ps *paraState, m match, hx *holderIndex) *entity {
	ts := ps.toks
	if m.b-m.a < 2 || ts[m.a].lower() != "the" {
		return nil
	}
	for k := m.a + 1; k < m.b; k++ {
		if ts[k].kind() != tWord || ts[k].is(lxPronoun|lxDeterminer) {
			return nil
		}
	}
	if m.b < len(ts) && ts[m.b].kind() == tWord && ts[m.b].is(lxPreposition) {
		return nil // "the president of the company", "the spokesman for the mayor"
	}
	ws := officeWords(nil, ts, m.a+1, m.b)
	head, quals := officeHead(ws)
	if !isOfficeHead(head) && !(len(ws) == 1 && orgKindsEn[head]) {
		return nil
	}
	if !hx.built {
		hx.build(e)
	}
	var found *entity
	for _, h := range hx.entries {
		if h.head != head || !sameTimeWords(quals, h.quals) || !subsetOf(quals, h.quals) || !subsetOf(h.must, quals) {
			continue
		}
		if found != nil && found != h.ent {
			return nil // two holders: "the senator" may be either
		}
		found = h.ent
	}
	if found == nil || len(ws) == 1 && !e.holderNearest(ps, m.a, found, hx, !orgKindsEn[head]) {
		return nil
	}
	return found
}

// maxHolderLookback bounds the tokens holderNearest reads back, so that an article of many
// descriptions costs time linear in its length.
const maxHolderLookback = 2000

// holderNearest reports, for a description of one word ("the senator", not "the Florida senator"
// or "the vice president", which name the office more closely), whether ent is the person named
// nearest before token a of ps, past the
// people the article names with another office: "Walking into the office to chants of “Marco!
// Marco!,” the senator said" after "Rubio sought to stoke …" is Rubio's, though the one senator
// the article names by the title is Bernie Sanders; a person named before whose office the
// article does not tell may be the one the description stands for. The holder is named before the
// description, as a newsroom introduces a person before it refers to them by their office.
// For a person's office (person), a name after "the" is an organisation's and no one who may hold
// it: "the president said" after "President Barack Obama … the White House" is Obama's.
func (e *engine) holderNearest(ps *paraState, a int, ent *entity, hx *holderIndex, person bool) bool {
	budget := maxHolderLookback
	for p := ps.idx; p >= 0 && budget > 0; p-- {
		qs := e.ps[p]
		if qs.de {
			return false
		}
		hi := len(qs.toks)
		if p == ps.idx {
			hi = a
		}
		for j := hi - 1; j >= 0 && budget > 0; j, budget = j-1, budget-1 {
			t := qs.toks[j]
			if t.kind() != tWord || !t.cap() {
				continue
			}
			w := nameWord(t)
			n := hx.orgs[w] // the index's own organisations, kept by their last word too
			if n == nil {
				n = e.rg.byLast(w)
			}
			if n == nil || n.described {
				continue
			}
			if n == ent {
				return true
			}
			if person && definiteName(qs.toks, j) {
				continue
			}
			if !hx.holds(n) {
				return false
			}
		}
	}
	return false
}

// holds reports whether the article names ent with an office.
func (hx *holderIndex) holds(ent *entity) bool {
	for _, h := range hx.entries {
		if h.ent == ent {
			return true
		}
	}
	return false
}

// sameTimeWords reports whether the office words a and b hold the same words of time.
func sameTimeWords(a, b []string) bool {
	for _, w := range a {
		if timeWords[w] && !contains(b, w) {
			return false
		}
	}
	for _, w := range b {
		if timeWords[w] && !contains(a, w) {
			return false
		}
	}
	return true
}

// subsetOf reports whether every word of a is in b.
func subsetOf(a, b []string) bool {
	for _, w := range a {
		if !contains(b, w) {
			return false
		}
	}
	return true
}

// definiteName reports whether the capitalised word ts[j] is in a name run that "the" opens ("the
// White House", "the FBI"): an organisation's name, no person's. It reads back over the run's
// capitalised words only.
func definiteName(ts []tok, j int) bool {
	for j > 0 && ts[j-1].kind() == tWord && ts[j-1].cap() && ts[j-1].lower() != "the" {
		j--
	}
	return j > 0 && ts[j-1].lower() == "the"
}
