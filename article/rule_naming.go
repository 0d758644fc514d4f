package article

// This file holds the English naming-verb rules: when "called", "described … as", "referred to …
// as" give a quoted term to an object, the verb's subject speaks the term even when the subject is
// a description ("One strategist described the race as “…”", "Many commentators called him “…”").

// namesObject reports whether the English naming verb at k (not a participle) gives the quotation
// at q a name for an object that stands between them: "called the report a “…”", "described the
// ground underneath the city as “…”", "referred to him as “…”", "calls it her “…”". A naming verb
// right before the quotation or an article ("a group called the “…”", "a series called “…”") names
// the phrase before it and is not a finite verb of a subject; neither is one that a preposition
// follows ("called for", "called on"), which asks for something rather than naming it.
func namesObject(ts []tok, k, q int) bool {
	j := k + 1
	if j < q && ts[j].kind() == tWord && ts[j].lower() == "to" && (ts[k].lower() == "referred" || ts[k].lower() == "refer" || ts[k].lower() == "refers") {
		j++
	}
	if j >= q || ts[j].kind() != tWord || ts[j].is(lxPreposition) || ts[j].is(lxConjunction) {
		return false
	}
	for i := j; i < q; i++ {
		if ts[i].kind() != tWord {
			continue
		}
		switch ts[i].lower() {
		case "a", "an", "the", "as", "to":
			continue
		}
		return true
	}
	return false
}

// governedDesc reports whether the description that starts at token a is a preposition's object
// or follows a coordinating conjunction ("a man in the crowd at one of his rallies and called
// him “…”"): it is then not the subject of the naming verb after it.
func governedDesc(ts []tok, a, lo int) bool {
	if a-1 < lo || ts[a-1].kind() != tWord {
		return false
	}
	w := ts[a-1].lower()
	return ts[a-1].is(lxPreposition) || w == "and" || w == "or" || w == "but"
}
