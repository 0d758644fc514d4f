// Verbatim's reading settings (theme, font, size, line width, line height), applied before the
// first paint. The server inlines this script after the settings' choices
// (components.SettingsChoicesJSON, in <script type="application/json"
// id="verbatim-settings-choices">), in every page's head, or on the reader's page of an article it
// has just before the main element, before which that page renders no frame
// (server.settingsBeforeMain); so it runs before the page is painted: a reader who chose the dark
// theme, a font or a size never sees the default page first, with or without app.wasm.
//
// The choices are Go's, and only Go's: this script keeps no list of its own. It reads the reader's
// settings from local storage ("verbatim.settings", JSON: {theme, font, size, width, leading}),
// keeps the values the choices allow (the default for any other: an old or tampered entry), and sets
// them as data attributes on <html> (data-theme…), which verbatim.css reads. With nothing saved it
// sets nothing: the page is in its defaults. Local storage may throw (storage disabled, a sandboxed
// frame): the page then stays in its defaults.
//
// An embed (/embed/{id}) takes its theme from the partner's ?theme= parameter when it names a known
// theme: the partner page decides how the frame looks. An embed in a frame reads no saved settings:
// its storage is the partner's partition of it (browsers partition a third-party frame's storage),
// which no Verbatim control writes, and a page's first read of local storage is a synchronous call
// to the browser that blocks the main thread, which in a frame is often the partner's.
//
// window.verbatimSettings is the settings' API for web/page/reader.js, which runs the controls:
// read() gives the saved settings (valid, defaults filled in), apply(s) sets them on <html>, and
// save(s) applies and remembers them, returning false when the browser's storage refused them.
//
// It also owns the highlights' switch, <html data-highlights="off"> (verbatim.css hides the quote
// marks' colours under it) and the aria-pressed of the reader's highlights buttons:
// verbatimSettings.highlightsShown() and showHighlights(shown), which reader.js calls. Because this
// script runs before the article is parsed, the h key works from the moment its markup is: until
// reader.js (deferred) has started and handles keys itself (window.verbatimReader), h is handled
// here, on the same conditions as reader.js's (no modifier, not in a form field or editable text,
// a reader on the page, or on its way: see readerPage).
(function () {
  "use strict";
  var KEY = "verbatim.settings";
  var root = document.documentElement;
  var choices = null;
  try {
    var source = document.getElementById("verbatim-settings-choices");
    choices = source ? JSON.parse(source.textContent) : null;
  } catch (err) {
    choices = null;
  }
  var size = choices && choices.size;
  var lists = choices ? Object.keys(choices).filter(function (k) { return Array.isArray(choices[k]) && choices[k].length > 0; }) : [];

  var embed = window.location.pathname.indexOf("/embed/") === 0;
  var framedEmbed = embed && window.parent !== window;
  var embedTheme = null;
  if (choices && Array.isArray(choices.theme) && embed) {
    var wanted = new URLSearchParams(window.location.search).get("theme");
    if (choices.theme.indexOf(wanted) >= 0) {
      embedTheme = wanted;
    }
  }

  // valid returns s with every value the choices allow, and the default in place of any other.
  function valid(s) {
    var out = {};
    s = s && typeof s === "object" ? s : {};
    lists.forEach(function (k) {
      out[k] = choices[k].indexOf(s[k]) >= 0 ? s[k] : choices[k][0];
    });
    if (size) {
      var n = s.size;
      out.size = typeof n === "number" && n % 1 === 0 && n >= size.min && n <= size.max ? n : size["default"];
    }
    return out;
  }

  function stored() {
    if (framedEmbed) {
      return null;
    }
    try {
      return JSON.parse(window.localStorage.getItem(KEY) || "null");
    } catch (err) {
      return null;
    }
  }

  function read() {
    return choices ? valid(stored()) : null;
  }

  function apply(s) {
    if (!choices) {
      return;
    }
    s = valid(s);
    if (embedTheme) {
      s.theme = embedTheme;
    }
    Object.keys(s).forEach(function (k) {
      root.setAttribute("data-" + k, String(s[k]));
    });
  }

  function save(s) {
    if (!choices) {
      return false;
    }
    s = valid(s);
    apply(s);
    try {
      window.localStorage.setItem(KEY, JSON.stringify(s));
      return true;
    } catch (err) {
      return false;
    }
  }

  function highlightsShown() {
    return root.getAttribute("data-highlights") !== "off";
  }

  // showHighlights writes only what changes: a page whose markup already says the state (the
  // prerendered page) costs the browser no style recalculation.
  function showHighlights(shown) {
    if (shown) {
      root.removeAttribute("data-highlights");
    } else if (root.getAttribute("data-highlights") !== "off") {
      root.setAttribute("data-highlights", "off");
    }
    document.querySelectorAll('[data-reader] [data-action="highlights"]').forEach(function (b) {
      if (b.getAttribute("aria-pressed") !== String(shown)) {
        b.setAttribute("aria-pressed", String(shown));
      }
    });
  }

  // readerPage is true on the pages whose markup is a reader (/article/…, /embed/…): while such a
  // page is still being parsed, an h pressed before its reader's markup arrived is already the
  // reader's (the marks are painted in the chosen state).
  var readerPage = /^\/(article|embed)\//.test(window.location.pathname);

  document.addEventListener("keydown", function (e) {
    var t = e.target;
    if (window.verbatimReader || e.key !== "h" || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented ||
      (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) ||
      !(document.querySelector("[data-reader]") || (readerPage && document.readyState === "loading"))) {
      return;
    }
    e.preventDefault();
    showHighlights(!highlightsShown());
  });

  window.verbatimSettings = {
    choices: choices, read: read, apply: apply, save: save,
    highlightsShown: highlightsShown, showHighlights: showHighlights,
  };

  var saved = stored();
  if (saved && typeof saved === "object") {
    apply(saved);
  } else if (embedTheme) {
    root.setAttribute("data-theme", embedTheme);
  }
})();
