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

  function watch() {
    var el = document.body && document.body.firstElementChild;
    if (ro && el && el !== watched) {
      if (watched) ro.unobserve(watched);
      ro.observe(el);
      watched = el;
    }
    post();
  }

  function start() {
    watch();
    new MutationObserver(watch).observe(document.body, { childList: true });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
  window.addEventListener("load", post);
})();
