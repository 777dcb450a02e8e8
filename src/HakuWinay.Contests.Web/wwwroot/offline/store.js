// The device's store of field work (docs/decisions/036-offline-field-work.md), in IndexedDB:
//  - packages: what a juror prepared for a contest, keyed "<owner>:juror:<contest>" (with the
//    attachments saved on request), and a Technician's open visits, keyed "<owner>:visits";
//  - outbox: each scorecard, conflict or visit report (its photos as Blobs) submitted offline, under the id made on the device, until the server
//    has it (state "sent") or refused it (state "refused", kept until the user discards it);
//  - drafts: what is typed in a scorecard or a visit report (and its photos) before it is submitted;
//  - meta: "owner", the account the data belongs to (checked against the session when online).
const name = 'haku-field';
let opening;

export function open() {
    opening ??= new Promise((resolve, reject) => {
        const request = indexedDB.open(name, 1);
        request.onupgradeneeded = () => {
            const db = request.result;
            db.createObjectStore('packages', { keyPath: 'key' });
            db.createObjectStore('outbox', { keyPath: 'id' });
            db.createObjectStore('drafts', { keyPath: 'key' });
            db.createObjectStore('meta', { keyPath: 'key' });
        };
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
    });
    return opening;
}

function done(request) {
    return new Promise((resolve, reject) => {
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
    });
}

async function store(storeName, mode = 'readonly') {
    return (await open()).transaction(storeName, mode).objectStore(storeName);
}

export async function get(storeName, key) {
    return done((await store(storeName)).get(key));
}

export async function all(storeName) {
    return done((await store(storeName)).getAll());
}

export async function put(storeName, value) {
    return done((await store(storeName, 'readwrite')).put(value));
}

export async function remove(storeName, key) {
    return done((await store(storeName, 'readwrite')).delete(key));
}

export async function owner() {
    return (await get('meta', 'owner'))?.userId ?? null;
}

/** Items of this owner the server does not have yet (queued, or sent and not answered). */
export async function unsent(userId) {
    return (await all('outbox')).filter(i => i.owner === userId && i.state === 'queued');
}

/** Everything of every account: signing out, or the device found another account signed in. */
export async function wipe() {
    const db = await open();
    const tx = db.transaction(['packages', 'outbox', 'drafts', 'meta'], 'readwrite');
    for (const s of ['packages', 'outbox', 'drafts', 'meta']) {
        tx.objectStore(s).clear();
    }
    return new Promise((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
    });
}

/** Another account signed in: its predecessor's prepared material goes; their unsent items stay sealed (never shown) for them. */
export async function adopt(userId) {
    const previous = await owner();
    if (previous && previous !== userId) {
        for (const p of await all('packages')) {
            await remove('packages', p.key);
        }
        for (const d of await all('drafts')) {
            await remove('drafts', d.key);
        }
    }
    await put('meta', { key: 'owner', userId });
}

/** The session as the server sees it: { userId, roles, token }, or null when signed out (or no network). */
export async function session() {
    if (!navigator.onLine) {
        return null;
    }
    try {
        const response = await fetch('/api/field/session', { credentials: 'same-origin', headers: { Accept: 'application/json' } });
        return response.ok ? await response.json() : null;
    } catch {
        return null;
    }
}

/**
 * Sends one outbox item with fetch(url, init) and keeps the server's answer on it, in the outbox:
 * "sent", or "refused" with the messages (for a 404 or 413, which come with none, those of
 * unavailable(status)). Returns "done", "retry" (409 being applied, 429, 5xx: it stays queued),
 * "offline" (no network: stop for now) or "signIn" (401).
 */
export async function send(item, url, init, unavailable) {
    let response;
    try {
        response = await fetch(url, { method: 'POST', credentials: 'same-origin', ...init });
    } catch {
        return 'offline';
    }
    if (response.status === 200) {
        const answer = await response.json();
        item.state = answer.state === 'accepted' ? 'sent' : 'refused';
        item.messages = answer.messages;
    } else if (response.status === 422 || response.status === 404 || response.status === 413) {
        item.state = 'refused';
        item.messages = response.status === 422 ? (await response.json()).messages : unavailable(response.status);
    } else {
        return response.status === 401 ? 'signIn' : 'retry';
    }
    item.answeredAt = new Date().toISOString();
    await put('outbox', item);
    return 'done';
}

export function bytesOf(value) {
    return new Blob([JSON.stringify(value)]).size;
}
