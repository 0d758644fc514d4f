package article

import (
	"encoding/binary"
	"math/bits"
	"slices"
	"unicode"
	"unicode/utf8"
)

// tokKind says what a token is.
type tokKind uint8

const (
	tWord  tokKind = iota + 1
	tPunct         // one punctuation rune
	tQuote         // a whole quotation, standing for its marks and content
)

// tok is one token of a paragraph: a word, a punctuation rune, or a whole quotation. S and E are
// rune offsets in the paragraph. What the token says is in the word it points to, which tokens of
// the same text share: a token is 16 bytes, so that a paragraph of a million one-rune tokens
// (“<div>” over and over) stays a few times its input's size.
type tok struct {
	s, e int32
	w    *word
}

// word is what a token says: its kind, its text in lower case and whether it is capitalised. An
// article's words are interned (see internTable), punctuation and quotation words are shared.
type word struct {
	lower string  // the word in lower case, the punctuation rune, or "" (another punctuation or a quotation)
	flags lexFlag // what the lexicons say of lower (see lexFlagsOf and tok.shape)
	q     int32   // for tQuote: index of the quotation in the paragraph's spans
	kind  tokKind
	cap   bool // a word whose first rune is upper case
	// abbrev says that lower is an abbreviation, whose period the tokenizer keeps (isAbbrev):
	// appendKnown takes a lower-case word before a sentence's period only when it is none.
	abbrev bool
}

func (t tok) kind() tokKind { return t.w.kind }

// lower is the word in lower case, or the punctuation rune the rules look for ("" for others).
func (t tok) lower() string { return t.w.lower }

// cap reports whether the token is a word whose first rune is upper case.
func (t tok) cap() bool { return t.w.cap }

// q is the index of a tQuote token's quotation in the paragraph's spans.
func (t tok) q() int { return int(t.w.q) }

// isAbbrev reports whether the lower-case word w is an abbreviation, which keeps its final period
// inside the word, so that it does not end a sentence. It is a switch, not a map: the tokenizer
// asks it of every word before a period, and a switch on a string compares its length and bytes,
// where a map lookup hashes the string first.
func isAbbrev(w []byte) bool {
	switch string(w) {
	case "mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "lt", "col", "sgt", "capt", "st", "jr", "sr",
		"prof", "rev", "vs", "inc", "co", "corp", "no", "jan", "feb", "aug", "sept", "sep", "oct", "nov", "dec", "adm",
		"mt", "ft", "pres", "atty", "supt", "cmdr", "maj", "msgr", "mme", "ltd", "etc", "approx", "dept", "univ", "gov't":
		return true
	}
	return false
}

// tokenizer holds what tokenizing an article's paragraphs reuses: the interned words, scratch
// space for lower-casing, and the slab that the tokens of small paragraphs are cut from.
type tokenizer struct {
	words  internTable
	buf    []byte
	slab   []tok
	qwords []word // the slab that quotations' words are cut from
}

// bigParagraph is the length in runes from which tokenize sizes its result by counting first,
// instead of growing a scratch slice and copying it.
const bigParagraph = 1 << 14

// reserve makes room in the slab for the tokens of the small paragraphs of ps, which text has about
// one of for every four runes or more, so that the slab of a new engine grows once or twice
// rather than doubling its way up, leaving its old arrays behind.
func (tz *tokenizer) reserve(ps []*paraState) {
	runes := 0
	for _, p := range ps {
		if len(p.rs) < bigParagraph {
			runes += len(p.rs)
		}
	}
	if want := runes / 4; cap(tz.slab)-len(tz.slab) < want {
		tz.slab = slices.Grow(tz.slab, want)
	}
}

// tokenize splits the paragraph rs, whose string is text, into tokens; each span in spans
// (outermost quotations, in order) becomes one tQuote token covering its marks, whose index it
// writes to qtok (as long as spans). It returns the tokens and how many are words. The result has just the room it needs: a
// big paragraph's tokens are counted first, a small one's are cut from the tokenizer's slab (a
// slab that grows leaves the tokens cut before in its old array, which nothing writes again).
func (tz *tokenizer) tokenize(rs []rune, text string, spans []span, qtok []int) ([]tok, int) {
	if len(rs) >= bigParagraph {
		return tz.appendTokens(make([]tok, 0, maxTokens(rs)+len(spans)), rs, text, spans, qtok)
	}
	start := len(tz.slab)
	var words int
	tz.slab, words = tz.appendTokens(tz.slab, rs, text, spans, qtok)
	return tz.slab[start:len(tz.slab):len(tz.slab)], words
}

// maxTokens bounds the tokens tokenize makes of rs outside quotations: every token but a
// quotation starts with a rune that is a line break, or no space and no word rune after a word
// rune.
func maxTokens(rs []rune) int {
	n := 0
	prevWord := false
	for _, r := range rs {
		w := isWordRune(r)
		if r == '\n' || !w && !isSpaceRune(r) || w && !prevWord {
			n++
		}
		prevWord = w
	}
	return n
}

// quoteFlags are the flags of a quotation's word, whose lower case is "".
var quoteFlags = allFlags("", wordHash(""))

// quoteWords returns one tQuote word for each of n quotations, cut from the tokenizer's slab of
// them (a slab that grows leaves the words cut before in its old array, which nothing writes
// again).
func (tz *tokenizer) quoteWords(n int) []word {
	start := len(tz.qwords)
	tz.qwords = slices.Grow(tz.qwords, n)
	for i := range n {
		tz.qwords = append(tz.qwords, word{kind: tQuote, q: int32(i), flags: quoteFlags})
	}
	return tz.qwords[start:]
}

// appendTokens appends the tokens of rs to dst, as tokenize says, and returns them with the count
// of words among them.
func (tz *tokenizer) appendTokens(dst []tok, rs []rune, text string, spans []span, qtok []int) ([]tok, int) {
	base, words := len(dst), 0
	var qw []word
	if len(spans) > 0 {
		qw = tz.quoteWords(len(spans))
	}
	n := len(rs)
	// A text of a byte a rune has its runes' bytes: a word's are ASCII (an invalid byte, U+FFFD,
	// is no word rune).
	oneByte := len(text) == n
	buf := tz.buf // scratch space for lower-casing, kept in tz at the end
	if cap(buf) < 4*internInline {
		buf = make([]byte, 0, 4*internInline) // room for internKey to read a word's first bytes at once
	}
	i, b := 0, 0 // the next rune, and its byte in text
	for si := 0; ; si++ {
		// The runes up to the next quotation, then the quotation.
		limit := n
		if si < len(spans) {
			limit = spans[si].open
		}
		var k int
		dst, buf, b, k = tz.appendText(dst, buf, rs, text, i, b, limit, oneByte)
		words += k
		i = max(i, limit)
		if si >= len(spans) {
			break
		}
		sp := spans[si]
		qtok[si] = len(dst) - base
		dst = append(dst, tok{s: int32(sp.open), e: int32(sp.closeEnd), w: &qw[si]})
		switch {
		case oneByte:
			b = sp.closeEnd
		case sp.closeEnd >= i:
			b, _ = skipRunes(text, b, sp.closeEnd-i)
		default:
			b, _ = skipRunes(text, 0, sp.closeEnd)
		}
		i = sp.closeEnd
	}
	tz.buf = buf
	return dst, words
}

// appendWord appends the token of the word that starts at rs[i], a word rune, to dst, and returns
// it with buf (the scratch space for lower-casing) and where the word ends, past the space after
// it if there is one. oneByte says that text has a byte a rune, so that the word's runes are its
// bytes, all ASCII.
func (tz *tokenizer) appendWord(dst []tok, buf []byte, rs []rune, text string, i, limit int, oneByte bool) ([]tok, []byte, int) {
	// The word is found first, then lower-cased, keyed and hashed: two small loops whose values
	// stay in registers, where one loop doing both spilled them.
	r := rs[i]
	var j int
	if oneByte {
		j = wordEndASCII(text, i, limit)
	} else {
		j = wordEnd(rs, i, limit)
	}
	var key wordKey
	var h uint64
	if oneByte && j-i <= internInline && i+internInline <= len(text) {
		buf, key, h = lowerASCII(buf, text, i, j)
	} else {
		buf, key, h = lowerWord(buf, rs[i:j])
	}
	// An abbreviation or an initial keeps its period, as does a word with periods inside,
	// and a word before a comma or a capitalised one before a closing parenthesis
	// ("(D-Wash.)"); a lower-case word's period before it ends a sentence ("(… he said.)").
	upper := isUpperRune(r)
	if j < limit && rs[j] == '.' && (j-i == 1 && upper || isAbbrev(buf) || slices.Contains(rs[i:j], '.') ||
		j+1 < limit && (rs[j+1] == ',' || rs[j+1] == ')' && upper) || upper && romanOrdinal(rs, i, j, limit) || dayOrdinal(rs, i, j, limit)) {
		j++
		key = keyWith(key, len(buf), '.')
		buf = append(buf, '.')
		h = keyedHash(key, buf)
	}
	dst = append(dst, tok{s: int32(i), e: int32(j), w: tz.words.word(buf, key, h, upper)})
	if j < limit && rs[j] == ' ' {
		j++ // the space after most words, passed without another turn of the loop
	}
	return dst, buf, j
}

// appendText appends the tokens of rs[i:limit] to dst, where text[b] is the first byte of rs[i]
// (oneByte: text has a byte a rune), and returns them with buf (see appendWord), the byte of
// rs[limit] and how many are words. Most of its tokens are taken by appendKnown from the bytes,
// without a call; the rest one at a time here.
func (tz *tokenizer) appendText(dst []tok, buf []byte, rs []rune, text string, i, b, limit int, oneByte bool) ([]tok, []byte, int, int) {
	words := 0
	for i < limit {
		// The runes of one byte from rs[i] on are the bytes from text[b] on.
		d := b - i
		var k int
		dst, b, k = tz.words.appendKnown(dst, text, b, limit+d, d)
		i = b - d
		words += k
		if i >= limit {
			break
		}
		if len(dst) == cap(dst) {
			dst = slices.Grow(dst, 1)
			continue
		}
		r := rs[i]
		var class uint8
		if r < utf8.RuneSelf {
			class = asciiClass[r]
		} else {
			class = classNonASCII(r)
		}
		switch class {
		case classNewline:
			// A line break inside a block ends a sentence for the rules: lines are often
			// paragraphs that lost their blank line.
			dst = append(dst, tok{s: int32(i), e: int32(i + 1), w: &newlineWord})
		case classSpace:
		case classWord:
			j := i
			dst, buf, i = tz.appendWord(dst, buf, rs, text, i, limit, oneByte)
			words++
			b += wordBytes(rs[j:i], oneByte)
			continue
		default:
			dst = append(dst, tok{s: int32(i), e: int32(i + 1), w: punctWord(r)})
		}
		// One rune but a word: its bytes are one, or as many as it took in text (an invalid
		// byte is one U+FFFD).
		switch {
		case oneByte || r < utf8.RuneSelf:
			b++
		case r == utf8.RuneError:
			_, size := utf8.DecodeRuneInString(text[b:])
			b += size
		default:
			b += utf8.RuneLen(r)
		}
		i++
	}
	return dst, buf, b, words
}

// wordBytes returns the length in UTF-8 of the runes rs of a word (with its period and the space
// after it), which are valid code points: U+FFFD of an invalid byte is no word rune.
func wordBytes(rs []rune, oneByte bool) int {
	n := len(rs)
	if !oneByte {
		for _, r := range rs {
			if r >= utf8.RuneSelf {
				n += utf8.RuneLen(r) - 1
			}
		}
	}
	return n
}

// appendKnown appends to dst, without growing it, the tokens of text[i:limit] up to the first that
// it does not take, and returns them with where it stopped and how many words it took. It reads
// bytes and stops at the first past ASCII, so that the rune offset of text[i] is i-d all the way
// (d: the bytes before i that continue a code point; limit is in bytes too). It takes spaces,
// punctuation and line breaks, and the words that the table holds (in its cache of recent words or
// its slots, probed as word probes them) but those before a period, a rune that may join two parts
// (. ' - &) or any past ASCII (’ ‐ or a letter that goes on with the word), those of internInline
// bytes or more, and those within internInline bytes of the text's end: for each it finds the
// word's end, lower-cases, keys and hashes it in one pass, eight bytes at a time. It calls
// nothing, so that its values stay in registers: every token that the tokenizer's loop took
// through its calls (the word's end, its lower case, the table) cost it the spills and reloads of
// a dozen values.
func (it *internTable) appendKnown(dst []tok, text string, i, limit, d int) ([]tok, int, int) {
	words := 0
	recent := it.recent // nil while the table is empty
	for i < limit && len(dst) < cap(dst) {
		c := text[i]
		if c >= utf8.RuneSelf {
			break
		}
		var w *word
		j := i + 1
		switch asciiClass[c] {
		case classSpace:
			i++
			continue
		case classNewline:
			w = &newlineWord
		case classPunct:
			w = asciiPunct[c]
		default:
			if recent == nil {
				return dst, i, words
			}
			// The word's first sixteen bytes; near the text's end, those left and zeros, which
			// are no letters or digits (a paragraph's last words, one or two in each, were left
			// to appendWord's calls).
			var x, y uint64
			if i+internInline <= len(text) {
				w := text[i : i+internInline] // sliced once for both loads
				x, y = load64(w[:8]), load64(w[8:])
			} else if len(text) >= internInline {
				x, y = tail16(text, i)
			} else {
				return dst, i, words
			}
			// The word's end: its first byte that is no letter or digit, or limit.
			other := ^alnumBytes8(x) & highBits
			if limit-i < 8 {
				other |= highBits << (8 * uint(limit-i))
			}
			var key wordKey
			var n int
			if other != 0 {
				n = bits.TrailingZeros64(other) / 8
				key.lo = lowerASCII8(x) & (1<<(8*uint(n)) - 1)
			} else {
				other = ^alnumBytes8(y) & highBits
				if limit-i < 16 {
					other |= highBits << (8 * uint(limit-i-8))
				}
				if other == 0 {
					return dst, i, words
				}
				n = 8 + bits.TrailingZeros64(other)/8
				key.lo, key.hi = lowerASCII8(x), lowerASCII8(y)&(1<<(8*uint(n-8))-1)
			}
			j = i + n
			dot := false // a period follows that ends the sentence, unless the word is an abbreviation
			if j < limit {
				if e := text[j]; e == '.' || e == '\'' || e == '-' || e == '&' || e >= utf8.RuneSelf {
					// A word's period before a space or a line break keeps to the word only when
					// the word is an abbreviation, an initial, a Roman numeral (which may be an
					// ordinal) or a number of a day (appendWord's rules, whose others need a comma
					// or a parenthesis after the period); all else that may join the word or keep
					// its period is appendWord's.
					if e != '.' || j+1 >= limit || text[j+1] != ' ' && text[j+1] != '\n' || c < 'A' ||
						c < 'a' && (n == 1 || n <= 6 && romanLetters(key.lo, n)) {
						return dst, i, words
					}
					dot = true
				}
			}
			h := mixKey(key, n) // keyedHash of a word within its key
			ri := h % internRecent
			k := recent.kn[ri]
			if k>>24 != uint32(n) || k == 0 || recent.key[ri] != key {
				// Not among the recent words: the table's slots, as internTable.word probes them.
				mask := uint64(len(it.slots) - 1)
				for si := h & mask; ; si = (si + 1) & mask {
					s := &it.slots[si]
					if s.k == 0 {
						return dst, i, words // a word the table does not hold: add adds it
					}
					if s.h == h && s.n == uint32(n) && s.key == key {
						k = recentEntry(s.k, uint32(n))
						recent.kn[ri], recent.key[ri] = k, key
						break
					}
				}
			}
			ws := it.at(k&(1<<24-1) - 1)
			if dot && ws[0].abbrev {
				return dst, i, words // "etc.", "no.": appendWord keeps the period
			}
			w = &ws[0]
			if 'A' <= c && c <= 'Z' {
				w = &ws[1]
			}
			words++
		}
		dst = dst[:len(dst)+1]
		dst[len(dst)-1] = tok{s: int32(i - d), e: int32(j - d), w: w}
		i = j
		if i < limit && text[i] == ' ' {
			i++
		}
	}
	return dst, i, words
}

// tail16 returns the sixteen bytes of s from i on as two little-endian numbers, zero past the end
// of s, for an s of at least sixteen bytes whose end is within them (i+16 > len(s)): its last
// sixteen bytes loaded and shifted down.
func tail16(s string, i int) (x, y uint64) {
	e := len(s) - internInline
	w := s[e:]
	a, b := load64(w[:8]), load64(w[8:])
	sh := 8 * uint(i-e) // 8 to 120
	if sh < 64 {
		return a>>sh | b<<(64-sh), b >> sh
	}
	return b >> (sh - 64), 0
}

// romanLetters reports whether the first n bytes of the lower-cased key x are all letters of
// Roman numerals (see romanOrdinal, which asks it of the word as written, in upper case).
func romanLetters(x uint64, n int) bool {
	for k := range n {
		switch byte(x >> (8 * k)) {
		case 'i', 'v', 'x', 'l', 'c', 'd', 'm':
		default:
			return false
		}
	}
	return true
}

// romanOrdinal reports whether the word rs[i:j], before a period at j, is a Roman numeral that the
// period makes an ordinal rather than ends a sentence: the next word after a space starts lower
// case or with a quotation mark ("Benedikt XVI. hat", "Benedikt XVI. „ist …“"). German writes a
// ruler's number so.
func romanOrdinal(rs []rune, i, j, limit int) bool { // limit: where the text before the next quotation ends
	if j-i > 6 {
		return false
	}
	for _, r := range rs[i:j] {
		switch r {
		case 'I', 'V', 'X', 'L', 'C', 'D', 'M':
		default:
			return false
		}
	}
	if j+2 >= len(rs) || j+1 >= limit || rs[j+1] != ' ' {
		return false // the word after may be a quotation's opening mark, at limit
	}
	n := rs[j+2]
	return 'a' <= n && n <= 'z' || n == 'ä' || n == 'ö' || n == 'ü' || n == '„' || n == '»' || n == '"'
}

// monthsDe are the German months, which a day's ordinal number stands before: "am 20. August".
var monthsDe = setOf("Januar", "Jänner", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
	"November", "Dezember")

// dayOrdinal reports whether the word rs[i:j], before a period at j, is a day of one or two digits
// that the period makes an ordinal rather than ends a sentence: a German month follows after a
// space ("am 20. August 2007 zur Anhörung", "vom 3. Oktober").
func dayOrdinal(rs []rune, i, j, limit int) bool { // limit: where the text before the next quotation ends
	if j-i > 2 || rs[i] < '0' || rs[i] > '9' || rs[j-1] < '0' || rs[j-1] > '9' || j+2 >= limit || rs[j+1] != ' ' {
		return false
	}
	e := j + 2
	for e < limit && e-j < 12 && unicode.IsLetter(rs[e]) {
		e++
	}
	return monthsDe[string(rs[j+2:e])]
}

// wordEnd returns where the word that starts at rs[i], a word rune, ends (at limit at most): it
// runs over word runes, and over an inner rune (. ' ’ - ‐ &) between two of them. ASCII is told
// apart by its class, without a call.
func wordEnd(rs []rune, i, limit int) int {
	j := i + 1
	for j < limit {
		if d := rs[j]; d < utf8.RuneSelf {
			if asciiClass[d] == classWord {
				j++
				continue
			}
			if d != '.' && d != '\'' && d != '-' && d != '&' {
				break
			}
		} else if isWordRuneNonASCII(d) {
			j++
			continue
		} else if d != '’' && d != '‐' {
			break
		}
		if rs[j] == '.' && gluedSentence(rs, i, j, limit) {
			break
		}
		if j+1 < limit && isWordRune(rs[j+1]) {
			j += 2
			continue
		}
		break
	}
	return j
}

// gluedSentence reports whether the period at rs[j], inside the word that starts at rs[i], ends a
// sentence whose space after it was lost ("sagte Merkel.Als sie …", "im Bundesanzeiger.Mats
// Schönauer schreibt"): the word before it is two letters or more, ends lower case and holds no
// digit and no period (an abbreviation such as "z.B." or "e.V.", a number, a domain such as
// "www.example"), and the word after it is capitalised, goes on lower case and is no domain's
// part before another period ("bild.Spiegel.de"). Pasted text loses such spaces often.
func gluedSentence(rs []rune, i, j, limit int) bool {
	if j-i < 2 || j+2 >= limit || !unicode.IsLower(rs[j-1]) || !isUpperRune(rs[j+1]) || !unicode.IsLower(rs[j+2]) {
		return false
	}
	for _, r := range rs[i:j] {
		if !unicode.IsLetter(r) && r != '-' && r != '\'' && r != '’' && r != '‐' {
			return false
		}
	}
	k := j + 3
	for k < limit && isWordRune(rs[k]) {
		k++
	}
	return k+1 >= limit || rs[k] != '.' || !isWordRune(rs[k+1])
}

// gluedSentenceASCII is gluedSentence for a text of a byte a rune, all ASCII in its words.
func gluedSentenceASCII(text string, i, j, limit int) bool {
	if j-i < 2 || j+2 >= limit || !isLowerASCII(text[j-1]) || !isUpperASCII(text[j+1]) || !isLowerASCII(text[j+2]) {
		return false
	}
	for k := i; k < j; k++ {
		if c := text[k]; !isLowerASCII(c) && !isUpperASCII(c) && c != '-' && c != '\'' {
			return false
		}
	}
	k := j + 3
	for k < limit && text[k] < utf8.RuneSelf && asciiWord[text[k]] {
		k++
	}
	return k+1 >= limit || text[k] != '.' || text[k+1] >= utf8.RuneSelf || !asciiWord[text[k+1]]
}

func isLowerASCII(c byte) bool { return 'a' <= c && c <= 'z' }

func isUpperASCII(c byte) bool { return 'A' <= c && c <= 'Z' }

// wordEndASCII is wordEnd for a paragraph whose string text has a byte a rune: the word's runes
// are its bytes, all ASCII. Letters and digits are passed eight bytes at a time (alnumBytes8).
func wordEndASCII(text string, i, limit int) int {
	j := i + 1
	for j < limit {
		if j+8 <= limit {
			if other := ^alnumBytes8(load64(text[j:j+8])) & highBits; other != 0 {
				j += bits.TrailingZeros64(other) / 8
			} else {
				j += 8
				continue
			}
		} else if c := text[j]; c < utf8.RuneSelf && asciiWord[c] {
			j++
			continue
		}
		if j >= limit {
			break
		}
		if d := text[j]; d != '.' && d != '\'' && d != '-' && d != '&' || d == '.' && gluedSentenceASCII(text, i, j, limit) {
			break
		}
		if j+1 < limit && text[j+1] < utf8.RuneSelf && asciiWord[text[j+1]] {
			j += 2
			continue
		}
		break
	}
	return j
}

// lowerWord writes the word ws in lower case to buf, emptied first, and returns it with its key
// (internKey) and its hash (wordHash, from the key). An ASCII word's key is gathered in registers,
// its first bytes shifted in from the top: read back from buf, bytes just stored one at a time
// would wait for their stores.
func lowerWord(buf []byte, ws []rune) (lower []byte, key wordKey, h uint64) {
	n := len(ws)
	if n <= internInline {
		// Most words: up to the key's length, in ASCII. Their runes are packed into the key as
		// they are, then lower-cased eight at a time (lowerASCII8) and stored with two stores, as
		// lowerASCII does; a rune past ASCII anywhere sends the word to the loop below.
		var k0, k1 uint64
		var all rune // the runes ORed together
		for k, c := range ws[:min(n, 8)] {
			all |= c
			k0 |= uint64(c) << (8 * uint(k))
		}
		if n > 8 {
			for k, c := range ws[8:n] {
				all |= c
				k1 |= uint64(c) << (8 * uint(k))
			}
		}
		if uint32(all) < utf8.RuneSelf {
			key = wordKey{lowerASCII8(k0), lowerASCII8(k1)}
			buf = slices.Grow(buf[:0], internInline)[:internInline]
			binary.LittleEndian.PutUint64(buf[:8], key.lo)
			binary.LittleEndian.PutUint64(buf[8:], key.hi)
			buf = buf[:n]
			return buf, key, keyedHash(key, buf)
		}
	}
	buf = slices.Grow(buf[:0], n)[:n]
	var k0, k1 uint64
	for k, c := range ws {
		if c >= utf8.RuneSelf {
			lower = lowerAppend(buf[:k], ws[k:])
			key = internKey(lower)
			return lower, key, keyedHash(key, lower)
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[k] = byte(c)
		if k < internInline {
			k0 = k0>>8 | k1<<56
			k1 = k1>>8 | uint64(c)<<56
		}
	}
	// The first min(n, internInline) bytes are at the top of k1:k0; they go down to its bottom.
	switch s := uint(8 * (internInline - min(n, internInline))); {
	case s >= 64:
		k0, k1 = k1>>(s-64), 0
	case s > 0:
		k0, k1 = k0>>s|k1<<(64-s), k1>>s
	}
	key = wordKey{k0, k1}
	return buf, key, keyedHash(key, buf)
}

// lowerASCII is lowerWord for the ASCII word text[i:j] of up to internInline bytes, when text
// holds internInline bytes from i on: the word is lower-cased eight bytes at a time (lowerASCII8)
// and written to buf with two stores.
func lowerASCII(buf []byte, text string, i, j int) (lower []byte, key wordKey, h uint64) {
	n := j - i
	key.lo = lowerASCII8(load64(text[i:i+8])) & (^uint64(0) >> (64 - 8*uint(min(n, 8))))
	if n > 8 {
		key.hi = lowerASCII8(load64(text[i+8:i+16])) & (^uint64(0) >> (64 - 8*uint(n-8)))
	}
	buf = slices.Grow(buf[:0], internInline)[:internInline]
	binary.LittleEndian.PutUint64(buf[:8], key.lo)
	binary.LittleEndian.PutUint64(buf[8:], key.hi)
	buf = buf[:n]
	return buf, key, keyedHash(key, buf)
}

// keyWith returns key, the key of a word of n bytes, with the byte c after them.
func keyWith(key wordKey, n int, c byte) wordKey {
	switch {
	case n < 8:
		key.lo |= uint64(c) << (8 * uint(n))
	case n < internInline:
		key.hi |= uint64(c) << (8 * uint(n-8))
	}
	return key
}

// The classes of runes the tokenizer tells apart.
const (
	classPunct uint8 = iota // any other rune: a token of its own
	classNewline
	classSpace
	classWord
)

// asciiClass holds the class of every ASCII rune.
var asciiClass = func() (t [utf8.RuneSelf]uint8) {
	for r := range t {
		switch {
		case r == '\n':
			t[r] = classNewline
		case isSpaceRune(rune(r)):
			t[r] = classSpace
		case isWordRune(rune(r)):
			t[r] = classWord
		}
	}
	return t
}()

// classNonASCII returns the class of a rune past ASCII.
func classNonASCII(r rune) uint8 {
	switch {
	case isSpaceRuneNonASCII(r):
		return classSpace
	case isWordRuneNonASCII(r):
		return classWord
	}
	return classPunct
}

// lowerAppend appends the UTF-8 of rs in lower case to buf.
func lowerAppend(buf []byte, rs []rune) []byte {
	for _, c := range rs {
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf = append(buf, byte(c))
			continue
		}
		buf = utf8.AppendRune(buf, unicode.ToLower(c))
	}
	return buf
}

// isUpperRune is unicode.IsUpper with a fast path for ASCII. It is small enough to be inlined.
func isUpperRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'A' <= r && r <= 'Z'
	}
	return isUpperNonASCII(r)
}

// isUpperNonASCII is unicode.IsUpper, kept out of line so that isUpperRune inlines.
//
//go:noinline
func isUpperNonASCII(r rune) bool { return unicode.IsUpper(r) }

// isPunct reports whether t is the punctuation p.
func (t tok) isPunct(p string) bool { return t.w.kind == tPunct && t.w.lower == p }

// isSentenceEnd reports whether t ends a sentence: a period, a question or exclamation mark, a
// semicolon or a line break, whose shared words have the flag.
func (t tok) isSentenceEnd() bool { return t.w.flags&lxSentenceEnd != 0 }

// The shared punctuation words: the ones the rules look for, a line break, and any other.
var (
	punctWords  = map[rune]*word{}
	newlineWord = word{lower: "\n", kind: tPunct}
	otherPunct  = word{kind: tPunct}
)

func init() {
	for _, p := range []string{",", ".", "?", "!", ";", ":", "(", ")", "-", "—", "–", "―"} {
		r, _ := utf8.DecodeRuneInString(p)
		punctWords[r] = &word{lower: p, kind: tPunct, flags: allFlags(p, wordHash(p))}
	}
	newlineWord.flags = allFlags(newlineWord.lower, wordHash(newlineWord.lower))
	for _, r := range ".?!;" {
		punctWords[r].flags |= lxSentenceEnd
	}
	newlineWord.flags |= lxSentenceEnd
	otherPunct.flags = allFlags("", wordHash(""))
	for r := range asciiPunct {
		asciiPunct[r] = &otherPunct
		if w := punctWords[rune(r)]; w != nil {
			asciiPunct[r] = w
		}
	}
}

// asciiPunct holds punctWord of every ASCII rune.
var asciiPunct [utf8.RuneSelf]*word

// punctWord returns the shared word of the punctuation rune r.
func punctWord(r rune) *word {
	if r < utf8.RuneSelf {
		return asciiPunct[r]
	}
	if w := punctWords[r]; w != nil {
		return w
	}
	return &otherPunct
}
