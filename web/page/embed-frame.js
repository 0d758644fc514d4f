/* Verbatim embed frame: the /embed/ page's own script. It loads the reader (reader.js) when the
   frame is first used, and posts the content height of the page to the page that frames it, only to
   the origin named by ?origin=, and only when that origin is a listed partner (or the reader itself)
   and agrees with what the browser says the parent is. Never to "*". */
(function () {
  "use strict";
  // --- The reader, loaded when first needed --------------------------------------------------
  // An embed's frame often runs on the partner page's main thread, and most embeds are read, not
  // used: reader.js (beside this script) is not in the page, and is loaded on the first pointer,
  // key or focus in the frame, on a deep link (#q3, at load or later), or once the frame is idle
  // after its load. A click on a button or a key that came before it ran is replayed once its reader
  // has started (its start is a task after its own: setTimeout(replay, 0) from the script's load
  // comes after it). Until then h is settings.js's, which handles it without reader.js.
  var here = document.currentScript && document.currentScript.src;
  var asked = false, queued = [];
  function replay() {
    queued.splice(0).forEach(function (fn) { fn(); });
  }
  function load() {
    if (asked || window.verbatimReader || !here) return;
    asked = true;
    var s = document.createElement("script");
    s.src = new URL("reader.js", here).href;
    s.onload = function () { setTimeout(replay, 0); };
    document.head.appendChild(s);
  }
  function early(e) {
    if (window.verbatimReader) return;
    var t = e.target, b = e.type === "click" && t.closest && t.closest("[data-reader] button");
    if (b) {
      queued.push(function () { b.click(); });
    } else if (e.type === "keydown" && !e.defaultPrevented) {
      var init = { key: e.key, code: e.code, shiftKey: e.shiftKey, bubbles: true, cancelable: true };
      queued.push(function () { t.dispatchEvent(new KeyboardEvent("keydown", init)); });
    }
    load();
  }
  ["pointerdown", "focusin", "click", "keydown"].forEach(function (type) {
    document.addEventListener(type, early);
  });
  window.addEventListener("hashchange", load);
  if (/^#q/.test(location.hash)) {
    load();
  } else {
    window.addEventListener("load", function () {
      if (window.requestIdleCallback) window.requestIdleCallback(load, { timeout: 3000 });
      else setTimeout(load, 1);
    });
  }

  // --- The height, for the partner's data-autoheight frame ------------------------------------
  if (window.parent === window) return;
  var target;
  try { target = new URL(new URLSearchParams(location.search).get("origin") || "").origin; } catch (e) { return; }
  var meta = document.querySelector('meta[name="verbatim-partners"]');
  var allowed = ((meta && meta.content) || "").split(" ");
  allowed.push(location.origin);
  if (allowed.indexOf(target) < 0) return;
  var ao = location.ancestorOrigins;
  if (ao && ao.length && ao[0] !== target) return;
  if (document.referrer) {
    try { if (new URL(document.referrer).origin !== target) return; } catch (e) { return; }
  }
  var last = 0, watched = null, ro = window.ResizeObserver ? new ResizeObserver(post) : null;

  function post() {
    var el = document.body && document.body.firstElementChild;
    if (!el) return;
    var cs = getComputedStyle(document.body);
    var h = Math.ceil(el.getBoundingClientRect().bottom + window.scrollY +
      (parseFloat(cs.marginBottom) || 0) + (parseFloat(cs.paddingBottom) || 0));
    if (h < 40 || h === last) return;
    last = h;
    window.parent.postMessage({ type: "verbatim:height", height: h }, target);
  }

  // watch observes the page's first element. With a ResizeObserver, post runs from its callbacks
  // alone (the first comes with the first layout after observe), when the layout is already done:
  // measuring from the script itself would force a layout in the partner's renderer, on its main
  // thread, while the frame loads. Without one, it measures now and at the load event.
  function watch() {
    var el = document.body && document.body.firstElementChild;
    if (!ro) {
      post();
      return;
    }
    if (el && el !== watched) {
      if (watched) ro.unobserve(watched);
      ro.observe(el);
      watched = el;
    }
  }

  function start() {
    watch();
    new MutationObserver(watch).observe(document.body, { childList: true });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
  if (!ro) window.addEventListener("load", post);
})();
