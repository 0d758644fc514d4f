// Command genicons draws Verbatim's app icons (a speech mark on a coloured square) and writes them as
// small PNG files under web/icons: icon-192.png, icon-512.png and maskable-512.png, plus icon.svg.
//
//	go run ./internal/genicons [-dir web/icons]
//
// The icons are generated, never edited by hand: change this program and run it again. It uses only
// the standard library and draws no untrusted input.
package main

import (
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math"
	"os"
	"path/filepath"
)

var (
	background = color.NRGBA{0x1f, 0x4e, 0x79, 0xff} // the theme colour
	foreground = color.NRGBA{0xff, 0xd5, 0x4f, 0xff} // the highlight colour
)

func main() {
	dir := flag.String("dir", "web/icons", "the folder to write the icons to")
	flag.Parse()
	if err := run(*dir); err != nil {
		fmt.Fprintln(os.Stderr, "genicons:", err)
		os.Exit(1)
	}
}

func run(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	icons := []struct {
		name     string
		size     int
		maskable bool
	}{
		{"icon-192.png", 192, false},
		{"icon-512.png", 512, false},
		{"maskable-512.png", 512, true},
	}
	for _, ic := range icons {
		if err := writePNG(filepath.Join(dir, ic.name), draw(ic.size, ic.maskable)); err != nil {
			return err
		}
	}
	return os.WriteFile(filepath.Join(dir, "icon.svg"), []byte(svg), 0o644)
}

// draw returns a size×size icon: a rounded square (a full bleed square when maskable, whose safe zone
// is the inner 80%) holding two quotation marks.
func draw(size int, maskable bool) *image.NRGBA {
	img := image.NewNRGBA(image.Rect(0, 0, size, size))
	s := float64(size)
	radius := s * 0.18
	scale := 1.0
	if maskable {
		radius = 0
		scale = 0.7
	}
	for y := 0; y < size; y++ {
		for x := 0; x < size; x++ {
			px, py := float64(x)+0.5, float64(y)+0.5
			if !inRoundedSquare(px, py, s, radius) {
				continue
			}
			c := background
			if inMarks(px/s, py/s, scale) {
				c = foreground
			}
			img.SetNRGBA(x, y, c)
		}
	}
	return img
}

func inRoundedSquare(x, y, s, r float64) bool {
	cx := math.Max(r, math.Min(s-r, x))
	cy := math.Max(r, math.Min(s-r, y))
	return (x-cx)*(x-cx)+(y-cy)*(y-cy) <= r*r
}

// inMarks reports whether the point (u, v) in unit coordinates falls in one of two opening
// quotation marks (a disc with a tail), scaled about the centre.
func inMarks(u, v, scale float64) bool {
	u = (u-0.5)/scale + 0.5
	v = (v-0.5)/scale + 0.5
	for _, cx := range []float64{0.36, 0.64} {
		cy, r := 0.56, 0.11
		if (u-cx)*(u-cx)+(v-cy)*(v-cy) <= r*r {
			return true
		}
		// The tail: a band rising from the disc's left side to the upper right.
		if v < cy && v > cy-0.26 && u > cx-r && u < cx-r+0.09+(cy-v)*0.45 && u > cx-r+(cy-v)*0.45 {
			return true
		}
	}
	return false
}

func writePNG(name string, img image.Image) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	enc := png.Encoder{CompressionLevel: png.BestCompression}
	if err := enc.Encode(f, img); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">
<rect width="100" height="100" rx="18" fill="#1f4e79"/>
<circle cx="36" cy="56" r="11" fill="#ffd54f"/><circle cx="64" cy="56" r="11" fill="#ffd54f"/>
<path d="M25 56 L37 30 L46 30 L36 56 Z M53 56 L65 30 L74 30 L64 56 Z" fill="#ffd54f"/>
</svg>
`
