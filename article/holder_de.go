package article

import "strings"

// This file resolves a German description of an office to the person the article names as its
// holder ("der Minister" is "Bundesinnenminister Thomas de Maizière"), as the rules read the
// description's mention (see assign); holder.go does it for English in output.

// maxOfficeLookback bounds the tokens resolveOfficeDe reads for the people who hold an office,
// back to the nearest and then through the whole article, so that an article of many such
// quotations costs time linear in its length.
const maxOfficeLookback = 5000

// definiteDe are the German definite articles.
var definiteDe = map[string]bool{"der": true, "die": true, "den": true, "dem": true, "des": true}

// resolveOfficeDe returns the person a German description [a, b) of paragraph pi stands for when
// it is an office with the definite article and nothing else ("Der Bundespräsident sagte", "die
// Kanzlerin betonte", "der SPD-Chef"): the person named last before it with a name given with that
// office or a compound ending in it ("Bundespräsident Horst Köhler", "Bundeskanzlerin Angela
// Merkel", "Innenminister Thomas de Maizière" for "der Minister"), as German news names a person
// once introduced, when nobody else in the whole article is named with it (two ministers leave
// "der Minister" the speaker's words: a reader cannot tell which). The office's ending tells its
// gender, so "die Ministerin" is never "Minister Thomas de Maizière" nor "der Minister"
// "Ministerin Ursula von der Leyen". With no such person, nil: the description stays the
// speaker's words.
func (e *engine) resolveOfficeDe(pi, a, b int) *entity {
	ps := e.ps[pi]
	ts := ps.toks
	switch {
	case b-a == 2 && definiteDe[ts[a].lower()]:
		a++
	case b-a == 1 && a > 0 && ts[a-1].kind() == tWord && definiteDe[ts[a-1].lower()]:
	default:
		return nil
	}
	org := orgKindDe(ts[a].lower())
	if t := ts[a]; t.kind() != tWord || !t.cap() || !t.shape(lxRole) && !org {
		return nil
	}
	office := ts[a].lower()
	budget := maxOfficeLookback
	var found *entity
	for p := pi; p >= 0 && budget > 0 && found == nil; p-- {
		qs := e.ps[p]
		hi := len(qs.toks)
		if p == pi {
			hi = a - 1
		}
		for j := hi - 1; j >= 0 && budget > 0; j, budget = j-1, budget-1 {
			if n := officeHolderEndDe(qs, j, office, org); n > 0 {
				if ent := e.officeHolderDe(qs, j, n, org); ent != nil {
					found = ent
					break
				}
			}
		}
	}
	if found == nil || org {
		return found
	}
	// Anyone else named with the office anywhere in the article makes it ambiguous.
	budget = maxOfficeLookback
	for p := 0; p < len(e.ps) && budget > 0; p++ {
		qs := e.ps[p]
		for j := 0; j < len(qs.toks) && budget > 0; j, budget = j+1, budget-1 {
			if n := officeHolderEndDe(qs, j, office, org); n > 0 && !e.rg.sameHolderDe(qs, j, n, found) {
				return nil
			}
		}
	}
	return found
}

// officeHolderEndDe returns the end of the name run after token j of qs when token j names the
// office (a capitalised word ending in it) and a name follows it, or 0.
func officeHolderEndDe(qs *paraState, j int, office string, org bool) int {
	t := qs.toks[j]
	if t.kind() != tWord || !t.cap() || !strings.HasSuffix(t.lower(), office) || !t.shape(lxRole) && !org || formerDe(qs.toks, j) {
		return 0
	}
	if n := nameRunEnd(qs.toks, j+1, len(qs.toks)); n > j+1 {
		return n
	}
	return 0
}

// officeHolderDe returns the person or organisation the office word j of qs and the name run
// after it [j+1, n) name (see resolveOfficeDe), or nil.
func (e *engine) officeHolderDe(qs *paraState, j, n int, org bool) *entity {
	if org {
		// "die Nachrichtenagentur" after "die Nachrichtenagentur Xinhua": the organisation
		// named last with that kind (orgNameAfterKindDe).
		if orgNameAfterKindDe(qs.toks, j, n) {
			return e.rg.resolveNameDe(qs, j, n)
		}
		return nil
	}
	if pa, pb, ok := e.rg.personDe(qs, j, n); ok && pb == n && (pa == j || pa == j+1) {
		return e.rg.resolveNameDe(qs, j, n)
	}
	return nil
}

// sameHolderDe reports whether the office word j of qs and the name run after it [j+1, n) name
// ent, or no person at all: the run's last word is ent's last. It reads and adds nothing to the
// registry.
func (rg *registry) sameHolderDe(qs *paraState, j, n int, ent *entity) bool {
	if pa, pb, ok := rg.personDe(qs, j, n); !ok || pb != n || pa != j && pa != j+1 {
		return true
	}
	return len(ent.toks) > 0 && nameWord(qs.toks[n-1]) == ent.toks[len(ent.toks)-1]
}

// formerDe reports whether the German office word j is qualified as held before: "der ehemalige
// Bundesinnenminister Gerhart Baum", "Ex-Minister", "Altbundeskanzler". Such a person does not
// hold the office "der Minister" names.
func formerDe(ts []tok, j int) bool {
	w := ts[j].lower()
	if strings.HasPrefix(w, "ex-") || strings.HasPrefix(w, "alt") {
		return true
	}
	if j == 0 || ts[j-1].kind() != tWord {
		return false
	}
	p := ts[j-1].lower()
	for _, f := range [...]string{"ehemalig", "früher", "einstig", "damalig", "vormalig", "scheidend"} {
		if strings.HasPrefix(p, f) {
			return true
		}
	}
	return false
}
