package server

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"verbatim/article/model"
)

// shardTask is one shard the export reads and writes again: one whose articles changed in the
// library (its digest), or every shard after a change of build.
type shardTask struct {
	prefix string
	lib    []libArticle // the library's articles in the shard, by id
	digest [sha256.Size]byte
	old    shardInfo // the old manifest's line, when hadOld
	hadOld bool
}

// articleJob is one article for the pipeline: one in the library (with the manifest's record of it,
// if any), or one the manifest has and the library no longer has (deleted); or the end of a shard
// (end), after its articles.
type articleJob struct {
	id      model.ArticleID
	source  string
	old     *articleRecord
	deleted bool
	end     *shardTask
	done    chan articleResult
}

type articleResult struct {
	rec      articleRecord
	keep     bool // the record goes into the new manifest
	rendered bool
	err      error
}

// articles exports the articles, shard by shard, and returns the new manifest's shard lines. A shard
// whose library articles are those its manifest line was written for (shardDigest), in the same
// build, is neither read nor written: its line is carried into the new manifest. The other shards
// are read (a damaged one is logged, and its articles exported as into an empty directory), merged
// with the library's articles by id, and written again; a producer sends their articles in order,
// workers render those whose source changed, and this goroutine writes each shard once its articles
// are done. At most a few jobs per worker are in flight, so memory stays bounded.
func (e *exporter) articles(ctx context.Context) ([]shardInfo, error) {
	byShard := map[string][]libArticle{}
	for id, source := range e.s.lib.All() {
		p := shardOf(id)
		byShard[p] = append(byShard[p], libArticle{id, source})
		e.rep.Articles++
	}
	prefixes := make([]string, 0, len(byShard))
	for p := range byShard {
		prefixes = append(prefixes, p)
	}
	if e.old != nil {
		for p := range e.old.shards {
			if _, ok := byShard[p]; !ok {
				prefixes = append(prefixes, p)
			}
		}
	}
	slices.Sort(prefixes)
	var out []shardInfo
	var tasks []*shardTask
	for _, p := range prefixes {
		lib := byShard[p]
		slices.SortFunc(lib, func(a, b libArticle) int { return strings.Compare(string(a.id), string(b.id)) })
		t := &shardTask{prefix: p, lib: lib, digest: shardDigest(lib)}
		if e.old != nil {
			t.old, t.hadOld = e.old.shards[p]
		}
		if t.hadOld && e.reuse && t.old.digest == t.digest && !(e.opt.Prune && t.old.deleted > 0) && e.shardOnDisk(t.old) {
			out = append(out, t.old)
			e.rep.Files += t.old.files
			e.rep.Deleted += t.old.deleted
			continue
		}
		tasks = append(tasks, t)
	}
	written, err := e.shards(ctx, tasks)
	out = append(out, written...)
	slices.SortFunc(out, func(a, b shardInfo) int { return strings.Compare(a.prefix, b.prefix) })
	return out, err
}

// shardOnDisk reports whether the shard file the manifest lists is there at its listed size: the
// cheap check of a shard that is not read.
func (e *exporter) shardOnDisk(sh shardInfo) bool {
	st, err := e.w.root.Lstat(filepath.FromSlash(shardFile(sh.prefix)))
	return err == nil && st.Mode().IsRegular() && st.Size() == sh.size
}

// readShardFile returns the old manifest's records of t's shard: none when it has none, or when its
// file is missing or damaged (logged: its articles are then exported as into an empty directory).
func (e *exporter) readShardFile(t *shardTask) ([]articleRecord, error) {
	if !t.hadOld {
		return nil, nil
	}
	recs, err := func() ([]articleRecord, error) {
		if t.old.size > maxShardBytes {
			return nil, fmt.Errorf("%w: shard %s: over %d bytes", errManifestFormat, t.prefix, maxShardBytes)
		}
		f, err := e.w.root.Open(filepath.FromSlash(shardFile(t.prefix)))
		if err != nil {
			return nil, err
		}
		defer f.Close()
		body, err := io.ReadAll(io.LimitReader(f, t.old.size+1))
		e.rep.ManifestRead += int64(len(body)) // only the producer goroutine reads shards
		if err != nil {
			return nil, err
		}
		return readShard(body, t.old)
	}()
	if errors.Is(err, errManifestFormat) || errors.Is(err, fs.ErrNotExist) {
		e.s.log.Warn("the export's manifest is damaged: exporting the articles of one shard in full", "shard", shardFile(t.prefix), "err", err)
		return nil, nil
	}
	return recs, err
}

// shards exports the articles of tasks and writes their shard files, returning their new lines.
func (e *exporter) shards(ctx context.Context, tasks []*shardTask) ([]shardInfo, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	work := make(chan *articleJob, e.opt.Workers)
	order := make(chan *articleJob, 4*e.opt.Workers)
	var readErr error
	go func() {
		defer close(order)
		defer close(work)
		send := func(j *articleJob) bool {
			j.done = make(chan articleResult, 1)
			select {
			case order <- j:
			case <-ctx.Done():
				return false
			}
			if j.end != nil || j.deleted || (j.old != nil && e.reuse && j.old.source == j.source) {
				j.done <- e.settle(j)
				return true
			}
			select {
			case work <- j:
				return true
			case <-ctx.Done():
				return false
			}
		}
		for _, t := range tasks {
			olds, err := e.readShardFile(t)
			if err != nil {
				readErr = err
				return
			}
			for _, job := range mergeShard(t.lib, olds) {
				if !send(job) {
					return
				}
			}
			if !send(&articleJob{end: t}) {
				return
			}
		}
	}()
	var wg sync.WaitGroup
	for range e.opt.Workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range work {
				var files []fileEntry
				err := e.parseOld(j)
				if err == nil {
					files, err = e.s.exportArticle(ctx, e.w, j.id, j.old)
				}
				j.done <- articleResult{rec: articleRecord{id: j.id, source: j.source, files: files}, keep: true, rendered: true, err: err}
			}
		}()
	}
	var out []shardInfo
	var cur *shardWriter
	var firstErr error
	for j := range order {
		r := <-j.done
		if firstErr != nil {
			continue
		}
		if r.err == nil && j.end != nil {
			var sh shardInfo
			sh, r.err = e.writeShard(j.end, cur)
			if r.err == nil && sh.articles > 0 {
				out = append(out, sh)
			}
			cur = nil
			if r.err == nil {
				continue
			}
		}
		if r.err != nil {
			firstErr = fmt.Errorf("article %s: %w", j.id, r.err)
			if j.end != nil {
				firstErr = fmt.Errorf("manifest shard %s: %w", j.end.prefix, r.err)
			}
			cancel()
			continue
		}
		if r.rendered {
			e.rep.Rendered++
		}
		if r.keep {
			if cur == nil {
				cur = newShardWriter(shardOf(j.id))
			}
			cur.article(r.rec, j.deleted)
			e.rep.Files += r.rec.count()
		}
	}
	wg.Wait()
	if firstErr == nil {
		firstErr = ctx.Err()
	}
	if firstErr == nil {
		firstErr = readErr
	}
	return out, firstErr
}

// mergeShard returns the jobs of one shard in id order: the library's articles (lib, by id), each
// with the old manifest's record of it if any, and the old records the library no longer has, as
// deleted.
func mergeShard(lib []libArticle, olds []articleRecord) []*articleJob {
	jobs := make([]*articleJob, 0, max(len(lib), len(olds)))
	i := 0
	for _, a := range lib {
		for ; i < len(olds) && olds[i].id < a.id; i++ {
			jobs = append(jobs, &articleJob{id: olds[i].id, old: &olds[i], deleted: true})
		}
		j := &articleJob{id: a.id, source: a.source}
		if i < len(olds) && olds[i].id == a.id {
			j.old = &olds[i]
			i++
		}
		jobs = append(jobs, j)
	}
	for ; i < len(olds); i++ {
		jobs = append(jobs, &articleJob{id: olds[i].id, old: &olds[i], deleted: true})
	}
	return jobs
}

// writeShard writes the shard file of t with what w holds (nil when no article of the shard is left)
// and returns its line; a shard left with no article has its file removed.
func (e *exporter) writeShard(t *shardTask, w *shardWriter) (shardInfo, error) {
	name := shardFile(t.prefix)
	if w == nil {
		err := e.w.root.Remove(filepath.FromSlash(name))
		if errors.Is(err, fs.ErrNotExist) {
			err = nil
		}
		return shardInfo{prefix: t.prefix}, err
	}
	sh := w.info(t.digest)
	if t.hadOld && t.old.sum == sh.sum && t.old.size == sh.size && e.shardOnDisk(t.old) {
		return sh, nil // the same bytes (a shard read after a change of build, say)
	}
	if err := writeRootFile(e.w.root, name, w.buf.Bytes()); err != nil {
		return sh, err
	}
	e.rep.ManifestWritten += sh.size
	return sh, nil
}

// removeStrayShards removes the shard files that the new manifest does not list, after an export
// with no readable manifest (a first one, or one over a damaged manifest): those of a manifest the
// export could not read, which would otherwise lie there unlisted. Other files are left alone.
func (e *exporter) removeStrayShards(shards []shardInfo) {
	entries, err := fs.ReadDir(e.w.root.FS(), manifestShardDir)
	if err != nil {
		return
	}
	listed := make(map[string]bool, len(shards))
	for _, sh := range shards {
		listed[sh.prefix] = true
	}
	for _, d := range entries {
		if validShardPrefix(d.Name()) && !listed[d.Name()] {
			e.w.root.Remove(filepath.FromSlash(shardFile(d.Name())))
		}
	}
}
