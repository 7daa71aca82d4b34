// marsad explorer: one page over the public JSON API (relative URLs only).
// Every API string reaches the page through textContent or attributes, never innerHTML.

// ---- small helpers ---------------------------------------------------------
const $ = (sel, root = document) => root.querySelector(sel);
const SVGNS = 'http://www.w3.org/2000/svg';

function build(el, attrs, kids) {
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v == null || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'text') el.textContent = v;
    else if (k === 'style') el.style.cssText = v; // through the CSSOM: the page's CSP refuses style attributes
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of kids.flat()) if (c != null && c !== false) el.append(c instanceof Node ? c : String(c));
  return el;
}
const h = (tag, attrs, ...kids) => build(document.createElement(tag), attrs, kids);
const s = (tag, attrs, ...kids) => build(document.createElementNS(SVGNS, tag), attrs, kids);

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

class Problem extends Error {
  constructor(status, body) {
    super((body && (body.detail || body.title)) || `HTTP ${status}`);
    this.status = status;
    this.problem = body;
  }
}

// Only an http(s) URL becomes a link: an article's url is data from outside
// (a database written before the server checked it may hold javascript:).
function webLink(url) {
  if (typeof url !== 'string') return false;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

// GET a JSON route; waits out the 503 of the seed import, throws Problem otherwise.
async function api(url) {
  for (let attempt = 0; ; attempt++) {
    const res = await fetch(url, { headers: { Accept: 'application/json' } });
    let body = null;
    try { body = await res.json(); } catch { /* not JSON */ }
    if (res.ok) return body;
    if (res.status === 503 && attempt < 20) {
      await sleep(1000 * Math.min(5, Number(res.headers.get('Retry-After')) || 1));
      continue;
    }
    throw new Problem(res.status, body);
  }
}

const qs = (params) => {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v != null && v !== '') p.set(k, v);
  const str = p.toString();
  return str ? `?${str}` : '';
};

// ---- vocabulary --------------------------------------------------------------
const TYPE = {
  killed: 'قتلى', injured: 'جرحى', casualties: 'ضحايا', suffocated: 'حالات اختناق',
  captured: 'أسرى', displaced: 'نازحون', evacuated: 'من جرى إجلاؤهم', trapped: 'محاصَرون',
  destroyed: 'ما دُمِّر', seized: 'ما استُولي عليه', fired: 'ما أُطلق',
  airstrikes: 'غارات جوية', count: 'عدد',
};
const QUAL = {
  more_than: 'أكثر من', at_least: 'ما لا يقل عن', about: 'نحو', up_to: 'حتى', less_than: 'أقل من',
};
const VAGUE = { tens: 'عشرات', hundreds: 'مئات', thousands: 'آلاف', some: 'عدد غير محدد' };
const QUAL_NAME = {
  exact: 'دقيق', more_than: 'أكثر من', at_least: 'على الأقل', about: 'تقريبي', up_to: 'حتى',
  less_than: 'أقل من', range: 'نطاق', tens: 'عشرات', hundreds: 'مئات', thousands: 'آلاف', some: 'غير محدد',
};
const AFF = { government: 'حكومية', opposition: 'معارضة', independent: 'مستقلة', unknown: 'غير معروفة' };
const AFF_EN = { government: 'government', opposition: 'opposition', independent: 'independent', unknown: 'unknown' };
const STANCE = { claimed: 'ادّعاء', denied: 'نفي' };
const CATEGORY = { combatants: 'مقاتلون', civilians: 'مدنيون', people: 'أشخاص', materiel: 'عتاد', munitions: 'ذخائر' };
const SIDE = { government: 'من القوات الحكومية وحلفائها', opposition: 'من المعارضة', unknown: '' };
const ROLE = { outlet: 'الناشر', speaker: 'متحدِّث', mentioned: 'مذكور' };
const SRC_KIND = {
  outlet: 'وسيلة إعلام', armed_group: 'فصيل مسلح', military: 'جهة عسكرية', government: 'جهة حكومية',
  agency: 'وكالة', ngo: 'منظمة', un: 'الأمم المتحدة', civil_defence: 'دفاع مدني', activists: 'ناشطون',
  anonymous: 'مصدر مجهول', person: 'شخص', role: 'صفة', other: 'أخرى',
};
const LOC_KIND = {
  country: 'دولة', governorate: 'محافظة', district: 'منطقة', city: 'مدينة', town: 'بلدة', village: 'قرية',
  neighbourhood: 'حي', military_site: 'موقع عسكري', hill: 'تلة', road: 'طريق', facility: 'منشأة', region: 'ناحية',
  camp: 'مخيم', river: 'نهر', other: 'مكان',
};
// What a figure counts: the API's English `object`, in the plural of data/lexicon/nouns.tsv.
const OBJECT = {
  aircraft: 'طائرات', airstrikes: 'غارات', 'armoured vehicles': 'مدرعات', 'attack axes': 'محاور', attacks: 'هجمات',
  'barrel bombs': 'براميل متفجرة', bombs: 'قنابل', buildings: 'مبانٍ', bulldozers: 'جرافات', cases: 'حالات',
  checkpoints: 'حواجز', children: 'أطفال', civilians: 'مدنيون', commanders: 'قادة', convoys: 'قوافل', dead: 'قتلى',
  detainees: 'معتقلون', 'displaced people': 'نازحون', doctors: 'أطباء', 'explosive devices': 'عبوات ناسفة',
  factions: 'فصائل', families: 'عائلات', fighters: 'مقاتلون', 'gas cylinders': 'أسطوانات غاز', guns: 'مدافع',
  hospitals: 'مستشفيات', injured: 'جرحى', journalists: 'صحفيون', launchers: 'منصات', 'machine guns': 'رشاشات',
  members: 'عناصر', men: 'رجال', 'military vehicles': 'آليات عسكرية', mines: 'ألغام', 'mortar shells': 'قذائف هاون',
  'non-commissioned officers': 'صف ضباط', officers: 'ضباط', people: 'أشخاص', positions: 'مواقع', prisoners: 'أسرى',
  refugees: 'لاجئون', rescuers: 'مسعفون', 'rocket launchers': 'راجمات صواريخ', rockets: 'صواريخ', schools: 'مدارس',
  'security personnel': 'عناصر أمن', shells: 'قذائف', sites: 'مقرات', soldiers: 'جنود', sorties: 'طلعات جوية',
  'suffocation cases': 'حالات اختناق', tanks: 'دبابات', 'troop carriers': 'ناقلات جند', trucks: 'شاحنات',
  units: 'وحدات', vehicles: 'سيارات', victims: 'ضحايا', weapons: 'أسلحة', women: 'نساء', workers: 'عمال',
};

const fmt = (n) => (n == null ? '' : Number(n).toLocaleString('en-US'));
// Arabic counted nouns: 1 and 2 have their own forms, 3–10 the plural, 11 and more the singular.
const count = (n, [one, two, few, many]) => (n === 1 ? one : n === 2 ? two : `${fmt(n)} ${n % 100 >= 3 && n % 100 <= 10 ? few : many}`);
const N_ART = ['مقال واحد', 'مقالان', 'مقالات', 'مقالًا'];

// "أكثر من 80", "نحو 35", "15–20", "عشرات"
function figValue({ value, value_max, qualifier }) {
  if (qualifier === 'range' && value != null && value_max != null) return `${fmt(value)}–${fmt(value_max)}`;
  if (VAGUE[qualifier]) return value == null ? VAGUE[qualifier] : `${VAGUE[qualifier]} (${fmt(value)})`;
  if (value == null) return '؟';
  return QUAL[qualifier] ? `${QUAL[qualifier]} ${fmt(value)}` : fmt(value);
}
const objectName = (o) => (o ? OBJECT[o] || o : '');
function subjectText(subj) {
  if (!subj) return '';
  return [CATEGORY[subj.category], SIDE[subj.side]].filter(Boolean).join(' ');
}
const affOf = (c) => (c && AFF[c.affiliation] ? c.affiliation : 'unknown');

// ---- tooltip (hover and keyboard focus) ---------------------------------------
const tip = $('#tooltip');
const tips = new WeakMap(); // element -> () => Node
let tipOwner = null;

function showTip(el) {
  const make = tips.get(el);
  if (!make) return;
  tip.replaceChildren(make());
  tip.hidden = false;
  tipOwner = el;
  el.setAttribute('aria-describedby', 'tooltip');
  const r = el.getBoundingClientRect();
  const t = tip.getBoundingClientRect();
  let top = r.top - t.height - 8;
  if (top < 4) top = r.bottom + 8;
  const left = Math.max(4, Math.min(window.innerWidth - t.width - 4, r.left + r.width / 2 - t.width / 2));
  tip.style.top = `${top}px`;
  tip.style.left = `${left}px`;
}
function hideTip() {
  if (tipOwner) tipOwner.removeAttribute('aria-describedby');
  tipOwner = null;
  tip.hidden = true;
}
const tipTarget = (node) => {
  for (let n = node; n && n !== document; n = n.parentNode) if (tips.has(n)) return n;
  return null;
};
document.addEventListener('mouseover', (e) => { const t = tipTarget(e.target); if (t) showTip(t); else if (tipOwner) hideTip(); });
document.addEventListener('focusin', (e) => { const t = tipTarget(e.target); if (t) showTip(t); else hideTip(); });
document.addEventListener('keydown', (e) => { if (e.key === 'Escape') hideTip(); });
window.addEventListener('scroll', hideTip, { passive: true });

// Arrow keys move between the items of any [data-keynav] list.
document.addEventListener('keydown', (e) => {
  if (!['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(e.key)) return;
  const list = e.target.closest && e.target.closest('[data-keynav]');
  if (!list) return;
  const items = [...list.querySelectorAll('a, button')].filter((x) => !x.disabled);
  const i = items.indexOf(e.target);
  if (i < 0) return;
  const next = { ArrowDown: i + 1, ArrowUp: i - 1, Home: 0, End: items.length - 1 }[e.key];
  if (items[next]) { e.preventDefault(); items[next].focus(); }
});

function flash(els) {
  els.forEach((el) => { el.classList.remove('flash'); void el.offsetWidth; el.classList.add('flash'); });
  if (els[0]) els[0].scrollIntoView({ block: 'center', behavior: 'smooth' });
}

// ---- articles: search, list, paging --------------------------------------------
// The list's filters come from the URL (#/?q=…&location=…), so a view can be bookmarked.
const state = { q: '', location: null, next: null, articleId: null, listKey: null };
// The date filters go to the API under its own names: publication day, and the
// day of the events the article's figures report.
const DATE_FILTERS = [['#f-pub-from', 'published_at__gte'], ['#f-pub-to', 'published_at__lte'], ['#f-date-from', 'date__gte'], ['#f-date-to', 'date__lte']];
const listParams = () => ({ q: state.q, location: state.location?.id, outlet: state.outlet, source: state.source,
  ...Object.fromEntries(DATE_FILTERS.map(([, k]) => [k, state[k]])) });
// The API's filters for the list: q as FTS5, the rest as they are.
const apiListParams = () => ({ ...listParams(), q: ftsQuery(state.q) });

// ---- the URL: #/view/part?params -------------------------------------------------
function parseHash() {
  const raw = location.hash.replace(/^#\/?/, '');
  const at = raw.indexOf('?');
  const path = at < 0 ? raw : raw.slice(0, at);
  return { parts: path.split('/').map(decodeURIComponent), params: new URLSearchParams(at < 0 ? '' : raw.slice(at + 1)) };
}
const hashFor = (path, params) => `#/${path}${qs(params || {})}`;
// Every change of view or filter is a new history entry; route() then draws it.
function go(path, params) {
  const next = hashFor(path, params);
  if (location.hash === next) route(); else location.hash = next;
}
const list = $('#article-list');
const details = new Map(); // id -> Promise of the article with its body
const getArticle = (id) => {
  if (!details.has(id)) details.set(id, api(`/v1/articles/${encodeURIComponent(id)}`).catch((e) => { details.delete(id); throw e; }));
  return details.get(id);
};
const clip = (str, n) => { const cp = Array.from(str); return cp.length > n ? `${cp.slice(0, n).join('')}…` : str; };
const firstLine = (a) => a.body.split('\n').find((l) => l.trim()) || 'مقال بلا عنوان';

// Search takes words as people type them and sends FTS5 the server parses: a phrase in
// quotes stays a phrase, a trailing star a prefix, an unmatched quote is dropped, other
// punctuation separates words, and AND/OR/NOT between two words stay operators.
function ftsQuery(raw) {
  let text = raw;
  if ((text.match(/"/g) || []).length % 2) { const i = text.lastIndexOf('"'); text = text.slice(0, i) + text.slice(i + 1); }
  const out = [];
  const tokens = [...text.matchAll(/"([^"]*)"(\*?)|(\S+)/g)];
  tokens.forEach((m, i) => {
    const [, phrase, pstar, bare] = m;
    if (bare != null && /^(AND|OR|NOT)$/.test(bare) && out.length && i < tokens.length - 1) { out.push(bare); return; }
    const star = phrase != null ? pstar : /\*$/.test(bare) ? '*' : '';
    const words = (phrase != null ? phrase : bare).replace(/[^\p{L}\p{N}\p{M}]+/gu, ' ').trim();
    // A one-word prefix goes bare (word*), the shortest form of the same query.
    if (words) out.push(star && !/\s/.test(words) ? `${words}*` : `"${words}"${star}`);
  });
  while (/^(AND|OR|NOT)$/.test(out[out.length - 1] || '')) out.pop();
  return out.join(' ');
}

// A problem from the API, said in Arabic; the server's English detail stays in a tooltip.
function problemText(e) {
  const p = e.problem || {};
  const param = p.invalid_params && p.invalid_params[0] && p.invalid_params[0].name;
  if (e.status === 400 && param === 'q') return 'لم نفهم عبارة البحث. اكتب كلمات عادية، أو ضع العبارة بين علامتي تنصيص.';
  if (e.status === 400) return 'أحد عوامل التصفية غير صالح.';
  if (e.status === 414 || e.status === 413) return 'عبارة البحث أطول مما يقبله الخادم.';
  if (e.status === 404) return 'غير موجود.';
  if (e.status === 503) return 'الخادم مشغول باستيراد البيانات؛ حاول بعد قليل.';
  return 'حدث خطأ في الخادم؛ حاول مرة أخرى.';
}

async function loadArticles(more = false) {
  const err = $('#search-error');
  const url = more ? state.next : `/v1/articles${qs({ ...apiListParams(), limit: 20 })}`;
  // Exports carry the same filters: every matching article, not one page.
  $('#export-csv').href = `/v1/articles${qs({ ...apiListParams(), format: 'csv' })}`;
  $('#export-ndjson').href = `/v1/articles${qs({ ...apiListParams(), format: 'ndjson' })}`;
  if (!more) { list.replaceChildren(); err.hidden = true; }
  list.setAttribute('aria-busy', 'true');
  try {
    const page = await api(url);
    for (const a of page.data) list.append(articleItem(a));
    state.next = page.next_url;
    // An open article that left the filtered list is closed.
    // (Only a filtered list: the unfiltered one holds every article, past its first page too.)
    if (!more && Object.values(listParams()).some(Boolean) && state.articleId && !page.data.some((a) => a.id === state.articleId)) {
      go('', listParams());
    }
    listStatus(page.total);
  } catch (e) {
    err.replaceChildren(h('strong', { text: 'تعذّر البحث: ' }), h('span', { text: problemText(e), title: e.message }));
    err.hidden = false;
    state.next = null;
    listStatus(null);
  } finally {
    list.removeAttribute('aria-busy');
    $('#more').hidden = !state.next;
    markCurrent();
  }
}

function listStatus(total) {
  state.total = total;
  const box = $('#list-status');
  box.replaceChildren();
  if (total != null) {
    box.append(h('span', { class: 'total', text: state.q ? `${count(total, ['نتيجة واحدة', 'نتيجتان', 'نتائج', 'نتيجة'])} لـ «${state.q}»` : count(total, N_ART) }));
  }
  if (state.location) {
    box.append(h('span', { class: 'chip' }, 'تذكر: ', h('b', { text: state.location.name }),
      h('button', { type: 'button', class: 'chip-x', 'aria-label': 'إلغاء تصفية المكان', title: 'clear place filter',
        onclick: () => go('', { ...listParams(), location: '' }) }, '×')));
  }
}

function articleItem(a) {
  const c = a.counts || {};
  const link = h('a', { href: hashFor(`a/${encodeURIComponent(a.id)}`, listParams()), class: 'art', 'data-id': a.id },
    // An untitled article shows its first words (the list's excerpt): no second request per article.
    h('span', { class: `art-title${a.title ? '' : ' derived'}`, text: a.title || clip(a.excerpt || 'مقال بلا عنوان', 70) }),
    h('span', { class: 'art-meta' },
      h('span', { class: 'outlet', text: a.outlet ? a.outlet.name : 'ناشر غير معروف' }),
      a.published_at ? h('span', { text: a.published_at.slice(0, 10) }) : null),
    h('span', { class: 'art-counts' },
      h('span', { class: 'n n-fig', title: 'figures' }, 'أرقام ', h('b', { text: fmt(c.figures) })),
      h('span', { class: 'n n-place', title: 'places' }, 'أماكن ', h('b', { text: fmt(c.locations) })),
      h('span', { class: 'n n-src', title: 'sources' }, 'مصادر ', h('b', { text: fmt(c.sources) }))));
  return h('li', null, link);
}

function markCurrent() {
  for (const a of list.querySelectorAll('a.art')) {
    if (a.dataset.id === state.articleId) a.setAttribute('aria-current', 'true');
    else a.removeAttribute('aria-current');
  }
}

$('#search').addEventListener('submit', (e) => {
  e.preventDefault();
  state.listKey = null; // the same search again is a retry
  go('', { ...listParams(), q: $('#q').value.trim() });
});
$('#more').addEventListener('click', () => loadArticles(true));
for (const [sel, key] of [['#f-outlet', 'outlet'], ['#f-source', 'source'], ...DATE_FILTERS]) {
  $(sel).addEventListener('change', (e) => go('', { ...listParams(), [key]: e.target.value }));
}

// The outlet and party filters offer what the articles hold (the list's facets).
async function fillListFilters() {
  let facets = {};
  try { facets = (await api('/v1/articles?facet=outlet,claimant&limit=1')).facets || {}; } catch { return; }
  for (const [sel, name] of [['#f-outlet', 'outlet'], ['#f-source', 'claimant']]) {
    for (const b of facets[name] || []) if (b.value) $(sel).append(h('option', { value: b.value, text: b.label || b.value }));
  }
}
// Selects a value, adding it when the facets did not list it (a bookmark of a rare one).
function selectValue(sel, value) {
  const el = $(sel);
  if (value && ![...el.options].some((o) => o.value === value)) el.append(h('option', { value, text: value }));
  el.value = value || '';
}
let listFiltersReady = null;

// ---- the reader: body with highlights and side lists ---------------------------
function figureTip(f) {
  return h('div', { class: 'tip-row' },
    h('span', { class: 'tip-kind k-fig', text: 'رقم' }),
    h('b', { text: figValue(f) }), ' — ', TYPE[f.type] || f.type,
    f.object ? ` (${objectName(f.object)})` : '',
    h('div', { class: 'tip-sub' }, `الدقة: ${QUAL_NAME[f.qualifier] || f.qualifier}`,
      ' · ', `الجهة: ${f.claimant ? `${f.claimant.name} (${AFF[affOf(f.claimant)]})` : 'غير محددة'}`,
      f.stance === 'denied' ? ' · نفي' : '', f.location ? ` · ${f.location.name}` : ''));
}
const placeTip = (l) => h('div', { class: 'tip-row' }, h('span', { class: 'tip-kind k-place', text: 'مكان' }),
  h('b', { text: l.name }), ` — ${LOC_KIND[l.kind] || l.kind}`);
const sourceTip = (src, m) => h('div', { class: 'tip-row' }, h('span', { class: 'tip-kind k-src', text: 'مصدر' }),
  h('b', { text: src.name }), ` — ${SRC_KIND[src.kind] || src.kind}، ${AFF[src.affiliation] || ''}`,
  m.role ? h('div', { class: 'tip-sub', text: `الدور: ${ROLE[m.role] || m.role}` }) : null);

// Splits the body at every span boundary (code points) so overlapping and nested
// spans become flat segments, each carrying every annotation that covers it.
function renderBody(body, anns) {
  const cps = Array.from(body);
  const n = cps.length;
  const cuts = new Set([0, n]);
  anns = anns.filter((a) => a.start < a.end && a.start >= 0 && a.end <= n);
  for (const a of anns) { cuts.add(a.start); cuts.add(a.end); }
  const pts = [...cuts].sort((x, y) => x - y);
  const frag = document.createDocumentFragment();
  const seen = new Set();
  for (let i = 0; i + 1 < pts.length; i++) {
    const [a, b] = [pts[i], pts[i + 1]];
    const text = cps.slice(a, b).join('');
    const on = anns.filter((x) => x.start <= a && x.end >= b);
    if (!on.length) { frag.append(text); continue; }
    const kinds = [...new Set(on.map((x) => x.kind))];
    const el = h('span', { class: ['hl', ...kinds.map((k) => `hl-${k}`)].join(' ') }, text);
    el.dataset.keys = on.map((x) => x.key).join(' ');
    if (on.some((x) => x.kind === 'source' && x.role === 'speaker')) el.classList.add('speaker');
    for (const x of on) {
      if (x.kind === 'fig' && !seen.has(x.key)) { seen.add(x.key); el.id = `fig-${x.id}`; el.tabIndex = 0; }
    }
    tips.set(el, () => h('div', null, on.map((x) => x.tip())));
    frag.append(el);
  }
  return frag;
}

const segmentsOf = (key) => [...document.querySelectorAll('#body .hl')].filter((el) => el.dataset.keys.split(' ').includes(key));

function closeArticle() {
  if (state.articleId == null) return;
  state.articleId = null;
  markCurrent();
  $('#reader').replaceChildren(h('div', { class: 'placeholder' },
    h('p', { text: 'اختر مقالًا من القائمة لقراءته مع الأرقام والأماكن والمصادر مُبرزةً في النص.' })));
}

async function openArticle(id, figId) {
  const reader = $('#reader');
  if (state.articleId !== id) {
    state.articleId = id;
    markCurrent();
    reader.replaceChildren(h('p', { class: 'loading', text: 'جارٍ التحميل…' }));
    let a;
    try { a = await getArticle(id); } catch (e) {
      reader.replaceChildren(h('p', { class: 'problem', role: 'alert', text: `تعذّر فتح المقال: ${problemText(e)}`, title: e.message }));
      return;
    }
    if (state.articleId !== id) return;
    renderArticle(a);
    $('#art-title').focus({ preventScroll: true });
    const top = reader.getBoundingClientRect().top;
    if (!figId && (top < 0 || top > window.innerHeight / 2)) reader.scrollIntoView({ block: 'start' });
  }
  if (figId) flash(segmentsOf(`f:${figId}`));
}

function renderArticle(a) {
  const anns = [];
  a.figures.forEach((f) => anns.push({ ...f.span, kind: 'fig', key: `f:${f.id}`, id: f.id, tip: () => figureTip(f) }));
  a.locations.forEach((l) => l.mentions.forEach((m) => anns.push({ ...m, kind: 'place', key: `l:${l.id}`, tip: () => placeTip(l) })));
  a.sources.forEach((src) => src.mentions.forEach((m) => anns.push({ ...m, kind: 'source', role: m.role, key: `s:${src.id}`, tip: () => sourceTip(src, m) })));

  const title = a.title || clip(firstLine(a), 90);
  const bodyEl = h('div', { id: 'body', class: 'body', lang: a.language || 'ar' }, renderBody(a.body, anns));

  const side = h('aside', { class: 'side', 'aria-label': 'ما استُخرج من المقال' },
    sideList('الأرقام', 'figures', 'k-fig', a.figures, (f) => [
      h('span', null, h('b', { class: 'side-value', text: figValue(f) }), ' ',
        h('span', { class: 'side-what', text: [TYPE[f.type] || f.type, objectName(f.object)].filter(Boolean).join(' · ') })),
      h('span', { class: 'side-sub' }, h('i', { class: `dot aff-${affOf(f.claimant)}`, 'aria-hidden': 'true' }),
        f.claimant ? f.claimant.name : 'جهة غير محددة', f.stance === 'denied' ? ' (نفي)' : ''),
    ], (f) => `f:${f.id}`),
    sideList('الأماكن', 'places', 'k-place', a.locations, (l) => [
      h('span', { class: 'side-what', text: l.name }),
      h('span', { class: 'side-sub', text: `${LOC_KIND[l.kind] || l.kind} · ${l.mentions.length}×` }),
    ], (l) => `l:${l.id}`),
    sideList('المصادر', 'sources', 'k-src', a.sources, (src) => [
      h('span', { class: 'side-what' }, h('i', { class: `dot aff-${affOf(src)}`, 'aria-hidden': 'true' }), src.name),
      h('span', { class: 'side-sub', text: `${SRC_KIND[src.kind] || src.kind} · ${AFF[src.affiliation] || ''} · ${src.mentions.length}×` }),
    ], (src) => `s:${src.id}`));

  $('#reader').replaceChildren(h('article', { class: 'card article', 'aria-labelledby': 'art-title' },
    h('header', { class: 'art-head' },
      h('a', { class: 'close', href: hashFor('', listParams()), 'aria-label': 'إغلاق المقال', title: 'close', text: '×' }),
      h('h2', { id: 'art-title', tabindex: -1, text: title }),
      // Where the lists sit under the text (a narrow screen), a jump to them.
      h('p', { class: 'jumps' }, [['figures', 'الأرقام', a.figures.length], ['places', 'الأماكن', a.locations.length], ['sources', 'المصادر', a.sources.length]]
        .map(([cls, label, n]) => h('button', { type: 'button', class: `jump jump-${cls}`,
          onclick: () => { const sec = $(`#reader .side .${cls}`); sec.scrollIntoView({ block: 'start' }); sec.querySelector('button, p')?.focus?.(); } },
        `${label} (${fmt(n)}) ↓`))),
      h('p', { class: 'meta' },
        h('span', { text: a.outlet ? a.outlet.name : 'ناشر غير معروف' }),
        a.published_at ? h('span', { text: a.published_at.slice(0, 10) }) : null,
        webLink(a.url) ? h('a', { href: a.url, rel: 'noopener noreferrer', target: '_blank', text: 'المصدر الأصلي' }) : null),
      h('p', { class: 'legend', 'aria-label': 'مفتاح الألوان' },
        h('span', { class: 'hl hl-fig', text: 'رقم' }), h('span', { class: 'hl hl-place', text: 'مكان' }),
        h('span', { class: 'hl hl-source', text: 'مصدر' }), h('span', { class: 'hl hl-source speaker', text: 'متحدث' }))),
    h('div', { class: 'reader-grid' }, bodyEl, side)));
}

function sideList(label, cls, kindCls, items, render, keyOf) {
  return h('section', { class: `side-sec ${cls}` },
    h('h3', null, h('span', { class: `tip-kind ${kindCls}`, 'aria-hidden': 'true' }), label, h('small', { text: ` ${items.length}` })),
    items.length ? h('ul', { 'data-keynav': true }, items.map((it) => h('li', null,
      h('button', { type: 'button', class: 'side-item', onclick: () => flash(segmentsOf(keyOf(it))) }, render(it)))))
      : h('p', { class: 'empty', text: 'لا شيء' }));
}

// ---- compare ------------------------------------------------------------------

async function loadCompare() {
  const out = $('#compare-out');
  const f = new FormData($('#compare-form'));
  out.replaceChildren(h('p', { class: 'loading', text: 'جارٍ التحميل…' }));
  let res;
  try {
    res = await api(`/v1/figures/compare${qs(Object.fromEntries(f))}`);
  } catch (e) {
    if (e.status === 404) {
      out.replaceChildren(h('div', { class: 'card notice', 'data-state': 'unavailable', role: 'status' },
        h('h3', { text: 'المقارنة غير متاحة بعد' }),
        h('p', { text: 'هذا الخادم لا يقدّم مسار المقارنة (/v1/figures/compare) حتى الآن. جرّب لاحقًا، أو تصفّح الأرقام في المقالات.' })));
    } else {
      out.replaceChildren(h('p', { class: 'problem', role: 'alert', text: `تعذّرت المقارنة: ${problemText(e)}`, title: e.message }));
    }
    return;
  }
  if (!res.groups.length) {
    out.replaceChildren(h('p', { class: 'card notice', 'data-state': 'empty', text: 'لا توجد أرقام متقابلة من جهات مختلفة لهذه التصفية.' }));
    return;
  }
  out.replaceChildren(h('p', { class: 'list-status', text: count(res.total, ['مجموعة واحدة', 'مجموعتان', 'مجموعات', 'مجموعة']) }), ...res.groups.map(groupCard));
}

// Bloc names come from /v1/meta's conflicts (data/blocs.tsv, as the extractor reads
// it); a name that recurs in another conflict is told apart by its conflict's.
const BLOC = { independent: 'مستقلة (مراصد، أمم متحدة، إعلام)' };
const metaReady = api('/v1/meta').then((m) => {
  const all = (m.conflicts || []).flatMap((c) => c.blocs.map((b) => [b, c]));
  const seen = {};
  for (const [b] of all) seen[b.name] = (seen[b.name] || 0) + 1;
  for (const [b, c] of all) BLOC[b.id] = seen[b.name] > 1 ? `${b.name} (${c.name})` : b.name;
  return m;
});
const blocName = (b) => (b == null ? 'جهة غير معروفة' : BLOC[b] || b);
// Colours are handed out per group in the order blocs appear there, so two blocs
// of one group never share one; the legend says which is which.
const PALETTE = ['#c0392b', '#1f77b4', '#2e8b57', '#8e44ad', '#d35400', '#7f8c8d', '#b8860b', '#16a085'];
function blocColours(g) {
  const m = new Map();
  for (const r of g.claimants) {
    const b = r.claimant ? r.claimant.bloc : null;
    if (!m.has(b)) m.set(b, b == null ? '#9aa3ad' : PALETTE[m.size % PALETTE.length]);
  }
  return m;
}
const rowBloc = (r) => (r.claimant ? r.claimant.bloc : null);
const claimantName = (r) => (r.claimant ? r.claimant.name || r.claimant.id : 'غير محددة');
const figHref = (f) => `#/a/${encodeURIComponent(f.article_id)}/${encodeURIComponent(f.id)}`;

function dateText(d) {
  if (!d) return 'تاريخ غير معروف';
  return d.start === d.end ? d.start : `${d.start} – ${d.end}`;
}

function groupCard(g) {
  const k = g.key;
  const colours = blocColours(g);
  const subject = k.subject ? [CATEGORY[k.subject.category], k.subject.bloc ? blocName(k.subject.bloc) : SIDE[k.subject.side]]
    .filter(Boolean).join(' — ') : '';
  const title = [TYPE[k.type] || k.type, subject, objectName(k.object)].filter(Boolean).join(' · ');
  const sp = g.spread || {};
  return h('section', { class: 'card group' },
    h('h3', { text: title }),
    h('p', { class: 'meta' },
      h('span', { text: k.area ? k.area.name : 'مكان غير محدد' }),
      h('span', { text: dateText(k.date) }),
      h('span', { text: `${count(g.n_claimants, ['جهة واحدة', 'جهتان', 'جهات', 'جهة'])} · ${count(g.n_claims, ['رقم واحد', 'رقمان', 'أرقام', 'رقمًا'])}` }),
      sp.min != null ? h('span', { title: 'spread of the headline figures: min–max (ratio)' }, 'المدى ', h('b', { text: `${fmt(sp.min)}–${fmt(sp.max)}` }),
        sp.ratio ? ` (×${fmt(Math.round(sp.ratio * 10) / 10)})` : '') : null),
    h('ul', { class: 'bloc-legend', 'aria-label': 'الكتل' }, [...colours].map(([b, c]) =>
      h('li', { title: b || 'unknown' }, h('i', { class: 'swatch', style: `background:${c}`, 'aria-hidden': 'true' }), blocName(b)))),
    spreadChart(g, colours),
    timeline(g, colours),
    h('ol', { class: 'claimant-rows' }, g.claimants.map((r) => claimantRow(r, colours))));
}

function figLine(f) {
  return h('span', { class: 'fig-line' },
    h('a', { class: 'num', href: figHref(f), title: 'open the article at this figure', text: figValue(f) }),
    ' ', h('span', { class: 'what', text: [objectName(f.object), STANCE[f.stance] || ''].filter(Boolean).join(' · ') }),
    f.quote ? h('q', { class: 'quote' }, quoteWithSpan(f.quote, f.span && f.span.text)) : null);
}

// One claimant a row: its headline, its parts folded under it, older counts and
// the articles that carry it on demand.
function claimantRow(r, colours) {
  const b = rowBloc(r);
  const head = r.headline;
  return h('li', { class: 'claimant-row', style: `--bloc:${colours.get(b)}`, 'data-bloc': b || '' },
    h('div', { class: 'row-head' },
      h('span', { class: 'who', text: claimantName(r) }),
      h('span', { class: 'bloc-badge', text: blocName(b) }),
      head ? figLine(head) : h('span', { class: 'muted', text: 'أجزاء فقط' })),
    r.parts.length ? h('details', { class: 'parts' }, h('summary', { text: count(r.parts.length, ['جزء واحد', 'جزءان', 'أجزاء', 'جزءًا']) }),
      h('ul', null, r.parts.map((f) => h('li', null, figLine(f))))) : null,
    r.superseded.length ? h('details', { class: 'superseded' }, h('summary', { text: `أرقام سابقة (${fmt(r.superseded.length)})` }),
      h('ul', null, r.superseded.map((f) => h('li', null, figLine(f))))) : null,
    r.carriers.length ? h('details', { class: 'carriers' }, h('summary', { text: `نُشر في ${count(r.carriers.length, ['مقال واحد', 'مقالين', 'مقالات', 'مقالًا'])}` }),
      h('ul', null, r.carriers.map((c) => h('li', null, h('a', { href: `#/a/${encodeURIComponent(c.article_id)}`,
        text: [c.outlet ? c.outlet.name : 'ناشر غير معروف', c.published_at ? c.published_at.slice(0, 10) : ''].filter(Boolean).join(' · ') }))))) : null);
}

// The claim's span is an offset into the body, not the quote: find its text in the
// quote and show a window around it.
function quoteWithSpan(quote, text) {
  if (!quote) return text ? h('mark', { text }) : '';
  const q = Array.from(quote);
  const at = text ? quote.indexOf(text) : -1;
  if (at < 0) return q.length > 160 ? `${q.slice(0, 160).join('')}…` : quote;
  const a = Array.from(quote.slice(0, at)).length;
  const b = a + Array.from(text).length;
  const from = Math.max(0, a - 70), to = Math.min(q.length, b + 70);
  return [from > 0 ? '…' : '', q.slice(from, a).join(''), h('mark', { text }), q.slice(b, to).join(''), to < q.length ? '…' : ''];
}

const chartWidth = () => Math.round(Math.min(760, Math.max(300, $('#compare-out').clientWidth - 34)));

// One horizontal bar per headline (parts are not drawn: they count less than the
// whole), growing from the right (RTL), coloured by bloc.
function spreadChart(g, colours) {
  const rows = g.claimants.filter((r) => r.headline);
  if (!rows.length) return null;
  // Drawn at the width it is shown (a phone too), so its 12 px text stays 12 px.
  const W = chartWidth();
  const labelW = W < 560 ? Math.round(W * 0.36) : 210, pad = W < 560 ? 6 : 16, rowH = 26, top = 8;
  const fitLabel = (t) => clip(t, Math.floor(labelW / 7));
  const max = Math.max(1, ...rows.map((r) => r.headline.value_max ?? r.headline.value ?? 0));
  const x0 = W - labelW - pad, span = x0 - pad - 90;
  const H = top + rows.length * rowH + 28;
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, class: 'chart', role: 'img', width: W, height: H,
    'aria-label': `مخطط الأرقام: ${rows.map((r) => `${claimantName(r)} ${figValue(r.headline)}`).join('، ')}` });
  for (const t of [0, 0.5, 1]) {
    const x = x0 - t * span;
    svg.append(s('line', { x1: x, x2: x, y1: top - 4, y2: H - 24, class: 'grid' }),
      s('text', { x, y: H - 8, class: 'tick', 'text-anchor': 'middle', text: fmt(Math.round(max * t)) }));
  }
  rows.forEach((r, i) => {
    const c = r.headline, y = top + i * rowH, fill = colours.get(rowBloc(r));
    const w = c.value != null ? Math.max(2, (c.value / max) * span) : 0;
    const g2 = s('g', { class: 'row' }, s('title', { text: `${claimantName(r)}: ${figValue(c)}` }));
    g2.append(s('text', { x: W - pad, y: y + rowH / 2 + 4, class: 'label', text: fitLabel(claimantName(r)) }));
    if (c.value_max != null && c.value != null) {
      g2.append(s('rect', { x: x0 - (c.value_max / max) * span, y: y + 4, width: (c.value_max / max) * span, height: rowH - 8, rx: 3, class: 'bar range', style: `fill:${fill}` }));
    }
    if (w) g2.append(s('rect', { x: x0 - w, y: y + 4, width: w, height: rowH - 8, rx: 3, class: 'bar', style: `fill:${fill}` }));
    else g2.append(s('rect', { x: x0 - 40, y: y + 4, width: 40, height: rowH - 8, rx: 3, class: 'bar vague', style: `stroke:${fill}` }));
    const end = c.value_max != null ? (c.value_max / max) * span : w || 40;
    g2.append(s('text', { x: x0 - end - 6, y: y + rowH / 2 + 4, class: 'value', text: figValue(c) }));
    svg.append(g2);
  });
  return h('div', { class: 'chart-wrap' }, svg);
}

// For an event whose toll was updated: each claimant's counts in the order they
// were reported (oldest first), one line per claimant.
function timeline(g, colours) {
  const series = g.claimants.filter((r) => r.headline && r.superseded.length)
    .map((r) => ({ r, pts: [...r.superseded].reverse().concat([r.headline]).filter((f) => f.value != null) }))
    .filter((x) => x.pts.length > 1);
  if (!series.length) return null;
  const W = chartWidth(), H = 150, pad = 34;
  const steps = Math.max(...series.map((x) => x.pts.length));
  const max = Math.max(1, ...series.flatMap((x) => x.pts.map((f) => f.value)));
  const X = (i) => W - pad - (steps > 1 ? (i / (steps - 1)) * (W - 2 * pad) : 0); // RTL: first report on the right
  const Y = (v) => H - 24 - (v / max) * (H - 44);
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, class: 'chart timeline', role: 'img', width: W, height: H,
    'aria-label': `تطور الحصيلة: ${series.map((x) => `${claimantName(x.r)} ${x.pts.map((f) => fmt(f.value)).join(' ← ')}`).join('، ')}` });
  svg.append(s('line', { x1: pad, x2: W - pad, y1: H - 24, y2: H - 24, class: 'grid' }),
    s('text', { x: W - pad, y: H - 8, class: 'tick', 'text-anchor': 'middle', text: 'أول رقم' }),
    s('text', { x: pad, y: H - 8, class: 'tick', 'text-anchor': 'middle', text: 'آخر رقم' }));
  for (const { r, pts } of series) {
    const stroke = colours.get(rowBloc(r));
    svg.append(s('polyline', { points: pts.map((f, i) => `${X(i)},${Y(f.value)}`).join(' '), fill: 'none', stroke, 'stroke-width': 2 }));
    pts.forEach((f, i) => svg.append(s('circle', { cx: X(i), cy: Y(f.value), r: 3.5, fill: stroke }, s('title', { text: `${claimantName(r)}: ${figValue(f)}` }))));
    const last = pts[pts.length - 1];
    svg.append(s('text', { x: X(pts.length - 1) + 4, y: Y(last.value) - 6, class: 'value', 'text-anchor': 'end', text: fmt(last.value) }));
  }
  return h('figure', { class: 'timeline-wrap' }, h('figcaption', { text: 'تطور الحصيلة عند كل جهة' }), svg);
}

const compareParams = () => Object.fromEntries(new FormData($('#compare-form')));
$('#compare-form').addEventListener('submit', (e) => { e.preventDefault(); go('compare', compareParams()); });
$('#compare-form').addEventListener('change', () => go('compare', compareParams()));

// ---- places -----------------------------------------------------------------------
const EXTENTS = {
  syria: { w: 35.5, e: 42.5, s: 32.3, n: 37.4 },
  aleppo: { w: 36.92, e: 37.28, s: 36.09, n: 36.3 },
};
// A coarse outline of Syria (lon, lat), for orientation only.
const SYRIA = [[35.92, 35.93], [36.17, 35.82], [36.38, 36.05], [36.55, 36.22], [36.67, 36.26], [36.6, 36.5], [36.68, 36.83],
  [37.07, 36.64], [37.5, 36.68], [38.01, 36.84], [38.5, 36.76], [38.95, 36.7], [39.5, 36.7], [40.07, 36.85], [40.8, 37.08],
  [41.22, 37.07], [41.8, 37.1], [42.18, 37.32], [42.36, 37.11], [42.1, 36.8], [41.4, 36.5], [41.28, 36.0], [41.2, 35.2],
  [40.99, 34.42], [38.79, 33.37], [36.84, 32.31], [36.4, 32.38], [35.93, 32.72], [35.65, 32.69], [35.62, 33.25], [35.82, 33.42],
  [36.05, 33.6], [36.4, 33.85], [36.62, 34.2], [36.45, 34.62], [35.97, 34.64], [35.88, 34.92], [35.94, 35.2], [35.92, 35.4],
  [35.77, 35.55], [35.82, 35.75]];

let places = null;
let extent = 'syria';
async function getPlaces() {
  if (!places) places = (await api('/v1/locations?mentioned=true&limit=500')).data;
  return places;
}
// Figures per place (the figures list's location facet), drawn beside the mentions.
let figuresAt = null;
async function getFiguresAt() {
  if (!figuresAt) {
    const page = await api('/v1/figures?facet=location&limit=1').catch(() => null);
    figuresAt = new Map(((page && page.facets && page.facets.location) || []).filter((b) => b.value).map((b) => [b.value, b.count]));
  }
  return figuresAt;
}

async function loadPlaces() {
  let data;
  try { data = await getPlaces(); } catch (e) {
    $('#map').replaceChildren();
    $('#place-list').replaceChildren(h('li', { class: 'problem', role: 'alert', text: `تعذّر تحميل الأماكن: ${problemText(e)}`, title: e.message }));
    return;
  }
  await getFiguresAt();
  drawMap(data);
  $('#export-geojson').href = '/v1/locations?mentioned=true&limit=500&format=geojson';
  $('#export-places-csv').href = '/v1/locations?mentioned=true&format=csv';
  const sorted = [...data].sort((a, b) => b.counts.mentions - a.counts.mentions || a.name.localeCompare(b.name, 'ar'));
  $('#place-list').replaceChildren(...sorted.map((l) => h('li', null,
    h('button', { type: 'button', class: 'place', onclick: () => filterByPlace(l) },
      // a place the gazetteer lacks has no point on the map: said so in the list
      h('span', { text: l.name }), h('small', { text: ` ${LOC_KIND[l.kind] || l.kind}${l.resolved === false ? ' · خارج الخريطة' : ''}` }),
      figuresAt.get(l.id) ? h('b', { class: 'count fig-count', title: 'figures', text: count(figuresAt.get(l.id), ['رقم واحد', 'رقمان', 'أرقام', 'رقمًا']) }) : null,
      h('b', { class: 'count', title: 'mentions', text: fmt(l.counts.mentions) })))));
}

function drawMap(data) {
  const ex = EXTENTS[extent];
  const k = Math.cos(((ex.n + ex.s) / 2) * Math.PI / 180); // equirectangular with a standard parallel
  // Drawn at the width it is shown, so labels keep their size on a phone.
  const W = Math.round($('#map').clientWidth) || 700, H = Math.round((W * (ex.n - ex.s)) / ((ex.e - ex.w) * k));
  const X = (lon) => ((lon - ex.w) / (ex.e - ex.w)) * W;
  const Y = (lat) => ((ex.n - lat) / (ex.n - ex.s)) * H;
  const svg = $('#map');
  svg.setAttribute('viewBox', `0 0 ${W} ${H}`);
  const kids = [s('rect', { x: 0, y: 0, width: W, height: H, class: 'sea' })];
  kids.push(s('polygon', { class: 'country', points: SYRIA.map(([lo, la]) => `${X(lo).toFixed(1)},${Y(la).toFixed(1)}`).join(' ') }));
  const step = extent === 'syria' ? 1 : 0.1;
  for (let lo = Math.ceil(ex.w / step) * step; lo < ex.e; lo += step) {
    kids.push(s('line', { class: 'grat', x1: X(lo), x2: X(lo), y1: 0, y2: H }),
      s('text', { class: 'grat-t', x: X(lo) + 3, y: H - 6, text: `${lo.toFixed(step < 1 ? 1 : 0)}°E` }));
  }
  for (let la = Math.ceil(ex.s / step) * step; la < ex.n; la += step) {
    kids.push(s('line', { class: 'grat', x1: 0, x2: W, y1: Y(la), y2: Y(la) }),
      s('text', { class: 'grat-t', x: 4, y: Y(la) - 3, text: `${la.toFixed(step < 1 ? 1 : 0)}°N` }));
  }
  const inView = data.filter((l) => l.lat != null && l.lon != null && l.lon >= ex.w && l.lon <= ex.e && l.lat >= ex.s && l.lat <= ex.n)
    .sort((a, b) => b.counts.mentions - a.counts.mentions);
  const scale = Math.max(0.6, Math.min(1, W / 700)); // smaller dots on a narrow map, so places stay apart
  const r = (l) => (4 + 3 * Math.sqrt(l.counts.mentions)) * scale;
  for (const l of inView) { // big ones first, so the small ones stay on top and reachable
    const c = s('circle', { cx: X(l.lon).toFixed(1), cy: Y(l.lat).toFixed(1), r: r(l).toFixed(1),
      class: `pt${l.approximate ? ' approx' : ''}`, tabindex: 0, role: 'button', 'data-id': l.id,
      'aria-label': `${l.name}، ${count(l.counts.mentions, ['مرة واحدة', 'مرتان', 'مرات', 'مرة'])}`,
      onclick: () => filterByPlace(l),
      onkeydown: (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); filterByPlace(l); } } });
    const nFig = (figuresAt && figuresAt.get(l.id)) || 0;
    tips.set(c, () => h('div', { class: 'tip-row' }, h('b', { text: l.name }), ` — ${LOC_KIND[l.kind] || l.kind}`,
      h('div', { class: 'tip-sub', text: `ذُكر ${count(l.counts.mentions, ['مرة واحدة', 'مرتين', 'مرات', 'مرة'])}${nFig ? ` · ${count(nFig, ['رقم واحد', 'رقمان', 'أرقام', 'رقمًا'])}` : ''}${l.approximate ? ' · موقع تقريبي' : ''}` })));
    kids.push(c);
    // A place's figures: a square at its centre, sized by how many figures are reported there.
    if (nFig) {
      const a = (3 + 2 * Math.sqrt(nFig)) * scale;
      kids.push(s('rect', { class: 'fig-mark', 'data-id': l.id, x: (X(l.lon) - a).toFixed(1), y: (Y(l.lat) - a).toFixed(1),
        width: (2 * a).toFixed(1), height: (2 * a).toFixed(1), 'aria-hidden': 'true' }));
    }
  }
  // Labels for the most mentioned places, skipping any that would overlap one already placed.
  const dots = inView.map((l) => [X(l.lon) - r(l), Y(l.lat) - r(l), X(l.lon) + r(l), Y(l.lat) + r(l)]);
  const boxes = [];
  for (const l of inView.filter((p) => p.kind !== 'country')) {
    const w = l.name.length * 8.5, y = Y(l.lat) + 4;
    const left = X(l.lon) - r(l) - 4 - w >= 2; // to the left of the point, else to its right
    const x = left ? X(l.lon) - r(l) - 4 : X(l.lon) + r(l) + 4;
    const box = left ? [x - w, y - 13, x, y + 3] : [x, y - 13, x + w, y + 3];
    const hits = (a) => (b) => a[0] < b[2] && a[2] > b[0] && a[1] < b[3] && a[3] > b[1];
    const own = dots[inView.indexOf(l)]; // points overlapping this one's own dot may sit under its label
    if (boxes.length >= 10 || boxes.some(hits(box)) || dots.some((d) => hits(box)(d) && !hits(own)(d))) continue;
    boxes.push(box);
    kids.push(s('text', { class: `pt-label${left ? '' : ' right'}`, x, y, text: l.name }));
  }
  svg.replaceChildren(...kids);
}

const filterByPlace = (l) => go('', { location: l.id });

for (const b of document.querySelectorAll('.zoom button')) {
  b.addEventListener('click', () => go('places', { extent: b.dataset.extent === 'syria' ? '' : b.dataset.extent }));
}

// ---- routing and start ------------------------------------------------------------
async function fillCompareForm() {
  const form = $('#compare-form');
  for (const [v, t] of Object.entries(TYPE)) form.type.append(h('option', { value: v, text: t }));
  await metaReady.catch(() => {}); // without it the select offers "all" alone
  for (const [v, t] of Object.entries(BLOC)) form.bloc.append(h('option', { value: v, text: t }));
  try {
    const ps = [...(await getPlaces())].sort((a, b) => b.counts.mentions - a.counts.mentions);
    for (const l of ps) form.location.append(h('option', { value: l.id, text: l.name }));
  } catch { /* the select stays at "all" */ }
}

let compareReady = null; // the compare form's options, filled once

// Draws the view the URL names, with the filters it carries.
async function route() {
  const { parts, params } = parseHash();
  const view = parts[0] === 'compare' ? 'compare' : parts[0] === 'places' ? 'places' : 'articles';
  for (const v of document.querySelectorAll('.view')) v.hidden = v.id !== `view-${view}`;
  for (const a of document.querySelectorAll('nav a')) {
    if (a.dataset.view === view) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
  }
  hideTip();
  if (view === 'compare') {
    await compareReady;
    const form = $('#compare-form');
    for (const name of ['type', 'location', 'bloc', 'date__gte', 'date__lte', 'group']) form[name].value = params.get(name) || '';
    loadCompare();
  } else if (view === 'places') {
    extent = EXTENTS[params.get('extent')] ? params.get('extent') : 'syria';
    for (const o of document.querySelectorAll('.zoom button')) o.setAttribute('aria-pressed', String(o.dataset.extent === extent));
    loadPlaces();
  } else {
    state.q = params.get('q') || '';
    $('#q').value = state.q;
    state.outlet = params.get('outlet') || '';
    state.source = params.get('source') || '';
    for (const [sel, k] of DATE_FILTERS) { state[k] = /^\d{4}-\d{2}-\d{2}$/.test(params.get(k) || '') ? params.get(k) : ''; $(sel).value = state[k]; }
    listFiltersReady.then(() => { selectValue('#f-outlet', state.outlet); selectValue('#f-source', state.source); });
    const loc = params.get('location');
    state.location = loc ? { id: loc, name: loc } : null;
    if (loc) getPlaces().then((ps) => { const l = ps.find((x) => x.id === loc); if (l && state.location?.id === loc) { state.location.name = l.name; listStatus(state.total); } }).catch(() => {});
    const key = JSON.stringify(listParams());
    if (key !== state.listKey) { state.listKey = key; loadArticles(); }
    if (parts[0] === 'a' && parts[1]) openArticle(parts[1], parts[2]); else closeArticle();
  }
}

window.addEventListener('hashchange', route);
compareReady = fillCompareForm();
listFiltersReady = fillListFilters();
route();
// The footer counts what the articles mention, not the size of the gazetteer or the party list.
metaReady.then((m) => {
  const c = m.counts;
  $('#meta').textContent = `الإصدار ${m.version} · ${[[c.articles, N_ART], [c.figures, ['رقم واحد', 'رقمان', 'أرقام', 'رقمًا']],
    [c.source_mentions, ['ذكر واحد لمصدر', 'ذكران لمصادر', 'إشارات إلى مصادر', 'إشارة إلى مصادر']],
    [c.location_mentions, ['ذكر واحد لمكان', 'ذكران لأماكن', 'إشارات إلى أماكن', 'إشارة إلى أماكن']]].map(([n, f]) => count(n, f)).join(' · ')}`;
}).catch(() => {});
