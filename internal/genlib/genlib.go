// Package genlib writes generated libraries of plain-text articles for tests and benchmarks that
// need many articles (the incremental export, the scale benchmarks): n files whose text is made
// from the article's number alone, so that the same call always writes the same bytes.
//
// It imports the standard library only. Trust boundary: none; it writes its own text into a
// directory the caller owns.
package genlib

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// speakers and topics vary the generated text so that articles differ in length, speakers and
// quotes, as a real archive does.
var (
	speakers = []string{"Mayor Ana Voss", "Councillor Ben Okafor", "Dr. Clara Lind", "Chief Dan Reyes", "Eva Marsh, a resident"}
	topics   = []string{"the harbour ferry", "the library's hours", "the new bridge", "school meals", "the river path", "bus fares", "the night market"}
)

// Name returns the file name of article i (from 0): "a000042.txt". Names sort in number order.
func Name(i int) string { return fmt.Sprintf("a%06d.txt", i) }

// Text returns the text of article i: a title line, then five to nine paragraphs, some with a
// quotation and its speaker, about 2 KB in all.
func Text(i int) string {
	topic := topics[i%len(topics)]
	var b strings.Builder
	fmt.Fprintf(&b, "Article %d: the council's plan for %s\n\n", i, topic)
	paras := 5 + i%5
	for p := range paras {
		who := speakers[(i+p)%len(speakers)]
		switch p % 3 {
		case 0:
			fmt.Fprintf(&b, "The council met on day %d to discuss %s, and residents filled the hall to hear what it would decide. The vote, the %d%s of the year, came late in the evening after a long debate.\n\n", i%365+1, topic, p+1, ordinal(p+1))
		case 1:
			fmt.Fprintf(&b, "“We have listened to every letter about %s, and we will keep our promise,” %s said. “Nothing changes before the spring.”\n\n", topic, who)
		default:
			fmt.Fprintf(&b, "%s said the plan was “a fair answer to a hard question” and asked for a report on its cost by the next meeting, number %d.\n\n", who, i+p)
		}
	}
	return b.String()
}

func ordinal(n int) string {
	switch n {
	case 1:
		return "st"
	case 2:
		return "nd"
	case 3:
		return "rd"
	}
	return "th"
}

// Write writes articles 0 to n-1 into dir (which must exist), one file each (Name, Text).
func Write(dir string, n int) error {
	for i := range n {
		if err := os.WriteFile(filepath.Join(dir, Name(i)), []byte(Text(i)), 0o644); err != nil {
			return fmt.Errorf("generating article %d: %w", i, err)
		}
	}
	return nil
}
