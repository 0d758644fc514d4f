package article

import (
	"strings"
	"unicode"
)

// maxQuotedNameWords bounds the words of a name in marks that a German mention shows as its
// speaker (quotedNameDe): a paper's or an organisation's, not a sentence.
const maxQuotedNameWords = 5

// quotedNameDe returns the speaker a German mention [a, b) of untrusted article text shows when
// it ends with a name in marks that it introduces, a paper's, an agency's or an organisation's:
// "„Die Zeit“", "der „Netzeitung“", "die linksextreme Wochenzeitschrift „Jungle World“", "laut
// „Reuters“" show the name without its marks, where they showed nobody. Only a determiner first,
// words in lower case and one capitalised noun, the name's apposition, may stand before it, so
// that "ein Vertreter der „Muster AG“" stays the person's (nobody); the name opens with a capital
// and is a few words with no punctuation of a sentence; and no "zitiert" follows it, as the paper
// that cites a speaker is not the speaker ("Ratzmann wird von der „Netzeitung“ mit den Worten
// zitiert:"). The speaker names nobody a pronoun later stands for.
func (rg *registry) quotedNameDe(ps *paraState, a, b int) *entity {
	ts := ps.toks
	if b <= a || ts[b-1].kind() != tQuote {
		return nil
	}
	caps := 0
	for i := a; i < b-1; i++ {
		switch t := ts[i]; {
		case t.kind() != tWord:
			return nil
		case t.is(lxDeterminer):
			if i != a {
				return nil
			}
		case t.cap():
			if caps++; caps > 1 {
				return nil
			}
		}
	}
	for i := b; i < len(ts) && i <= b+maxCitedGap && !ts[i].isSentenceEnd(); i++ {
		if strings.HasPrefix(ts[i].lower(), "zitier") {
			return nil // "wird von der „Netzeitung“ mit den Worten zitiert": the paper cites the speaker
		}
	}
	sp := ps.spans[ts[b-1].q()]
	rs := ps.rs[sp.start:sp.end]
	if len(rs) == 0 || !unicode.IsUpper(rs[0]) || countWords(rs) > maxQuotedNameWords {
		return nil
	}
	name := string(rs)
	if strings.ContainsAny(name, ".,;:!?„“\"\n") {
		return nil
	}
	key := strings.ToLower(name)
	if e := rg.byName[key]; e != nil {
		return e
	}
	fs := strings.Fields(key)
	words := rg.newWords(len(fs))
	copy(words, fs)
	e := rg.newEntity(name, words, "")
	rg.byName[key] = e
	return e
}

// quotedSubjectDe reports whether the token at p is a name in marks that opens a German sentence or
// clause as the subject of the verb after it, alone or after its determiner ("„BBC News“
// berichtet", "Der „Spiegel“ berichtete", "wie die „Süddeutsche Zeitung“ schreibt"), and returns
// where the mention starts. The name must read as a title (titleLike), not as words quoted.
func quotedSubjectDe(ps *paraState, p, lo int) (int, bool) {
	ts := ps.toks
	if p < lo || !nameInMarks(ts, p, len(ts)) || !ps.titleLike(ts[p].q()) {
		return 0, false
	}
	a := p
	if a-1 >= lo && ts[a-1].kind() == tWord && ts[a-1].is(lxDeterminer) && !possessivesDe[ts[a-1].lower()] {
		a--
	}
	if a > lo && !clauseOpens(ts[a-1]) {
		return 0, false
	}
	return a, true
}

// markedCompoundDe returns the name in marks that the capitalised noun of a periodical at p
// (periodicalNoun) joins, by a hyphen with no space on either side, into a compound: "Die
// „Bild“-Zeitung berichtete", "wie das „Spiegel“-Magazin schreibt". The compound is the paper,
// which the name shows (quotedSubjectDe, quotedNameDe), as "schrieb die „Bild“-Zeitung" shows
// "Bild". Another noun is a person of the paper ("Der „Bild“-Chefredakteur sagte"), no paper.
func markedCompoundDe(ts []tok, p int) (int, bool) {
	if p < 2 || !periodicalNoun(ts[p]) || !ts[p-1].isPunct("-") || ts[p-2].kind() != tQuote ||
		ts[p-2].e != ts[p-1].s || ts[p-1].e != ts[p].s {
		return 0, false
	}
	return p - 2, true
}
