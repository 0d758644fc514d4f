// Verbatim's service worker: go-app fills this template (Handler.ServiceWorkerTemplate), which
// app.NewHandler reads from web/worker/service-worker.js, and serves it as /app-worker.js.
// Version {{.Version}}. web/page/offline.js registers it and shows its banners.
//
// Three caches, squoosh style: a static shell cache named after the version (deleted when a new
// version activates); a content cache for article JSON, pages and images that outlives versions
// (bounded, oldest first); and "verbatim-saved", the pages the reader saved for offline, which
// offline.js fills and empties and this worker never evicts nor deletes. The saved articles'
// JSON lives in IndexedDB (offline.js's window.verbatimStore), out of reach of any cache eviction.
const VERSION = "{{.Version}}";
const SHELL_CACHE = "verbatim-shell-" + VERSION;
const CONTENT_CACHE = "verbatim-content-v1";
const SAVED_CACHE = "verbatim-saved";
const CONTENT_LIMIT = 200;
const SHELL_URLS = {{.ResourcesToCache}};

// Images from other origins (a newsroom's image host) are fetched by the worker only where the
// worker's own Content-Security-Policy (its script's header: connect-src, else default-src) lets it.
// A fetch the policy blocks fails, and an image the worker had taken over would then break even
// online, so the worker leaves such images to the browser (shown online, not kept offline). It reads
// its policy from its own script when it installs, and keeps the answer in the shell cache, so that
// it knows it offline too.
const POLICY_KEY = "/verbatim-worker-policy.json";
let crossOriginImages = { "http:": false, "https:": false };
caches
  .match(POLICY_KEY, { cacheName: SHELL_CACHE })
  .then((r) => (r ? r.json() : null))
  .then((p) => {
    if (p) {
      crossOriginImages = p;
    }
  })
  .catch(() => {});

self.addEventListener("install", (event) => {
  event.waitUntil(
    Promise.all([
      caches.open(SHELL_CACHE).then((cache) => cache.addAll(SHELL_URLS)),
      readPolicy(),
    ])
  );
  // A first install activates at once; an update waits until the page asks (the "Update available"
  // banner's reload button posts "skip-waiting").
});

self.addEventListener("message", (event) => {
  if (event.data && event.data.type === "skip-waiting") {
    self.skipWaiting();
  }
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys
            .filter((key) => key !== SHELL_CACHE && key !== CONTENT_CACHE && key !== SAVED_CACHE)
            .map((key) => caches.delete(key))
        )
      )
      .then(() => self.clients.claim())
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") {
    return;
  }
  const url = new URL(request.url);
  const sameOrigin = url.origin === self.location.origin;

  if (request.mode === "navigate" && sameOrigin) {
    event.respondWith(navigation(event, url));
    return;
  }
  // The server's answers (/api/search) are for now: never cached, offline they fail and the page
  // says so.
  if (sameOrigin && url.pathname.startsWith("/api/")) {
    return;
  }
  if (sameOrigin && url.pathname.startsWith("/articles/")) {
    event.respondWith(networkFirst(event));
    return;
  }
  // The app's own files, images among them (the Frame's icon), are the shell's: an icon asked for
  // while the server is down is answered by the shell's copy.
  if (sameOrigin && /^\/(v\/[^/]+\/)?web\//.test(url.pathname)) {
    event.respondWith(shellFirst(event, url));
    return;
  }
  if (request.destination === "image" && (sameOrigin || crossOriginImages[url.protocol])) {
    event.respondWith(cacheFirst(event, CONTENT_CACHE));
    return;
  }
  if (sameOrigin) {
    event.respondWith(shellFirst(event, url));
  }
});

// readPolicy learns from the worker script's own response which image URLs of other origins the
// worker may fetch, and keeps the answer in the shell cache. A failure only leaves them to the
// browser.
async function readPolicy() {
  try {
    const response = await fetch(self.location.href, { cache: "no-store" });
    crossOriginImages = fetchAllowed(response.headers.get("Content-Security-Policy") || "");
    const cache = await caches.open(SHELL_CACHE);
    await cache.put(
      POLICY_KEY,
      new Response(JSON.stringify(crossOriginImages), {
        headers: { "Content-Type": "application/json" },
      })
    );
  } catch (err) {
    console.warn("verbatim worker: could not read its policy", err && err.name);
  }
}

// fetchAllowed returns, for http: and https: URLs of other origins, whether the policies (one
// header, or several joined by commas) all let a worker fetch them.
function fetchAllowed(header) {
  const allowed = { "http:": true, "https:": true };
  for (const policy of header.split(",")) {
    const directives = {};
    for (const directive of policy.split(";")) {
      const [name, ...sources] = directive.trim().toLowerCase().split(/\s+/);
      if (name && !(name in directives)) {
        directives[name] = sources;
      }
    }
    const sources = directives["connect-src"] || directives["default-src"];
    if (!sources) {
      continue;
    }
    const https = sources.includes("https:") || sources.includes("http:") || sources.includes("*");
    const http = sources.includes("http:");
    allowed["https:"] = allowed["https:"] && https;
    allowed["http:"] = allowed["http:"] && http;
  }
  return allowed;
}

// navigation serves pages from the network and keeps a copy (in the saved pages too, when the page
// is saved there, so that a saved page follows the server's). Offline it falls back, in order, to
// the saved copy of the page, the copy kept when it was last opened, the shell's copy (precached,
// like /import), and last the cached shell "/", whose app.wasm renders the route from the URL (an
// imported article, from the browser's store). The page streams to the browser while its copies
// are written.
async function navigation(event, url) {
  const key = url.origin + url.pathname + url.search;
  try {
    const response = await fetch(event.request);
    if (response.ok) {
      const copy = response.clone();
      const saved = response.clone();
      event.waitUntil(put(CONTENT_CACHE, key, copy).then(() => refreshSaved(url, saved)));
    }
    return response;
  } catch (err) {
    const cached =
      (await caches.match(url.origin + url.pathname, { cacheName: SAVED_CACHE, ignoreSearch: true })) ||
      (await caches.match(key, { cacheName: CONTENT_CACHE })) ||
      (await caches.match(key, { cacheName: SHELL_CACHE })) ||
      (await caches.match("/", { cacheName: SHELL_CACHE }));
    if (cached) {
      return cached;
    }
    throw err;
  }
}

// refreshSaved replaces the saved copy of the page at url, if there is one, with response: online,
// a saved page is kept as the server serves it now, with the current version's scripts.
async function refreshSaved(url, response) {
  try {
    const saved = await caches.open(SAVED_CACHE);
    const key = url.origin + url.pathname;
    if (await saved.match(key)) {
      await saved.put(key, response);
    }
  } catch (err) {
    console.warn("verbatim worker: could not refresh a saved page", url.pathname, err && err.name);
  }
}

// A request made with cache: "no-store" (export.js reading every article of the library) is not
// kept: it would push the pages the reader opened out of the bounded content cache. Offline, it is
// still answered from that cache.
async function networkFirst(event) {
  const request = event.request;
  try {
    const response = await fetch(request);
    if (response.ok && request.cache !== "no-store") {
      event.waitUntil(put(CONTENT_CACHE, request, response.clone()));
    }
    return response;
  } catch (err) {
    const cached = await caches.match(request, { cacheName: CONTENT_CACHE });
    if (cached) {
      return cached;
    }
    throw err;
  }
}

async function cacheFirst(event, cacheName) {
  const request = event.request;
  const cached = await caches.match(request, { cacheName: cacheName });
  if (cached) {
    return cached;
  }
  const response = await fetch(request);
  if (response.ok || response.type === "opaque") {
    event.waitUntil(put(cacheName, request, response.clone()));
  }
  return response;
}

// shellFirst serves the app's own files: the shell's copy, else the content cache's, else the
// network's (kept). A page kept in an older version (a saved page, say) asks for its scripts, style
// and fonts under that version's path, /v/{old}/web/…, and the Frame for its icon at /web/…:
// offline, when no cache has the file, the current shell's copy of the same /web/ file answers, so
// the page keeps its reading features.
async function shellFirst(event, url) {
  const cached = await caches.match(event.request, { cacheName: SHELL_CACHE });
  if (cached) {
    return cached;
  }
  try {
    return await cacheFirst(event, CONTENT_CACHE);
  } catch (err) {
    const current = await currentCopy(url);
    if (current) {
      return current;
    }
    throw err;
  }
}

// unversioned returns a path without its version prefix: /v/{version}/web/x → /web/x.
function unversioned(pathname) {
  return pathname.replace(/^\/v\/[^/]+(?=\/web\/)/, "");
}

// currentCopy returns this version's shell copy of the /web/ file at url, asked for under another
// version or none, if the shell has one.
async function currentCopy(url) {
  const path = unversioned(url.pathname);
  const match = SHELL_URLS.find((u) => {
    const p = new URL(u, self.location.origin).pathname;
    return p !== url.pathname && unversioned(p) === path;
  });
  return match ? caches.match(match, { cacheName: SHELL_CACHE }) : undefined;
}

// put stores a response and keeps the content cache under its limit, oldest entries first. A full
// quota only costs the copy: the response is still served.
async function put(cacheName, key, response) {
  try {
    const cache = await caches.open(cacheName);
    await cache.put(key, response);
    if (cacheName === CONTENT_CACHE) {
      const keys = await cache.keys();
      for (let i = 0; i < keys.length - CONTENT_LIMIT; i++) {
        await cache.delete(keys[i]);
      }
    }
  } catch (err) {
    console.warn("verbatim worker: could not cache", String(key), err && err.name);
  }
}
