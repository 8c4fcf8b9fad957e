// Drafts: a form marked data-draft-key is saved on this node, for the signed-in officer only, a moment after each
// change, and filled in again when it is opened later (data-draft-restore). Forms work without this script: the guided
// request form also saves its draft at every step on the server.

const format = (template, ...values) => values.reduce((text, value, i) => text.replace(`{${i}}`, value), template || "");
const lang = () => document.documentElement.lang || undefined;
const wait = 800;

function fieldsOf(form) {
    const prefix = form.dataset.draftPrefix || "";
    const fields = {};
    for (const [name, value] of new FormData(form)) {
        if (name.startsWith(prefix) && name !== prefix + "Go" && typeof value === "string") {
            fields[name] = value;
        }
    }
    return fields;
}

async function problemOf(response) {
    try {
        const problem = await response.json();
        return problem.detail || problem.title || String(response.status);
    } catch {
        return String(response.status);
    }
}

// Replaces the read-only parts of the page (completeness, routing, warnings) with the server's render of the saved draft.
async function rerender(form) {
    const response = await fetch(form.dataset.draftLive, { headers: { "Accept": "text/html" }, credentials: "same-origin", cache: "no-store" });
    if (!response.ok) {
        return;
    }
    const next = new DOMParser().parseFromString(await response.text(), "text/html");
    // The dashboard names the draft by what it holds now (the kind, the requested State).
    const title = next.getElementById(form.id)?.dataset.draftTitle;
    if (title) {
        form.dataset.draftTitle = title;
    }
    for (const id of (form.dataset.draftRegions || "").split(" ").filter(Boolean)) {
        const current = document.getElementById(id);
        const fresh = next.getElementById(id);
        if (current && fresh) {
            current.replaceWith(document.importNode(fresh, true));
        }
    }
    showIf(form);
    form.dataset.draftRendered = String(Number(form.dataset.draftRendered || "0") + 1);
}

// Elements shown only while a field holds one of some values (the "not in force" warning while the basis is the Convention).
function showIf(form) {
    for (const el of document.querySelectorAll("[data-show-if-field]")) {
        const field = form.elements.namedItem(el.dataset.showIfField);
        if (field && "value" in field) {
            el.hidden = !el.dataset.showIfValues.split(" ").includes(field.value);
        }
    }
}

// Whether a field was typed in or chosen before this script ran (a quick officer, a slow phone at night): such input
// is saved as if typed now, and a saved draft does not overwrite it.
function changedBeforeScript(form) {
    for (const el of form.elements) {
        if (el.type === "radio" || el.type === "checkbox") {
            if (el.checked !== el.defaultChecked) {
                return true;
            }
        } else if (el.tagName === "SELECT" && !el.multiple) {
            const chosen = [...el.options].findIndex(o => o.defaultSelected);
            if (el.options.length > 0 && el.selectedIndex !== (chosen < 0 ? 0 : chosen)) {
                return true;
            }
        } else if ((el.tagName === "TEXTAREA" || el.tagName === "INPUT") && el.type !== "hidden" && el.value !== el.defaultValue) {
            return true;
        }
    }
    return false;
}

function restore(form, draft, say) {
    for (const [name, value] of Object.entries(draft.fields || {})) {
        for (const el of form.querySelectorAll(`[name="${CSS.escape(name)}"]`)) {
            if (el.type === "radio" || el.type === "checkbox") {
                el.checked = el.value === value;
            } else if (el.type !== "hidden") {
                el.value = value ?? "";
            }
        }
    }
    form.dataset.draftState = "restored";
    say(form.dataset.draftRestoredText, "restored");
}

function keep(form) {
    const url = "/api/v1/drafts/" + encodeURIComponent(form.dataset.draftKey);
    const status = form.querySelector("[data-draft-status]");
    let timer = 0;
    let dirty = false;
    let sending = false;
    let queue = Promise.resolve();

    const say = (text, state) => {
        form.dataset.draftState = state;
        if (status && text) {
            status.textContent = text;
        }
    };

    const put = (leaving) => {
        const body = JSON.stringify({ title: form.dataset.draftTitle, href: form.dataset.draftHref, fields: fieldsOf(form) });
        return fetch(url, {
            method: "PUT",
            headers: { "Content-Type": "application/json", "Accept": "application/json" },
            credentials: "same-origin",
            body,
            // A save as the page goes away must outlive it (browsers keep such a request up to 64 KB).
            keepalive: leaving && body.length < 60000,
        });
    };

    const save = async (leaving) => {
        timer = 0;
        if (sending) {
            return;
        }
        dirty = false;
        form.dataset.draftState = "saving";
        const sentTitle = form.dataset.draftTitle;
        let response = await put(leaving);
        if (response.ok && form.dataset.draftLive && !leaving) {
            await rerender(form);
            // The server's render names the draft by what it now holds (the kind, the requested State): keep that name.
            if (form.dataset.draftTitle !== sentTitle) {
                response = await put(false);
            }
        }
        if (!response.ok) {
            dirty = true;
            say(format(form.dataset.draftFailedText, await problemOf(response)), "failed");
            return;
        }
        say(format(form.dataset.draftSavedText, new Date().toLocaleTimeString(lang())), "saved");
    };

    const later = () => {
        dirty = true;
        form.dataset.draftState = "pending";
        clearTimeout(timer);
        timer = setTimeout(() => {
            queue = queue.then(() => save(false)).catch(() => {
                dirty = true;
                form.dataset.draftState = "failed";
            });
        }, wait);
    };

    form.addEventListener("input", later);
    form.addEventListener("change", event => {
        showIf(form);
        later(event);
    });
    // Sending posts everything; the node keeps or deletes the draft itself.
    form.addEventListener("submit", () => {
        sending = true;
        clearTimeout(timer);
    });
    addEventListener("pagehide", () => {
        if (timer) {
            clearTimeout(timer);
            save(true);
        }
    });
    if (form.dataset.draftAsk === "true") {
        // Leaving with input the node does not hold yet asks first.
        addEventListener("beforeunload", event => {
            if (dirty && !sending) {
                event.preventDefault();
                event.returnValue = "";
            }
        });
    }
    if (changedBeforeScript(form)) {
        later();
    }
    if (form.dataset.draftRestore === "true") {
        fetch(url, { headers: { "Accept": "application/json" }, credentials: "same-origin", cache: "no-store" })
            .then(response => response.ok ? response.json() : null)
            .then(draft => {
                if (draft && !dirty) {
                    restore(form, draft, say);
                }
            })
            .catch(() => { });
    }
    showIf(form);
    form.dataset.draftReady = "true";
}

for (const form of document.querySelectorAll("form[data-draft-key]")) {
    keep(form);
}
