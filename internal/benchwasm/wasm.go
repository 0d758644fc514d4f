// Package benchwasm measures a WebAssembly binary for the benchmark table: its raw, gzip and
// brotli sizes, and how much of its code each Go package contributes (read from the binary's
// name section, since go tool nm does not read wasm).
//
// It is a measuring tool for scripts/bench.sh and imports nothing of Verbatim's.
package benchwasm

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"sort"
	"strings"

	brrr "github.com/molecule-man/go-brrr"
)

// Sizes are a binary's sizes in bytes: as built, gzip at level 9, brotli at quality 11.
type Sizes struct {
	Raw, Gzip, Brotli int
}

// Measure compresses b both ways and returns its sizes.
func Measure(b []byte) (Sizes, error) {
	var gz bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression)
	if _, err := zw.Write(b); err != nil {
		return Sizes{}, err
	}
	if err := zw.Close(); err != nil {
		return Sizes{}, err
	}
	br, err := brrr.Compress(b, brrr.BestCompression)
	if err != nil {
		return Sizes{}, err
	}
	return Sizes{Raw: len(b), Gzip: gz.Len(), Brotli: len(br)}, nil
}

// Section is one section of a wasm module.
type Section struct {
	Name string // "code", "data", or a custom section's name
	Size int
}

// Package is the code one Go package contributes: the summed size of its function bodies.
type Package struct {
	Path  string
	Bytes int
	Funcs int
}

// Report is what Analyze finds in a module.
type Report struct {
	Sections []Section
	Packages []Package // largest first; empty when the name section was stripped
}

var sectionNames = map[byte]string{0: "custom", 1: "type", 2: "import", 3: "function", 4: "table",
	5: "memory", 6: "global", 7: "export", 8: "start", 9: "element", 10: "code", 11: "data", 12: "datacount"}

// Analyze reads a wasm module's sections, and attributes its function bodies to Go packages
// through the name section when the binary has one. pkgs lists the import paths linked in
// (go list -deps): the name section spells "a/b.F" as "a_b.F", so the longest listed path whose
// spelling prefixes a name owns it.
func Analyze(b []byte, pkgs []string) (Report, error) {
	if len(b) < 8 || string(b[:4]) != "\x00asm" {
		return Report{}, errors.New("not a wasm module")
	}
	var rep Report
	var imported int
	var bodies []int
	names := map[int]string{}
	p := b[8:]
	for len(p) > 0 {
		id := p[0]
		size, n := binary.Uvarint(p[1:])
		if n <= 0 || int(size) > len(p)-1-n {
			return rep, errors.New("truncated section")
		}
		body := p[1+n : 1+n+int(size)]
		p = p[1+n+int(size):]
		name := sectionNames[id]
		switch id {
		case 0:
			l, k := binary.Uvarint(body)
			if k > 0 && int(l) <= len(body)-k {
				name = string(body[k : k+int(l)])
				if name == "name" {
					readNames(body[k+int(l):], names)
				}
			}
		case 2:
			imported = countFuncImports(body)
		case 10:
			bodies = readBodies(body)
		}
		rep.Sections = append(rep.Sections, Section{Name: name, Size: len(body)})
	}
	owner := newOwners(pkgs)
	byPkg := map[string]*Package{}
	for i, sz := range bodies {
		fn, ok := names[imported+i]
		if !ok {
			continue
		}
		path := owner.of(fn)
		pk := byPkg[path]
		if pk == nil {
			pk = &Package{Path: path}
			byPkg[path] = pk
		}
		pk.Bytes += sz
		pk.Funcs++
	}
	for _, pk := range byPkg {
		rep.Packages = append(rep.Packages, *pk)
	}
	sort.Slice(rep.Packages, func(i, j int) bool {
		if rep.Packages[i].Bytes != rep.Packages[j].Bytes {
			return rep.Packages[i].Bytes > rep.Packages[j].Bytes
		}
		return rep.Packages[i].Path < rep.Packages[j].Path
	})
	return rep, nil
}

// owners maps the name section's spelling of a package path to the path.
type owners map[string]string

func newOwners(pkgs []string) owners {
	o := owners{}
	for _, p := range pkgs {
		o[mangle(p)] = p
	}
	return o
}

// mangle spells s as the wasm name section does.
func mangle(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '.' || r == '_' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' {
			return r
		}
		return '_'
	}, s)
}

// of returns the package that owns the function named sym, trying each "." in sym as the end of
// the package's spelling, longest first; "(other)" when none matches.
func (o owners) of(sym string) string {
	sym = strings.TrimPrefix(strings.TrimPrefix(sym, "type:.eq."), "type_.eq.")
	for end := len(sym); end > 0; {
		end = strings.LastIndexByte(sym[:end], '.')
		if end < 0 {
			break
		}
		if p, ok := o[sym[:end]]; ok {
			return p
		}
	}
	if strings.HasPrefix(sym, "type") || strings.HasPrefix(sym, "go") {
		return "(types and runtime glue)"
	}
	return "(other)"
}

func readNames(p []byte, names map[int]string) {
	for len(p) > 0 {
		id := p[0]
		size, n := binary.Uvarint(p[1:])
		if n <= 0 || int(size) > len(p)-1-n {
			return
		}
		sub := p[1+n : 1+n+int(size)]
		p = p[1+n+int(size):]
		if id != 1 {
			continue
		}
		count, k := binary.Uvarint(sub)
		sub = sub[k:]
		for i := uint64(0); i < count && len(sub) > 0; i++ {
			idx, k1 := binary.Uvarint(sub)
			l, k2 := binary.Uvarint(sub[k1:])
			if k1 <= 0 || k2 <= 0 || int(l) > len(sub)-k1-k2 {
				return
			}
			names[int(idx)] = string(sub[k1+k2 : k1+k2+int(l)])
			sub = sub[k1+k2+int(l):]
		}
	}
}

func countFuncImports(p []byte) int {
	count, k := binary.Uvarint(p)
	p = p[k:]
	funcs := 0
	skipName := func() bool {
		l, k := binary.Uvarint(p)
		if k <= 0 || int(l) > len(p)-k {
			return false
		}
		p = p[k+int(l):]
		return true
	}
	for i := uint64(0); i < count; i++ {
		if !skipName() { // module
			return funcs
		}
		if !skipName() || len(p) == 0 { // field
			return funcs
		}
		kind := p[0]
		p = p[1:]
		switch kind {
		case 0: // func: type index
			funcs++
			_, k := binary.Uvarint(p)
			p = p[k:]
		case 1: // table: reftype, limits
			p = p[1:]
			p = skipLimits(p)
		case 2: // memory
			p = skipLimits(p)
		case 3: // global: valtype, mut
			p = p[2:]
		}
	}
	return funcs
}

func skipLimits(p []byte) []byte {
	flag := p[0]
	p = p[1:]
	_, k := binary.Uvarint(p)
	p = p[k:]
	if flag&1 != 0 {
		_, k = binary.Uvarint(p)
		p = p[k:]
	}
	return p
}

func readBodies(p []byte) []int {
	count, k := binary.Uvarint(p)
	p = p[k:]
	out := make([]int, 0, count)
	for i := uint64(0); i < count; i++ {
		sz, k := binary.Uvarint(p)
		if k <= 0 || int(sz) > len(p)-k {
			break
		}
		out = append(out, int(sz)+k)
		p = p[k+int(sz):]
	}
	return out
}

// Human formats a byte count in MB (10^6) with two decimals, or KB below 100 KB.
func Human(n int) string {
	if n < 100_000 {
		return fmt.Sprintf("%.1f KB", float64(n)/1e3)
	}
	return fmt.Sprintf("%.2f MB", float64(n)/1e6)
}
