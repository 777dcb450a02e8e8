// The reconnect dialog's behaviour. Blazor sets its classes (components-reconnect-show, -retrying,
// -failed, -paused, -resume-failed, -rejected) and raises components-reconnect-state-changed; the
// state is also written to data-state for the end-to-end tests. A page where something was typed is
// never reloaded by itself: the reload is the person's choice, and what they typed is put back after
// it (drafts.js). A page nobody typed in (a projector on the wall, a console, a list) has nothing to
// lose and reloads by itself when its server no longer knows it, so an unattended screen recovers.
const reconnectModal = document.getElementById("components-reconnect-modal");
reconnectModal.addEventListener("components-reconnect-state-changed", handleReconnectStateChanged);

document.getElementById("components-reconnect-button").addEventListener("click", retry);
document.getElementById("components-resume-button").addEventListener("click", resume);
document.getElementById("components-reload-button").addEventListener("click", () => location.reload());

let typedHere = false;
document.addEventListener("input", () => typedHere = true, true);

const stateClasses = ["components-reconnect-show", "components-reconnect-hide", "components-reconnect-retrying", "components-reconnect-failed",
    "components-reconnect-paused", "components-reconnect-resume-failed", "components-reconnect-rejected"];

function handleReconnectStateChanged(event) {
    reconnectModal.dataset.state = event.detail.state;
    if (event.detail.state === "rejected" && !typedHere) {
        location.reload();
        return;
    }
    if (event.detail.state === "hide") {
        reconnectModal.close();
        document.removeEventListener("visibilitychange", retryWhenDocumentBecomesVisible);
        return;
    }
    if (!reconnectModal.open) {
        reconnectModal.showModal();
    }
    if (event.detail.state === "failed") {
        document.addEventListener("visibilitychange", retryWhenDocumentBecomesVisible);
    }
}

// The server answered but no longer had the circuit, and no persisted state was found for it
// (the server was restarted or replaced before it could keep it).
function showRejected() {
    if (!typedHere) {
        location.reload();
        return;
    }
    reconnectModal.classList.remove(...stateClasses);
    reconnectModal.classList.add("components-reconnect-rejected");
    reconnectModal.dataset.state = "rejected";
    if (!reconnectModal.open) {
        reconnectModal.showModal();
    }
}

async function retry() {
    document.removeEventListener("visibilitychange", retryWhenDocumentBecomesVisible);
    try {
        // true: reconnected; false: the server is reached but has no such circuit; an exception: not reached.
        const successful = await Blazor.reconnect();
        if (!successful) {
            // Resumed from the state kept in the database, on this copy or another.
            if (await Blazor.resumeCircuit()) {
                reconnectModal.close();
            } else {
                showRejected();
            }
        }
    } catch {
        document.addEventListener("visibilitychange", retryWhenDocumentBecomesVisible);
    }
}

async function resume() {
    try {
        if (!await Blazor.resumeCircuit()) {
            showRejected();
        }
    } catch {
        reconnectModal.classList.remove(...stateClasses);
        reconnectModal.classList.add("components-reconnect-resume-failed");
        reconnectModal.dataset.state = "resume-failed";
    }
}

async function retryWhenDocumentBecomesVisible() {
    if (document.visibilityState === "visible") {
        await retry();
    }
}
