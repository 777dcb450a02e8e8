// The juror's offline extras (docs/decisions/036-offline-field-work.md, amendment), used by field.js:
//  - ask: the in-page confirmation, as the online scorecard asks before submitting (no window.confirm);
//  - conflictForm: "Declarar conflicto de interés" with the online form's kind and note, checked with
//    the rules of ConflictOfInterest.CheckNote and queued as its own outbox item;
//  - attachmentsView: each profile's attachments, saved on request (as Blobs, in the "packages" store
//    with the rest of the prepared material, so a wipe or another account takes them too) and opened
//    offline from an object URL.
import * as store from './store.js';

const kinds = ['Kinship', 'SameCommunity', 'BusinessInterest', 'Other'];
const maxNoteLength = 500;
let opened = [];

export function size(bytes) {
    return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export function extras(el, t) {
    /** Shows the question with "yes" and "Cancelar" in the host; resolves true or false, and leaves nothing behind. */
    function ask(host, lines, yes, testid) {
        host.querySelector('[role=alertdialog]')?.remove();
        return new Promise(resolve => {
            const box = el('div', { class: 'alert alert-warning mt-3', role: 'alertdialog', 'data-testid': testid });
            const close = answer => { box.remove(); resolve(answer); };
            box.append(...lines.filter(Boolean).map(line => el('p', { class: 'mb-2', text: line })),
                el('button', { type: 'button', class: 'btn btn-primary btn-lg me-2', 'data-testid': `${testid}-yes`, text: yes, onclick: () => close(true) }),
                el('button', { type: 'button', class: 'btn btn-outline-secondary btn-lg', 'data-testid': `${testid}-cancel`, text: t('Scoring.Cancel'), onclick: () => close(false) }));
            host.append(box);
            box.querySelector('button').focus();
        });
    }

    /** The form's rule for the note, as the server's: "Otro" needs one, none is longer than 500 characters. */
    function checkNote(kind, note) {
        if (!kinds.includes(kind)) return t('Judging.ConflictKindUnknown');
        if (kind === 'Other' && note.trim() === '') return t('Judging.OtherNeedsNote');
        return note.trim().length > maxNoteLength ? t('Judging.NoteTooLong') : null;
    }

    /** The declaration, folded under the scorecard; onDeclare(kind, note) is called once the juror confirmed. */
    function conflictForm(card, queued, onDeclare) {
        const kind = el('select', { class: 'form-select form-select-sm', id: 'conflict-kind' }, kinds.map(k => el('option', { value: k, text: t(`Judging.Kind.${k}`) })));
        const note = el('textarea', { class: 'form-control form-control-sm', id: 'conflict-note', rows: '2' });
        const error = el('div', { class: 'field-error', 'data-error': 'ConflictNote' });
        const button = el('button', { type: 'button', class: 'btn btn-outline-danger w-100 mt-2', 'data-testid': 'conflict-submit', text: t('FieldSync.DeclareConflictSubmit') });
        const box = el('div', { class: 'card-body' },
            el('label', { class: 'form-label small mb-0', for: 'conflict-kind', text: t('Judging.Kind') }), kind,
            el('label', { class: 'form-label small mb-0 mt-2', for: 'conflict-note', text: t('Judging.Note') }), note,
            el('div', { class: 'form-text', text: t('Judging.NoteHint') }), error, button);
        button.addEventListener('click', async () => {
            const problem = checkNote(kind.value, note.value);
            error.textContent = problem ?? '';
            if (problem) return;
            button.disabled = true;
            const yes = await ask(box, [t('FieldSync.ConflictConfirm', card.profile.group), queued ? t('FieldSync.ConflictDropsQueued') : null],
                t('FieldSync.DeclareConflictSubmit'), 'conflict-confirm');
            button.disabled = false;
            if (yes) await onDeclare(kind.value, note.value.trim() === '' ? null : note.value.trim());
        });
        return el('details', { class: 'card mt-4', 'data-testid': 'declare-conflict' },
            el('summary', { class: 'card-header text-danger', text: t('FieldSync.DeclareConflict') }), box);
    }

    /** The profile's attachments: saved ones open from the device; the others can be saved while there is signal. */
    function attachmentsView(owner, contestId, profile) {
        const section = el('section', { class: 'mb-3', 'data-testid': 'field-attachments' });
        const keyOf = a => `${owner}:attachment:${profile.id}:${a.id}`;
        async function draw(problem) {
            opened.forEach(URL.revokeObjectURL);
            opened = [];
            const saved = await Promise.all(profile.attachments.map(a => store.get('packages', keyOf(a))));
            const missing = profile.attachments.filter((_, i) => !saved[i]);
            section.replaceChildren(el('h3', { class: 'h6', text: t('FieldSync.Attachments') }),
                el('ul', { class: 'list-unstyled small' }, profile.attachments.map((a, i) => {
                    const file = saved[i];
                    const url = file ? URL.createObjectURL(file.blob) : null;
                    if (url) opened.push(url);
                    return el('li', { class: 'd-flex flex-wrap gap-2 align-items-center mb-1', 'data-testid': 'field-attachment', 'data-attachment': String(a.id), 'data-saved': String(Boolean(file)) },
                        el('span', { text: `${a.name} · ${size(a.sizeBytes)} · ${a.type}` }),
                        file ? el('span', { class: 'badge text-bg-success', text: t('FieldSync.AttachmentSaved') }) : null,
                        file ? el('a', { class: 'btn btn-sm btn-outline-primary', href: url, target: '_blank', rel: 'noopener', 'data-testid': 'attachment-open', text: t('FieldSync.OpenAttachment') }) : null,
                        !file && navigator.onLine ? el('button', { type: 'button', class: 'btn btn-sm btn-outline-secondary', 'data-testid': 'attachment-save', text: t('FieldSync.SaveAttachment'), onclick: () => save([a]) }) : null,
                        !file && !navigator.onLine ? el('span', { class: 'text-body-secondary', text: t('FieldSync.AttachmentNotSaved') }) : null);
                })),
                missing.length > 1 && navigator.onLine ? el('button', { type: 'button', class: 'btn btn-sm btn-outline-secondary', 'data-testid': 'attachment-save-all', text: t('FieldSync.SaveAllAttachments'), onclick: () => save(missing) }) : null,
                problem ? el('p', { class: 'field-error', 'data-testid': 'attachment-failed', text: problem }) : null);
        }
        async function save(attachments) {
            section.querySelectorAll('button').forEach(b => { b.disabled = true; });
            let problem = null;
            for (const a of attachments) {
                try {
                    const response = await fetch(a.url, { credentials: 'same-origin' });
                    if (!response.ok || response.redirected) throw new Error(`HTTP ${response.status}`);
                    const blob = await response.blob();
                    await store.put('packages', { key: keyOf(a), owner, kind: 'attachment', contestId, profileId: profile.id, attachmentId: a.id, name: a.name, type: a.type, blob, bytes: blob.size, storedAt: new Date().toISOString() });
                } catch {
                    problem = t('FieldSync.AttachmentFailed');
                }
            }
            await draw(problem);
        }
        if ((profile.attachments ?? []).length > 0) draw(null);
        return section;
    }

    return { ask, conflictForm, attachmentsView };
}
