// offline.js: what Verbatim's pages do for offline reading, with no wasm. It owns three things (and
// starts a fourth, the exports, by loading web/page/export.js on the first export button's press):
//
//  1. window.verbatimStore, the one IndexedDB store of the articles kept in this browser (saved for
//     offline, or imported), of the reader's highlights (web/page/highlights.js), and of app.wasm's
//     search index of both. app.wasm's Store (app/store_wasm.go) is a thin adapter over it.
//  2. The reader's "Save for offline" / "Keep in this browser" button: the article's JSON into the
//     store and its prerendered page into the "verbatim-saved" cache, which the service worker
//     (web/worker/service-worker.js) answers from offline and never evicts.
//  3. The service worker: its registration, once the page has loaded and the browser is idle, and
//     its banners, "Ready to work offline" and "Update available" (Go renders them hidden in the
//     Frame, components/banner.go; this script shows them).
//
// The server loads it with defer on every page but embeds (a frame on a partner's page installs
// nothing). It binds by event delegation on document and data- attributes only, so it works on
// prerendered and app.wasm-rendered markup alike, and on a reader app.wasm mounts later.
//
// Trust boundary: the article JSON it stores comes from the server (the reader root's data-json,
// same origin) or from app.wasm (an import, parsed and sanitized by article.Parse); it is kept as
// text and never rendered here. Records read back may have been damaged or written by someone else:
// each is checked field by field, and a bad one fails alone.
"use strict";

(() => {
  if (window.verbatimStore) {
    return; // loaded twice: the first copy owns the store and the listeners
  }
  // The database of today's app.wasm store (kept so that saved articles survive the move): one
  // object store of records {id, origin, savedAt, summary, article}, keyed by id. summary and
  // article are JSON text, so a damaged record fails alone, at one parse.
  const DB_NAME = "verbatim";
  const DB_VERSION = 3;
  const STORE = "articles";
  // Version 2 adds the reader's highlights: records {id, articleId, exact, prefix, suffix, start,
  // end, note, created, modified} (see checkHighlight), keyed by id, indexed by articleId. They are
  // kept apart from the articles: removing an article keeps its highlights, so that saving or
  // importing it again finds them.
  const HIGHLIGHTS = "highlights";
  const BY_ARTICLE = "articleId";
  // Version 3 adds app.wasm's search index of the articles and highlights (app/search_local.go),
  // so that the first search after a page load need not build it: two records keyed by id,
  // {id: "generation", token}, which every write of an article or a highlight through this store
  // replaces with a new random token in the same transaction, and {id: "index", generation, data},
  // the index's encoding (a Uint8Array, article/search's Index.MarshalBinary) with the generation
  // it was built at. The index is derived data: losing it costs a rebuild, never an article.
  const SEARCH = "search";
  const MAX_SEARCH_INDEX = 256 * 1024 * 1024; // search.MaxEncodedBytes
  // The pages saved for offline, by URL (origin + /article/{id}); the worker reads it.
  const SAVED_CACHE = "verbatim-saved";
  const ORIGINS = ["saved", "imported"];

  // The store's errors. app/store_wasm.go maps each name to its sentinel error (ErrNoStorage,
  // ErrQuota, ErrCorrupt, ErrNotStored); any other name is shown with its message.
  const MESSAGES = {
    NoStorageError: "This browser does not let the site store articles (private browsing may block it).",
    QuotaExceededError:
      "The browser's storage for this site is full: remove saved articles you no longer need, then try again.",
    CorruptError:
      "This saved copy is damaged and cannot be read: remove it and save or import the article again.",
    NotStoredError: "This article is not saved in this browser.",
    NoAnswerError: "The browser's storage did not answer within 30 seconds: reload the page, then try again.",
  };

  // WAIT bounds each call to the browser's storage (a transaction with its open, a Cache Storage
  // call) and each download: one that never settles (a transaction the browser never starts) then
  // rejects, and the button or page that waits on it says so, instead of waiting forever. Reads
  // and writes take milliseconds; this is only a wall. app.wasm's calls come through here too
  // (app/store_wasm.go maps NoAnswerError to app.ErrNoAnswer).
  const WAIT = 30000;

  // within resolves or rejects as promise does, or rejects with the store error named name after
  // WAIT. What the promise does after that (a write that commits late) is not undone.
  function within(promise, name) {
    let timer;
    const late = new Promise((_, reject) => {
      timer = setTimeout(() => reject(failure(name)), WAIT);
    });
    return Promise.race([promise, late]).finally(() => clearTimeout(timer));
  }

  function failure(name, message) {
    const err = new Error(message || MESSAGES[name]);
    err.name = name;
    return err;
  }

  // storageError turns what IndexedDB or the Cache API threw or aborted with into a store error.
  function storageError(err) {
    const name = (err && err.name) || "UnknownError";
    if (name in MESSAGES) {
      return err instanceof Error && err.message === MESSAGES[name] ? err : failure(name);
    }
    if (name === "DataCloneError" || name === "DataError") {
      return failure("CorruptError");
    }
    return failure("StorageError", "The browser's storage failed (" + name + "): try again, or reload the page.");
  }

  let opening = null;

  // open returns the database, opened once; a failure is retried on the next call.
  function open() {
    if (!opening) {
      opening = new Promise((resolve, reject) => {
        let request;
        try {
          request = self.indexedDB.open(DB_NAME, DB_VERSION);
        } catch (err) {
          // No indexedDB at all, or a SecurityError where storage is denied.
          reject(failure("NoStorageError"));
          return;
        }
        request.onupgradeneeded = () => {
          const db = request.result;
          if (!db.objectStoreNames.contains(STORE)) {
            db.createObjectStore(STORE, { keyPath: "id" });
          }
          if (!db.objectStoreNames.contains(HIGHLIGHTS)) {
            db.createObjectStore(HIGHLIGHTS, { keyPath: "id" }).createIndex(BY_ARTICLE, BY_ARTICLE);
          }
          if (!db.objectStoreNames.contains(SEARCH)) {
            db.createObjectStore(SEARCH, { keyPath: "id" });
          }
        };
        request.onsuccess = () => {
          const db = request.result;
          db.onversionchange = () => {
            db.close();
            opening = null;
          };
          resolve(db);
        };
        request.onerror = (event) => {
          event.preventDefault();
          reject(failure("NoStorageError"));
        };
        request.onblocked = () => reject(failure("NoStorageError"));
      });
      opening.catch(() => {
        opening = null;
      });
    }
    return opening;
  }

  // newGeneration replaces the search index's generation token, in a transaction that writes
  // articles or highlights (and holds SEARCH): a persisted index built before it is then stale.
  function newGeneration(tx) {
    const token = Date.now().toString(36) + "-" + Math.random().toString(36).slice(2);
    tx.objectStore(SEARCH).put({ id: "generation", token: token });
  }

  // run runs work(tx) in a transaction over the object stores names and, once it has committed,
  // resolves with what the function work returned gives then (undefined when it returned none).
  // A request's error aborts the transaction, whose error rejects. A write to the articles or the
  // highlights also replaces the search index's generation (newGeneration). It rejects with
  // NoAnswerError when the browser has not settled the transaction within WAIT.
  function run(names, mode, work) {
    return within(runNow(names, mode, work), "NoAnswerError");
  }

  async function runNow(names, mode, work) {
    const db = await open();
    return new Promise((resolve, reject) => {
      const bumps = mode === "readwrite" && !names.includes(SEARCH);
      let tx;
      let result;
      let thrown;
      try {
        tx = db.transaction(bumps ? names.concat(SEARCH) : names, mode);
      } catch (err) {
        reject(storageError(err));
        return;
      }
      tx.oncomplete = () => resolve(result ? result() : undefined);
      tx.onabort = () => reject(storageError(tx.error || thrown));
      try {
        if (bumps) {
          newGeneration(tx);
        }
        result = work(tx);
      } catch (err) {
        // A request that threw ends the transaction: nothing of it is kept, the new generation
        // neither. One that ended it already (the storage is full) has set its error.
        thrown = err;
        try {
          tx.abort();
        } catch (e) {
          // It had ended already: onabort rejects.
        }
      }
    });
  }

  // transact runs work(objectStore) in a transaction (run) and resolves with the result of the
  // request work returns (if any) once the transaction has committed.
  async function transact(mode, work, name = STORE) {
    return run([name], mode, (tx) => {
      const request = work(tx.objectStore(name));
      return request ? () => request.result : undefined;
    });
  }

  const str = (v) => (typeof v === "string" ? v : "");
  const int = (v) => (Number.isInteger(v) ? v : 0);
  const count = (v) => (Array.isArray(v) ? v.length : int(v));

  // summaryOf is the library card of an article or of a stored summary: the fields of Go's
  // app.Summary, each of its type.
  //
  // The summary is derived here, once, when an article is put, and kept in the record: the library
  // lists the store's summaries without decoding every article in app.wasm, and "Save for offline"
  // runs with no Go in the page. Go's app.SummaryOf makes the same card for the server's
  // /articles/index.json only; the browser test TestE2ESaveForOffline compares the two.
  function summaryOf(a) {
    return {
      id: str(a.id),
      title: str(a.title),
      byline: str(a.byline),
      site: str(a.site),
      excerpt: str(a.excerpt),
      words: int(a.words),
      readingMinutes: int(a.readingMinutes),
      quotes: count(a.quotes),
      speakers: count(a.speakers),
      published: str(a.published),
    };
  }

  // entryOf returns the library entry of a stored record, or null when the record is damaged.
  function entryOf(rec) {
    if (!rec || typeof rec !== "object" || typeof rec.id !== "string" || !ORIGINS.includes(rec.origin)) {
      return null;
    }
    if (typeof rec.article !== "string" || typeof rec.summary !== "string" || typeof rec.savedAt !== "string") {
      return null;
    }
    const when = Date.parse(rec.savedAt);
    let summary;
    try {
      summary = JSON.parse(rec.summary);
    } catch (err) {
      return null;
    }
    if (Number.isNaN(when) || !summary || typeof summary !== "object" || summary.id !== rec.id) {
      return null;
    }
    return Object.assign(summaryOf(summary), { origin: rec.origin, savedAt: new Date(when).toISOString() });
  }

  // Highlights: the bounds of a record's fields. highlights.js holds the same (its MAX_* and
  // CONTEXT), and components.maxNote the note's.
  const HIGHLIGHT_ID = /^h-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
  const MAX_ARTICLE_ID = 200;
  const MAX_EXACT = 20000;
  const MAX_NOTE = 10000;
  const CONTEXT = 32;
  const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

  // chars counts the characters (Unicode code points) of s: the W3C selectors count in them.
  const chars = (s) => (/[\uD800-\uDFFF]/.test(s) ? Array.from(s).length : s.length);

  // checkHighlight returns a highlight record with exactly the contract's fields, or throws an
  // InvalidHighlightError naming the first field that is wrong. Records read back go through it too:
  // a damaged one is skipped.
  function checkHighlight(h) {
    const bad = (field) => {
      throw failure("InvalidHighlightError", "This highlight cannot be kept: its " + field + " is not valid.");
    };
    if (!h || typeof h !== "object") {
      bad("record");
    }
    const text = (v, max, field, empty) => {
      if (typeof v !== "string" || chars(v) > max || (!empty && v === "")) {
        bad(field);
      }
      return v;
    };
    const rec = {
      id: HIGHLIGHT_ID.test(h.id) ? h.id : bad("id"),
      articleId: text(h.articleId, MAX_ARTICLE_ID, "article id", false),
      exact: text(h.exact, MAX_EXACT, "text", false),
      prefix: text(h.prefix, CONTEXT, "prefix", true),
      suffix: text(h.suffix, CONTEXT, "suffix", true),
      start: Number.isSafeInteger(h.start) && h.start >= 0 ? h.start : bad("start"),
      end: Number.isSafeInteger(h.end) && h.end > h.start ? h.end : bad("end"),
      note: text(h.note, MAX_NOTE, "note", true),
      created: ISO.test(h.created) ? h.created : bad("creation time"),
      modified: ISO.test(h.modified) ? h.modified : bad("modification time"),
    };
    if (rec.end - rec.start !== chars(rec.exact)) {
      bad("position");
    }
    return rec;
  }

  // readHighlights checks the records read back, skipping the damaged, and sorts them by article,
  // then by position, then by id.
  function readHighlights(recs) {
    const out = [];
    for (const r of recs || []) {
      try {
        out.push(checkHighlight(r));
      } catch (err) {
        // A damaged record is skipped; the others are safe.
      }
    }
    const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
    return out.sort((a, b) => cmp(a.articleId, b.articleId) || a.start - b.start || a.end - b.end || cmp(a.id, b.id));
  }

  // withCache runs work(cache) on the saved pages' cache, within WAIT; its failure is a store error.
  function withCache(work) {
    const now = (async () => {
      try {
        return await work(await caches.open(SAVED_CACHE));
      } catch (err) {
        throw storageError(err);
      }
    })();
    return within(now, "NoAnswerError");
  }

  // pageURL is the address of article id's page, the key of its saved copy.
  function pageURL(id) {
    return location.origin + "/article/" + encodeURIComponent(id);
  }

  const store = Object.freeze({
    // put keeps the article (its JSON text, as the server or article.Parse wrote it) with origin
    // "saved" or "imported", replacing any earlier copy, and resolves with its library entry.
    async put(articleJSON, origin) {
      if (!ORIGINS.includes(origin)) {
        throw new TypeError("verbatimStore.put: origin must be \"saved\" or \"imported\", not " + String(origin));
      }
      let article;
      try {
        article = JSON.parse(articleJSON);
      } catch (err) {
        article = null;
      }
      if (!article || typeof article !== "object" || typeof article.id !== "string" || article.id === "") {
        throw failure("InvalidArticleError", "This article could not be kept: what was given is not an article.");
      }
      const summary = summaryOf(article);
      const rec = {
        id: article.id,
        origin: origin,
        savedAt: new Date().toISOString(),
        summary: JSON.stringify(summary),
        article: articleJSON,
      };
      await transact("readwrite", (s) => s.put(rec));
      return Object.assign(summary, { origin: rec.origin, savedAt: rec.savedAt });
    },

    // get resolves with the record of id, {id, origin, savedAt, article} with article the JSON
    // text, or rejects with a NotStoredError, or a CorruptError when it cannot be read.
    async get(id) {
      const rec = await transact("readonly", (s) => s.get(String(id)));
      if (rec === undefined) {
        throw failure("NotStoredError");
      }
      if (!rec || typeof rec.article !== "string" || !ORIGINS.includes(rec.origin)) {
        throw failure("CorruptError");
      }
      return { id: String(id), origin: rec.origin, savedAt: str(rec.savedAt), article: rec.article };
    },

    // has resolves with whether a record of id is kept.
    async has(id) {
      return (await transact("readonly", (s) => s.count(String(id)))) > 0;
    },

    // list resolves with {entries, corrupt}: the library entries of the kept articles, newest
    // first, and how many damaged records it skipped.
    async list() {
      const recs = await transact("readonly", (s) => s.getAll());
      const entries = [];
      let corrupt = 0;
      for (const rec of recs) {
        const e = entryOf(rec);
        if (e) {
          entries.push(e);
        } else {
          corrupt++;
        }
      }
      entries.sort((a, b) => (a.savedAt < b.savedAt ? 1 : a.savedAt > b.savedAt ? -1 : 0));
      return { entries: entries, corrupt: corrupt };
    },

    // highlights resolves with the reader's highlights of article articleId, sorted by position, or
    // with no argument every highlight, sorted by article and then position. Damaged records are
    // left out.
    async highlights(articleId) {
      const recs = await transact(
        "readonly",
        (s) => (articleId === undefined ? s.getAll() : s.index(BY_ARTICLE).getAll(String(articleId))),
        HIGHLIGHTS
      );
      return readHighlights(recs);
    },

    // putHighlight keeps highlight rec (checkHighlight's fields; see the contract in
    // docs/architecture.md), replacing the one with its id, and resolves with what was kept. It
    // rejects with an InvalidHighlightError, or a QuotaExceededError when the storage is full.
    async putHighlight(rec) {
      const h = checkHighlight(rec);
      await transact("readwrite", (s) => s.put(h), HIGHLIGHTS);
      return h;
    },

    // putHighlights keeps every highlight of recs in one transaction, or none: each is checked
    // before anything is written. It resolves with the ids that were new.
    async putHighlights(recs) {
      const hs = Array.from(recs, checkHighlight);
      return run([HIGHLIGHTS], "readwrite", (tx) => {
        const added = [];
        const s = tx.objectStore(HIGHLIGHTS);
        for (const h of hs) {
          s.count(h.id).onsuccess = (e) => {
            if (e.target.result === 0) {
              added.push(h.id);
            }
            s.put(h);
          };
        }
        return () => added;
      });
    },

    // deleteHighlight forgets highlight id.
    async deleteHighlight(id) {
      await transact("readwrite", (s) => s.delete(String(id)), HIGHLIGHTS);
    },

    // searchGeneration resolves with what the search index of the store's articles and highlights
    // must have been built at to be up to date: the last write's token (see SEARCH) and how many
    // records each store holds (which a write that bypassed this store changes too).
    async searchGeneration() {
      return (await this.searchIndex(false)).current;
    },

    // searchIndex resolves with {current, generation, data}: the store's generation now
    // (searchGeneration), and the persisted search index (data, a Uint8Array) with the generation it
    // was built at, in one read. Without the index (none is kept, it is not of that shape, or
    // withData is false) generation is "" and data null: app.wasm then builds it anew.
    async searchIndex(withData = true) {
      return run([STORE, HIGHLIGHTS, SEARCH], "readonly", (tx) => {
        const got = { generation: "", data: null };
        const search = tx.objectStore(SEARCH);
        tx.objectStore(STORE).count().onsuccess = (e) => (got.articles = e.target.result);
        tx.objectStore(HIGHLIGHTS).count().onsuccess = (e) => (got.highlights = e.target.result);
        search.get("generation").onsuccess = (e) => (got.token = str((e.target.result || {}).token));
        if (withData) {
          search.get("index").onsuccess = (e) => {
            const rec = e.target.result;
            if (rec && typeof rec.generation === "string" && rec.data instanceof Uint8Array) {
              got.generation = rec.generation;
              got.data = rec.data;
            }
          };
        }
        return () => ({ current: got.token + "/" + got.articles + "/" + got.highlights, generation: got.generation, data: got.data });
      });
    },

    // putSearchIndex keeps data (a Uint8Array, at most MAX_SEARCH_INDEX bytes) as the search index
    // built at generation, replacing the one before. It rejects with a QuotaExceededError when the
    // storage is full (the index is then built again at the next page load).
    async putSearchIndex(generation, data) {
      if (typeof generation !== "string" || !(data instanceof Uint8Array) || data.byteLength > MAX_SEARCH_INDEX) {
        throw failure("InvalidSearchIndexError", "The search index cannot be kept: it is not an index, or too large.");
      }
      await transact("readwrite", (s) => s.put({ id: "index", generation: generation, data: data }), SEARCH);
    },

    // articleTexts resolves with the article JSON of each id of ids, in one transaction: the
    // text, or null when the record is missing or damaged.
    async articleTexts(ids) {
      return run([STORE], "readonly", (tx) => {
        const s = tx.objectStore(STORE);
        const out = Array.from(ids, String).map((id, i) => {
          s.get(id).onsuccess = (e) => {
            const rec = e.target.result;
            out[i] = rec && typeof rec.article === "string" && ORIGINS.includes(rec.origin) ? rec.article : null;
          };
          return null;
        });
        return () => out;
      });
    },

    // delete forgets article id in this browser: its record, and its saved page (not its
    // highlights).
    async delete(id) {
      id = String(id);
      await transact("readwrite", (s) => s.delete(id));
      await withCache((cache) => cache.delete(pageURL(id)));
    },
  });

  Object.defineProperty(window, "verbatimStore", { value: store, enumerable: true });
  window.dispatchEvent(new Event("verbatimstore"));

  // The database is opened (and, on a first visit, made) as the page starts, not when app.wasm
  // first asks seconds later: a page left while its first open is in flight can be kept by the
  // back/forward cache with the open unfinished, and Chromium then holds every later open of the
  // database, the next page's too, for minutes. A failure is retried by the first call.
  open().catch(() => {});

  // ---------------------------------------------------------------------------------------------
  // Save for offline

  // removedImports keeps, for this page's life, the JSON of imported articles removed with the
  // button: the server has no copy of them, so "Keep in this browser" puts them back from here.
  const removedImports = new Map();
  const busy = new WeakSet();

  function saveButtons(root) {
    return root.querySelectorAll('button[data-action="save"]');
  }

  function setKept(root, kept) {
    for (const b of saveButtons(root)) {
      b.setAttribute("aria-pressed", kept ? "true" : "false");
    }
  }

  function say(root, text) {
    const status = root.querySelector("[data-status]");
    if (status) {
      status.textContent = text;
    }
    const notice = root.querySelector("[data-notice]");
    if (notice) {
      notice.hidden = true;
      notice.textContent = "";
    }
  }

  function warn(root, text) {
    const notice = root.querySelector("[data-notice]");
    if (notice) {
      notice.textContent = text;
      notice.hidden = false;
    }
  }

  // download fetches url (through the worker, which has the page and its JSON once the page was
  // opened) and returns the response, or rejects with a sentence that names what failed. The whole
  // download, its body too, must come within WAIT (a body read after that rejects: timedOut).
  function timedOut(what) {
    return failure("FetchError", "The server did not send the " + what + " within 30 seconds: try again later.");
  }

  async function download(url, what) {
    let response;
    try {
      response = await fetch(url, { credentials: "same-origin", signal: AbortSignal.timeout(WAIT) });
    } catch (err) {
      if (err && err.name === "TimeoutError") {
        throw timedOut(what);
      }
      throw failure(
        "OfflineError",
        "The " + what + " could not be downloaded: you seem to be offline. Try again when you are online."
      );
    }
    if (!response.ok) {
      throw failure("FetchError", "The server answered " + response.status + " for the " + what + ": try again later.");
    }
    return response;
  }

  // savePage keeps the page at url (the prerendered reader) in the saved pages.
  async function savePage(url) {
    const response = await download(url, "page");
    await withCache((cache) => cache.put(url, response));
  }

  async function keep(root, id) {
    const imported = root.hasAttribute("data-imported");
    if (imported) {
      const text = removedImports.get(id);
      if (text !== undefined) {
        await store.put(text, "imported");
        removedImports.delete(id);
      } else if (!(await store.has(id))) {
        throw failure("NotStoredError", "This imported article is no longer in this browser: import it again.");
      }
      return "Kept in this browser.";
    }
    const json = root.dataset.json;
    if (!json) {
      throw failure("FetchError", "This page does not say where its article is. Reload the page, then try again.");
    }
    const text = await (await download(json, "article")).text().catch((err) => {
      throw err && err.name === "TimeoutError" ? timedOut("article") : err;
    });
    await store.put(text, "saved");
    try {
      await savePage(pageURL(id));
    } catch (err) {
      // Saved means both, or neither.
      await store.delete(id).catch(() => {});
      throw err;
    }
    if (navigator.storage && navigator.storage.persist) {
      // Ask the browser not to evict what the reader chose to keep (Chromium decides without a prompt).
      navigator.storage.persist().catch(() => {});
    }
    return "Saved for offline reading.";
  }

  async function forget(root, id) {
    if (root.hasAttribute("data-imported")) {
      try {
        removedImports.set(id, (await store.get(id)).article);
      } catch (err) {
        // A damaged or missing copy: nothing to put back; remove what is there.
      }
    }
    await store.delete(id);
    return root.hasAttribute("data-imported")
      ? "Removed from this browser. Keep it again before you leave this page, or import it again later."
      : "Removed from this browser.";
  }

  async function toggle(button) {
    const root = button.closest("[data-reader]");
    if (!root || busy.has(root)) {
      return;
    }
    const id = root.dataset.articleId;
    if (!id) {
      return;
    }
    const kept = button.getAttribute("aria-pressed") === "true";
    busy.add(root);
    try {
      const done = kept ? await forget(root, id) : await keep(root, id);
      setKept(root, !kept);
      say(root, done);
    } catch (err) {
      const what = kept ? "Could not remove the saved copy: " : "Could not save this article: ";
      warn(root, what + storageMessage(err));
      sync(root);
    } finally {
      busy.delete(root);
    }
  }

  function storageMessage(err) {
    if (err && typeof err.message === "string" && err.message !== "") {
      return err.message;
    }
    return storageError(err).message;
  }

  // sync sets the root's save button from the store.
  function sync(root) {
    const id = root.dataset.articleId;
    if (!id || root.hasAttribute("data-embed") || saveButtons(root).length === 0) {
      return;
    }
    store.has(id).then(
      (kept) => {
        if (root.dataset.articleId === id && !busy.has(root)) {
          setKept(root, kept);
        }
      },
      () => {} // no storage: the button stays unpressed, and a click says why
    );
  }

  // ---------------------------------------------------------------------------------------------
  // The service worker and its banners

  const worker = navigator.serviceWorker;
  const banner = { ready: false, update: false, dismissed: false, reloading: false };
  let hadController = !!(worker && worker.controller);

  // servedByWorker reports whether a service worker answered this page's navigation. When it
  // cannot tell, it says yes, so that no banner shows.
  function servedByWorker() {
    const nav = performance.getEntriesByType ? performance.getEntriesByType("navigation") : [];
    return nav.length === 0 || nav[0].workerStart > 0;
  }

  function showBanners() {
    const update = document.getElementById("update-banner");
    const ready = document.getElementById("offline-ready");
    if (update && update.hidden === banner.update) {
      update.hidden = !banner.update;
    }
    const showReady = banner.ready && !banner.dismissed && !banner.update;
    if (ready && ready.hidden === showReady) {
      ready.hidden = !showReady;
    }
  }

  function updateWaiting() {
    banner.update = true;
    showBanners();
  }

  // watch shows "Update available" when a new version is installed and waits while this one runs.
  function watch(reg) {
    const follow = (w) => {
      if (!w) {
        return;
      }
      w.addEventListener("statechange", () => {
        if (w.state === "installed" && worker.controller) {
          updateWaiting();
        }
      });
    };
    if (reg.waiting && worker.controller) {
      updateWaiting();
    }
    follow(reg.installing);
    reg.addEventListener("updatefound", () => follow(reg.installing));
  }

  // reload lets the waiting worker take over; the controllerchange listener then reloads the page.
  function reload() {
    banner.reloading = true;
    worker.getRegistration().then(
      (reg) => {
        if (reg && reg.waiting) {
          reg.waiting.postMessage({ type: "skip-waiting" });
        } else {
          location.reload();
        }
      },
      () => location.reload()
    );
  }

  // whenIdle runs fn once the page has loaded and the browser is idle, so that the worker's
  // install (the shell, app.wasm among it) does not compete with the page's first load.
  function whenIdle(fn) {
    const idle = () => {
      if ("requestIdleCallback" in window) {
        requestIdleCallback(fn, { timeout: 5000 });
      } else {
        setTimeout(fn, 1000);
      }
    };
    if (document.readyState === "complete") {
      idle();
    } else {
      window.addEventListener("load", idle, { once: true });
    }
  }

  // hasFrame reports whether this page is one of the app's own, in its Frame (which holds the
  // banners). An embed has none, and registers nothing: offline.js is not served to embeds, and
  // this guards anyway.
  function hasFrame() {
    return !location.pathname.startsWith("/embed/") && !!document.getElementById("update-banner");
  }

  if (worker) {
    if (hadController && !servedByWorker()) {
      // The first worker took control between this page's load and now (another tab installed it).
      banner.ready = true;
    }
    worker.addEventListener("controllerchange", () => {
      if (banner.reloading) {
        location.reload();
      } else if (!hadController) {
        hadController = true;
        banner.ready = true;
        showBanners();
      }
    });
    whenIdle(() => {
      if (!hasFrame()) {
        return;
      }
      worker.register("/app-worker.js", { scope: "/" }).then(watch, (err) => {
        console.warn("Verbatim: the service worker could not be registered; nothing is kept offline.", err && err.message);
      });
    });
  }

  // ---------------------------------------------------------------------------------------------
  // Exports: export.js (beside reader.js, same version, precached) is loaded on the first press of
  // an export button (button[data-action="export"], components/export.go) and runs it. reader.js,
  // which every page with this script has and which runs before it, loads it (window.verbatimLoad).

  function runExport(button) {
    const exportLoad = window.verbatimLoad ? window.verbatimLoad("export.js", "verbatimExport") : Promise.reject(new Error("no reader.js"));
    exportLoad.then(
      (ex) => ex.run(button),
      () => {
        const box = button.closest("[data-reader]") || button.closest("[data-export]");
        const notice = box && box.querySelector("[data-notice], [data-export-notice]");
        if (notice) {
          notice.textContent = "The export could not start: its script did not load. Reload the page while online, then try again.";
          notice.hidden = false;
        }
      }
    );
  }

  // ---------------------------------------------------------------------------------------------
  // Wiring: one click listener, and an observer for the readers and banners app.wasm renders.

  document.addEventListener("click", (event) => {
    const button = event.target instanceof Element && event.target.closest("button[data-action]");
    if (!button) {
      return;
    }
    switch (button.dataset.action) {
      case "save":
        toggle(button);
        break;
      case "export":
        runExport(button);
        break;
      case "dismiss-banner":
        banner.dismissed = true;
        showBanners();
        break;
      case "update-reload":
        reload();
        break;
    }
  });

  function rootsIn(node) {
    const roots = new Set();
    if (!(node instanceof Element)) {
      return roots;
    }
    const own = node.closest("[data-reader]");
    if (own) {
      roots.add(own);
    }
    for (const r of node.querySelectorAll("[data-reader]")) {
      roots.add(r);
    }
    return roots;
  }

  function start() {
    for (const root of document.querySelectorAll("[data-reader]")) {
      sync(root);
    }
    showBanners();
    new MutationObserver((records) => {
      const roots = new Set();
      for (const r of records) {
        if (r.type === "attributes") {
          rootsIn(r.target).forEach((x) => roots.add(x));
        }
        for (const n of r.addedNodes) {
          const watched = '[data-reader], button[data-action="save"]';
          if (n instanceof Element && (n.matches(watched) || n.querySelector(watched))) {
            rootsIn(n).forEach((x) => roots.add(x));
          }
        }
      }
      roots.forEach(sync);
      showBanners();
    }).observe(document.documentElement, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ["data-article-id"],
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start, { once: true });
  } else {
    start();
  }
})();
