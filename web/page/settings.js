// Verbatim's reader settings, applied before the first paint. go-app loads this file with a plain
// <script src> in <head> (Handler.Scripts, neither defer nor async), so it runs before the body is
// painted: a reader who chose the dark or sepia theme, a font or a size never sees the light page
// first, even before app.wasm runs (and with app.wasm disabled). The CSP forbids inline scripts,
// hence a file of its own.
//
// It reads what components.SaveSettings wrote to local storage ("verbatim.settings", JSON) and sets
// the same data attributes on <html> that components.ApplySettings sets, keeping only the values
// verbatim.css knows. With nothing saved it sets nothing: the page is in its default (auto) theme.
// Local storage may throw (a sandboxed frame, storage disabled): the page then stays in its default.
//
// An embed (/embed/{id}) takes its theme from the partner's ?theme= parameter instead, when it names
// a known theme: the partner page decides how the frame looks (components.LoadSettings does the same
// once app.wasm runs).
(function () {
  "use strict";
  var themes = ["auto", "light", "dark", "sepia"];
  var root = document.documentElement;
  if (window.location.pathname.indexOf("/embed/") === 0) {
    var wanted = new URLSearchParams(window.location.search).get("theme");
    if (themes.indexOf(wanted) >= 0) {
      root.setAttribute("data-theme", wanted);
      themes = [wanted];
    }
  }
  var saved;
  try {
    saved = JSON.parse(window.localStorage.getItem("verbatim.settings") || "null");
  } catch (err) {
    return;
  }
  if (!saved || typeof saved !== "object") {
    return;
  }
  function pick(value, choices) {
    return choices.indexOf(value) >= 0 ? value : choices[0];
  }
  var size = saved.size;
  if (typeof size !== "number" || size % 1 !== 0 || size < 1 || size > 7) {
    size = 4;
  }
  root.setAttribute("data-theme", pick(saved.theme, themes));
  root.setAttribute("data-font", pick(saved.font, ["serif", "sans", "legible"]));
  root.setAttribute("data-size", String(size));
  root.setAttribute("data-width", pick(saved.width, ["medium", "narrow", "wide"]));
  root.setAttribute("data-leading", pick(saved.leading, ["normal", "tight", "loose"]));
})();
