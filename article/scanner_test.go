package article

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// quoteTexts returns the text of every quotation FindQuotes finds in body paragraphs (no headline)
// separated by blank lines.
func quoteTexts(text string) []string {
	paras := splitParagraphs("\n\n" + text)
	qs, _ := FindQuotes(paras)
	out := make([]string, len(qs))
	for i, q := range qs {
		out[i] = q.Text
	}
	return out
}

func TestScannerGood(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name, in string
		want     []string
	}{
		{"curly", `He said “we will win” today.`, []string{"we will win"}},
		{"straight", `He said "we will win" today.`, []string{"we will win"}},
		{"newspaper", `''We will win,'' he said.`, []string{"We will win,"}},
		{"german", `„Wir schaffen das“, sagte sie.`, []string{"Wir schaffen das"}},
		{"german straight close", `„Wir schaffen das", sagte sie.`, []string{"Wir schaffen das"}},
		{"german single", `Er nannte es ‚Unsinn‘ und ging.`, []string{"Unsinn"}},
		{"german guillemets", `»Das ist gut«, sagte er.`, []string{"Das ist gut"}},
		{"french", `Il a dit « non » hier.`, []string{" non "}},
		{"french reversed", `Il a dit » non « hier.`, []string{" non "}},
		{"scare single", `Was There Any ‘Serious Communication’ with Team Trump?`, []string{"Serious Communication"}},
		{"scare straight single", `the so-called 'deal' was off`, []string{"deal"}},
		{"apostrophes", `Clinton’s team don’t know ’90s rock ’n’ roll, and the students’ union ‘voted’.`, []string{"voted"}},
		{"straight apostrophes", `Clinton's team don't know '90s rock 'n' roll, and the students' union 'voted'.`, []string{"voted"}},
		{"possessive inside", `a ‘students’ union’ vote`, []string{"students’ union"}},
		{"nested", `“He told me ‘no’ twice,” she said.`, []string{"He told me ‘no’ twice,"}},
		{"nested, a space before the close", `"You say, 'Well done,' " said Baker. "It is fair."`, []string{"You say, 'Well done,' ", "It is fair."}},
		{"nested newspaper", `''I would use the word 'old-school,''' he said.`, []string{"I would use the word 'old-school,'"}},
		{"two quotes", `“One,” he said. “Two.”`, []string{"One,", "Two."}},
		{"space before close", `“It is over, ” he said.`, []string{"It is over, "}},
		{"across paragraphs", "“First part.\n\n“Second part,” he said.", []string{"First part.", "Second part,"}},
		{"stray inch mark", `a 12" pipe and "a quote" here`, []string{"a quote"}},
		{"stray opener", `“stray and then “real” words`, []string{"real"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			if got, want := strings.Join(quoteTexts(c.in), "|"), strings.Join(c.want, "|"); got != want {
				t.Fatalf("quotes=%q, want %q", got, want)
			}
		})
	}
}

// TestScannerBad holds texts in which no quotation may be found, or only a bounded one.
func TestScannerBad(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name, in string
		want     []string
	}{
		{"apostrophes only", `Clinton’s team don’t know the ’90s; rock ’n’ roll; students’ fees.`, nil},
		{"straight apostrophes only", `Clinton's team don't know the '90s; rock 'n' roll; students' fees.`, nil},
		{"unclosed stops at paragraph", "“It never closes.\n\nThe next paragraph has “a quote” in it.", []string{"a quote"}},
		{"unclosed without continuation", "He said “it never closes.\n\nNo mark opens here.", nil},
		{"closing marks only", `end” of” it”`, nil},
		{"empty", `he said “” and “ ” then`, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			if got, want := strings.Join(quoteTexts(c.in), "|"), strings.Join(c.want, "|"); got != want {
				t.Fatalf("quotes=%q, want %q", got, want)
			}
		})
	}
}

func TestScannerOffsets(t *testing.T) {
	t.Parallel()
	text := "Titel\n\nÄrger: „Wir schaffen das“, sagte Merkel."
	qs, _ := FindQuotes(splitParagraphs(text))
	if got, want := len(qs), 1; got != want {
		t.Fatalf("len(quotes)=%d, want %d", got, want)
	}
	rs := []rune(text)
	if got, want := string(rs[qs[0].Start:qs[0].End]), qs[0].Text; got != want {
		t.Fatalf("text at offsets=%q, want %q", got, want)
	}
}

// TestNextMarkByte checks nextMarkByte against a byte-by-byte scan: every byte value at every
// position of texts of 0 to 19 bytes, from every start, and random texts of marks, bytes past
// ASCII (whose sums in markBytes8 carry into the bytes after them) and other bytes.
func TestNextMarkByte(t *testing.T) {
	t.Parallel()
	slow := func(s string, i int) int {
		for ; i < len(s); i++ {
			if c := s[i]; c >= 0x80 || c == '"' || c == '\'' || c == '`' {
				return i
			}
		}
		return len(s)
	}
	base := []byte("abcdefgh ijklmnopq\x00")
	for n := range len(base) + 1 {
		for pos := range n {
			for v := range 256 {
				b := append([]byte(nil), base[:n]...)
				b[pos] = byte(v)
				for i := range n + 1 {
					if got, want := nextMarkByte(string(b), i), slow(string(b), i); got != want {
						t.Fatalf("nextMarkByte(%q, %d) = %d, want %d", b, i, got, want)
					}
				}
			}
		}
	}
	r := rand.New(rand.NewPCG(15, 16))
	const pieces = "\"'`\x80\xff\xe2\x7f\x00!#&a_ "
	for range 20000 {
		b := make([]byte, r.IntN(40))
		for k := range b {
			b[k] = byte(r.IntN(256))
			if r.IntN(2) == 0 {
				b[k] = pieces[r.IntN(len(pieces))]
			}
		}
		i := r.IntN(len(b) + 1)
		if got, want := nextMarkByte(string(b), i), slow(string(b), i); got != want {
			t.Fatalf("nextMarkByte(%q, %d) = %d, want %d", b, i, got, want)
		}
	}
}

// TestScanMarksSkips checks that scanMarks, which skips through a paragraph's bytes to the next
// that may be part of a mark, finds the marks that markAt finds reading every rune: in ASCII, in
// text of other runes, and in invalid bytes (each one U+FFFD), whose runes it counts as it skips;
// and that it lists every rune of more than one byte with the bytes up to its end.
func TestScanMarksSkips(t *testing.T) {
	t.Parallel()
	for _, text := range []string{
		`He said "no" and 'yes' and ''maybe'' and ` + "``so''" + ` in the '90s, don't you know.`,
		`"a" "b" "c"` + "\xff\"d\xfe\" 'e' \x80'f'" + `"`,
		`"Eight by""tes here" and then some more text that runs past eight bytes "again"`,
		`Müller sagte: „Das ist gut“, und ‚nein‘ – »ja« oder «oui» ’’doubled’’ ‘‘too‘‘ rock’n’roll ’90s.`,
		"“Curly,” she said, “and ünïcödé before \xff\xfe \"straight\" \xe2\x80'cut' ” end",
		"日本語 “ok” ßx '''triple''' “", "\u00a0“nbsp”\u00a0", "\U0001F600 “emoji” \U0001F600'x'",
	} {
		rs := []rune(text)
		var want []mark
		for i := 0; i < len(rs); {
			m, w, ok := markAt(rs, i)
			if ok {
				want = append(want, m)
			}
			i += w
		}
		// The runes of more than one byte: an invalid byte is one rune of one byte.
		var wantWide []wideRune
		r := 0
		for b := 0; b < len(text); r++ {
			_, size := utf8.DecodeRuneInString(text[b:])
			if b += size; size > 1 {
				wantWide = append(wantWide, wideRune{r: int32(r), extra: int32(b - r - 1)})
			}
		}
		got, wide := scanMarks(nil, rs, text, nil, len(text))
		if len(want) == 0 || !slices.Equal(got, want) {
			t.Errorf("scanMarks(%q) = %v, rune by rune %v", text, got, want)
		}
		if !slices.Equal(wide, wantWide) {
			t.Errorf("scanMarks(%q) lists the wide runes %v, want %v", text, wide, wantWide)
		}
		// A list longer than scanMarks may make is not made; one as long is.
		if n := len(wantWide); n > 0 {
			if _, wide := scanMarks(nil, rs, text, nil, n); !slices.Equal(wide, wantWide) {
				t.Errorf("scanMarks(%q, most %d) lists %v, want %v", text, n, wide, wantWide)
			}
			if _, wide := scanMarks(nil, rs, text, wantWide[:0:0], n-1); len(wide) != 0 {
				t.Errorf("scanMarks(%q, most %d) lists %v, want none", text, n-1, wide)
			}
		}
	}
}
