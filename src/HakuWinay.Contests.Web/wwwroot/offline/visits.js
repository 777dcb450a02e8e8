// The Technician's offline visit reports (docs/decisions/036-offline-field-work.md, "Visit reports").
// It opens with no network (the service worker keeps it), reads the open visits the Technician
// prepared on this device ("<owner>:visits" in the packages store), lets them fill each report with
// the online form's rules and messages (VisitReportRules; the texts come in the package) and take
// its photos, each resized here before it is kept (a phone photo of 4 MB becomes ~300 KB). A report
// is queued in the outbox under an id made here, with its photos as Blobs, and sent as the online
// form would be (multipart) when there is a network: on opening, on "online", or by the button.
// Nothing leaves the outbox until the server has it or the Technician discards it knowingly.
import * as store from './store.js';
import { extras } from './extras.js';
import { el, format } from './dom.js';

const fallback = {
    es: { none: 'No hay nada preparado en este dispositivo. Con señal, abra «Mis visitas de seguimiento» y toque «Preparar para el campo».', offline: 'Sin conexión', online: 'Con conexión' },
    en: { none: 'Nothing is prepared on this device. With signal, open "My follow-up visits" and tap "Prepare for the field".', offline: 'Offline', online: 'Online' },
};
const base = fallback[(navigator.language || 'es').startsWith('en') ? 'en' : 'es'];
const ratings = ['Satisfactory', 'NeedsImprovement', 'Unsatisfactory'];
// Each field a rule names, and its label in the summary of what to correct.
const labels = {
    VisitedOn: 'Visits.VisitedOn', Rating: 'Visits.Rating', MembersPresent: 'Visits.MembersPresent', Jobs: 'Visits.Jobs',
    SalesToDate: 'Visits.SalesToDate', Progress: 'Visits.Progress', Observations: 'Visits.Observations', Photos: 'Visits.Photos',
};
// The longest edge a photo keeps, and its JPEG quality: enough to read a receipt or see a shed.
const photoEdge = 1600;
const photoQuality = 0.8;
const root = document.getElementById('field');
let owner = null;
let stored = null;
let outbox = [];
let texts = {};
let signInNeeded = false;
let syncing = false;
const ui = extras(el, t);
const shownUrls = [];

function t(key, ...args) {
    return format(texts[key] ?? key, ...args);
}

/** A text that is otherwise part of a sentence, as a sentence of its own. */
function sentence(text) {
    return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

function limaToday() {
    return new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Lima', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

function dayMonthYear(iso) {
    const [y, m, d] = iso.split('-');
    return `${d}/${m}/${y}`;
}

async function load() {
    owner = await store.owner();
    stored = owner ? (await store.get('packages', `${owner}:visits`)) ?? null : null;
    outbox = (await store.all('outbox')).filter(i => i.owner === owner && i.kind === 'visit');
    texts = stored?.package.texts ?? {};
}

function lastItem(visitId) {
    return outbox.filter(i => i.visitId === visitId).sort((a, b) => a.createdAt.localeCompare(b.createdAt)).at(-1);
}

function stateOf(visit) {
    const item = lastItem(visit.id);
    if (item?.state === 'queued') return ['queued', t('FieldSync.Queued'), 'text-bg-warning'];
    if (item?.state === 'sent') return ['sent', t('FieldSync.Sent'), 'text-bg-success'];
    if (item?.state === 'refused') return ['refused', t('FieldSync.Refused'), 'text-bg-danger'];
    return ['open', t('FieldSync.VisitToReport'), visit.status === 'Overdue' ? 'text-bg-danger' : 'text-bg-light border'];
}

function expired() {
    return Date.now() > Date.parse(stored.package.validUntilUtc);
}

function network() {
    const badge = document.querySelector('[data-testid=network-state]');
    badge.textContent = navigator.onLine ? (texts['FieldSync.Online'] ?? base.online) : (texts['FieldSync.Offline'] ?? base.offline);
    badge.className = navigator.onLine ? 'badge text-bg-success' : 'badge text-bg-secondary';
    badge.dataset.online = String(navigator.onLine);
}

function render() {
    network();
    shownUrls.splice(0).forEach(url => URL.revokeObjectURL(url));
    const match = location.hash.match(/^#visit-(\d+)$/);
    const visit = match && stored?.package.visits.find(v => v.id === Number(match[1]));
    root.replaceChildren(visit ? visitView(visit) : home());
}

/** After a sync or a change of network: the list is drawn again, an open form is left as typed. */
function refresh() {
    if (/^#visit-/.test(location.hash)) {
        network();
    } else {
        render();
    }
}

function home() {
    if (!stored) {
        return el('p', { class: 'alert alert-info', 'data-testid': 'nothing-prepared', text: base.none });
    }
    const p = stored.package;
    const queued = outbox.filter(i => i.state === 'queued').length;
    return el('div', {},
        el('h1', { class: 'h4', text: t('FieldSync.VisitsTitle') }),
        el('p', { class: 'small text-body-secondary', text: sentence(t('FieldSync.ValidUntil', p.validUntil)) }),
        expired() ? el('p', { class: 'alert alert-warning', text: t('FieldSync.Expired') }) : null,
        el('div', { class: 'd-flex flex-wrap gap-2 align-items-center mb-3', 'data-testid': 'sync-state', 'data-queued': String(queued), 'data-syncing': String(syncing) },
            el('span', { text: t('FieldSync.Pending', queued) }),
            el('button', { type: 'button', class: 'btn btn-outline-primary btn-sm', 'data-testid': 'sync-now', disabled: !navigator.onLine || syncing, text: t('FieldSync.SyncNow'), onclick: () => sync() })),
        signInNeeded ? el('p', { class: 'alert alert-warning', 'data-testid': 'sign-in-to-send' }, t('FieldSync.SignInToSend'), ' ', el('a', { href: '/account/login', text: '→' })) : null,
        p.visits.length === 0 ? el('p', { class: 'text-body-secondary', 'data-testid': 'visits-none', text: t('FieldSync.VisitsNone') }) : null,
        el('div', { class: 'list-group mb-4' }, p.visits.map(visit => {
            const [state, label, badge] = stateOf(visit);
            return el('a', { class: 'list-group-item list-group-item-action py-3', href: `#visit-${visit.id}`, 'data-testid': 'field-visit', 'data-visit': String(visit.id), 'data-state': state },
                el('div', { class: 'd-flex justify-content-between align-items-start gap-2' }, el('strong', { text: visit.group }), el('span', { class: `badge ${badge}`, text: label })),
                el('div', { class: 'small', text: visit.centroPoblado ?? '' }),
                el('div', { class: 'small text-body-secondary', text: `${visit.profileCode ?? ''} · ${t('Visits.Number', visit.order)}` }),
                el('div', { class: 'small fw-semibold', text: visit.scheduledOn ? t('Visits.DueOn', dayMonthYear(visit.scheduledOn)) : t('Visits.NotDatedYet') }));
        })),
        refusedView());
}

function refusedView() {
    const refused = outbox.filter(i => i.state === 'refused');
    if (refused.length === 0) return null;
    return el('section', { class: 'mb-4', 'data-testid': 'refused-items' },
        el('h2', { class: 'h5', text: t('FieldSync.Refused') }),
        refused.map(item => el('div', { class: 'alert alert-danger', 'data-testid': 'refused-item', 'data-visit': String(item.visitId), 'data-kind': 'visit' },
            el('p', { class: 'fw-semibold mb-1', text: `${item.label} · ${t('FieldSync.VisitItem')}` }),
            (item.messages ?? []).map(m => el('p', { class: 'mb-1', 'data-testid': 'refusal-reason', text: m })),
            el('button', { type: 'button', class: 'btn btn-sm btn-outline-danger', 'data-testid': 'discard', text: t('FieldSync.Discard'), onclick: () => discard(item) }))));
}

async function discard(item) {
    if (window.confirm(t('FieldSync.DiscardConfirm', item.label))) {
        await store.remove('outbox', item.id);
        await load();
        render();
    }
}

function field(id, label, input, error) {
    return el('div', { class: 'col-12 col-sm-6' }, el('label', { class: 'form-label', for: id, text: label }), input, el('div', { class: 'field-error', 'data-error': error }));
}

function visitView(visit) {
    const [state] = stateOf(visit);
    const editable = !expired() && (state === 'open' || state === 'refused');
    const draftKey = `${owner}:visit:${visit.id}`;
    const form = el('form', { 'data-testid': 'field-visit-form', 'data-visit': String(visit.id), novalidate: true });
    let photos = [];
    const gallery = el('div', { class: 'd-flex flex-wrap gap-2 my-2', 'data-testid': 'field-photos' });

    // What is typed is kept on every keystroke; the photos (Blobs) in a record of their own, written only when they change.
    const save = () => {
        const fields = {};
        form.querySelectorAll('input:not([type=file]), select, textarea').forEach(f => { fields[f.id] = f.value; });
        return store.put('drafts', { key: draftKey, owner, fields });
    };
    const savePhotos = () => store.put('drafts', { key: `${draftKey}:photos`, owner, photos });
    const showPhotos = () => {
        gallery.replaceChildren(...photos.map((photo, index) => {
            const url = URL.createObjectURL(photo.blob);
            shownUrls.push(url);
            return el('figure', { class: 'border rounded p-1 m-0 text-center', 'data-testid': 'field-photo', 'data-bytes': String(photo.blob.size) },
                el('img', { src: url, alt: photo.name, width: '96', height: '96', style: 'object-fit:cover' }),
                editable ? el('button', { type: 'button', class: 'btn btn-link btn-sm d-block', 'data-testid': 'photo-remove', text: t('FieldSync.PhotoRemove'),
                    onclick: () => { photos.splice(index, 1); showPhotos(); savePhotos(); } }) : null);
        }));
    };

    Promise.all([store.get('drafts', draftKey), store.get('drafts', `${draftKey}:photos`)]).then(([saved, savedPhotos]) => {
        const draft = saved?.fields ?? {};
        photos = savedPhotos?.photos ?? [];
        const limits = stored.package.limits;
        const value = (id, fallbackValue = '') => draft[id] ?? fallbackValue;
        const input = (id, attributes) => el('input', { class: 'form-control form-control-lg', id, autocomplete: 'off', disabled: !editable, value: value(id), ...attributes });
        // The browser's own file button speaks the phone's language and is small: a big labelled button opens it instead.
        const photoInput = el('input', { type: 'file', id: 'photo-input', class: 'visually-hidden field-photo-input', accept: 'image/*', capture: 'environment', multiple: true, disabled: !editable });
        const busy = el('p', { class: 'small d-none', 'data-testid': 'photo-busy', role: 'status', text: t('FieldSync.PhotoBusy') });
        photoInput.addEventListener('change', async () => {
            const slot = form.querySelector('[data-error=Photos]');
            slot.textContent = '';
            busy.classList.remove('d-none');
            for (const file of [...photoInput.files]) {
                if (visit.photos + photos.length >= limits.maxPhotos) {
                    slot.textContent = t('Visits.TooManyPhotos', limits.maxPhotos);
                    break;
                }
                const blob = await resized(file);
                if (!blob) {
                    slot.textContent = t('Files.ImageOnly');
                    continue;
                }
                photos.push({ name: photoName(file.name), blob });
            }
            photoInput.value = '';
            busy.classList.add('d-none');
            showPhotos();
            await savePhotos();
        });
        form.append(...[
            visit.reviewComment ? el('div', { class: 'alert alert-warning' }, el('strong', { text: t('Visits.ReviewTitle') }), el('p', { class: 'field-text mb-0', text: visit.reviewComment })) : null,
            el('div', { class: 'row g-3' },
                field('visited-on', t('Visits.VisitedOn'), input('visited-on', { type: 'date', max: limaToday(), value: value('visited-on', limaToday()) }), 'VisitedOn'),
                field('rating', t('Visits.Rating'), el('select', { class: 'form-select form-select-lg', id: 'rating', disabled: !editable },
                    ratings.map(r => el('option', { value: r, text: t(`Visits.Rating.${r}`), selected: value('rating', ratings[0]) === r }))), 'Rating'),
                field('members', t('Visits.MembersPresent'), input('members', { inputmode: 'numeric' }), 'MembersPresent'),
                field('jobs', t('Visits.Jobs'), input('jobs', { inputmode: 'numeric' }), 'Jobs'),
                field('sales', t('Visits.SalesToDate'), input('sales', { inputmode: 'decimal' }), 'SalesToDate')),
            el('fieldset', { class: 'mt-3' }, el('legend', { class: 'h6', text: t('Visits.Progress') }),
                visit.lines.map(line => el('div', { class: 'border rounded p-2 mb-2', 'data-testid': 'field-visit-line' },
                    el('label', { class: 'small fw-semibold mb-1 d-block', for: `progress-${line.id}`, text: `${line.description} · ${line.total}` }),
                    el('div', { class: 'input-group mb-1' }, input(`progress-${line.id}`, { inputmode: 'numeric', class: 'form-control', 'aria-label': t('Visits.Percent') }), el('span', { class: 'input-group-text', text: '%' })),
                    el('input', { class: 'form-control form-control-sm', id: `note-${line.id}`, placeholder: t('Visits.Note'), 'aria-label': t('Visits.Note'), disabled: !editable, value: value(`note-${line.id}`) }))),
                el('div', { class: 'field-error', 'data-error': 'Progress' })),
            el('label', { class: 'form-label mt-3', for: 'observations', text: t('Visits.Observations') }),
            el('textarea', { class: 'form-control', id: 'observations', rows: '5', disabled: !editable }, value('observations')),
            el('div', { class: 'field-error', 'data-error': 'Observations' }),
            el('fieldset', { class: 'mt-3' }, el('legend', { class: 'h6', text: t('Visits.Photos') }),
                visit.photos > 0 ? el('p', { class: 'small text-body-secondary', text: t('FieldSync.PhotosAlready', visit.photos) }) : null,
                gallery,
                editable ? photoInput : null,
                editable ? el('label', { class: 'btn btn-outline-primary btn-lg w-100', for: 'photo-input', 'data-testid': 'photo-add', text: t('FieldSync.PhotoAdd') }) : null,
                busy,
                el('div', { class: 'field-error', 'data-error': 'Photos' })),
            el('div', { class: 'alert alert-danger d-none mt-3', 'data-testid': 'field-errors' }),
            editable ? el('button', { type: 'submit', class: 'btn btn-primary btn-lg w-100 mt-3', 'data-testid': 'field-submit', text: t('Visits.Submit') }) : null,
        ].filter(c => c !== null));
        showPhotos();
    });
    form.addEventListener('input', event => {
        if (!(event.target instanceof HTMLInputElement && event.target.type === 'file')) save();
    });
    form.addEventListener('submit', event => {
        event.preventDefault();
        submit(form, visit, () => photos, draftKey);
    });
    return el('div', {},
        el('a', { href: '#', class: 'btn btn-link px-0', 'data-testid': 'field-back', text: `← ${t('FieldSync.Back')}` }),
        el('h1', { class: 'h4', text: `${visit.group} · ${t('Visits.Number', visit.order)}` }),
        el('p', { class: 'small text-body-secondary', text: `${visit.profileCode ?? ''} · ${visit.profileTitle ?? ''}` }),
        state === 'queued' || state === 'sent' ? el('p', { class: 'alert alert-info', text: stateOf(visit)[1] }) : null,
        !editable && state === 'open' ? el('p', { class: 'alert alert-warning', text: t('FieldSync.Expired') }) : null,
        form);
}

/** The phone's file name as the portal accepts it (AttachmentFile.DisplayName): letters, digits, spaces, - and _, then .jpg. */
function photoName(fileName) {
    const base = fileName.replace(/\.[^.]*$/, '').replace(/[^\p{L}\p{N} _-]+/gu, '-').trim().slice(0, 60);
    return `${base || 'foto'}.jpg`;
}

/** The photo drawn again at most photoEdge px on its longest side, as JPEG; null when the file is not an image the browser can read. */
async function resized(file) {
    let bitmap;
    try {
        bitmap = await createImageBitmap(file);
    } catch {
        return null;
    }
    const scale = Math.min(1, photoEdge / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(bitmap.width * scale));
    canvas.height = Math.max(1, Math.round(bitmap.height * scale));
    canvas.getContext('2d').drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    bitmap.close();
    return new Promise(resolve => canvas.toBlob(resolve, 'image/jpeg', photoQuality));
}

/** VisitReportRules.Check, as the server applies it: the same rules, the same messages, by field. */
function check(visit, report, raw, photoCount) {
    const limits = stored.package.limits;
    const violations = [];
    const whole = (text, max) => /^\d+$/.test(text) && Number(text) <= max;
    const today = limaToday();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(report.visitedOn)) {
        violations.push(['VisitedOn', t('Validation.NotADate')]);
    } else if (report.visitedOn > today) {
        violations.push(['VisitedOn', t('Visits.FutureDate', dayMonthYear(today))]);
    }
    if (!ratings.includes(report.rating)) violations.push(['Rating', t('Visits.RatingUnknown')]);
    if (raw.members === '' || !/^-?\d+$/.test(raw.members)) violations.push(['MembersPresent', t('Validation.NotANumber')]);
    else if (!whole(raw.members, limits.maxMembers)) violations.push(['MembersPresent', t('Visits.MembersRange', limits.maxMembers)]);
    if (raw.jobs === '' || !/^-?\d+$/.test(raw.jobs)) violations.push(['Jobs', t('Validation.NotANumber')]);
    else if (!whole(raw.jobs, limits.maxJobs)) violations.push(['Jobs', t('Visits.JobsRange', limits.maxJobs)]);
    if (raw.sales === '' || !/^-?\d+([.,]\d+)?$/.test(raw.sales)) violations.push(['SalesToDate', t('Validation.NotANumber')]);
    else if (!/^\d+([.,]\d{1,2})?$/.test(raw.sales) || report.salesToDate > limits.maxSales) violations.push(['SalesToDate', t('Visits.SalesInvalid')]);
    if (report.observations.trim().length > limits.maxObservations) violations.push(['Observations', t('Visits.ObservationsTooLong', limits.maxObservations)]);
    if (raw.progress.some(p => p === '' || !/^-?\d+$/.test(p))) violations.push(['Progress', t('Validation.NotANumber')]);
    else if (report.progress.some(p => p.progressPercent < 0 || p.progressPercent > 100)) violations.push(['Progress', t('Visits.ProgressRange')]);
    if (report.progress.some(p => (p.note ?? '').trim().length > limits.maxNote)) violations.push(['Progress', t('Visits.NoteTooLong', limits.maxNote)]);
    if (visit.photos + photoCount > limits.maxPhotos) violations.push(['Photos', t('Visits.TooManyPhotos', limits.maxPhotos)]);
    return violations;
}

async function submit(form, visit, photosOf, draftKey) {
    const value = id => form.querySelector(`#${id}`).value.trim();
    const raw = { members: value('members'), jobs: value('jobs'), sales: value('sales'), progress: visit.lines.map(l => value(`progress-${l.id}`)) };
    const report = {
        visitedOn: value('visited-on'), rating: form.querySelector('#rating').value,
        membersPresent: Number(raw.members), jobs: Number(raw.jobs), salesToDate: Number(raw.sales.replace(',', '.')),
        observations: form.querySelector('#observations').value,
        progress: visit.lines.map((l, i) => ({ investmentLineId: l.id, progressPercent: Number(raw.progress[i]), note: value(`note-${l.id}`) || null })),
    };
    const photos = photosOf();
    const violations = check(visit, report, raw, photos.length);
    form.querySelectorAll('[data-error]').forEach(e => { e.textContent = ''; });
    const summary = form.querySelector('[data-testid=field-errors]');
    if (violations.length > 0) {
        for (const [name, message] of violations) {
            const slot = form.querySelector(`[data-error="${CSS.escape(name)}"]`);
            if (slot && !slot.textContent) slot.textContent = message;
        }
        summary.replaceChildren(...violations.map(([name, m]) => el('div', { text: `${t(labels[name])}: ${m}` })));
        summary.classList.remove('d-none');
        return;
    }
    summary.classList.add('d-none');
    const button = form.querySelector('[data-testid=field-submit]');
    button.classList.add('d-none');
    const confirmed = await ui.ask(form, [t('FieldSync.ConfirmVisit'), t('FieldSync.VisitSummary', dayMonthYear(report.visitedOn), report.membersPresent, photos.length)],
        t('Visits.Submit'), 'submit-confirm');
    button.classList.remove('d-none');
    if (!confirmed) return;
    const id = crypto.randomUUID();
    await store.put('outbox', {
        id, owner, kind: 'visit', visitId: visit.id, label: `${visit.group} · ${t('Visits.Number', visit.order)}`, state: 'queued', createdAt: new Date().toISOString(),
        body: { id, version: visit.version, report }, photos,
    });
    await store.remove('drafts', draftKey);
    await store.remove('drafts', `${draftKey}:photos`);
    await load();
    location.hash = '';
    render();
    sync();
}

async function sync() {
    if (syncing || !navigator.onLine || (!stored && !outbox.some(i => i.state === 'queued'))) return;
    syncing = true;
    refresh();
    try {
        const session = await store.session();
        if (!session) {
            signInNeeded = outbox.some(i => i.state === 'queued');
            return;
        }
        signInNeeded = false;
        if (session.userId !== owner) {
            await store.adopt(session.userId);
            await load();
            return;
        }
        for (const item of (await store.unsent(owner)).filter(i => i.kind === 'visit')) {
            const body = new FormData();
            body.append('id', item.body.id);
            body.append('version', item.body.version);
            body.append('report', JSON.stringify(item.body.report));
            for (const photo of item.photos ?? []) {
                body.append('photos', photo.blob, photo.name);
            }
            const outcome = await store.send(item, `/api/field/visits/${item.visitId}/report`, {
                headers: { Accept: 'application/json', RequestVerificationToken: session.token }, body,
            }, status => [status === 413 ? t('FieldSync.PhotosTooLarge') : t('FieldSync.VisitNotOpen')]);
            if (outcome === 'offline') break;
            if (outcome === 'signIn') {
                signInNeeded = true;
                break;
            }
        }
        await load();
    } finally {
        syncing = false;
        refresh();
    }
}

window.addEventListener('hashchange', render);
window.addEventListener('online', () => { network(); sync(); });
window.addEventListener('offline', refresh);
load().then(() => { render(); sync(); });
