// Zhibu service worker: makes the platform installable (add to home screen) and shows an offline notice.
// Pages are personal and live: they are always fetched from the network, never cached; only the shell's static
// files (CSS, scripts, icons) are cached.
const CACHE = 'zhibu-shell-v1';
const SHELL = ['/css/zhibu.css', '/js/zhibu.js', '/app/icon.svg', '/app/manifest.webmanifest'];
self.addEventListener('install', e => e.waitUntil(caches.open(CACHE).then(c => c.addAll(SHELL)).then(() => self.skipWaiting())));
self.addEventListener('activate', e => e.waitUntil(caches.keys().then(ks => Promise.all(ks.filter(k => k !== CACHE).map(k => caches.delete(k)))).then(() => self.clients.claim())));
self.addEventListener('fetch', e => {
  const url = new URL(e.request.url);
  if (e.request.method !== 'GET' || url.origin !== location.origin) return;
  if (SHELL.includes(url.pathname) || url.pathname.startsWith('/webjars/')) {
    e.respondWith(caches.match(e.request).then(hit => hit || fetch(e.request).then(r => {
      const copy = r.clone(); caches.open(CACHE).then(c => c.put(e.request, copy)); return r;
    })));
  } else if (e.request.mode === 'navigate') {
    e.respondWith(fetch(e.request).catch(() => new Response(
      '<!doctype html><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>支部</title>' +
      '<p style="font:1.1rem sans-serif;padding:2rem">网络不可用，请连接网络后重试。<br>No network: please try again when online.</p>',
      {headers: {'Content-Type': 'text/html; charset=utf-8'}})));
  }
});
