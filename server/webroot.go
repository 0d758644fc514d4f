package server

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path"
	"strings"

	"verbatim/article/model"
)

// maxWebFile is the largest file loaded from the web directory. Larger files are skipped with a log
// line: the server holds its static files in memory.
const maxWebFile = 64 << 20

// loadWebDir reads every regular file under dir into memory, keyed by its slash path relative to dir
// ("app.wasm", "icons/192.png").
//
// Trust boundary: the directory is the operator's, but nothing in it may reach outside it. Files are
// opened through an os.Root, so a symlink that points out of the directory, or a ".." anywhere, fails to
// open and is skipped; dotfiles and dot-directories are never loaded. Requests are later answered only
// from the returned map, by exact name, so no request path ever reaches the file system.
func loadWebDir(dir string, log *slog.Logger) (map[string][]byte, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, fmt.Errorf("opening web directory %s: %w (run from the repository root, or give -web DIR)", dir, err)
	}
	defer root.Close()
	files := make(map[string][]byte)
	err = fs.WalkDir(root.FS(), ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			log.Warn("skipping web file", "dir", dir, "file", name, "reason", err)
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if name != "." && strings.HasPrefix(path.Base(name), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		body, err := readRootFile(root, name)
		if err != nil {
			log.Warn("skipping web file", "dir", dir, "file", name, "reason", err)
			return nil
		}
		files[name] = body
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("reading web directory %s: %w", dir, err)
	}
	return files, nil
}

// errNotRegular is returned for anything in a served directory that is not a regular file.
var errNotRegular = errors.New("not a regular file")

// readRootFile reads one regular file of at most maxWebFile bytes through root.
func readRootFile(root *os.Root, name string) ([]byte, error) {
	b, err := readRegular(root.FS(), name, maxWebFile)
	if err == nil && len(b) > maxWebFile {
		return nil, fmt.Errorf("larger than %d bytes", maxWebFile)
	}
	return b, err
}

// readRegular reads name from fsys, refusing anything that is not a regular file (a device, a FIFO
// or a directory), and reads at most limit+1 bytes, so that the caller can tell a file over limit.
func readRegular(fsys fs.FS, name string, limit int64) ([]byte, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, errNotRegular
	}
	return model.ReadSized(io.LimitReader(f, limit+1), min(st.Size(), limit))
}

// cleanAssetPath turns a request path below a static prefix into a key of the web map. It returns
// false for anything that is not a plain relative path: empty, "..", ".", dotfiles, backslashes, NUL
// or a trailing slash (no directory listings).
func cleanAssetPath(p string) (string, bool) {
	if p == "" || strings.HasSuffix(p, "/") || strings.ContainsAny(p, "\\\x00") {
		return "", false
	}
	for _, seg := range strings.Split(p, "/") {
		if seg == "" || strings.HasPrefix(seg, ".") {
			return "", false
		}
	}
	return p, true
}
