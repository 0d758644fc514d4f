/* Verbatim embed frame: posts the content height of this /embed/ page to the page that frames it.
   It posts only to the origin named by ?origin=, and only when that origin is a listed partner (or
   the reader itself) and agrees with what the browser says the parent is. Never to "*". */
(function () {
  "use strict";
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
