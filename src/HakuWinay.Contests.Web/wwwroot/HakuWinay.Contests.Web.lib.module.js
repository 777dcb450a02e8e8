// Blazor's JavaScript initializer for the portal (loaded by blazor.web.js by its name).
// It marks the page once its interactive circuit is up, so that whatever needs the page to be
// interactive (the end-to-end tests, the accessibility tour) waits for a signal, not a delay.
export function afterServerStarted() {
    document.documentElement.dataset.circuit = 'started';
}

// Print buttons (data-print) without inline handlers, which the Content-Security-Policy refuses
// (docs/decisions/018-content-security-policy.md). One listener on the document also serves
// buttons that enhanced navigation brings in later. Module scripts run once per page load.
document.addEventListener('click', event => {
    if (event.target instanceof Element && event.target.closest('[data-print]')) {
        window.print();
    }
});
