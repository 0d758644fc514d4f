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
(function () {
  "use strict";
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
  var root = document.documentElement;
  root.setAttribute("data-theme", pick(saved.theme, ["auto", "light", "dark", "sepia"]));
  root.setAttribute("data-font", pick(saved.font, ["serif", "sans", "legible"]));
  root.setAttribute("data-size", String(size));
  root.setAttribute("data-width", pick(saved.width, ["medium", "narrow", "wide"]));
  root.setAttribute("data-leading", pick(saved.leading, ["normal", "tight", "loose"]));
})();
