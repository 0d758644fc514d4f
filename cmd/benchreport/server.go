package main

import (
	"fmt"
	"net/http"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"verbatim/internal/deploydoc"
)

var (
	rxReqs = regexp.MustCompile(`Requests/sec:\s+([\d.]+)`)
	rxP99  = regexp.MustCompile(`(?m)^\s*99%\s+([\d.]+)(us|ms|s)\b`)
)

// wrkResult reads wrk --latency output: requests per second and p99 in milliseconds.
func wrkResult(path string) (reqs, p99 float64, err error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return 0, 0, err
	}
	m, l := rxReqs.FindSubmatch(b), rxP99.FindSubmatch(b)
	if m == nil || l == nil {
		return 0, 0, fmt.Errorf("%s: no Requests/sec or 99%% latency (run wrk --latency)", path)
	}
	reqs, _ = strconv.ParseFloat(string(m[1]), 64)
	p99, _ = strconv.ParseFloat(string(l[1]), 64)
	switch string(l[2]) {
	case "us":
		p99 /= 1000
	case "s":
		p99 *= 1000
	}
	return reqs, p99, nil
}

// wrkRounds reads the comma-separated wrk outputs of rounds of equal length: the mean of their
// requests per second, the median of their p99s, and each round's requests per second.
func wrkRounds(paths string) (reqs, p99 float64, each []float64, err error) {
	var p99s []float64
	for _, path := range strings.Split(paths, ",") {
		r, p, err := wrkResult(path)
		if err != nil {
			return 0, 0, nil, err
		}
		each = append(each, r)
		p99s = append(p99s, p)
		reqs += r
	}
	slices.Sort(p99s)
	return reqs / float64(len(each)), p99s[len(p99s)/2], each, nil
}

// wrk prints the rows of one server measurement: ours against nginx. With several rounds (run
// alternately, so that both servers share the machine's noise), the ratio is of the means, and the
// range of the rounds' own ratios is shown beside it.
func wrk(args []string) error {
	if len(args) != 3 {
		return fmt.Errorf("usage: wrk WHAT NGINX.txt[,…] OURS.txt[,…]")
	}
	nr, np, nEach, err := wrkRounds(args[1])
	if err != nil {
		return err
	}
	or, op, oEach, err := wrkRounds(args[2])
	if err != nil {
		return err
	}
	if len(nEach) != len(oEach) {
		return fmt.Errorf("wrk: %d rounds of nginx, %d of ours", len(nEach), len(oEach))
	}
	ratio := fmt.Sprintf("%.2f×", or/nr)
	if len(nEach) > 1 {
		lo, hi := oEach[0]/nEach[0], oEach[0]/nEach[0]
		for i := range nEach {
			lo, hi = min(lo, oEach[i]/nEach[i]), max(hi, oEach[i]/nEach[i])
		}
		ratio += fmt.Sprintf(" (%d rounds: %.2f–%.2f×)", len(nEach), lo, hi)
	}
	goal, ok := "report", "report"
	if strings.HasPrefix(args[0], "small JSON") {
		goal, ok = "≥ 0.9×", verdict(or/nr >= 0.9)
	}
	row("5 server: "+args[0], "req/s", fmt.Sprintf("%.0f", or), fmt.Sprintf("nginx %.0f", nr), ratio, goal, ok)
	row("5 server: "+args[0], "p99 latency", fmt.Sprintf("%.2f ms", op), fmt.Sprintf("nginx %.2f ms", np), fmt.Sprintf("%.2f×", op/np), "report", "report")
	return nil
}

func wireBytes(args []string) error {
	if len(args) != 3 {
		return fmt.Errorf("usage: bytes WHAT NGINX OURS")
	}
	n, err1 := strconv.Atoi(args[1])
	o, err2 := strconv.Atoi(args[2])
	if err1 != nil || err2 != nil {
		return fmt.Errorf("bytes: %q and %q are not byte counts", args[1], args[2])
	}
	row("5 server: "+args[0], "bytes on the wire", strconv.Itoa(o), "nginx "+strconv.Itoa(n), fmt.Sprintf("%.3f×", float64(o)/float64(n)), "same bytes", verdict(o == n))
	return nil
}

// nginx prints the server block of docs/deploy.md for serving the export at ROOT on LISTEN, with
// brotli_static on when asked: nginx in the bench serves the files as operators are told to, with
// the same security headers as the verbatim server.
func nginx(args []string) error {
	if len(args) != 3 && len(args) != 4 {
		return fmt.Errorf("usage: nginx DEPLOY.md LISTEN ROOT [brotli]")
	}
	doc, err := os.ReadFile(args[0])
	if err != nil {
		return err
	}
	block, err := deploydoc.NginxServer(doc, deploydoc.Nginx{Listen: args[1], Root: args[2], Brotli: len(args) == 4 && args[3] == "brotli"})
	if err != nil {
		return err
	}
	fmt.Print(block)
	return nil
}

// documentOnly are the headers issue 13 keeps to HTML documents: on JSON, wasm, CSS, JS and images
// they mean nothing, and cost every response its bytes and the server its time.
var documentOnly = []string{"Content-Security-Policy", "X-Frame-Options", "Cross-Origin-Opener-Policy", "Permissions-Policy"}

// readHeaders reads a response's header as curl -D wrote it (the last response's, after any
// interim ones).
func readHeaders(path string) (http.Header, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	h := http.Header{}
	for _, line := range strings.Split(string(b), "\n") {
		line = strings.TrimRight(line, "\r")
		if strings.HasPrefix(line, "HTTP/") {
			h = http.Header{} // a new response begins
			continue
		}
		if k, v, ok := strings.Cut(line, ":"); ok {
			h.Add(strings.TrimSpace(k), strings.TrimSpace(v))
		}
	}
	if len(h) == 0 {
		return nil, fmt.Errorf("%s: no response header", path)
	}
	return h, nil
}

// headers prints the rows that keep the server comparison like for like: nginx and ours send the
// response in the same encoding, and neither sends a document-only header on it.
func headers(args []string) error {
	if len(args) != 3 {
		return fmt.Errorf("usage: headers WHAT NGINX.hdr OURS.hdr")
	}
	n, err := readHeaders(args[1])
	if err != nil {
		return err
	}
	o, err := readHeaders(args[2])
	if err != nil {
		return err
	}
	enc := func(h http.Header) string {
		if e := h.Get("Content-Encoding"); e != "" {
			return e
		}
		return "identity"
	}
	row("5 server: "+args[0], "Content-Encoding", enc(o), "nginx "+enc(n), "", "the same", verdict(enc(o) == enc(n)))
	present := func(h http.Header) string {
		var got []string
		for _, k := range documentOnly {
			if h.Get(k) != "" {
				got = append(got, k)
			}
		}
		if len(got) == 0 {
			return "none"
		}
		return strings.Join(got, ", ")
	}
	row("5 server: "+args[0], "document-only headers (CSP, X-Frame-Options, COOP, Permissions-Policy)", present(o), "nginx "+present(n),
		fmt.Sprintf("%d headers; nginx %d", len(o), len(n)), "none on either", verdict(present(o) == "none" && present(n) == "none"))
	return nil
}
