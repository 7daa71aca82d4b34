"""targets.py — the request targets of `make bench-peer`, from the database.

    python3 bench/peer/targets.py DB OUTDIR [--count N] [--seed S]

Writes three files of request targets, one a line, N each (20000), drawn at
random (seeded: reruns write the same lines):
  article.txt   /v1/articles/{id}: ids of the corpus;
  figures.txt   /v1/figures?type=T&limit=50[&cursor=C]: a type with figures,
                then one of its pages (the first, or a cursor marsad issues);
  articles.txt  /v1/articles?limit=20[&cursor=C]: one page of the list.
The cursors are computed as marsad computes them (render.py): the one
after every 50th (20th) row of the list. check.py proves marsad accepts them.
"""
import argparse
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import render  # noqa: E402

FIGURES_LIMIT = 50
ARTICLES_LIMIT = 20


def pages(keys, limit, spec):
    """The cursor of each page after the first (the key after every limit-th
    row, when rows follow it)."""
    return [None] + [render.cursor_encode(spec, keys[k - 1]) for k in range(limit, len(keys), limit)]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("db")
    ap.add_argument("outdir")
    ap.add_argument("--count", type=int, default=20000)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    rnd = random.Random(a.seed)
    db = render.connect(a.db)
    ids = [r[0] for r in db.execute("SELECT id FROM articles ORDER BY id")]
    by_type = {}
    for t, art, ordinal in db.execute(
            "SELECT type, article_id, ordinal FROM figures ORDER BY type, article_id, ordinal"):
        by_type.setdefault(t, []).append([art, ordinal])
    fig_pages = {t: pages(keys, FIGURES_LIMIT, render.SPEC_FIGURES) for t, keys in by_type.items()}
    art_pages = pages([[i] for i in ids], ARTICLES_LIMIT, render.SPEC_ARTICLES)
    types = sorted(fig_pages)

    def with_cursor(path, c):
        return path if c is None else path + "&cursor=" + c

    out = {
        "article": ["/v1/articles/" + rnd.choice(ids) for _ in range(a.count)],
        "figures": [],
        "articles": [with_cursor("/v1/articles?limit=%d" % ARTICLES_LIMIT, rnd.choice(art_pages))
                     for _ in range(a.count)],
    }
    for _ in range(a.count):
        t = rnd.choice(types)
        out["figures"].append(with_cursor("/v1/figures?type=%s&limit=%d" % (t, FIGURES_LIMIT),
                                          rnd.choice(fig_pages[t])))
    os.makedirs(a.outdir, exist_ok=True)
    for name, lines in out.items():
        with open(os.path.join(a.outdir, name + ".txt"), "w") as f:
            f.write("\n".join(lines) + "\n")
    print("targets: %d articles, %d types (%s pages of figures), %d pages of articles"
          % (len(ids), len(types), "+".join(str(len(fig_pages[t])) for t in types),
             len(art_pages)), file=sys.stderr)


if __name__ == "__main__":
    main()
