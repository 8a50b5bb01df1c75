// fuse-release console: keeps the pages current without reloading them. Values are written with
// textContent only, never as HTML, so nothing a commit, a build or a user wrote can run here.
"use strict";

const POLL_MS = 2000;

function cell(text) {
  const td = document.createElement("td");
  td.textContent = text == null ? "" : String(text);
  return td;
}

function releaseRow(r) {
  const tr = document.createElement("tr");
  if (r.attention) tr.className = "attention";
  const link = document.createElement("a");
  link.href = "/releases/" + encodeURIComponent(r.version);
  link.textContent = r.version;
  const first = document.createElement("td");
  first.appendChild(link);
  tr.appendChild(first);
  [r.phase, r.publication, (r.targets || []).join(", "), r.commit, r.requestedBy, r.attention || ""]
    .forEach((v) => tr.appendChild(cell(v)));
  return tr;
}

async function refreshList(table) {
  const response = await fetch(table.dataset.live, { credentials: "same-origin" });
  if (!response.ok) return;
  const rows = await response.json();
  const body = document.createElement("tbody");
  rows.forEach((r) => body.appendChild(releaseRow(r)));
  table.replaceChild(body, table.tBodies[0]);
}

async function watchRelease(phase) {
  const response = await fetch("/api/releases/" + encodeURIComponent(phase.dataset.version), { credentials: "same-origin" });
  if (!response.ok) return;
  const now = await response.json();
  const moved = now.phase !== phase.dataset.phase
    || (now.manifestSha256 || "") !== phase.dataset.manifest
    || (now.evidenceSha256 || "") !== phase.dataset.evidence
    || String(now.decisions) !== phase.dataset.decisions;
  if (moved) {
    document.getElementById("changed").hidden = false;
    document.getElementById("changed-phase").textContent = " (now " + now.phase + ")";
  }
}

function every(task) {
  const run = () => task().catch(() => {}).finally(() => setTimeout(run, POLL_MS));
  setTimeout(run, POLL_MS);
}

document.addEventListener("DOMContentLoaded", () => {
  const table = document.getElementById("releases");
  if (table) every(() => refreshList(table));
  const phase = document.getElementById("phase");
  if (phase) every(() => watchRelease(phase));
});
