package article

import (
	"encoding/binary"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// TestTokenizeRoom checks that tokenize gives every paragraph exactly the tokens it makes, with
// no growth past the room it counts for a big paragraph (the bound of issue 6 depends on it), and
// that equal words share one interned word.
func TestTokenizeRoom(t *testing.T) {
	t.Parallel()
	big := func(unit string) string { return strings.Repeat(unit, bigParagraph/len([]rune(unit))+1) }
	cases := []struct {
		name, text string
	}{
		{"short", "“We will win,” Mr. Smith said. He left."},
		{"nested elements", big("<div>") + "deep text" + big("</div>")},
		{"quotations", big(`word “said” he, `)},
		{"abbreviations and inner marks", big("Dr. J. R. R. Tolkien's e-mail, U.S. rock-'n'-roll; ")},
		{"line breaks and spaces", big("a\n \t\u00a0b\n\n")},
		{"marks only", big("“„«‘‚\"'")},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e := &engine{rg: newRegistry()}
			e.scan([]Paragraph{{Text: c.text}})
			ps := e.ps[0]
			if len(ps.rs) >= bigParagraph {
				if want := maxTokens(ps.rs) + len(ps.spans); cap(ps.toks) != want {
					t.Errorf("cap %d, want the counted %d: the slice grew", cap(ps.toks), want)
				}
			} else if cap(ps.toks) != len(ps.toks) {
				t.Errorf("cap %d for %d tokens", cap(ps.toks), len(ps.toks))
			}
			seen := map[string]*word{}
			for _, tk := range ps.toks {
				if tk.s >= tk.e || int(tk.e) > len(ps.rs) {
					t.Fatalf("token [%d, %d) outside the paragraph", tk.s, tk.e)
				}
				if tk.kind() != tWord {
					continue
				}
				key := tk.lower()
				if tk.cap() {
					key += "^"
				}
				if w, ok := seen[key]; ok && w != tk.w {
					t.Fatalf("%q is two words", key)
				}
				seen[key] = tk.w
			}
		})
	}
}

// TestLowerWord checks that the tokenizer's lower-casing (lowerAppend, and lowerWord, which also
// gives the word's key and hash) gives the lower case of every rune, words with runes past ASCII
// at their start, their middle and past the key's bytes included, and that the hash is the same
// of a string and of its bytes.
func TestLowerWord(t *testing.T) {
	t.Parallel()
	for _, s := range []string{"", "Trump", "U.S.", "ÉLYSÉE", "Straße", "İstanbul", "ΣΟΦΊΑ", "don’t", "ǅ", "\ufffd",
		"Abcdefghijklmnop", "Abcdefghijklmnopé", "Abcdefghijklmnoé", "ABCDEFGÉ", "abcdefgÉ", "Abcdefghijklmnopqrstuvwxyz"} {
		var want []byte
		for _, r := range s {
			want = append(want, string(unicode.ToLower(r))...)
		}
		if got := lowerAppend(nil, []rune(s)); string(got) != string(want) {
			t.Errorf("lowerAppend(%q) = %q, want %q", s, got, want)
		}
		got, key, h := lowerWord([]byte("some bytes already there"), []rune(s))
		if string(got) != string(want) || h != wordHash(want) || key != internKey(want) {
			t.Errorf("lowerWord(%q) = %q, %x, %x, want %q, %x, %x", s, got, key, h, want, internKey(want), wordHash(want))
		}
		if wordHash(string(want)) != wordHash(want) {
			t.Errorf("wordHash(%q) differs for a string and for bytes", want)
		}
	}
}

// TestRuneText checks that a paragraph's runeText is string(ps.rs[a:b]) for every range: ASCII,
// where it cuts the paragraph's string, text of other runes, cut at the bytes its wide runes give
// or walked when they were too many to list, and invalid bytes (an invalid byte is one rune,
// U+FFFD, so such a text may have as many bytes as runes).
func TestRuneText(t *testing.T) {
	t.Parallel()
	for _, s := range []string{"Mr. Smith said", "a\xffb\xfec", "Jöhn Smith", "“Quoted,” she said", "", "日本語 “ok” ßx",
		strings.Repeat("é", 150) + " “said” " + strings.Repeat("ü", 100)} {
		for _, most := range []int{len(s), 1} { // every wide rune listed, or (past the first) none
			rs := []rune(s)
			ps := &paraState{p: Paragraph{Text: s}, rs: rs, valid: utf8.ValidString(s)}
			_, ps.wide = scanMarks(nil, rs, s, nil, most) // as the engine's scan lists them
			check := func(a, b int) {
				if got, want := ps.runeText(a, b), string(rs[a:b]); got != want {
					t.Errorf("runeText(%d, %d) of %q = %q, want %q", a, b, s, got, want)
				}
			}
			// Forward, then backward: with no list, runeText goes on from where it reached, or
			// starts again.
			for a := 0; a <= len(rs); a++ {
				for b := a; b <= len(rs); b++ {
					check(a, b)
				}
			}
			for a := len(rs); a >= 0; a-- {
				for b := len(rs); b >= a; b-- {
					check(a, b)
				}
			}
			// Jumps of every size, forward and back (further than maxRuneTextBack among them).
			for k := range 500 {
				a := (k * 7919) % (len(rs) + 1)
				check(a, a+(k*31)%(len(rs)-a+1))
			}
		}
	}
}

// TestLowerASCII checks lowerASCII against lowerWord: ASCII words of every length up to the key's,
// with random bytes after them (past ASCII too, which lowerASCII8 reads and must not let change
// the word's bytes).
func TestLowerASCII(t *testing.T) {
	t.Parallel()
	const wordBytes = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.'-&@[`{"
	r := rand.New(rand.NewPCG(5, 6))
	for n := 1; n <= internInline; n++ {
		for range 2000 {
			b := make([]byte, 3+n+internInline)
			for k := range b {
				b[k] = byte(r.IntN(256))
			}
			for k := range n {
				b[3+k] = wordBytes[r.IntN(len(wordBytes))]
			}
			text := string(b)
			lower, key, h := lowerASCII(make([]byte, 0, 4*internInline), text, 3, 3+n)
			wantLower, wantKey, wantH := lowerWord(nil, []rune(text[3:3+n]))
			if string(lower) != string(wantLower) || key != wantKey || h != wantH {
				t.Fatalf("lowerASCII(%q) = %q, %x, %x, want %q, %x, %x", text[3:3+n], lower, key, h, wantLower, wantKey, wantH)
			}
		}
	}
}

// TestWordEndASCII checks wordEndASCII against wordEnd on random texts of a byte a rune: letters,
// digits, inner runes, spaces, punctuation and bytes past ASCII (invalid, one U+FFFD each), from
// every word rune and to random limits.
func TestWordEndASCII(t *testing.T) {
	t.Parallel()
	const pieces = "aZ09.'-&  ,\"!\x80\xff"
	r := rand.New(rand.NewPCG(7, 8))
	for range 3000 {
		b := make([]byte, r.IntN(40))
		for k := range b {
			b[k] = pieces[r.IntN(len(pieces))]
			if r.IntN(3) > 0 {
				b[k] = "abcdefghXYZ789"[r.IntN(14)] // long runs of word bytes, past eight
			}
		}
		text := string(b)
		rs := []rune(text)
		if len(rs) != len(text) {
			t.Fatalf("%q: %d runes for %d bytes", text, len(rs), len(text))
		}
		for i := range rs {
			if !isWordRune(rs[i]) {
				continue
			}
			limit := i + 1 + r.IntN(len(rs)-i)
			if got, want := wordEndASCII(text, i, limit), wordEnd(rs, i, limit); got != want {
				t.Fatalf("wordEndASCII(%q, %d, %d) = %d, want %d", text, i, limit, got, want)
			}
		}
	}
}

// TestGluedSentence checks that a period with no space after it ends a sentence only between a
// word of two letters or more that ends lower case and a capitalised word ("Merkel.Als"), not in
// an abbreviation, a number, a domain or a name written with periods.
func TestGluedSentence(t *testing.T) {
	t.Parallel()
	cases := []struct{ text, want string }{
		{"sagte Merkel.Als sie ging", "sagte|Merkel|.|Als|sie|ging"},
		{"im Bundesanzeiger.Mats Schönauer schreibt", "im|Bundesanzeiger|.|Mats|Schönauer|schreibt"},
		{"said Smith.The mayor left", "said|Smith|.|The|mayor|left"},
		{"der Papst.Über", "der|Papst|.|Über"},
		{"Dr.Müller kam", "Dr.|Müller|kam"},
		{"z.B.Das Haus", "z.B.Das|Haus"},
		{"der Verein e.V.Berlin", "der|Verein|e.V.Berlin"},
		{"auf www.Bild.de lesen", "auf|www.Bild.de|lesen"},
		{"auf Spiegel.Online.de lesen", "auf|Spiegel.Online.de|lesen"},
		{"die 3.Liga spielt", "die|3.Liga|spielt"},
		{"mit Node.js und ASP.NET", "mit|Node.js|und|ASP.NET"},
		{"ein Ph.D in", "ein|Ph.D|in"},
		{"Version2b.Das", "Version2b.Das"},
		{"U.S.Army", "U.S.Army"},
	}
	for _, c := range cases {
		if g := tokenTexts(c.text); g != c.want {
			t.Errorf("%q: tokens %s, want %s", c.text, g, c.want)
		}
	}
}

// TestDayOrdinal checks that a day's number keeps its period before a German month, an ordinal
// inside the sentence, and that any other number's period still ends its sentence.
func TestDayOrdinal(t *testing.T) {
	t.Parallel()
	cases := []struct{ text, want string }{
		{"am 20. August 2007 kam er", "am|20.|August|2007|kam|er"},
		{"vom 3. Oktober an", "vom|3.|Oktober|an"},
		{"am 1. Jänner", "am|1.|Jänner"},
		{"Es waren 20. August kam", "Es|waren|20.|August|kam"},
		{"Es waren 20. Danach kam", "Es|waren|20|.|Danach|kam"},
		{"im Jahr 2007. August kam", "im|Jahr|2007|.|August|kam"},
		{"Es waren 20. Augustiner kamen", "Es|waren|20|.|Augustiner|kamen"},
		{"Es waren 20.", "Es|waren|20|."},
	}
	for _, c := range cases {
		if g := tokenTexts(c.text); g != c.want {
			t.Errorf("%q: tokens %s, want %s", c.text, g, c.want)
		}
	}
}

// tokenTexts scans text as one paragraph and returns its tokens' texts joined by "|".
func tokenTexts(text string) string {
	e := &engine{rg: newRegistry()}
	e.scan([]Paragraph{{Text: text}})
	ps := e.ps[0]
	got := make([]string, 0, len(ps.toks))
	for _, tk := range ps.toks {
		got = append(got, string(ps.rs[tk.s:tk.e]))
	}
	return strings.Join(got, "|")
}

// TestAlnumBytes8 checks alnumBytes8 against asciiWord's letters and digits: every ASCII byte at
// every place among random ASCII bytes, and random bytes past ASCII after it, of which only the
// bytes up to the first that is no letter or digit are to be read.
func TestAlnumBytes8(t *testing.T) {
	t.Parallel()
	isAlnum := func(c byte) bool { return '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }
	r := rand.New(rand.NewPCG(9, 10))
	for c := range utf8.RuneSelf {
		for p := range 8 {
			for range 200 {
				var b [8]byte
				for k := range b {
					b[k] = byte(r.IntN(utf8.RuneSelf))
					if k > p && r.IntN(4) == 0 {
						b[k] = byte(utf8.RuneSelf + r.IntN(utf8.RuneSelf)) // past ASCII, after the byte tested
					}
				}
				b[p] = byte(c)
				got := alnumBytes8(binary.LittleEndian.Uint64(b[:]))
				for k := range b {
					if want := isAlnum(b[k]); got>>(8*k+7)&1 == 1 != want {
						t.Fatalf("alnumBytes8(% x): byte %d (%#x) is %v, want %v", b, k, b[k], !want, want)
					}
					if !isAlnum(b[k]) {
						break // the bytes after the first that is no letter or digit are not to be read
					}
				}
			}
		}
	}
}

// TestLowerWordRandom checks lowerWord, whose ASCII words of up to the key's length take a path of their
// own, against its definition: the word's runes lower-cased (lowerAppend), their key (keyOf) and
// hash (wordHash), for random words of every length around the key's, of ASCII letters, digits
// and inner runes, with a rune past ASCII or none at a random place.
func TestLowerWordRandom(t *testing.T) {
	t.Parallel()
	const ascii = "abcxyzABCXYZ019.'-&@[`{"
	past := []rune("äÖßéÉ’‐İK")
	r := rand.New(rand.NewPCG(11, 12))
	for n := 0; n <= 2*internInline+1; n++ {
		for range 500 {
			ws := make([]rune, n)
			for k := range ws {
				ws[k] = rune(ascii[r.IntN(len(ascii))])
			}
			if n > 0 && r.IntN(3) == 0 {
				ws[r.IntN(n)] = past[r.IntN(len(past))]
			}
			want := lowerAppend(nil, ws)
			for _, buf := range [][]byte{nil, make([]byte, 3, 4*internInline)} {
				lower, key, h := lowerWord(buf, ws)
				if string(lower) != string(want) || key != keyOf(want) || h != wordHash(want) {
					t.Fatalf("lowerWord(%q) = %q, %x, %x, want %q, %x, %x", string(ws), lower, key, h, want, keyOf(want), wordHash(want))
				}
			}
		}
	}
}

// runeTokens is the tokenizer's rune path alone, one rune at a time with appendWord reading the
// runes (wordEnd, lowerWord): the reference that TestTokenizeBytes holds the byte paths to.
func runeTokens(tz *tokenizer, rs []rune, text string, spans []span) []tok {
	var dst []tok
	buf := make([]byte, 0, 4*internInline)
	i := 0
	for si := 0; ; si++ {
		limit := len(rs)
		if si < len(spans) {
			limit = spans[si].open
		}
		for i < limit {
			r := rs[i]
			switch {
			case r == '\n':
				dst = append(dst, tok{s: int32(i), e: int32(i + 1), w: &newlineWord})
				i++
			case isSpaceRune(r):
				i++
			case isWordRune(r):
				dst, buf, i = tz.appendWord(dst, buf, rs, text, i, limit, false)
			default:
				dst = append(dst, tok{s: int32(i), e: int32(i + 1), w: punctWord(r)})
				i++
			}
		}
		if si >= len(spans) {
			return dst
		}
		dst = append(dst, tok{s: int32(spans[si].open), e: int32(spans[si].closeEnd)})
		i = spans[si].closeEnd
	}
}

// TestTokenizeBytes checks the tokenizer's paths that read a paragraph's bytes (appendText and
// appendKnown, which take most words without a call) against its rune path (runeTokens), on
// random paragraphs of ASCII words of every length around the key's, capitalised or not, before
// periods, commas and inner runes, with spaces, line breaks, punctuation and quotations between
// them, and with runes past ASCII and invalid bytes or none: the same tokens, the same interned
// words.
func TestTokenizeBytes(t *testing.T) {
	t.Parallel()
	pieces := []string{" ", " ", " ", "  ", "\n", "\t", ", ", ". ", ".", "'", "-", "&", "(", ")", ": ", "; ", "?", "!",
		"“", "”", "\"", "Mr.", "U.S.", "20. August", "XVI. hat", "e-mail", "rock'n'roll", "Merkel.Als",
		"etc", "no", "vs", ".\n"}
	past := []string{"é", "Schröder", "’", "‐", "\u00a0", "—", "\xff", "\xc3", "İ", "ß"}
	r := rand.New(rand.NewPCG(16, 17))
	random := func() string {
		n := 1 + r.IntN(2*internInline+2)
		if r.IntN(2) == 0 {
			n = 1 + r.IntN(8)
		}
		const letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
		b := make([]byte, n)
		for k := range b {
			b[k] = letters[r.IntN(len(letters))]
		}
		return string(b)
	}
	// Most words come from a few, so that the intern table and its cache of recent words hold
	// them.
	pool := make([]string, 300)
	for k := range pool {
		pool[k] = random()
	}
	word := func() string {
		if r.IntN(8) == 0 {
			return random()
		}
		return pool[r.IntN(len(pool))]
	}
	var tz tokenizer
	for round := range 3000 {
		var sb strings.Builder
		n := r.IntN(60)
		for range n {
			switch k := r.IntN(10); {
			case k < 5:
				sb.WriteString(word())
			case k < 9:
				sb.WriteString(pieces[r.IntN(len(pieces))])
			case round%3 != 0:
				sb.WriteString(past[r.IntN(len(past))])
			}
		}
		text := sb.String()
		e := &engine{rg: newRegistry(), tz: tz}
		e.scan([]Paragraph{{Text: text}})
		tz = e.tz
		ps := e.ps[0]
		want := runeTokens(&tz, ps.rs, text, ps.spans)
		if len(ps.toks) != len(want) {
			t.Fatalf("%q: %d tokens, want %d", text, len(ps.toks), len(want))
		}
		for k, tk := range ps.toks {
			w := want[k]
			if tk.s != w.s || tk.e != w.e || (tk.kind() == tQuote) != (w.w == nil) || w.w != nil && tk.w != w.w {
				t.Fatalf("%q: token %d is [%d, %d) %q, want [%d, %d)", text, k, tk.s, tk.e, tk.lower(), w.s, w.e)
			}
		}
	}
}
