"""serve.py — runs app.py under uvicorn, as the benchmark starts servers.

    python3 bench/peer/serve.py --db PATH [--port 0] [--workers 2]
    python3 bench/peer/serve.py --stack     (what would serve, one line)

Binds the port first (0: any free one), prints
"peer listening on http://127.0.0.1:PORT" on standard output (the line
bench/lib.sh's start_server waits for), then runs the workers on that
socket the way uvicorn.run does for workers > 1. No access log. SIGTERM
stops the workers, then this process.
"""
import argparse
import importlib.util
import os
import sys

import uvicorn
from uvicorn.supervisors import Multiprocess


def stack(workers):
    """What serves: uvicorn's "auto" picks httptools and uvloop when they
    are installed, else h11 and asyncio."""
    import fastapi

    def have(m):
        return importlib.util.find_spec(m) is not None

    return "FastAPI %s, uvicorn %s, %d workers, %s, %s" % (
        fastapi.__version__, uvicorn.__version__, workers,
        "httptools" if have("httptools") else "h11", "uvloop" if have("uvloop") else "asyncio")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", required=True)
    ap.add_argument("--port", type=int, default=0)
    ap.add_argument("--workers", type=int, default=2)
    a = ap.parse_args()
    here = os.path.dirname(os.path.abspath(__file__))
    sys.path.insert(0, here)  # the workers (spawned) inherit sys.path
    os.environ["MARSAD_PEER_DB"] = os.path.abspath(a.db)
    config = uvicorn.Config("app:app", host="127.0.0.1", port=a.port, workers=a.workers,
                            access_log=False, log_level="warning", lifespan="off")
    server = uvicorn.Server(config)
    sock = config.bind_socket()
    # Listening now, so connections made before the workers are up wait in
    # the backlog instead of being refused.
    sock.listen(config.backlog)
    print("peer listening on http://127.0.0.1:%d (%s)" % (sock.getsockname()[1], stack(a.workers)),
          flush=True)
    if a.workers > 1:
        Multiprocess(config, target=server.run, sockets=[sock]).run()
    else:
        server.run(sockets=[sock])


if __name__ == "__main__":
    if sys.argv[1:] == ["--stack"]:
        print(stack(2))
        sys.exit(0)
    main()
