package article

import "strings"

// This file reads the mentions that name a speaker: names with their titles and offices, pronouns
// and descriptions, forward from a token or back from one. Each reader looks at a bounded window.

// npForward reads a mention starting at token k, stopping before limit: a pronoun, a name with
// whatever office stands before it ("former congressman Dan Maffei", "White House press secretary
// Josh Earnest": the mention is the name), or a description ("a campaign spokesman"). A description
// needs a head from speakerNouns unless anyHead (the position already vouches for it: `,” the
// moderator said`).
func npForward(ts []tok, k, limit int, anyHead bool) (a, b int, kind npKind) {
	if k >= limit || ts[k].kind() != tWord {
		return 0, 0, npNone
	}
	t := ts[k]
	if t.is(lxPronoun) || pronounContraction(t) {
		return k, k + 1, npPronoun
	}
	if b, ok := oneOf(ts, k, limit); ok {
		return k, b, npDesc
	}
	det := t.is(lxDeterminer)
	j := k
	if det {
		j++
	} else if t.cap() && t.is(lxPossessive) && k+1 < limit && ts[k+1].kind() == tWord && !ts[k+1].cap() {
		det = true // "Clinton’s top foreign policy aide Jake Sullivan"
		j++
	}
	nameA, nameB := -1, -1
	head := -1
	if det && !t.cap() && j+1 < limit && isCardinal(ts[j]) && isVerb(ts[j+1]) {
		return k, j + 1, npDesc // "the two write": the number is the head
	}
	for w := 0; j < limit && w < maxDescWords+3; w++ {
		u := ts[j]
		if det && nameA < 0 && head >= 0 && u.isPunct(",") && adjectivesThenVerb(ts, j+1, limit) {
			j++ // "the bespectacled, 71-year-old diplomat said": a comma between adjectives
			continue
		}
		// After a determiner and before a speech verb, a word that is also a weak speech verb is a
		// noun: "the report concluded" (but "the letter reads").
		if u.kind() != tWord || isVerb(u) && !(det && j > k && u.is(lxWeakVerb) && j+1 < limit && isVerb(ts[j+1])) || !u.cap() && (u.is(lxAdverb) || u.is(lxPreposition) || u.is(lxDeterminer) || u.is(lxPronoun) || u.is(lxConjunction)) {
			break
		}
		if u.cap() && (!u.is(lxCapStop) || u.is(lxTitle) || j == k && stopFirstName(ts, j, limit)) {
			if e := nameRunEnd(ts, j, limit); e > j {
				nameA, nameB, head = j, e, e-1
				j = e
				continue
			}
		}
		if u.cap() && u.is(lxCapStop) && !(det && nameA < 0 && j+1 < limit && ts[j+1].kind() == tWord && !ts[j+1].cap() && !isVerb(ts[j+1])) {
			break // but "a Wednesday editorial": a day or a month before the head
		}
		// A lower-case word belongs to a description after a determiner, or names an office; after
		// a name, only an office or a speaker noun goes on ("the Trump campaign").
		// A title-case description before the name goes on too: "Republican Presidential hopeful
		// Sen. Ted Cruz" (a party's or office's adjective opens it), whose name is the last run.
		if !u.cap() && !det && !u.shape(lxRole) && !u.is(lxSpeakerNoun) && !((nameA < 0 || ts[nameA].is(lxOfficeAdjective)) && (u.is(lxOfficeAdjective) || nameAhead(ts, j+1, limit))) {
			break
		}
		head = j
		j++
	}
	switch {
	case head < 0:
		return 0, 0, npNone
	case nameB == head+1:
		return nameA, nameB, npName
	case !det && nameA < 0 && head == k && bareModifier(ts, k, limit):
		return 0, 0, npNone
	case det && anyHead, ts[head].is(lxSpeakerNoun), ts[head].shape(lxRole):
		return k, head + 1, npDesc
	}
	if det && nameA < 0 && head == j-1 && j < limit && ts[j].kind() == tWord && !ts[j].cap() && (ts[j].is(lxPreposition) || ts[j].lower() == "to") {
		// "The email goes on to say": the word after a speaking noun is its verb, whose particle
		// or preposition ended the reading ("goes on", "went on").
		if h := head - 1; h > k && ts[h].is(lxSpeakerNoun) && !ts[h].cap() && !ts[head].is(lxSpeakerNoun) {
			return k, h + 1, npDesc
		}
	}
	if det && nameA > k && head == nameB && head == j-1 && j < limit && ts[nameA-1].kind() == tWord && !ts[nameA-1].cap() &&
		(ts[nameA-1].is(lxSpeakerNoun) || ts[nameA-1].shape(lxRole)) && ts[j].kind() == tWord && !ts[j].cap() &&
		(ts[j].is(lxPreposition) || ts[j].is(lxAdverb) || ts[j].lower() == "to" || ts[j].lower() == "so") {
		// "The town columnist Tom Baker went on to say", "… went so far as to say": the name
		// after a speaking noun is the mention, and the word after it its verb, whose particle
		// or adverb ended the reading.
		return nameA, nameB, npName
	}
	return 0, 0, npNone
}

// oneOf reads a partitive description at k, "one of" and a group of speakers ("said one of those
// advisers", "said one of two witnesses"), and returns its end. The group needs a speaking noun
// or an office as its head; a number may open it.
func oneOf(ts []tok, k, limit int) (int, bool) {
	if ts[k].lower() != "one" || k+2 >= limit || ts[k+1].lower() != "of" {
		return 0, false
	}
	j := k + 2
	if ts[j].kind() == tWord && isCardinal(ts[j]) {
		j++
	}
	if j >= limit || ts[j].lower() == "one" {
		return 0, false
	}
	if _, b, kind := npForward(ts, j, limit, false); kind == npDesc {
		return b, true
	}
	return 0, false
}

// bareModifier reports whether the lower-case speaking noun at k, with no determiner before it,
// is a singular count noun that modifies the noun after it ("party procedures give …", "network
// executives said"): English gives a singular count noun that is a subject a determiner, so a
// bare one before another lower-case word is no mention. An office ("spokesman Jim Smith") and a
// mass noun ("police said", "staff said") may stand bare.
func bareModifier(ts []tok, k, limit int) bool {
	t := ts[k]
	w := t.lower()
	if t.cap() || t.shape(lxRole) || strings.HasSuffix(w, "s") || w == "police" || w == "staff" || w == "people" {
		return false
	}
	return k+1 < limit && ts[k+1].kind() == tWord && !ts[k+1].cap() && !isVerb(ts[k+1])
}

// adjectivesThenVerb reports whether lower-case content words from k, at most three, end a
// description right before a speech verb: the words after a comma that stands between two
// adjectives ("the bespectacled, 71-year-old diplomat said").
func adjectivesThenVerb(ts []tok, k, limit int) bool {
	for i := k; i < limit && i-k <= 3; i++ {
		u := ts[i]
		if u.kind() != tWord || u.cap() {
			return false
		}
		if isVerb(u) {
			return i > k
		}
		if u.is(lxAdverb) || u.is(lxPreposition) || u.is(lxDeterminer) || u.is(lxPronoun) || u.is(lxConjunction) {
			return false
		}
	}
	return false
}

// nameAhead reports whether a name starts at k or after at most two more lower-case words that
// are not function words or speech verbs: the lower-case words before it describe the person
// ("said retired neurosurgeon Ben Carson", "said Republican party boss Reince Priebus").
func nameAhead(ts []tok, k, limit int) bool {
	for i := k; i < limit && i-k < 3; i++ {
		u := ts[i]
		if u.kind() != tWord {
			return false
		}
		if u.cap() {
			return !u.is(lxCapStop) && nameRunEnd(ts, i, limit) > i
		}
		if isVerb(u) || u.is(lxAdverb) || u.is(lxPreposition) || u.is(lxDeterminer) || u.is(lxPronoun) || u.is(lxConjunction) {
			return false
		}
	}
	return false
}

// officeAdjectives qualify an office before a name ("senior adviser", "longtime aide").
var officeAdjectives = wordList(lxOfficeAdjective, "senior", "longtime", "top", "chief", "deputy", "political", "national", "local",
	"republican", "democratic", "conservative", "liberal", "independent", "undecided", "retired", "veteran",
	"legal", "campaign", "policy", "foreign", "economic", "military", "state", "federal", "county", "city", "party",
	"elected", "outgoing", "incoming", "newly", "associate", "managing", "executive", "general", "special")

// conjunctions end a mention: `,” but Zakaria asked` names nobody for the quotation before it.
var conjunctions = wordList(lxConjunction, "and", "but", "or", "nor", "so", "yet", "because", "while", "when", "if", "as", "after",
	"before", "although", "though", "since", "until", "where", "whether", "once", "unless", "than", "und", "aber",
	"oder", "sowie", "sondern")

// prepositions end a description's head ("a spokesman for the campaign").
var prepositions = wordList(lxPreposition, "for", "of", "at", "in", "on", "with", "from", "to", "by", "close", "who", "which", "that",
	"aus", "mit", "von", "bei", "nach", "zu", "für", "über", "gegen", "im", "am", "vom", "zum", "zur", "dem", "den", "des", "vor")

// nameRunEnd returns the end of the run of name words starting at k: capitalised words, titles,
// initials and particles between capitalised words. A possessive ends the run before it.
func nameRunEnd(ts []tok, k, limit int) int {
	j := k
	for j < limit && j-k < maxNameWords {
		t := ts[j]
		if t.kind() != tWord {
			break
		}
		if t.cap() {
			if j > k && t.is(lxCapStop) && !t.is(lxTitle) && !(lastNameStops[t.lower()] && !(j+1 < limit && isNumberWord(ts[j+1]))) && !surnameAfterGiven(ts, j, k, limit) {
				break
			}
			if t.is(lxPossessive) && (j > k || j+1 >= limit || !ts[j+1].cap() || ts[j+1].is(lxCapStop)) {
				break // "Trump’s campaign": the run ends before the possessive; "CNN’s Fareed Zakaria" goes on
			}
			if j > k && t.shape(lxNominalDe) {
				break // "hatte Steinbrück Positives zu vermelden": a German adjective used as a noun is the object
			}
			j++
			continue
		}
		if t.is(lxParticle) && j > k && j+1 < limit && (ts[j+1].cap() || particlePair(ts, j, limit)) && !(objectArticle(t) && !ts[j-1].is(lxParticle)) &&
			germanParticleGoesOn(ts, k, j) {
			// "den" or "das" goes on a name only after another particle ("Joop van den Berg"); after a
			// name it is the article of the verb's object: "fand Montserrat Sanz den Fund", "hat
			// Heidemarie Wieczorek-Zeul das Handtuch geworfen". ("der" may stand for a genitive.)
			j++
			continue
		}
		break
	}
	return j
}

// particlePair reports whether the particle at j, after a capitalised word, is followed by a second
// particle and a capitalised word: "Ursula von der Leyen", "Joop van den Berg", "Ignacio de la
// Fuente", where the second particle goes on the run as the first does.
func particlePair(ts []tok, j, limit int) bool {
	return j+2 < limit && ts[j-1].cap() && ts[j+1].kind() == tWord && !ts[j+1].cap() && ts[j+1].is(lxParticle) &&
		ts[j+2].kind() == tWord && ts[j+2].cap()
}

// germanParticleGoesOn reports whether the German particle "von", "zu" or "vom" at j goes on the
// name run that starts at k (any other particle does). "vom" is "von dem", an article before a
// noun ("Theo Kitz vom Bankhaus Merck Finck"). "von" and "zu" stand after a first name ("Richard
// von Weizsäcker", "Karl-Theodor zu Guttenberg"); after a full name of two words they open a
// phrase of their own ("Peer Steinbrück zu Beginn", "Joe Stork von HRW", "Robert Halver von der
// Baader Bank"). After one word the run goes on: "Nach Ansicht von Senator Dodd" is a source
// phrase.
func germanParticleGoesOn(ts []tok, k, j int) bool {
	switch ts[j].lower() {
	case "vom":
		return false
	case "von", "zu":
		return j-k < 2
	case "der":
		return ts[j-1].is(lxParticle) || !periodicalAhead(ts, j+1) && !personBeforeDerDe(ts, k, j)
	}
	return true
}

// personBeforeDerDe reports whether the name run that starts at k and reaches "der" at j is a
// person's name, after which "der" opens the addressee in the dative ("sagte Merkel der Bild am
// Sonntag"), no genitive of the name: the word before "der" holds no office (isRoleWord: "Präsident
// der Republik" goes on), and the run stands right after a verb without an article, as a German
// organisation's name does not ("sagte die Akademie der Künste"), or opens with an office
// ("Bundeskanzlerin Merkel der Bild").
func personBeforeDerDe(ts []tok, k, j int) bool {
	if ts[j-1].shape(lxRole) {
		return false
	}
	return k > 0 && ts[k-1].kind() == tWord && !ts[k-1].cap() && isVerb(ts[k-1]) || j-1 > k && ts[k].shape(lxRole)
}

// maxPeriodicalWords bounds the capitalised words of "der Deutschen Presse-Agentur" that
// periodicalAhead reads for the noun of a periodical.
const maxPeriodicalWords = 3

// periodicalAhead reports whether the capitalised words from token j on end, within
// maxPeriodicalWords, in the noun of a periodical (periodicalNoun): "der" before them, right after
// a name ("sagte Anna Schmidt der Nachrichtenagentur dpa", "der Süddeutschen Zeitung"), is the
// article of the addressee in the dative, not a particle of the name ("Ursula von der Leyen").
func periodicalAhead(ts []tok, j int) bool {
	for i := j; i < len(ts) && i-j < maxPeriodicalWords && ts[i].kind() == tWord && ts[i].cap(); i++ {
		if periodicalNoun(ts[i]) {
			return true
		}
	}
	return false
}

// germanParticleBackOn is germanParticleGoesOn for a name run read backwards: whether the
// particle at p goes on the run to the capitalised word before it, when a name word stands two
// tokens before it too ("Joe Stork von HRW") or the particle is "vom".
func germanParticleBackOn(ts []tok, p, lo int) bool {
	switch ts[p].lower() {
	case "vom":
		return false
	case "von", "zu":
		return !(p-2 >= lo && ts[p-2].kind() == tWord && ts[p-2].cap() && !ts[p-2].is(lxCapStop))
	}
	return true
}

// givenSurnameStops are stop words (capStop) that are surnames too, after a given name: "George
// Will", not "Trump Will Win" (surnameAfterGiven).
var givenSurnameStops = setOf("will")

// surnameAfterGiven reports whether the capitalised stop word at j, in a run of name words that
// starts at lo, is a surname in givenSurnameStops: a given name (givenNameOf) stands right before
// it and no capitalised word after it, so the run ends there ("columnist George Will reignited",
// "said George Will."; but "Will Trump win?", and "Hillary Will Win" in title case).
func surnameAfterGiven(ts []tok, j, lo, limit int) bool {
	if j-1 < lo || !givenSurnameStops[ts[j].lower()] {
		return false
	}
	p := ts[j-1]
	if p.kind() != tWord || !p.cap() || !p.is(lxGivenMan|lxGivenWoman) || p.is(lxCapStop) {
		return false
	}
	return j+1 >= limit || ts[j+1].kind() != tWord || !ts[j+1].cap()
}

// firstNameStops and lastNameStops are words that open clauses or name months, and so stop a name
// (capStop), but are names too: the first names "Will" and "May" ("said Will Doyle, a professor"),
// the surname "May" ("Theresa May said"), the last word of an organisation ("Judicial Watch added",
// "Human Rights Watch").
var (
	firstNameStops = setOf("will", "may")
	lastNameStops  = setOf("may", "watch")
)

// stopFirstName reports whether the capitalised word at k is a first name in firstNameStops: a
// name follows it, and a lower-case word stands before it, so that it opens no sentence or
// question ("said Will Doyle"; but "Will Trump win?", "May 5").
func stopFirstName(ts []tok, k, limit int) bool {
	if k < 1 || k+1 >= limit || !firstNameStops[ts[k].lower()] {
		return false
	}
	p, n := ts[k-1], ts[k+1]
	return p.kind() == tWord && !p.cap() && n.kind() == tWord && n.cap() && !n.is(lxCapStop) && !n.is(lxPossessive)
}

// lastNameStop reports whether the capitalised word at k is the last word of a name in
// lastNameStops: a capitalised word that may be a name stands right before it ("Theresa May",
// "Judicial Watch"; but "in May", "Tuesday, May").
func lastNameStop(ts []tok, k, lo int) bool {
	if k-1 < lo || !lastNameStops[ts[k].lower()] {
		return false
	}
	p := ts[k-1]
	return p.kind() == tWord && p.cap() && !p.is(lxCapStop) && !p.is(lxPossessive)
}

// surnameBeforeVerb reports whether the capitalised word at k is a name of firstNameStops or
// lastNameStops standing alone before a speech verb that has a tense ("Will described Trump as",
// "which Will claims affirmed", "May said"), past adverbs: a modal or a month is never the
// subject of a verb in the past or with an -s ("Will say", "May 5").
func surnameBeforeVerb(ts []tok, k int) bool {
	if !firstNameStops[ts[k].lower()] && !lastNameStops[ts[k].lower()] {
		return false
	}
	v := skipAdverbsFwd(ts, k+1, len(ts))
	if v >= len(ts) || !isVerb(ts[v]) {
		return false
	}
	w := ts[v].lower()
	return strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "s") || w == "said" || w == "wrote" || w == "told"
}

// andName returns the end of a second name joined by "and" to the name that ends at b ("Edward
// Dovere and Gabriel Debenedetti wrote"), or b when none follows.
func andName(ts []tok, b, limit int) int {
	if b+1 >= limit || ts[b].kind() != tWord || ts[b].cap() || ts[b].lower() != "and" {
		return b
	}
	u := ts[b+1]
	if u.kind() != tWord || !u.cap() || u.is(lxCapStop) && !u.is(lxTitle) {
		return b
	}
	if e := nameRunEnd(ts, b+1, limit); e > b+1 && !ts[e-1].is(lxPossessive) {
		return e
	}
	return b
}

// isCardinal reports whether t is a number from two to ten in words or a number in digits.
func isCardinal(t tok) bool {
	switch t.lower() {
	case "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten":
		return t.kind() == tWord
	}
	return isNumberWord(t)
}

// objectArticle reports whether t is a German article of the accusative or the dative that the
// particles hold: "den" or "das".
func objectArticle(t tok) bool {
	return t.lower() == "den" || t.lower() == "das"
}

// isHyphenPair reports whether ts[i] and ts[i+1] are two hyphens written together, a dash ("--").
func isHyphenPair(ts []tok, i int) bool {
	return i >= 0 && i+1 < len(ts) && ts[i].kind() == tPunct && ts[i].lower() == "-" &&
		ts[i+1].kind() == tPunct && ts[i+1].lower() == "-" && ts[i].e == ts[i+1].s
}

func isPossessive(s string) bool {
	n := len(s)
	return n > 2 && s[n-1] == 's' && (s[n-2] == '\'' || (n > 4 && s[n-4:n-1] == "’"))
}

// npBackward reads a mention that ends at token k (inclusive), not before lo. A description needs
// a head from speakerNouns unless anyHead.
func npBackward(ts []tok, k, lo int, anyHead bool) (a, b int, kind npKind) {
	if k < lo {
		return 0, 0, npNone
	}
	// A title in marks that ends the apposition holds the comma that closes it: "As Akhil Amar,
	// professor of constitutional law at Yale and author of ''America's Unwritten Constitution,''
	// put it", "Washington, star of television’s “Scandal,” thanked".
	if ts[k].isPunct(",") || ts[k].is(lxQuoteComma) && titleInApposition(ts, k, lo) {
		// An appositive: "Lael Brainard, a Fed governor, said", or a name after a description:
		// "The government's spokesman, Steffen Seibert, said".
		if k-1 >= lo && ts[k].isPunct(",") && ts[k-1].isPunct(")") {
			// "Gov. John Kasich (R-OH), said": the comma closes the aside, not an appositive.
			if a, b, kind := npBackward(ts, k-1, lo, false); kind == npName {
				return a, b, kind
			}
		}
		placeA := -1 // a place's state passed over ("of Flint, Mich., said"), the mention when no other is found
		for j := k - 1; j >= lo && k-j <= maxAppositive; j-- {
			if titleInApposition(ts, j, lo) {
				continue // "Hemsley, the co-author of "Going Viral," about the rapid spread of information, said"
			}
			if ts[j].kind() == tQuote || ts[j].isSentenceEnd() {
				break
			}
			if ts[j].isPunct(",") {
				if j+1 < k && titleInApposition(ts, j+1, lo) && ts[j+1].is(lxQuoteComma) {
					continue // the title in apposition to a work: "a contestant on Trump's reality TV show, "The Apprentice," who …"
				}
				if a, b, kind := npForward(ts, j+1, k, false); kind == npName && b == k && a == j+1 {
					if placeA < 0 && b == a+1 && placeBefore(ts, j-1, lo) {
						placeA = a
						continue // the state is inside the appositive: its person is before it
					}
					return a, b, kind
				}
				// An appositive opens with a determiner, a lower-case word or a number ("a
				// Fed governor", "45"); "Trump went after Bush" is a clause.
				// A possessive name opens one too: "Tad Devine, Sanders's chief strategist, said".
				if f := ts[j+1]; f.kind() != tWord || f.cap() && !f.is(lxDeterminer) && !(f.is(lxPossessive) && j+2 < k && ts[j+2].kind() == tWord && !ts[j+2].cap()) {
					break
				}
				if clauseOpeners[ts[j+1].lower()] {
					break // a clause, no appositive: "… in the Democratic Party, as Mrs. Clinton echoed the criticism, saying"
				}
				p := j - 1
				if p-1 > lo && isNumberWord(ts[p]) && ts[p-1].isPunct(",") {
					p -= 2 // an age before the appositive: "Cory James, 22, of Flint, said"
				}
				a, b, kind := npBackward(ts, p, lo, false)
				if kind == npName || kind == npDesc {
					return a, b, kind
				}
				break
			}
		}
		if placeA >= 0 {
			return placeA, placeA + 1, npName
		}
		return 0, 0, npNone
	}
	if d := ts[k].lower(); ts[k].kind() == tPunct && (d == "—" || d == "–" || d == "--" || d == "-") {
		// An aside between dashes: "A former Republican presidential candidate -- John McCain,
		// who lost the 2008 election to Obama -- said", "Jason Sims — a teacher — says".
		// Two hyphens typed for a dash ("Smith -- the mayor -- said") are two tokens: the dash
		// is the pair, and the aside opens with a pair too.
		double := d == "-" && k-1 > lo && isHyphenPair(ts, k-1)
		last := k - 1
		if double {
			last = k - 2
		}
		for j := last; j > lo && k-j <= maxAppositive; j-- {
			if titleInApposition(ts, j, lo) {
				continue // "Smith — the author of “Going Viral” — said"
			}
			if ts[j].kind() == tQuote || ts[j].isSentenceEnd() {
				break
			}
			if ts[j].kind() == tPunct && ts[j].lower() == d {
				if double {
					if !isHyphenPair(ts, j-1) {
						break
					}
					j--
				}
				if a, b, kind := npBackward(ts, j-1, lo, false); kind == npName || kind == npDesc {
					return a, b, kind
				}
				break
			}
		}
		return 0, 0, npNone
	}
	if ts[k].isPunct(")") {
		// "Rep. Jim McDermott (D-Wash.) said"
		for j := k - 1; j >= lo && k-j <= 8; j-- {
			if ts[j].isPunct("(") {
				return npBackward(ts, j-1, lo, anyHead)
			}
		}
		return 0, 0, npNone
	}
	if ts[k].kind() != tWord {
		return 0, 0, npNone
	}
	t := ts[k]
	if t.is(lxPronoun) || pronounContraction(t) {
		return k, k + 1, npPronoun
	}
	if a := quantifierMention(ts, k, lo); a >= 0 {
		return a, k + 1, npDesc
	}
	if !t.cap() && k-1 >= lo && ts[k-1].kind() == tWord {
		// A number heads the mention: "the two write", "21 percent said “not too likely”" (a
		// share of those asked).
		if isCardinal(t) && ts[k-1].is(lxDeterminer) {
			return k - 1, k + 1, npDesc
		}
		if (t.lower() == "percent" || t.lower() == "%") && isNumberWord(ts[k-1]) {
			return k - 1, k + 1, npDesc
		}
	}
	if t.cap() && (!t.is(lxCapStop) || lastNameStop(ts, k, lo) || surnameBeforeVerb(ts, k) || surnameAfterGiven(ts, k, lo, len(ts))) && !t.is(lxPossessive) {
		j := k
		for j-1 >= lo && k-j < maxNameWords {
			u := ts[j-1]
			if u.kind() != tWord {
				break
			}
			if u.cap() && (!u.is(lxCapStop) || u.is(lxTitle)) {
				j--
				continue
			}
			if u.is(lxParticle) && j-2 >= lo && ts[j-2].cap() {
				if !germanParticleBackOn(ts, j-1, lo) {
					for j <= k && !ts[j].cap() {
						j++ // "der" of "von der Baader Bank" opens no name
					}
					break
				}
				j--
				continue
			}
			break
		}
		if j-2 >= lo && ts[j-1].kind() == tWord && ts[j-1].lower() == "and" && !ts[j-1].cap() {
			// "Frank Newport and Jim Harter:", "Dovere and Debenedetti wrote": two people speak.
			if a, _, kind := npBackward(ts, j-2, lo, false); kind == npName {
				return a, k + 1, npName
			}
		}
		return j, k + 1, npName
	}
	if k == lo && t.cap() && t.is(lxCapStop) && t.is(lxSpeakerNoun) && t.lower()[len(t.lower())-1] == 's' {
		// "Officials said …", "Sources say …": a plural speaking noun that opens the sentence is
		// capitalised there, and a stop word for names, but it speaks as it does inside one.
		return k, k + 1, npDesc
	}
	if !t.cap() && (t.is(lxSpeakerNoun) || anyHead && !t.is(lxAdverb) && !t.is(lxPreposition) && !isVerb(t) &&
		!t.is(lxConjunction) && !t.is(lxDeterminer) && !t.is(lxPronoun) && !isObjectPronoun(t.lower())) {
		for j := k - 1; j >= lo && k-j <= maxDescWords; j-- {
			u := ts[j]
			if u.isPunct(",") && j > lo && j < k-1 && ts[j-1].kind() == tWord && !ts[j-1].cap() && adjectivesThenVerb(ts, j+1, len(ts)) &&
				!ts[j-1].is(lxAdverb) && !ts[j-1].is(lxPreposition) && !ts[j-1].is(lxConjunction) && !ts[j-1].is(lxPronoun) && !isVerb(ts[j-1]) {
				continue // "the bespectacled, 71-year-old diplomat said"
			}
			if u.kind() != tWord || isVerb(u) || u.is(lxPreposition) && !u.cap() {
				break
			}
			if u.is(lxDeterminer) {
				if a, b, ok := headBeforeOf(ts, j, lo); ok {
					return a, b, npDesc // "a spokeswoman for the city said": the head speaks, not its object
				}
				return j, k + 1, npDesc
			}
			if u.cap() && u.is(lxPossessive) && j < k {
				// A name in the possessive is the description's determiner: "Donald Trump’s
				// campaign manager says", "Sen. Kelly Ayotte’s campaign said".
				return possessiveNameStart(ts, j, lo), k + 1, npDesc
			}
		}
		if t.is(lxSpeakerNoun) && t.lower()[len(t.lower())-1] == 's' {
			return k, k + 1, npDesc // officials, sources
		}
	}
	// "A spokesman for the buyer said": a description with a short phrase after its head ("Officials
	// at the agency said": capitalised when it opens the sentence).
	for j := k - 1; j > lo && k-j <= 5; j-- {
		u := ts[j]
		if u.kind() != tWord || isVerb(u) {
			break
		}
		if (u.lower() == "for" || u.lower() == "of" || u.lower() == "at" || u.lower() == "with" || u.lower() == "from") && (!ts[j-1].cap() || j-1 == lo) && ts[j-1].is(lxSpeakerNoun) {
			if a, b, kind := npBackward(ts, j-1, lo, false); kind == npDesc && b == j {
				return a, b, kind
			}
			break
		}
		if u.lower() == "with" && j-2 > lo && ts[j-1].lower() == "familiar" && !ts[j-2].cap() && ts[j-2].is(lxSpeakerNoun) {
			// "a source familiar with the talks said": the adjective's phrase follows the head.
			if a, b, kind := npBackward(ts, j-2, lo, false); kind == npDesc && b == j-1 {
				return a, b, kind
			}
			break
		}
	}
	return 0, 0, npNone
}

// headBeforeOf reports whether the description that opens at j is the object of "for", "of", "at",
// "with" or "from" after a speaking noun's description ("a spokeswoman for the city", "officials
// at the agency"), and returns that description: the one that speaks.
func headBeforeOf(ts []tok, j, lo int) (a, b int, ok bool) {
	if j-2 < lo || ts[j-1].kind() != tWord || ts[j-1].cap() {
		return 0, 0, false
	}
	switch ts[j-1].lower() {
	case "for", "of", "at", "with", "from":
	default:
		return 0, 0, false
	}
	if h := ts[j-2]; h.kind() != tWord || h.cap() && j-2 != lo || !h.is(lxSpeakerNoun) {
		return 0, 0, false
	}
	if a, b, kind := npBackward(ts, j-2, lo, false); kind == npDesc && b == j-1 {
		return a, b, true
	}
	return 0, 0, false
}

// possessiveNameStart returns the first token of the name that ends with the possessive word at j
// ("Sen. Kelly Ayotte’s"): the capitalised words before it, at most maxNameWords of them and none
// before lo, a title among them but no other capitalised stop word and no possessive.
func possessiveNameStart(ts []tok, j, lo int) int {
	a := j
	for a-1 >= lo && j-a < maxNameWords && ts[a-1].kind() == tWord && ts[a-1].cap() && (!ts[a-1].is(lxCapStop) || ts[a-1].is(lxTitle)) && !ts[a-1].is(lxPossessive) {
		a--
	}
	return a
}

// titleInApposition reports whether token j is a quotation that reads as a work's title (see
// titleShaped) after a word that introduces one: a possessive, a preposition, a determiner, a work
// noun or a word such as "titled" ("the co-author of "Going Viral,"", "star of television’s
// “Scandal,”"), or a comma after a work noun ("Trump's reality TV show, "The Apprentice,""). An
// apposition that holds it goes on past it: the title is no quotation that ends the search for a
// name, and a comma inside its marks may be the one that closes the apposition.
func titleInApposition(ts []tok, j, lo int) bool {
	if ts[j].kind() != tQuote || !ts[j].is(lxQuoteTitle) || j-1 < lo {
		return false
	}
	p := ts[j-1]
	if p.isPunct(",") && j-2 >= lo {
		return ts[j-2].kind() == tWord && ts[j-2].is(lxWorkNoun)
	}
	return p.kind() == tWord && (p.is(lxPossessive) || p.is(lxPreposition) || p.is(lxDeterminer) || p.is(lxTitledWord))
}

// placeBefore reports whether the name that ends at token e (before a comma) is a place after a
// preposition ("in Columbus", "of Flint"): a one-word name after the comma is then its state or
// country ("in Columbus, Ohio,"), not an appositive naming a person (as "in Ohio, John Smith," is).
func placeBefore(ts []tok, e, lo int) bool {
	if e < lo || ts[e].kind() != tWord || !ts[e].cap() {
		return false
	}
	s := e
	for s-1 >= lo && e-s < 3 && ts[s-1].kind() == tWord && ts[s-1].cap() {
		s--
	}
	if s-1 < lo || ts[s-1].kind() != tWord || ts[s-1].cap() {
		return false
	}
	switch ts[s-1].lower() {
	case "in", "of", "from", "near", "outside":
		return true
	}
	return false
}

// isNumberWord reports whether t is a number written in digits ("22").
func isNumberWord(t tok) bool {
	w := t.lower()
	if t.kind() != tWord || w == "" {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return true
}

// quantifierMention returns the start of a mention that ends at token k and whose head is a
// quantifier standing for people named before ("most said they were “…”", "Another said he
// hoped …", "Yet another said, “…”", "About four in 10 said", "those surveyed said"), or -1.
func quantifierMention(ts []tok, k, lo int) int {
	switch ts[k].lower() {
	case "most", "many", "some", "others", "another", "few", "several", "half", "both", "all", "none":
		if k-1 >= lo && ts[k-1].kind() == tWord && (ts[k-1].is(lxDeterminer) || ts[k-1].is(lxPreposition)) {
			return -1 // "the many", "of some": part of a longer phrase
		}
		return k
	case "surveyed", "polled", "asked", "interviewed", "questioned":
		if k-1 >= lo && ts[k-1].lower() == "those" {
			return k - 1
		}
	}
	if isNumberWord(ts[k]) && k-2 >= lo && ts[k-1].lower() == "in" && (isNumberWord(ts[k-2]) || isCardinal(ts[k-2])) {
		return k - 2 // "four in 10 said"
	}
	return -1
}

// accordingSource reads the object of "according to" at k, before limit: whatever its head ("a
// Pentagon readout", "a Quinnipiac poll conducted in February", "Nielsen"), since the phrase
// names a source by its form, or a bare plural of a speaking noun after up to three lower-case
// words ("multiple intelligence sources who have seen …").
func accordingSource(ts []tok, k, limit int) (a, b int, kind npKind) {
	if a, b, kind = npForward(ts, k, limit, true); kind != npNone {
		return a, b, kind
	}
	for j := k; j < limit && j-k <= 3; j++ {
		u := ts[j]
		if u.kind() != tWord || u.cap() || isVerb(u) || u.is(lxPreposition) || u.is(lxConjunction) || u.is(lxDeterminer) || u.is(lxPronoun) || u.is(lxAdverb) {
			break
		}
		if w := u.lower(); u.is(lxSpeakerNoun) && strings.HasSuffix(w, "s") {
			return k, j + 1, npDesc
		}
	}
	return 0, 0, npNone
}
