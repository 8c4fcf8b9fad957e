// Says the date of every DateInput in words in the page's language as the officer picks or types it, so that a field
// the browser draws as mm/dd/yyyy cannot be misread. Without this script the words show the date the page was sent with.

const lang = document.documentElement.lang || undefined;
// Gregorian calendar and Western digits in every language, as the node's own dates are written.
const words = new Intl.DateTimeFormat(lang, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC", calendar: "gregory", numberingSystem: "latn" });

function say(input) {
    const output = document.getElementById(input.dataset.dateWords);
    if (!output) {
        return;
    }
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(input.value);
    output.textContent = match ? words.format(new Date(Date.UTC(+match[1], +match[2] - 1, +match[3]))) : "";
}

for (const input of document.querySelectorAll("input[data-date-words]")) {
    if (input.dataset.dateWordsReady) {
        continue;
    }
    input.dataset.dateWordsReady = "true";
    input.addEventListener("input", () => say(input));
    input.addEventListener("change", () => say(input));
    say(input);
}
