// highlights.js: the reader's own highlights and notes, in plain JavaScript, with no wasm. reader.js
// loads it when a page first needs it (a selection in an article, a or Shift+A, the quote panel's
// tabs, the JSON-LD controls, or highlights of the article in the store), on pages that have
// offline.js's store (never in an embed).
// Go renders all the markup (components/highlights.go: the selection bar, the note dialog, the quote
// panel's "Highlights" tab with its item template, the JSON-LD export and import controls); this
// script owns:
//
//   - highlighting the text selected in an article body (.article-body): the selection bar's
//     "Highlight" and "Highlight with note…" (mouse and touch), and the keys a and Shift+A (the
//     keyboard, on the current selection), not in form fields, nor with Ctrl, Alt or Meta;
//   - the note dialog: write, edit or delete a highlight's note, or the highlight;
//   - painting the highlights with the CSS Custom Highlight API (CSS.highlights, verbatim.css's
//     ::highlight rules): no element is added to the article, so the quote marks Go rendered, and
//     their speaker colours, stay as they are under a highlight, and app.wasm's renders are never
//     disturbed. Where the API is missing, highlights are listed but not painted;
//   - anchoring (anchor): each highlight is kept with a W3C TextQuoteSelector (exact, and up to 32
//     characters of prefix and suffix) and a TextPositionSelector (start, end) over the body's text
//     (textOf: the text of the body's text nodes, in document order, with "\n" between blocks, and
//     without the screen readers' "Name says:" cues or the whitespace between blocks; positions count
//     Unicode code points). On every load the position is tried first and the exact text checked;
//     else the exact text is searched for, the occurrence whose surroundings best match the prefix
//     and suffix winning; else the same with case, spaces, quotation marks and dashes folded. A
//     highlight found nowhere is listed under "Not found in this version", and kept;
//   - the quote panel's tabs (an ARIA tablist: click, arrow keys, Home and End), and the
//     "Highlights" tab's list: go to, edit the note of, and delete each highlight;
//   - export and import of highlights and speaker corrections as W3C Web Annotation JSON-LD
//     (exportJSONLD, importJSONLD; the format is in docs/architecture.md), per article in the
//     reader and for the whole browser on the library page, also as window.verbatimHighlights.
//
// The records are offline.js's (window.verbatimStore: highlights, putHighlight, putHighlights,
// deleteHighlight, in the IndexedDB store "highlights"); the speaker corrections are reader.js's
// (local storage "verbatim.corrections"), which the import adds to.
//
// Trust boundary: the page's markup is Go's. An imported file is untrusted: it is parsed as JSON,
// bounded in size and count, and every item is checked field by field before anything is written;
// a bad file changes nothing. Text from it, like the article's, is only ever written as text
// (textContent); this script clones Go's template and sets text, classes and its own attributes,
// never markup.
(function () {
  "use strict";
  if (window.verbatimHighlights) {
    return;
  }
  var doc = document;

  var CONTEXT = 32; // characters of prefix and suffix (offline.js holds the same)
  var MAX_NOTE = 10000; // components.maxNote
  var MAX_EXACT = 20000;
  var MAX_IMPORT_BYTES = 5 << 20;
  var MAX_IMPORT_ITEMS = 20000;
  var MAX_NAME = 120; // reader.js's bound on a corrected speaker's name
  var ANNO = "http://www.w3.org/ns/anno.jsonld";
  var CORRECTIONS = "verbatim.corrections";
  var FRAGMENT_SPEC = "http://tools.ietf.org/rfc/rfc3986";
  var PAINT = { plain: "verbatim-highlight", noted: "verbatim-highlight-note", current: "verbatim-highlight-current" };
  // BLOCKS are the elements whose text is a block of its own: "\n" separates two of them.
  var BLOCKS = "p,li,h1,h2,h3,h4,h5,h6,pre,blockquote,figcaption,td,th,dt,dd";
  // LAYOUT are the elements that hold blocks only: whitespace directly in them is layout, not text.
  var LAYOUT = /^(DIV|UL|OL|BLOCKQUOTE|FIGURE|TABLE|THEAD|TBODY|TR|SECTION|ARTICLE|DL)$/;

  // states maps a reader root to its article's highlights: {id, recs, found: Map id → Range, lost}.
  var states = new WeakMap();
  var current = null; // the highlight the panel went to last: {root, id}

  function html() {
    return doc.documentElement;
  }

  function store() {
    return window.verbatimStore && window.verbatimStore.highlights ? window.verbatimStore : null;
  }

  function rootOf(el) {
    return el && el.closest ? el.closest("[data-reader]:not([data-embed])") : null;
  }

  function roots() {
    return Array.prototype.slice.call(doc.querySelectorAll("[data-reader]:not([data-embed])"));
  }

  function articleID(root) {
    return root.getAttribute("data-article-id") || "";
  }

  function bodyOf(root) {
    return root.querySelector(".article-body");
  }

  // itemOf returns root's list item of highlight id (a selector below it with more).
  function itemOf(root, id, more) {
    return root.querySelector('[data-highlight-id="' + CSS.escape(id) + '"]' + (more || ""));
  }

  // excerpt shortens s, its spaces folded, to at most n characters, with an ellipsis when it cuts.
  function excerpt(s, n) {
    var cs = Array.from(s.replace(/\s+/g, " ").trim());
    return cs.length > n ? cs.slice(0, n - 1).join("") + "…" : cs.join("");
  }

  // say writes message in root's status line (polite) or, with alert, in its alert (the reader's
  // notice); a place with neither (the library's export box) uses its own status line.
  function say(place, message, alert) {
    var el = place && (place.querySelector(alert ? "[data-notice]" : "[data-status]") || place.querySelector("[data-hl-message]"));
    if (el) {
      el.textContent = message;
      el.hidden = false;
    }
  }

  // --- Code points ------------------------------------------------------------------------------
  // The selectors count Unicode code points; JavaScript strings count UTF-16 units. Text without
  // surrogates (nearly all) needs no conversion.

  function astral(s) {
    return /[\uD800-\uDFFF]/.test(s);
  }

  function chars(s) {
    return astral(s) ? Array.from(s).length : s.length;
  }

  // unitsAt returns the UTF-16 offset of code point cp in text (text.length past its end).
  function unitsAt(text, cp) {
    if (!astral(text)) {
      return Math.min(cp, text.length);
    }
    var u = 0;
    for (var i = 0; i < cp && u < text.length; i++) {
      u += text.codePointAt(u) > 0xffff ? 2 : 1;
    }
    return u;
  }

  function pointsAt(text, u) {
    return astral(text) ? Array.from(text.slice(0, u)).length : u;
  }

  // lastChars and firstChars return at most n code points from the end or the start of s.
  function lastChars(s, n) {
    var a = Array.from(s);
    return a.slice(Math.max(0, a.length - n)).join("");
  }

  function firstChars(s, n) {
    return Array.from(s).slice(0, n).join("");
  }

  // --- The body's text --------------------------------------------------------------------------

  // textOf returns the text of an article body, as the selectors count it, and its text nodes with
  // where each starts in it: {text, nodes: [{node, start}], index: Map node → i}.
  function textOf(body) {
    var walker = doc.createTreeWalker(body, NodeFilter.SHOW_TEXT, {
      acceptNode: function (n) {
        var p = n.parentElement;
        if (!p || p.closest("[data-says], template, script, style")) {
          return NodeFilter.FILTER_REJECT;
        }
        if (LAYOUT.test(p.tagName) && !/\S/.test(n.data)) {
          return NodeFilter.FILTER_REJECT;
        }
        return NodeFilter.FILTER_ACCEPT;
      },
    });
    var text = "";
    var nodes = [];
    var index = new Map();
    var block = null;
    for (var n = walker.nextNode(); n; n = walker.nextNode()) {
      var b = n.parentElement.closest(BLOCKS) || body;
      if (b !== block && text !== "" && text.charAt(text.length - 1) !== "\n") {
        text += "\n";
      }
      block = b;
      index.set(n, nodes.length);
      nodes.push({ node: n, start: text.length });
      text += n.data;
    }
    return { text: text, nodes: nodes, index: index, body: body };
  }

  // offsetAt returns the UTF-16 offset in m.text of the DOM point (container, offset).
  function offsetAt(m, container, offset) {
    if (m.index.has(container)) {
      return m.nodes[m.index.get(container)].start + offset;
    }
    var r = doc.createRange();
    r.setStart(container, offset);
    for (var i = 0; i < m.nodes.length; i++) {
      if (r.comparePoint(m.nodes[i].node, 0) >= 0) {
        return m.nodes[i].start;
      }
    }
    return m.text.length;
  }

  // rangeOf returns the DOM range of m.text's UTF-16 span [s, e).
  function rangeOf(m, s, e) {
    var startNode = null;
    var endNode = null;
    for (var i = 0; i < m.nodes.length; i++) {
      var n = m.nodes[i];
      var end = n.start + n.node.data.length;
      if (!startNode && s < end) {
        startNode = n;
      }
      if (e > n.start && e <= end) {
        endNode = n;
      }
    }
    if (!startNode || !endNode) {
      return null;
    }
    var r = doc.createRange();
    r.setStart(startNode.node, Math.max(0, s - startNode.start));
    r.setEnd(endNode.node, e - endNode.start);
    return r;
  }

  // --- Anchoring --------------------------------------------------------------------------------

  // fold returns s with case, runs of spaces, quotation marks and dashes folded, and for each of
  // its UTF-16 units the offset in s it came from (map), with s.length at the end.
  function fold(s) {
    var out = "";
    var map = [];
    for (var i = 0; i < s.length; i++) {
      var c = s.charAt(i);
      if (/\s/.test(c) || c === "\u00a0") {
        if (out.charAt(out.length - 1) === " ") {
          continue;
        }
        c = " ";
      } else if (c === "\u00ad") {
        continue;
      } else if (/[‘’‚‛′`]/.test(c)) {
        c = "'";
      } else if (/[“”„‟″«»]/.test(c)) {
        c = '"';
      } else if (/[‐‑‒–—―−]/.test(c)) {
        c = "-";
      } else {
        c = c.toLowerCase();
        if (c.length !== 1) {
          c = s.charAt(i);
        }
      }
      out += c;
      map.push(i);
    }
    map.push(s.length);
    return { text: out, map: map };
  }

  // commonEnd and commonStart count the characters two strings share at their end or start.
  function commonEnd(a, b) {
    var n = 0;
    while (n < a.length && n < b.length && a.charAt(a.length - 1 - n) === b.charAt(b.length - 1 - n)) {
      n++;
    }
    return n;
  }

  function commonStart(a, b) {
    var n = 0;
    while (n < a.length && n < b.length && a.charAt(n) === b.charAt(n)) {
      n++;
    }
    return n;
  }

  // best returns the occurrence of exact in text whose surroundings share the most with prefix and
  // suffix, the nearest to near on a tie; -1 when there is none.
  function best(text, exact, prefix, suffix, near) {
    var found = -1;
    var score = -1;
    var dist = Infinity;
    for (var i = text.indexOf(exact); i >= 0; i = text.indexOf(exact, i + 1)) {
      var sc = commonEnd(text.slice(Math.max(0, i - prefix.length), i), prefix) +
        commonStart(text.slice(i + exact.length, i + exact.length + suffix.length), suffix);
      var d = Math.abs(i - near);
      if (sc > score || (sc === score && d < dist)) {
        found = i;
        score = sc;
        dist = d;
      }
    }
    return found;
  }

  // anchor finds highlight h (its selectors) in text and returns its UTF-16 span {start, end}, or
  // null when the passage is not there: the position if it still holds the exact text; else the
  // occurrence of the exact text that best fits the prefix and suffix; else the same with case,
  // spaces, quotation marks and dashes folded (fold).
  function anchor(text, h) {
    var s = unitsAt(text, h.start);
    var e = unitsAt(text, h.end);
    if (text.slice(s, e) === h.exact) {
      return { start: s, end: e };
    }
    var i = best(text, h.exact, h.prefix, h.suffix, s);
    if (i >= 0) {
      return { start: i, end: i + h.exact.length };
    }
    var ft = fold(text);
    var fe = fold(h.exact).text.trim();
    if (fe === "") {
      return null;
    }
    var near = ft.map.indexOf(s);
    i = best(ft.text, fe, fold(h.prefix).text, fold(h.suffix).text, near < 0 ? 0 : near);
    if (i < 0) {
      return null;
    }
    return { start: ft.map[i], end: ft.map[i + fe.length - 1] + 1 };
  }

  // --- Painting and listing ---------------------------------------------------------------------

  // paint gives the CSS highlight registry every found highlight of every reader on the page.
  function paint() {
    if (!window.CSS || !CSS.highlights || typeof Highlight !== "function") {
      return;
    }
    var plain = [];
    var noted = [];
    var cur = [];
    roots().forEach(function (root) {
      var st = states.get(root);
      if (!st) {
        return;
      }
      st.recs.forEach(function (h) {
        var r = st.found.get(h.id);
        if (r) {
          (h.note ? noted : plain).push(r);
          if (current && current.root === root && current.id === h.id) {
            cur.push(r);
          }
        }
      });
    });
    CSS.highlights.set(PAINT.plain, new Highlight(...plain));
    CSS.highlights.set(PAINT.noted, new Highlight(...noted));
    CSS.highlights.set(PAINT.current, new Highlight(...cur));
  }

  // place anchors root's highlights in its body as it is now, then paints and lists them.
  function place(root) {
    var st = states.get(root);
    var body = bodyOf(root);
    if (!st || !body) {
      return;
    }
    var m = textOf(body);
    st.found = new Map();
    st.at = new Map();
    st.recs.forEach(function (h) {
      var a = anchor(m.text, h);
      var r = a && rangeOf(m, a.start, a.end);
      if (r) {
        st.found.set(h.id, r);
        st.at.set(h.id, a.start);
      }
    });
    paint();
    list(root);
  }

  // cloneItem returns a copy of the item Go rendered in the tab's template. On a page app.wasm
  // rendered, the template's children are its own (go-app appends them), not its content.
  function cloneItem(root) {
    var tpl = root.querySelector("template[data-hl-template]");
    var src = tpl && ((tpl.content && tpl.content.firstElementChild) || tpl.firstElementChild);
    return src ? src.cloneNode(true) : null;
  }

  // list fills the "Highlights" tab: the found highlights in the order of the text, then the lost.
  function list(root) {
    var st = states.get(root);
    var found = root.querySelector('[data-hl-list="found"]');
    var lost = root.querySelector('[data-hl-list="lost"]');
    if (!st || !found || !lost) {
      return;
    }
    // The focus, when it is on an item's button, goes to the same button of the item made again.
    var f = doc.activeElement;
    var fItem = f && f.closest && root.contains(f) ? f.closest("[data-highlight-id]") : null;
    var refocus = fItem ? [fItem.getAttribute("data-highlight-id"), ' [data-action="' + CSS.escape(f.getAttribute("data-action") || "") + '"]:not(:disabled)'] : null;
    found.textContent = "";
    lost.textContent = "";
    var inText = st.recs.filter(function (h) { return st.found.has(h.id); });
    inText.sort(function (a, b) { return st.at.get(a.id) - st.at.get(b.id); });
    var gone = st.recs.filter(function (h) { return !st.found.has(h.id); });
    inText.concat(gone).forEach(function (h) {
      var li = cloneItem(root);
      if (!li) {
        return;
      }
      var here = st.found.has(h.id);
      li.setAttribute("data-highlight-id", h.id);
      li.classList.toggle("hl-lost", !here);
      li.classList.toggle("current", !!current && current.root === root && current.id === h.id);
      li.querySelector("[data-hl-text]").textContent = "“" + excerpt(h.exact, 200) + "”";
      var go = li.querySelector('[data-action="hl-go"]');
      go.disabled = !here;
      if (here) {
        go.setAttribute("aria-label", "Go to your highlight: " + excerpt(h.exact, 80));
      }
      var note = li.querySelector("[data-hl-note]");
      note.textContent = h.note ? "Note: " + h.note : "";
      note.hidden = !h.note;
      li.querySelector('[data-action="hl-edit"]').setAttribute("aria-label", (h.note ? "Edit the note on: " : "Add a note to: ") + excerpt(h.exact, 60));
      li.querySelector('[data-action="hl-delete"]').setAttribute("aria-label", "Delete your highlight: " + excerpt(h.exact, 60));
      (here ? found : lost).appendChild(li);
    });
    var empty = root.querySelector("[data-hl-empty]");
    if (empty) {
      empty.hidden = st.recs.length > 0;
    }
    root.querySelectorAll("[data-hl-lost-title], [data-hl-lost-note]").forEach(function (el) {
      el.hidden = gone.length === 0;
    });
    var again = refocus && itemOf(root, refocus[0], refocus[1]);
    if (again) {
      again.focus();
    }
    var tab = root.querySelector("#tab-highlights");
    if (tab) {
      var label = st.recs.length ? "Highlights (" + st.recs.length + ")" : "Highlights";
      if (tab.textContent !== label) {
        tab.textContent = label;
      }
    }
  }

  var loads = new WeakMap(); // root → the number of its latest read

  // load reads root's highlights from the store and places them. Every change is written to the
  // store first and then read back through here, so that a read begun before it (at the page's
  // start) cannot undo it: only the latest read of a root is placed.
  function load(root) {
    var s = store();
    var id = articleID(root);
    if (!s || !id) {
      return Promise.resolve();
    }
    var n = (loads.get(root) || 0) + 1;
    loads.set(root, n);
    return s.highlights(id).then(function (recs) {
      if (articleID(root) !== id || loads.get(root) !== n) {
        return;
      }
      states.set(root, { id: id, recs: recs, found: new Map(), at: new Map() });
      place(root);
    }, function (err) {
      states.set(root, { id: id, recs: [], found: new Map(), at: new Map() });
      list(root);
      say(root, "Your highlights could not be read: " + err.message, true);
    });
  }

  function reloadAll() {
    return Promise.all(roots().map(load));
  }

  // --- Making a highlight -----------------------------------------------------------------------

  // selected returns the selection inside a reader's article body as {root, m, start, end} (UTF-16
  // offsets in m.text, trimmed of spaces), or null.
  function selected() {
    var sel = window.getSelection ? window.getSelection() : null;
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed) {
      return null;
    }
    var r = sel.getRangeAt(0);
    var root = rootOf(r.commonAncestorContainer.nodeType === 1 ? r.commonAncestorContainer : r.commonAncestorContainer.parentElement);
    var body = root && bodyOf(root);
    if (!body || !r.intersectsNode(body)) {
      return null;
    }
    var m = textOf(body);
    var s = body.contains(r.startContainer) ? offsetAt(m, r.startContainer, r.startOffset) : 0;
    var e = body.contains(r.endContainer) ? offsetAt(m, r.endContainer, r.endOffset) : m.text.length;
    while (s < e && /\s/.test(m.text.charAt(s))) {
      s++;
    }
    while (e > s && /\s/.test(m.text.charAt(e - 1))) {
      e--;
    }
    return e > s ? { root: root, m: m, start: s, end: e } : null;
  }

  function uuid() {
    var b = new Uint8Array(16);
    crypto.getRandomValues(b);
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    var h = Array.from(b, function (x) { return (x + 0x100).toString(16).slice(1); }).join("");
    return h.slice(0, 8) + "-" + h.slice(8, 12) + "-" + h.slice(12, 16) + "-" + h.slice(16, 20) + "-" + h.slice(20);
  }

  // recordOf makes the record of a new highlight of the span sel chose.
  function recordOf(sel) {
    var t = sel.m.text;
    var now = new Date().toISOString();
    var start = pointsAt(t, sel.start);
    var exact = t.slice(sel.start, sel.end);
    return {
      id: "h-" + uuid(), articleId: articleID(sel.root), exact: exact,
      prefix: lastChars(t.slice(0, sel.start), CONTEXT), suffix: firstChars(t.slice(sel.end), CONTEXT),
      start: start, end: start + chars(exact), note: "", created: now, modified: now,
    };
  }

  var lastSel = null; // the selection the bar is shown for, kept for a tap on the bar that collapsed it

  // add highlights the selection (from the bar, fromBar: or the one the bar was shown for) and, with
  // withNote, opens the note dialog on it.
  function add(withNote, fromBar) {
    var sel = selected() || (fromBar ? lastSel : null);
    var s = store();
    if (!sel) {
      var root = rootOf(doc.activeElement) || roots()[0];
      say(root, "Select text in the article first, then highlight it.");
      return;
    }
    if (!s) {
      say(sel.root, "This browser cannot keep highlights here.", true);
      return;
    }
    if (sel.end - sel.start > MAX_EXACT) {
      say(sel.root, "The selection is too long to highlight: choose a shorter passage.");
      return;
    }
    var rec = recordOf(sel);
    hideBar();
    lastSel = null;
    s.putHighlight(rec).then(function (kept) {
      var w = window.getSelection();
      if (w) {
        w.removeAllRanges();
      }
      return load(sel.root).then(function () {
        say(sel.root, "Highlighted: “" + excerpt(kept.exact, 80) + "”.");
        if (withNote) {
          openNote(sel.root, kept.id, null);
        }
      });
    }, function (err) {
      say(sel.root, "Could not keep the highlight: " + err.message, true);
    });
  }

  // --- The selection bar ------------------------------------------------------------------------

  function bars() {
    return doc.querySelectorAll("[data-hl-popup]");
  }

  function hideBar() {
    bars().forEach(function (b) {
      if (!b.hidden) {
        b.hidden = true;
      }
    });
  }

  // showBar shows root's selection bar under the selection, inside the reader.
  function showBar(sel) {
    var bar = sel.root.querySelector("[data-hl-popup]");
    var w = window.getSelection();
    if (!bar || !w || w.rangeCount === 0) {
      return;
    }
    var rects = w.getRangeAt(0).getClientRects();
    var last = rects[rects.length - 1];
    if (!last) {
      return;
    }
    bar.hidden = false;
    // An absolute bar is placed in its offsetParent, or in the document when none is positioned.
    var op = bar.offsetParent;
    var base = op && op !== doc.body ? op.getBoundingClientRect() : { left: -window.scrollX, top: -window.scrollY, width: html().clientWidth };
    var left = Math.max(0, Math.min(last.left - base.left, base.width - bar.offsetWidth));
    bar.style.left = left + "px";
    bar.style.top = last.bottom - base.top + 6 + "px";
  }

  var barQueued = false;

  function onSelection() {
    barQueued = false;
    var sel = selected();
    if (sel) {
      lastSel = sel;
      showBar(sel);
    } else if (!(doc.activeElement && doc.activeElement.closest && doc.activeElement.closest("[data-hl-popup]"))) {
      lastSel = null;
      hideBar();
    }
  }

  // --- The note dialog --------------------------------------------------------------------------

  var noting = null; // {root, id, opener}

  function recOf(root, id) {
    var st = states.get(root);
    return st ? st.recs.filter(function (h) { return h.id === id; })[0] || null : null;
  }

  function openNote(root, id, opener) {
    var d = root.querySelector("#hl-dialog");
    var h = recOf(root, id);
    if (!d || !h) {
      return;
    }
    noting = { root: root, id: id, opener: opener || doc.activeElement };
    d.querySelector("[data-hl-quote]").textContent = "“" + excerpt(h.exact, 300) + "”";
    var ta = d.querySelector("#hl-note-text");
    ta.value = h.note;
    d.hidden = false;
    ta.focus();
  }

  function closeNote() {
    if (!noting) {
      return;
    }
    var was = noting;
    noting = null;
    var d = was.root.querySelector("#hl-dialog");
    if (d) {
      d.hidden = true;
    }
    var back = was.opener;
    if (!back || !back.isConnected || back === doc.body || back.closest("[data-hl-popup]")) {
      back = itemOf(was.root, was.id, ' [data-action="hl-edit"]');
    }
    if (back && back.focus) {
      back.focus();
    }
  }

  // update keeps a changed copy of highlight id of root and shows it.
  function update(root, id, change, done) {
    var h = recOf(root, id);
    var s = store();
    if (!h || !s) {
      return;
    }
    var next = Object.assign({}, h, change, { modified: new Date().toISOString() });
    s.putHighlight(next).then(function () {
      return load(root).then(function () {
        say(root, done);
      });
    }, function (err) {
      say(root, "Could not keep the note: " + err.message, true);
    });
  }

  function saveNote() {
    if (!noting) {
      return;
    }
    var root = noting.root;
    var id = noting.id;
    var note = Array.from(root.querySelector("#hl-note-text").value.trim()).slice(0, MAX_NOTE).join("");
    closeNote();
    var h = recOf(root, id);
    if (h && h.note !== note) {
      update(root, id, { note: note }, note ? "Note saved." : "Note removed.");
    }
  }

  // remove deletes highlight id of root.
  function remove(root, id) {
    var s = store();
    var h = recOf(root, id);
    if (!s || !h) {
      return;
    }
    s.deleteHighlight(id).then(function () {
      return load(root);
    }).then(function () {
      say(root, "Highlight deleted: “" + excerpt(h.exact, 60) + "”.");
      var next = root.querySelector("[data-hl-list] [data-action]:not(:disabled)") || root.querySelector("#tab-highlights");
      if (next && (!doc.activeElement || doc.activeElement === doc.body || !doc.activeElement.isConnected)) {
        next.focus();
      }
    }, function (err) {
      say(root, "Could not delete the highlight: " + err.message, true);
    });
  }

  // goTo scrolls highlight id into view and marks it current.
  function goTo(root, id) {
    var st = states.get(root);
    var r = st && st.found.get(id);
    if (!r) {
      return;
    }
    current = { root: root, id: id };
    paint();
    root.querySelectorAll("[data-hl-list] li").forEach(function (li) {
      li.classList.toggle("current", li.getAttribute("data-highlight-id") === id);
    });
    var rect = r.getBoundingClientRect();
    window.scrollTo({ top: window.scrollY + rect.top - window.innerHeight / 3, behavior: "instant" });
    var n = Array.from(st.found.keys()).length;
    var i = Array.from(root.querySelectorAll('[data-hl-list="found"] li')).findIndex(function (li) {
      return li.getAttribute("data-highlight-id") === id;
    });
    say(root, "Highlight " + (i + 1) + " of " + n + ": “" + excerpt(r.toString(), 80) + "”.");
  }

  // --- Tabs -------------------------------------------------------------------------------------

  function selectTab(tab, focus) {
    var list = tab.closest('[role="tablist"]');
    list.querySelectorAll('[role="tab"]').forEach(function (t) {
      var on = t === tab;
      t.setAttribute("aria-selected", String(on));
      t.tabIndex = on ? 0 : -1;
      var panel = doc.getElementById(t.getAttribute("aria-controls"));
      if (panel) {
        panel.hidden = !on;
      }
    });
    if (focus) {
      tab.focus();
    }
  }

  function tabKey(e, tab) {
    var tabs = Array.from(tab.closest('[role="tablist"]').querySelectorAll('[role="tab"]'));
    var i = tabs.indexOf(tab);
    var to = { ArrowRight: i + 1, ArrowDown: i + 1, ArrowLeft: i - 1, ArrowUp: i - 1, Home: 0, End: tabs.length - 1 }[e.key];
    if (to === undefined) {
      return;
    }
    e.preventDefault();
    selectTab(tabs[(to + tabs.length) % tabs.length], true);
  }

  // --- Web Annotation JSON-LD -------------------------------------------------------------------
  // The format (docs/architecture.md, "Highlights as Web Annotations"): an AnnotationCollection
  // whose first (and only) AnnotationPage holds one Annotation per highlight, motivation
  // "highlighting", with a TextQuoteSelector and a TextPositionSelector on the article's page and
  // the note as a TextualBody (purpose "commenting"); and one per speaker correction, motivation
  // "editing", on the quote's fragment (FragmentSelector "q3"), whose TextualBody is the speaker's
  // id among the article's own (purpose "classifying") or a name the reader typed (purpose
  // "identifying"). Keys are written in one order and items sorted (by article, highlights by
  // position before corrections by quote number), so the same highlights export to the same bytes.

  function articleURL(id) {
    return location.origin + "/article/" + encodeURIComponent(id);
  }

  // objectOr returns v when it is a plain object (not a list), else {}.
  function objectOr(v) {
    return v && typeof v === "object" && !Array.isArray(v) ? v : {};
  }

  // loadCorrections reads reader.js's corrections: {articleId: {q3: {speaker} or {name}}}.
  function loadCorrections() {
    var text = window.localStorage.getItem(CORRECTIONS);
    try {
      return objectOr(JSON.parse(text || "{}"));
    } catch (err) {
      return {};
    }
  }

  var SPEAKER_ID = /^[A-Za-z0-9_-]{1,64}$/;
  var QUOTE_ID = /^q[1-9][0-9]{0,5}$/;
  var UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
  var ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

  // correctionOf returns a kept correction as this format knows it ({speaker} or {name}), or null.
  function correctionOf(c) {
    if (!c || typeof c !== "object") {
      return null;
    }
    if (typeof c.speaker === "string" && SPEAKER_ID.test(c.speaker)) {
      return { speaker: c.speaker };
    }
    if (typeof c.name === "string" && c.name.trim() !== "" && chars(c.name.trim()) <= MAX_NAME) {
      return { name: c.name.trim() };
    }
    return null;
  }

  function highlightAnnotation(h) {
    var a = {
      id: "urn:uuid:" + h.id.slice(2),
      type: "Annotation",
      motivation: "highlighting",
      created: h.created,
      modified: h.modified,
    };
    if (h.note) {
      a.body = { type: "TextualBody", purpose: "commenting", format: "text/plain", value: h.note };
    }
    a.target = {
      source: articleURL(h.articleId),
      selector: [
        { type: "TextQuoteSelector", exact: h.exact, prefix: h.prefix, suffix: h.suffix },
        { type: "TextPositionSelector", start: h.start, end: h.end },
      ],
    };
    return a;
  }

  function correctionAnnotation(articleId, q, c) {
    return {
      id: "urn:verbatim:correction:" + encodeURIComponent(articleId) + ":" + q,
      type: "Annotation",
      motivation: "editing",
      body: { type: "TextualBody", purpose: c.speaker ? "classifying" : "identifying", format: "text/plain", value: c.speaker || c.name },
      target: { source: articleURL(articleId), selector: { type: "FragmentSelector", conformsTo: FRAGMENT_SPEC, value: q } },
    };
  }

  function cmp(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
  }

  // exportJSONLD resolves with article articleId's highlights and corrections (every article's with
  // no argument) as Web Annotation JSON-LD text.
  function exportJSONLD(articleId) {
    var s = store();
    if (!s) {
      return Promise.reject(new Error("This browser cannot keep highlights here.", true));
    }
    var one = articleId !== undefined && articleId !== null;
    return s.highlights(one ? String(articleId) : undefined).then(function (hs) {
      var rows = hs.map(function (h) {
        return { article: h.articleId, kind: 0, at: h.start, end: h.end, key: h.id, a: highlightAnnotation(h) };
      });
      var all = loadCorrections();
      Object.keys(all).forEach(function (id) {
        var mine = objectOr(all[id]);
        if (one && id !== String(articleId)) {
          return;
        }
        Object.keys(mine).forEach(function (q) {
          var c = correctionOf(mine[q]);
          if (c && QUOTE_ID.test(q)) {
            rows.push({ article: id, kind: 1, at: Number(q.slice(1)), end: 0, key: q, a: correctionAnnotation(id, q, c) });
          }
        });
      });
      rows.sort(function (x, y) {
        return cmp(x.article, y.article) || x.kind - y.kind || x.at - y.at || x.end - y.end || cmp(x.key, y.key);
      });
      var items = rows.map(function (r) { return r.a; });
      var out = {
        "@context": ANNO,
        id: "urn:verbatim:annotations" + (one ? ":" + encodeURIComponent(String(articleId)) : ""),
        type: "AnnotationCollection",
        label: one ? "Verbatim: highlights and speaker corrections of one article" : "Verbatim: highlights and speaker corrections",
        total: items.length,
        first: { type: "AnnotationPage", startIndex: 0, items: items },
      };
      return JSON.stringify(out, null, 2) + "\n";
    });
  }

  // articleOf returns the article id a target's source names (/article/{id}, on any origin).
  function articleOf(source) {
    if (typeof source !== "string") {
      return "";
    }
    var u;
    try {
      u = new URL(source, location.origin);
    } catch (err) {
      return "";
    }
    var m = /^\/article\/([^/]+)$/.exec(u.pathname);
    if (!m) {
      return "";
    }
    try {
      return decodeURIComponent(m[1]);
    } catch (err) {
      return "";
    }
  }

  function isoOf(v) {
    if (typeof v !== "string" || Number.isNaN(Date.parse(v))) {
      return "";
    }
    return ISO.test(v) ? v : new Date(Date.parse(v)).toISOString();
  }

  function asList(v) {
    return Array.isArray(v) ? v : v === undefined || v === null ? [] : [v];
  }

  function hasType(v, t) {
    return asList(v).indexOf(t) >= 0;
  }

  // readAnnotation checks item a and returns what it holds, {highlight} or {correction}; it throws
  // a sentence on the first thing that is wrong.
  function readAnnotation(a) {
    if (!a || typeof a !== "object" || !hasType(a.type, "Annotation")) {
      throw "it is not an Annotation";
    }
    var target = asList(a.target)[0];
    if (!target || typeof target !== "object") {
      throw "it has no target";
    }
    var articleId = articleOf(target.source);
    if (!articleId || articleId.length > 200) {
      throw "its target is not an article of Verbatim (/article/…)";
    }
    var sels = asList(target.selector);
    var body = asList(a.body)[0];
    if (hasType(a.motivation, "editing")) {
      var frag = sels.filter(function (x) { return x && x.type === "FragmentSelector"; })[0];
      if (!frag || !QUOTE_ID.test(frag.value)) {
        throw "its correction names no quote (a FragmentSelector such as q3)";
      }
      if (!body || body.type !== "TextualBody" || typeof body.value !== "string") {
        throw "its correction has no speaker";
      }
      var c = body.purpose === "classifying" ? correctionOf({ speaker: body.value }) : correctionOf({ name: body.value });
      if (!c) {
        throw "its speaker is not valid";
      }
      return { correction: { articleId: articleId, q: frag.value, c: c } };
    }
    var quote = sels.filter(function (x) { return x && x.type === "TextQuoteSelector"; })[0];
    var pos = sels.filter(function (x) { return x && x.type === "TextPositionSelector"; })[0];
    if (!quote || typeof quote.exact !== "string" || quote.exact === "" || chars(quote.exact) > MAX_EXACT) {
      throw "it has no TextQuoteSelector with the highlighted text";
    }
    var prefix = quote.prefix === undefined ? "" : quote.prefix;
    var suffix = quote.suffix === undefined ? "" : quote.suffix;
    if (typeof prefix !== "string" || typeof suffix !== "string") {
      throw "its prefix or suffix is not text";
    }
    if (!pos || !Number.isSafeInteger(pos.start) || pos.start < 0 || pos.end !== pos.start + chars(quote.exact)) {
      throw "its TextPositionSelector does not span the highlighted text";
    }
    var m = typeof a.id === "string" ? /^urn:uuid:(.+)$/.exec(a.id) : null;
    if (!m || !UUID.test(m[1].toLowerCase())) {
      throw "its id is not a urn:uuid";
    }
    var note = "";
    if (body !== undefined) {
      if (!body || body.type !== "TextualBody" || typeof body.value !== "string" || chars(body.value) > MAX_NOTE) {
        throw "its note is not a TextualBody of at most " + MAX_NOTE + " characters";
      }
      note = body.value;
    }
    var created = isoOf(a.created);
    var modified = isoOf(a.modified || a.created);
    if (!created || !modified) {
      throw "its created or modified time is not a date";
    }
    return {
      highlight: {
        id: "h-" + m[1].toLowerCase(), articleId: articleId, exact: quote.exact,
        prefix: lastChars(prefix, CONTEXT), suffix: firstChars(suffix, CONTEXT),
        start: pos.start, end: pos.end, note: note, created: created, modified: modified,
      },
    };
  }

  // parseJSONLD reads an export (an AnnotationCollection with its first page, an AnnotationPage, an
  // Annotation, or a list of them) and returns {highlights, corrections}; it throws an Error whose
  // message says what is wrong, before anything is written.
  function parseJSONLD(text) {
    var fail = function (why) {
      var err = new Error("This file cannot be imported: " + why + ". Nothing was changed.");
      err.name = "ImportError";
      throw err;
    };
    if (typeof text !== "string" || text.trim() === "") {
      fail("it is empty");
    }
    if (text.length > MAX_IMPORT_BYTES) {
      fail("it is larger than " + (MAX_IMPORT_BYTES >> 20) + " MB");
    }
    var d;
    try {
      d = JSON.parse(text);
    } catch (err) {
      fail("it is not JSON (" + err.message + ")");
    }
    var ctx = function (x) { return x && typeof x === "object" && asList(x["@context"]).indexOf(ANNO) >= 0; };
    var items;
    if (Array.isArray(d)) {
      items = d;
      if (!d.every(ctx)) {
        fail("its annotations do not name the Web Annotation context (" + ANNO + ")");
      }
    } else if (!ctx(d)) {
      fail("it is not W3C Web Annotation JSON-LD (its @context is not " + ANNO + ")");
    } else if (hasType(d.type, "AnnotationCollection")) {
      if (!d.first || typeof d.first !== "object" || !Array.isArray(d.first.items)) {
        fail("its collection holds no page of items (first.items)");
      }
      if (d.first.next) {
        fail("its collection has more pages than the first, which Verbatim cannot fetch");
      }
      items = d.first.items;
    } else if (hasType(d.type, "AnnotationPage")) {
      if (!Array.isArray(d.items)) {
        fail("its page holds no items");
      }
      items = d.items;
    } else {
      items = [d];
    }
    if (items.length > MAX_IMPORT_ITEMS) {
      fail("it holds more than " + MAX_IMPORT_ITEMS + " annotations");
    }
    var out = { highlights: new Map(), corrections: [] };
    items.forEach(function (a, i) {
      var got;
      try {
        got = readAnnotation(a);
      } catch (why) {
        fail("annotation " + (i + 1) + " is not valid: " + why);
      }
      if (got.highlight) {
        out.highlights.set(got.highlight.id, got.highlight);
      } else {
        out.corrections.push(got.correction);
      }
    });
    return { highlights: Array.from(out.highlights.values()), corrections: out.corrections };
  }

  // importJSONLD keeps the highlights and corrections of an export, replacing those with the same
  // ids, and resolves with how many were {added, updated}. A file with anything wrong is refused
  // whole, and so is one the storage cannot take: nothing is written.
  function importJSONLD(text) {
    var s = store();
    if (!s) {
      return Promise.reject(new Error("This browser cannot keep highlights here.", true));
    }
    var got;
    try {
      got = parseJSONLD(text);
    } catch (err) {
      return Promise.reject(err);
    }
    var before = window.localStorage.getItem(CORRECTIONS);
    var all = loadCorrections();
    var added = 0;
    var updated = 0;
    got.corrections.forEach(function (x) {
      var mine = objectOr(all[x.articleId]);
      if (mine[x.q]) {
        updated++;
      } else {
        added++;
      }
      mine[x.q] = x.c;
      all[x.articleId] = mine;
    });
    if (got.corrections.length > 0) {
      try {
        window.localStorage.setItem(CORRECTIONS, JSON.stringify(all));
      } catch (err) {
        return Promise.reject(new Error("The browser's storage for this site is full: the import was refused, and nothing was changed."));
      }
    }
    return s.putHighlights(got.highlights).then(function (fresh) {
      added += fresh.length;
      updated += got.highlights.length - fresh.length;
      return reloadAll().then(function () {
        return { added: added, updated: updated };
      });
    }, function (err) {
      try {
        if (before === null) {
          window.localStorage.removeItem(CORRECTIONS);
        } else {
          window.localStorage.setItem(CORRECTIONS, before);
        }
      } catch (e) {
        // The corrections were not written either.
      }
      throw new Error("The import was refused, and nothing was changed: " + err.message);
    });
  }

  // --- The export and import controls -----------------------------------------------------------

  function ioMessage(box, text, error) {
    var p = box.querySelector("[data-hl-message]");
    if (p) {
      p.textContent = text;
      p.classList.toggle("hl-error", !!error);
    }
  }

  // downloadLink returns box's hidden link for the export's file, made on the first export: the
  // page has no link without an address before then (Lighthouse's crawlable-anchors).
  function downloadLink(box) {
    var a = box.querySelector("a[data-hl-download]");
    if (!a) {
      a = doc.createElement("a");
      a.className = "visually-hidden";
      a.hidden = true;
      a.setAttribute("data-hl-download", "");
      a.textContent = "Download the export";
      box.appendChild(a);
    }
    return a;
  }

  function exportFrom(box) {
    var root = rootOf(box);
    var id = box.getAttribute("data-hl-scope") === "article" && root ? articleID(root) : undefined;
    exportJSONLD(id).then(function (text) {
      var a = downloadLink(box);
      var n = JSON.parse(text).total;
      if (a.href && a.href.indexOf("blob:") === 0) {
        URL.revokeObjectURL(a.href);
      }
      a.href = URL.createObjectURL(new Blob([text], { type: "application/ld+json" }));
      a.download = "verbatim-highlights" + (id ? "-" + id : "") + ".jsonld";
      a.click();
      ioMessage(box, "Exported " + n + " annotation" + (n === 1 ? "" : "s") + " as " + a.download + ".", false);
    }, function (err) {
      ioMessage(box, "The export failed: " + err.message, true);
    });
  }

  function importFrom(box, input) {
    var file = input.files && input.files[0];
    if (!file) {
      return;
    }
    if (file.size > MAX_IMPORT_BYTES) {
      ioMessage(box, "This file cannot be imported: it is larger than " + (MAX_IMPORT_BYTES >> 20) + " MB. Nothing was changed.", true);
      input.value = "";
      return;
    }
    file.text().then(importJSONLD).then(function (r) {
      ioMessage(box, "Imported: " + r.added + " new, " + r.updated + " updated. Speaker corrections show when an article is opened again.", false);
    }, function (err) {
      ioMessage(box, err.message, true);
    }).then(function () {
      input.value = "";
    });
  }

  // --- Events -----------------------------------------------------------------------------------

  // pointerdown on the selection bar would take the selection away before the click.
  doc.addEventListener("pointerdown", function (e) {
    if (e.target.closest && e.target.closest("[data-hl-popup]")) {
      e.preventDefault();
    }
  });

  doc.addEventListener("click", function (e) {
    var t = e.target;
    if (!t.closest) {
      return;
    }
    var tab = t.closest('[role="tab"]');
    if (tab && tab.closest(".quote-panel")) {
      selectTab(tab, false);
      return;
    }
    var button = t.closest("button[data-action]");
    if (!button || button.disabled) {
      return;
    }
    var root = rootOf(button);
    var item = button.closest("[data-highlight-id]");
    var id = item ? item.getAttribute("data-highlight-id") : "";
    switch (button.getAttribute("data-action")) {
      case "hl-add":
        add(false, true);
        break;
      case "hl-add-note":
        add(true, true);
        break;
      case "hl-go":
        goTo(root, id);
        break;
      case "hl-edit":
        openNote(root, id, button);
        break;
      case "hl-delete":
        remove(root, id);
        break;
      case "hl-note-save":
        saveNote();
        break;
      case "hl-note-delete":
        if (noting) {
          var n = noting;
          closeNote();
          remove(n.root, n.id);
        }
        break;
      case "hl-note-close":
        closeNote();
        break;
      case "hl-export":
        exportFrom(button.closest(".hl-io"));
        break;
    }
  });

  doc.addEventListener("change", function (e) {
    var t = e.target;
    if (t.matches && t.matches("input[data-hl-import]")) {
      importFrom(t.closest(".hl-io"), t);
    }
  });

  doc.addEventListener("keydown", function (e) {
    var t = e.target;
    if (noting && t && t.closest && t.closest("#hl-dialog")) {
      if (e.key === "Escape") {
        e.preventDefault();
        closeNote();
      } else if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        saveNote();
      }
      return;
    }
    if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) {
      return;
    }
    if (t && t.getAttribute && t.getAttribute("role") === "tab" && t.closest(".quote-panel")) {
      tabKey(e, t);
      return;
    }
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) {
      return;
    }
    if ((e.key === "a" || e.key === "A") && roots().length > 0) {
      e.preventDefault();
      add(e.key === "A", false);
    }
  });

  doc.addEventListener("selectionchange", function () {
    if (!barQueued) {
      barQueued = true;
      window.requestAnimationFrame(onSelection);
    }
  });

  // Readers that appear (app.wasm mounts one) are loaded; a body whose text changes (app.wasm
  // renders it again) has its highlights placed again.
  var seen = new WeakMap();
  var dirty = new Set();
  var queued = false;

  function scan() {
    queued = false;
    roots().forEach(function (root) {
      if (seen.get(root) !== articleID(root)) {
        seen.set(root, articleID(root));
        load(root);
      } else if (dirty.has(root)) {
        place(root);
      }
    });
    dirty.clear();
  }

  new MutationObserver(function (records) {
    records.forEach(function (r) {
      var el = r.target.nodeType === 1 ? r.target : r.target.parentElement;
      var body = el && el.closest && el.closest(".article-body");
      if (body && rootOf(body)) {
        dirty.add(rootOf(body));
      } else if (r.type === "childList" || r.attributeName === "data-article-id") {
        dirty.add(null);
      }
    });
    if (dirty.size && !queued) {
      queued = true;
      window.requestAnimationFrame(scan);
    }
  }).observe(doc.documentElement, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ["data-article-id"] });

  window.verbatimHighlights = Object.freeze({
    exportJSONLD: exportJSONLD,
    importJSONLD: importJSONLD,
    // anchor(text, rec) → {start, end} (UTF-16 offsets) or null, and textOf(root): the anchoring,
    // for the browser tests and for other scripts that show highlights (search).
    anchor: anchor,
    textOf: function (root) {
      var body = root && bodyOf(root);
      return body ? textOf(body).text : "";
    },
    // reload reads every reader's highlights from the store again.
    reload: reloadAll,
    // highlightSelection(withNote) highlights the current selection, as a and Shift+A do: reader.js
    // replays a key pressed before this script had loaded.
    highlightSelection: function (withNote) {
      add(!!withNote, false);
    },
  });
  scan();
  // reader.js loads this script on a selection: the bar is shown for it at once.
  onSelection();
})();
