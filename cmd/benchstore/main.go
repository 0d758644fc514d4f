// Command benchstore is `make bench-archive`: the server's archive goals (issue 17) measured on
// generated libraries (internal/benchstore), printed as one Markdown table.
//
//	benchstore [-bin bin/verbatim] [-web web] [-out DIR] [-libs DIR] [-sizes 10,1000,10000,100000] [-requests 300]
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"strconv"
	"strings"

	"verbatim/internal/benchstore"
)

func main() {
	bin := flag.String("bin", "bin/verbatim", "the verbatim binary")
	web := flag.String("web", "web", "the built web folder")
	out := flag.String("out", os.TempDir()+"/verbatim-bench-archive", "where the generated libraries and state go (kept between runs)")
	libs := flag.String("libs", "", "where the generated libraries go, when not in -out (runs of two builds may share them)")
	sizes := flag.String("sizes", "10,1000,10000,100000", "comma-separated library sizes")
	requests := flag.Int("requests", 300, "articles requested cold, then warm, per size")
	flag.Parse()
	cfg := benchstore.Config{Bin: *bin, Web: *web, Out: *out, Libs: *libs, Requests: *requests, Log: os.Stderr}
	for _, f := range strings.Split(*sizes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 1 {
			fmt.Fprintf(os.Stderr, "benchstore: bad size %q\n", f)
			os.Exit(2)
		}
		cfg.Sizes = append(cfg.Sizes, n)
	}
	rows, err := benchstore.Run(context.Background(), cfg)
	benchstore.Table(os.Stdout, rows)
	if err != nil {
		fmt.Fprintln(os.Stderr, "benchstore:", err)
		os.Exit(1)
	}
}
