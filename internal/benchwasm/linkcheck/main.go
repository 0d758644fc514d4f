// Command linkcheck fails when a wasm module links code of forbidden packages beyond a baseline
// module's. scripts/deps.sh runs it to keep the parser (readability, goldmark, bluemonday, x/net/html
// and the rest behind article.Parse) out of the reader's app.wasm: the baseline is a main that only
// imports package article, whose package initialisers (a sanitizer policy, a Markdown converter) are
// linked wherever article is imported; any function of those packages beyond them means something in
// the reader reaches the parser.
//
//	linkcheck READER.wasm BASELINE.wasm PACKAGE...
//
// Both modules must keep their name sections (built without -ldflags=-s). It reads only the two files.
package main

import (
	"fmt"
	"os"
	"strings"

	"verbatim/internal/benchwasm"
)

func main() {
	if len(os.Args) < 4 {
		fmt.Fprintln(os.Stderr, "usage: linkcheck READER.wasm BASELINE.wasm PACKAGE...")
		os.Exit(2)
	}
	reader, err := funcs(os.Args[1])
	if err != nil {
		fail(err)
	}
	baseline, err := funcs(os.Args[2])
	if err != nil {
		fail(err)
	}
	inBaseline := make(map[string]bool, len(baseline))
	for _, f := range baseline {
		inBaseline[f] = true
	}
	var extra []string
	for _, f := range reader {
		if !inBaseline[f] && owned(f, os.Args[3:]) {
			extra = append(extra, f)
		}
	}
	if len(extra) > 0 {
		fmt.Printf("%s links %d functions of %s beyond what importing package article costs, such as:\n",
			os.Args[1], len(extra), strings.Join(os.Args[3:], ", "))
		for i, f := range extra {
			if i == 20 {
				fmt.Printf("  … and %d more\n", len(extra)-i)
				break
			}
			fmt.Println("  " + f)
		}
		os.Exit(1)
	}
}

// owned reports whether the function named f belongs to one of the packages (or their subpackages).
func owned(f string, pkgs []string) bool {
	f = strings.TrimPrefix(f, "type_.eq.")
	for _, p := range pkgs {
		m := benchwasm.Mangle(p)
		if strings.HasPrefix(f, m+".") || strings.HasPrefix(f, m+"_") || strings.Contains(f, "."+m+".") {
			return true
		}
	}
	return false
}

func funcs(path string) ([]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	fs, err := benchwasm.Funcs(b)
	if err == nil && len(fs) == 0 {
		err = fmt.Errorf("%s has no name section: build it without -ldflags=-s", path)
	}
	return fs, err
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "linkcheck:", err)
	os.Exit(2)
}
