"""check.py — do the peer's answers equal marsad's, byte for byte?

    python3 bench/peer/check.py MARSAD_URL PEER_URL TARGETS_DIR [--per-route N] [--seed S]

Asks both servers N targets of each of targets.py's files (40: 120 answers),
plus the first and the last page of each list, the next_url of a page, and
an unknown id (404), and compares status, Content-Type and body. Exit 1 at
the first difference, printed with the bytes around it; 0 when all agree.
"""
import argparse
import json
import os
import random
import sys
import urllib.error
import urllib.request


def get(base, target):
    try:
        with urllib.request.urlopen(base + target, timeout=60) as r:
            return r.status, r.headers.get("Content-Type"), r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers.get("Content-Type"), e.read()


def show_diff(target, a, b):
    print("DIFFERENT: %s" % target)
    if a[0] != b[0] or a[1] != b[1]:
        print("  marsad: HTTP %s %s\n  peer:   HTTP %s %s" % (a[0], a[1], b[0], b[1]))
    i = next((k for k in range(min(len(a[2]), len(b[2]))) if a[2][k] != b[2][k]),
             min(len(a[2]), len(b[2])))
    lo = max(0, i - 120)
    print("  bodies: %d and %d bytes, first difference at byte %d" % (len(a[2]), len(b[2]), i))
    print("  marsad: ...%s" % a[2][lo:i + 120].decode("utf-8", "replace"))
    print("  peer:   ...%s" % b[2][lo:i + 120].decode("utf-8", "replace"))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("marsad")
    ap.add_argument("peer")
    ap.add_argument("targets")
    ap.add_argument("--per-route", type=int, default=40)
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()
    rnd = random.Random(a.seed)
    targets = []
    for name in ("article", "figures", "articles"):
        with open(os.path.join(a.targets, name + ".txt")) as f:
            lines = [ln.strip() for ln in f if ln.strip()]
        targets += rnd.sample(lines, min(a.per_route, len(lines)))
    targets += ["/v1/articles?limit=20", "/v1/figures?type=killed&limit=50",
                "/v1/articles/no-such-article", "/v1/articles?limit=500"]
    # The last page of the articles (next: null), reached by paging.
    seen = 0
    target = "/v1/articles?limit=500"
    n = 0
    while target and n < 200:
        targets.append(target)
        status, _, body = get(a.marsad, target)
        if status != 200:
            break
        target = json.loads(body).get("next_url")
        n += 1
    for t in targets:
        m = get(a.marsad, t)
        p = get(a.peer, t)
        seen += 1
        if m != p:
            show_diff(t, m, p)
            print("check: %d of %d answers equal before this one" % (seen - 1, len(targets)))
            return 1
        if m[0] != 200 and not t.endswith("no-such-article"):
            print("check: marsad answered HTTP %d to %s: %s" % (m[0], t, m[2][:300]))
            return 1
    print("check: %d answers of marsad and the peer are byte-identical" % seen)
    return 0


if __name__ == "__main__":
    sys.exit(main())
