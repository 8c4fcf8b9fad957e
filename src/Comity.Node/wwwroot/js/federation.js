// The federation page stays current without reloading itself (a reload would wipe a half-typed ping): every 15 s it
// reads the page again and replaces only the read-only regions, never the ping form; it waits while the tab is hidden.

const root = document.querySelector("[data-refresh-regions]");

async function refresh() {
    const response = await fetch(location.pathname, { headers: { "Accept": "text/html" }, credentials: "same-origin", cache: "no-store" });
    if (!response.ok) {
        return;
    }
    const next = new DOMParser().parseFromString(await response.text(), "text/html");
    for (const id of root.dataset.refreshRegions.split(" ").filter(Boolean)) {
        const current = document.getElementById(id);
        const fresh = next.getElementById(id);
        if (current && fresh) {
            current.replaceWith(document.importNode(fresh, true));
        }
    }
    root.dataset.refreshed = String(Number(root.dataset.refreshed || "0") + 1);
}

if (root) {
    const every = Number(root.dataset.refreshSeconds || "15") * 1000;
    let last = Date.now();
    let running = false;
    const due = async () => {
        if (document.hidden || running || Date.now() - last < every) {
            return;
        }
        running = true;
        try {
            await refresh();
        } catch {
            // Offline for a moment: the next turn tries again.
        } finally {
            last = Date.now();
            running = false;
        }
    };
    setInterval(due, 1000);
    document.addEventListener("visibilitychange", due);
}
