package server

// A bounded load run with wrk against the real server, on loopback only. It runs only when
// VERBATIM_LOAD=1 (make load): thirty seconds of two cores is too much for every test run.

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"testing"
)

// TestLoadWrk serves the sample library and runs wrk for 30 s with 64 connections on two threads
// against the smallest article's JSON. It passes with zero socket errors and zero non-2xx
// responses, and logs the p99 latency and the request rate. VERBATIM_LOAD_DURATION (a wrk
// duration such as 10s) shortens the run.
func TestLoadWrk(t *testing.T) {
	if os.Getenv("VERBATIM_LOAD") != "1" {
		t.Skip("the load run is skipped unless VERBATIM_LOAD=1 (make load)")
	}
	wrk, err := exec.LookPath("wrk")
	if err != nil {
		t.Fatalf("wrk is missing: apt-get install wrk")
	}
	s, err := NewServer(Config{Addr: "127.0.0.1:0", WebDir: fakeWebDir(t), Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if !strings.HasPrefix(s.URL(), "http://127.0.0.1:") {
		t.Fatalf("the server is not on loopback: %s", s.URL())
	}

	// The smallest article.
	target, size := "", -1
	for id := range s.lib.All() {
		res, err := http.Get(s.URL() + "/articles/" + string(id) + ".json")
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if json.Valid(b) && (size < 0 || len(b) < size) {
			target, size = s.URL()+"/articles/"+string(id)+".json", len(b)
		}
	}
	if target == "" {
		t.Fatal("no article to load")
	}
	duration := "30s"
	if d := os.Getenv("VERBATIM_LOAD_DURATION"); d != "" {
		duration = d
	}
	out, err := exec.Command(wrk, "-t2", "-c64", "-d"+duration, "--latency", "--timeout", "5s", target).CombinedOutput()
	if err != nil {
		t.Fatalf("wrk: %v\n%s", err, out)
	}
	report := string(out)
	t.Logf("wrk -t2 -c64 -d%s --latency %s (%d bytes):\n%s", duration, target, size, report)
	if m := regexp.MustCompile(`Socket errors: (.*)`).FindStringSubmatch(report); m != nil {
		t.Errorf("socket errors: %s", m[1])
	}
	if m := regexp.MustCompile(`Non-2xx or 3xx responses: (\d+)`).FindStringSubmatch(report); m != nil {
		t.Errorf("%s non-2xx responses", m[1])
	}
	p99 := regexp.MustCompile(`(?m)^\s+99%\s+(\S+)`).FindStringSubmatch(report)
	rate := regexp.MustCompile(`Requests/sec:\s+(\S+)`).FindStringSubmatch(report)
	if p99 == nil || rate == nil {
		t.Fatalf("no p99 or rate in wrk's report")
	}
	t.Logf("LOAD p99=%s requests/s=%s", p99[1], rate[1])
}
