// The explorer page (web/) as served by the real marsad binary, driven in Debian's
// headless Chromium through playwright-core. Run with `make browser-test`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const BIN = resolve(root, process.env.MARSAD_BIN || 'build/marsad');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const OUT = join(here, 'out');
const TIMEOUT = 15000;

let server, base, tmp, context, page;
const pageErrors = [];
const requests = []; // every URL the page asked for, in order

function freePort() {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => { const { port } = srv.address(); srv.close(() => ok(port)); });
  });
}

// Starts marsad on a fresh database with the seeds and resolves with its URL once it
// prints "marsad listening on ...".
function startServer(port, db) {
  return new Promise((ok, fail) => {
    server = spawn(BIN, ['serve', '--port', String(port), '--db', db, '--seeds', 'data/seeds', '--create'],
      { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, MARSAD_ACCESS_LOG: '0' } });
    let out = '', err = '';
    const timer = setTimeout(() => fail(new Error(`marsad did not start in time:\n${out}${err}`)), 20000);
    server.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/marsad listening on (http:\/\/\S+)/);
      if (m) { clearTimeout(timer); ok(m[1]); }
    });
    server.stderr.on('data', (d) => { err += d; });
    server.once('exit', (code) => { clearTimeout(timer); fail(new Error(`marsad exited (${code}):\n${out}${err}`)); });
  });
}

const api = async (path) => {
  const res = await fetch(base + path);
  return { status: res.status, body: await res.json().catch(() => null) };
};
const shot = (name) => page.screenshot({ path: join(OUT, name), fullPage: true });
// The text a reader shows for a figure's value, as the page renders it (digits only).
const digits = (v) => Number(v).toLocaleString('en-US');

before(async () => {
  mkdirSync(OUT, { recursive: true });
  tmp = mkdtempSync(join(tmpdir(), 'marsad-browser-'));
  base = await startServer(await freePort(), join(tmp, 'marsad.db'));
  context = await chromium.launchPersistentContext(join(tmp, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
    viewport: { width: 1360, height: 900 },
    locale: 'ar',
  });
  page = context.pages()[0] || await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => pageErrors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') pageErrors.push(`console: ${m.text()}`); });
});

after(async () => {
  await context?.close().catch(() => {});
  if (server && server.exitCode === null) {
    const gone = new Promise((ok) => server.once('exit', ok));
    server.kill('SIGTERM');
    await Promise.race([gone, new Promise((ok) => setTimeout(ok, 5000))]);
    if (server.exitCode === null) server.kill('SIGKILL');
  }
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

test('GET / serves the explorer page, right to left, with its assets', async () => {
  const res = await page.goto(`${base}/`);
  const type = res.headers()['content-type'] || '';
  assert.match(type, /^text\/html/, `GET / must serve web/index.html (got ${type})`);
  assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
  assert.equal(await page.getAttribute('html', 'lang'), 'ar');
  for (const [path, want] of [['/web/app.js', /javascript/], ['/web/app.css', /text\/css/]]) {
    const r = await fetch(base + path);
    assert.equal(r.status, 200, path);
    assert.match(r.headers.get('content-type'), want, path);
  }
});

test('the article list shows the 5 seed articles with outlet and counts', async () => {
  await page.waitForFunction(() => document.querySelectorAll('#article-list li').length === 5);
  const items = page.locator('#article-list a.art');
  assert.equal(await items.count(), 5);
  const first = await items.first().innerText();
  assert.match(first, /أرقام\s*\d+/);
  assert.match(await page.locator('#article-list').innerText(), /الجزيرة/); // an outlet name
  assert.match(await page.locator('#list-status').innerText(), /5/);
  // keyboard: arrow down moves to the next article
  await items.first().focus();
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.id), await items.nth(1).getAttribute('data-id'));
  await shot('01-articles.png');
});

test('the list titles untitled articles with their excerpt; no ids or sizes shown; footer counts mentions', async () => {
  const listed = (await api('/v1/articles?limit=20')).body.data;
  const untitled = listed.find((a) => !a.title);
  assert.ok(untitled, 'the seeds have an untitled article');
  const shown = await page.locator(`#article-list a[data-id="${untitled.id}"] .art-title`).innerText();
  assert.ok(untitled.excerpt.startsWith(shown.replace(/…$/, '')), `"${shown}" is the start of the excerpt`);
  assert.equal(requests.filter((u) => /\/v1\/articles\/[^?]/.test(u)).length, 0, 'no article fetched to title the list');
  const text = await page.locator('#view-articles').innerText();
  for (const a of listed) assert.ok(!text.includes(a.id), `no id ${a.id} shown`);
  const meta = (await api('/v1/meta')).body.counts;
  await page.waitForFunction(() => document.querySelector('#meta').textContent.length > 0);
  const foot = await page.locator('#meta').innerText();
  assert.ok(foot.includes(digits(meta.location_mentions)) && foot.includes(digits(meta.source_mentions)), foot);
  assert.ok(!foot.includes(digits(meta.locations)), 'not the size of the gazetteer');
});

test('search sends q and lists the results; typed words are no errors; English names find Arabic text; a refused query is explained in Arabic', async () => {
  const word = 'حلب';
  const want = (await api(`/v1/articles?q=${encodeURIComponent(word)}`)).body.total;
  assert.ok(want >= 1, 'the seeds mention Aleppo');
  await page.fill('#q', word);
  await page.press('#q', 'Enter');
  await page.waitForFunction((w) => document.querySelector('#list-status').textContent.includes(w), word);
  assert.equal(await page.locator('#article-list li').count(), Math.min(want, 20));
  await shot('02-search.png');

  // Words as people type them: an unbalanced quote, punctuation and a star are not errors.
  const err = page.locator('#search-error');
  for (const typed of ['"حلب', 'حلب،  "قتلى', 'قتل*', '(حلب']) {
    const sent = [];
    const watch = (r) => { if (r.url().includes('/v1/articles?')) sent.push(new URL(r.url()).searchParams.get('q')); };
    page.on('request', watch);
    await page.fill('#q', typed);
    await page.press('#q', 'Enter');
    await page.waitForFunction((w) => document.querySelector('#list-status').textContent.includes(w), typed);
    page.off('request', watch);
    assert.ok(await err.isHidden(), `"${typed}" is no error`);
    const total = (await api(`/v1/articles?q=${encodeURIComponent(sent.at(-1))}`)).body.total;
    assert.ok(total >= 1, `"${typed}" sent as ${sent.at(-1)} finds articles`);
  }
  // An English place name finds the articles that name it in Arabic.
  const english = (await api('/v1/articles?q=Aleppo')).body.total;
  assert.equal(english, want, 'Aleppo finds what حلب finds');
  await page.fill('#q', 'Aleppo');
  await page.press('#q', 'Enter');
  await page.waitForFunction(() => document.querySelector('#list-status').textContent.includes('Aleppo'));
  assert.ok(await err.isHidden(), 'Aleppo is no error');
  assert.equal(await page.locator('#article-list li').count(), Math.min(want, 20));
  await shot('02c-search-english.png');
  // A query the server refuses (too long) is explained in Arabic.
  await page.fill('#q', 'حلب '.repeat(300));
  await page.press('#q', 'Enter');
  await err.waitFor({ state: 'visible' });
  const said = await err.innerText();
  assert.match(said, /[\u0600-\u06FF]/);
  assert.doesNotMatch(said, /[A-Za-z]{3}/, `"${said}" has no English`);
  await shot('02b-search-error.png');
  await page.fill('#q', '');
  await page.press('#q', 'Enter');
  await page.waitForFunction(() => document.querySelectorAll('#article-list li').length === 5);
});

test('the reader highlights figures, places and sources at their code point spans', async () => {
  const id = '000_e1e3e40d7f5e5c95';
  const art = (await api(`/v1/articles/${id}`)).body;
  await page.click(`#article-list a[data-id="${id}"]`);
  await page.waitForSelector('#body .hl');
  for (const cls of ['hl-fig', 'hl-place', 'hl-source']) {
    assert.ok(await page.locator(`#body .${cls}`).count() > 0, `highlights of class ${cls}`);
  }
  // Every figure's segments, joined, are exactly its span's text (offsets are code points).
  const texts = await page.evaluate(() => {
    const by = {};
    for (const el of document.querySelectorAll('#body .hl')) {
      for (const k of el.dataset.keys.split(' ')) by[k] = (by[k] || '') + el.textContent;
    }
    return by;
  });
  for (const f of art.figures) assert.equal(texts[`f:${f.id}`], f.span.text, `figure ${f.id}`);
  const loc = art.locations[0];
  assert.equal(texts[`l:${loc.id}`].startsWith(loc.mentions[0].text), true, `place ${loc.id}`);
  // The body text is the article's body, unchanged.
  assert.equal(await page.locator('#body').textContent(), art.body);
  assert.ok(!(await page.locator('#reader .art-head').innerText()).includes(digits(art.n_chars)), 'no character count');
  // Side lists: one entry per figure, place and source.
  assert.equal(await page.locator('.side .figures li').count(), art.figures.length);
  assert.equal(await page.locator('.side .places li').count(), art.locations.length);
  assert.equal(await page.locator('.side .sources li').count(), art.sources.length);
  await shot('03-article.png');

  // Hovering a figure shows its value, type and claimant.
  const f = art.figures.find((x) => x.value != null && x.claimant);
  await page.hover(`[id="fig-${f.id}"]`);
  const tip = page.locator('#tooltip');
  await tip.waitFor({ state: 'visible' });
  const text = await tip.innerText();
  assert.ok(text.includes(digits(f.value)), `tooltip "${text}" mentions ${f.value}`);
  assert.ok(text.includes(f.claimant.name), 'tooltip names the claimant');
  await shot('04-tooltip.png');
});

test('the compare view shows claims side by side (or says it is not available)', async (t) => {
  const route = await api('/v1/figures/compare');
  await page.click('nav a[data-view="compare"]');
  await page.waitForSelector('#compare-out .group, #compare-out [data-state]');
  if (route.status === 404) {
    t.diagnostic('GET /v1/figures/compare is 404: asserting the "not available" message');
    console.log('# compare route missing (404): checked the "not available" message');
    await page.waitForSelector('#compare-out [data-state="unavailable"]');
    await shot('05-compare.png');
    return;
  }
  assert.equal(route.status, 200);
  t.diagnostic(`compare route answers ${route.body.groups.length} groups`);
  assert.ok(route.body.groups.length > 0, 'the seeds have claims to compare');
  const groups = page.locator('#compare-out section.group');
  assert.equal(await groups.count(), route.body.groups.length);
  // One row per claimant, coloured by bloc; bars for headlines only; parts folded.
  const g0 = groups.first(), body0 = route.body.groups[0];
  const rows = g0.locator('li.claimant-row');
  assert.equal(await rows.count(), body0.claimants.length, 'one row per claimant');
  assert.ok(await rows.count() >= 2, 'a group with at least 2 claimants');
  assert.equal(await g0.locator('svg.chart:not(.timeline) rect.bar:not(.range)').count(),
    body0.claimants.filter((r) => r.headline).length, 'one bar per headline');
  const blocs = new Set(body0.claimants.map((r) => (r.claimant ? r.claimant.bloc : null)));
  assert.equal(await g0.locator('.bloc-legend li').count(), blocs.size, 'a legend entry per bloc');
  const withParts = route.body.groups.flatMap((g) => g.claimants).filter((r) => r.parts.length).length;
  assert.equal(await page.locator('#compare-out li.claimant-row > details.parts').count(), withParts, 'parts folded under their claimant');
  for (const d of await page.locator('#compare-out details').all()) assert.equal(await d.getAttribute('open'), null, 'folded until asked');
  assert.ok(await g0.locator('mark').count() >= 1, 'the span is highlighted in the quote');
  const heads = route.body.groups.flatMap((g) => g.claimants).map((r) => r.headline).filter(Boolean);
  const qualified = heads.find((c) => c.qualifier === 'more_than');
  if (qualified) assert.match(await page.locator('#compare-out').innerText(), new RegExp(`أكثر من ${digits(qualified.value)}`));
  await shot('05-compare.png');

  // The link opens the article at that figure.
  const c0 = body0.claimants.find((r) => r.headline).headline;
  await g0.locator(`a.num[href$="/${encodeURIComponent(c0.id)}"]`).first().click();
  await page.waitForSelector(`[id="fig-${c0.id}"]`);
  assert.ok(!(await page.locator('#view-articles').isHidden()));
  assert.equal(await page.locator(`#article-list a[aria-current="true"]`).getAttribute('data-id'), c0.article_id);
});

test('a 404 from the compare route shows the "not available" message', async () => {
  // Forces the answer of a server without the route, so this branch is checked on every run.
  await page.route('**/v1/figures/compare*', (r) => r.fulfill({ status: 404, contentType: 'application/problem+json',
    body: JSON.stringify({ type: '/problems/not-found', title: 'Not Found', status: 404, detail: 'no such route' }) }));
  try {
    await page.click('nav a[data-view="compare"]');
    const msg = page.locator('#compare-out [data-state="unavailable"]');
    await msg.waitFor();
    assert.match(await msg.innerText(), /غير متاحة/);
    await page.locator('#view-compare').screenshot({ path: join(OUT, '05b-compare-unavailable.png') });
  } finally {
    await page.unroute('**/v1/figures/compare*');
  }
});

test('the places panel draws the mentioned places; a click filters the articles', async () => {
  const locs = (await api('/v1/locations?mentioned=true&limit=500')).body.data;
  await page.click('nav a[data-view="places"]');
  await page.waitForSelector('#map circle.pt');
  const inSyria = locs.filter((l) => l.lon >= 35.5 && l.lon <= 42.5 && l.lat >= 32.3 && l.lat <= 37.4);
  assert.equal(await page.locator('#map circle.pt').count(), inSyria.length);
  assert.equal(await page.locator('#place-list li').count(), locs.length);
  // Figures are drawn too: one square per place with figures, and a legend says what the marks mean.
  const facet = (await api('/v1/figures?facet=location&limit=1')).body.facets.location.filter((b) => b.value);
  const withFigs = facet.filter((b) => inSyria.some((l) => l.id === b.value));
  assert.ok(withFigs.length > 0);
  assert.equal(await page.locator('#map rect.fig-mark').count(), withFigs.length);
  assert.match(await page.locator('.map-legend').innerText(), /تقريبي/);
  await page.hover('#map circle[data-id="hama"]');
  await page.locator('#tooltip').waitFor({ state: 'visible' });
  assert.match(await page.locator('#tooltip').innerText(), /حماة/, 'hovering a point shows its name');
  await shot('06-places.png');

  // Zoomed on Aleppo; the points are reachable with the keyboard too.
  await page.click('.zoom button[data-extent="aleppo"]');
  await page.focus('#map circle[data-id="ramouseh"]');
  await page.locator('#tooltip').waitFor({ state: 'visible' });
  assert.match(await page.locator('#tooltip').innerText(), /الراموسة/);
  await shot('07-places-aleppo.png');

  const want = (await api('/v1/articles?location=ramouseh')).body.total;
  await page.keyboard.press('Enter');
  await page.waitForSelector('#list-status .chip');
  await page.waitForFunction((n) => document.querySelectorAll('#article-list li').length === n, want);
  assert.match(await page.locator('#list-status').innerText(), /الراموسة/);
  await shot('08-filtered.png');
});

test('every view keeps its state in the URL: bookmarks reopen it, back and forward work', async () => {
  const hash = () => page.evaluate(() => decodeURIComponent(location.hash));
  // Search and an open article, then the same URL loaded afresh.
  await page.click('nav a[data-view="articles"]');
  await page.fill('#q', 'حلب');
  await page.press('#q', 'Enter');
  await page.waitForFunction(() => decodeURIComponent(location.hash).includes('q=حلب'));
  const first = page.locator('#article-list a.art').first();
  const id = await first.getAttribute('data-id');
  await first.click();
  await page.waitForSelector('#body');
  assert.equal(await hash(), `#/a/${id}?q=حلب`);
  await page.reload();
  await page.waitForSelector('#body .hl');
  assert.equal(await page.inputValue('#q'), 'حلب');
  assert.equal(await page.locator('#article-list a[aria-current="true"]').getAttribute('data-id'), id);
  // Back closes the article, forward opens it again.
  await page.goBack();
  await page.waitForSelector('#reader .placeholder');
  assert.equal(await hash(), '#/?q=حلب');
  await page.goForward();
  await page.waitForSelector('#body');

  // A place filter the open article does not match closes it.
  const all = (await api('/v1/articles?limit=20')).body.data.map((a) => a.id);
  const locs = (await api('/v1/locations?mentioned=true&limit=500')).body.data;
  let place = null, outside = null;
  for (const l of locs) {
    const ids = (await api(`/v1/articles?location=${l.id}`)).body.data.map((a) => a.id);
    outside = all.find((x) => !ids.includes(x));
    if (ids.length && outside) { place = l; break; }
  }
  assert.ok(place, 'a place some seed articles do not mention');
  await page.goto(`${base}/#/a/${outside}?location=${place.id}`);
  await page.waitForFunction((p) => location.hash === `#/?location=${p}`, place.id);
  await page.waitForSelector('#reader .placeholder');
  await page.waitForFunction((n) => document.querySelector('#list-status').textContent.includes(n), place.name);

  // Compare filters and the map's extent.
  await page.click('nav a[data-view="compare"]');
  await page.waitForSelector('#compare-out .group, #compare-out [data-state]');
  await page.selectOption('#compare-form select[name="type"]', 'killed');
  await page.waitForFunction(() => location.hash.includes('type=killed'));
  await page.reload();
  await page.waitForSelector('#compare-out .group, #compare-out [data-state]');
  assert.equal(await page.inputValue('#compare-form select[name="type"]'), 'killed');
  await page.click('nav a[data-view="places"]');
  await page.click('.zoom button[data-extent="aleppo"]');
  await page.waitForFunction(() => location.hash === '#/places?extent=aleppo');
  await page.goBack();
  await page.waitForSelector('.zoom button[data-extent="syria"][aria-pressed="true"]');
  await page.goBack();
  await page.waitForFunction(() => location.hash.startsWith('#/compare'));
  assert.ok(await page.locator('#view-places').isHidden());
});

test('date filters: publication and event days go to the API and live in the URL; compare takes a date range', async () => {
  // The seeds carry no dates: a bound leaves out every undated article. The list
  // must show what the API answers for the same bound, and return when it is cleared.
  const day = '2016-08-01';
  const all = (await api('/v1/articles')).body.total;
  await page.goto(`${base}/#/`);
  await page.waitForFunction((n) => document.querySelectorAll('#article-list li').length === n, all);
  for (const [sel, key] of [['#f-pub-from', 'published_at__gte'], ['#f-pub-to', 'published_at__lte'], ['#f-date-from', 'date__gte'], ['#f-date-to', 'date__lte']]) {
    const want = (await api(`/v1/articles?${key}=${day}`)).body.total;
    const sent = page.waitForRequest((r) => r.url().includes('/v1/articles?') && new URL(r.url()).searchParams.get(key) === day);
    await page.fill(sel, day);
    await sent;
    await page.waitForFunction(([k, d]) => location.hash.includes(`${k}=${d}`), [key, day]);
    await page.waitForFunction((n) => document.querySelectorAll('#article-list li').length === n && !document.querySelector('#article-list[aria-busy]'), want);
    assert.match(await page.getAttribute('#export-csv', 'href'), new RegExp(`${key}=${day}`));
    if (key === 'published_at__gte') {
      await shot('10-date-filter.png');
      await page.reload(); // a bookmark reopens it
      await page.waitForFunction((n) => !document.querySelector('#article-list[aria-busy]') && document.querySelectorAll('#article-list li').length === n, want);
      assert.equal(await page.inputValue(sel), day);
    }
    await page.fill(sel, '');
    await page.waitForFunction((k) => !location.hash.includes(k), key);
    await page.waitForFunction((n) => document.querySelectorAll('#article-list li').length === n, all);
  }

  // Compare: the form's range and grouping go to the URL and the API.
  await page.click('nav a[data-view="compare"]');
  await page.waitForSelector('#compare-out .group, #compare-out [data-state]');
  const groups = (await api(`/v1/figures/compare?date__gte=${day}`)).body.total;
  const sent = page.waitForRequest((r) => r.url().includes('/v1/figures/compare?') && new URL(r.url()).searchParams.get('date__gte') === day);
  await page.fill('#compare-form input[name="date__gte"]', day);
  await sent;
  await page.waitForFunction((x) => location.hash.startsWith('#/compare') && location.hash.includes(`date__gte=${x}`), day);
  await page.waitForFunction((k) => document.querySelectorAll('#compare-out section.group').length === k
    && !document.querySelector('#compare-out .loading'), groups);
  await page.reload();
  await page.waitForSelector('#compare-out .group, #compare-out [data-state]');
  assert.equal(await page.inputValue('#compare-form input[name="date__gte"]'), day);
  await page.goto(`${base}/#/`);
});

test('outlet and party filters narrow the list; the exports carry the filters', async () => {
  await page.goto(`${base}/#/`);
  await page.waitForSelector('#f-outlet option[value="aljazeera"]', { state: 'attached' });
  await page.selectOption('#f-outlet', 'aljazeera');
  await page.waitForFunction(() => location.hash.includes('outlet=aljazeera'));
  const want = (await api('/v1/articles?outlet=aljazeera')).body;
  await page.waitForFunction((n) => document.querySelectorAll('#article-list li').length === n && !document.querySelector('#article-list[aria-busy]'), want.total);
  for (const a of want.data) assert.equal(await page.locator(`#article-list a[data-id="${a.id}"]`).count(), 1);
  const csvUrl = await page.getAttribute('#export-csv', 'href');
  assert.match(csvUrl, /outlet=aljazeera/);
  assert.match(csvUrl, /format=csv/);
  const csv = await (await fetch(base + csvUrl)).text();
  for (const a of want.data) assert.ok(csv.includes(a.id), `the CSV holds ${a.id}`);
  assert.equal((await fetch(base + (await page.getAttribute('#export-ndjson', 'href')))).status, 200);

  // A quoted party: the list is the articles that mention it.
  const party = (await api('/v1/articles?facet=claimant&limit=1')).body.facets.claimant.find((b) => b.value);
  await page.selectOption('#f-outlet', '');
  await page.waitForSelector(`#f-source option[value="${party.value}"]`, { state: 'attached' });
  await page.selectOption('#f-source', party.value);
  const mention = (await api(`/v1/articles?source=${encodeURIComponent(party.value)}`)).body.total;
  await page.waitForFunction((p) => decodeURIComponent(location.hash).includes(`source=${p}`), party.value);
  await page.waitForFunction((n) => document.querySelectorAll('#article-list li').length === n && !document.querySelector('#article-list[aria-busy]'), mention);
  await shot('09-list-filters.png');
  await page.selectOption('#f-source', '');
  await page.waitForFunction(() => document.querySelectorAll('#article-list li').length === 5);

  await page.click('nav a[data-view="places"]');
  await page.waitForSelector('#map circle.pt');
  const geo = await (await fetch(base + await page.getAttribute('#export-geojson', 'href'))).json();
  assert.equal(geo.type, 'FeatureCollection');
  assert.equal(geo.features.length, (await api('/v1/locations?mentioned=true&limit=500')).body.data.length);
});

// What a reader sees that is too small or cut off: text under 11 px (SVG text at the
// size its viewBox scales it to), a page wider than the screen, a table wider than a
// box that cannot scroll.
function readability() {
  const small = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    if (!n.textContent.trim() || !el || el.closest('[hidden], #tooltip, .sr-only, .skip, option, select')) continue;
    const r = el.getBoundingClientRect();
    if (!r.width || !r.height) continue;
    let px = parseFloat(getComputedStyle(el).fontSize);
    const svg = el.closest('svg');
    if (svg && svg.viewBox.baseVal && svg.viewBox.baseVal.width) px *= svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    if (px < 10.95) small.push(`${el.tagName}.${el.getAttribute('class') || ''} "${n.textContent.trim().slice(0, 20)}" ${px.toFixed(1)}px`);
  }
  const clipped = [...document.querySelectorAll('table')].filter((t) => t.getBoundingClientRect().width)
    .filter((t) => { const box = t.closest('.table-wrap'); return !box || (box.scrollWidth > box.clientWidth + 1 && getComputedStyle(box).overflowX !== 'auto'); })
    .map((t) => t.className);
  return { small, clipped, pageWidth: document.documentElement.scrollWidth, screen: innerWidth };
}

for (const width of [1366, 390]) {
  test(`at ${width} px every view is readable: no text under 11 px, nothing cut off`, async () => {
    await page.setViewportSize({ width, height: width > 500 ? 900 : 844 });
    try {
      const check = async (name) => {
        const r = await page.evaluate(readability);
        assert.deepEqual(r.small, [], `${name}: text under 11 px`);
        assert.deepEqual(r.clipped, [], `${name}: a table cut off`);
        assert.ok(r.pageWidth <= r.screen, `${name}: the page is ${r.pageWidth} px wide on a ${r.screen} px screen`);
        await shot(`w${width}-${name}.png`);
      };
      const id = '000_e1e3e40d7f5e5c95';
      await page.goto(`${base}/#/`);
      await page.waitForFunction(() => document.querySelectorAll('#article-list li').length === 5);
      await check('articles');
      await page.goto(`${base}/#/a/${id}`);
      await page.waitForSelector('#body .hl');
      await check('article');
      // The figures are one tap away, without scrolling past the text.
      if (width < 1100) {
        const jump = page.locator('#reader .jump-figures');
        await jump.scrollIntoViewIfNeeded();
        await jump.click();
        await page.waitForFunction(() => { const r = document.querySelector('#reader .side .figures').getBoundingClientRect(); return r.top >= -1 && r.top < innerHeight / 2; });
        await shot(`w${width}-article-figures.png`);
      } else {
        const r = await page.locator('#reader .side .figures').boundingBox();
        assert.ok(r.y < 900, 'the figures list is beside the text');
      }
      await page.goto(`${base}/#/compare`);
      await page.waitForSelector('#compare-out .group, #compare-out [data-state]');
      await check('compare');
      await page.goto(`${base}/#/places`);
      await page.waitForSelector('#map circle.pt');
      await check('places');
      await page.goto(`${base}/#/places?extent=aleppo`);
      await page.waitForSelector('#map circle.pt');
      await check('places-aleppo');
    } finally {
      await page.setViewportSize({ width: 1360, height: 900 });
    }
  });
}

test('no script errors on the page', () => {
  // A 404 fetch is logged by Chromium as a console error: allowed only for compare.
  const real = pageErrors.filter((e) => !/Failed to load resource: the server responded with a status of (400|404)/.test(e));
  assert.deepEqual(real, []);
});
