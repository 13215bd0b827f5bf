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
