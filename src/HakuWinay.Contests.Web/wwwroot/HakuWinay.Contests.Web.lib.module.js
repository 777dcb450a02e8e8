// Blazor's JavaScript initializer for the portal (loaded by blazor.web.js by its name).
// It marks the page once its interactive circuit is up, so that whatever needs the page to be
// interactive (the end-to-end tests, the accessibility tour) waits for a signal, not a delay.
export function afterServerStarted() {
    document.documentElement.dataset.circuit = 'started';
}
