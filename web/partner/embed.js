/* Verbatim embed: <blockquote class="verbatim-embed" data-article="ID"> becomes a lazy iframe of
   the reader's /embed/ID, data-height (else 420) px high, never moving the partner's layout;
   data-autoheight sizes it to its content. No cookies, no storage. */
(function () {
  "use strict";
  var me = document.currentScript, reader;
  try { reader = new URL(me.src).origin; } catch (e) { return; }
  // The snippet brings this script once an embed: a later copy only wakes the first.
  var key = Symbol.for("verbatim.embed " + reader);
  if (window[key]) return window[key]();
  // idOK is model.ValidID's rule and themeOK components.Themes (TestEmbedScriptRules checks both);
  // frames, the data-autoheight frames, the only ones a message sizes; due, the next swap;
  // waiting, the last frame's wait for its load.
  var due, waiting, frames = [], idOK = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/, themeOK = /^(auto|light|dark|sepia)$/;

  function yes(v) { return v === "" || v === "1" || v === "true"; }

  // height is v in pixels, or 0 unless it is a number from 40 to 30000.
  function height(v) {
    var h = typeof v === "string" && v !== "" ? Number(v) : v;
    return typeof h === "number" && isFinite(h) && h >= 40 && h <= 30000 ? Math.ceil(h) : 0;
  }

  // later runs swap in a task of its own unless one is due or a frame loads.
  function later() {
    if (!due && !waiting) due = setTimeout(swap, 0);
  }
  function loaded() { waiting = clearTimeout(waiting); later(); }

  // swap makes one frame, whole off the page (one write a snippet), the next once it has loaded or
  // after 1 s (a lazy frame loads near the view): frames made together share the partner's tasks.
  function swap() {
    due = 0;
    var nodes = document.querySelectorAll("blockquote.verbatim-embed[data-article]");
    for (var i = 0; i < nodes.length; i++) {
      var bq = nodes[i], id = bq.getAttribute("data-article");
      if (!idOK.test(id)) continue;
      var q = "?origin=" + encodeURIComponent(location.origin), t = bq.getAttribute("data-theme");
      if (t && themeOK.test(t)) q += "&theme=" + t;
      if (bq.hasAttribute("data-dnt") && yes(bq.getAttribute("data-dnt"))) q += "&dnt=1";
      var f = document.createElement("iframe");
      f.src = reader + "/embed/" + encodeURIComponent(id) + q;
      f.title = "Quoted article: " + ((bq.textContent || "").trim().slice(0, 80) || id);
      f.loading = "lazy";
      f.referrerPolicy = "strict-origin-when-cross-origin";
      f.setAttribute("allow", "clipboard-write");
      f.className = "verbatim-embed-frame";
      f.style.cssText = "width:100%;border:0;display:block;height:" + (height(bq.getAttribute("data-height")) || 420) + "px";
      if (bq.hasAttribute("data-autoheight") && yes(bq.getAttribute("data-autoheight"))) frames.push(f);
      f.addEventListener("load", loaded, { once: true });
      waiting = setTimeout(loaded, 1000);
      bq.parentNode.replaceChild(f, bq);
      return;
    }
  }
  window[key] = later;

  window.addEventListener("message", function (e) {
    if (e.origin !== reader) return;
    var d = e.data;
    if (!d || typeof d !== "object" || d.type !== "verbatim:height" || Object.keys(d).length !== 2) return;
    var h = typeof d.height === "number" ? height(d.height) : 0;
    if (!h) return;
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === e.source) {
        frames[i].style.height = h + "px";
        return;
      }
    }
  });

  later();
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", later);
})();
