package article

import (
	"unicode"
)

// ruleLabel links transcript labels: a paragraph that opens with `NAME:` (or a quotation whose
// content does) gives its quotations to NAME.
func ruleLabel(ps *paraState, qi int) (match, bool) {
	ts := ps.toks
	// NAME: “…”
	if qi >= 2 && ts[qi-1].isPunct(":") {
		a, b, kind := npBackward(ts, qi-2, 0, false)
		if kind == npName && b-a <= maxNameWords && (a == 0 || ts[a-1].isSentenceEnd() || ts[a-1].isPunct("—") || ts[a-1].isPunct("-") && !compoundHyphen(ts, a-1) || ts[a-1].isPunct("–") || describedBefore(ts[a-1]) || closedSentence(ps, a-1)) {
			return match{a: a, b: b, kind: kind, cue: qi - 1, cueText: ":", rule: ruleLabelID, intro: true}, true
		}
	}
	// German "…, und der norwegische Ministerpräsident Jens Stoltenberg: „…“": the last of a list
	// of people who spoke, named right before the colon, speaks the quotation after it.
	if ps.de && qi >= 2 && ts[qi-1].isPunct(":") {
		if a, b, kind := npBackward(ts, qi-2, 0, false); kind == npName && b == qi-1 && b-a <= maxNameWords && listedLast(ts, a) {
			return match{a: a, b: b, kind: kind, cue: qi - 1, cueText: ":", rule: ruleLabelID, intro: true}, true
		}
	}
	// German NAME („….“): a sentence in marks that fills a parenthesis right after a person's
	// name, in a list of who said what ("so der Leiter der IAEA, Mohammed ElBaradei („Mir fällt
	// niemand ein, …“), und …"). A name or a gloss without a sentence's end there is a
	// translation ("Jobbik Magyarországért Mozgalom („Bewegung für ein besseres Ungarn“)").
	if ps.de && qi >= 2 && ts[qi-1].isPunct("(") && qi+1 < len(ts) && ts[qi+1].isPunct(")") && closedSentence(ps, qi) {
		a, b, kind := npBackward(ts, qi-2, 0, false)
		if kind == npName && b == qi-1 && b-a <= maxNameWords {
			return match{a: a, b: b, kind: kind, cue: qi - 1, cueText: "(", rule: ruleLabelID}, true
		}
	}
	return match{}, false
}

// compoundHyphen reports whether the hyphen at h joins the token before it, with no space
// between, to the word after it: "der „Bild“-Zeitung: „…“", "im „Spiegel“-Interview: „…“" end
// with a compound's noun, no transcript label after a dash.
func compoundHyphen(ts []tok, h int) bool {
	return h > 0 && ts[h-1].e == ts[h].s
}

// ruleLabelInside links a quotation that opens with a transcript label ("“WALLACE: Let’s start
// …”") to the labelled speaker: one or two words in capitals, then a colon.
func ruleLabelInside(ps *paraState, qi int) (match, bool) {
	sp := ps.spans[ps.toks[qi].q()]
	rs := ps.rs
	i := sp.start
	for i < sp.end && isSpaceRune(rs[i]) {
		i++
	}
	start, words := i, 0
	for i < sp.end && words < 3 {
		w := i
		for i < sp.end && (unicode.IsUpper(rs[i]) || rs[i] == '.' || rs[i] == '\'' || rs[i] == '’' || rs[i] == '-') {
			i++
		}
		if i-w < 2 {
			return match{}, false
		}
		words++
		if i < sp.end && rs[i] == ':' {
			if notSpeakerLabels[string(rs[start:i])] {
				return match{}, false // "“VIDEO: Hillary and Obama …”": what follows is a clip, not a speaker's words
			}
			name := []rune(string(rs[start:i]))
			for k := 1; k < len(name); k++ {
				if unicode.IsLetter(name[k-1]) {
					name[k] = unicode.ToLower(name[k])
				}
			}
			return match{cue: -1, cueText: ":", rule: ruleLabelInsideID, intro: true, label: true, ls: start, le: i, labelName: string(name)}, true
		}
		if i < sp.end && rs[i] == ' ' {
			i++
			continue
		}
		return match{}, false
	}
	return match{}, false
}

// notSpeakerLabels are labels in capitals before a colon that name what follows, not who speaks:
// a clip in a transcript, a note or a heading ("“VIDEO: …”", "“UPDATE: …”").
var notSpeakerLabels = map[string]bool{
	"VIDEO": true, "AUDIO": true, "CLIP": true, "PHOTO": true, "WATCH": true, "UPDATE": true,
	"NOTE": true, "EDITOR'S NOTE": true, "EDITOR’S NOTE": true, "TRANSCRIPT": true, "BREAKING": true,
}

// opensWithClipLabel reports whether a quotation's runes rs open with one of notSpeakerLabels and
// its colon ("VIDEO: Hillary and Obama …"): a clip or a note, which no speaker before it says.
func opensWithClipLabel(rs []rune) bool {
	i := 0
	for i < len(rs) && isSpaceRune(rs[i]) {
		i++
	}
	for j := i; j < len(rs) && j-i <= len("EDITOR’S NOTE"); j++ {
		if rs[j] == ':' {
			return notSpeakerLabels[string(rs[i:j])]
		}
	}
	return false
}

// closedSentence reports whether token i is a quotation whose own content ends its sentence, so that
// a name after it opens a new one: in a run of labelled exchanges ("… destroy ISIS." Bush: "The
// mission is …") the next label stands right after the last quotation's closing mark.
func closedSentence(ps *paraState, i int) bool {
	if ps.toks[i].kind() != tQuote {
		return false
	}
	l := lastContentRune(ps.rs, ps.spans[ps.toks[i].q()])
	return l == '.' || l == '!' || l == '?'
}

// describedBefore reports whether t, right before a name and its colon inside a sentence, says who
// the name is or where the words come from: an office or a speaking noun ("pollster Daron Shaw: “…”")
// or "from" ("More from Blumenthal and Cohen: “…”"). Another word makes the name an object whose
// colon may introduce anything.
func describedBefore(t tok) bool {
	return t.kind() == tWord && !t.cap() && (t.shape(lxRole) || t.is(lxSpeakerNoun) || t.lower() == "from")
}

// maxListedDescription bounds the words of the description before a name that listedLast passes.
const maxListedDescription = 5

// listedLast reports whether the German name that starts at token a, with its description before
// it (a determiner, adjectives and capitalised words: "der norwegische Ministerpräsident"), is the
// last item of a list: "und" or "sowie" stands right before them.
func listedLast(ts []tok, a int) bool {
	j := a - 1
	for j >= 0 && a-j <= maxListedDescription && ts[j].kind() == tWord && (ts[j].cap() && !ts[j].is(lxCapStop) || !ts[j].cap() && !isVerb(ts[j]) && !ts[j].is(lxPreposition) && !ts[j].is(lxConjunction)) {
		if ts[j].is(lxDeterminer) {
			j--
			break
		}
		j--
	}
	if j < 0 || ts[j].kind() != tWord || ts[j].cap() {
		return false
	}
	return ts[j].lower() == "und" || ts[j].lower() == "sowie"
}
