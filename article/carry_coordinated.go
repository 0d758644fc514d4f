package article

// coordinatedFragment reports whether the English quotation at token qi is the next item of a
// list whose item before it is the quotation at token pq: only "and" or "or", an article, or a
// comma stand between them ("called him a “fascist” and a “Stalinist”", "described the plan as
// “costly,” “late” and “wasteful”"). The item speaks with the same voice as the one before it.
func coordinatedFragment(ps *paraState, pq, qi int) bool {
	ts := ps.toks
	if ps.de || qi-pq < 2 || qi-pq > 4 {
		return false
	}
	conj := false
	for j := pq + 1; j < qi; j++ {
		t := ts[j]
		switch {
		case t.isPunct(","):
			continue
		case t.kind() != tWord:
			return false
		}
		switch t.lower() {
		case "and", "or":
			if conj {
				return false
			}
			conj = true
		case "a", "an", "the":
			if !conj {
				return false
			}
		default:
			return false
		}
	}
	return conj
}
