package article

import (
	"unicode"
)

// This file holds the attribution sieve: each rule links one quotation to the words that name its
// speaker, most precise rules first. The text is untrusted; every rule looks at a bounded window of
// tokens around the quotation, so the sieve stays linear in the paragraph's length.

// npKind says what sort of words a mention is.
type npKind uint8

const (
	npNone    npKind = iota
	npName           // a proper name: "Dmitry Peskov", "Mr. Garin", "the White House"
	npPronoun        // "he", "she"
	npDesc           // a description: "a campaign spokesman", "officials"
)

// match is one attribution found by a rule: the mention is tokens [a, b) of paragraph para, the
// cue is token cue (or -1).
type match struct {
	para, a, b int
	kind       npKind
	cue        int
	cueText    string
	rule       string
	intro      bool // the quotation follows its speaker's `said:` or `said,` (a whole utterance)
}

const (
	maxAppositive = 24 // tokens an appositive may span: "X, a former adviser to …, said"
	maxDescWords  = 5  // words of a description: "a senior campaign spokesman"
)

func isVerb(t tok) bool { return t.kind == tWord && !t.cap && speechVerbs[t.lower] }

// isSpeechVerbAt reports whether ts[i] is a speech verb, also when capitalised in German ("Sagte").
func isVerbTok(ts []tok, i int) bool { return i >= 0 && i < len(ts) && isVerb(ts[i]) }

// npForward reads a mention starting at token k, stopping before limit.
func npForward(ts []tok, k, limit int) (a, b int, kind npKind) {
	if k >= limit || ts[k].kind != tWord {
		return 0, 0, npNone
	}
	t := ts[k]
	if pronouns[t.lower] {
		return k, k + 1, npPronoun
	}
	if t.cap && (!capStop[t.lower] || titles[t.lower]) {
		j := nameRunEnd(ts, k, limit)
		if j > k {
			return k, j, npName
		}
	}
	// A description: a determiner, up to a few words, possibly ending in a name
	// ("the economist Jared Bernstein").
	if determiners[t.lower] || speakerNouns[t.lower] {
		j := k
		if determiners[t.lower] {
			j++
		}
		head := -1
		for w := 0; j < limit && w < maxDescWords; w++ {
			u := ts[j]
			if u.kind != tWord || isVerb(u) || adverbs[u.lower] && !u.cap {
				break
			}
			if u.cap && !capStop[u.lower] {
				e := nameRunEnd(ts, j, limit)
				if e > j && !roleWords[lowerNoDot(ts[e-1])] && !speakerNouns[ts[e-1].lower] {
					return j, e, npName
				}
				j = e
				head = e - 1
				continue
			}
			if determiners[u.lower] && j > k || prepositions[u.lower] {
				break
			}
			head = j
			j++
		}
		if head >= 0 && (speakerNouns[ts[head].lower] || roleWords[ts[head].lower]) {
			return k, head + 1, npDesc
		}
	}
	return 0, 0, npNone
}

// prepositions end a description's head ("a spokesman for the campaign").
var prepositions = setOf("for", "of", "at", "in", "on", "with", "from", "to", "by", "close", "who", "which", "that")

func lowerNoDot(t tok) string {
	s := t.lower
	if len(s) > 0 && s[len(s)-1] == '.' {
		return s[:len(s)-1]
	}
	return s
}

// nameRunEnd returns the end of the run of name words starting at k: capitalised words, titles,
// initials and particles between capitalised words. A possessive ends the run before it.
func nameRunEnd(ts []tok, k, limit int) int {
	j := k
	for j < limit {
		t := ts[j]
		if t.kind != tWord {
			break
		}
		if t.cap {
			if j > k && capStop[t.lower] && !titles[t.lower] {
				break
			}
			if isPossessive(t.lower) && (j > k || j+1 >= limit || !ts[j+1].cap || capStop[ts[j+1].lower]) {
				break // "Trump’s campaign": the run ends before the possessive; "CNN’s Fareed Zakaria" goes on
			}
			j++
			continue
		}
		if particles[t.lower] && j > k && j+1 < limit && ts[j+1].cap {
			j++
			continue
		}
		break
	}
	return j
}

func isPossessive(s string) bool {
	n := len(s)
	return n > 2 && s[n-1] == 's' && (s[n-2] == '\'' || (n > 4 && s[n-4:n-1] == "’"))
}

// npBackward reads a mention that ends at token k (inclusive), not before lo.
func npBackward(ts []tok, k, lo int) (a, b int, kind npKind) {
	if k < lo || ts[k].kind != tWord {
		if k >= lo && ts[k].isPunct(",") {
			// An appositive: "Lael Brainard, a Fed governor, said".
			for j := k - 1; j >= lo && k-j <= maxAppositive; j-- {
				if ts[j].kind == tQuote || ts[j].isSentenceEnd() {
					break
				}
				if ts[j].isPunct(",") {
					a, b, kind := npBackward(ts, j-1, lo)
					if kind == npName || kind == npDesc {
						return a, b, kind
					}
					break
				}
			}
		}
		return 0, 0, npNone
	}
	t := ts[k]
	if pronouns[t.lower] {
		return k, k + 1, npPronoun
	}
	if t.cap && !capStop[t.lower] && !isPossessive(t.lower) {
		j := k
		for j-1 >= lo {
			u := ts[j-1]
			if u.kind != tWord {
				break
			}
			if u.cap && (!capStop[u.lower] || titles[u.lower]) {
				j--
				continue
			}
			if particles[u.lower] && j-2 >= lo && ts[j-2].cap {
				j--
				continue
			}
			break
		}
		return j, k + 1, npName
	}
	if speakerNouns[t.lower] && !t.cap {
		for j := k - 1; j >= lo && k-j <= maxDescWords; j-- {
			u := ts[j]
			if u.kind != tWord {
				break
			}
			if determiners[u.lower] {
				return j, k + 1, npDesc
			}
		}
		if t.lower[len(t.lower)-1] == 's' {
			return k, k + 1, npDesc // officials, sources
		}
	}
	return 0, 0, npNone
}

// skipAdverbsBack returns the index before any adverbs and auxiliaries that end at k.
func skipAdverbsBack(ts []tok, k, lo int) int {
	for n := 0; k >= lo && n < 3 && ts[k].kind == tWord && !ts[k].cap && adverbs[ts[k].lower]; n++ {
		k--
	}
	// "Smith on Tuesday said", "Smith Tuesday said"
	if k >= lo && ts[k].kind == tWord && isDay(ts[k].lower) {
		k--
		if k >= lo && (ts[k].lower == "on" || ts[k].lower == "late" || ts[k].lower == "early") {
			k--
		}
	}
	return k
}

func isDay(s string) bool {
	switch s {
	case "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday":
		return true
	}
	return false
}

// skipAdverbsFwd returns the index after any adverbs and day words that start at k.
func skipAdverbsFwd(ts []tok, k, limit int) int {
	for n := 0; k < limit && n < 3 && ts[k].kind == tWord && (adverbs[ts[k].lower] && !ts[k].cap || isDay(ts[k].lower)); n++ {
		k++
	}
	return k
}

// lastContentRune returns the last non-space rune of a quotation's content, or 0.
func lastContentRune(rs []rune, sp span) rune {
	for i := sp.end - 1; i >= sp.start; i-- {
		if !isSpaceRune(rs[i]) {
			return rs[i]
		}
	}
	return 0
}

func firstContentRune(rs []rune, sp span) rune {
	for i := sp.start; i < sp.end; i++ {
		if !isSpaceRune(rs[i]) {
			return rs[i]
		}
	}
	return 0
}

// ruleAfter links `,” X said`, `,” said X`, `,” X, a …, said` and `,” according to X`.
func ruleAfter(ps *paraState, qi int) (match, bool) {
	ts := ps.toks
	sp := ps.spans[ts[qi].q]
	n := len(ts)
	t := qi + 1
	comma := false
	if t < n && ts[t].kind == tPunct && (ts[t].lower == "," || ts[t].lower == "—" || ts[t].lower == "–" || ts[t].lower == "-") {
		comma = true
		t++
	}
	if t >= n {
		return match{}, false
	}
	last := lastContentRune(ps.rs, sp)
	open := comma || last == ',' || last == '?' || last == '!' || last == '—' || last == '–' || last == '-' || last == '…'
	// `,” said X`
	if isVerbTok(ts, t) {
		a, b, k := npForward(ts, t+1, n)
		if k != npNone && (ts[t].lower != "so" || k == npName) {
			return match{a: a, b: b, kind: k, cue: t, rule: "after-verb-name"}, true
		}
	}
	if !open {
		return match{}, false
	}
	if ts[t].lower == "according" && t+1 < n && ts[t+1].lower == "to" {
		if a, b, k := npForward(ts, t+2, n); k != npNone {
			return match{a: a, b: b, kind: k, cue: t, cueText: "according to", rule: "according-to"}, true
		}
	}
	a, b, k := npForward(ts, t, n)
	if k == npNone {
		return match{}, false
	}
	j := b
	if j < n && ts[j].isPunct(",") {
		// An appositive up to the next comma.
		for e := j + 1; e < n && e-j <= maxAppositive; e++ {
			if ts[e].kind == tQuote || ts[e].isSentenceEnd() {
				break
			}
			if ts[e].isPunct(",") {
				j = e + 1
				break
			}
		}
	}
	j = skipAdverbsFwd(ts, j, n)
	if isVerbTok(ts, j) && ts[j].lower != "so" {
		return match{a: a, b: b, kind: k, cue: j, rule: "after-name-verb"}, true
	}
	return match{}, false
}

// sentenceStart returns the first token of the sentence that holds token i.
func sentenceStart(ps *paraState, i int) int {
	ts := ps.toks
	for j := i - 1; j >= 0; j-- {
		if ts[j].isSentenceEnd() {
			return j + 1
		}
		if ts[j].kind == tQuote && j < i-1 {
			// A quotation that ends its sentence (“… win.” Smith said) starts a new one after it.
			l := lastContentRune(ps.rs, ps.spans[ts[j].q])
			if (l == '.' || l == '!' || l == '?') && ts[j+1].kind == tWord && ts[j+1].cap {
				return j + 1
			}
		}
	}
	return 0
}

// ruleBefore links `X said: “`, `X said, “`, `said X: “` and a speech verb earlier in the same
// sentence (`X argued that … “`), walking back over other quotations of the sentence.
func ruleBefore(ps *paraState, qi int) (match, bool) {
	ts := ps.toks
	lo := sentenceStart(ps, qi)
	intro := qi > 0 && (ts[qi-1].isPunct(":") || ts[qi-1].isPunct(","))
	return walkBack(ps, qi, lo, intro)
}

// walkBack looks for a speech verb and its subject in tokens [lo, end).
func walkBack(ps *paraState, end, lo int, intro bool) (match, bool) {
	ts := ps.toks
	for k := end - 1; k >= lo; k-- {
		t := ts[k]
		if t.kind != tWord {
			continue
		}
		if t.lower == "according" && k+1 < end && ts[k+1].lower == "to" {
			if a, b, kind := npForward(ts, k+2, end); kind != npNone {
				return match{a: a, b: b, kind: kind, cue: k, cueText: "according to", rule: "according-to", intro: intro}, true
			}
			continue
		}
		if !isVerb(t) {
			continue
		}
		adjacent := k == end-1 || k == end-2 && ts[end-1].kind == tPunct ||
			k == end-3 && ts[end-1].kind == tPunct && isObject(ts[end-2])
		if weakVerbs[t.lower] && !(adjacent && intro) {
			continue
		}
		p := skipAdverbsBack(ts, k-1, lo)
		if a, b, kind := npBackward(ts, p, lo); kind != npNone {
			if kind == npPronoun && b < k && ts[b].kind == tWord && ts[b].lower == "told" {
				continue
			}
			return match{a: a, b: b, kind: kind, cue: k, rule: "before-verb", intro: intro && adjacent}, true
		}
		// `said X: “`
		if a, b, kind := npForward(ts, k+1, end); kind != npNone && kind != npPronoun && (b == end || b == end-1 && ts[b].kind == tPunct) {
			return match{a: a, b: b, kind: kind, cue: k, rule: "before-verb-name", intro: intro}, true
		}
	}
	return match{}, false
}

// ruleLabel links transcript labels: a paragraph that opens with `NAME:` (or a quotation whose
// content does) gives its quotations to NAME.
func ruleLabel(ps *paraState, qi int) (match, bool) {
	ts := ps.toks
	// NAME: “…”
	if qi >= 2 && ts[qi-1].isPunct(":") {
		a, b, kind := npBackward(ts, qi-2, 0)
		if kind == npName && a == 0 && b-a <= 4 {
			return match{a: a, b: b, kind: kind, cue: qi - 1, cueText: ":", rule: "label"}, true
		}
	}
	return match{}, false
}

// isUtterance reports whether a quotation reads as a whole utterance rather than a quoted term:
// it starts with a capital letter or holds several words.
func isUtterance(rs []rune, sp span) bool {
	f := firstContentRune(rs, sp)
	words := countWords(rs[sp.start:sp.end])
	return words >= 6 || unicode.IsUpper(f) && words >= 3
}

func countWords(rs []rune) int {
	n, in := 0, false
	for _, r := range rs {
		if isSpaceRune(r) {
			in = false
			continue
		}
		if !in {
			n++
			in = true
		}
	}
	return n
}

// wholeParagraph reports whether the quotation token qi is all the paragraph holds, apart from
// punctuation.
func wholeParagraph(ps *paraState, qi int) bool {
	for i, t := range ps.toks {
		if i != qi && t.kind != tPunct {
			return false
		}
	}
	return true
}

// isObject reports whether t is the object of a speech verb before its quotation ("asked him,").
func isObject(t tok) bool {
	switch t.lower {
	case "him", "her", "them", "me", "us", "reporters", "ihm", "ihr", "ihnen":
		return true
	}
	return false
}
