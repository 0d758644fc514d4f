package article

import (
	"bufio"
	"embed"
	"slices"
	"strings"
)

// The lexicons are data the project ships (see lexicons/README.md for sources and licences). They
// are read once, at package initialisation, from the embedded files; nothing here reads input.

//go:embed lexicons/speech-verbs-ggt.txt lexicons/speech-verbs-extra.txt lexicons/speech-verbs-de.txt lexicons/function-words-de.txt lexicons/work-nouns.txt lexicons/group-nouns-en.txt lexicons/person-nouns-en.txt
//go:embed lexicons/given-names-men-en.txt lexicons/given-names-women-en.txt
var lexiconFS embed.FS

// germanVerbs are the German speech verbs, whose subject may follow them.
var germanVerbs = wordList(lxGermanVerb, speechVerbFormsDe...).with("lexicons/speech-verbs-de.txt")

// speechVerbs holds every inflected form of the English and German speech verbs, lower case.
var speechVerbs = wordList(lxSpeechVerb, speechVerbFormsDe...).with("lexicons/speech-verbs-ggt.txt", "lexicons/speech-verbs-extra.txt", "lexicons/speech-verbs-de.txt")

// weakVerbs are speech verbs that are too often nouns or mental verbs to link a quotation that
// stands before them in the sentence ("the state", "a thought"); they still link `,” X verb`. The
// German Konjunktiv I forms are among them (speechSubjunctivesDe).
var weakVerbs = wordList(lxWeakVerb, append(speechSubjunctivesDe, "state", "states", "present", "presents", "presenting", "point", "points", "pointing",
	"release", "releases", "finding", "finds", "comment", "comments", "report", "reports", "claim", "claims",
	"estimates", "estimated", "note", "notes", "tweet", "tweets", "warning", "think", "thinks", "thinking", "thought",
	"continue", "continues", "continuing", "continued", "ensure", "ensures", "ensured", "ensuring", "convince", "convinced",
	"demonstrate", "demonstrates", "demonstrated", "illustrate", "illustrates", "illustrated", "accept", "accepted",
	"describe", "describes", "described", "describing", "inform", "informed", "persist", "persisted", "so", "saying",
	"reckon", "add", "say", "tell", "ask", "answer", "counter", "charge", "charges", "charged", "urge", "reply",
	"highlight", "highlights", "highlighted", "mention", "mentions", "promises", "vows", "demands", "remarks", "posted",
	"offered", "started", "begins", "began", "quoted", "read", "reads", "put", "puts", "issued", "issues", "sings", "sing", "sang", "shot", "blasted", "blasting", "slammed", "slamming", "mocked", "mocking", "hailed", "touted", "touting", "cite", "cited", "cites", "citing", "echo", "echoes", "questioned", "exhorted", "jeered", "marvelled", "chimed", "griped", "deadpanned", "interrupted", "implored", "reasoned", "teased", "ventured", "hollered", "roared", "thundered", "bellowed", "mumbled", "sobbed", "raged", "snarled", "challenged", "rebutted", "scolded", "taunted",
	"posts", "offers", "cries", "sighs", "snaps", "repeats", "sagen", "teilt", "teilte", "räumt", "räumte", "fügt", "fügte")...)

// lexicon is a word list declared once, with the flag its words carry (see lexflags.go): the
// tokenizer gives each of its words the flag, and the rules test the flag; has is for the few
// places that ask about a string.
type lexicon struct {
	flag lexFlag
	set  map[string]bool
}

// has reports whether the lexicon holds the lower-case word w.
func (l lexicon) has(w string) bool { return l.set[w] }

// wordList declares a lexicon of words, which carry flag.
func wordList(flag lexFlag, words ...string) lexicon {
	return lexicon{flag: flag, set: setOf(words...)}
}

// fileList declares a lexicon read from embedded lexicon files (one word a line, # comments),
// whose words carry flag.
func fileList(flag lexFlag, names ...string) lexicon {
	return wordList(flag).with(names...)
}

// with returns the lexicon with the words of embedded lexicon files added.
func (l lexicon) with(names ...string) lexicon {
	m := l.set
	for _, name := range names {
		b, err := lexiconFS.ReadFile(name)
		if err != nil {
			panic("article: embedded lexicon missing: " + name) // a build error, never input
		}
		sc := bufio.NewScanner(strings.NewReader(string(b)))
		for sc.Scan() {
			w := strings.TrimSpace(sc.Text())
			if w == "" || strings.HasPrefix(w, "#") {
				continue
			}
			m[strings.ToLower(w)] = true
		}
	}
	return l
}

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// days are the words of a day that may stand between a speaker and a speech verb ("Smith on
// Tuesday said").
var days = wordList(lxDay, "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday")

// pronouns that may name a speaker, English and German.
var pronouns = wordList(lxPronoun, slices.Concat(personalPronounWordsEn, personalPronounWordsDe)...)

// personalPronounWordsEn are the English personal pronouns in the nominative that may name a
// speaker: the English words of pronouns.
var personalPronounWordsEn = []string{"he", "she", "they", "we", "i"}

// personalPronounsEn is the set of personalPronounWordsEn.
var personalPronounsEn = setOf(personalPronounWordsEn...)

// personalPronounWordsDe are the German personal pronouns in the nominative that may name a
// speaker: the German words of pronouns.
var personalPronounWordsDe = []string{"er", "sie", "wir", "ich"}

// personalPronounsDe is the set of personalPronounWordsDe.
var personalPronounsDe = setOf(personalPronounWordsDe...)

// titles stand before a name and are not part of it ("Mr.", "Sen.").
var titles = wordList(lxTitle, "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sen", "sen.", "rep", "rep.", "gov", "gov.",
	"gen", "gen.", "lt", "lt.", "col", "col.", "sgt", "sgt.", "capt", "capt.", "prof", "prof.", "rev", "rev.", "adm", "adm.",
	"sir", "dame", "lord", "lady", "herr", "frau", "mme", "mme.", "m.", "st.", "pres.", "atty.", "supt.", "cmdr.", "maj.", "msgr.")

// roleWords are words of a title or office that may stand before a name ("Kremlin Press Secretary
// Dmitry Peskov", "the economist Jared Bernstein"); the name is what follows the last of them.
var roleWords = wordList(lxRoleWord, "president", "secretary", "senator", "representative", "congressman", "congresswoman",
	"governor", "minister", "chancellor", "chairman", "chairwoman", "chair", "director", "spokesman", "spokeswoman",
	"spokesperson", "spox", "attorney", "general", "judge", "justice", "mayor", "speaker", "leader", "chief", "officer",
	"ambassador", "ceo", "professor", "coach", "commissioner", "adviser", "advisor", "strategist", "manager", "candidate",
	"nominee", "vice", "deputy", "assistant", "press", "economist", "analyst", "pollster", "founder", "executive",
	"editor", "correspondent", "host", "anchor", "reporter", "columnist", "author", "lawyer", "aide", "official",
	"commander", "sheriff", "prosecutor", "delegate", "councilman", "councilwoman", "councilor", "premier", "king",
	"queen", "prince", "princess", "pope", "bishop", "rabbi", "imam", "pastor", "father", "sister", "brother",
	"treasurer", "trustee", "superintendent", "inspector", "detective", "agent", "sergeant", "captain", "lieutenant",
	"colonel", "major", "admiral", "whip", "majority", "minority", "house", "senate", "state", "former", "acting",
	"interim", "designate", "elect", "white", "campaign", "counsel", "solicitor", "kanzlerin", "kanzler",
	"bundeskanzler", "bundeskanzlerin", "ministerin", "präsident", "präsidentin", "sprecher", "sprecherin",
	"vorsitzende", "vorsitzender", "chef", "chefin", "bürgermeister", "bürgermeisterin", "bundesminister",
	"bundesministerin", "regierungssprecher", "regierungssprecherin", "abgeordnete", "abgeordneter")

// capStop are capitalised words that start sentences or clauses and never begin a name.
var capStop = wordList(lxCapStop, "the", "a", "an", "but", "and", "or", "in", "on", "at", "for", "if", "when", "while", "as",
	"after", "before", "it", "he", "she", "they", "we", "i", "this", "that", "these", "those", "there", "here", "so",
	"yet", "nor", "ever", "of", "to", "by", "with", "from", "last", "next", "then", "now", "still", "also", "even", "his",
	"her", "their", "its", "our", "my", "your", "what", "who", "why", "how", "where", "which", "asked", "told",
	"said", "says", "stated", "added", "continued", "according", "both", "all", "some", "many", "most", "more", "no", "not", "one", "two", "yes",
	"instead", "meanwhile", "however", "though", "although", "because", "since", "until", "during", "under", "over",
	"about", "among", "between", "without", "within", "through", "like", "unlike", "mr", "mrs", "ms", "dr", "der",
	"die", "das", "und", "aber", "doch", "auch", "ein", "eine", "im", "am", "es", "read", "watch", "see", "related",
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
	"april", "may", "june", "july", "august", "september", "october", "november", "december", "today", "tonight",
	"yesterday", "tomorrow", "just", "well", "oh", "do", "does", "did", "is", "are", "was", "were", "will", "would",
	"can", "could", "should", "must", "had", "has", "have", "might", "shall", "every", "each", "any", "other", "another", "such", "only", "first",
	"whether", "despite", "again", "once", "twice", "later", "earlier", "here's", "there's", "that's", "it's", "i'm", "i’m", "i've", "i’ve", "i'd", "i’d", "i'll", "i’ll", "laut", "januar", "februar", "märz", "mai", "juni", "juli", "oktober",
	"dezember", "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag", "heute", "gestern",
	"am", "nach", "vor", "bei", "mit", "für", "über", "wie", "als", "wenn", "dass", "weil", "so", "jan.", "feb.", "aug.", "sept.", "sep.", "oct.", "nov.", "dec.", "maybe", "perhaps", "let", "please", "thank", "thanks", "sources", "officials",
	// English words that open a sentence before its subject ("Amid fury at the system, she…",
	// "Hours later, she…", "Eight years ago, he…"): a preposition or a span of time, never a name.
	"amid", "amidst", "absent", "barring", "unless", "lest", "throughout", "upon", "toward", "towards", "whereas", "whenever",
	"wherever", "following", "regarding", "soon", "seconds", "minutes", "hours", "moments", "days", "weeks",
	"months", "years", "decades", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
	"twelve", "thirteen", "fourteen", "fifteen", "twenty", "thirty", "dozens", "hundreds", "thousands",
	// English connectives and sentence adverbs not in -ly that open a sentence and link it to the one
	// before ("Nonetheless, he …", "Sometimes he …"); one in -ly and a comma is sentenceAdverb's.
	"nonetheless", "nevertheless", "otherwise", "indeed", "furthermore", "moreover", "besides", "likewise",
	"therefore", "thus", "hence", "thereafter", "anyway", "regardless", "elsewhere", "afterward", "afterwards",
	"sometimes", "often", "neither", "either").with("lexicons/function-words-de.txt")

// adverbs and auxiliaries may stand between a speaker and a speech verb ("he later said",
// "Smith has repeatedly argued").
var adverbs = wordList(lxAdverb, append(germanSentenceAdverbWords, "also", "later", "then", "has", "had", "have", "would", "will", "once", "further", "previously",
	"recently", "flatly", "reportedly", "repeatedly", "quickly", "simply", "again", "often", "frequently", "publicly",
	"privately", "subsequently", "initially", "first", "finally", "did", "does", "do", "could", "might", "may",
	"should", "must", "not", "never", "specifically", "explicitly", "once", "openly", "angrily", "bluntly", "calmly",
	"softly", "quietly", "loudly", "emphatically", "just", "earlier", "always", "still", "even", "already",
	"confidently", "sarcastically", "jokingly", "proudly", "firmly", "clearly", "famously", "insistently", "curtly",
	"is", "was", "were", "are", "been", "being",
	// sentence adverbs ("Carter however said", "she now says")
	"however", "meanwhile", "too", "nonetheless", "nevertheless", "instead", "therefore", "thus", "moreover",
	"likewise", "now", "separately", "ultimately", "eventually", "hat", "habe", "hatte", "auch", "noch", "dann", "immer", "wieder", "stets",
	"oft", "häufig", "mehrmals")...)

// germanSentenceAdverbWords stand between a German subject and its verb ("Die Kanadier hingegen
// sagen"): adverbs, with no auxiliary among them (germanSubject skips them, not "hat").
var germanSentenceAdverbWords = []string{"hingegen", "jedoch", "allerdings", "dagegen", "zudem", "außerdem",
	"ebenfalls", "bereits", "schon", "damals", "nun", "jetzt", "inzwischen", "unterdessen", "indes", "wiederum", "erneut",
	"zuvor", "später", "zunächst", "ausdrücklich", "mehrfach", "nämlich", "ebenso", "trotzdem", "dennoch",
	"mittlerweile", "daraufhin", "dazu", "hierzu", "darin", "selbst", "selber", "deshalb", "daher", "deswegen", "darum", "somit",
	"etwa", "beispielsweise"}

// germanSentenceAdverbs is the set of germanSentenceAdverbWords.
var germanSentenceAdverbs = setOf(germanSentenceAdverbWords...)

// speakerNouns are the heads of descriptions that may speak: "a campaign spokesman", "officials",
// and the organisations and groups of people of group-nouns-en.txt ("the network", "the lawyers").
var speakerNouns = wordList(lxSpeakerNoun, "spokesman", "spokeswoman", "spokesperson", "official", "officials", "source", "sources",
	"aide", "aides", "adviser", "advisers", "advisor", "advisors", "expert", "experts", "critic", "critics", "analyst",
	"analysts", "supporter", "supporters", "democrats", "republicans", "protesters", "prosecutor", "prosecutors",
	"investigators", "lawmakers", "lawmaker", "residents", "voters", "witness", "witnesses", "police", "authorities",
	"organizers", "observers", "economist", "economists", "scientists", "researchers", "doctor", "doctors", "campaign",
	"statement", "report", "spokesmen", "senator", "congressman", "congresswoman", "governor", "president",
	"candidate", "nominee", "mayor", "judge", "lawyer", "attorney", "leader", "leaders", "chairman", "director",
	"secretary", "minister", "ambassador", "agency", "department", "company", "group", "committee", "organization",
	"memo", "letter", "email", "e-mail", "message", "ad", "study", "survey", "poll", "article", "editorial", "website", "post", "tweet", "people",
	"man", "woman", "voter", "resident", "member", "members", "staffer", "staffers", "strategist", "strategists",
	"pollster", "operative", "insider", "insiders", "person", "executive", "executives", "coach", "player", "worker",
	"workers", "student", "students", "teacher", "parents", "father", "mother", "wife", "husband", "son", "daughter",
	"friend", "friends", "colleague", "colleagues", "neighbor", "neighbors", "host", "anchor", "reporter", "reporters",
	"correspondent", "columnist", "author", "writer", "editor", "administration", "house", "court", "board",
	"council", "office", "ministry", "government", "front-runner", "frontrunner", "chairwoman", "spokespeople",
	"delegate", "delegates", "activist", "activists", "organizer", "founder", "professor", "historian", "manager", "managers", "consultant", "consultants", "commentator", "commentators", "pundit", "pundits", "counsel", "officer", "officers", "sprecher", "sprecherin", "regierung", "ministerium").with("lexicons/group-nouns-en.txt", "lexicons/person-nouns-en.txt")

// determiners open a description ("the spokesman", "a source").
var determiners = wordList(lxDeterminer, "the", "a", "an", "his", "her", "their", "its", "our", "another", "one", "two", "three",
	"several", "many", "some", "both", "other", "these", "those", "this", "that", "der", "die", "das", "ein", "eine",
	"einer", "eines", "den", "dem", "des", "einen", "einem", "sein", "seine", "seinen", "seiner", "seinem", "seines",
	"ihr", "ihre", "ihren", "ihrer", "ihrem", "ihres", "dessen", "deren",
	"beide", "beiden", "viele", "vielen", "einige", "einigen", "mehrere", "mehreren", "zahlreiche", "zahlreichen",
	"manche", "manchen", "alle", "allen")

// particles may stand inside a name ("Ludwig van Beethoven", "Charles de Gaulle").
var particles = wordList(lxParticle, "de", "van", "von", "der", "den", "da", "di", "del", "della", "la", "le", "bin", "al", "ibn", "du", "dos", "das", "zu")

// roleSuffixes end German compound offices ("Innenminister", "Grünen-Chefin").
var roleSuffixes = []string{"minister", "ministerin", "chef", "chefin", "sprecher", "sprecherin", "präsident",
	"präsidentin", "kanzler", "kanzlerin", "vorsitzende", "vorsitzender", "leiter", "leiterin", "historiker",
	"historikerin", "experte", "expertin", "direktor", "direktorin", "kommissar", "kommissarin", "beamter", "beamtin",
	"ermittler", "ermittlerin", "anwalt", "anwältin", "richter", "richterin", "sekretär", "sekretärin", "botschafter",
	"botschafterin", "beauftragte", "beauftragter", "forscher", "forscherin", "wissenschaftler", "wissenschaftlerin",
	"trainer", "trainerin", "verteidiger", "verteidigerin", "manager", "managerin", "koordinator", "koordinatorin",
	"analyst", "analystin", "moderatorin", "senator", "senatorin", "vorstand", "secretary", "director",
	"anchor", "chair", "intendant", "intendantin", "vertreter", "vertreterin", "führer", "führerin", "gründer",
	"gründerin", "berater", "beraterin", "redakteur", "redakteurin", "politiker", "politikerin", "kandidat",
	"kandidatin"}

// isRoleWord reports whether the lower-case word w names an office or a trade that may stand before
// a name: a word of roleWords, the last part of a hyphenated one ("co-anchor"), or a German
// compound office.
func isRoleWord(w string) bool {
	if roleWords.has(w) {
		return true
	}
	if i := strings.LastIndexByte(w, '-'); i >= 0 && roleWords.has(w[i+1:]) {
		return true
	}
	for _, s := range roleSuffixes {
		if strings.HasSuffix(w, s) {
			return true
		}
	}
	return false
}
