package article

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// TestHonorificsAreTitles checks the guard honorificGender passes tokens over by: every honorific
// it knows is one of the titles, so its word carries lxTitle.
func TestHonorificsAreTitles(t *testing.T) {
	t.Parallel()
	for _, w := range []string{"mr", "mr.", "mrs", "mrs.", "ms", "ms."} {
		if lexFlagsOf(w, wordHash(w))&lxTitle == 0 {
			t.Errorf("%q is an honorific but not a title", w)
		}
	}
}

// TestIsContraction checks isContraction, whose first test is for an apostrophe: contractions
// with either apostrophe are found, names and words without one are not.
func TestIsContraction(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		w    string
		want bool
	}{
		{"she’ll", true}, {"they're", true}, {"we’ve", true}, {"i'd", true}, {"don’t", true}, {"i’m", true},
		{"can't", true}, {"trump", false}, {"o'neill", false}, {"o’brien", false}, {"federal", false}, {"", false},
	} {
		if got := isContraction(c.w); got != c.want {
			t.Errorf("isContraction(%q) = %v, want %v", c.w, got, c.want)
		}
	}
}

// TestIsAddress checks isAddress, whose first test is for the letter a prefix opens with: web
// addresses in either case, after spaces, are found; words and addresses with a space are not.
func TestIsAddress(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		s    string
		want bool
	}{
		{"http://video.foxnews.com", true}, {"  www.example.com", true}, {"HTTPS://EXAMPLE.ORG", true}, {"Www.x.de", true},
		{"http://a b", false}, {"Hello", false}, {"what", false}, {"world.com", false}, {"", false}, {"   ", false},
	} {
		if got := isAddress([]rune(c.s)); got != c.want {
			t.Errorf("isAddress(%q) = %v, want %v", c.s, got, c.want)
		}
	}
}

// TestTitleShaped checks titleShaped on quotations that read as a work's title and on ones that
// fail each of its tests, a lower-case word among them, in either order with a contraction.
func TestTitleShaped(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		s    string
		want bool
	}{
		{"Going Viral,", true}, {"America's Unwritten Constitution,", true}, {"Scandal", true}, {"2001", true},
		{"The Art of the Deal", true}, {"We’re America.", false}, {"We’re in America", false}, {"The Donald. Big Daddy.", false},
		{"This is not a title", false}, {"the title", false}, {"Why Not?", false}, {"One Two Three Four Five Six Seven", false},
		{"In America we’re", false},
	} {
		rs := []rune(c.s)
		sp := span{start: 0, end: len(rs), closed: true}
		sp.first, sp.last = contentEnds(rs, sp.start, sp.end)
		if got := titleShaped(rs, sp); got != c.want {
			t.Errorf("titleShaped(%q) = %v, want %v", c.s, got, c.want)
		}
	}
}

// TestIsSmallWord checks isSmallWord, which passes over a word longer than the longest small word
// without looking it up: every small word is found, in runes, and other words are not.
func TestIsSmallWord(t *testing.T) {
	t.Parallel()
	for w := range smallWords.set {
		if !isSmallWord([]rune(w)) {
			t.Errorf("isSmallWord(%q) = false, want true", w)
		}
	}
	for _, w := range []string{"president", "said", "The", "fur", "über", "", "within"} {
		if isSmallWord([]rune(w)) {
			t.Errorf("isSmallWord(%q) = true, want false", w)
		}
	}
}

// TestSentenceStartMemo checks that sentenceStart, which works a quotation token's answer out
// once, gives every token, asked twice, what findSentenceStart works out: after a period, after a
// quotation that ends its sentence, and at a paragraph's start.
func TestSentenceStartMemo(t *testing.T) {
	t.Parallel()
	e := newEngine(new(scratch))
	e.scan(splitParagraphs("Headline\n\n“We will win.” Smith said. He added, “It is over,” and left.\n\n" +
		"“Yes,” she said. “No.” “Maybe” was all. Then he said “fine.”"))
	for pi, ps := range e.ps {
		for round := range 2 {
			for i := range ps.toks {
				if got, want := sentenceStart(ps, i), findSentenceStart(ps, i); got != want {
					t.Errorf("paragraph %d, round %d: sentenceStart(%d) = %d, want %d", pi, round, i, got, want)
				}
			}
		}
	}
}

// TestRunInWordShapes checks what runInHeading's guards rely on: every German opener is
// capitalised, and isSmallWordDe finds every small word and no longer word.
func TestRunInWordShapes(t *testing.T) {
	t.Parallel()
	for w := range openersDe {
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) {
			t.Errorf("opener %q is not capitalised", w)
		}
		if !isOpenerDe(w) {
			t.Errorf("isOpenerDe(%q) = false, want true", w)
		}
	}
	for _, w := range []string{"The", "But", "Bei.", "bei", "In", "Auchs", "Zu", "", "A", "Über-", "Mittlerweile,"} {
		if isOpenerDe(w) {
			t.Errorf("isOpenerDe(%q) = true, want false", w)
		}
	}
	for w := range smallWordsDe {
		if !isSmallWordDe(w) {
			t.Errorf("isSmallWordDe(%q) = false, want true", w)
		}
	}
	for _, w := range []string{"Den", "president", "gegenüber", "", "unterdessen", "the", "and", "a", "said", "aus.", "fü"} {
		if isSmallWordDe(w) {
			t.Errorf("isSmallWordDe(%q) = true, want false", w)
		}
	}
}

// TestApostropheIndex checks apostropheIndex, pronounStem's byte scan, against strings.IndexAny on
// words with either apostrophe and on random text of broken UTF-8 around a ’.
func TestApostropheIndex(t *testing.T) {
	t.Parallel()
	words := []string{"he’s", "they're", "o’brien", "don't", "trump", "", "’", "'", "\xe2\x80", "\xe2\xe2\x80\x99s", "\xf0\xe2\x80\x99"}
	pieces := []string{"a", "’", "'", "\xe2", "\x80", "\x99", "\xe2\x80", "é", "“", "‘", "\xff", "she"}
	r := rand.New(rand.NewPCG(7, 8))
	for range 20000 {
		words = append(words, randomText(r, pieces, 8))
	}
	for _, w := range words {
		if got, want := apostropheIndex(w), strings.IndexAny(w, "'’"); got != want {
			t.Fatalf("apostropheIndex(%q) = %d, want %d", w, got, want)
		}
	}
}

// TestGeneralPunctuationNoWord checks the guard isWordRuneNonASCII passes the block of General
// Punctuation over by: none of its runes is a letter or a digit.
func TestGeneralPunctuationNoWord(t *testing.T) {
	t.Parallel()
	for r := rune(0x2000); r <= 0x206f; r++ {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			t.Errorf("%U is a letter or a digit", r)
		}
	}
}

// TestGivenNameOf checks givenNameOf, which reads a name word's lexicon flags, against
// givenNameGender of the word's key (nameWord) for every given name and a few other words, bare,
// with a final period and with either possessive ending.
func TestGivenNameOf(t *testing.T) {
	t.Parallel()
	words := []string{"baker", "smith", "said", "", "s", "'s", "jr", "mr"}
	for w := range givenNamesMen.set {
		words = append(words, w)
	}
	for w := range givenNamesWomen.set {
		words = append(words, w)
	}
	for _, w := range words {
		for _, form := range []string{w, w + ".", w + "'s", w + "’s", w + "s", w + "'s."} {
			tk := tok{w: &word{lower: form, kind: tWord, cap: true, flags: lexFlagsOf(form, wordHash(form))}}
			if got, want := givenNameOf(tk), givenNameGender(nameWord(tk)); got != want {
				t.Errorf("givenNameOf(%q) = %v, want %v", form, got, want)
			}
		}
	}
}
