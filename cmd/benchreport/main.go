// Command benchreport turns the measurements of scripts/bench.sh into rows of one table, and
// prints the table. Each row is tab-separated: budget, measure, value, baseline, ratio, goal and
// verdict. It measures nothing in a browser itself (cmd/benchbrowser does, and prints its own rows);
// it only reads files and tool outputs.
//
//	benchreport wasm APP.wasm MIN.wasm [NAMED.wasm PKG MIN-NAMED.wasm MIN-PKG]
//	                                                       sizes, ratios, and code per package in both
//	benchreport size WHAT FILE.wasm                        raw, gzip and brotli sizes of another module (report)
//	benchreport gobench NAME… < go-test-output             the budgets of Go benchmarks NAME… (Page, Text, Scale, LibraryStart)
//	benchreport wrk WHAT NGINX.txt[,…] OURS.txt[,…]        wrk's req/s and p99, ours against nginx, over rounds
//	benchreport bytes WHAT NGINX OURS                      bytes on the wire, ours against nginx
//	benchreport headers WHAT NGINX.hdr OURS.hdr            the same encoding, and no document-only header (curl -D dumps)
//	benchreport table ROWS.tsv                             the Markdown table
//	benchreport nginx DEPLOY.md LISTEN ROOT [brotli]      the server block of docs/deploy.md for an export
//	benchreport compress FILE                              FILE.br (quality 11) and FILE.gz (level 9) beside FILE
//
// It is a tool for scripts/bench.sh and imports no Verbatim package but internal/benchwasm and internal/deploydoc.
package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"os/exec"
	"regexp"
	"slices"
	"strconv"
	"strings"

	brrr "github.com/molecule-man/go-brrr"

	"verbatim/internal/benchwasm"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: benchreport wasm|size|gobench|wrk|bytes|headers|table|nginx|compress …")
		os.Exit(2)
	}
	var err error
	args := os.Args[2:]
	switch os.Args[1] {
	case "wasm":
		err = wasm(args)
	case "size":
		err = size(args)
	case "gobench":
		err = gobench(os.Stdin, args)
	case "wrk":
		err = wrk(args)
	case "bytes":
		err = wireBytes(args)
	case "headers":
		err = headers(args)
	case "table":
		err = table(args)
	case "nginx":
		err = nginx(args)
	case "compress":
		err = compress(args)
	default:
		err = fmt.Errorf("unknown command %q", os.Args[1])
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "benchreport:", err)
		os.Exit(1)
	}
}

// out is where the rows go: standard output, which scripts/bench.sh appends to rows.tsv.
var out io.Writer = os.Stdout

// row prints one row of the table.
func row(fields ...string) { fmt.Fprintln(out, strings.Join(fields, "\t")) }

func verdict(ok bool) string {
	if ok {
		return "pass"
	}
	return "FAIL"
}

func wasm(args []string) error {
	if len(args) != 2 && len(args) != 6 {
		return fmt.Errorf("usage: wasm APP.wasm MIN.wasm [NAMED.wasm PKG MIN-NAMED.wasm MIN-PKG]")
	}
	var sizes [2]benchwasm.Sizes
	for i, p := range args[:2] {
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if sizes[i], err = benchwasm.Measure(b); err != nil {
			return err
		}
	}
	app, min := sizes[0], sizes[1]
	for _, m := range []struct {
		name   string
		a, b   int
		goal   string
		passes func(float64) bool
	}{
		{"raw", app.Raw, min.Raw, "report", nil},
		{"gzip -9", app.Gzip, min.Gzip, "report", nil},
		{"brotli q11", app.Brotli, min.Brotli, "≤ 1.3×", func(r float64) bool { return r <= 1.3 }},
	} {
		r := float64(m.a) / float64(m.b)
		v := "report"
		if m.passes != nil {
			v = verdict(m.passes(r))
		}
		row("2 wasm size", "app.wasm "+m.name, benchwasm.Human(m.a), "minimal go-app "+benchwasm.Human(m.b), fmt.Sprintf("%.2f×", r), m.goal, v)
	}
	if len(args) == 2 {
		return nil
	}
	rep, err := analyze(args[2], args[3])
	if err != nil {
		return err
	}
	minRep, err := analyze(args[4], args[5])
	if err != nil {
		return err
	}
	inMin := map[string]int{}
	for _, p := range minRep.Packages {
		inMin[p.Path] = p.Bytes
	}
	var code int
	for _, s := range rep.Sections {
		if s.Name == "code" {
			code = s.Size
		}
	}
	for _, name := range []string{"code", "data"} {
		var a, m int
		for _, s := range rep.Sections {
			if s.Name == name {
				a = s.Size
			}
		}
		for _, s := range minRep.Sections {
			if s.Name == name {
				m = s.Size
			}
		}
		row("2 wasm: section", name, benchwasm.Human(a), "minimal "+benchwasm.Human(m), fmt.Sprintf("%.2f×", float64(a)/float64(m)), "", "")
	}
	for i, p := range rep.Packages {
		if i == 30 {
			break
		}
		row("2 wasm: code by package", p.Path, benchwasm.Human(p.Bytes), "minimal "+benchwasm.Human(inMin[p.Path]),
			fmt.Sprintf("%.1f%% of code", 100*float64(p.Bytes)/float64(code)), "", "")
	}
	return nil
}

// size reports a module's sizes with no budget of its own (the parse worker's parse.wasm, which only
// the import page loads, in a worker).
func size(args []string) error {
	if len(args) != 2 {
		return fmt.Errorf("usage: size WHAT FILE.wasm")
	}
	b, err := os.ReadFile(args[1])
	if err != nil {
		return err
	}
	sz, err := benchwasm.Measure(b)
	if err != nil {
		return err
	}
	for _, m := range []struct {
		name string
		n    int
	}{{"raw", sz.Raw}, {"gzip -9", sz.Gzip}, {"brotli q11", sz.Brotli}} {
		row("2 wasm size", args[0]+" "+m.name, benchwasm.Human(m.n), "", "", "report", "report")
	}
	return nil
}

// analyze reads the wasm at path, built from package pkg, with its name section.
func analyze(path, pkg string) (benchwasm.Report, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return benchwasm.Report{}, err
	}
	cmd := exec.Command("go", "list", "-deps", pkg)
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	out, err := cmd.Output()
	if err != nil {
		return benchwasm.Report{}, fmt.Errorf("go list -deps %s: %w", pkg, err)
	}
	return benchwasm.Analyze(b, strings.Fields(string(out)))
}

// benchLine matches a Go benchmark result line: name, iterations, then value-unit pairs.
var benchLine = regexp.MustCompile(`^Benchmark(\w+)(?:/(\S+?))?(?:-\d+)?\s+\d+\s+(.*)$`)

// rxSize puts a space between a size's number and its unit ("10MiB": "10 MiB").
var rxSize = regexp.MustCompile(`^(\d+)(\D+)$`)

// gobench reads the output of go test -bench and prints the rows of the benchmarks it is asked
// for: Page and Text (their ratio sub-benchmarks: budget 1, parse speed), Scale (one line for each
// text size: budget 7; budget 1's peak memory at 10 MiB, and whether the cost per byte against
// bluemonday's stays flat from 100 KB to 10 MiB) and LibraryStart (the server's start and heap for each library size: budget 7).
// It fails when one of them printed no result (a benchmark skipped for want of ../shared/corpora,
// say).
func gobench(r io.Reader, want []string) error {
	if len(want) == 0 {
		return fmt.Errorf("usage: gobench NAME… < go-test-output (NAME: Page, Text, Scale or LibraryStart)")
	}
	found := map[string]bool{}
	scale := map[string]float64{} // Parse's cost against bluemonday's, by text size
	var first struct{ seconds, heap float64 }
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		m := benchLine.FindStringSubmatch(sc.Text())
		if m == nil || !slices.Contains(want, m[1]) {
			continue
		}
		f := strings.Fields(m[3])
		metric := map[string]float64{}
		for i := 0; i+1 < len(f); i += 2 {
			v, err := strconv.ParseFloat(f[i], 64)
			if err == nil {
				metric[f[i+1]] = v
			}
		}
		x, ours, base := metric["x-baseline"], metric["Parse-MB/s"], metric["baseline-MB/s"]
		switch {
		case m[1] == "Page" && m[2] == "ratio":
			row("1 parse: HTML pages (Mozilla 130)", "Parse (html)", fmt.Sprintf("%.1f MB/s", ours),
				fmt.Sprintf("readeck+bluemonday %.1f MB/s", base), fmt.Sprintf("%.2f×", x), "≤ 1.2×", verdict(x <= 1.2))
		case m[1] == "Text" && m[2] == "ratio":
			row("1 parse: plain text (PolNeAR dev)", "Parse (text) speed, one core", fmt.Sprintf("%.1f MB/s", ours), "", "", "≥ 50 MB/s", verdict(ours >= 50))
			// Issue 13 retired "at most 1× bluemonday": on text without tags bluemonday is a copy.
			row("1 parse: plain text (PolNeAR dev)", "Parse (text) cost", fmt.Sprintf("%.1f MB/s", ours),
				fmt.Sprintf("bluemonday %.0f MB/s", base), fmt.Sprintf("%.2f×", x), "report (1× retired)", "report")
		case m[1] == "Scale" && m[2] != "":
			size := rxSize.ReplaceAllString(m[2], "$1 $2")
			peak, mem := metric["peak-heap-MB"], metric["peak-heap-x-input"]
			scale[m[2]] = x
			row("7 scale: text "+size, "Parse MB/s; peak heap", fmt.Sprintf("%.1f MB/s; %.1f× input", ours, mem),
				fmt.Sprintf("bluemonday %.0f MB/s", base), fmt.Sprintf("%.2f×", x), "", "report")
			if m[2] == "10MiB" && mem > 0 {
				row("1 parse: peak memory, 10 MiB text", "peak heap", fmt.Sprintf("%.0f MB", peak),
					fmt.Sprintf("input %.1f MB", peak/mem), fmt.Sprintf("%.1f×", mem), "< 20×", verdict(mem < 20))
			}
			if small, big := scale["100KB"], scale["10MiB"]; m[2] == "10MiB" && small > 0 {
				// Linear: against bluemonday's UGC policy (one pass over the bytes, interleaved with
				// Parse in the same process, so the machine's noise cancels), 100 times the text costs
				// Parse at most twice as much per byte; a cost quadratic in the length would give 100×.
				row("1 parse: linear in the length", "Parse (text) cost per byte at 10 MiB, × bluemonday's", fmt.Sprintf("%.2f×", big),
					fmt.Sprintf("at 100 KB %.2f×", small), fmt.Sprintf("%.2f×", big/small), "≤ 2×", verdict(big/small <= 2))
			}
		case m[1] == "LibraryStart" && strings.HasPrefix(m[2], "articles="):
			n, _ := strconv.Atoi(strings.TrimPrefix(m[2], "articles="))
			seconds, heap := metric["ns/op"]/1e9, metric["heap-MB"]
			vs := "1.0× the 10-article start"
			if first.seconds == 0 {
				first.seconds, first.heap = seconds, heap
			} else {
				vs = fmt.Sprintf("%.1f× the 10-article start; %.1f KB heap per article", seconds/first.seconds, (heap-first.heap)*1e3/float64(n-10))
			}
			row(fmt.Sprintf("7 scale: library of %d", n), "server start; heap kept (web assets included)", fmt.Sprintf("%.2f s; %.1f MB", seconds, heap),
				fmt.Sprintf("%d × %.1f KB of text", n, metric["text-KB"]), vs, "linear", "report")
		default:
			continue
		}
		found[m[1]] = true
	}
	if err := sc.Err(); err != nil {
		return err
	}
	for _, name := range want {
		if !found[name] {
			return fmt.Errorf("found no result of Benchmark%s in the output", name)
		}
	}
	return nil
}

func table(args []string) error {
	if len(args) != 1 {
		return fmt.Errorf("usage: table ROWS.tsv")
	}
	b, err := os.ReadFile(args[0])
	if err != nil {
		return err
	}
	fmt.Println("| budget | measure | value | baseline (same run) | ratio | goal | verdict |")
	fmt.Println("|---|---|---|---|---|---|---|")
	for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		if line == "" {
			continue
		}
		f := strings.Split(line, "\t")
		for len(f) < 7 {
			f = append(f, "")
		}
		for i := range f {
			f[i] = strings.ReplaceAll(f[i], "|", `\|`)
		}
		if f[6] == "FAIL" {
			f[6] = "**FAIL**"
		}
		fmt.Println("| " + strings.Join(f[:7], " | ") + " |")
	}
	return nil
}

func compress(args []string) error {
	if len(args) != 1 {
		return fmt.Errorf("usage: compress FILE")
	}
	b, err := os.ReadFile(args[0])
	if err != nil {
		return err
	}
	var br, gz bytes.Buffer
	bw, err := brrr.NewWriter(&br, brrr.BestCompression)
	if err != nil {
		return err
	}
	zw, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression)
	for _, w := range []io.WriteCloser{bw, zw} {
		if _, err := w.Write(b); err != nil {
			return err
		}
		if err := w.Close(); err != nil {
			return err
		}
	}
	if err := os.WriteFile(args[0]+".br", br.Bytes(), 0o644); err != nil {
		return err
	}
	return os.WriteFile(args[0]+".gz", gz.Bytes(), 0o644)
}
