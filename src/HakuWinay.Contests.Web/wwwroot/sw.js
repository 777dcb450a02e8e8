// The portal's service worker (docs/decisions/036-offline-field-work.md). It keeps one thing: the
// offline field page and the files it needs, none of which holds anyone's data (that lives in
// IndexedDB, per account). Every other request goes to the network as if there were no worker:
// private pages and the API are never cached. A page asked for with no network gets the offline
// field page (a Technician's /technician pages: the offline visit reports), so whoever opens the
// portal in the field lands where their stored work is.
const shell = 'haku-field-shell-v2';
const files = [
    '/offline/field.html',
    '/offline/field.js',
    '/offline/field.css',
    '/offline/store.js',
    '/offline/extras.js',
    '/offline/dom.js',
    '/offline/visits.html',
    '/offline/visits.js',
    '/lib/bootstrap/dist/css/bootstrap.min.css',
    '/manifest.webmanifest',
    '/icons/icon-192.png',
];

self.addEventListener('install', event => {
    event.waitUntil(caches.open(shell).then(cache => cache.addAll(files.map(f => new Request(f, { cache: 'reload' })))).then(() => self.skipWaiting()));
});

self.addEventListener('activate', event => {
    event.waitUntil(caches.keys()
        .then(keys => Promise.all(keys.filter(k => k.startsWith('haku-field-') && k !== shell).map(k => caches.delete(k))))
        .then(() => self.clients.claim()));
});

self.addEventListener('fetch', event => {
    const request = event.request;
    if (request.method !== 'GET') {
        return;
    }
    const url = new URL(request.url);
    if (url.origin !== self.location.origin) {
        return;
    }
    if (files.includes(url.pathname)) {
        // The shell: fresh from the network when there is one (and kept), the stored copy when not.
        event.respondWith(fetch(request).then(response => {
            if (response.ok) {
                const copy = response.clone();
                caches.open(shell).then(cache => cache.put(url.pathname, copy));
            }
            return response;
        }).catch(() => caches.match(url.pathname)));
    } else if (request.mode === 'navigate') {
        // A Technician's pages fall back to their visit reports, everyone else's to the field scorecards.
        const page = url.pathname.startsWith('/technician') ? '/offline/visits.html' : '/offline/field.html';
        event.respondWith(fetch(request).catch(() => caches.match(page)));
    }
});
