package search

import (
	"encoding/binary"
	"errors"
	"hash/crc32"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
)

// TestEncodingRoundTrip encodes an index with removed and replaced articles and decodes it: every
// query of benchQueries (and a replaced title's words, a removed article's) gets the same result
// from it as from an index built afresh from the same articles, and the decoded index takes further
// changes like that one. (The encoding leaves removed articles out, as a fresh build does; the
// index they were removed from still counts them in its terms' frequencies until it compacts.)
func TestEncodingRoundTrip(t *testing.T) {
	t.Parallel()
	arts := generate(3, 120)
	notes := genNotes(arts, 3)
	ix := build(arts, notes)
	ix.Remove(arts[5].ID)
	ix.Remove(arts[6].ID)
	changed := *arts[7]
	changed.Title = "Zanzibar ferry tariffs"
	ix.Add(&changed, notes)
	fresh := New()
	for i, a := range arts {
		if i < 5 || i > 7 {
			fresh.Add(a, notes)
		}
	}
	fresh.Add(&changed, notes)
	data, err := ix.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	got, err := Decode(data)
	if err != nil {
		t.Fatal(err)
	}
	if got.Len() != ix.Len() {
		t.Fatalf("decoded index holds %d articles, want %d", got.Len(), ix.Len())
	}
	queries := append([]Query{{Text: "zanzibar"}, {Text: arts[5].Title}, {Text: "ka*"}}, benchQueries...)
	same := func(stage string) {
		t.Helper()
		for _, q := range queries {
			if stage == "decoded again" && strings.HasSuffix(q.Text, "*") {
				// The removed article's words stay among the index's terms (as in any index until
				// it compacts), and a prefix expands to the first MaxPrefixTerms terms.
				continue
			}
			q.Limit = MaxLimit
			want, have := fresh.Search(q), got.Search(q)
			if !reflect.DeepEqual(want, have) {
				t.Errorf("%s, %+v: decoded index found %d hits (%+v…), a fresh one %d (%+v…)", stage, q, have.Total, first(have.Hits), want.Total, first(want.Hits))
			}
		}
	}
	same("decoded")
	if res := got.Search(Query{Text: "zanzibar"}); res.Total != 1 || res.Hits[0].Article != arts[7].ID {
		t.Errorf("the replaced article's new title finds %+v", res)
	}
	for _, x := range []*Index{fresh, got} {
		x.Remove(arts[9].ID)
		x.Add(arts[5], notes)
	}
	same("changed after decoding")
	// Encoded again (its removed article left out, and some of what it read still encoded),
	// and decoded: the same as a fresh index of its articles.
	again, err := got.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	if got, err = Decode(again); err != nil {
		t.Fatalf("re-encoding the decoded index: %v", err)
	}
	fresh = New()
	for i, a := range arts {
		if i < 5 || i > 7 && i != 9 {
			fresh.Add(a, notes)
		}
	}
	fresh.Add(&changed, notes)
	fresh.Add(arts[5], notes)
	same("decoded again")
}

func first(hs []Hit) []Hit { return hs[:min(2, len(hs))] }

// TestEncodingEmpty round-trips an empty index.
func TestEncodingEmpty(t *testing.T) {
	t.Parallel()
	data, err := New().MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	ix, err := Decode(data)
	if err != nil || ix.Len() != 0 || ix.Search(Query{Text: "the"}).Total != 0 {
		t.Fatalf("empty index: %v, %v", ix, err)
	}
}

// resum replaces data's CRC with the right one, so that a change reaches the structural checks.
func resum(data []byte) []byte {
	body := data[:len(data)-4]
	return binary.LittleEndian.AppendUint32(body[:len(body):len(body)], crc32.ChecksumIEEE(body))
}

// TestDecodeRefusesBadInput checks that Decode returns ErrEncoding, and never panics, on damaged,
// truncated, foreign, oversized and other-version input, and on inputs whose every byte in turn
// of about 1,500 places was changed with the CRC made right again (what a tampered store could hold).
func TestDecodeRefusesBadInput(t *testing.T) {
	t.Parallel()
	arts := generate(4, 2)
	ix := build(arts, genNotes(arts, 4))
	good, err := ix.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	otherVersion := append([]byte(encMagic), binary.AppendUvarint(nil, EncodingVersion+1)...)
	otherVersion = append(otherVersion, good[len(encMagic)+1:]...)
	flipped := append([]byte(nil), good...)
	flipped[len(flipped)/2] ^= 0x40
	tests := []struct {
		name string
		data []byte
	}{
		{"nothing", nil},
		{"JSON", []byte(`{"terms":[]}`)},
		{"a bit flipped", flipped},
		{"truncated", good[:len(good)/2]},
		{"truncated, CRC right", resum(append(good[:len(good)/2:len(good)/2], 0, 0, 0, 0))},
		{"trailing bytes, CRC right", resum(append(append([]byte(nil), good[:len(good)-4]...), 1, 2, 3, 4, 5))},
		{"another version", resum(otherVersion)},
		{"oversized", make([]byte, MaxEncodedBytes+1)},
		{"a huge count", resum(append(append([]byte(encMagic), binary.AppendUvarint([]byte{EncodingVersion}, 1<<40)...), 0, 0, 0, 0))},
	}
	for _, tt := range tests {
		if _, err := Decode(tt.data); !errors.Is(err, ErrEncoding) {
			t.Errorf("%s: Decode = %v, want ErrEncoding", tt.name, err)
		}
	}
	// Every byte changed in turn, with a right CRC: an error or an index that searches without
	// panicking, never anything else.
	r := rand.New(rand.NewPCG(1, 2))
	refused := 0
	step := max(1, len(good)/1500) // about 1,500 places over the whole input
	for i := len(encMagic); i < len(good)-4; i += 1 + r.IntN(step) {
		bad := append([]byte(nil), good...)
		bad[i] ^= byte(1 + r.IntN(255))
		got, err := Decode(resum(bad))
		if err != nil {
			if !errors.Is(err, ErrEncoding) {
				t.Fatalf("byte %d: Decode = %v, want ErrEncoding", i, err)
			}
			refused++
			continue
		}
		for _, q := range benchQueries {
			got.Search(q)
		}
		got.Search(Query{Text: `"the said" a*`})
	}
	if refused == 0 {
		t.Error("no changed byte was refused")
	}
}
