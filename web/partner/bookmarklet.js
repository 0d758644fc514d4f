/* bookmarklet.js: the "Read in Verbatim" bookmarklet. The import page (app/import_bookmarklet.go)
   fetches this file, puts its own origin in place of __VERBATIM_ORIGIN__, and offers it as a
   javascript: link to drag to the bookmarks bar. Clicked on any page, it takes the page as the reader
   sees it (document.documentElement.outerHTML and location.href), fetches nothing, opens Verbatim's
   /import?from=bookmarklet in a new window, and hands the page over by postMessage.

   Protocol: the Verbatim window posts {type: "verbatim:ready"} to its opener; this script answers only
   a message from that window and from Verbatim's origin, with {type: "verbatim:page", html, url},
   posted to Verbatim's origin only. The Verbatim side accepts it only from its opener, and only when
   the message's origin is the origin of the url it carries.

   Limits: a page over maxBytes (model.MaxInputBytes; server/embedscript_test.go keeps the copy in
   step) is refused here with a message. A page whose security policy blocks bookmarklets runs none
   of this; one that cuts its windows' link (Cross-Origin-Opener-Policy) leaves the Verbatim window
   without an opener, and that window says so. */
(function () {
  "use strict";
  var verbatim = "__VERBATIM_ORIGIN__";
  var importPath = "/import?from=bookmarklet";
  var maxBytes = 10485760;
  var html = document.documentElement.outerHTML;
  var page = location.href;
  var fail = function (why) {
    alert("Read in Verbatim: " + why + " Copy the article's text and paste it at " + verbatim + "/import instead.");
  };
  if (!/^https?:$/.test(location.protocol)) {
    fail("only web pages (http or https) can be read.");
    return;
  }
  var size = new Blob([html]).size;
  if (size > maxBytes) {
    fail("this page is " + (size / 1048576).toFixed(1) + " MB, and Verbatim reads pages up to " + maxBytes / 1048576 + " MB.");
    return;
  }
  var w = null;
  try {
    w = window.open(verbatim + importPath, "_blank");
  } catch (e) {
    w = null;
  }
  if (!w) {
    fail("this page or the browser blocked the new window (allow pop-ups for this site and try again).");
    return;
  }
  var onMessage = function (e) {
    if (e.origin !== verbatim || e.source !== w || !e.data || e.data.type !== "verbatim:ready") {
      return;
    }
    removeEventListener("message", onMessage);
    w.postMessage({ type: "verbatim:page", html: html, url: page }, verbatim);
  };
  addEventListener("message", onMessage);
})();
