// The offline field page (docs/decisions/036-offline-field-work.md): it opens with no network
// (the service worker keeps it), reads what the signed-in juror prepared on this device, lets them
// score each field scorecard with the online rules and messages (the texts come in the package,
// from the portal's resources), keeps each submission in an outbox under an id made here, and
// sends it when there is a network: on opening, on the "online" event, or by the button. Nothing
// leaves the outbox until the server has it or the juror discards it knowingly. Everything is
// written with textContent: the package is data, never markup.
import * as store from './store.js';
import { extras } from './extras.js';
import { el } from './dom.js';

// Only what shows before anything is prepared; everything else comes with the package.
const fallback = {
    es: { none: 'No hay nada preparado en este dispositivo. Con señal, abra «Mis fichas» del concurso y toque «Preparar para el campo».', offline: 'Sin conexión', online: 'Con conexión' },
    en: { none: 'Nothing is prepared on this device. With signal, open the contest\'s "My scorecards" and tap "Prepare for the field".', offline: 'Offline', online: 'Online' },
};
const base = fallback[(navigator.language || 'es').startsWith('en') ? 'en' : 'es'];
const root = document.getElementById('field');
let owner = null;
let packages = [];
let outbox = [];
let texts = {};
let signInNeeded = false;
let syncing = false;
const juror = extras(el, t);
// Where each kind of outbox item is sent.
const endpoints = { scorecard: '/api/field/scorecards', conflict: '/api/field/conflicts' };

function t(key, ...args) {
    return (texts[key] ?? key).replace(/\{(\d+)\}/g, (_, i) => String(args[Number(i)] ?? ''));
}

async function load() {
    owner = await store.owner();
    const everything = await store.all('packages');
    packages = everything.filter(p => p.owner === owner && p.kind === 'juror');
    outbox = (await store.all('outbox')).filter(i => i.owner === owner && i.kind !== 'visit');
    texts = packages[0]?.package.texts ?? {};
}

function lastItem(scorecardId) {
    return outbox.filter(i => i.scorecardId === scorecardId && i.kind !== 'conflict').sort((a, b) => a.createdAt.localeCompare(b.createdAt)).at(-1);
}

/** A conflict declared on this device (queued or taken): the declaration wins, the scorecard is withdrawn. */
function conflictOf(card) {
    return outbox.find(i => i.kind === 'conflict' && i.scorecardId === card.id && i.state !== 'refused');
}

function stateOf(card) {
    if (conflictOf(card)) return ['conflict', t('FieldSync.WithdrawnForConflict'), 'text-bg-dark'];
    const item = lastItem(card.id);
    if (item?.state === 'queued') return ['queued', t('FieldSync.Queued'), 'text-bg-warning'];
    if (item?.state === 'sent') return ['sent', t('FieldSync.Sent'), 'text-bg-success'];
    if (item?.state === 'refused') return ['refused', t('FieldSync.Refused'), 'text-bg-danger'];
    if (card.status === 'Submitted') return ['submitted', t('FieldSync.AlreadySubmittedOnline'), 'text-bg-secondary'];
    return card.editable ? ['open', t('FieldSync.Score'), 'text-bg-light border'] : ['closed', t('Scoring.Locked'), 'text-bg-secondary'];
}

function network() {
    const badge = document.querySelector('[data-testid=network-state]');
    badge.textContent = navigator.onLine ? (texts['FieldSync.Online'] ?? base.online) : (texts['FieldSync.Offline'] ?? base.offline);
    badge.className = navigator.onLine ? 'badge text-bg-success' : 'badge text-bg-secondary';
    badge.dataset.online = String(navigator.onLine);
}

function render() {
    network();
    const match = location.hash.match(/^#scorecard-(\d+)$/);
    const found = match && packages.flatMap(p => p.package.scorecards.map(s => [p.package, s])).find(([, s]) => s.id === Number(match[1]));
    root.replaceChildren(found ? scorecardView(...found) : home());
}

/** After a sync or a change of network: the list is drawn again, an open form is left as typed. */
function refresh() {
    if (/^#scorecard-/.test(location.hash)) {
        network();
    } else {
        render();
    }
}

function home() {
    if (packages.length === 0) {
        return el('p', { class: 'alert alert-info', 'data-testid': 'nothing-prepared', text: base.none });
    }
    const queued = outbox.filter(i => i.state === 'queued').length;
    return el('div', {},
        el('h1', { class: 'h4', text: t('FieldSync.Title') }),
        el('div', { class: 'd-flex flex-wrap gap-2 align-items-center mb-3', 'data-testid': 'sync-state', 'data-queued': String(queued), 'data-syncing': String(syncing) },
            el('span', { text: t('FieldSync.Pending', queued) }),
            el('button', { type: 'button', class: 'btn btn-outline-primary btn-sm', 'data-testid': 'sync-now', disabled: !navigator.onLine || syncing, text: t('FieldSync.SyncNow'), onclick: () => sync() })),
        signInNeeded ? el('p', { class: 'alert alert-warning', 'data-testid': 'sign-in-to-send' }, t('FieldSync.SignInToSend'), ' ', el('a', { href: '/account/login', text: '→' })) : null,
        packages.map(p => contestView(p)),
        refusedView());
}

function contestView(stored) {
    const p = stored.package;
    const expired = Date.now() > Date.parse(p.validUntilUtc);
    return el('section', { class: 'mb-4', 'data-testid': 'field-contest', 'data-contest': String(p.contest.id) },
        el('h2', { class: 'h5 mb-0', text: `${p.contest.code} · ${p.stage.name}` }),
        el('p', { class: 'small text-body-secondary mb-2', text: `${p.contest.title} · ${t('FieldSync.ValidUntil', p.validUntil)}` }),
        expired ? el('p', { class: 'alert alert-warning', text: t('FieldSync.Expired') }) : null,
        el('div', { class: 'list-group' }, p.scorecards.map(card => {
            const [state, label, badge] = stateOf(card);
            return el('a', { class: 'list-group-item list-group-item-action d-flex justify-content-between align-items-center gap-2', href: `#scorecard-${card.id}`, 'data-testid': 'field-scorecard', 'data-scorecard': String(card.id), 'data-state': state },
                el('span', {}, el('span', { class: 'fw-semibold', text: card.profile.code ?? '' }), ` · ${card.profile.title}`, el('span', { class: 'd-block small text-body-secondary', text: card.profile.group })),
                el('span', { class: `badge ${badge}`, text: label }));
        })));
}

function refusedView() {
    const refused = outbox.filter(i => i.state === 'refused');
    if (refused.length === 0) return null;
    return el('section', { class: 'mb-4', 'data-testid': 'refused-items' },
        el('h2', { class: 'h5', text: t('FieldSync.Refused') }),
        refused.map(item => el('div', { class: 'alert alert-danger', 'data-testid': 'refused-item', 'data-scorecard': String(item.scorecardId), 'data-kind': item.kind },
            el('p', { class: 'fw-semibold mb-1', text: item.kind === 'conflict' ? `${item.profileCode ?? ''} · ${t('FieldSync.ConflictItem')}` : item.profileCode ?? '' }),
            (item.messages ?? []).map(m => el('p', { class: 'mb-1', 'data-testid': 'refusal-reason', text: m })),
            el('button', { type: 'button', class: 'btn btn-sm btn-outline-danger', 'data-testid': 'discard', text: t('FieldSync.Discard'), onclick: () => discard(item) }))));
}

async function discard(item) {
    if (window.confirm(t('FieldSync.DiscardConfirm', item.profileCode ?? ''))) {
        await store.remove('outbox', item.id);
        await load();
        render();
    }
}

function profileView(profile, contestId) {
    return el('details', { class: 'mb-3', open: true, 'data-testid': 'field-profile' },
        el('summary', { class: 'fw-semibold', text: `${t('FieldSync.Profile')}: ${profile.code ?? ''} · ${profile.title}` }),
        el('p', { class: 'small text-body-secondary', text: `${profile.group} · ${profile.category} · ${profile.productionLine}` }),
        profile.sections.filter(s => s.text).map(s => el('section', {}, el('h3', { class: 'h6', text: s.title }), el('p', { class: 'field-text small', text: s.text }))),
        el('h3', { class: 'h6', text: t('Expected.Title') }),
        el('ul', { class: 'small' }, el('li', { text: `${t('Expected.Sales')}: ${profile.expected.sales}` }), el('li', { text: `${t('Expected.Jobs')}: ${profile.expected.jobs}` }),
            el('li', { text: `${t('Expected.Households')}: ${profile.expected.households}` })),
        el('h3', { class: 'h6', text: t('Plan.Title') }),
        el('table', { class: 'table table-sm small' }, el('tbody', {}, profile.plan.map(l => el('tr', {},
            el('td', { text: l.description }), el('td', { text: `${l.quantity} ${l.unit}` }), el('td', { class: 'text-end', text: l.unitCost }), el('td', { class: 'text-end', text: l.total }))))),
        (profile.attachments ?? []).length > 0 ? juror.attachmentsView(owner, contestId, profile) : null);
}

function attendanceView(card, draft) {
    const present = new Set(draft.presentDnis ?? card.presentDnis ?? []);
    const nobody = draft.nobody ?? (Array.isArray(card.presentDnis) && card.presentDnis.length === 0);
    return el('fieldset', { class: 'mb-3', 'data-testid': 'field-attendance' },
        el('legend', { class: 'h6', text: t('Attendance.Title') }),
        el('p', { class: 'small text-body-secondary', text: t('Attendance.Hint') }),
        card.members.map(m => el('div', { class: 'form-check' },
            el('input', { class: 'form-check-input', type: 'checkbox', id: `present-${m.dni}`, 'data-dni': m.dni, checked: present.has(m.dni) }),
            el('label', { class: 'form-check-label', for: `present-${m.dni}`, text: `${m.name} · DNI ${m.dni}` }))),
        el('div', { class: 'form-check mt-1' },
            el('input', { class: 'form-check-input', type: 'checkbox', id: 'attendance-nobody', checked: nobody }),
            el('label', { class: 'form-check-label', for: 'attendance-nobody', text: t('Attendance.Nobody') })),
        el('p', { class: 'small mt-1', 'data-testid': 'attendance-share' }),
        el('div', { class: 'field-error', 'data-error': 'Attendance' }));
}

function scorecardView(p, card) {
    const [state] = stateOf(card);
    const expired = Date.now() > Date.parse(p.validUntilUtc);
    const editable = card.editable && !expired && (state === 'open' || state === 'refused');
    const form = el('form', { 'data-testid': 'field-scorecard-form', 'data-scorecard': String(card.id), novalidate: true });
    const draftKey = `${owner}:scorecard:${card.id}`;
    store.get('drafts', draftKey).then(saved => {
        const draft = saved?.fields ?? {};
        const byCode = Object.fromEntries(card.entries.map(e => [e.code, e]));
        form.append(...[
            card.recordsAttendance ? attendanceView(card, draft) : null,
            el('h2', { class: 'h5', text: p.stage.name }),
            p.stage.criteria.map(c => el('div', { class: 'mb-3 border rounded p-2' },
                el('label', { class: 'form-label fw-semibold', for: `points-${c.code}`, text: `${c.code} · ${c.name}` }),
                el('p', { class: 'small text-body-secondary mb-1', text: t('Scoring.CriterionHint', c.weight, c.maxPoints) }),
                c.rubric ? el('details', { class: 'small mb-1' }, el('summary', { text: '…' }), el('p', { class: 'field-text', text: c.rubric })) : null,
                el('input', { class: 'form-control', id: `points-${c.code}`, inputmode: 'decimal', autocomplete: 'off', disabled: !editable, value: draft[`points-${c.code}`] ?? byCode[c.code]?.points ?? '' }),
                el('div', { class: 'field-error', 'data-error': `Criterion.${c.code}.Points` }),
                el('label', { class: 'form-label small mt-1', for: `comment-${c.code}`, text: t('Scoring.Comment') }),
                el('textarea', { class: 'form-control', id: `comment-${c.code}`, rows: '2', disabled: !editable }, draft[`comment-${c.code}`] ?? byCode[c.code]?.comment ?? ''),
                el('div', { class: 'field-error', 'data-error': `Criterion.${c.code}.Comment` }))),
            el('label', { class: 'form-label', for: 'overall-comment', text: t('Scoring.OverallComment') }),
            el('textarea', { class: 'form-control mb-2', id: 'overall-comment', rows: '3', disabled: !editable }, draft['overall-comment'] ?? card.overallComment ?? ''),
            el('div', { class: 'field-error', 'data-error': 'OverallComment' }),
            el('div', { class: 'alert alert-danger d-none', 'data-testid': 'field-errors' }),
            editable ? el('button', { type: 'submit', class: 'btn btn-primary', 'data-testid': 'field-submit', text: t('FieldSync.Submit') }) : null,
        ].flat().filter(c => c !== null));
        showShare(form, card, p);
    });
    form.addEventListener('input', () => {
        showShare(form, card, p);
        const fields = {};
        form.querySelectorAll('input[id^=points-], textarea').forEach(f => { fields[f.id] = f.value; });
        if (card.recordsAttendance) {
            fields.presentDnis = [...form.querySelectorAll('input[data-dni]:checked')].map(i => i.dataset.dni);
            fields.nobody = form.querySelector('#attendance-nobody').checked;
        }
        store.put('drafts', { key: draftKey, owner, fields });
    });
    form.addEventListener('submit', event => {
        event.preventDefault();
        submit(form, p, card, draftKey);
    });
    return el('div', {},
        el('a', { href: '#', class: 'btn btn-link px-0', 'data-testid': 'field-back', text: `← ${t('FieldSync.Back')}` }),
        el('h1', { class: 'h4', text: `${card.profile.code ?? ''} · ${card.profile.group}` }),
        expired ? el('p', { class: 'alert alert-warning', text: t('FieldSync.Expired') }) : null,
        profileView(card.profile, p.contest.id),
        form,
        state === 'conflict' ? el('p', { class: 'alert alert-dark mt-3', 'data-testid': 'withdrawn-for-conflict', text: t('FieldSync.WithdrawnForConflict') })
            : juror.conflictForm(card, state === 'queued', (kind, note) => declare(p, card, kind, note)));
}

/** The declaration wins: it is queued as its own item, and a scorecard queued for the profile is kept on the device but never sent. */
async function declare(p, card, kind, note) {
    const id = crypto.randomUUID();
    for (const item of outbox.filter(i => i.kind !== 'conflict' && i.scorecardId === card.id && i.state === 'queued')) {
        item.state = 'dropped';
        item.messages = [t('FieldSync.ScorecardDropped')];
        await store.put('outbox', item);
    }
    await store.put('outbox', {
        id, owner, kind: 'conflict', contestId: p.contest.id, scorecardId: card.id, profileCode: card.profile.code, state: 'queued', createdAt: new Date().toISOString(),
        body: { id, scorecardId: card.id, kind, note },
    });
    await store.remove('drafts', `${owner}:scorecard:${card.id}`);
    await load();
    location.hash = '';
    render();
    sync();
}

/** What the confirmation shows before a scorecard is queued: the stage total (ScoreRules.StageTotal) and the attendance. */
function summaryOf(form, p, card, entries) {
    const total = p.stage.criteria.reduce((sum, c) => sum + entries.find(e => e.code === c.code).points * c.weight / c.maxPoints, 0);
    const lines = [t('Scoring.Total', (Math.round(total * 100) / 100).toLocaleString(p.culture || 'es-PE', { maximumFractionDigits: 2 }))];
    if (card.recordsAttendance) {
        const present = presentOf(form, card);
        lines.push(present === null ? t('Attendance.NotRecorded')
            : t('Attendance.Share', present.length, card.members.length, (card.members.length === 0 ? 0 : Math.round(present.length * 10000 / card.members.length) / 100).toFixed(2)));
    }
    return lines;
}

function presentOf(form, card) {
    if (!card.recordsAttendance) return null;
    const ticked = [...form.querySelectorAll('input[data-dni]:checked')].map(i => i.dataset.dni);
    if (ticked.length > 0) return ticked;
    return form.querySelector('#attendance-nobody').checked ? [] : null;
}

function showShare(form, card, p) {
    const share = form.querySelector('[data-testid=attendance-share]');
    if (!share) return;
    const present = presentOf(form, card);
    if (present === null) {
        share.textContent = t('Attendance.NotRecorded');
        return;
    }
    const households = card.members.length;
    const percent = households === 0 ? 0 : Math.round(present.length * 10000 / households) / 100;
    const below = present.length * 100 < p.stage.minimumAttendancePercent * households;
    share.textContent = t('Attendance.Share', present.length, households, percent.toFixed(2)) + (below ? ` ${t('Attendance.BelowMinimum', p.stage.minimumAttendancePercent)}` : '');
}

/** ScoreRules.CheckSubmission, as the server applies it: the same rules, the same messages, by field. */
function check(p, entries, overall) {
    const violations = [];
    const missing = [];
    for (const c of p.stage.criteria) {
        const entry = entries.find(e => e.code === c.code);
        const field = `Criterion.${c.code}.Points`;
        if (entry.raw === '') {
            violations.push([field, t('Scoring.PointsRequired', c.code, c.name)]);
            missing.push(c.code);
        } else if (!/^-?\d+([.,]\d+)?$/.test(entry.raw)) {
            violations.push([field, p.stage.granularity === 'half' ? t('Scoring.PointsNotHalf', entry.raw, c.code) : t('Scoring.PointsNotWhole', entry.raw, c.code)]);
        } else if (entry.points < 0) {
            violations.push([field, t('Scoring.PointsBelowZero', entry.raw, c.code)]);
        } else if (entry.points > c.maxPoints) {
            violations.push([field, t('Scoring.PointsAboveMaximum', entry.raw, c.maxPoints, c.code)]);
        } else if (p.stage.granularity === 'half' ? (entry.points * 2) % 1 !== 0 : entry.points % 1 !== 0) {
            violations.push([field, p.stage.granularity === 'half' ? t('Scoring.PointsNotHalf', entry.raw, c.code) : t('Scoring.PointsNotWhole', entry.raw, c.code)]);
        }
        if ((entry.comment ?? '').length > 2000) {
            violations.push([`Criterion.${c.code}.Comment`, t('Scoring.CommentTooLong', 2000, c.code)]);
        }
    }
    if (overall.length > 4000) {
        violations.push(['OverallComment', t('Scoring.OverallCommentTooLong', 4000)]);
    }
    if (missing.length > 0) {
        violations.push(['Criteria', t('Scoring.CriteriaMissing', missing.join(', '))]);
    }
    return violations;
}

async function submit(form, p, card, draftKey) {
    const entries = p.stage.criteria.map(c => {
        const raw = form.querySelector(`#points-${c.code}`).value.trim();
        const comment = form.querySelector(`#comment-${c.code}`).value;
        return { code: c.code, raw, points: raw === '' ? null : Number(raw.replace(',', '.')), comment: comment.trim() === '' ? null : comment };
    });
    const overall = form.querySelector('#overall-comment').value;
    const violations = check(p, entries, overall);
    form.querySelectorAll('[data-error]').forEach(e => { e.textContent = ''; });
    const summary = form.querySelector('[data-testid=field-errors]');
    if (violations.length > 0) {
        for (const [field, message] of violations) {
            const slot = form.querySelector(`[data-error="${CSS.escape(field)}"]`);
            if (slot) slot.textContent = message;
        }
        summary.replaceChildren(...violations.map(([, m]) => el('div', { text: m })));
        summary.classList.remove('d-none');
        return;
    }
    summary.classList.add('d-none');
    const button = form.querySelector('[data-testid=field-submit]');
    button.classList.add('d-none');
    const confirmed = await juror.ask(form, [t('FieldSync.ConfirmSubmit'), ...summaryOf(form, p, card, entries)], t('Scoring.SubmitYes'), 'submit-confirm');
    button.classList.remove('d-none');
    if (!confirmed) return;
    const id = crypto.randomUUID();
    await store.put('outbox', {
        id, owner, kind: 'scorecard', contestId: p.contest.id, scorecardId: card.id, profileCode: card.profile.code, state: 'queued', createdAt: new Date().toISOString(),
        body: { id, scorecardId: card.id, version: card.version, entries: entries.map(({ code, points, comment }) => ({ code, points, comment })), overallComment: overall.trim() === '' ? null : overall, presentDnis: presentOf(form, card) },
    });
    await store.remove('drafts', draftKey);
    await load();
    location.hash = '';
    render();
    sync();
}

async function sync() {
    // Nothing on the device: nothing to send, and no one's data to check the session against.
    if (syncing || !navigator.onLine || (packages.length === 0 && !outbox.some(i => i.state === 'queued'))) return;
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
        for (const item of (await store.unsent(owner)).filter(i => endpoints[i.kind ?? 'scorecard'])) {
            const outcome = await store.send(item, endpoints[item.kind ?? 'scorecard'], {
                headers: { 'Content-Type': 'application/json', Accept: 'application/json', RequestVerificationToken: session.token },
                body: JSON.stringify(item.body),
            }, () => [t('FieldSync.NotAvailable')]);
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
