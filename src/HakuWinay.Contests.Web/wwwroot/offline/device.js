// What every portal page does for work without signal (docs/decisions/036-offline-field-work.md):
// answers "Preparar para el campo" (data-field-prepare) by storing the package of its panel in
// IndexedDB (a juror's contest, or with data-field-kind="visits" a Technician's open visits), installing
// the service worker, and saying what is stored (data-field-status); and it wipes
// the device's field data when the account signs out, after a warning when something is unsent.
// Texts come from the page (data attributes rendered in the user's language).
import * as store from './store.js';

// The worker is installed by the first preparation, not on every visit: only devices that work in
// the field get one, and every other browser talks to the portal exactly as before.
function install() {
    return 'serviceWorker' in navigator
        ? navigator.serviceWorker.register('/sw.js', { scope: '/' }).then(() => navigator.serviceWorker.ready)
        : Promise.reject(new Error('no service worker'));
}

function format(text, ...args) {
    return (text ?? '').replace(/\{(\d+)\}/g, (_, i) => args[Number(i)] ?? '');
}

function size(bytes) {
    return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

// What each kind of panel stores: where its package comes from, under which key, and how many items it holds.
const kinds = {
    juror: {
        url: panel => `/api/field/contests/${panel.dataset.fieldPanel}`,
        key: (owner, panel) => `${owner}:juror:${panel.dataset.fieldPanel}`,
        count: data => data.scorecards.length,
    },
    visits: {
        url: () => '/api/field/visits',
        key: owner => `${owner}:visits`,
        count: data => data.visits.length,
    },
};

function kindOf(panel) {
    return kinds[panel.dataset.fieldKind ?? 'juror'];
}

async function show(panel) {
    const status = panel.querySelector('[data-field-status]');
    const kind = kindOf(panel);
    const stored = (await store.owner()) === panel.dataset.owner ? await store.get('packages', kind.key(panel.dataset.owner, panel)) : null;
    if (!stored) {
        status.textContent = panel.dataset.textNone;
        status.dataset.state = 'none';
        return;
    }
    // Attachments saved on request (extras.js) count with the package they belong to.
    const files = (await store.all('packages')).filter(f => f.kind === 'attachment' && f.owner === panel.dataset.owner && String(f.contestId) === panel.dataset.fieldPanel);
    const bytes = stored.bytes + files.reduce((sum, f) => sum + f.bytes, 0);
    status.dataset.bytes = String(bytes);
    let space = size(bytes);
    if (navigator.storage?.estimate) {
        const estimate = await navigator.storage.estimate();
        space = format(panel.dataset.textSpace, space, size(estimate.usage ?? 0), size(estimate.quota ?? 0));
    }
    status.textContent = format(panel.dataset.textStored, kind.count(stored.package), space, stored.package.validUntil);
    status.dataset.state = 'stored';
    status.dataset.items = String(kind.count(stored.package));
}

async function prepare(panel, button) {
    const status = panel.querySelector('[data-field-status]');
    button.disabled = true;
    status.textContent = panel.dataset.textPreparing;
    status.dataset.state = 'preparing';
    try {
        const kind = kindOf(panel);
        const response = await fetch(kind.url(panel), { credentials: 'same-origin', headers: { Accept: 'application/json' } });
        if (!response.ok) {
            throw new Error(`HTTP ${response.status}`);
        }
        const data = await response.json();
        if (data.owner !== panel.dataset.owner) {
            throw new Error('owner');
        }
        await store.adopt(data.owner);
        await store.put('packages', { key: kind.key(data.owner, panel), owner: data.owner, kind: panel.dataset.fieldKind ?? 'juror', package: data, bytes: store.bytesOf(data), storedAt: new Date().toISOString() });
        await install();
        await show(panel);
    } catch {
        status.textContent = panel.dataset.textFailed;
        status.dataset.state = 'failed';
    } finally {
        button.disabled = false;
    }
}

document.addEventListener('click', event => {
    const button = event.target instanceof Element ? event.target.closest('[data-field-prepare]') : null;
    const panel = button?.closest('[data-field-panel]');
    if (panel) {
        prepare(panel, button);
    }
});

// Signing out takes the device's field data with it; unsent work is named first and kept if the user goes back.
document.addEventListener('submit', event => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.action.endsWith('/account/logout') || form.dataset.fieldWiped === 'true') {
        return;
    }
    event.preventDefault();
    (async () => {
        const userId = await store.owner();
        const unsent = userId ? await store.unsent(userId) : [];
        if (unsent.length > 0 && !window.confirm(format(form.dataset.unsentWarning, unsent.length))) {
            return;
        }
        await store.wipe();
        form.dataset.fieldWiped = 'true';
        form.submit();
    })().catch(() => form.submit());
}, true);

const shown = new WeakSet();
function scan() {
    document.querySelectorAll('[data-field-panel]').forEach(panel => {
        if (!shown.has(panel)) {
            shown.add(panel);
            show(panel).catch(() => { });
        }
    });
}
new MutationObserver(scan).observe(document.documentElement, { subtree: true, childList: true });
scan();
