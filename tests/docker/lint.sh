#!/usr/bin/env bash
# make docker-lint: lints docker/Dockerfile offline.
#
# The linter is dockerfile-utils (the checker behind the VS Code Dockerfile
# language server), pinned in tests/docker/package.json and package-lock.json
# and installed with `npm ci` under build/docker-lint/ (nothing global; only
# the npm registry is needed, and only when the lock file changed).
# dockerfilelint is not used: its HEALTHCHECK rule rejects --start-period, a
# valid option (replicatedhq/dockerfilelint issue 166, never fixed), and its
# only switch for that is to turn off the whole invalid-format rule.
#
# Then a few rules of this project that no generic linter knows.
set -euo pipefail
cd "$(dirname "$0")/../.."

DOCKERFILE=${DOCKERFILE:-docker/Dockerfile}
LINT_DIR=build/docker-lint
pass=0 fail=0
ok()  { pass=$((pass + 1)); echo "ok   $*"; }
bad() { fail=$((fail + 1)); echo "FAIL $*"; }

if ! command -v npm >/dev/null 2>&1; then
    echo "docker-lint: installing nodejs and npm"
    SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
fi

# Install the pinned linter when the lock file changed since the last install.
mkdir -p "$LINT_DIR"
stamp="$LINT_DIR/.lock.sha256"
want=$(cat tests/docker/package.json tests/docker/package-lock.json | sha256sum | cut -d' ' -f1)
if [ ! -x "$LINT_DIR/node_modules/.bin/dockerfile-utils" ] || [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    cp tests/docker/package.json tests/docker/package-lock.json "$LINT_DIR/"
    (cd "$LINT_DIR" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
    echo "$want" > "$stamp"
fi

# 1. The linter itself: any error or warning fails.
if out=$("$LINT_DIR/node_modules/.bin/dockerfile-utils" lint "$DOCKERFILE" 2>&1) && [ -z "$out" ]; then
    ok "dockerfile-utils lint $DOCKERFILE: no findings"
else
    bad "dockerfile-utils lint $DOCKERFILE:"
    printf '%s\n' "$out" | sed 's/^/     /'
fi

# 2. The project's own rules.
# Instructions with their continuation lines joined, comments dropped.
joined=$(sed -e '/^[[:space:]]*#/d' "$DOCKERFILE" | sed -e ':a' -e '/\\$/N; s/\\\n//; ta')

if grep -qiE '^#[[:space:]]*syntax[[:space:]]*=' "$DOCKERFILE"; then
    bad "a '# syntax=' line makes BuildKit fetch a frontend image: the build must work offline"
else
    ok "no '# syntax=' line (builds offline)"
fi

froms=$(printf '%s\n' "$joined" | awk 'toupper($1) == "FROM" { print $2 }' | sort -u)
if [ "$froms" = "debian:bookworm-slim" ]; then
    ok "every stage is FROM debian:bookworm-slim (the base make docker-test makes locally)"
else
    bad "stages must be FROM debian:bookworm-slim, found: $(echo $froms)"
fi

# The last USER must be a numeric uid other than 0.
user=$(printf '%s\n' "$joined" | awk 'toupper($1) == "USER" { u = $2 } END { print u }')
if [[ "$user" =~ ^[0-9]+(:[0-9]+)?$ ]] && [ "${user%%:*}" != 0 ]; then
    ok "runs as numeric non-root USER $user"
else
    bad "the final USER must be a numeric non-root uid[:gid], found '${user:-none}'"
fi

if printf '%s\n' "$joined" | grep -qE '^HEALTHCHECK[[:space:]]+.*CMD'; then
    ok "has a HEALTHCHECK"
else
    bad "no HEALTHCHECK CMD"
fi

# Every RUN that fetches package lists removes them in the same layer.
missing=$(printf '%s\n' "$joined" | grep -E '^RUN .*apt-get update' | grep -vc 'rm -rf /var/lib/apt/lists' || true)
if [ "$missing" = 0 ]; then
    ok "every apt-get update layer removes /var/lib/apt/lists"
else
    bad "$missing RUN line(s) run apt-get update without removing /var/lib/apt/lists"
fi

norec=$(printf '%s\n' "$joined" | grep -E 'apt-get install' | grep -vc -- '--no-install-recommends' || true)
if [ "$norec" = 0 ]; then
    ok "every apt-get install has --no-install-recommends"
else
    bad "$norec apt-get install without --no-install-recommends"
fi

echo "docker-lint: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
