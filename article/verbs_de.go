package article

import (
	"slices"
	"strings"
)

// This file declares the German speech verbs once, by their principal parts, and makes every form
// German news uses from them by the grammar: the present (sagt, sagen), the Präteritum (sagte,
// sagten), the Konjunktiv I of reported speech (sage), the participle of the Perfekt and the
// passive (hat gesagt, wurde zitiert), and, for a separable verb, the joined forms of a subordinate
// clause (mitteilte, mitgeteilt) and the split ones of a main clause (teilte … mit, which
// separableCues holds). lexicons/speech-verbs-de.txt keeps only the forms this table does not make.

// speechVerbTableDe lists the German speech verbs. A weak verb is its infinitive ("sagen"); a strong
// or mixed verb, or a weak one whose participle has no "ge-" by a rule germanVerbForms does not
// know, is its infinitive, third person singular present, Präteritum and participle ("sprechen
// spricht sprach gesprochen"). A separable verb writes its particle with a bar before the verb
// ("mit|teilen", "bekannt|geben gibt gab gegeben"). Verbs of assent are not among them: "zustimmen"
// is as often a vote for a law as words (separableCues keeps "stimmte … zu" for a clause of reported
// speech).
var speechVerbTableDe = []string{
	// weak verbs
	"sagen", "erklären", "betonen", "meinen", "ergänzen", "fragen", "antworten", "warnen", "kritisieren",
	"fordern", "erläutern", "bekräftigen", "versichern", "zitieren", "behaupten", "berichten", "appellieren",
	"argumentieren", "beanstanden", "bedauern", "begründen", "begrüßen", "beklagen", "bekunden", "bemängeln",
	"bestätigen", "beteuern", "bezeichnen", "bilanzieren", "dementieren", "entgegnen", "ermahnen", "erwidern",
	"erzählen", "folgern", "jubeln", "kommentieren", "konstatieren", "kontern", "loben", "mahnen", "monieren",
	"präzisieren", "protestieren", "rechtfertigen", "resümieren", "scherzen", "schildern", "skandieren",
	"spotten", "twittern", "unterstellen", "urteilen", "verkünden", "verlangen", "verteidigen", "würdigen",
	"äußern", "melden", "vermelden", "bemerken", "schimpfen", "lästern", "poltern", "wettern", "schwärmen",
	"seufzen", "flüstern", "brüllen", "stöhnen", "verneinen", "bejahen", "prognostizieren", "mutmaßen",
	"witzeln", "spötteln", "höhnen", "ätzen", "sinnieren", "frotzeln", "vereinbaren", "erwähnen", "rügen",
	"beurteilen", "bewerten", "beschwichtigen", "verlauten", "klagen",
	"wiederholen wiederholt wiederholte wiederholt", "prophezeien prophezeit prophezeite prophezeit",
	// strong and mixed verbs
	"sprechen spricht sprach gesprochen", "schreiben schreibt schrieb geschrieben", "rufen ruft rief gerufen",
	"nennen nennt nannte genannt", "heißen heißt hieß geheißen", "raten rät riet geraten",
	"bitten bittet bat gebeten", "schreien schreit schrie geschrien", "gestehen gesteht gestand gestanden",
	"beschreiben beschreibt beschrieb beschrieben", "beschwören beschwört beschwor beschworen",
	"empfehlen empfiehlt empfahl empfohlen", "widersprechen widerspricht widersprach widersprochen",
	"versprechen verspricht versprach versprochen", "verraten verrät verriet verraten",
	"vergleichen vergleicht verglich verglichen", "unterstreichen unterstreicht unterstrich unterstrichen",
	"bestreiten bestreitet bestritt bestritten", "bekennen bekennt bekannte bekannt",
	// separable verbs
	"mit|teilen", "hinzu|fügen", "fest|stellen", "klar|stellen", "aus|führen", "ein|räumen", "an|kündigen",
	"dar|legen", "aus|drücken", "zu|sichern", "an|merken", "auf|fordern", "an|prangern",
	"an|deuten", "zurück|weisen weist wies gewiesen", "hin|weisen weist wies gewiesen",
	"vor|werfen wirft warf geworfen", "bekannt|geben gibt gab gegeben", "an|geben gibt gab gegeben",
	"zu|geben gibt gab gegeben", "hervor|heben hebt hob gehoben", "auf|rufen ruft rief gerufen",
	"ein|wenden wendet wandte gewandt", "vor|schlagen schlägt schlug geschlagen",
	"ein|gestehen gesteht gestand gestanden", "an|mahnen", "an|fügen", "bei|pflichten",
	"aus|rufen ruft rief gerufen", "zu|rufen ruft rief gerufen", "fort|fahren fährt fuhr gefahren",
	"deutlich|machen", "klar|machen",
}

// ambiguousFormsDe are forms the grammar makes that German uses far more often as another word:
// "meine" (my), "bitte" (please), "heiße" (hot), "geraten" (got into), "rate" (an English word too),
// "weise" (wise), "bekannt" (known), "gebe", "halte" and "stelle" (Konjunktiv I of verbs that are
// no speech verbs alone).
var ambiguousFormsDe = setOf("meine", "bitte", "heiße", "geraten", "rate", "weise", "gebe", "halte", "stelle", "bekannt")

// inseparablePrefixesDe are the prefixes after which a participle takes no "ge-" (erklärt,
// bestätigt, verkündet, unterstellt).
var inseparablePrefixesDe = []string{"be", "emp", "ent", "er", "ge", "miss", "ver", "zer", "wider", "unter"}

// verbFormsDe are the forms of one verb of speechVerbTableDe: joined are the forms that are a
// speech verb as they stand; split maps the finite forms of a separable verb's base ("teilte") to
// its particle ("mit"), which closes the clause in a main clause.
type verbFormsDe struct {
	joined   []string
	part     string // the base's participle (gegeben), for a separable verb
	subj     string // the Konjunktiv I (sage, mitteile), when joined holds it
	particle string
	split    []string
}

// germanVerbForms makes the forms of one entry of speechVerbTableDe.
func germanVerbForms(entry string) verbFormsDe {
	f := strings.Fields(entry)
	particle, inf, _ := strings.Cut(f[0], "|")
	if inf == "" {
		particle, inf = "", f[0]
	}
	stem := strings.TrimSuffix(inf, "en")
	if stem == inf {
		stem = strings.TrimSuffix(inf, "n") // äußern, jubeln
	}
	var pres3, past, part string
	if len(f) == 4 {
		pres3, past, part = f[1], f[2], f[3]
	} else {
		e := ""
		if needsLinkingE(stem) {
			e = "e" // antwortet, begründete, bezeichnet
		}
		pres3, past = stem+e+"t", stem+e+"te"
		part = stem + e + "t"
		if !strings.HasSuffix(stem, "ier") && !hasInseparablePrefix(inf) {
			part = "ge" + part
		}
	}
	pastPl := past + "en"
	if strings.HasSuffix(past, "e") {
		pastPl = past + "n"
	}
	// The finite forms: present (3rd singular, plural), Präteritum (singular, plural) and
	// Konjunktiv I (stem + "e": sage, äußere).
	finite := []string{pres3, inf, past, pastPl, stem + "e"}
	var v verbFormsDe
	v.subj = particle + stem + "e"
	if particle == "" {
		v.joined = append(finite, part)
	} else {
		v.particle, v.part = particle, part
		v.split = finite
		for _, w := range finite {
			v.joined = append(v.joined, particle+w) // wie er mitteilte
		}
		v.joined = append(v.joined, particle+part) // mitgeteilt, bekanntgegeben
	}
	v.joined = slices.DeleteFunc(v.joined, func(w string) bool { return ambiguousFormsDe[w] })
	v.split = slices.DeleteFunc(v.split, func(w string) bool { return ambiguousFormsDe[w] })
	if ambiguousFormsDe[v.subj] || v.subj == pres3 || v.subj == past {
		v.subj = "" // a Konjunktiv I that is no other form's twin only
	}
	return v
}

// needsLinkingE reports whether a weak verb's stem takes an "e" before the "t" of its endings: a
// stem in d or t (begründ-et), or in m or n after a consonant other than l, r, h, m or n
// (bezeichn-et, rechn-et, but ermahn-t, lern-t).
func needsLinkingE(stem string) bool {
	rs := []rune(stem)
	if len(rs) < 2 {
		return false
	}
	last, prev := rs[len(rs)-1], rs[len(rs)-2]
	switch last {
	case 'd', 't':
		return true
	case 'm', 'n':
		if prev == 'h' && len(rs) > 2 && rs[len(rs)-3] == 'c' {
			return true // rechn-et, bezeichn-et
		}
		return !strings.ContainsRune("aeiouäöülrhmn", prev)
	}
	return false
}

// hasInseparablePrefix reports whether the infinitive opens with an inseparable prefix.
func hasInseparablePrefix(inf string) bool {
	for _, p := range inseparablePrefixesDe {
		if strings.HasPrefix(inf, p) && len(inf) > len(p)+3 {
			return true
		}
	}
	return false
}

// speechVerbsFormsDe are the forms of every verb of speechVerbTableDe (germanVerbForms), made once
// for the lexicons, the separable cues and the particles written apart.
var speechVerbsFormsDe = func() []verbFormsDe {
	out := make([]verbFormsDe, len(speechVerbTableDe))
	for i, e := range speechVerbTableDe {
		out[i] = germanVerbForms(e)
	}
	return out
}()

// speechVerbFormsDe are the joined forms of every verb of speechVerbTableDe, the speech verbs the
// German lexicons add to speech-verbs-de.txt.
var speechVerbFormsDe = func() (ws []string) {
	for _, v := range speechVerbsFormsDe {
		ws = append(ws, v.joined...)
	}
	return ws
}()

// speechSubjunctivesDe are the Konjunktiv I forms of the verbs of speechVerbTableDe ("sage",
// "kritisiere", "mitteile"). They report speech inside reported speech ("Der Plan rechtfertige sich
// nach Meinung der Partei durch …"), so weakVerbs holds them: they link a quotation right after
// them ("Er sage: „…“"), not one further on in their clause.
var speechSubjunctivesDe = func() (ws []string) {
	for _, v := range speechVerbsFormsDe {
		if v.subj != "" {
			ws = append(ws, v.subj)
		}
	}
	return ws
}()

// addSeparableCues adds the split forms of the separable verbs of speechVerbTableDe to cues: each
// finite form of the base maps to the particles that make it a speech verb.
func addSeparableCues(cues map[string][]string) map[string][]string {
	for _, v := range speechVerbsFormsDe {
		for _, w := range v.split {
			if !slices.Contains(cues[w], v.particle) {
				cues[w] = append(cues[w], v.particle)
			}
		}
	}
	return cues
}

// apartParticlesDe are the particles of separable verbs that German writes apart from the verb at
// the end of a subordinate clause too: adjectives ("wie die Polizei bekannt gab", "bekannt gegeben
// hat", "wie er deutlich machte"), where a particle that is a preposition or an adverb is always
// joined ("mitteilte").
var apartParticlesDe = setOf("bekannt", "deutlich", "klar")

// apartParticiplesDe maps the participle of a separable verb's base ("gegeben") to the particles of
// apartParticlesDe it takes.
var apartParticiplesDe = func() map[string][]string {
	m := map[string][]string{}
	for _, v := range speechVerbsFormsDe {
		if apartParticlesDe[v.particle] {
			m[v.part] = append(m[v.part], v.particle)
		}
	}
	return m
}()

// apartVerbDe reports whether the German word at k is the base of a separable speech verb written
// apart from its particle, which stands right before it: "bekannt gab", "bekannt gegeben",
// "deutlich machte".
func apartVerbDe(ts []tok, k, lo int) bool {
	if k <= lo || ts[k].kind() != tWord || ts[k].cap() || ts[k-1].kind() != tWord || ts[k-1].cap() {
		return false
	}
	p := ts[k-1].lower()
	if !apartParticlesDe[p] {
		return false
	}
	w := ts[k].lower()
	return slices.Contains(separableCues[w], p) || slices.Contains(apartParticiplesDe[w], p)
}
