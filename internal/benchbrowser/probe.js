// The bench's probe: Chromium evaluates it in every document of a measured tab, frames included,
// before the page's own scripts. It reports through the __verbatimBench binding (Runtime.addBinding)
// as JSON: each time is in milliseconds since the Unix epoch (performance.timeOrigin plus the
// entry's time), so that a frame's times and the top document's compare.
(() => {
  const send = globalThis.__verbatimBench;
  if (typeof send !== "function") return;
  const top = window === window.top;
  const post = (kind, t, extra) => {
    try {
      send(JSON.stringify(Object.assign({kind, top, url: location.href, at: performance.timeOrigin + t}, extra)));
    } catch (e) {}
  };
  post("start", 0, {controlled: !!(navigator.serviceWorker && navigator.serviceWorker.controller)});
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.name === "first-contentful-paint") post("fcp", e.startTime);
    }).observe({type: "paint", buffered: true});
  } catch (e) {}
  if (!top) return;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) post("longtask", e.startTime, {duration: e.duration});
    }).observe({type: "longtask", buffered: true});
  } catch (e) {}
  addEventListener("load", () => post("load", performance.now()));

  // The measurement's ready condition, when it gave one (a script added after this one defines it).
  const tick = () => {
    const ready = globalThis.__verbatimBenchReady;
    if (typeof ready !== "function") return;
    let ok = false;
    try { ok = !!ready(); } catch (e) {}
    if (ok) post("ready", performance.now());
    else setTimeout(tick, 10);
  };
  setTimeout(tick, 0);

  // The first handled "h": the highlights' state (reader.js writes it on <html data-highlights>)
  // changes after the page received its first keydown. The state is read at that first keydown, in
  // the capture phase at the window, before any handler of the page.
  const hidden = () => !!document.querySelector('html[data-highlights="off"]');
  let before = null, done = false;
  addEventListener("keydown", (e) => {
    if (before !== null) return;
    before = hidden();
    post("key", performance.now(), {waited: Math.max(0, performance.now() - e.timeStamp)});
  }, true);
  new MutationObserver(() => {
    if (done || before === null || hidden() === before) return;
    done = true;
    post("handled", performance.now());
  }).observe(document, {subtree: true, childList: true, attributes: true, attributeFilter: ["data-highlights"]});
})();
