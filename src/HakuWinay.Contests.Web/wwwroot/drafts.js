// The browser's copy of what is typed in the four editors that must not lose a keystroke
// (scorecard, profile editor, expense form, visit report; docs/decisions/026-circuit-state.md).
// A form opts in with data-draft-key="<kind>:<record>:<user>"; every field with an id inside it is
// copied to sessionStorage as it is typed, with the value it had before (its base). The copy
// outlives a lost circuit, a restarted server and a reload of the tab, never the tab itself, and
// is dropped on signing out. When the form is rendered anew (a reload, a resumed circuit):
//  - a field now showing the typed value: saved, the copy is dropped;
//  - a field still showing its base: the typing never arrived; it is put back and sent again;
//  - a field showing something else: someone saved another value meanwhile; the typed text is
//    not written over it, and is shown above the form with data-draft-conflict-text.
// data-draft-live="false" waits for the page to be interactive (a prerendered form); data-draft-version changing means
// a save went through: copies of fields not being typed in and already showing their value go;
// data-draft-reset drops the form's copy (a form that was just recorded).
const prefix = 'haku-draft:';
const done = new WeakSet();
const versions = new WeakMap();

function read(key) {
    try {
        return JSON.parse(sessionStorage.getItem(prefix + key) ?? '{}');
    } catch {
        return {};
    }
}

function write(key, fields) {
    if (Object.keys(fields).length === 0) {
        sessionStorage.removeItem(prefix + key);
    } else {
        sessionStorage.setItem(prefix + key, JSON.stringify(fields));
    }
}

function field(form, id) {
    const element = document.getElementById(id);
    return element && form.contains(element) && 'value' in element ? element : null;
}

function formOf(target) {
    return target instanceof Element && target.id ? target.closest('[data-draft-key]') : null;
}

function remember(event) {
    const form = formOf(event.target);
    if (!form || event.target.type === 'file' || event.target.type === 'password') {
        return;
    }
    const fields = read(form.dataset.draftKey);
    const entry = fields[event.target.id] ?? { base: event.target.dataset.draftBase ?? event.target.defaultValue ?? '' };
    entry.value = event.target.value;
    fields[event.target.id] = entry;
    write(form.dataset.draftKey, fields);
}

// The value a field shows before it is typed in: its base if a copy starts now.
function noteBase(event) {
    const form = formOf(event.target);
    if (form && !(event.target.id in read(form.dataset.draftKey))) {
        event.target.dataset.draftBase = event.target.value;
    }
}

function restore(form) {
    const key = form.dataset.draftKey;
    if ('draftReset' in form.dataset) {
        write(key, {});
        return;
    }
    const fields = read(key);
    const refused = [];
    for (const [id, entry] of Object.entries(fields)) {
        const element = field(form, id);
        if (!element || element.value === entry.value) {
            delete fields[id];
        } else if (element.value === entry.base) {
            element.value = entry.value;
            element.dispatchEvent(new Event('input', { bubbles: true }));
            element.dispatchEvent(new Event('change', { bubbles: true }));
        } else {
            refused.push(entry.value);
            delete fields[id];
        }
    }
    write(key, fields);
    if (refused.length > 0) {
        const note = document.createElement('div');
        note.className = 'alert alert-warning';
        note.setAttribute('role', 'alert');
        note.dataset.testid = 'browser-draft-conflict';
        note.textContent = `${form.dataset.draftConflictText ?? ''} ${refused.map(v => `«${v}»`).join(' ')}`;
        form.before(note);
    }
}

function acknowledge(form) {
    const fields = read(form.dataset.draftKey);
    for (const [id, entry] of Object.entries(fields)) {
        const element = field(form, id);
        if (!element || (element !== document.activeElement && element.value === entry.value)) {
            delete fields[id];
        }
    }
    write(form.dataset.draftKey, fields);
}

function scan() {
    for (const form of document.querySelectorAll('[data-draft-key]')) {
        if ('draftLive' in form.dataset && form.dataset.draftLive !== 'true') {
            continue;
        }
        if (!done.has(form)) {
            done.add(form);
            versions.set(form, form.dataset.draftVersion);
            restore(form);
        } else if (versions.get(form) !== form.dataset.draftVersion) {
            versions.set(form, form.dataset.draftVersion);
            acknowledge(form);
        }
    }
}

document.addEventListener('focusin', noteBase, true);
document.addEventListener('input', remember, true);
document.addEventListener('change', remember, true);
// Signing out ends every copy: the next person on this tablet finds nothing.
document.addEventListener('submit', event => {
    if (event.target instanceof HTMLFormElement && event.target.action.endsWith('/account/logout')) {
        Object.keys(sessionStorage).filter(k => k.startsWith(prefix)).forEach(k => sessionStorage.removeItem(k));
    }
}, true);
new MutationObserver(scan).observe(document.documentElement, {
    subtree: true, childList: true, attributes: true, attributeFilter: ['data-draft-live', 'data-draft-version', 'data-draft-key'],
});
scan();
