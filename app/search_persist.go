package app

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"hash/crc32"

	"verbatim/article/model"
	"verbatim/article/search"
)

// The persisted local index (localSearch.save, load) is a header, its CRC-32 and the index's own
// encoding (search.Index.MarshalBinary): the header is localMagic, localVersion, the count of
// damaged stored articles, and each indexed article's id and key (entryKey), which tell the next
// update what changed in the store since.
const (
	localMagic   = "VBSL"
	localVersion = 1
)

// errLocalIndex is the error of decodeLocal on a header it cannot read.
var errLocalIndex = errors.New("the stored search index's list of articles cannot be read")

// encodeLocal returns the persisted form of ix with its keys and count of damaged articles.
func encodeLocal(ix *search.Index, keys map[model.ArticleID]uint64, corrupt int) ([]byte, error) {
	head := binary.AppendUvarint([]byte(localMagic), localVersion)
	head = binary.AppendUvarint(head, uint64(corrupt))
	head = binary.AppendUvarint(head, uint64(len(keys)))
	for id, k := range keys {
		head = binary.AppendUvarint(head, uint64(len(id)))
		head = append(head, id...)
		head = binary.LittleEndian.AppendUint64(head, k)
	}
	body, err := ix.MarshalBinary()
	if err != nil {
		return nil, err
	}
	out := binary.AppendUvarint(nil, uint64(len(head)))
	out = append(out, head...)
	out = binary.LittleEndian.AppendUint32(out, crc32.ChecksumIEEE(head))
	return append(out, body...), nil
}

// decodeLocal reads what encodeLocal wrote. The index must hold exactly the articles the keys
// name; anything else is an error, and the index is built again.
//
// Trust boundary: data comes from the browser's storage; it is read within its length (at most
// search.MaxEncodedBytes, which search.Decode checks too), and every count is checked against the
// bytes left before it is allocated.
func decodeLocal(data []byte) (*search.Index, map[model.ArticleID]uint64, int, error) {
	if len(data) > search.MaxEncodedBytes {
		return nil, nil, 0, fmt.Errorf("%w: %d bytes, more than %d", errLocalIndex, len(data), search.MaxEncodedBytes)
	}
	n, w := binary.Uvarint(data)
	if w <= 0 || n > uint64(len(data)-w) || uint64(len(data)-w)-n < 4 {
		return nil, nil, 0, fmt.Errorf("%w: it is truncated", errLocalIndex)
	}
	head, rest := data[w:w+int(n)], data[w+int(n):]
	if crc32.ChecksumIEEE(head) != binary.LittleEndian.Uint32(rest) {
		return nil, nil, 0, fmt.Errorf("%w: it is damaged", errLocalIndex)
	}
	bad := func(what string) (*search.Index, map[model.ArticleID]uint64, int, error) {
		return nil, nil, 0, fmt.Errorf("%w: %s", errLocalIndex, what)
	}
	if len(head) < len(localMagic) || string(head[:len(localMagic)]) != localMagic {
		return bad("it is not Verbatim's")
	}
	head = head[len(localMagic):]
	next := func() (uint64, bool) {
		v, w := binary.Uvarint(head)
		if w <= 0 {
			return 0, false
		}
		head = head[w:]
		return v, true
	}
	version, ok1 := next()
	corrupt, ok2 := next()
	count, ok3 := next()
	if !ok1 || !ok2 || !ok3 || version != localVersion {
		return bad("it is of another version")
	}
	if count > uint64(len(head))/9 || corrupt > 1<<31 {
		return bad("its count is more than it holds")
	}
	keys := make(map[model.ArticleID]uint64, count)
	for range count {
		l, ok := next()
		if !ok || l > uint64(len(head)) || uint64(len(head))-l < 8 {
			return bad("it is truncated")
		}
		id := model.ArticleID(head[:l])
		keys[id] = binary.LittleEndian.Uint64(head[l:])
		head = head[l+8:]
	}
	if len(head) != 0 {
		return bad("it has bytes left over")
	}
	ix, err := search.Decode(rest[4:])
	if err != nil {
		return nil, nil, 0, err
	}
	if ix.Len() != len(keys) {
		return bad("it names other articles than its index holds")
	}
	for id := range keys {
		if !ix.Has(id) {
			return bad("it names other articles than its index holds")
		}
	}
	return ix, keys, int(corrupt), nil
}

// projection is what search reads of a stored article: decoding only these fields leaves the
// rest of the JSON (runs, extras, mentions) unallocated.
type projection struct {
	ID        model.ArticleID `json:"id"`
	Title     string          `json:"title"`
	Byline    string          `json:"byline"`
	Site      string          `json:"site"`
	Published string          `json:"published"`
	Blocks    []struct {
		Text  string `json:"text"`
		Start int    `json:"start"`
	} `json:"blocks"`
	Quotes []struct {
		ID      model.QuoteID   `json:"id"`
		Text    string          `json:"text"`
		Speaker string          `json:"speaker"`
		Kind    model.QuoteKind `json:"kind"`
	} `json:"quotes"`
	Speakers []struct {
		Name    string   `json:"name"`
		Aliases []string `json:"aliases"`
	} `json:"speakers"`
}

// searchProjection returns the article of a stored record's JSON with only what search reads of
// it, or nil when it cannot be read (as decodeArticle would refuse it).
//
// Trust boundary: as decodeArticle's, the text is the browser's storage, decoded with
// encoding/json only.
func searchProjection(text string) *model.Article {
	var p projection
	if text == "" || json.Unmarshal([]byte(text), &p) != nil || p.ID == "" {
		return nil
	}
	a := &model.Article{ID: p.ID, Title: p.Title, Byline: p.Byline, Site: p.Site, Published: p.Published,
		Blocks: make([]model.Block, len(p.Blocks)), Quotes: make([]model.Quote, len(p.Quotes)), Speakers: make([]model.Speaker, len(p.Speakers))}
	for i, b := range p.Blocks {
		a.Blocks[i] = model.Block{Text: b.Text, Start: b.Start}
	}
	for i, q := range p.Quotes {
		a.Quotes[i] = model.Quote{ID: q.ID, Text: q.Text, Speaker: q.Speaker, Kind: q.Kind}
	}
	for i, s := range p.Speakers {
		a.Speakers[i] = model.Speaker{Name: s.Name, Aliases: s.Aliases}
	}
	return a
}
