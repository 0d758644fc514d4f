/* Verbatim embed: turns <blockquote class="verbatim-embed" data-article="ID"> into a lazy iframe of
   the reader's /embed/ID page, data-height (else 420) pixels high, so that it never shifts the
   partner's layout; data-autoheight sizes it to its content. No cookies, no storage. */
(function () {
  "use strict";
  var me = document.currentScript, reader;
  try { reader = new URL(me.src).origin; } catch (e) { return; }
  // The snippet brings this script once an embed: a later copy hands the first its blockquotes.
  var key = Symbol.for("verbatim.embed " + reader);
  if (window[key]) return window[key]();
  // idOK is model.ValidID's rule and themeOK components.Themes (TestEmbedScriptRules checks both);
  // frames, the data-autoheight frames, the only ones a message may size; pending, the next swap.
  var pending, frames = [], idOK = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/, themeOK = /^(auto|light|dark|sepia)$/;

  function yes(v) { return v === "" || v === "1" || v === "true"; }

  // height returns v in pixels, or 0 when it is not a number from 40 to 30000.
  function height(v) {
    var h = typeof v === "string" && v !== "" ? Number(v) : v;
    return typeof h === "number" && isFinite(h) && h >= 40 && h <= 30000 ? Math.ceil(h) : 0;
  }

  // swap makes one frame per task: made together, the frames would block the partner's page longer.
  // The frame is made whole off the page, so that each snippet costs the page one write.
  function swap() {
    clearTimeout(pending);
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
      bq.parentNode.replaceChild(f, bq);
      if (i + 1 < nodes.length) pending = setTimeout(swap, 0);
      return;
    }
  }
  window[key] = swap;

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

  swap();
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", swap);
})();
