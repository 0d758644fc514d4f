package crossref

import (
	"sort"
	"strings"
	"sync"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// The name-merging rule, as GroupNames applies it (paste-ready for docs/architecture.md):
//
//  1. Normalise each name: fold case and diacritics, drop dots, drop leading titles ("President",
//     "Sen.", "Prime Minister", "Mr.") and set trailing suffixes ("Jr.", "III") aside. The surname
//     is the last word; a hyphenated surname ("Ocasio-Cortez") is one word, and the lowercase
//     particles before it ("von der", "de", "van") belong to the surname but not to its key. The
//     given names are the words before the surname; a given name of one letter is an initial.
//  2. Different surname keys never merge: "Paul Ryan" and "Paul Rand" stay two people. Nor do two
//     names with a given name and different suffixes: "Donald Trump Jr." is not "Donald Trump".
//  3. Two names with the same surname and the same given names merge, where given names are the
//     same when they spell the same after a transliteration fold (y→i, doubled letters once,
//     ks→x, kh→h, ph→f: "Dmitry", "Dmitri" and "Dmitriy" all fold to "dmitri") or are in one row
//     of a small table of common transliteration variants ("Mohammed"/"Muhammad"). No other edit
//     distance counts, so "Mario" and "Maria" stay apart.
//  4. A less specific name merges into a more specific one only when exactly one person in the
//     library fits it: a bare surname ("Peskov"), initials ("D. Peskov"), a name without the
//     middle name ("George Bush"; given names fit at the same place, so "George W. Bush" does not
//     fit "George H. W. Bush"), or the tail of a longer name ("García Márquez"). When two people
//     fit ("George W. Bush" and "George H. W. Bush" for "George Bush", "John Smith" and "Jane
//     Smith" for "J. Smith"), it stays a person of its own.
//  5. The user's hand decisions win over the rules: a merge of two names joins their people, a
//     split keeps them apart even when the rules or other merges would join them. When two
//     decisions name the same pair, the later wins; a merge that would join a split pair is not
//     applied.

// MaxNameRunes caps the length of a name that GroupNames reads; longer names are cut there.
const MaxNameRunes = 200

// MaxDecisions bounds the hand decisions a reader's tools take into account (the latest ones): the
// speaker pages read at most this many from the browser's storage, and a search's speaker filter
// applies at most this many.
const MaxDecisions = 2000

// Decision is a hand decision about two speaker names: merge them into one person, or keep them
// apart. It wins over the rules.
type Decision struct {
	A, B  string
	Merge bool // true: the same person; false: two people
}

// Person is a group of names that GroupNames took for one person.
type Person struct {
	Name  string   // the most specific of its names, the one to show
	Names []string // every name of the group, in input order
}

// parsedName is one name split by the rule above.
type parsedName struct {
	raw       string
	given     []string // folded given names, initials as one letter
	surname   []string // folded surname words, particles included
	key       string   // the surname's key: its last word, folded
	tokens    []string // every folded word, titles and suffixes dropped
	suffix    string   // the folded suffix ("jr", "iii"), or empty
	fullGiven int      // how many given names are not initials
}

// nameWords are the word lists the name rule reads: built on the first name compared, not at
// app.wasm's start (the library page's takeover waits for package initialisers, and variantOf
// folds through Unicode normalisation).
type nameWords struct {
	titles, suffixes, particles map[string]bool
	variantOf                   map[string]int // a folded given name's row in variants
}

// nameListsOnce and nameListsBuilt hold nameLists' lists once they are built.
var (
	nameListsOnce  sync.Once
	nameListsBuilt *nameWords
)

// nameLists returns the word lists, building them on the first call.
func nameLists() *nameWords {
	nameListsOnce.Do(func() { nameListsBuilt = buildNameLists() })
	return nameListsBuilt
}

// buildNameLists builds the lists nameLists returns.
func buildNameLists() *nameWords {
	w := &nameWords{
		titles: wordSet(`president vice mr mrs ms miss dr sen senator rep representative gov governor
	secretary gen general prime minister chancellor judge justice prof professor sir dame lord rev mayor
	former speaker chairman chairwoman ambassador sheikh herr frau`),
		suffixes:  wordSet(`jr sr ii iii iv`),
		particles: wordSet(`von van der den de du da di del della la le zu ter ten bin al el dos das`),
		variantOf: map[string]int{},
	}
	for i, row := range variants {
		for _, v := range row {
			w.variantOf[fold(v)] = i
		}
	}
	return w
}

// variants lists given names that are one name in different transliterations and that the fold
// does not make equal. Each row is one name.
var variants = [][]string{
	{"mohammed", "muhammad", "mohammad", "mohamed", "muhammed"},
	{"muammar", "moammar", "moamar"},
	{"volodimir", "wolodimir"},
	{"aleksandr", "alexander", "alexandr"},
	{"iosif", "josef", "joseph"},
}

// wordSet is the set of the space-separated words of list.
func wordSet(list string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(list) {
		m[w] = true
	}
	return m
}

// foldWord lowercases w and drops its diacritics and dots.
func foldWord(w string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(w) {
		switch {
		case unicode.Is(unicode.Mn, r), r == '.':
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// fold is the transliteration fold of a folded given name: y→i, ks→x, kh→h, ph→f, and doubled
// letters once.
func fold(w string) string {
	w = strings.NewReplacer("ks", "x", "kh", "h", "ph", "f", "y", "i").Replace(w)
	var b strings.Builder
	var last rune
	for _, r := range w {
		if r != last {
			b.WriteRune(r)
		}
		last = r
	}
	return b.String()
}

// parseName splits name by the rule; ok is false when no name is left.
func parseName(name string) (p parsedName, ok bool) {
	if r := []rune(name); len(r) > MaxNameRunes {
		name = string(r[:MaxNameRunes])
	}
	p.raw = name
	var words, orig []string
	for _, f := range strings.Fields(strings.ReplaceAll(name, ".", ". ")) {
		f = strings.Trim(f, ",;:'\"()")
		if w := foldWord(f); w != "" {
			words, orig = append(words, w), append(orig, f)
		}
	}
	lists := nameLists()
	for len(words) > 1 && lists.titles[words[0]] {
		words, orig = words[1:], orig[1:]
	}
	for len(words) > 1 && lists.suffixes[words[len(words)-1]] {
		p.suffix = words[len(words)-1] + " " + p.suffix
		words, orig = words[:len(words)-1], orig[:len(words)-1]
	}
	if len(words) == 0 || lists.titles[words[0]] && len(words) == 1 {
		return p, false
	}
	p.tokens = words
	s := len(words) - 1
	for s > 0 && lists.particles[words[s-1]] && (s-1 > 0 || unicode.IsLower([]rune(orig[0])[0])) {
		s--
	}
	p.given, p.surname = words[:s], words[s:]
	p.key = words[len(words)-1]
	for _, g := range p.given {
		if len([]rune(g)) > 1 {
			p.fullGiven++
		}
	}
	return p, true
}

// sameGiven reports whether two full given names are one name by the rule.
func sameGiven(a, b string) bool {
	fa, fb := fold(a), fold(b)
	if fa == fb {
		return true
	}
	variantOf := nameLists().variantOf
	ia, oka := variantOf[fa]
	ib, okb := variantOf[fb]
	return oka && okb && ia == ib
}

// fitsGiven reports whether given name a (maybe an initial) fits given name b.
func fitsGiven(a, b string) bool {
	if len([]rune(a)) == 1 {
		return []rune(b)[0] == []rune(a)[0]
	}
	return len([]rune(b)) > 1 && sameGiven(a, b)
}

// equivalent reports whether a and b are equally specific spellings of one name (rule 3).
func equivalent(a, b parsedName) bool {
	if a.key != b.key || a.suffix != b.suffix || len(a.given) != len(b.given) || len(a.given) == 0 {
		return false
	}
	for i := range a.given {
		ga, gb := a.given[i], b.given[i]
		if len([]rune(ga)) == 1 || len([]rune(gb)) == 1 {
			if ga != gb {
				return false
			}
			continue
		}
		if !sameGiven(ga, gb) {
			return false
		}
	}
	return a.fullGiven > 0
}

// fits reports whether the less specific name a fits the name b (rule 4): same surname key, and
// each of a's given names fits b's at the same place (an initial fits a name it starts), or a is the
// tail of b's words; and the same suffix, unless a is a bare surname or initials without one.
func fits(a, b parsedName) bool {
	if a.key != b.key || (a.suffix != b.suffix && (a.suffix != "" || a.fullGiven > 0)) {
		return false
	}
	if len(a.tokens) < len(b.tokens) && equalWords(a.tokens, b.tokens[len(b.tokens)-len(a.tokens):]) {
		return true
	}
	if len(a.given) == 0 {
		return true
	}
	if len(b.given) == 0 || !fitsGiven(a.given[0], b.given[0]) {
		return false
	}
	if len(a.given) > len(b.given) {
		return false
	}
	for i, g := range a.given[1:] {
		if !fitsGiven(g, b.given[i+1]) {
			return false
		}
	}
	return true
}

func equalWords(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// specificity orders names: more full given names first, then more given names, then more words.
func specificity(p parsedName) int {
	return p.fullGiven*10000 + len(p.given)*100 + len(p.tokens)
}

// GroupNames groups names into people by the rule above, with the hand decisions ds applied over it.
// Empty names and names that are only a title are left out. Equal names are one entry. The people
// come in the order of their first name in names. Its cost is quadratic in the names that share a
// surname key, not in all names.
func GroupNames(names []string, ds []Decision) []Person {
	idx := map[string]int{}
	var ps []parsedName
	for _, n := range names {
		n = strings.TrimSpace(n)
		if _, seen := idx[n]; seen {
			continue
		}
		p, ok := parseName(n)
		if !ok {
			continue
		}
		idx[n] = len(ps)
		ps = append(ps, p)
	}
	u := newUnion(len(ps))
	merges, splits := decide(ds, idx)
	u.splits = splits
	for _, m := range merges {
		u.join(m[0], m[1])
	}
	byKey := map[string][]int{}
	for i, p := range ps {
		byKey[p.key] = append(byKey[p.key], i)
	}
	for _, group := range byKey {
		sort.SliceStable(group, func(x, y int) bool { return specificity(ps[group[x]]) > specificity(ps[group[y]]) })
		for x, i := range group {
			for _, j := range group[x+1:] {
				if equivalent(ps[i], ps[j]) {
					u.join(i, j)
				}
			}
		}
		for x, i := range group {
			roots := map[int]bool{}
			for _, j := range group[:x] {
				if specificity(ps[j]) > specificity(ps[i]) && fits(ps[i], ps[j]) && !fits(ps[j], ps[i]) {
					roots[u.find(j)] = true
				}
			}
			if len(roots) == 1 {
				for r := range roots {
					u.join(i, r)
				}
			}
		}
	}
	return people(ps, u)
}

// decide turns the hand decisions into merge pairs and split pairs of name indices; for a pair named
// twice, the later decision wins. Names that GroupNames does not know are ignored.
func decide(ds []Decision, idx map[string]int) (merges, splits [][2]int) {
	last := map[[2]int]bool{}
	var order [][2]int
	for _, d := range ds {
		a, oka := idx[strings.TrimSpace(d.A)]
		b, okb := idx[strings.TrimSpace(d.B)]
		if !oka || !okb || a == b {
			continue
		}
		k := [2]int{min(a, b), max(a, b)}
		if _, seen := last[k]; !seen {
			order = append(order, k)
		}
		last[k] = d.Merge
	}
	for _, k := range order {
		if last[k] {
			merges = append(merges, k)
		} else {
			splits = append(splits, k)
		}
	}
	return merges, splits
}

// people collects the union's groups, each named by its most specific name.
func people(ps []parsedName, u *union) []Person {
	var out []Person
	at := map[int]int{}
	best := map[int]int{}
	for i, p := range ps {
		r := u.find(i)
		k, ok := at[r]
		if !ok {
			k = len(out)
			at[r] = k
			out = append(out, Person{})
			best[k] = i
		}
		out[k].Names = append(out[k].Names, p.raw)
		if b := ps[best[k]]; specificity(p) > specificity(b) {
			best[k] = i
		}
	}
	for k := range out {
		out[k].Name = ps[best[k]].raw
	}
	return out
}

// union is a union-find over name indices that refuses a join that would put a split pair in one
// group.
type union struct {
	parent []int
	splits [][2]int
}

func newUnion(n int) *union {
	u := &union{parent: make([]int, n)}
	for i := range u.parent {
		u.parent[i] = i
	}
	return u
}

func (u *union) find(i int) int {
	for u.parent[i] != i {
		u.parent[i] = u.parent[u.parent[i]]
		i = u.parent[i]
	}
	return i
}

func (u *union) join(a, b int) {
	ra, rb := u.find(a), u.find(b)
	if ra == rb {
		return
	}
	for _, s := range u.splits {
		x, y := u.find(s[0]), u.find(s[1])
		if (x == ra && y == rb) || (x == rb && y == ra) {
			return
		}
	}
	u.parent[rb] = ra
}
