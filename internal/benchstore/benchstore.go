// Package benchstore is `make bench-archive`: the server on generated libraries of plain-text
// articles (issue 17's archive goals), each size measured on the real binary as an operator runs
// it: the first start on a fresh state directory against parsing the same files on all cores in
// this process, the restart until /healthz answers against a walk and stat of the same files, cold
// and warm article pages against a static file of the same server, resident memory, and the size
// of /articles/index.json. It is never part of `make test`.
//
// Trust boundary: none; it runs the binary it is given on loopback, on files it generates.
package benchstore

import (
	"bufio"
	"bytes"
	"cmp"
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	brrr "github.com/molecule-man/go-brrr"

	"verbatim/article"
	"verbatim/article/model"
)

// Config is one run.
type Config struct {
	Bin      string // bin/verbatim
	Web      string // the built web folder
	Out      string // where libraries, state and the web copy go (kept between runs)
	Libs     string // where the libraries go instead, when set: two builds' runs may share them
	Sizes    []int
	Requests int // articles requested cold, then warm, per size
	Log      io.Writer
}

// Row is one size's figures.
type Row struct {
	Articles                  int
	Parse, FirstStart         time.Duration // parsing every file on all cores in-process; serve until /healthz
	ParseCPU, FirstStartCPU   time.Duration // their CPU time (user+sys): this process's, the server's at ready
	Walk, Restart             time.Duration // walk and stat every file in-process; serve again until /healthz
	ColdP50, ColdP99          time.Duration
	WarmP50, WarmP99          time.Duration
	StaticP50, StaticP99      time.Duration // a small web file from the same server: the floor
	RSS, PeakRSS, RestartRSS  int64         // bytes
	IndexJSON, IndexJSONTotal int           // bytes of /articles/index.json; the listing's total
}

// Run measures every size and returns its rows.
func Run(ctx context.Context, cfg Config) ([]Row, error) {
	web, err := precompressedWeb(cfg)
	if err != nil {
		return nil, err
	}
	var rows []Row
	for _, n := range cfg.Sizes {
		fmt.Fprintf(cfg.Log, "benchstore: %d articles\n", n)
		row, err := measure(ctx, cfg, web, n)
		if err != nil {
			return rows, fmt.Errorf("%d articles: %w", n, err)
		}
		rows = append(rows, row)
	}
	return rows, nil
}

func measure(ctx context.Context, cfg Config, web string, n int) (Row, error) {
	row := Row{Articles: n}
	dir := filepath.Join(cmp.Or(cfg.Libs, cfg.Out), "lib-"+strconv.Itoa(n))
	if err := generate(dir, n); err != nil {
		return row, err
	}
	state := filepath.Join(cfg.Out, "state-"+strconv.Itoa(n))
	if err := os.RemoveAll(state); err != nil {
		return row, err
	}
	var err error
	if row.Parse, row.ParseCPU, err = parseAll(dir); err != nil {
		return row, err
	}
	srv, took, err := start(ctx, cfg.Bin, web, dir, state)
	if err != nil {
		return row, err
	}
	row.FirstStart, row.FirstStartCPU = took, srv.cpu
	ids := pick(n, cfg.Requests)
	row.ColdP50, row.ColdP99, err = latencies(srv.url, ids, "/article/")
	if err == nil {
		row.WarmP50, row.WarmP99, err = latencies(srv.url, ids, "/article/")
	}
	if err == nil {
		row.StaticP50, row.StaticP99, err = latencies(srv.url, slices.Repeat([]string{"icons/icon.svg"}, len(ids)), "/web/")
	}
	if err == nil {
		row.IndexJSON, row.IndexJSONTotal, err = indexJSON(srv.url)
	}
	row.RSS, row.PeakRSS = srv.rss()
	srv.stop()
	if err != nil {
		return row, err
	}
	if row.Walk, err = walkStat(dir); err != nil {
		return row, err
	}
	srv, row.Restart, err = start(ctx, cfg.Bin, web, dir, state)
	if err != nil {
		return row, err
	}
	row.RestartRSS, _ = srv.rss()
	srv.stop()
	return row, nil
}

// generate writes n distinct plain-text articles of about 2 KB, with quotes and speakers, in
// folders of 1,000, unless dir already holds them.
func generate(dir string, n int) error {
	done := filepath.Join(dir, ".complete")
	if _, err := os.Stat(done); err == nil {
		return nil
	}
	if err := os.RemoveAll(dir); err != nil {
		return err
	}
	for i := range n {
		name := filepath.Join(dir, fmt.Sprintf("%03d", i/1000), fmt.Sprintf("story-%06d.txt", i))
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(name, []byte(Article(i)), 0o644); err != nil {
			return err
		}
	}
	return os.WriteFile(done, nil, 0o644)
}

// Article is the text of generated article i: a headline and five paragraphs of about 400 bytes,
// each with two quotations attributed to one of six speakers.
func Article(i int) string {
	names := []string{"Maria Voss", "Jonas Berg", "Aisha Okafor", "Tomás Ruiz", "Lena Park", "Omar Haddad"}
	places := []string{"harbour", "council", "library", "ferry", "school", "market"}
	a, b := names[i%len(names)], names[(i/7)%len(names)]
	p := places[(i/3)%len(places)]
	var s strings.Builder
	fmt.Fprintf(&s, "The %s plan, part %d\n\n", p, i)
	for k := range 5 {
		fmt.Fprintf(&s, "The %s committee met on day %d of the review and heard from residents about item %d. ", p, k+1, i*5+k)
		fmt.Fprintf(&s, "“We will keep the %s open for everyone, and we will say so in writing,” %s said at the meeting. ", p, a)
		fmt.Fprintf(&s, "%s, who chairs the finance group, answered that the numbers for %d did not add up yet. ", b, 2000+i%30)
		fmt.Fprintf(&s, "“Nobody has shown me a budget that works for part %d,” %s said.\n\n", i, b)
	}
	return s.String()
}

// contentFiles lists the generated files.
func contentFiles(dir string) ([]string, error) {
	var names []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".txt") {
			names = append(names, p)
		}
		return err
	})
	return names, err
}

// parseAll is the baseline of the first start: every file read and parsed, on all cores. It
// returns the wall time and this process's CPU time (user+sys) of the parse: on a shared host the
// CPU time is what other processes' load disturbs least.
func parseAll(dir string) (wall, cpu time.Duration, err error) {
	names, err := contentFiles(dir)
	if err != nil {
		return 0, 0, err
	}
	cpu0 := selfCPU()
	start := time.Now()
	var wg sync.WaitGroup
	next := make(chan string)
	errs := make(chan error, runtime.GOMAXPROCS(0))
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for name := range next {
				b, err := os.ReadFile(name)
				if err == nil {
					_, err = article.Parse(bytes.NewReader(b), article.Options{Format: model.FormatText, ID: "x"})
				}
				if err != nil {
					select {
					case errs <- fmt.Errorf("%s: %w", name, err):
					default:
					}
				}
			}
		})
	}
	for _, name := range names {
		next <- name
	}
	close(next)
	wg.Wait()
	select {
	case err := <-errs:
		return 0, 0, err
	default:
	}
	return time.Since(start), selfCPU() - cpu0, nil
}

// selfCPU returns this process's CPU time so far (user+sys).
func selfCPU() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// procCPU returns the CPU time so far (user+sys) of process pid, from /proc/PID/stat, or 0 when it
// cannot be read.
func procCPU(pid int) time.Duration {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0
	}
	// The command name, in parentheses, may hold spaces: the fields counted are after it.
	_, rest, ok := bytes.Cut(b, []byte(") "))
	f := strings.Fields(string(rest))
	if !ok || len(f) < 13 {
		return 0
	}
	utime, _ := strconv.ParseInt(f[11], 10, 64) // field 14 of proc(5)
	stime, _ := strconv.ParseInt(f[12], 10, 64) // field 15
	return time.Duration(utime+stime) * time.Second / clockTicks
}

// clockTicks is USER_HZ, the unit of /proc/PID/stat's times: 100 on every Linux architecture Go
// supports.
const clockTicks = 100

// walkStat is the baseline of the restart: every file found and stat'ed.
func walkStat(dir string) (time.Duration, error) {
	start := time.Now()
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			_, err = d.Info()
		}
		return err
	})
	return time.Since(start), err
}

// server is a running `verbatim serve`.
type server struct {
	cmd *exec.Cmd
	url string
	cpu time.Duration // its CPU time (user+sys) when /healthz first answered 200
}

var listening = regexp.MustCompile(`msg=listening url=(http://\S+)`)

// start runs the binary and returns once /healthz answers 200, with the time from exec to then.
func start(ctx context.Context, bin, web, content, state string) (*server, time.Duration, error) {
	t0 := time.Now()
	cmd := exec.CommandContext(ctx, bin, "serve", "-addr", "127.0.0.1:0", "-web", web, "-content", content, "-state", state)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		return nil, 0, err
	}
	if err := cmd.Start(); err != nil {
		return nil, 0, err
	}
	found := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stderr)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for sc.Scan() {
			if m := listening.FindStringSubmatch(sc.Text()); m != nil {
				select {
				case found <- m[1]:
				default:
				}
			}
		}
	}()
	s := &server{cmd: cmd}
	select {
	case s.url = <-found:
	case <-time.After(30 * time.Minute):
		s.stop()
		return nil, 0, fmt.Errorf("serve never listened")
	}
	for {
		res, err := http.Get(s.url + "/healthz")
		if err == nil {
			res.Body.Close()
			if res.StatusCode == 200 {
				took := time.Since(t0)
				s.cpu = procCPU(cmd.Process.Pid)
				return s, took, nil
			}
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// rss returns the server's resident memory and its peak, from /proc.
func (s *server) rss() (now, peak int64) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", s.cmd.Process.Pid))
	if err != nil {
		return 0, 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		f := strings.Fields(line)
		if len(f) < 2 {
			continue
		}
		kb, _ := strconv.ParseInt(f[1], 10, 64)
		switch f[0] {
		case "VmRSS:":
			now = kb << 10
		case "VmHWM:":
			peak = kb << 10
		}
	}
	return now, peak
}

func (s *server) stop() {
	s.cmd.Process.Signal(syscall.SIGTERM)
	s.cmd.Wait()
}

// pick returns k distinct article ids of a library of n, at random.
func pick(n, k int) []string {
	r := rand.New(rand.NewPCG(17, uint64(n)))
	perm := r.Perm(n)[:min(k, n)]
	ids := make([]string, len(perm))
	for i, p := range perm {
		ids[i] = fmt.Sprintf("story-%06d", p)
	}
	return ids
}

// latencies requests prefix+each id in turn, as a browser would (brotli accepted), and returns
// the median and the 99th percentile.
func latencies(base string, ids []string, prefix string) (p50, p99 time.Duration, err error) {
	client := &http.Client{Transport: &http.Transport{DisableCompression: true}}
	var ds []time.Duration
	for _, id := range ids {
		req, _ := http.NewRequest(http.MethodGet, base+prefix+id, nil)
		req.Header.Set("Accept-Encoding", "gzip, deflate, br")
		t0 := time.Now()
		res, err := client.Do(req)
		if err != nil {
			return 0, 0, err
		}
		io.Copy(io.Discard, res.Body)
		res.Body.Close()
		ds = append(ds, time.Since(t0))
		if res.StatusCode != 200 {
			return 0, 0, fmt.Errorf("%s%s: status %d", prefix, id, res.StatusCode)
		}
	}
	slices.Sort(ds)
	at := func(q float64) time.Duration { return ds[min(len(ds)-1, int(q*float64(len(ds))))] }
	return at(0.5), at(0.99), nil
}

// indexJSON returns the size of /articles/index.json and the total it announces.
func indexJSON(base string) (int, int, error) {
	res, err := http.Get(base + "/articles/index.json")
	if err != nil {
		return 0, 0, err
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	m := regexp.MustCompile(`"total":(\d+)`).FindSubmatch(b)
	if err != nil || m == nil {
		return 0, 0, fmt.Errorf("index.json: %v", err)
	}
	total, _ := strconv.Atoi(string(m[1]))
	return len(b), total, nil
}

// precompressedWeb copies the web folder with its wasm files precompressed beside them, as a
// release build leaves them (make build does, but an older build's folder may lack them) (scripts/bench.sh does the same), so that starts measure the library,
// not brotli on app.wasm. The copy is kept for the next run.
func precompressedWeb(cfg Config) (string, error) {
	dst := filepath.Join(cfg.Out, "web")
	if _, err := os.Stat(filepath.Join(dst, "app.wasm.br")); err == nil {
		return dst, nil
	}
	if err := os.RemoveAll(dst); err != nil {
		return "", err
	}
	if err := os.CopyFS(dst, os.DirFS(cfg.Web)); err != nil {
		return "", err
	}
	for _, name := range []string{"parse.wasm", "app.wasm"} {
		if _, err := os.Stat(filepath.Join(dst, name+".br")); err == nil {
			continue // make build left it, with its record (verbatim precompress)
		}
		body, err := os.ReadFile(filepath.Join(dst, name))
		if err != nil {
			return "", err
		}
		var gz bytes.Buffer
		br, err := brrr.Compress(body, 7)
		if err != nil {
			return "", err
		}
		gw, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression)
		gw.Write(body)
		gw.Close()
		if err := os.WriteFile(filepath.Join(dst, name+".br"), br, 0o644); err != nil {
			return "", err
		}
		if err := os.WriteFile(filepath.Join(dst, name+".gz"), gz.Bytes(), 0o644); err != nil {
			return "", err
		}
	}
	return dst, nil
}

// Table writes the rows as Markdown, each figure beside its same-run baseline and today's figures
// from issue 17 (20,000 articles: first start 19.2 s, restart 17.0 s, 958 MB, index.json 7 MB, cold
// p50 31 / p99 61 ms).
func Table(w io.Writer, rows []Row) {
	ms := func(d time.Duration) string { return strconv.FormatFloat(float64(d)/1e6, 'f', 1, 64) + " ms" }
	s := func(d time.Duration) string { return strconv.FormatFloat(d.Seconds(), 'f', 2, 64) + " s" }
	mb := func(b int64) string { return strconv.FormatFloat(float64(b)/1e6, 'f', 0, 64) + " MB" }
	fmt.Fprintln(w, "| articles | first start (parse on all cores) | its CPU (the parse's) | restart to ready (walk+stat) | RSS after requests (peak) | RSS after restart | index.json | cold page p50 / p99 | warm page p50 / p99 | static file p50 / p99 |")
	fmt.Fprintln(w, "|---|---|---|---|---|---|---|---|---|---|")
	for _, r := range rows {
		fmt.Fprintf(w, "| %d | %s (%s, %.2f×) | %s (%s, %.2f×) | %s (%s) | %s (%s) | %s | %d B (%d listed) | %s / %s | %s / %s | %s / %s |\n",
			r.Articles, s(r.FirstStart), s(r.Parse), r.FirstStart.Seconds()/r.Parse.Seconds(),
			s(r.FirstStartCPU), s(r.ParseCPU), r.FirstStartCPU.Seconds()/r.ParseCPU.Seconds(),
			s(r.Restart), s(r.Walk), mb(r.RSS), mb(r.PeakRSS), mb(r.RestartRSS),
			r.IndexJSON, r.IndexJSONTotal, ms(r.ColdP50), ms(r.ColdP99), ms(r.WarmP50), ms(r.WarmP99),
			ms(r.StaticP50), ms(r.StaticP99))
	}
}
