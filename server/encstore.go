package server

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"log/slog"
	"os"
	"path/filepath"
	"sync"
)

// encodingStore keeps the web folder's brotli and gzip encodings in the state directory, by a hash
// of their type, quality and content, so that a restart does not compress the web folder again
// (brotli 11 on the scripts and styles, and checking app.wasm's precompressed files, were most of
// a restart's time). A nil store keeps nothing.
//
// Trust boundary: the state directory is the operator's, but a file in it may be truncated or left
// by a crash: each file starts with the SHA-256 of the encoding after it, and one that does not
// match is compressed again.
//
// A store may also read, but never writes, the encodings a build left in the web folder's
// .encodings (shared): go-app's generated files, which Precompress compresses as the server would
// (their bodies follow from the web folder), so that a first start on a fresh state directory
// takes them as they are.
type encodingStore struct {
	dir    string
	shared string // the web folder's .encodings, or "": read only
	log    *slog.Logger

	mu   sync.Mutex
	used map[string]bool // the files this run read or wrote
}

// sharedEncodings is the web folder's folder of the encodings a build made (Precompress). A
// dot-directory: loadWebDir never loads it, so it is neither served nor exported.
const sharedEncodings = ".encodings"

// newEncodingStore returns the store in state's encodings/ folder, which also reads web's
// .encodings (web "": none), or nil without a state directory.
func newEncodingStore(state, web string, log *slog.Logger) *encodingStore {
	if state == "" {
		return nil
	}
	st := &encodingStore{dir: filepath.Join(state, "encodings"), log: log, used: make(map[string]bool)}
	if web != "" {
		st.shared = filepath.Join(web, sharedEncodings)
	}
	return st
}

// asset returns the asset of body: from the stored encodings when both are there and whole, else
// from build, whose encodings are then stored. Body is hashed once: its sum is the stored
// encodings' key (with the type and quality) and its identity ETag; an encoding's sum is its ETag
// and its file's check (knownSums), and those already made are in sums.
func (st *encodingStore) asset(contentType string, body []byte, quality int, sums *knownSums, build func(*knownSums) *asset) *asset {
	if st == nil || !compressible(contentType, body) {
		return build(sums)
	}
	key := encodingKey(contentType, quality, sums.bodySum(body))
	st.mu.Lock()
	st.used[key+".br"], st.used[key+".gz"] = true, true
	st.mu.Unlock()
	br, brSum := st.load(st.dir, key+".br")
	gz, gzSum := st.load(st.dir, key+".gz")
	if (br == nil || gz == nil) && st.shared != "" {
		br, brSum = st.load(st.shared, key+".br")
		gz, gzSum = st.load(st.shared, key+".gz")
	}
	if br != nil && gz != nil {
		sums.br, sums.gz = &brSum, &gzSum
		return assembleAsset(contentType, body, br, gz, sums)
	}
	a := build(sums)
	for _, v := range a.variants {
		switch v.name {
		case "br":
			st.save(key+".br", v.body, sums.br)
		case "gzip":
			st.save(key+".gz", v.body, sums.gz)
		}
	}
	return a
}

// encodingKey names the stored encodings of a body of contentType, whose SHA-256 is sum, at
// quality.
func encodingKey(contentType string, quality int, sum *[sha256.Size]byte) string {
	k := assetKey(contentType, quality, sum)
	return hex.EncodeToString(k[:])
}

// load returns the encoding name stored in dir and its SHA-256, or nil when it is missing or not
// whole.
func (st *encodingStore) load(dir, name string) ([]byte, [sha256.Size]byte) {
	b, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil || len(b) < sha256.Size {
		return nil, [sha256.Size]byte{}
	}
	sum := sha256.Sum256(b[sha256.Size:])
	if !bytes.Equal(sum[:], b[:sha256.Size]) {
		return nil, [sha256.Size]byte{}
	}
	return b[sha256.Size:], sum
}

// save stores the encoding enc as name, with its SHA-256 when it is known (sum not nil).
func (st *encodingStore) save(name string, enc []byte, sum *[sha256.Size]byte) {
	if err := os.MkdirAll(st.dir, 0o755); err != nil {
		st.log.Warn("could not keep a compressed web file in the state directory", "err", err)
		return
	}
	if sum == nil {
		s := sha256.Sum256(enc)
		sum = &s
	}
	if err := writeFileAtomic(st.dir, name, sum[:], enc); err != nil {
		st.log.Warn("could not keep a compressed web file in the state directory", "err", err)
	}
}

// prune removes the encodings this run did not use: those of earlier builds' web folders.
func (st *encodingStore) prune() {
	if st == nil {
		return
	}
	entries, _ := os.ReadDir(st.dir)
	st.mu.Lock()
	defer st.mu.Unlock()
	for _, e := range entries {
		if !st.used[e.Name()] {
			os.Remove(filepath.Join(st.dir, e.Name()))
		}
	}
}
