// The HTML report's style sheet and script. Both are constant: the page's
// Content-Security-Policy allows exactly these two by their SHA-256 hashes.
#include "emit/report_formats.hpp"

namespace liftshift {

namespace {

constexpr std::string_view kStyle = R"CSS(
:root { --ready: #1a7f37; --changes: #9a6700; --blocker: #cf222e; --neutral: #0969da;
  --line: #d0d7de; --muted: #57606a; --soft: #f6f8fa; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: #1f2328; background: #fff; overflow-wrap: anywhere; }
header, main { max-width: 1200px; margin: 0 auto; padding: 0 16px; }
header { padding-top: 16px; }
h1 { font-size: 1.6em; margin: 0.3em 0; }
h2 { font-size: 1.3em; border-bottom: 1px solid var(--line); padding-bottom: 4px; margin-top: 1.6em; }
h3 { font-size: 1.1em; margin: 1em 0 0.4em; }
.meta, .muted { color: var(--muted); }
code { font: 0.9em ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; overflow-wrap: anywhere; }
.tiles { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: 10px; margin: 0; }
.tile { border: 1px solid var(--line); border-radius: 6px; padding: 8px 12px; background: var(--soft); }
.tile dt { color: var(--muted); font-size: 0.9em; }
.tile dd { margin: 0; font-size: 1.8em; font-weight: 600; }
.tile.ready dd { color: var(--ready); }
.tile.changes dd { color: var(--changes); }
.tile.blocker dd { color: var(--blocker); }
.tile.neutral dd { color: var(--neutral); }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 320px), 1fr)); gap: 16px; }
figure { margin: 0; border: 1px solid var(--line); border-radius: 6px; padding: 10px; }
figcaption { font-weight: 600; margin-bottom: 6px; }
svg.chart { display: block; width: 100%; max-width: 440px; height: auto; }
svg.chart .label { font-size: 12px; fill: #1f2328; }
svg.chart .value { font-size: 11px; fill: var(--muted); }
svg.chart .ready rect { fill: var(--ready); }
svg.chart .changes rect { fill: var(--changes); }
svg.chart .blocker rect { fill: var(--blocker); }
svg.chart .neutral rect { fill: var(--neutral); }
.controls { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: center; margin: 8px 0; }
.controls input, .controls select { font: inherit; padding: 4px 6px; }
.controls input { min-width: 16em; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: var(--soft); white-space: nowrap; }
th button { font: inherit; font-weight: 600; border: 0; background: none; padding: 0; cursor: pointer; color: inherit; }
th[aria-sort="ascending"] button::after { content: " \25B2"; }
th[aria-sort="descending"] button::after { content: " \25BC"; }
td.num, th.num { text-align: right; }
tr[hidden] { display: none !important; }
.verdict { font-weight: 600; white-space: nowrap; }
.verdict.ready { color: var(--ready); }
.verdict.ready-with-changes { color: var(--changes); }
.verdict.not-a-candidate { color: var(--blocker); }
.verdict.unknown { color: var(--neutral); }
.sev { display: inline-block; min-width: 4.5em; font-size: 0.8em; font-weight: 700; text-transform: uppercase; }
.sev.blocker { color: var(--blocker); }
.sev.change { color: var(--changes); }
.sev.info { color: var(--neutral); }
article.app { border: 1px solid var(--line); border-radius: 6px; padding: 4px 14px 10px; margin: 14px 0; }
ol.findings { padding-left: 1.2em; }
ol.findings > li { margin: 10px 0; }
ul.evidence { margin: 4px 0; padding-left: 1.2em; }
ul.evidence li { overflow-wrap: anywhere; }
.fix { margin: 4px 0; }
.points { color: var(--muted); font-size: 0.85em; }
@media (max-width: 700px) {
  body { font-size: 14px; }
  .controls input { min-width: 0; width: 100%; }
  table, thead, tbody, tr, td { display: block; }
  thead tr { display: flex; flex-wrap: wrap; gap: 4px 12px; }
  thead th { display: block; border: 0; padding: 2px 0; background: none; }
  tbody tr { border: 1px solid var(--line); border-radius: 6px; margin: 8px 0; padding: 4px 0; }
  tbody td { display: inline-block; border: 0; padding: 2px 10px; }
  tbody td:empty { display: none; }
  tbody td[data-label="Application"] { display: block; font-size: 1.1em; font-weight: 600; }
  tbody td::before { content: attr(data-label) ": "; color: var(--muted); font-weight: normal; }
  tbody td[data-label="#"] { float: right; color: var(--muted); }
  tbody td[data-label="#"]::before { content: "#"; }
  tbody td[data-label="Application"]::before { content: none; }
  td.num { text-align: left; }
}
@media print {
  body { font-size: 10pt; color: #000; }
  header, main { max-width: none; padding: 0; }
  .controls { display: none; }
  .table-wrap { overflow: visible; }
  table { font-size: 8.5pt; }
  th, td { padding: 3px 4px; }
  th, .verdict { white-space: normal; }
  a { color: inherit; text-decoration: none; }
  th button::after { content: none !important; }
  figure, article.app, tr { break-inside: avoid; }
  .charts { grid-template-columns: 1fr 1fr; }
}
)CSS";

constexpr std::string_view kScript = R"JS(
(function () {
  'use strict';
  var table = document.getElementById('apps');
  if (!table) return;
  var tbody = table.tBodies[0];
  var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
  var rows = Array.prototype.slice.call(tbody.rows);
  var filter = document.getElementById('filter');
  var verdict = document.getElementById('verdict-filter');
  var shown = document.getElementById('shown');
  rows.forEach(function (row) {
    row.searchText = (row.getAttribute('data-search') || '').toLowerCase();
  });
  function value(row, index, numeric) {
    var cell = row.cells[index];
    var v = cell.getAttribute('data-value');
    if (v === null) v = cell.textContent;
    return numeric ? parseFloat(v) : v.toLowerCase();
  }
  function sortBy(th) {
    var index = th.cellIndex;
    var numeric = th.getAttribute('data-type') === 'number';
    var ascending = th.getAttribute('aria-sort') !== 'ascending';
    headers.forEach(function (h) { h.removeAttribute('aria-sort'); });
    th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
    var sorted = rows.slice().sort(function (a, b) {
      var x = value(a, index, numeric);
      var y = value(b, index, numeric);
      var order = numeric ? x - y : (x < y ? -1 : x > y ? 1 : 0);
      if (order === 0) order = value(a, 0, true) - value(b, 0, true);
      return ascending ? order : -order;
    });
    sorted.forEach(function (row) { tbody.appendChild(row); });
  }
  function applyFilter() {
    var words = filter.value.toLowerCase().split(/\s+/).filter(Boolean);
    var wanted = verdict.value;
    var count = 0;
    rows.forEach(function (row) {
      var match = (!wanted || row.getAttribute('data-verdict') === wanted) &&
        words.every(function (w) { return row.searchText.indexOf(w) >= 0; });
      row.hidden = !match;
      if (match) count++;
    });
    shown.textContent = count + ' of ' + rows.length + ' shown';
  }
  headers.forEach(function (th) {
    var button = th.querySelector('button');
    if (button) button.addEventListener('click', function () { sortBy(th); });
  });
  filter.addEventListener('input', applyFilter);
  verdict.addEventListener('change', applyFilter);
  applyFilter();
})();
)JS";

}  // namespace

std::string_view report_html_style() { return kStyle; }
std::string_view report_html_script() { return kScript; }

}  // namespace liftshift
