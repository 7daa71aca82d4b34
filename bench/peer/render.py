"""render.py — marsad's three benchmarked answers, rendered in Python.

The SQL of db/store_read.c and db/store_list.c, the JSON of their row
builders written the way server/reply.c writes it (jansson's json_dumps with
JSON_COMPACT | JSON_REAL_PRECISION(10): keys in insertion order, UTF-8 as
is, reals as "%.10g" with ".0" added when integral), and the cursors of
db/store_cursor.c. No web framework here: app.py serves these functions,
targets.py and check.py use the cursor encoding.

Only what the peer benchmark asks: GET /v1/articles/{id},
GET /v1/figures?type=T&limit=N[&cursor=C], GET /v1/articles?limit=N[&cursor=C].
"""
import base64
import json
import math
import sqlite3
import urllib.parse
from json.encoder import encode_basestring

ARTICLE_COLS = ("t.id, t.title, t.outlet_id, o.name, t.url, t.published_at, t.language, t.n_chars,"
                " t.n_figures, t.n_locations, t.n_sources, substr(t.body, 1, 160), t.format,"
               " (SELECT c.copy_of FROM article_copies c WHERE c.article_id = t.id)")
ARTICLE_NCOLS = 14
ARTICLE_FROM = "articles t LEFT JOIN sources o ON o.id = t.outlet_id"
SOURCE_COLS = ("t.id, t.name, t.name_en, t.kind, t.affiliation, t.parent_id, p.name, t.n_mentions,"
               " t.n_figures, t.n_articles, t.bloc")
SOURCE_NCOLS = 11
LOCATION_COLS = ("t.id, t.name, t.name_en, t.kind, t.lat, t.lon, t.approximate, t.parent_id, p.name,"
                 " t.n_mentions, t.resolved")
LOCATION_NCOLS = 11
FIGURE_COLS = ("t.id, t.article_id, t.value, t.value_max, t.qualifier, t.type, t.object,"
               " t.subject_category, t.subject_side, t.claimant_id, c.name, c.kind, c.affiliation,"
               " t.stance, t.location_id, l.name, l.lat, l.lon, t.start, t.\"end\", t.span_text, t.quote,"
               " t.quote_start, t.quote_end, t.part_of, t.supersedes, t.date_start, t.date_end,"
               " t.date_precision, t.cause, t.subject_bloc, t.subject_party, sp.name, c.bloc, t.quote_cut")
FIGURE_NCOLS = 35
FIGURE_FROM = ("figures t LEFT JOIN sources c ON c.id = t.claimant_id"
               " LEFT JOIN sources sp ON sp.id = t.subject_party"
               " LEFT JOIN locations l ON l.id = t.location_id")

SQL_GET_ARTICLE = "SELECT " + ARTICLE_COLS + ", t.body FROM " + ARTICLE_FROM + " WHERE t.id = ?1"
SQL_ARTICLE_FIGURES = ("SELECT " + FIGURE_COLS + " FROM " + FIGURE_FROM +
                       " WHERE t.article_id = ?1 ORDER BY t.ordinal")
SQL_ARTICLE_LOCATIONS = (
    "SELECT " + LOCATION_COLS + ", m.start, m.\"end\", m.text"
    " FROM location_mentions m JOIN locations t ON t.id = m.location_id"
    " LEFT JOIN locations p ON p.id = t.parent_id"
    " WHERE m.article_id = ?1"
    " ORDER BY (SELECT min(x.start) FROM location_mentions x"
    "           WHERE x.article_id = m.article_id AND x.location_id = m.location_id),"
    " t.id, m.start, m.\"end\"")
SQL_ARTICLE_SOURCES = (
    "SELECT " + SOURCE_COLS + ", m.start, m.\"end\", m.text, m.role"
    " FROM source_mentions m JOIN sources t ON t.id = m.source_id"
    " LEFT JOIN sources p ON p.id = t.parent_id"
    " WHERE m.article_id = ?1"
    " ORDER BY (SELECT min(x.start) FROM source_mentions x"
    "           WHERE x.article_id = m.article_id AND x.source_id = m.source_id),"
    " t.id, m.start, m.\"end\"")

# The list queries store_list builds for these two requests (no sort asked:
# the id, ascending; one row more than the limit tells whether more follow).
SQL_ARTICLES_PAGE = ("SELECT " + ARTICLE_COLS + ", t.id FROM " + ARTICLE_FROM + " WHERE 1{after}"
                     " ORDER BY t.id ASC LIMIT ?")
SQL_ARTICLES_AFTER = " AND ((t.id > ?))"
SQL_ARTICLES_TOTAL = "SELECT n FROM row_counts WHERE name = 'articles'"
SQL_FIGURES_PAGE = ("SELECT " + FIGURE_COLS + ", t.article_id, t.ordinal FROM " + FIGURE_FROM +
                    " WHERE 1 AND (t.type = ?){after} ORDER BY t.article_id ASC, t.ordinal ASC LIMIT ?")
SQL_FIGURES_AFTER = " AND ((t.article_id > ?) OR (t.article_id = ? AND t.ordinal > ?))"
# A type's total from the count the writes keep (store_list.c's kept_total).
SQL_FIGURES_TOTAL = "SELECT coalesce((SELECT n FROM row_counts WHERE name = 'figures?type=' || ?), 0)"

FIGURE_TYPES = ("killed", "injured", "casualties", "suffocated", "captured", "displaced",
                "evacuated", "trapped", "destroyed", "seized", "fired", "airstrikes", "count")
MAX_LIMIT = 500  # STORE_MAX_LIMIT

# The sort specs the cursor check covers (keys_build in store_list.c).
SPEC_ARTICLES = "marsad-cursor-1|articles|t.id+"
SPEC_FIGURES = "marsad-cursor-1|figures|t.article_id+|t.ordinal+"


# ---- JSON as jansson writes it ----------------------------------------------

# jansson escapes '"', '\\' and the control characters, the usual five by
# name and the others as \u00XX in upper case; the rest of UTF-8 is kept.
_ESCAPES = {c: "\\u%04X" % c for c in range(0x20)}
_ESCAPES.update({0x22: '\\"', 0x5C: "\\\\", 0x08: "\\b", 0x0C: "\\f", 0x0A: "\\n", 0x0D: "\\r",
                 0x09: "\\t"})


def jstr(s):
    if s is None:
        return "null"
    # The json module's C escaper writes the same except \u00xx in lower
    # case: its answer stands unless it wrote a \u00 (rare: control bytes).
    t = encode_basestring(s)
    if "\\u00" in t:
        return '"' + s.translate(_ESCAPES) + '"'
    return t


def jreal(d):
    """A jansson real at precision 10 ("%.10g", ".0" when it has no '.' or
    'e', the exponent without '+' or leading zeros)."""
    if d is None:
        return "null"
    t = "%.10g" % float(d)
    if "." not in t and "e" not in t:
        t += ".0"
    if "e" in t:
        mant, exp = t.split("e")
        sign = "-" if exp.startswith("-") else ""
        t = mant + "e" + sign + exp.lstrip("+-").lstrip("0")
    return t


def jint(i):
    return "null" if i is None else str(int(i))


def jnum(v):
    """A figure's value (store_col_num): an integer when integral."""
    if v is None:
        return "null"
    if isinstance(v, int):
        return str(v)
    if math.isfinite(v) and v == math.floor(v) and abs(v) < 9007199254740992.0:
        return str(int(v))
    return jreal(v)


def jref(id_, name):
    return "null" if id_ is None else '{"id":' + jstr(id_) + ',"name":' + jstr(name) + "}"


# ---- items (store_read.c's builders, field for field) -----------------------

def article_item(r):
    return ('{"id":' + jstr(r[0]) + ',"title":' + jstr(r[1]) + ',"excerpt":' + jstr(r[11]) +
            ',"outlet":' + jref(r[2], r[3]) + ',"url":' + jstr(r[4]) +
            ',"published_at":' + jstr(r[5]) + ',"language":' + jstr(r[6]) +
            ',"format":' + jstr(r[12]) + ',"copy_of":' + jstr(r[13]) + ',"n_chars":' + jint(r[7]) + ',"counts":{"figures":' + jint(r[8]) +
            ',"locations":' + jint(r[9]) + ',"sources":' + jint(r[10]) + "}")


def source_item(r):
    return ('{"id":' + jstr(r[0]) + ',"name":' + jstr(r[1]) + ',"name_en":' + jstr(r[2]) +
            ',"kind":' + jstr(r[3]) + ',"affiliation":' + jstr(r[4]) +
            ',"bloc":' + jstr(r[10]) + ',"parent":' + jref(r[5], r[6]) + ',"counts":{"mentions":' + jint(r[7]) +
            ',"figures":' + jint(r[8]) + ',"articles":' + jint(r[9]) + "}")


def location_item(r):
    return ('{"id":' + jstr(r[0]) + ',"name":' + jstr(r[1]) + ',"name_en":' + jstr(r[2]) +
            ',"kind":' + jstr(r[3]) + ',"lat":' + jreal(r[4]) + ',"lon":' + jreal(r[5]) +
            ',"approximate":' + ("true" if r[6] else "false") +
            ',"resolved":' + ("true" if r[10] else "false") +
            ',"parent":' + jref(r[7], r[8]) + ',"counts":{"mentions":' + jint(r[9]) + "}")


def figure_item(r):
    claimant = "null"
    if r[9] is not None:
        claimant = ('{"id":' + jstr(r[9]) + ',"name":' + jstr(r[10]) + ',"kind":' + jstr(r[11]) +
                    ',"affiliation":' + jstr(r[12]) + ',"bloc":' + jstr(r[33]) + "}")
    loc = "null"
    if r[14] is not None:
        loc = ('{"id":' + jstr(r[14]) + ',"name":' + jstr(r[15]) + ',"lat":' + jreal(r[16]) +
               ',"lon":' + jreal(r[17]) + "}")
    date = "null"
    if r[26] is not None:
        date = ('{"start":' + jstr(r[26]) + ',"end":' + jstr(r[27]) + ',"precision":' +
                jstr(r[28]) + "}")
    return ('{"id":' + jstr(r[0]) + ',"article_id":' + jstr(r[1]) + ',"value":' + jnum(r[2]) +
            ',"value_max":' + jnum(r[3]) + ',"qualifier":' + jstr(r[4]) + ',"type":' + jstr(r[5]) +
            ',"object":' + jstr(r[6]) + ',"subject":{"category":' + jstr(r[7]) +
            ',"side":' + jstr(r[8]) + ',"bloc":' + jstr(r[30]) + ',"party":' + jref(r[31], r[32]) +
            '},"claimant":' + claimant + ',"stance":' + jstr(r[13]) +
            ',"location":' + loc + ',"span":{"start":' + jint(r[18]) + ',"end":' + jint(r[19]) +
            ',"text":' + jstr(r[20]) + '},"quote":' + jstr(r[21]) +
            ',"quote_span":{"start":' + jint(r[22]) + ',"end":' + jint(r[23]) +
            '},"quote_cut":' + ("null" if r[34] is None else "true" if r[34] else "false") +
            ',"part_of":' + jstr(r[24]) + ',"supersedes":' + jstr(r[25]) + ',"date":' + date +
            ',"cause":' + jstr(r[29]) + "}")


def grouped(rows, ncols, item, with_role):
    """Places or parties, each with its mentions (rows: one mention each,
    grouped by item)."""
    out, cur, mentions = [], None, None
    for r in rows:
        if r[0] is None:
            continue
        if r[0] != cur:
            if cur is not None:
                out.append(',"mentions":[' + ",".join(mentions) + "]}")
            cur, mentions = r[0], []
            out.append(("," if len(out) else "") + item(r))
        m = ('{"start":' + jint(r[ncols]) + ',"end":' + jint(r[ncols + 1]) +
             ',"text":' + jstr(r[ncols + 2]))
        if with_role:
            m += ',"role":' + jstr(r[ncols + 3])
        mentions.append(m + "}")
    if cur is not None:
        out.append(',"mentions":[' + ",".join(mentions) + "]}")
    return "[" + "".join(out) + "]"


# ---- cursors (store_cursor.c) ------------------------------------------------

def _fnv1a(h, data):
    for c in data:
        h = ((h ^ c) * 0x100000001b3) & 0xFFFFFFFFFFFFFFFF
    return h


def cursor_encode(spec, values):
    """base64url (no padding) of the FNV-1a 64 check of spec (with its NUL)
    and payload, big-endian, then the payload: the key values as compact
    JSON (strings and integers here)."""
    payload = ("[" + ",".join(jstr(v) if isinstance(v, str) else str(v) for v in values) +
               "]").encode()
    h = _fnv1a(_fnv1a(0xcbf29ce484222325, spec.encode() + b"\0"), payload)
    raw = h.to_bytes(8, "big") + payload
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def cursor_decode(spec, cursor, kinds):
    """The key values of a cursor issued for spec, or None."""
    if not cursor or len(cursor) > 16384 or len(cursor) % 4 == 1:
        return None
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
    except ValueError:
        return None
    if len(raw) < 10 or base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii") != cursor:
        return None
    payload = raw[8:]
    if int.from_bytes(raw[:8], "big") != _fnv1a(_fnv1a(0xcbf29ce484222325,
                                                      spec.encode() + b"\0"), payload):
        return None
    try:
        vals = json.loads(payload)
    except ValueError:
        return None
    if not isinstance(vals, list) or len(vals) != len(kinds):
        return None
    for v, k in zip(vals, kinds):
        if not isinstance(v, str if k == "t" else int) or isinstance(v, bool):
            return None
    return vals


# ---- the answers -------------------------------------------------------------

def _quote(s):
    # params.c's append_encoded: RFC 3986 unreserved characters pass.
    return urllib.parse.quote(s, safe="-_.~")


def next_url(path, args, cursor):
    """params_next_url: the path, the arguments as asked less the cursor,
    then the new cursor."""
    parts = [_quote(k) + "=" + _quote(v) for k, v in args if k != "cursor"]
    parts.append("cursor=" + _quote(cursor))
    return path + "?" + "&".join(parts)


def page(items, nxt, url, total):
    return ('{"data":[' + ",".join(items) + '],"next":' + jstr(nxt) + ',"next_url":' + jstr(url) +
            ',"total":' + str(total) + ',"total_exact":true}')


def connect(path):
    """A read-only connection in autocommit mode (transactions are begun
    explicitly, as marsad reads every answer in one)."""
    db = sqlite3.connect("file:" + urllib.parse.quote(path) + "?mode=ro", uri=True,
                         isolation_level=None, check_same_thread=False, cached_statements=64)
    return db


def article(db, id_):
    """The article with its figures, places and parties, or None."""
    db.execute("BEGIN")
    try:
        r = db.execute(SQL_GET_ARTICLE, (id_,)).fetchone()
        if r is None:
            return None
        figs = [figure_item(f) for f in db.execute(SQL_ARTICLE_FIGURES, (id_,))]
        locs = grouped(db.execute(SQL_ARTICLE_LOCATIONS, (id_,)), LOCATION_NCOLS, location_item,
                       False)
        srcs = grouped(db.execute(SQL_ARTICLE_SOURCES, (id_,)), SOURCE_NCOLS, source_item, True)
    finally:
        db.execute("COMMIT")
    return (article_item(r) + ',"body":' + jstr(r[ARTICLE_NCOLS]) + ',"figures":[' +
            ",".join(figs) + '],"locations":' + locs + ',"sources":' + srcs + "}")


def articles(db, path, args, limit, after):
    """A page of articles by id; after: the decoded cursor or None."""
    sql = SQL_ARTICLES_PAGE.format(after=SQL_ARTICLES_AFTER if after else "")
    binds = (after[0], limit + 1) if after else (limit + 1,)
    db.execute("BEGIN")
    try:
        total = db.execute(SQL_ARTICLES_TOTAL).fetchone()[0]
        rows = db.execute(sql, binds).fetchall()
    finally:
        db.execute("COMMIT")
    nxt = cursor_encode(SPEC_ARTICLES, [rows[limit - 1][ARTICLE_NCOLS]]) if len(rows) > limit \
        else None
    items = [article_item(r) + "}" for r in rows[:limit]]
    return page(items, nxt, next_url(path, args, nxt) if nxt else None, total)


def figures(db, path, args, type_, limit, after):
    """A page of the figures of one type, by id (article, ordinal)."""
    sql = SQL_FIGURES_PAGE.format(after=SQL_FIGURES_AFTER if after else "")
    binds = (type_, after[0], after[0], after[1], limit + 1) if after else (type_, limit + 1)
    db.execute("BEGIN")
    try:
        total = db.execute(SQL_FIGURES_TOTAL, (type_,)).fetchone()[0]
        rows = db.execute(sql, binds).fetchall()
    finally:
        db.execute("COMMIT")
    nxt = None
    if len(rows) > limit:
        last = rows[limit - 1]
        nxt = cursor_encode(SPEC_FIGURES, [last[FIGURE_NCOLS], last[FIGURE_NCOLS + 1]])
    items = [figure_item(r) for r in rows[:limit]]
    return page(items, nxt, next_url(path, args, nxt) if nxt else None, total)


def problem(status, title, type_, detail):
    """An RFC 9457 problem as server/reply.c writes it."""
    return ('{"type":' + jstr(type_) + ',"title":' + jstr(title) + ',"status":' + str(status) +
            ',"detail":' + jstr(detail) + "}")
