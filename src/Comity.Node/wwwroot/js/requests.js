// The 24/7 pages' only script: countdowns that tick, and lists that follow the node's change feed.
// The pages are complete without it (server-rendered countdowns, a reload shows changes).

const format = (template, ...values) => values.reduce((text, value, i) => text.replace(`{${i}}`, value), template);

function duration(el, ms, up) {
    const minutes = (up ? Math.ceil : Math.floor)(Math.abs(ms) / 60000);
    const number = new Intl.NumberFormat(document.documentElement.lang || undefined);
    if (minutes < 60) {
        return format(el.dataset.min, number.format(minutes));
    }
    if (minutes < 24 * 60) {
        return format(el.dataset.hm, number.format(Math.floor(minutes / 60)), number.format(minutes % 60));
    }
    return format(el.dataset.dh, number.format(Math.floor(minutes / 1440)), number.format(Math.floor((minutes % 1440) / 60)));
}

function tick() {
    for (const el of document.querySelectorAll(".countdown[data-due]")) {
        // Count from the server's clock, not this computer's: the difference is measured once, when the element arrives.
        if (el.dataset.offset === undefined) {
            el.dataset.offset = String(Date.parse(el.dataset.now) - Date.now());
        }
        const left = Date.parse(el.dataset.due) - (Date.now() + Number(el.dataset.offset));
        // Time left rounds up, time overdue rounds down, as on the server.
        const text = left > 0 ? format(el.dataset.in, duration(el, left, true)) : format(el.dataset.overdue, duration(el, -left, false));
        const rel = el.querySelector(".countdown-rel");
        if (rel && rel.textContent !== text) {
            rel.textContent = text;
        }
        el.classList.toggle("countdown--overdue", left <= 0);
        el.dataset.ticking = "true";
    }
}

async function refresh(status, regions) {
    const response = await fetch(location.href, { headers: { "Accept": "text/html" }, credentials: "same-origin", cache: "no-store" });
    if (!response.ok) {
        return;
    }
    const next = new DOMParser().parseFromString(await response.text(), "text/html");
    for (const id of regions) {
        const current = document.getElementById(id);
        const fresh = next.getElementById(id);
        if (current && fresh) {
            current.replaceWith(document.importNode(fresh, true));
        }
    }
    tick();
    status.dataset.updates = String(Number(status.dataset.updates || "0") + 1);
    status.textContent = format(status.dataset.liveUpdated, new Date().toLocaleTimeString(document.documentElement.lang || undefined));
}

function follow(status) {
    const regions = (status.dataset.liveRegions || "").split(" ").filter(Boolean);
    const only = status.dataset.liveRequest;
    const source = new EventSource(status.dataset.live);
    let pending = Promise.resolve();
    source.onopen = () => {
        status.dataset.state = "connected";
        status.textContent = status.dataset.liveConnected;
    };
    source.onerror = () => {
        status.dataset.state = "offline";
        status.textContent = status.dataset.liveOffline;
    };
    source.addEventListener("changed", event => {
        const change = JSON.parse(event.data);
        if (only && change.requestId !== only) {
            return;
        }
        // One refresh at a time, in order: a burst of changes ends with the latest page.
        pending = pending.then(() => refresh(status, regions)).catch(() => { });
    });
    addEventListener("pagehide", () => source.close());
}

tick();
setInterval(tick, 1000);
const status = document.querySelector("[data-live]");
if (status && "EventSource" in window) {
    follow(status);
}
