package quotecard

import (
	"embed"
	"fmt"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// fontFiles are the bundled Atkinson Hyperlegible fonts (SIL Open Font License 1.1, fonts/OFL.txt),
// from @fontsource/atkinson-hyperlegible 5.3.0, the package web/fonts comes from: the Latin and
// Latin Extended subsets of the regular, bold and italic styles, in WOFF 1.0, which this package
// decodes (x/image reads OpenType, not WOFF 2).
//
//go:embed fonts/*.woff fonts/OFL.txt
var fontFiles embed.FS

// style is one of the card's type styles.
type style int

const (
	regular style = iota
	bold
	italic
)

var styleFiles = map[style]string{regular: "400-normal", bold: "700-normal", italic: "400-italic"}

// family is a style's fonts: Latin first, then Latin Extended for the letters Latin lacks.
type family []*sfnt.Font

var (
	fontsOnce sync.Once
	fonts     map[style]family
	fontsErr  error
)

// loadFonts decodes the bundled fonts once.
func loadFonts() (map[style]family, error) {
	fontsOnce.Do(func() {
		fonts = make(map[style]family)
		for st, name := range styleFiles {
			for _, subset := range []string{"latin", "latin-ext"} {
				b, err := fontFiles.ReadFile("fonts/atkinson-hyperlegible-" + subset + "-" + name + ".woff")
				if err != nil {
					fontsErr = err
					return
				}
				otf, err := sfntFromWOFF(b)
				if err != nil {
					fontsErr = fmt.Errorf("font %s %s: %w", subset, name, err)
					return
				}
				f, err := opentype.Parse(otf)
				if err != nil {
					fontsErr = fmt.Errorf("font %s %s: %w", subset, name, err)
					return
				}
				fonts[st] = append(fonts[st], f)
			}
		}
	})
	return fonts, fontsErr
}

// faces is a style at one size: a face per font of its family, and the glyph lookup that picks, for
// each rune, the first font that has it.
type faces struct {
	fonts family
	faces []font.Face
	buf   sfnt.Buffer
	// ascii and other keep the advances width has looked up (advance), by rune: a layout measures
	// the same letters over and over, as it wraps a quotation at each size it tries, and each
	// measure was a look-up of the rune in every font's character map and then in its face.
	ascii [128]knownAdvance
	other map[rune]knownAdvance
}

// knownAdvance is a rune's advance in a faces, once looked up (known), and whether a face has it.
type knownAdvance struct {
	a         fixed.Int26_6
	known, ok bool
}

func newFaces(fam family, size float64) (*faces, error) {
	fs := &faces{fonts: fam}
	for _, f := range fam {
		face, err := opentype.NewFace(f, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingNone})
		if err != nil {
			return nil, err
		}
		fs.faces = append(fs.faces, face)
	}
	return fs, nil
}

// facesKey names a faces of the pools: its family (by its first font) and size.
type facesKey struct {
	font *sfnt.Font
	size float64
}

// facesPools keeps, by family and size, the faces layouts have measured with and given back
// (borrowFaces): a card is laid out at one of two sizes, each with a few dozen type sizes, and making
// a faces (opentype.NewFace for each font) and looking its advances up again for every card was some
// 0.3 MB of allocation and a tenth of a card's layout. A faces is one goroutine's at a time.
var facesPools sync.Map // facesKey -> *sync.Pool of *faces

// maxOtherAdvances bounds the advances a pooled faces keeps of runes past ASCII: text is untrusted,
// and each distinct rune would stay.
const maxOtherAdvances = 4096

// borrowFaces returns a faces of fam at size, from the pool or new; give it back with giveBack.
func borrowFaces(fam family, size float64) (*faces, error) {
	if len(fam) > 0 {
		if p, ok := facesPools.Load(facesKey{fam[0], size}); ok {
			if fs, ok := p.(*sync.Pool).Get().(*faces); ok {
				return fs, nil
			}
		}
	}
	return newFaces(fam, size)
}

// giveBack returns fs, borrowed at size, to the pool; it is not to be used after.
func (fs *faces) giveBack(size float64) {
	if len(fs.fonts) == 0 {
		return
	}
	if len(fs.other) > maxOtherAdvances {
		clear(fs.other)
	}
	p, _ := facesPools.LoadOrStore(facesKey{fs.fonts[0], size}, &sync.Pool{})
	p.(*sync.Pool).Put(fs)
}

// faceFor returns the face that has r, or the first face (its .notdef box) when none has it.
func (fs *faces) faceFor(r rune) font.Face {
	for i, f := range fs.fonts {
		if g, err := f.GlyphIndex(&fs.buf, r); err == nil && g != 0 {
			return fs.faces[i]
		}
	}
	return fs.faces[0]
}

// width returns the advance of s.
func (fs *faces) width(s string) fixed.Int26_6 {
	var w fixed.Int26_6
	for _, r := range s {
		if a, ok := fs.advance(r); ok {
			w += a
		}
	}
	return w
}

// advance returns the advance of r in the face that has it (faceFor), looked up once.
func (fs *faces) advance(r rune) (fixed.Int26_6, bool) {
	var k *knownAdvance
	if r >= 0 && r < rune(len(fs.ascii)) {
		k = &fs.ascii[r]
	} else if c, ok := fs.other[r]; ok {
		return c.a, c.ok
	}
	if k != nil && k.known {
		return k.a, k.ok
	}
	a, ok := fs.faceFor(r).GlyphAdvance(r)
	c := knownAdvance{a: a, known: true, ok: ok}
	if k != nil {
		*k = c
	} else {
		if fs.other == nil {
			fs.other = make(map[rune]knownAdvance)
		}
		fs.other[r] = c
	}
	return a, ok
}

// metrics returns the ascent and descent of the first face.
func (fs *faces) metrics() (ascent, descent fixed.Int26_6) {
	m := fs.faces[0].Metrics()
	return m.Ascent, m.Descent
}
