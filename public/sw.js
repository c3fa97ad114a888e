// Service worker: precaches the app, the wasm and the trust files so that
// after one visit the portal loads and verifies with no network. The
// post-build step (web/precache.py) fills in the file list and version.
const VERSION = "__VERSION__";
const PRECACHE = ["__PRECACHE__"];
const CACHE = `zz-verify-${VERSION}`;
// Trust data changes without a new build: try the network first for it.
const NETWORK_FIRST = /\/trust\/([a-z0-9-]+\/)*(roots\.txt|bundle\.zzb|sm2-roots\.pem|site\.json|authorities\.json)$/;
// Kept when first fetched: only the workers, the QR decoder (loaded on
// first scan) and the OFD verifier (on the first OFD file), and the staff
// pages (counter, log, settings: when one is first opened); their files
// are named by content and covered by VERSION. Nothing else that is not
// precached is stored.
const RUNTIME = /\/zz-(decoder|ofd|staff)(-[0-9a-f]{16})?(_loader|_bg)?\.(js|wasm)$/;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll(PRECACHE)).then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("zz-verify-") && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  if (NETWORK_FIRST.test(new URL(request.url).pathname)) {
    event.respondWith(
      fetch(request)
        .then((response) => {
          if (response.ok) {
            const copy = response.clone();
            caches.open(CACHE).then((cache) => cache.put(request, copy));
          }
          return response;
        })
        .catch(() => caches.match(request)),
    );
    return;
  }
  // Cache first; the QR decoder, loaded on first scan, is kept for the
  // next time, offline included.
  const keep = RUNTIME.test(new URL(request.url).pathname);
  event.respondWith(
    caches.match(request, { ignoreSearch: request.mode === "navigate" }).then((hit) => {
      if (hit) return hit;
      return fetch(request)
        .then((response) => {
          if (response.ok && keep) {
            const copy = response.clone();
            caches.open(CACHE).then((cache) => cache.put(request, copy));
          }
          return response;
        })
        .catch(() => (request.mode === "navigate" ? caches.match("./index.html") : Response.error()));
    }),
  );
});
