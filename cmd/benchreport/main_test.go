package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// rows runs f with the rows captured, and returns them split into fields.
func rows(t *testing.T, f func() error) [][]string {
	t.Helper()
	var b bytes.Buffer
	out = &b
	defer func() { out = os.Stdout }()
	if err := f(); err != nil {
		t.Fatal(err)
	}
	var got [][]string
	for _, line := range strings.Split(strings.TrimSpace(b.String()), "\n") {
		got = append(got, strings.Split(line, "\t"))
	}
	return got
}

// TestGobenchGoals reads go test -bench lines as the bench prints them and checks the goals'
// verdicts: the text speed floor of 50 MB/s, bluemonday's ratio as a report only, linearity from
// 100 KB to 10 MiB (7.9× against 3.93× is just over twice the cost per byte), peak memory under 20×
// the input, and the library's rows.
func TestGobenchGoals(t *testing.T) {
	for _, tc := range []struct {
		name, output string
		want         map[string]string // measure: verdict
	}{
		{"fast and flat", `BenchmarkText/ratio         	      30	  41000000 ns/op	 52.7 Parse-MB/s	 211 baseline-MB/s	 4.00 x-baseline
BenchmarkScale/100KB   	      10	   2000000 ns/op	 52.6 Parse-MB/s	 207 baseline-MB/s	 3.93 x-baseline	 0.3 peak-heap-MB	 2.8 peak-heap-x-input
BenchmarkScale/10MiB   	       1	 250000000 ns/op	 41.6 Parse-MB/s	 187 baseline-MB/s	 4.51 x-baseline	 146 peak-heap-MB	 14.0 peak-heap-x-input
`, map[string]string{"Parse (text) speed, one core": "pass", "Parse (text) cost": "report", "Parse (text) cost per byte at 10 MiB, × bluemonday's": "pass", "peak heap": "pass"}},
		{"slow, superlinear and heavy", `BenchmarkText/ratio-2       	      30	  41000000 ns/op	 49.9 Parse-MB/s	 211 baseline-MB/s	 4.23 x-baseline
BenchmarkScale/100KB-2 	      10	   2000000 ns/op	 52.6 Parse-MB/s	 207 baseline-MB/s	 3.93 x-baseline	 0.3 peak-heap-MB	 2.8 peak-heap-x-input
BenchmarkScale/10MiB-2 	       1	 250000000 ns/op	 26.2 Parse-MB/s	 187 baseline-MB/s	 7.9 x-baseline	 210 peak-heap-MB	 20.0 peak-heap-x-input
`, map[string]string{"Parse (text) speed, one core": "FAIL", "Parse (text) cost per byte at 10 MiB, × bluemonday's": "FAIL", "peak heap": "FAIL"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := map[string]string{}
			for _, r := range rows(t, func() error { return gobench(strings.NewReader(tc.output), []string{"Text", "Scale"}) }) {
				got[r[1]] = r[6]
			}
			for measure, v := range tc.want {
				if got[measure] != v {
					t.Errorf("%s: verdict %q, want %q (rows %v)", measure, got[measure], v, got)
				}
			}
		})
	}
	if err := gobench(strings.NewReader("PASS\n"), []string{"Text"}); err == nil || !strings.Contains(err.Error(), "BenchmarkText") {
		t.Errorf("no result: err=%v, want one naming BenchmarkText", err)
	}
}

func TestGobenchLibrary(t *testing.T) {
	got := rows(t, func() error {
		return gobench(strings.NewReader(`BenchmarkLibraryStart/articles=10         	       1	 340000000 ns/op	        29.2 heap-MB	         2.164 text-KB
BenchmarkLibraryStart/articles=1000       	       1	 610000000 ns/op	        51.3 heap-MB	         2.164 text-KB
`), []string{"LibraryStart"})
	})
	want := [][]string{
		{"7 scale: library of 10", "server start; heap kept (web assets included)", "0.34 s; 29.2 MB", "10 × 2.2 KB of text", "1.0× the 10-article start", "linear", "report"},
		{"7 scale: library of 1000", "server start; heap kept (web assets included)", "0.61 s; 51.3 MB", "1000 × 2.2 KB of text", "1.8× the 10-article start; 22.3 KB heap per article", "linear", "report"},
	}
	if len(got) != len(want) {
		t.Fatalf("rows %v, want %v", got, want)
	}
	for i := range want {
		if strings.Join(got[i], "|") != strings.Join(want[i], "|") {
			t.Errorf("row %d:\n got %v\nwant %v", i, got[i], want[i])
		}
	}
}

// TestHeaders compares two responses as curl -D dumps them: the same encoding passes, another
// fails, and a document-only header on either fails.
func TestHeaders(t *testing.T) {
	dir := t.TempDir()
	write := func(name, dump string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(strings.ReplaceAll(dump, "\n", "\r\n")), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	nginx := write("nginx.hdr", "HTTP/1.1 200 OK\nServer: nginx\nContent-Type: application/json\nContent-Encoding: br\nX-Content-Type-Options: nosniff\n\n")
	ours := write("ours.hdr", "HTTP/1.1 200 OK\nContent-Type: application/json\nContent-Encoding: br\nX-Content-Type-Options: nosniff\n\n")
	identity := write("identity.hdr", "HTTP/1.1 100 Continue\n\nHTTP/1.1 200 OK\nContent-Type: application/json\n\n")
	framed := write("framed.hdr", "HTTP/1.1 200 OK\nContent-Encoding: br\nX-Frame-Options: SAMEORIGIN\nCross-Origin-Opener-Policy: same-origin\n\n")
	for _, tc := range []struct {
		name, nginx, ours string
		encoding, docOnly string
		docValue          string
	}{
		{"alike", nginx, ours, "pass", "pass", "none"},
		{"ours not compressed", nginx, identity, "FAIL", "pass", "none"},
		{"ours with document headers", nginx, framed, "pass", "FAIL", "X-Frame-Options, Cross-Origin-Opener-Policy"},
	} {
		got := rows(t, func() error { return headers([]string{"small JSON", tc.nginx, tc.ours}) })
		if len(got) != 2 || got[0][6] != tc.encoding || got[1][6] != tc.docOnly || got[1][2] != tc.docValue {
			t.Errorf("%s: rows %v, want encoding %s, document-only %s (%s)", tc.name, got, tc.encoding, tc.docOnly, tc.docValue)
		}
	}
}
