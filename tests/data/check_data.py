#!/usr/bin/env python3
"""Validate data/gazetteer.tsv, data/sources.tsv and data/blocs.tsv (stdlib only).

Usage: python3 tests/data/check_data.py [--root DIR] [-v]

Checks both files for: column counts, unique ASCII-slug ids, parent ids that
exist (and no parent cycles), the limits of the extractor's lexicon loader
(phrases of at most 8 tokens, lines of at most 4096 bytes), kinds / affiliations / precisions / flags from
the allowed sets, names that are present and not repeated, every party's bloc (in blocs.tsv, or
independent) and its affiliation agreeing with it. In the gazetteer
it also checks coordinates (>= 3 decimals; inside lat 29..42, lon 32..52 for
every place whose parent chain reaches `syria`; inside the Aleppo governorate
box for every place whose chain reaches `aleppo-gov`) and that Syria, the 14
governorates and their centre cities are present. An Arabic name shared by
two entries of the same file (after the matcher's normalisation: harakat and
tatweel dropped, hamza forms of alef to bare alef, ى to ي, ة to ه) is an
error unless at least one of the two entries is flagged `ambiguous`, or, in
the gazetteer, the two lie in different governorates (or countries), where
the text's context tells them apart (أريحا of Idlib and of the West Bank);
such allowed pairs are listed with -v. Exits 1 on any error, printing each error
and then a one-line summary.
"""
import argparse
import os
import re
import sys
import unicodedata

GAZ_KINDS = {
    "country", "governorate", "district", "city", "town", "village",
    "neighbourhood", "military_site", "hill", "road", "facility", "region",
}
PRECISIONS = {"exact", "approx"}
FLAGS = {"ambiguous", "owner"}
SRC_KINDS = {
    "outlet", "agency", "armed_group", "military", "government", "ngo", "un",
    "civil_defence", "activists", "person",
}
AFFILIATIONS = {"government", "opposition", "independent", "unknown"}

# Limits of the extractor's lexicon loader (extract/lexicon.h).
MAX_PHRASE_TOKENS = 8
MAX_LINE_BYTES = 4096
TOKEN_RE = re.compile(r"[^\W\d_]+|\d+(?:[.,\u066b\u066c]\d+)*|\S")

MIN_PLACES = 450
MIN_SOURCES = 120
SYRIA_BOX = (29.0, 42.0, 32.0, 52.0)          # lat min/max, lon min/max
# Sanity box for Aleppo governorate. Its north edge is the Turkish border at
# about 36.9 N (Ayn al-Arab/Kobani lies at 36.891 N), hence 36.95.
ALEPPO_BOX = (35.45, 36.95, 36.45, 38.65)
GOVERNORATES = {
    "damascus-gov": "damascus", "rif-dimashq-gov": None, "aleppo-gov": "aleppo",
    "idlib-gov": "idlib", "homs-gov": "homs", "hama-gov": "hama",
    "latakia-gov": "latakia", "tartus-gov": "tartus",
    "deir-ez-zor-gov": "deir-ez-zor", "raqqa-gov": "raqqa",
    "hasakah-gov": "hasakah", "daraa-gov": "daraa", "suwayda-gov": "suwayda",
    "quneitra-gov": "quneitra",
}

ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
BLOC_RE = re.compile(r"^[a-z]+\.[a-z0-9]+(?:-[a-z0-9]+)*$")
COORD_RE = re.compile(r"^-?\d{1,3}\.(\d{3,})$")
HARAKAT_RE = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
ARABIC_RE = re.compile("[\u0621-\u064a]")


def normalize(name):
    """The matcher's normalisation (extract/text.h), for duplicate checks."""
    s = unicodedata.normalize("NFC", name)
    s = HARAKAT_RE.sub("", s)
    s = re.sub("[\u0623\u0625\u0622\u0671]", "\u0627", s)
    s = s.replace("\u0649", "\u064a").replace("\u0629", "\u0647")
    s = s.translate({0x0660 + i: ord("0") + i for i in range(10)})
    s = s.translate({0x06F0 + i: ord("0") + i for i in range(10)})
    return " ".join(s.lower().split())


class Report:
    def __init__(self):
        self.errors = []
        self.notes = []

    def err(self, where, msg):
        self.errors.append("%s: %s" % (where, msg))


def read_rows(path, ncols, nopt, rep):
    """Data rows as (line number, fields); comments and blank lines skipped.
    The files put the names first (the extractor reads every data file as a
    phrase lexicon: phrases, then attributes); the checks below index the
    columns with the names moved to their former place after the other
    columns, so the rotation happens here once."""
    rows = []
    with open(path, encoding="utf-8") as fh:
        for lineno, raw in enumerate(fh, 1):
            line = raw.rstrip("\n")
            where = "%s:%d" % (os.path.basename(path), lineno)
            if line.endswith("\r"):
                rep.err(where, "CRLF line ending")
                line = line.rstrip("\r")
            if not line.strip() or line.startswith("#"):
                continue
            if len(line.encode("utf-8")) > MAX_LINE_BYTES:
                rep.err(where, "line longer than %d bytes" % MAX_LINE_BYTES)
            fields = line.split("\t")
            fields = fields[1:ncols] + fields[:1] + fields[ncols:]
            if not ncols <= len(fields) <= ncols + nopt:
                rep.err(where, "expected %d%s tab-separated columns, got %d"
                        % (ncols, " (+%d optional)" % nopt if nopt else "", len(fields)))
                continue
            for i, f in enumerate(fields):
                if f != f.strip() or (f == "" and i < ncols):
                    rep.err(where, "column %d is empty or has surrounding spaces" % (i + 1))
            rows.append((where, fields))
    return rows


def check_common(rows, kinds, rep, idcol=0, kindcol=1, parentcol=2):
    """Ids, kinds, parents (existence, no cycles). Returns {id: fields}.
    The parent is column 3 in the gazetteer and column 4 in sources.tsv."""
    by_id = {}
    for where, f in rows:
        i = f[idcol]
        if not ID_RE.match(i):
            rep.err(where, "id %r is not a lowercase ASCII slug" % i)
        if i in by_id:
            rep.err(where, "duplicate id %r" % i)
        by_id[i] = f
        if f[kindcol] not in kinds:
            rep.err(where, "kind %r not in %s" % (f[kindcol], sorted(kinds)))
    for where, f in rows:
        p = f[parentcol]
        if p != "-" and p not in by_id:
            rep.err(where, "parent %r of %r does not exist" % (p, f[idcol]))
        if p == f[idcol]:
            rep.err(where, "%r is its own parent" % p)
    for where, f in rows:   # cycles
        seen, cur = set(), f[idcol]
        while cur != "-" and cur in by_id:
            if cur in seen:
                rep.err(where, "parent chain of %r loops" % f[idcol])
                break
            seen.add(cur)
            cur = by_id[cur][parentcol]
    return by_id


def ancestors(by_id, i, parentcol=2):
    out, cur = [], by_id[i][parentcol]
    while cur != "-" and cur in by_id and cur not in out:
        out.append(cur)
        cur = by_id[cur][parentcol]
    return out


def check_names(rows, namecol, flagcol, rep, fname, require_arabic_each, area=None):
    """Name lists: non-empty, no repeats in an entry, no clash across entries
    unless one side is flagged ambiguous or, given area (id -> the
    governorate or country it lies in), the two lie in different areas.
    Returns the count of allowed clashes."""
    owner = {}   # normalised name -> [(id, ambiguous)]
    for where, f in rows:
        names = f[namecol].split("|")
        amb = len(f) > flagcol and "ambiguous" in f[flagcol].split(",")
        seen = set()
        if not any(ARABIC_RE.search(n) for n in names):
            rep.err(where, "%r has no Arabic name" % f[0])
        for n in names:
            if n != n.strip() or not n:
                rep.err(where, "empty name or name with surrounding spaces in %r" % f[0])
                continue
            if require_arabic_each and not ARABIC_RE.search(n):
                rep.err(where, "name %r of %r has no Arabic letter" % (n, f[0]))
            k = normalize(n)
            if len(TOKEN_RE.findall(k)) > MAX_PHRASE_TOKENS:
                rep.err(where, "name %r of %r has more than %d tokens"
                        % (n, f[0], MAX_PHRASE_TOKENS))
            if k in seen:
                rep.err(where, "name %r repeated (after normalisation) in %r" % (n, f[0]))
                continue
            seen.add(k)
            owner.setdefault(k, []).append((f[0], amb, where, n))
    allowed = 0
    for k, lst in sorted(owner.items()):
        if len(lst) < 2:
            continue
        for a in range(len(lst)):
            for b in range(a + 1, len(lst)):
                ia, amba, wa, na = lst[a]
                ib, ambb, wb, nb = lst[b]
                if amba or ambb:
                    allowed += 1
                    rep.notes.append("%s: name %r shared by %r and %r (allowed: ambiguous)"
                                     % (fname, na, ia, ib))
                elif area and area(ia) != area(ib):
                    allowed += 1
                    rep.notes.append("%s: name %r shared by %r and %r (allowed: apart)"
                                     % (fname, na, ia, ib))
                else:
                    rep.err(wb, "name %r of %r also belongs to %r (%s); flag one `ambiguous`"
                            % (nb, ib, ia, wa))
    return allowed


def check_gazetteer(path, rep):
    rows = read_rows(path, 8, 1, rep)
    by_id = check_common(rows, GAZ_KINDS, rep)
    for where, f in rows:
        i, kind, parent, lat, lon, prec, name_en = f[:7]
        flags = f[8] if len(f) > 8 else ""
        if i.startswith("u-"):
            rep.err(where, "id %r: u- ids are the places the gazetteer lacks (ingest)" % i)
        if prec not in PRECISIONS:
            rep.err(where, "precision %r not in %s" % (prec, sorted(PRECISIONS)))
        if flags and not set(flags.split(",")) <= FLAGS:
            rep.err(where, "flags %r not in %s" % (flags, sorted(FLAGS)))
        if not name_en or ARABIC_RE.search(name_en):
            rep.err(where, "name_en of %r is empty or not Latin" % i)
        # No Arabic word opens with ئ: a Kurdish or Turkish spelling (ئاميدى
        # for العمادية) is no name the press writes.
        for n in f[7].split("|"):
            if n.startswith("\u0626") or " \u0626" in n:
                rep.err(where, "name %r of %r is a Kurdish or Turkish spelling" % (n, i))
        ok = True
        for label, v in (("lat", lat), ("lon", lon)):
            if not COORD_RE.match(v):
                rep.err(where, "%s %r of %r needs >= 3 decimals" % (label, v, i))
                ok = False
        if not ok or i not in by_id:
            continue
        la, lo = float(lat), float(lon)
        anc = ancestors(by_id, i)
        chain = [i] + anc
        if not (-90 <= la <= 90 and -180 <= lo <= 180):
            rep.err(where, "coordinates of %r out of range" % i)
        if "syria" in chain:
            b = SYRIA_BOX
            if not (b[0] <= la <= b[1] and b[2] <= lo <= b[3]):
                rep.err(where, "%r (in Syria) at %s,%s is outside lat %g-%g lon %g-%g"
                        % (i, lat, lon, *b))
        elif kind not in ("country",) and parent == "-":
            rep.err(where, "%r has no parent and is not a country" % i)
        if "aleppo-gov" in chain:
            b = ALEPPO_BOX
            if not (b[0] <= la <= b[1] and b[2] <= lo <= b[3]):
                rep.err(where, "%r (Aleppo governorate) at %s,%s is outside the Aleppo box"
                        % (i, lat, lon))
        if kind == "governorate" and (parent not in by_id or by_id[parent][1] != "country"):
            rep.err(where, "governorate %r must have a country as parent" % i)
        if kind == "country" and parent != "-":
            rep.err(where, "country %r must have parent -" % i)
    if "syria" not in by_id or by_id["syria"][1] != "country" or by_id["syria"][2] != "-":
        rep.err(os.path.basename(path), "missing country `syria` with parent -")
    for g, centre in GOVERNORATES.items():
        if g not in by_id or by_id[g][1] != "governorate":
            rep.err(os.path.basename(path), "missing governorate %r" % g)
        if centre and (centre not in by_id or by_id[centre][2] != g):
            rep.err(os.path.basename(path), "missing centre %r of %r" % (centre, g))
    def area(i):
        """The governorate a place lies in, else its country."""
        for a in [i] + ancestors(by_id, i):
            if a in by_id and by_id[a][1] in ("governorate", "country"):
                return a
        return None
    shared = check_names(rows, 7, 8, rep, "gazetteer", True, area)
    if len(rows) < MIN_PLACES:
        rep.err(os.path.basename(path), "%d places, need >= %d" % (len(rows), MIN_PLACES))
    return rows, shared


def read_blocs(path, rep):
    """data/blocs.tsv: {bloc id: the affiliation it gives, or "-"}; conflicts
    first. Sides are affiliations in the first conflict only."""
    blocs, conflicts = {}, []
    for where, f in read_rows(path, 9, 0, rep):
        i, kind, conflict, _, side = f[:5]
        if kind == "conflict" and ID_RE.match(i) and conflict == "-":
            conflicts.append(i)
        elif kind == "bloc" and BLOC_RE.match(i) and conflict in conflicts:
            blocs[i] = side if conflict == conflicts[0] else "-"
        else:
            rep.err(where, "%r: a conflict (slug, -) or a bloc (code.slug, a conflict above)" % i)
    return blocs


def check_sources(path, rep, blocs):
    rows = read_rows(path, 6, 3, rep)
    check_common(rows, SRC_KINDS, rep, parentcol=3)
    for where, f in rows:
        if f[2] not in AFFILIATIONS:
            rep.err(where, "affiliation %r not in %s" % (f[2], sorted(AFFILIATIONS)))
        if len(f) < 8:
            rep.err(where, "needs flags (or -) and bloc after name_en")
            continue
        if len(f) == 9 and not set(f[8].split("|")) <= set(f[5].split("|")):
            rep.err(where, "local names of %r must be among its names" % f[0])
        if f[6] != "-" and not set(f[6].split(",")) <= FLAGS:
            rep.err(where, "flags %r not in %s" % (f[6], sorted(FLAGS)))
        if f[7] != "independent" and f[7] not in blocs:
            rep.err(where, "bloc %r is not in blocs.tsv" % f[7])
        side = "independent" if f[7] == "independent" else blocs.get(f[7], "-")
        if side != "-" and f[2] != side:
            rep.err(where, "affiliation %r of %r: its bloc %r says %r" % (f[2], f[0], f[7], side))
        if ARABIC_RE.search(f[4]):
            rep.err(where, "name_en of %r is not Latin" % f[0])
    shared = check_names(rows, 5, 6, rep, "sources", False)
    if len(rows) < MIN_SOURCES:
        rep.err(os.path.basename(path), "%d sources, need >= %d" % (len(rows), MIN_SOURCES))
    return rows, shared


def check_generated(root, gaz, rep):
    """data/gazetteer.tsv is generated (tools/gazetteer/build.py): every
    reviewed row of data/places/syria.tsv and region.tsv is in it as written
    (CI has no GeoNames to rerun the generator; `build.py --check` does that
    where `npm ci` has run), and its header credits GeoNames."""
    with open(gaz, encoding="utf-8") as f:
        text = f.read()
    lines = set(text.split("\n"))
    if "GeoNames" not in text or "CC-BY 4.0" not in text:
        rep.err("gazetteer.tsv", "header must credit GeoNames (CC-BY 4.0)")
    for name in ("syria.tsv", "region.tsv"):
        path = os.path.join(root, "data", "places", name)
        with open(path, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                line = line.rstrip("\n")
                if line and not line.startswith("#") and line not in lines:
                    rep.err("data/places/%s:%d" % (name, n),
                            "row missing from gazetteer.tsv: rerun tools/gazetteer/build.py")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    here = os.path.dirname(os.path.abspath(__file__))
    ap.add_argument("--root", default=os.path.normpath(os.path.join(here, "..", "..")))
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    rep = Report()
    gaz = os.path.join(args.root, "data", "gazetteer.tsv")
    src = os.path.join(args.root, "data", "sources.tsv")
    counts = {}
    blocs = read_blocs(os.path.join(args.root, "data", "blocs.tsv"), rep)
    for label, path, fn in (("places", gaz, check_gazetteer),
                            ("sources", src, lambda p, r: check_sources(p, r, blocs))):
        if not os.path.exists(path):
            rep.err(path, "missing")
            counts[label] = (0, 0, {})
            continue
        rows, shared = fn(path, rep)
        kinds = {}
        for _, f in rows:
            kinds[f[1]] = kinds.get(f[1], 0) + 1
        counts[label] = (len(rows), shared, kinds)
    if os.path.exists(gaz):
        check_generated(args.root, gaz, rep)
    for e in rep.errors:
        print("ERROR " + e)
    if args.verbose:
        for n in rep.notes:
            print("note  " + n)
        for label, (_, _, kinds) in counts.items():
            print("%s by kind: %s" % (label, ", ".join(
                "%s %d" % kv for kv in sorted(kinds.items(), key=lambda kv: -kv[1]))))
    p, s = counts["places"], counts["sources"]
    status = "FAIL" if rep.errors else "OK"
    print("check_data: %s: %d places, %d sources, %d errors, %d ambiguous shared names"
          % (status, p[0], s[0], len(rep.errors), p[1] + s[1]))
    return 1 if rep.errors else 0


if __name__ == "__main__":
    sys.exit(main())
