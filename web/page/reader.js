//# allFunctionsCalledOnLoad
// Verbatim's reader: everything a reader does with an article page, in plain JavaScript, with no
// wasm. Go renders the markup (components.Reader: prerendered by the server, or rendered by app.wasm
// on a page it runs); this script gives it its behaviour, and it is the only owner of each of these:
//
//   - highlights on and off (h, and the toolbar's button), through settings.js's switch
//     (verbatimSettings.showHighlights: <html data-highlights="off">), which handles h itself until
//     this script has started;
//   - the legend's filter: the other speakers' marks and quote panel items get the class "dim", and
//     n and p move through the chosen speaker's quotes only;
//   - n, p, h, ? and Escape (not in form fields or editable text, nor with Ctrl, Alt or Meta);
//   - deep links #q3, at load, on hashchange and from the quote panel's links: the quote's first mark
//     is focused, scrolled to the centre and marked "current" (n and p write the hash with
//     history.replaceState);
//   - the shortcuts dialog;
//   - copy with citation: the citation Go wrote into the quote's first mark (data-citation), through
//     navigator.clipboard or, when the browser refuses, a selected textarea and execCommand("copy");
//   - copy source link: the quote panel's link to the quote in the article's original (a text
//     fragment Go wrote, components.sourceLinks), through the same clipboard path;
//   - the reading settings' controls, through window.verbatimSettings (web/page/settings.js);
//   - the reading progress bar, and the reading position remembered per article (local storage
//     "verbatim.positions": at most 50 articles, newest last), restored on arrival unless the URL
//     names a quote;
//   - the reader's corrections of a quote's speaker (the "Speaker…" buttons and the correction
//     dialog): kept in local storage ("verbatim.corrections": for each article, newest last, at most
//     200 articles, each quote's chosen speaker id or typed name), shown on the quote's marks, in the
//     quote panel and in the quote's citation (Go's data-citation-as, with the name in its slot),
//     and undone on request; not in an embed;
//   - quote cards: the "Card" buttons load card.js (beside this script) and open the card dialog, with
//     the quote drawn at both sizes to download or share; not in an embed;
//   - loading highlights.js (beside this script) when the page first needs it (see below); not in an
//     embed;
//   - announcements in the reader's status region;
//   - keeping clicks on the reader's links from go-app's router (window.onclick), on a page app.wasm
//     runs: go-app would open an external link with window.open and push a fragment into history.
//
// It binds by event delegation on document and reads data- attributes only, so it works on any
// [data-reader] root, whoever rendered it and whenever it appears: it starts each one it finds at
// load and when app.wasm mounts one (a MutationObserver), once per article. The state it keeps is in
// attributes and classes Go never renders (see docs/architecture.md). Saving for offline is
// web/page/offline.js's. In an embed it writes nothing to storage.
//
// The first line is V8's explicit compile hint (Chromium 136 and later; a plain comment elsewhere):
// every function of this script is compiled with the script, on the thread that streams it, rather
// than on the page's main thread the first time it is called. In an embed that main thread is often
// the partner page's, and the start and the first key called most of these functions there.
//
// Trust boundary: the page's markup is Go's, and article text in it is text; this script reads text
// and data- values and writes text (textContent, a textarea's value), classes and the app's own
// attributes, never markup; the one element it makes is the quote card's preview img, whose src is
// the blob: URL of the card it drew.
(function () {
  "use strict";
  if (window.verbatimReader) {
    return;
  }
  window.verbatimReader = true;

  var POSITIONS = "verbatim.positions";
  var MAX_POSITIONS = 50;
  var doc = document;
  // here is this script's address: card.js and highlights.js lie beside it (same version).
  var here = doc.currentScript && doc.currentScript.src ? doc.currentScript.src : "";
  var html = doc.documentElement;

  // started maps a root to the article it was started for; filters and currents keep the legend's
  // choice and the current quote of each article while it is on screen, so that a root app.wasm
  // renders again for it keeps them.
  var started = new WeakMap();
  var filters = {};
  var currents = {};
  // arrived is the article the reader arrived at (deep link or remembered position) and has not
  // left for a page without a reader since: a root rendered again for it is not an arrival.
  var arrived = null;

  // --- Finding things -------------------------------------------------------------------------

  function rootOf(el) {
    return el && el.closest ? el.closest("[data-reader]") : null;
  }

  // activeRoot is the reader the keys act on: the one holding the focus, or the page's first.
  function activeRoot() {
    return rootOf(doc.activeElement) || doc.querySelector("[data-reader]");
  }

  function articleID(root) {
    return root.getAttribute("data-article-id") || "";
  }

  function isEmbed(root) {
    return root.hasAttribute("data-embed");
  }

  function attrSelector(name, value) {
    return "[" + name + '="' + (window.CSS && CSS.escape ? CSS.escape(value) : value) + '"]';
  }

  // quotes returns the first mark of every quote: the one with the quote's id and citation.
  function quotes(root) {
    return Array.prototype.slice.call(root.querySelectorAll("mark[data-quote-id][id]"));
  }

  // visibleQuotes returns the first marks n and p move through: all, or the chosen speaker's.
  function visibleQuotes(root) {
    var f = filters[articleID(root)] || "";
    return quotes(root).filter(function (m) {
      return f === "" || m.getAttribute("data-speaker-id") === f;
    });
  }

  // quoteMark returns the first mark of the quote whose fragment (its element id) is frag, when it
  // is in root.
  function quoteMark(root, frag) {
    if (!frag) {
      return null;
    }
    var el = doc.getElementById(frag);
    return el && el.tagName === "MARK" && el.hasAttribute("data-quote-id") && root.contains(el) ? el : null;
  }

  function fragment() {
    try {
      return decodeURIComponent(window.location.hash.slice(1));
    } catch (err) {
      return "";
    }
  }

  // --- Announcing -----------------------------------------------------------------------------

  function announce(root, message) {
    var status = root.querySelector("[data-status]");
    if (status) {
      status.textContent = message;
    }
  }

  function excerpt(s, n) {
    var chars = Array.from(s);
    return chars.length <= n ? s : chars.slice(0, n - 1).join("") + "…";
  }

  // setAttr writes an attribute only when its value changes: a reader started on a page whose
  // markup already says what the state is (the prerendered page) then changes nothing, and costs
  // the browser no style recalculation.
  function setAttr(el, name, value) {
    if (el.getAttribute(name) !== value) {
      el.setAttribute(name, value);
    }
  }

  // --- Highlights -----------------------------------------------------------------------------

  // The switch itself is settings.js's (inline in the head, so that h works before this script
  // has loaded): <html data-highlights="off"> and the buttons' aria-pressed.
  function highlightsShown() {
    var s = window.verbatimSettings;
    return s && s.highlightsShown ? s.highlightsShown() : true;
  }

  function showHighlights(shown) {
    var s = window.verbatimSettings;
    if (s && s.showHighlights) {
      s.showHighlights(shown);
    }
  }

  function toggleHighlights(root) {
    var shown = !highlightsShown();
    showHighlights(shown);
    announce(root, shown ? "Highlights shown." : "Highlights hidden.");
  }

  // --- The legend's filter --------------------------------------------------------------------

  // showFilter dims every mark and quote panel item that is not the chosen speaker's, and presses
  // the chosen legend button.
  function showFilter(root) {
    var f = filters[articleID(root)] || "";
    root.querySelectorAll("mark[data-quote-id], .panel-quote[data-quote-id]").forEach(function (el) {
      el.classList.toggle("dim", f !== "" && el.getAttribute("data-speaker-id") !== f);
    });
    root.querySelectorAll("[data-speaker-filter]").forEach(function (b) {
      setAttr(b, "aria-pressed", String(b.getAttribute("data-speaker-filter") === f));
    });
  }

  // choose selects a speaker in the legend, or clears the choice when it is already selected.
  function choose(root, button) {
    var id = articleID(root);
    var f = button.getAttribute("data-speaker-filter") || "";
    if (f === filters[id]) {
      f = "";
    }
    filters[id] = f;
    showFilter(root);
    if (f === "") {
      announce(root, "Showing every speaker's quotes.");
      return;
    }
    var name = root.querySelector(attrSelector("data-speaker-filter", f) + " .legend-name");
    announce(root, "Showing " + (name ? name.textContent : "this speaker") + "'s quotes; the others are dimmed.");
  }

  // --- Moving to a quote ----------------------------------------------------------------------

  // showCurrent marks every mark and the quote panel item of the current quote "current".
  function showCurrent(root) {
    var q = currents[articleID(root)] || "";
    root.querySelectorAll("mark[data-quote-id], .panel-quote[data-quote-id]").forEach(function (el) {
      el.classList.toggle("current", q !== "" && el.getAttribute("data-quote-id") === q);
    });
  }

  // goTo makes mark's quote the current one, focuses it and scrolls it to the centre of the view;
  // with writeHash, it puts the quote's fragment in the URL without a new history entry. An
  // arrival (a deep link) jumps there at once, and again in the next frame when the mark has left
  // the view: an embed lays out its blocks only near the view (content-visibility), so the blocks
  // the jump brings into view take their real heights only then, and a smooth scroll aimed at
  // their stand-in heights could end beside the quote.
  function goTo(root, mark, writeHash, arriving) {
    currents[articleID(root)] = mark.getAttribute("data-quote-id");
    showCurrent(root);
    if (writeHash) {
      window.history.replaceState(window.history.state, "", "#" + mark.id);
    }
    mark.focus({ preventScroll: true });
    mark.scrollIntoView({ block: "center", behavior: arriving ? "instant" : "auto" });
    if (arriving) {
      window.requestAnimationFrame(function () {
        var r = mark.getBoundingClientRect();
        if (r.bottom <= 0 || r.top >= window.innerHeight) {
          mark.scrollIntoView({ block: "center", behavior: "instant" });
        }
      });
    }
    var all = quotes(root);
    announce(root, "Quote " + (all.indexOf(mark) + 1) + " of " + all.length + ".");
  }

  // step moves dir quotes forward or back among the visible ones, wrapping around.
  function step(root, dir) {
    var qs = visibleQuotes(root);
    if (qs.length === 0) {
      announce(root, "This article has no quotes to move to.");
      return;
    }
    var cur = currents[articleID(root)];
    var i = -1;
    qs.forEach(function (m, j) {
      if (m.getAttribute("data-quote-id") === cur) {
        i = j;
      }
    });
    if (i < 0) {
      i = dir < 0 ? qs.length - 1 : 0;
    } else {
      i = (i + dir + qs.length) % qs.length;
    }
    goTo(root, qs[i], true);
  }

  // --- The shortcuts dialog -------------------------------------------------------------------

  var opener = null;

  function dialogOf(root) {
    return root.querySelector("#shortcuts");
  }

  function showDialog(root, open) {
    var dialog = dialogOf(root);
    if (!dialog || dialog.hidden === !open) {
      return;
    }
    if (open) {
      opener = doc.activeElement;
    }
    dialog.hidden = !open;
    root.querySelectorAll('[data-action="shortcuts"]').forEach(function (b) {
      b.setAttribute("aria-expanded", String(open));
    });
    if (open) {
      var close = dialog.querySelector('[data-action="shortcuts-close"]');
      if (close) {
        close.focus();
      }
      return;
    }
    var back = root.querySelector('[data-action="shortcuts"]');
    if (!back && opener && opener.isConnected && opener !== doc.body) {
      back = opener;
    }
    opener = null;
    if (back) {
      back.focus();
    }
  }

  // --- Copy with citation ---------------------------------------------------------------------

  // copySelection copies text the old way: it selects it in a hidden, read-only textarea and asks
  // document.execCommand("copy"), then gives the focus back. It reports whether the browser copied.
  function copySelection(text) {
    var body = doc.body;
    if (!body) {
      return false;
    }
    var active = doc.activeElement;
    var ta = doc.createElement("textarea");
    ta.value = text;
    ta.setAttribute("readonly", "");
    ta.setAttribute("aria-hidden", "true");
    ta.tabIndex = -1;
    ta.className = "copy-buffer";
    body.appendChild(ta);
    ta.focus({ preventScroll: true });
    ta.select();
    var ok = false;
    try {
      ok = doc.execCommand("copy");
    } catch (err) {
      ok = false;
    }
    ta.remove();
    if (active && active.focus) {
      active.focus({ preventScroll: true });
    }
    return ok;
  }

  // copyText writes text to the clipboard and says how it went. It tries navigator.clipboard first;
  // when the browser refuses it (a frame without focus or without the clipboard-write permission,
  // as on a partner's page, or a page that is not https) it copies a selection, which a click
  // allows in any frame.
  function copyText(root, text) {
    var done = function (ok) {
      announce(root, ok ? "Copied: " + excerpt(text, 80) : "The browser did not allow copying. Select the quote and copy it by hand.");
    };
    var clip = navigator.clipboard;
    if (!clip || !clip.writeText) {
      done(copySelection(text));
      return;
    }
    clip.writeText(text).then(function () {
      done(true);
    }, function () {
      done(copySelection(text));
    });
  }

  // copyQuote copies the quote quoteID names, or the current quote when it is visible, or else the
  // first visible one, with the citation Go gave its first mark.
  function copyQuote(root, quoteID) {
    var mark = null;
    if (quoteID) {
      mark = root.querySelector("mark[data-citation]" + attrSelector("data-quote-id", quoteID));
    } else {
      var qs = visibleQuotes(root);
      var cur = currents[articleID(root)];
      mark = qs.filter(function (m) { return m.getAttribute("data-quote-id") === cur; })[0] || qs[0] || null;
    }
    if (!mark || !mark.hasAttribute("data-citation")) {
      announce(root, "There is no quote to copy.");
      return;
    }
    var text;
    try {
      text = decodeURIComponent(mark.getAttribute("data-citation"));
    } catch (err) {
      announce(root, "There is no quote to copy.");
      return;
    }
    copyText(root, text);
  }

  // copySourceLink copies the link to a quote in the article's original, which Go wrote into the
  // quote panel's "At host" link beside the button (components.sourceLinks, a text fragment).
  function copySourceLink(root, button) {
    var item = button.closest(".panel-source");
    var link = item && item.querySelector("a.panel-source-link");
    if (!link || !link.href) {
      announce(root, "This quote has no link to the original.");
      return;
    }
    copyText(root, link.href);
  }

  // --- Reading settings -----------------------------------------------------------------------

  function settingsAPI() {
    var s = window.verbatimSettings;
    return s && s.choices ? s : null;
  }

  // showSettings shows the saved settings in root's controls.
  function showSettings(root) {
    var api = settingsAPI();
    if (!api) {
      return;
    }
    var s = api.read();
    root.querySelectorAll("select[data-setting]").forEach(function (sel) {
      var v = s[sel.getAttribute("data-setting")];
      if (v !== undefined) {
        sel.value = v;
      }
    });
    root.querySelectorAll('[data-setting="size"]').forEach(function (group) {
      var min = Number(group.getAttribute("data-min"));
      var max = Number(group.getAttribute("data-max"));
      var out = group.querySelector("output");
      if (out && out.textContent !== String(s.size)) {
        out.textContent = String(s.size);
      }
      group.querySelectorAll('[data-action="size-down"]').forEach(function (b) { b.disabled = s.size <= min; });
      group.querySelectorAll('[data-action="size-up"]').forEach(function (b) { b.disabled = s.size >= max; });
    });
  }

  // changeSetting applies and remembers one change, and shows it in every reader's controls.
  function changeSetting(root, name, value) {
    var api = settingsAPI();
    if (!api) {
      return;
    }
    var s = api.read();
    s[name] = value;
    if (!api.save(s)) {
      announce(root, "Your settings apply now but could not be remembered: the browser's storage refused them.");
    }
    doc.querySelectorAll("[data-reader]").forEach(showSettings);
  }

  function resize(root, button, by) {
    var api = settingsAPI();
    var group = button.closest('[data-setting="size"]');
    if (!api || !group) {
      return;
    }
    var min = Number(group.getAttribute("data-min"));
    var max = Number(group.getAttribute("data-max"));
    var size = Math.min(max, Math.max(min, api.read().size + by));
    changeSetting(root, "size", size);
  }

  // --- Correcting a speaker -------------------------------------------------------------------

  var CORRECTIONS = "verbatim.corrections";
  var MAX_CORRECTED_ARTICLES = 200;
  var MAX_NAME = 120;
  var SLOT = "\uFFFC"; // components.SpeakerSlot: where data-citation-as takes the speaker's name

  // originals keeps, for each root, each corrected quote's state as Go rendered it, for undo.
  var originals = new WeakMap();
  var correcting = null; // the quote the correction dialog is open for: {root, quote, opener}

  function loadCorrections() {
    try {
      var all = JSON.parse(window.localStorage.getItem(CORRECTIONS) || "{}");
      return all && typeof all === "object" && !Array.isArray(all) ? all : {};
    } catch (err) {
      return {};
    }
  }

  // validCorrection returns c when it is a correction this script wrote: a speaker's id, or a name
  // of at most MAX_NAME characters.
  function validCorrection(c) {
    if (!c || typeof c !== "object") {
      return null;
    }
    if (typeof c.speaker === "string" && c.speaker !== "") {
      return { speaker: c.speaker };
    }
    if (typeof c.name === "string" && c.name.trim() !== "" && Array.from(c.name).length <= MAX_NAME) {
      return { name: c.name.trim() };
    }
    return null;
  }

  function corrections(id) {
    var mine = loadCorrections()[id];
    return mine && typeof mine === "object" && !Array.isArray(mine) ? mine : {};
  }

  // saveCorrection keeps correction c of quote q in article id (none: c null), the article newest
  // last, and reports whether the browser's storage took it.
  function saveCorrection(id, q, c) {
    var all = loadCorrections();
    var mine = corrections(id);
    if (c) {
      mine[q] = c;
    } else {
      delete mine[q];
    }
    delete all[id];
    if (Object.keys(mine).length > 0) {
      all[id] = mine;
    }
    var ids = Object.keys(all);
    while (ids.length > MAX_CORRECTED_ARTICLES) {
      delete all[ids.shift()];
    }
    try {
      window.localStorage.setItem(CORRECTIONS, JSON.stringify(all));
      return true;
    } catch (err) {
      return false;
    }
  }

  function speakerClass(el) {
    var m = /(?:^|\s)(speaker-(?:\d+|none))(?:\s|$)/.exec(el.className);
    return m ? m[1] : "speaker-none";
  }

  function setSpeakerClass(el, cls) {
    var old = speakerClass(el);
    if (old !== cls) {
      el.classList.remove(old);
      el.classList.add(cls);
    }
  }

  // legendSpeaker returns the name and colour class of speaker sid, from the legend; null when the
  // article has no such speaker.
  function legendSpeaker(root, sid) {
    var b = sid ? root.querySelector("button" + attrSelector("data-speaker-filter", sid)) : null;
    var name = b && b.querySelector(".legend-name");
    return name ? { name: name.textContent, cls: speakerClass(b) } : null;
  }

  function quoteMarks(root, q) {
    return root.querySelectorAll("mark" + attrSelector("data-quote-id", q));
  }

  function firstMark(root, q) {
    return root.querySelector("mark[id]" + attrSelector("data-quote-id", q));
  }

  // saysOf returns the screen reader's cue Go put before a quote's first mark.
  function saysOf(mark) {
    var prev = mark && mark.previousElementSibling;
    return prev && prev.hasAttribute("data-says") ? prev : null;
  }

  // original returns quote q's state as Go rendered it, remembered before the first change.
  function original(root, q) {
    var all = originals.get(root);
    if (!all) {
      all = {};
      originals.set(root, all);
    }
    if (!all[q]) {
      var first = firstMark(root, q);
      var sid = first ? first.getAttribute("data-speaker-id") || "" : "";
      var known = legendSpeaker(root, sid);
      var says = saysOf(first);
      all[q] = {
        speaker: sid,
        name: known ? known.name : "",
        cls: first ? speakerClass(first) : "speaker-none",
        low: !!first && first.classList.contains("confidence-low"),
        says: says ? says.textContent : "",
        citation: first ? first.getAttribute("data-citation") : null,
      };
    }
    return all[q];
  }

  // showCorrection shows correction c of quote q (or, with c null, the quote as Go rendered it) on
  // its marks, its screen reader cue, its citation and its quote panel item.
  function showCorrection(root, q, c) {
    var o = original(root, q);
    var known = c && c.speaker ? legendSpeaker(root, c.speaker) : null;
    var sid = c ? (known ? c.speaker : "") : o.speaker;
    var name = c ? (known ? known.name : c.name || "") : o.name;
    var cls = c ? (known ? known.cls : "speaker-none") : o.cls;
    if (c && !name) {
      return;
    }
    quoteMarks(root, q).forEach(function (m) {
      setSpeakerClass(m, cls);
      if (sid) {
        setAttr(m, "data-speaker-id", sid);
      } else {
        m.removeAttribute("data-speaker-id");
      }
      m.classList.toggle("confidence-low", !c && o.low);
      m.toggleAttribute("data-corrected", !!c);
    });
    var first = firstMark(root, q);
    var says = saysOf(first);
    if (says) {
      says.textContent = c ? name + " says (your correction): " : o.says;
    }
    if (first && o.citation !== null) {
      var citation = o.citation;
      var as = first.getAttribute("data-citation-as");
      if (c && as) {
        try {
          citation = encodeURIComponent(decodeURIComponent(as).split(SLOT).join(name));
        } catch (err) {
          citation = o.citation;
        }
      }
      setAttr(first, "data-citation", citation);
    }
    root.querySelectorAll(".panel-quote" + attrSelector("data-quote-id", q)).forEach(function (item) {
      setSpeakerClass(item, cls);
      if (sid) {
        setAttr(item, "data-speaker-id", sid);
      } else {
        item.removeAttribute("data-speaker-id");
      }
      var note = item.querySelector("[data-corrected-note]");
      if (note) {
        note.textContent = c ? "You corrected the speaker to " + name + (o.name ? " (the engine said " + o.name + ")." : ".") : "";
        note.hidden = !c;
      }
    });
  }

  // showCorrections shows every kept correction of root's article.
  function showCorrections(root) {
    if (isEmbed(root)) {
      return;
    }
    var mine = corrections(articleID(root));
    Object.keys(mine).forEach(function (q) {
      var c = validCorrection(mine[q]);
      if (c && firstMark(root, q)) {
        showCorrection(root, q, c);
      }
    });
  }

  function correctDialog(root) {
    return root.querySelector("#correct");
  }

  // openCorrect opens the correction dialog for quote q, showing its current speaker.
  function openCorrect(root, q, opener) {
    var d = correctDialog(root);
    var first = firstMark(root, q);
    if (!d || !first) {
      return;
    }
    var c = validCorrection(corrections(articleID(root))[q]);
    var o = original(root, q);
    var item = root.querySelector(".panel-quote" + attrSelector("data-quote-id", q) + " .panel-go");
    d.querySelector("[data-correct-quote]").textContent = item ? item.textContent : first.textContent;
    var sel = d.querySelector("#correct-speaker");
    var input = d.querySelector("#correct-name");
    var sid = c ? c.speaker || "" : o.speaker;
    sel.value = sid;
    if (sel.value !== sid) {
      sel.value = "";
    }
    input.value = c && !c.speaker ? c.name : "";
    var was = d.querySelector("[data-correct-was]");
    was.textContent = c ? "You corrected this speaker. The engine said: " + (o.name || "no one") + "." : "";
    was.hidden = !c;
    d.querySelector('[data-action="correct-undo"]').hidden = !c;
    correcting = { root: root, quote: q, opener: opener };
    d.hidden = false;
    sel.focus();
  }

  function closeCorrect(root) {
    var d = correctDialog(root);
    if (!d || d.hidden) {
      return;
    }
    d.hidden = true;
    var back = correcting && correcting.opener;
    correcting = null;
    if (back && back.isConnected) {
      back.focus();
    }
  }

  // saveCorrect keeps and shows the speaker the dialog names: one of the article's, or a typed
  // name. Choosing the speaker the engine gave is undoing the correction.
  function saveCorrect(root) {
    var d = correctDialog(root);
    if (!d || !correcting || correcting.root !== root) {
      return;
    }
    var q = correcting.quote;
    var sid = d.querySelector("#correct-speaker").value;
    var input = d.querySelector("#correct-name");
    var name = Array.from(input.value.trim().replace(/\s+/g, " ")).slice(0, MAX_NAME).join("");
    if (!sid && !name) {
      announce(root, "Type the speaker's name, or choose one of the article's speakers.");
      input.focus();
      return;
    }
    var o = original(root, q);
    var c = sid ? { speaker: sid } : { name: name };
    if (sid && sid === o.speaker) {
      c = null;
    }
    var kept = saveCorrection(articleID(root), q, c);
    showCorrection(root, q, c);
    closeCorrect(root);
    var shown = c ? (sid ? legendSpeaker(root, sid).name : name) : o.name;
    announce(root, (c ? "Speaker corrected to " + shown + "." : "The engine's speaker is back.") +
      (kept ? "" : " The browser's storage refused it: it holds until you leave the page."));
  }

  function undoCorrect(root) {
    if (!correcting || correcting.root !== root) {
      return;
    }
    var q = correcting.quote;
    saveCorrection(articleID(root), q, null);
    showCorrection(root, q, null);
    closeCorrect(root);
    announce(root, "Correction undone: the engine's speaker is back.");
  }

  // --- Quote cards ---------------------------------------------------------------------------

  var carding = null; // the quote the card dialog is open for: {root, quote, opener, urls}
  var loads = {};

  // load loads the script name beside this one once and resolves to window[global]. It is also
  // window.verbatimLoad, which offline.js loads export.js with.
  function load(name, global) {
    if (window[global]) {
      return Promise.resolve(window[global]);
    }
    if (!loads[name]) {
      loads[name] = new Promise(function (resolve, reject) {
        var sc = doc.createElement("script");
        sc.src = here.replace(/reader\.js(\?.*)?$/, name);
        sc.onload = function () {
          window[global] ? resolve(window[global]) : reject(new Error(name + " did not load"));
        };
        sc.onerror = function () {
          loads[name] = null;
          reject(new Error(name + " did not load"));
        };
        doc.head.appendChild(sc);
      });
    }
    return loads[name];
  }

  // loadCard loads card.js once and resolves to window.verbatimCard.
  function loadCard() {
    return load("card.js", "verbatimCard");
  }

  // cardOf returns what quote q's card shows: its text, its speaker as the reader sees it
  // (corrections included) with the role the legend gives, the article's title, site and date, and
  // the quote's share link (a server article's /article/{id}/q/{n}; an import's original, if any).
  function cardOf(root, q) {
    var text = Array.from(quoteMarks(root, q)).map(function (m) { return m.textContent; }).join(" ");
    var c = validCorrection(corrections(articleID(root))[q]);
    var sid = c ? c.speaker || "" : original(root, q).speaker;
    var known = legendSpeaker(root, sid);
    var b = sid ? root.querySelector("button" + attrSelector("data-speaker-filter", sid)) : null;
    var role = b && b.querySelector(".legend-role");
    var pick = function (sel) {
      var e = root.querySelector(sel);
      return e ? e.textContent.trim() : "";
    };
    var link = "";
    if (!root.hasAttribute("data-imported") && /^q[1-9][0-9]{0,5}$/.test(q)) {
      link = location.host + "/article/" + articleID(root) + "/q/" + q.slice(1);
    } else {
      var src = root.querySelector("a.article-source");
      link = src ? src.host + src.pathname : "";
    }
    return {
      quote: text, speaker: c && !c.speaker ? c.name : known ? known.name : "", role: c && !c.speaker ? "" : role ? role.textContent : "",
      title: pick("#article-title"), site: pick(".article-site"), date: pick(".article-published"), link: link,
    };
  }

  function cardDialog(root) {
    return root.querySelector("#card");
  }

  // openCard opens the card dialog for quote q and draws its two cards.
  function openCard(root, q, opener) {
    var d = cardDialog(root);
    if (!d || !firstMark(root, q)) {
      return;
    }
    closeCard(root, true);
    var mine = { root: root, quote: q, opener: opener, urls: [] };
    carding = mine;
    var box = d.querySelector("[data-card-preview]");
    box.textContent = "";
    var img = doc.createElement("img");
    img.className = "card-preview";
    img.width = 600;
    img.height = 315;
    var share = d.querySelector('[data-action="card-share"]');
    var links = d.querySelectorAll("a[data-card-size]");
    share.hidden = true;
    links.forEach(function (a) { a.removeAttribute("href"); a.setAttribute("aria-disabled", "true"); });
    d.querySelector("[data-card-short]").hidden = true;
    d.hidden = false;
    d.querySelector('[data-action="card-close"]').focus();
    announce(root, "Drawing the quote card…");
    var card = cardOf(root, q);
    loadCard().then(function (vc) {
      return Promise.all(["landscape", "square"].map(function (size) { return vc.draw(card, size); })).then(function (cards) {
        if (carding !== mine) {
          return;
        }
        var name = "quote-" + articleID(root) + "-" + q;
        cards.forEach(function (c, i) {
          var url = URL.createObjectURL(c.blob);
          mine.urls.push(url);
          links[i].href = url;
          links[i].removeAttribute("aria-disabled");
          links[i].download = name + (i ? "-square" : "") + ".png";
        });
        img.alt = "Quote card: “" + card.quote + "”" + (card.speaker ? " — " + card.speaker : "");
        img.src = mine.urls[0];
        box.appendChild(img);
        mine.files = cards.map(function (c, i) { return new File([c.blob], name + (i ? "-square" : "") + ".png", { type: "image/png" }); });
        share.hidden = !(navigator.canShare && navigator.canShare({ files: [mine.files[0]] }));
        var short = d.querySelector("[data-card-short]");
        short.textContent = cards[0].layout.shortened ? "The quotation is long: the card shows its start, and says so." : "";
        short.hidden = !cards[0].layout.shortened;
        links[0].focus();
        announce(root, "The quote card is ready.");
      });
    }).catch(function (err) {
      if (carding === mine) {
        announce(root, "The quote card could not be drawn: " + err.message + ".");
      }
    });
  }

  // closeCard hides the card dialog and frees its images; the focus goes back to the button that
  // opened it unless another opening follows (quiet).
  function closeCard(root, quiet) {
    var d = cardDialog(root);
    var was = carding;
    if (!d || !was) {
      return;
    }
    carding = null;
    d.hidden = true;
    d.querySelector("[data-card-preview]").textContent = "";
    was.urls.forEach(function (u) { URL.revokeObjectURL(u); });
    if (!quiet && was.opener && was.opener.isConnected) {
      was.opener.focus();
    }
  }

  function shareCard(root) {
    if (!carding || !carding.files || !navigator.share) {
      return;
    }
    var card = cardOf(root, carding.quote);
    navigator.share({ files: [carding.files[0]], title: card.title, text: "“" + card.quote + "”" + (card.speaker ? " — " + card.speaker : "") })
      .catch(function (err) {
        if (err && err.name !== "AbortError") {
          announce(root, "The card could not be shared: " + err.message + ".");
        }
      });
  }

  // --- Reading progress and position ----------------------------------------------------------

  function scrollable() {
    return html.scrollHeight - window.innerHeight;
  }

  // scrollFraction returns how far the page is scrolled, from 0 to 1.
  function scrollFraction() {
    var total = scrollable();
    if (total <= 0) {
      return 1;
    }
    return Math.min(1, Math.max(0, window.scrollY / total));
  }

  function loadPositions() {
    try {
      var ps = JSON.parse(window.localStorage.getItem(POSITIONS) || "[]");
      return Array.isArray(ps) ? ps : [];
    } catch (err) {
      return [];
    }
  }

  function loadPosition(id) {
    var ps = loadPositions();
    for (var i = 0; i < ps.length; i++) {
      var p = ps[i];
      if (p && p.id === id && typeof p.pos === "number" && p.pos > 0 && p.pos <= 1) {
        return p.pos;
      }
    }
    return 0;
  }

  // savePosition remembers the reading position of article id, newest last. A failure (a full
  // quota) loses only the position.
  function savePosition(id, pos) {
    var ps = loadPositions().filter(function (p) { return p && p.id !== id; });
    ps.push({ id: id, pos: pos });
    try {
      window.localStorage.setItem(POSITIONS, JSON.stringify(ps.slice(-MAX_POSITIONS)));
    } catch (err) {
      // The position is lost; reading goes on.
    }
  }

  var percent = -1;
  var scrollQueued = false;

  // showProgress moves the progress bars to how far the page is scrolled, and reports whether the
  // whole percentage changed.
  function showProgress() {
    var v = Math.round(scrollFraction() * 100);
    if (v === percent) {
      return false;
    }
    percent = v;
    doc.querySelectorAll("[data-reader] progress.reading-progress").forEach(function (p) { p.value = v; });
    return true;
  }

  // onScroll follows the reader's scrolling, once a frame at most: the progress bars, and the
  // reading position of the page's reader when the whole percentage changes.
  function onScroll() {
    scrollQueued = false;
    follow();
  }

  // follow moves the progress bars, and remembers the reading position of the page's reader when
  // the whole percentage changed.
  function follow() {
    if (!showProgress()) {
      return;
    }
    var root = doc.querySelector("[data-reader]:not([data-embed])");
    if (root && articleID(root)) {
      savePosition(articleID(root), scrollFraction());
    }
  }

  // arrive opens the article at the quote the URL names, or at the remembered reading position.
  function arrive(root) {
    var mark = quoteMark(root, fragment());
    if (mark) {
      goTo(root, mark, false, true);
      return;
    }
    if (isEmbed(root)) {
      return;
    }
    var pos = loadPosition(articleID(root));
    if (pos > 0 && scrollable() > 0) {
      window.scrollTo({ top: pos * scrollable(), behavior: "instant" });
    }
  }

  // --- Starting a reader ----------------------------------------------------------------------

  // start gives a reader root the state of its article: the highlights, the filter, the current
  // quote, the dialog's and the settings' controls. A root that is new to the page (not app.wasm
  // rendering the same article again) is an arrival: no filter, no current quote, and the view at
  // the quote the URL names or at the remembered position.
  function start(root) {
    var id = articleID(root);
    var arrival = arrived !== id;
    started.set(root, id);
    if (arrival) {
      arrived = id;
      filters[id] = "";
      currents[id] = "";
    }
    showHighlights(highlightsShown());
    showFilter(root);
    showCurrent(root);
    var dialog = dialogOf(root);
    root.querySelectorAll('[data-action="shortcuts"]').forEach(function (b) {
      setAttr(b, "aria-expanded", String(!!dialog && !dialog.hidden));
    });
    showSettings(root);
    showCorrections(root);
    // What needs the page's layout (the progress, the quote the URL names, the remembered
    // position) waits for the next frame: read here, it would force a layout of the whole page
    // inside this task, and a key pressed meanwhile would wait for it.
    // A scroll that came before this frame found the progress already at its place: the frame
    // remembers the position itself, after the arrival's own scroll.
    window.requestAnimationFrame(function () {
      if (arrival && started.get(root) === id && root.isConnected) {
        arrive(root);
      }
      percent = -1;
      if (window.scrollY > 0) {
        follow();
      } else {
        showProgress();
      }
    });
  }

  function scan() {
    var roots = doc.querySelectorAll("[data-reader]");
    if (roots.length === 0) {
      arrived = null;
    }
    roots.forEach(function (root) {
      if (started.get(root) !== articleID(root)) {
        start(root);
      }
    });
    storedHighlights();
  }

  // --- Events ---------------------------------------------------------------------------------

  doc.addEventListener("click", function (e) {
    var t = e.target;
    var root = rootOf(t);
    if (!root) {
      return;
    }
    var link = t.closest("a[href]");
    if (link) {
      // The browser follows the link as written (a new tab for an article's link, noopener), not
      // go-app's router, which listens on window.
      e.stopPropagation();
      var href = link.getAttribute("href");
      var mark = href.charAt(0) === "#" ? quoteMark(root, href.slice(1)) : null;
      if (mark && !e.ctrlKey && !e.metaKey && !e.shiftKey) {
        e.preventDefault();
        goTo(root, mark, true);
      }
      return;
    }
    var filter = t.closest("[data-speaker-filter]");
    if (filter) {
      choose(root, filter);
      return;
    }
    var button = t.closest("[data-action]");
    if (!button || button.disabled) {
      return;
    }
    switch (button.getAttribute("data-action")) {
      case "highlights":
        toggleHighlights(root);
        break;
      case "copy":
        copyQuote(root, button.getAttribute("data-quote-id"));
        break;
      case "copy-source":
        copySourceLink(root, button);
        break;
      case "shortcuts":
        showDialog(root, dialogOf(root) ? dialogOf(root).hidden : false);
        break;
      case "shortcuts-close":
        showDialog(root, false);
        break;
      case "correct":
        openCorrect(root, button.getAttribute("data-quote-id"), button);
        break;
      case "correct-save":
        saveCorrect(root);
        break;
      case "correct-undo":
        undoCorrect(root);
        break;
      case "correct-close":
        closeCorrect(root);
        break;
      case "card":
        openCard(root, button.getAttribute("data-quote-id"), button);
        break;
      case "card-share":
        shareCard(root);
        break;
      case "card-close":
        closeCard(root, false);
        break;
      case "size-down":
        resize(root, button, -1);
        break;
      case "size-up":
        resize(root, button, +1);
        break;
    }
  });

  doc.addEventListener("change", function (e) {
    var t = e.target;
    var root = rootOf(t);
    if (root && t.matches("select[data-setting]")) {
      changeSetting(root, t.getAttribute("data-setting"), t.value);
    }
  });

  doc.addEventListener("keydown", function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) {
      return;
    }
    var t = e.target;
    // In the correction dialog, Escape cancels and Enter in the name field saves.
    if (correcting && t && t.closest && t.closest("#correct")) {
      if (e.key === "Escape") {
        e.preventDefault();
        closeCorrect(correcting.root);
      } else if (e.key === "Enter" && t.id === "correct-name") {
        e.preventDefault();
        saveCorrect(correcting.root);
      }
      return;
    }
    // In the card dialog, Escape closes it.
    if (carding && e.key === "Escape" && t && t.closest && t.closest("#card")) {
      e.preventDefault();
      closeCard(carding.root, false);
      return;
    }
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) {
      return;
    }
    var root = activeRoot();
    if (!root) {
      return;
    }
    switch (e.key) {
      case "n":
        e.preventDefault();
        step(root, +1);
        break;
      case "p":
        e.preventDefault();
        step(root, -1);
        break;
      case "h":
        e.preventDefault();
        toggleHighlights(root);
        break;
      case "?":
        e.preventDefault();
        showDialog(root, dialogOf(root) ? dialogOf(root).hidden : false);
        break;
      case "Escape":
        showDialog(root, false);
        break;
    }
  });

  window.addEventListener("hashchange", function () {
    var root = doc.querySelector("[data-reader]");
    var mark = root && quoteMark(root, fragment());
    if (mark) {
      goTo(root, mark, false);
    }
  });

  window.addEventListener("scroll", function () {
    if (!scrollQueued) {
      scrollQueued = true;
      window.requestAnimationFrame(onScroll);
    }
  }, { passive: true });

  new MutationObserver(scan).observe(html, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ["data-reader", "data-article-id"],
  });
  // In an embed the start runs in a task after this script's own: the frame's document often
  // shares the partner page's main thread (in its process on a phone without site isolation), and
  // this script's compile and run and the start together made one long task of the partner's page.
  if (doc.readyState === "loading") {
    doc.addEventListener("DOMContentLoaded", scan);
  } else if (doc.querySelector("[data-reader][data-embed]")) {
    window.setTimeout(scan, 0);
  } else {
    scan();
  }
  // --- The reader's own highlights (highlights.js, loaded when first needed) --------------------

  // highlights.js (47 KB) needs the store of offline.js, which every page but an embed has. It is
  // loaded only when a page needs it, never on the way to the first paint or the first key:
  //   - a selection in an article body (the selection bar is its);
  //   - a or Shift+A, replayed once it has loaded;
  //   - a pointer or the focus on the quote panel's tabs, the selection bar or the JSON-LD
  //     controls (a click that came before it loaded is replayed);
  //   - a reader whose article has highlights in the store, so that they are painted: asked once
  //     the page has loaded and the browser is idle, and for each article app.wasm mounts later.
  // window.verbatimLoadHighlights() loads it and resolves to window.verbatimHighlights.
  var HL_CONTROLS = '.quote-panel [role="tab"], [data-hl-popup], .hl-io';
  var pageLoaded = doc.readyState === "complete";
  var hlAsked = {}; // article ids whose stored highlights were asked for

  function loadHighlights() {
    return window.verbatimStore ? load("highlights.js", "verbatimHighlights") : Promise.reject(new Error("no store"));
  }
  window.verbatimLoadHighlights = loadHighlights;
  window.verbatimLoad = load;

  function needHighlights() {
    if (!window.verbatimHighlights && window.verbatimStore) {
      loadHighlights().catch(function () {});
    }
  }

  // storedHighlights loads highlights.js when the store holds highlights of a reader's article.
  function storedHighlights() {
    var store = window.verbatimStore;
    if (window.verbatimHighlights || !store || !pageLoaded) {
      return;
    }
    doc.querySelectorAll("[data-reader]").forEach(function (root) {
      var id = articleID(root);
      if (!id || isEmbed(root) || hlAsked[id]) {
        return;
      }
      hlAsked[id] = true;
      store.highlights(id).then(function (list) {
        if (list && list.length > 0) {
          needHighlights();
        }
      }, function () {});
    });
  }

  doc.addEventListener("selectionchange", function () {
    if (window.verbatimHighlights || !window.verbatimStore) {
      return;
    }
    var sel = window.getSelection();
    var node = sel && !sel.isCollapsed && sel.rangeCount > 0 ? sel.getRangeAt(0).commonAncestorContainer : null;
    var el = node && (node.nodeType === 1 ? node : node.parentElement);
    if (el && el.closest("[data-reader]") && (el.closest(".article-body") || el.querySelector(".article-body"))) {
      needHighlights();
    }
  });

  ["pointerdown", "focusin"].forEach(function (type) {
    doc.addEventListener(type, function (e) {
      if (!window.verbatimHighlights && e.target.closest && e.target.closest(HL_CONTROLS)) {
        needHighlights();
      }
    });
  });

  // A click on a control of highlights.js before it has loaded: replayed once it has.
  doc.addEventListener("click", function (e) {
    var el = !window.verbatimHighlights && window.verbatimStore && e.target.closest ? e.target.closest(HL_CONTROLS) : null;
    var control = el && (el.matches('[role="tab"]') ? el : e.target.closest("button[data-action]"));
    if (control && el.contains(control)) {
      loadHighlights().then(function () {
        control.click();
      }, function () {});
    }
  });

  doc.addEventListener("keydown", function (e) {
    var t = e.target;
    if (window.verbatimHighlights || !window.verbatimStore || (e.key !== "a" && e.key !== "A") ||
      e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented ||
      (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) || !activeRoot()) {
      return;
    }
    e.preventDefault();
    var withNote = e.key === "A";
    loadHighlights().then(function (h) {
      h.highlightSelection(withNote);
    }, function () {});
  });

  window.addEventListener("load", function () {
    var idle = window.requestIdleCallback || function (fn) {
      window.setTimeout(fn, 1);
    };
    idle(function () {
      pageLoaded = true;
      storedHighlights();
    }, { timeout: 5000 });
  });
})();
