// Rapporteur's service worker: the app opens with no network after the first
// visit. This file is a template: scripts/sw-manifest.sh (a Trunk post_build
// hook, see Trunk.toml) writes it into each build with the line below
// replaced by that build's version and every file of the build with its
// SHA-256, so a new deploy is a new worker with a new cache.
//
// - install: every file of the build is fetched past the HTTP cache, checked
//   against its digest and put in a cache of its own version,
//   `rapporteur-<version>`; one missing or different file (a deploy half
//   done) fails the install, and the browser tries again later. A version's
//   cache is therefore always one whole build.
// - fetch: the build's own files come from this version's cache only
//   (cache-first; never from another version, so the JavaScript and the wasm
//   it instantiates, in the page and in its workers, always belong
//   together). A navigation asks the network first and uses the answer when
//   it is this version's index.html; a different page means a newer deploy:
//   this version's page is served (it goes with the scripts served) and the
//   browser is asked to look for the new worker. With no network, the cached
//   page. Anything else (not part of the build) goes to the network as usual.
// - update: a new version installs beside the old one and waits while a
//   page of the old one is open (its workers are started later, and must get
//   the old files). The page offers "Reload to update" (boot.js), which sends
//   `skip-waiting`; otherwise the new version takes over when every tab of
//   the old one is closed. On activation, caches of other versions are
//   deleted.
// - debug builds (`trunk serve`, `make run`) write `caching: false`: the
//   worker caches nothing and answers nothing, so a rebuild shows at once.
const BUILD = { version: 'template', caching: false, assets: [] }; // written by scripts/sw-manifest.sh

const PREFIX = 'rapporteur-';
const CACHE = `${PREFIX}${BUILD.version}`;
const INDEX = new URL('./index.html', self.registration.scope).href;
/** How long a navigation waits for the network before the cached page. */
const NAVIGATION_TIMEOUT_MS = 4000;

/** Absolute URL of each file of the build → its SHA-256 (hex). */
const DIGESTS = new Map(BUILD.assets.map(([path, digest]) => [new URL(path, self.registration.scope).href, digest]));

async function sha256(buffer) {
  const digest = await crypto.subtle.digest('SHA-256', buffer);
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** Fetches one file of this build past the HTTP cache; rejects unless its bytes are this build's. */
async function fetchVerified(url) {
  const response = await fetch(url, { cache: 'no-store', credentials: 'same-origin' });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  const body = await response.arrayBuffer();
  const digest = await sha256(body);
  if (digest !== DIGESTS.get(url)) throw new Error(`${url} is not the file of version ${BUILD.version}`);
  return new Response(body, { status: 200, statusText: 'OK', headers: response.headers });
}

async function precache() {
  const cache = await caches.open(CACHE);
  try {
    await Promise.all(
      [...DIGESTS.keys()].map(async (url) => {
        // A file already cached under this version was checked when it was put there.
        if (await cache.match(url)) return;
        await cache.put(url, await fetchVerified(url));
      }),
    );
  } catch (error) {
    await caches.delete(CACHE);
    throw error;
  }
}

self.addEventListener('install', (event) => {
  if (BUILD.caching) event.waitUntil(precache());
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(names.filter((name) => name.startsWith(PREFIX) && name !== CACHE).map((name) => caches.delete(name)));
    })(),
  );
});

self.addEventListener('message', (event) => {
  if (event.data?.type === 'skip-waiting') self.skipWaiting();
});

/** A file of this build: from this version's cache; if the cache lost it, from the network only if it is still this version's. */
async function versioned(url) {
  const cached = await caches.match(url, { cacheName: CACHE });
  if (cached) return cached;
  try {
    const response = await fetchVerified(url);
    const cache = await caches.open(CACHE);
    await cache.put(url, response.clone());
    return response;
  } catch {
    return new Response(`Rapporteur ${BUILD.version} cannot load ${url}: it is not cached and the network has no copy of this version. Reload the page.`, {
      status: 503,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    });
  }
}

async function navigation(request) {
  const cached = await caches.match(INDEX, { cacheName: CACHE });
  if (!cached) return fetch(request);
  try {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), NAVIGATION_TIMEOUT_MS);
    const response = await fetch(request, { cache: 'no-store', signal: controller.signal });
    const body = await response.arrayBuffer();
    clearTimeout(timer);
    if (response.ok && (await sha256(body)) === DIGESTS.get(INDEX)) {
      return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
    }
    if (response.ok) self.registration.update().catch(() => {});
    else if (response.status < 500) {
      return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
    }
  } catch {
    // No network, or too slow: the cached page.
  }
  return cached;
}

self.addEventListener('fetch', (event) => {
  if (!BUILD.caching || event.request.method !== 'GET') return;
  const url = new URL(event.request.url);
  url.hash = '';
  if (event.request.mode === 'navigate' && url.origin === self.location.origin) {
    event.respondWith(navigation(event.request));
  } else if (DIGESTS.has(url.href) && url.href !== INDEX) {
    event.respondWith(versioned(url.href));
  }
});
