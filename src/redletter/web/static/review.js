// redletter review page: place the highlight boxes over the page images (in % of the page,
// from the PDF-point boxes) and link each box to its party row. No libraries.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  for (const page of document.querySelectorAll("figure.page")) {
    const w = parseFloat(page.dataset.width), h = parseFloat(page.dataset.height);
    for (const box of page.querySelectorAll("a.hl")) {
      const x0 = parseFloat(box.dataset.x0), top = parseFloat(box.dataset.top);
      const x1 = parseFloat(box.dataset.x1), bottom = parseFloat(box.dataset.bottom);
      box.style.left = (100 * x0 / w) + "%";
      box.style.top = (100 * top / h) + "%";
      box.style.width = (100 * (x1 - x0) / w) + "%";
      box.style.height = (100 * (bottom - top) / h) + "%";
    }
  }
  const mark = (id, on) => {
    for (const el of document.querySelectorAll(`[data-party="${id}"]`)) el.classList.toggle("active", on);
  };
  for (const el of document.querySelectorAll("[data-party]")) {
    el.addEventListener("mouseenter", () => mark(el.dataset.party, true));
    el.addEventListener("mouseleave", () => mark(el.dataset.party, false));
  }
});

// The review queue: j/k move the current row, a/r decide it, x selects it, A/R decide the
// selection, "/" goes to the reason box; the reason box keeps its last value (this browser).
document.addEventListener("DOMContentLoaded", () => {
  const form = document.getElementById("queue-form");
  if (!form) return;
  const rows = Array.from(form.querySelectorAll("tr.queue-item"));
  const reason = document.getElementById("queue-reason");
  const at = document.getElementById("queue-at");
  const KEY = "redletter.queue.reason";
  reason.value = reason.value || localStorage.getItem(KEY) || "";
  reason.addEventListener("input", () => localStorage.setItem(KEY, reason.value));
  let current = Math.min(parseInt(form.dataset.at || "0", 10) || 0, Math.max(rows.length - 1, 0));
  const show = (i) => {
    if (!rows.length) return;
    current = Math.max(0, Math.min(rows.length - 1, i));
    rows.forEach((r, n) => { r.classList.toggle("current", n === current); r.setAttribute("aria-current", n === current ? "true" : "false"); });
    rows[current].scrollIntoView({ block: "nearest" });
    at.value = String(current);
  };
  const decide = (button, onlyCurrent) => {
    if (!rows.length) return;
    if (onlyCurrent) {
      for (const box of form.querySelectorAll("input[name=pair]")) box.checked = false;
      rows[current].querySelector("input[name=pair]").checked = true;
    }
    if (!reason.value.trim()) { reason.focus(); reason.reportValidity(); return; }
    form.requestSubmit(document.getElementById(button));
  };
  for (const row of rows) row.addEventListener("click", () => show(parseInt(row.dataset.index, 10)));
  document.addEventListener("keydown", (e) => {
    const typing = ["INPUT", "TEXTAREA", "SELECT"].includes(e.target.tagName) && e.target.type !== "checkbox";
    if (typing) { if (e.key === "Escape") e.target.blur(); return; }
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const act = { j: () => show(current + 1), k: () => show(current - 1),
                  a: () => decide("approve-selected", true), r: () => decide("reject-selected", true),
                  A: () => decide("approve-selected", false), R: () => decide("reject-selected", false),
                  x: () => { const box = rows[current] && rows[current].querySelector("input[name=pair]"); if (box) box.checked = !box.checked; },
                  "/": () => reason.focus() }[e.key];
    if (act) { e.preventDefault(); act(); }
  });
  show(current);
});
