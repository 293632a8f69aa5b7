#!/usr/bin/env node
// Opens a liftshift HTML report in headless Chromium (Debian's /usr/bin/chromium,
// driven by playwright-core) and checks it as a person would use it:
//   - no request leaves the page: every request but the page's own file:// URL
//     is recorded and aborted, and a console error (such as a
//     Content-Security-Policy violation) fails the check;
//   - the summary numbers equal those of the JSON report of the same run
//     (`assess --format json` or `portfolio --format json`);
//   - clicking a column header sorts the table (ascending, then descending);
//   - the verdict select and the filter box show exactly the matching rows;
//   - screenshots (desktop and phone width) and a printed PDF are saved.
// Usage: node html_check.js REPORT.html REPORT.json OUT_DIR NAME
// Prints one line per problem and exits 1 when there is any; 0 when all pass.
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const { pathToFileURL } = require('url');

let chromium;
try {
  ({ chromium } = require('playwright-core'));
} catch (e) {
  console.error(`playwright-core not installed (${e.message}): run scripts/setup.sh`);
  process.exit(2);
}

const [htmlPath, jsonPath, outDir, name] = process.argv.slice(2);
if (!htmlPath || !jsonPath || !outDir || !name) {
  console.error('usage: node html_check.js REPORT.html REPORT.json OUT_DIR NAME');
  process.exit(2);
}

const problems = [];
const problem = (msg) => problems.push(msg);
const expect = (cond, msg) => {
  if (!cond) problem(msg);
};

// What the JSON says: the same numbers the HTML summary must show.
function expectedFromJson(report) {
  const apps = report.apps || [];
  const summary = report.summary || {};
  let findings = 0;
  for (const a of apps) findings += (a.findings || []).length;
  return {
    apps: summary.apps,
    ready: summary.ready,
    'ready-with-changes': summary['ready-with-changes'],
    'not-a-candidate': summary['not-a-candidate'],
    unknown: summary.unknown,
    findings,
    appList: apps,
  };
}

// A rule some applications have and others do not: a filter word that
// must show a strict, known subset of the rows.
function pickFilterRule(apps) {
  const counts = new Map();
  for (const a of apps) {
    for (const r of new Set((a.findings || []).map((f) => f.rule))) {
      counts.set(r, (counts.get(r) || 0) + 1);
    }
  }
  let best = null;
  for (const [rule, n] of counts) {
    if (n > 0 && n < apps.length && (best === null || n > counts.get(best))) best = rule;
  }
  return best;
}

async function tableRows(page) {
  return page.$$eval('#apps tbody tr', (rows) =>
    rows.map((r) => ({
      hidden: r.hidden,
      verdict: r.getAttribute('data-verdict'),
      cells: Array.from(r.cells).map((c) => ({
        text: c.textContent,
        value: c.getAttribute('data-value'),
      })),
    })),
  );
}

async function columnIndex(page, label) {
  const labels = await page.$$eval('#apps thead th', (ths) => ths.map((t) => t.textContent.trim()));
  return labels.indexOf(label);
}

function isSorted(values, cmp) {
  for (let i = 1; i < values.length; i++) if (cmp(values[i - 1], values[i]) > 0) return false;
  return true;
}

async function checkSorting(page) {
  const effort = await columnIndex(page, 'Effort');
  expect(effort >= 0, 'no Effort column');
  const header = page.locator('#apps thead th').nth(effort).locator('button');
  await header.click();
  let rows = await tableRows(page);
  let values = rows.map((r) => parseFloat(r.cells[effort].value));
  expect(isSorted(values, (a, b) => a - b), `Effort not ascending after one click: ${values}`);
  const sortState = await page.locator('#apps thead th').nth(effort).getAttribute('aria-sort');
  expect(sortState === 'ascending', `aria-sort is ${sortState} after one click`);
  await header.click();
  rows = await tableRows(page);
  values = rows.map((r) => parseFloat(r.cells[effort].value));
  expect(isSorted(values, (a, b) => b - a), `Effort not descending after two clicks: ${values}`);

  const app = await columnIndex(page, 'Application');
  await page.locator('#apps thead th').nth(app).locator('button').click();
  rows = await tableRows(page);
  const names = rows.map((r) => r.cells[app].text.toLowerCase());
  expect(
    isSorted(names, (a, b) => (a < b ? -1 : a > b ? 1 : 0)),
    `Application not sorted by name: ${JSON.stringify(names)}`,
  );
  return rows.length;
}

async function shownCount(page) {
  const rows = await tableRows(page);
  return rows.filter((r) => !r.hidden);
}

async function checkFiltering(page, expected) {
  const total = expected.appList.length;
  await page.selectOption('#verdict-filter', 'not-a-candidate');
  let visible = await shownCount(page);
  expect(
    visible.length === expected['not-a-candidate'],
    `verdict filter shows ${visible.length} rows, JSON has ${expected['not-a-candidate']} not-a-candidate`,
  );
  expect(
    visible.every((r) => r.verdict === 'not-a-candidate'),
    'verdict filter shows other verdicts',
  );
  await page.selectOption('#verdict-filter', '');

  const rule = pickFilterRule(expected.appList);
  if (rule !== null) {
    // The filter matches substrings of the name, id and rules ("msmq" also
    // matches "msmq-ad-auth"), so count the same way.
    const want = expected.appList.filter((a) =>
      [a.name, a.id, ...(a.findings || []).map((f) => f.rule)].some((t) =>
        String(t).toLowerCase().includes(rule),
      ),
    );
    await page.fill('#filter', rule);
    visible = await shownCount(page);
    expect(
      visible.length === want.length,
      `filter "${rule}" shows ${visible.length} rows, ${want.length} apps have that rule`,
    );
    const status = await page.textContent('#shown');
    expect(
      status === `${want.length} of ${total} shown`,
      `status line says "${status}" for filter "${rule}"`,
    );
    await page.fill('#filter', `${rule} no-such-word-anywhere`);
    visible = await shownCount(page);
    expect(visible.length === 0, `filter with a word no app has shows ${visible.length} rows`);
    await page.fill('#filter', '');
  }
  visible = await shownCount(page);
  expect(visible.length === total, `cleared filters show ${visible.length} of ${total} rows`);
}

async function main() {
  const report = JSON.parse(fs.readFileSync(jsonPath, 'utf8'));
  const expected = expectedFromJson(report);
  const pageUrl = pathToFileURL(path.resolve(htmlPath)).href;
  fs.mkdirSync(outDir, { recursive: true });
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'liftshift-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
    viewport: { width: 1280, height: 900 },
  });
  const requests = [];
  const consoleErrors = [];
  try {
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url === pageUrl) return route.continue();
      requests.push(url);
      return route.abort();
    });
    context.on('request', (req) => {
      if (req.url() !== pageUrl && !requests.includes(req.url())) requests.push(req.url());
    });
    const page = context.pages()[0] || (await context.newPage());
    page.on('console', (msg) => {
      if (msg.type() === 'error' || msg.type() === 'warning') consoleErrors.push(msg.text());
    });
    page.on('pageerror', (err) => consoleErrors.push(`page error: ${err.message}`));
    await page.goto(pageUrl, { waitUntil: 'load' });

    await page.screenshot({ path: path.join(outDir, `${name}.png`), fullPage: true });
    // Queries that do not wait: a missing element is a problem, not a time-out.
    for (const key of ['apps', 'ready', 'ready-with-changes', 'not-a-candidate', 'unknown', 'findings']) {
      const element = await page.$(`[data-summary="${key}"]`);
      const shown = element === null ? null : await element.textContent();
      expect(
        shown !== null && Number(shown) === expected[key],
        `summary ${key}: page shows ${shown}, JSON has ${expected[key]}`,
      );
    }
    const rows = await tableRows(page);
    expect(rows.length === expected.apps, `table has ${rows.length} rows, JSON ${expected.apps} apps`);
    for (const id of ['chart-verdicts', 'chart-blockers', 'chart-frameworks', 'chart-os']) {
      expect((await page.$(`#${id} svg`)) !== null || expected.apps === 0, `no chart in #${id}`);
    }
    const controls = ['#filter', '#verdict-filter', '#shown'];
    const missing = [];
    for (const c of controls) if ((await page.$(c)) === null) missing.push(c);
    expect(missing.length === 0, `missing table controls: ${missing.join(' ')}`);
    if (missing.length === 0 && rows.length > 0) {
      await checkSorting(page);
      await checkFiltering(page, expected);
    }

    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: path.join(outDir, `${name}-phone.png`), fullPage: true });
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    if (overflow > 1) {
      // Name the text that sticks out (a long path that cannot wrap, usually),
      // so the failure says what to fix.
      const culprits = await page.evaluate(() => {
        const width = document.documentElement.clientWidth;
        const out = [];
        const range = document.createRange();
        for (const el of document.body.querySelectorAll('*')) {
          for (const n of el.childNodes) {
            if (n.nodeType !== Node.TEXT_NODE) continue;
            range.selectNodeContents(n);
            const rects = [...range.getClientRects()];
            if (!rects.some((rc) => rc.right > width + 1)) continue;
            const cls = typeof el.className === 'string' && el.className ? `.${el.className}` : '';
            out.push(`<${el.tagName.toLowerCase()}${cls}> "${n.textContent.trim().slice(0, 60)}"`);
            if (out.length === 3) return out;
          }
        }
        return out;
      });
      problem(`page is ${overflow}px wider than a phone screen: ${culprits.join('; ')}`);
    }

    await page.emulateMedia({ media: 'print' });
    const controlsShown = await page.isVisible('.controls');
    expect(!controlsShown, 'the filter controls are printed');
    await page.pdf({ path: path.join(outDir, `${name}.pdf`), format: 'A4', printBackground: false });
  } finally {
    expect(requests.length === 0, `requests left the page: ${requests.join(', ')}`);
    expect(consoleErrors.length === 0, `console: ${consoleErrors.join(' | ')}`);
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

main()
  .then(() => {
    for (const p of problems) console.log(p);
    if (problems.length === 0) console.log(`${htmlPath}: ok`);
    process.exit(problems.length === 0 ? 0 : 1);
  })
  .catch((e) => {
    for (const p of problems) console.log(p);
    console.log(`html_check failed: ${e.stack || e}`);
    process.exit(1);
  });
