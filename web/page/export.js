// export.js: the reader's exports, made in the browser from what it has, offline too: an article,
// or the whole library, as Markdown (a note per article, with YAML front matter, for Obsidian and
// other note apps; the library as a zip of notes) or as CSV (one row per quote). offline.js loads it
// on the first press of an export button (button[data-action="export"], rendered by Go:
// components.ExportMenu in the reader's toolbar, components.LibraryExport on the library page) and
// calls window.verbatimExport.run(button). It is precached for offline use. Nothing leaves the
// browser but the file it hands to the browser's download.
//
// Where the articles come from: an article kept in this browser (window.verbatimStore, saved or
// imported) from its store record, any other from the server's /articles/{id}.json (through the
// service worker's cache when offline); the library's list from the store and the server's
// /articles/index.json and the pages its "next" names. A reader's corrections of a quote's speaker
// come from local storage ("verbatim.corrections", reader.js's), and highlights and notes from
// window.verbatimStore.highlights (none when the store has no such method).
//
// Limits: an export of more than maxBytes (64 MiB, UTF-8) stops with a message and writes
// nothing; so does a zip of more than 65,534 notes (no zip64), or a browser that refuses the file.
// An article that cannot be read (a damaged record, a failed download) is named in a message; the
// library's export goes on without it. Exporting only reads: it never writes to the store.
//
// Markdown: the front matter's strings are YAML double-quoted scalars with every character YAML
// does not print escaped, so any title stays valid YAML; article text is escaped so that Markdown
// and Obsidian's own syntax (#tags, [[links]], ==marks==, $math$, %%comments%%, ^blocks) render it
// as the text it is. CSV: RFC 4180 (CRLF, fields quoted when they hold a comma, quote, CR or LF,
// quotes doubled), a header row, UTF-8 with a byte order mark (so spreadsheets read it as UTF-8),
// and a cell that starts with =, +, -, @, tab or CR gets a leading apostrophe, so that a
// spreadsheet shows it as text instead of running it as a formula (CSV injection).
//
// Trust boundary: every article field, correction and highlight is untrusted text; it goes only
// into the exported file, escaped for its format. The one element this script makes is a detached
// a[download] it clicks to hand the file to the browser; it never enters the page. It writes text
// to the page's own status and notice regions, nothing else.
(function () {
  "use strict";
  if (window.verbatimExport) {
    return;
  }

  var CORRECTIONS = "verbatim.corrections";
  var MAX_ZIP_FILES = 65534;
  var FETCHES = 4; // articles downloaded at once in the library's export
  var MAX_NAMED = 10; // failures named one by one in a message
  var encoder = new TextEncoder();

  // --- Text ---------------------------------------------------------------------------------

  function str(v) {
    return typeof v === "string" ? v : "";
  }

  // wellFormed replaces lone surrogates with U+FFFD, so that the text encodes as UTF-8.
  function wellFormed(s) {
    return s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(^|[^\uD800-\uDBFF])[\uDC00-\uDFFF]/g, function (m, before) {
      return (before || "") + "\uFFFD";
    });
  }

  function oneLine(s) {
    return wellFormed(str(s)).replace(/[\s\u0085]+/g, " ").trim();
  }

  function hex(n, width) {
    var h = n.toString(16).toUpperCase();
    while (h.length < width) {
      h = "0" + h;
    }
    return h;
  }

  // yamlString returns s as a YAML double-quoted scalar: backslash and quote escaped, and every
  // character outside YAML's printable set, every line break YAML knows (LF, CR, NEL, LS, PS), tab
  // and the byte order mark as an escape.
  function yamlString(s) {
    var out = '"';
    var text = wellFormed(str(s));
    for (var i = 0; i < text.length; i++) {
      var c = text.charAt(i);
      var n = text.charCodeAt(i);
      if (c === "\\" || c === '"') {
        out += "\\" + c;
      } else if (n < 0x20 || (n >= 0x7f && n <= 0x9f)) {
        out += { 9: "\\t", 10: "\\n", 13: "\\r" }[n] || "\\x" + hex(n, 2);
      } else if (n === 0x2028 || n === 0x2029 || n === 0xfeff || n === 0xfffe || n === 0xffff) {
        out += "\\u" + hex(n, 4);
      } else {
        out += c;
      }
    }
    return out + '"';
  }

  // mdEscape returns article text as Markdown that renders as that text: every character that
  // CommonMark or Obsidian gives a meaning inside a line gets a backslash, and what would start a
  // heading, list, quote or code block at the line's start is escaped too.
  function mdEscape(s) {
    return s
      .replace(/[\\`*_[\]<>#|~=$%^&{}!]/g, "\\$&")
      .replace(/^(\s*)([-+])/, "$1\\$2")
      .replace(/^(\s*\d+)([.)])/, "$1\\$2");
  }

  // mdURL returns an absolute http(s) address fit for a Markdown link's destination (no spaces,
  // parentheses or angle brackets left), or "" for any other address.
  function mdURL(u) {
    u = str(u).trim();
    if (!/^https?:\/\/[^\s]+$/i.test(u)) {
      return "";
    }
    return u.replace(/[()<>\\]/g, function (c) {
      return "%" + hex(c.charCodeAt(0), 2);
    });
  }

  // --- Links ----------------------------------------------------------------------------------

  // articleURL is the reader's address of article id on base (an origin).
  function articleURL(base, id) {
    return base + "/article/" + encodeURIComponent(str(id));
  }

  // quoteFragment is model.QuoteFragment: the id of a quote's first mark in the reader.
  function quoteFragment(id) {
    id = str(id);
    if (/^q[1-9][0-9]{0,5}$/.test(id)) {
      return id;
    }
    return "art-quote-" + id.slice(0, 128).replace(/[^A-Za-z0-9_-]/g, "-");
  }

  // directiveEscape percent-encodes s for a text directive: every UTF-8 byte but ALPHA, DIGIT,
  // ".", "_" and "~" (model.directiveEscape).
  function directiveEscape(s) {
    return encodeURIComponent(wellFormed(s)).replace(/[-!*'()]/g, function (c) {
      return "%" + hex(c.charCodeAt(0), 2);
    });
  }

  // textFragment is model.TextFragment: the text directive that scrolls a page to passage (the
  // whole passage up to eight words, else its first and last four).
  function textFragment(passage) {
    var words = str(passage).split(/\s+/).filter(Boolean);
    if (words.length === 0) {
      return "";
    }
    if (words.length <= 8) {
      return ":~:text=" + directiveEscape(words.join(" "));
    }
    return ":~:text=" + directiveEscape(words.slice(0, 4).join(" ")) + "," + directiveEscape(words.slice(-4).join(" "));
  }

  // --- Speakers -------------------------------------------------------------------------------

  function speakersOf(a) {
    var by = {};
    (Array.isArray(a.speakers) ? a.speakers : []).forEach(function (s) {
      if (s && typeof s.id === "string" && s.id !== "") {
        by[s.id] = { name: oneLine(s.name), role: oneLine(s.role) };
      }
    });
    return by;
  }

  // speakerOf returns who said quote q as the reader sees it: the reader's correction (a speaker of
  // the article by id, or a typed name, as reader.js keeps it) over the engine's speaker.
  function speakerOf(speakers, q, corrections) {
    var c = corrections && typeof corrections === "object" ? corrections[q.id] : null;
    if (c && typeof c === "object") {
      if (typeof c.speaker === "string" && speakers[c.speaker]) {
        return { name: speakers[c.speaker].name, role: speakers[c.speaker].role, corrected: true };
      }
      if (typeof c.name === "string" && oneLine(c.name) !== "") {
        return { name: oneLine(c.name).slice(0, 120), role: "", corrected: true };
      }
    }
    var s = speakers[str(q.speakerId)];
    if (s) {
      return { name: s.name, role: s.role, corrected: false };
    }
    return { name: oneLine(q.speaker), role: "", corrected: false };
  }

  function quotesOf(a) {
    return (Array.isArray(a.quotes) ? a.quotes : []).filter(function (q) {
      return q && typeof q === "object" && typeof q.id === "string";
    });
  }

  // publishedDate returns the article's published day (UTC, YYYY-MM-DD), or "".
  function publishedDate(a) {
    var t = Date.parse(str(a.published));
    return Number.isNaN(t) ? "" : new Date(t).toISOString().slice(0, 10);
  }

  // --- Markdown -------------------------------------------------------------------------------

  // frontMatter returns the note's YAML front matter lines: title, author, site, source, published
  // (the UTC day), link (the article in Verbatim), speakers and tags. Each value is kept as it is
  // (trimmed), line breaks and all: YAML's double quotes hold any text.
  function frontMatter(a, link, names) {
    var out = ["---", "title: " + yamlString(str(a.title).trim() || str(a.id))];
    var field = function (key, value) {
      if (value !== "") {
        out.push(key + ": " + yamlString(value));
      }
    };
    field("author", str(a.byline).trim());
    field("site", str(a.site).trim());
    field("source", mdURL(a.url) ? str(a.url).trim() : "");
    if (publishedDate(a) !== "") {
      out.push("published: " + publishedDate(a));
    }
    field("link", link);
    if (names.length > 0) {
      out.push("speakers:");
      names.forEach(function (n) {
        out.push("  - " + yamlString(n));
      });
    }
    out.push("tags:", "  - verbatim", "---", "");
    return out;
  }

  // quoteBlock returns one quote's blockquote: its text, then who said it (the reader's correction
  // says so; else the cue) and its deep link, with the Obsidian block id ^q3.
  function quoteBlock(link, q, who) {
    var by = who.name !== "" ? "**" + mdEscape(who.name) + "**" : "*Unattributed*";
    if (who.role !== "") {
      by += ", " + mdEscape(who.role);
    }
    if (who.corrected) {
      by += " (your correction)";
    } else if (oneLine(q.cue) !== "") {
      by += " (" + mdEscape(oneLine(q.cue)) + ")";
    }
    var frag = quoteFragment(q.id);
    var block = /^q[0-9]+$/.test(frag) ? " ^" + frag : "";
    return ["> " + mdEscape(oneLine(q.text)), ">", "> — " + by + " · [" + frag + "](" + link + "#" + frag + ")" + block, ""];
  }

  // highlightBlock returns one highlight's blockquote: the passage, its note (line by line), and a
  // link that opens the reader at the passage (a text fragment).
  function highlightBlock(link, h) {
    var out = ["> " + mdEscape(oneLine(h.exact))];
    var note = wellFormed(str(h.note)).replace(/\r\n?/g, "\n").trim();
    if (note !== "") {
      out.push(">");
      note.split("\n").forEach(function (line, i) {
        var text = mdEscape(oneLine(line));
        out.push(">" + (i === 0 ? " **Note:** " + text : text === "" ? "" : " " + text));
      });
    }
    out.push(">", "> — [Open the passage](" + link + "#" + textFragment(h.exact) + ")", "");
    return out;
  }

  // markdown returns article a as a Markdown note: the front matter, the title and a line of its
  // source, the quotes as blockquotes with speaker, role, cue and deep link, then the highlights
  // (records of window.verbatimStore.highlights) with their notes. corrections are the reader's
  // corrections of this article's quotes; base is the origin the links name (this page's by
  // default).
  function markdown(a, highlights, corrections, base) {
    var speakers = speakersOf(a);
    var link = articleURL(base || location.origin, a.id);
    var quotes = quotesOf(a).map(function (q) {
      return { q: q, who: speakerOf(speakers, q, corrections) };
    });
    var names = Object.keys(speakers).map(function (id) { return speakers[id].name; })
      .concat(quotes.map(function (x) { return x.who.name; }));
    names = names.filter(function (n, i) {
      return n !== "" && names.indexOf(n) === i;
    });
    var out = frontMatter(a, link, names);
    out.push("# " + mdEscape(oneLine(a.title) || str(a.id)), "");
    var meta = [];
    if (oneLine(a.byline) !== "") {
      meta.push("By " + mdEscape(oneLine(a.byline)));
    }
    if (oneLine(a.site) !== "") {
      meta.push(mdEscape(oneLine(a.site)));
    }
    if (mdURL(a.url)) {
      meta.push("[Original](" + mdURL(a.url) + ")");
    }
    meta.push("[Read in Verbatim](" + link + ")");
    out.push(meta.join(" · "), "");
    if (quotes.length > 0) {
      out.push("## Quotes", "");
      quotes.forEach(function (x) {
        out.push.apply(out, quoteBlock(link, x.q, x.who));
      });
    }
    var hs = (Array.isArray(highlights) ? highlights : []).filter(function (h) {
      return h && typeof h === "object" && oneLine(h.exact) !== "";
    });
    if (hs.length > 0) {
      out.push("## Highlights", "");
      hs.forEach(function (h) {
        out.push.apply(out, highlightBlock(link, h));
      });
    }
    return out.join("\n");
  }

  // --- CSV ------------------------------------------------------------------------------------

  var CSV_HEADER = ["article", "speaker", "role", "quote", "cue", "link"];

  // csvCell returns one RFC 4180 field: a value that a spreadsheet would run as a formula gets a
  // leading apostrophe, and a field with a comma, quote, CR or LF is quoted, its quotes doubled.
  function csvCell(v) {
    v = wellFormed(str(v));
    if (/^[=+\-@\t\r]/.test(v)) {
      v = "'" + v;
    }
    return /[",\r\n]/.test(v) ? '"' + v.replace(/"/g, '""') + '"' : v;
  }

  function csvRow(cells) {
    return cells.map(csvCell).join(",") + "\r\n";
  }

  // csvRows returns article a's rows, one per quote: article title, speaker (corrected), role,
  // quote, cue and deep link.
  function csvRows(a, corrections, base) {
    base = base || location.origin;
    var speakers = speakersOf(a);
    var title = oneLine(a.title) || str(a.id);
    return quotesOf(a).map(function (q) {
      var who = speakerOf(speakers, q, corrections);
      return csvRow([title, who.name, who.role, oneLine(q.text), who.corrected ? "" : oneLine(q.cue), articleURL(base, a.id) + "#" + quoteFragment(q.id)]);
    }).join("");
  }

  // csv returns the CSV of the quotes of items, each {article, corrections}, with its byte order
  // mark and header row.
  function csv(items, base) {
    return "\uFEFF" + csvRow(CSV_HEADER) + items.map(function (it) {
      return csvRows(it.article, it.corrections, base);
    }).join("");
  }

  // --- Zip ------------------------------------------------------------------------------------

  var crcTable = null;

  function crc32(bytes) {
    if (!crcTable) {
      crcTable = new Uint32Array(256);
      for (var n = 0; n < 256; n++) {
        var c = n;
        for (var k = 0; k < 8; k++) {
          c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
        }
        crcTable[n] = c >>> 0;
      }
    }
    var crc = 0xffffffff;
    for (var i = 0; i < bytes.length; i++) {
      crc = crcTable[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
    }
    return (crc ^ 0xffffffff) >>> 0;
  }

  // zip returns the parts of a zip archive (stored, no compression: Markdown is small, and the
  // writer stays simple) of files, each {name, bytes}, with UTF-8 names and the time when.
  function zip(files, when) {
    when = when || new Date();
    var time = (when.getHours() << 11) | (when.getMinutes() << 5) | (when.getSeconds() >> 1);
    var date = ((Math.max(1980, when.getFullYear()) - 1980) << 9) | ((when.getMonth() + 1) << 5) | when.getDate();
    var parts = [];
    var central = [];
    var offset = 0;
    var header = function (size) {
      var b = new Uint8Array(size);
      return { bytes: b, view: new DataView(b.buffer) };
    };
    files.forEach(function (f) {
      var name = encoder.encode(f.name);
      var crc = crc32(f.bytes);
      var local = header(30);
      var v = local.view;
      v.setUint32(0, 0x04034b50, true);
      v.setUint16(4, 20, true); // version needed: 2.0
      v.setUint16(6, 0x0800, true); // the name is UTF-8
      v.setUint16(8, 0, true); // stored
      v.setUint16(10, time, true);
      v.setUint16(12, date, true);
      v.setUint32(14, crc, true);
      v.setUint32(18, f.bytes.length, true);
      v.setUint32(22, f.bytes.length, true);
      v.setUint16(26, name.length, true);
      v.setUint16(28, 0, true);
      parts.push(local.bytes, name, f.bytes);
      var cd = header(46);
      v = cd.view;
      v.setUint32(0, 0x02014b50, true);
      v.setUint16(4, 0x0314, true); // made by: Unix, 2.0
      v.setUint16(6, 20, true);
      v.setUint16(8, 0x0800, true);
      v.setUint16(10, 0, true);
      v.setUint16(12, time, true);
      v.setUint16(14, date, true);
      v.setUint32(16, crc, true);
      v.setUint32(20, f.bytes.length, true);
      v.setUint32(24, f.bytes.length, true);
      v.setUint16(28, name.length, true);
      v.setUint32(38, 0o100644 << 16 >>> 0, true); // a regular file, rw-r--r--
      v.setUint32(42, offset, true);
      central.push(cd.bytes, name);
      offset += 30 + name.length + f.bytes.length;
    });
    var size = central.reduce(function (n, b) { return n + b.length; }, 0);
    var end = header(22);
    end.view.setUint32(0, 0x06054b50, true);
    end.view.setUint16(8, files.length, true);
    end.view.setUint16(10, files.length, true);
    end.view.setUint32(12, size, true);
    end.view.setUint32(16, offset, true);
    return parts.concat(central, [end.bytes]);
  }

  // noteName returns a file name for article a's note: its title without the characters file
  // systems or Obsidian's links refuse, at most 100 characters, unique (case-insensitively) among
  // taken, which it updates.
  function noteName(a, taken) {
    var base = Array.from(oneLine(a.title).replace(/[\\/:*?"<>|#^[\]\u0000-\u001f\u007f]/g, " ").replace(/\s+/g, " ").trim())
      .slice(0, 100).join("").replace(/^[.\s]+|[.\s]+$/g, "");
    if (base === "" || /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i.test(base)) {
      base = (base ? base + " " : "") + str(a.id);
    }
    var name = base;
    for (var n = 2; taken[name.toLowerCase()]; n++) {
      name = base + " (" + n + ")";
    }
    taken[name.toLowerCase()] = true;
    return name + ".md";
  }

  // --- Reading the articles -------------------------------------------------------------------

  function corrections() {
    try {
      var all = JSON.parse(localStorage.getItem(CORRECTIONS) || "{}");
      return all && typeof all === "object" && !Array.isArray(all) ? all : {};
    } catch (err) {
      return {};
    }
  }

  // highlightsOf resolves with the highlights of article id, or of every article when id is
  // undefined; none when the store keeps no highlights.
  function highlightsOf(id) {
    var s = window.verbatimStore;
    if (!s || typeof s.highlights !== "function") {
      return Promise.resolve([]);
    }
    return Promise.resolve(id === undefined ? s.highlights() : s.highlights(id)).then(function (hs) {
      return Array.isArray(hs) ? hs : [];
    }, function (err) {
      throw new Error("Your highlights could not be read (" + ((err && err.message) || err) + "), so nothing was exported.");
    });
  }

  // parseArticle decodes an article's JSON, or throws a sentence that says it is damaged.
  function parseArticle(text) {
    var a = null;
    try {
      a = JSON.parse(text);
    } catch (err) {
      a = null;
    }
    if (!a || typeof a !== "object" || typeof a.id !== "string" || a.id === "") {
      throw new Error("its copy is damaged: it is not an article's JSON");
    }
    return a;
  }

  function getJSON(url) {
    // no-store: the service worker does not keep what an export reads (see its networkFirst).
    return fetch(url, { credentials: "same-origin", cache: "no-store" }).then(function (r) {
      if (!r.ok) {
        throw new Error("the server answered " + r.status);
      }
      return r.text();
    }, function () {
      throw new Error("it could not be downloaded (you may be offline)");
    });
  }

  // loadArticle resolves with article id: the copy kept in this browser, else the server's JSON
  // at json (none for an import).
  function loadArticle(id, json) {
    var s = window.verbatimStore;
    var kept = s ? s.get(id).then(function (rec) { return rec.article; }) : Promise.reject(new Error("no store"));
    return kept.then(parseArticle).catch(function (err) {
      if (!json) {
        throw err;
      }
      return getJSON(json).then(parseArticle);
    });
  }

  // listLibrary resolves with the library's articles, {id, title, json}: those kept in this
  // browser, newest first, then the server's others in the library's order, and the sentence that
  // says why the server's could not be listed, if so.
  function listLibrary() {
    var s = window.verbatimStore;
    var out = [];
    var seen = {};
    var problems = [];
    var mine = s ? s.list() : Promise.resolve({ entries: [], corrupt: 0 });
    return mine.then(null, function (err) {
      problems.push("the articles kept in this browser could not be read (" + ((err && err.message) || err) + ")");
      return { entries: [], corrupt: 0 };
    }).then(function (l) {
      if (l.corrupt > 0) {
        problems.push(l.corrupt + " damaged article(s) kept in this browser could not be read");
      }
      l.entries.forEach(function (e) {
        seen[e.id] = true;
        out.push({ id: e.id, title: e.title, json: e.origin === "saved" ? "/articles/" + encodeURIComponent(e.id) + ".json" : "" });
      });
      var page = function (url, pages) {
        return getJSON(url).then(function (text) {
          var l = JSON.parse(text);
          (Array.isArray(l.articles) ? l.articles : []).forEach(function (a) {
            if (a && typeof a.id === "string" && !seen[a.id]) {
              seen[a.id] = true;
              out.push({ id: a.id, title: str(a.title), json: "/articles/" + encodeURIComponent(a.id) + ".json" });
            }
          });
          var next = str(l.next);
          return /^\/articles\/index-[0-9]+\.json$/.test(next) && pages < 100000 ? page(next, pages + 1) : null;
        });
      };
      return page("/articles/index.json", 1).then(null, function (err) {
        problems.push("the server's articles could not be listed (" + err.message + "), so only the articles kept in this browser are in it");
      }).then(function () {
        return { items: out, problem: problems.join("; ") };
      });
    });
  }

  // --- Files and messages ---------------------------------------------------------------------

  function tooLarge(limit) {
    var size = limit >= 1048576 ? Math.floor(limit / 1048576) + " MB" : Math.max(1, Math.floor(limit / 1024)) + " KB";
    var err = new Error("The export would be larger than " + size + ", more than this browser is asked to make at once. Export articles one by one from their pages instead. Nothing was changed.");
    err.name = "TooLargeError";
    return err;
  }

  // save hands parts (strings or bytes) to the browser as the download name.
  function save(parts, name, type) {
    var blob, url;
    try {
      blob = new Blob(parts, { type: type });
      url = URL.createObjectURL(blob);
    } catch (err) {
      throw new Error("The browser refused to make the file (" + ((err && err.message) || err) + "): it may be short of memory. Try a smaller export. Nothing was changed.");
    }
    var a = document.createElement("a");
    a.href = url;
    a.download = name;
    a.rel = "noopener";
    a.click();
    setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
    return blob.size;
  }

  // named lists failures, each {title, id, message}, by name, at most MAX_NAMED.
  function named(failures) {
    var list = failures.slice(0, MAX_NAMED).map(function (f) {
      return "“" + (oneLine(f.title) || f.id) + "” (" + f.message + ")";
    }).join("; ");
    return failures.length > MAX_NAMED ? list + "; and " + (failures.length - MAX_NAMED) + " more" : list;
  }

  function today() {
    return new Date().toISOString().slice(0, 10);
  }

  // regions returns where to speak for button: the reader's status and notice, or those of the
  // export group it is in (the library's), found again at each message: app.wasm may have
  // rendered the page anew meanwhile.
  function regions(button) {
    var sel = button.closest("[data-reader]") ? "[data-reader]" : "[data-export]";
    var box = function () {
      return (button.isConnected ? button.closest(sel) : document.querySelector(sel)) || document;
    };
    return {
      status: function () { return box().querySelector("[data-status], [data-export-status]"); },
      notice: function () { return box().querySelector("[data-notice], [data-export-notice]"); },
    };
  }

  function say(r, text) {
    var el = r.status();
    if (el) {
      el.textContent = text;
    }
  }

  function warn(r, text) {
    var el = r.notice();
    if (el) {
      el.textContent = text;
      el.hidden = text === "";
    }
  }

  // --- Exports --------------------------------------------------------------------------------

  function articleOf(button) {
    var root = button.closest("[data-reader]");
    var id = root ? str(root.getAttribute("data-article-id")) : "";
    if (!id) {
      return Promise.reject(new Error("This page does not say which article it shows. Reload it, then try again."));
    }
    var json = root.hasAttribute("data-imported") ? "" : str(root.getAttribute("data-json"));
    var title = root.querySelector("#article-title");
    return loadArticle(id, json).catch(function (err) {
      throw new Error("“" + (title ? oneLine(title.textContent) : id) + "” could not be read: " + ((err && err.message) || err) + ". Nothing was exported.");
    });
  }

  function exportArticle(button, format, r) {
    return articleOf(button).then(function (a) {
      var mine = corrections()[a.id];
      if (format === "csv") {
        var text = csv([{ article: a, corrections: mine }]);
        return [text, str(a.id) + "-quotes.csv", "text/csv;charset=utf-8", quotesOf(a).length + " quotes"];
      }
      return highlightsOf(a.id).then(function (hs) {
        return [markdown(a, hs, mine), noteName(a, {}), "text/markdown;charset=utf-8", "the note"];
      });
    }).then(function (f) {
      if (encoder.encode(f[0]).length > api.maxBytes) {
        throw tooLarge(api.maxBytes);
      }
      save([f[0]], f[1], f[2]);
      say(r, "Exported " + f[3] + " as " + f[1] + ".");
    });
  }

  function exportLibrary(format, r) {
    say(r, "Listing the library…");
    var all = corrections();
    return Promise.all([listLibrary(), format === "markdown" ? highlightsOf() : []]).then(function (got) {
      var items = got[0].items;
      var byArticle = {};
      got[1].forEach(function (h) {
        if (h && typeof h.articleId === "string") {
          (byArticle[h.articleId] = byArticle[h.articleId] || []).push(h);
        }
      });
      if (items.length === 0) {
        throw new Error("The library has no articles to export.");
      }
      if (format === "markdown" && items.length > MAX_ZIP_FILES) {
        throw new Error("The library has " + items.length + " articles, more than the " + MAX_ZIP_FILES + " notes one zip can hold here. Export the quotes as CSV, or articles one by one from their pages. Nothing was changed.");
      }
      var results = new Array(items.length);
      var failures = [];
      var bytes = 0;
      var next = 0;
      var done = 0;
      var stop = null;
      var step = Math.max(1, Math.ceil(items.length / 10));
      var worker = function () {
        if (stop || next >= items.length) {
          return Promise.resolve();
        }
        var i = next++;
        var it = items[i];
        return loadArticle(it.id, it.json).then(function (a) {
          var text = format === "csv" ? csvRows(a, all[a.id]) : markdown(a, byArticle[a.id] || [], all[a.id]);
          var b = encoder.encode(text);
          bytes += b.length;
          if (bytes > api.maxBytes) {
            stop = tooLarge(api.maxBytes);
          }
          results[i] = { article: a, text: text, bytes: b };
        }, function (err) {
          failures.push({ id: it.id, title: it.title, message: (err && err.message) || String(err) });
        }).then(function () {
          done++;
          if (done % step === 0 && !stop) {
            say(r, "Exporting: " + done + " of " + items.length + " articles…");
          }
          return worker();
        });
      };
      var workers = [];
      for (var w = 0; w < FETCHES; w++) {
        workers.push(worker());
      }
      return Promise.all(workers).then(function () {
        if (stop) {
          throw stop;
        }
        var ok = results.filter(Boolean);
        if (ok.length === 0) {
          throw new Error("No article could be read, so nothing was exported: " + named(failures) + ".");
        }
        var name, size;
        if (format === "csv") {
          name = "verbatim-quotes-" + today() + ".csv";
          size = save(["\uFEFF", csvRow(CSV_HEADER)].concat(ok.map(function (x) { return x.text; })), name, "text/csv;charset=utf-8");
        } else {
          var taken = {};
          name = "verbatim-library-" + today() + ".zip";
          size = save(zip(ok.map(function (x) { return { name: noteName(x.article, taken), bytes: x.bytes }; })), name, "application/zip");
        }
        say(r, "Exported " + ok.length + " articles as " + name + " (" + Math.max(1, Math.round(size / 1024)) + " KB).");
        var left = [];
        if (got[0].problem) {
          left.push("The export is incomplete: " + got[0].problem + ".");
        }
        if (failures.length > 0) {
          left.push("These articles could not be read and are not in the export: " + named(failures) + ".");
        }
        warn(r, left.join(" "));
      });
    });
  }

  var busy = false;

  // run exports what button asks for: its data-export-format ("markdown" or "csv") of its
  // data-export-scope ("article": the reader's article; "library": every article).
  function run(button) {
    var r = regions(button);
    if (busy) {
      say(r, "An export is already under way.");
      return Promise.resolve();
    }
    var format = button.getAttribute("data-export-format");
    if (format !== "markdown" && format !== "csv") {
      warn(r, "This export format is not known here. Reload the page, then try again.");
      return Promise.resolve();
    }
    busy = true;
    warn(r, "");
    var work = button.getAttribute("data-export-scope") === "library" ? exportLibrary(format, r) : exportArticle(button, format, r);
    return work.catch(function (err) {
      say(r, "");
      warn(r, (err && err.message) || String(err));
    }).then(function () {
      busy = false;
    });
  }

  var api = {
    maxBytes: 64 * 1024 * 1024,
    markdown: markdown,
    csv: csv,
    zip: zip,
    noteName: noteName,
    textFragment: textFragment,
    yamlString: yamlString,
    run: run,
  };
  window.verbatimExport = api;
})();
