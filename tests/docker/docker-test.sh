#!/usr/bin/env bash
# make docker-test: builds docker/Dockerfile and runs the image for real.
#
#  1. Installs what it needs from Debian (docker.io, debootstrap, curl, jq,
#     iproute2, and docker-compose unless the client has `docker compose`).
#  2. Starts its own dockerd: data-root, exec-root, pidfile, socket and config
#     in a mktemp folder, its own containerd namespace, its own bridge. The
#     daemon never touches the host's firewall or sysctls (--iptables=false
#     --ip-forward=false --ip-masq=false), so:
#       - the build's RUN steps use --network host to reach the Debian mirror;
#       - the container runs on the bridge, published as -p 127.0.0.1:PORT:8080
#         (docker-proxy carries loopback traffic to it; no NAT needed).
#     Where no bridge can be made, it runs with --network host instead, says
#     so, and skips the compose check.
#  3. Makes the base image debian:bookworm-slim locally (no registry here):
#     debootstrap --variant=minbase from the mirror in apt's own sources, slimmed
#     like the official slim image, with the host's Debian sources copied in;
#     the tarball is cached under build/docker-cache/ for the next run.
#  4. Builds the image (classic builder, no pull), checks its size (< 120 MB)
#     and its configuration, runs it on a named volume, waits for its
#     HEALTHCHECK, smoke-tests the API with curl, checks the non-root user,
#     restarts on the same volume (the stored database is reused), and brings
#     docker/compose.yaml up on the same image.
#  5. Removes everything it made, by id, also on failure.
#
# Where the engine cannot start here it prints one line starting with SKIP:
# and exits 0. Environment: DOCKER_TEST_KEEP_CACHE=0 rebuilds the base image;
# DOCKER_TEST_NETWORK=host tries the fallback without a bridge.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
T_START=$SECONDS

SIZE_LIMIT=120000000 # bytes (docker's MB are 10^6 bytes)
IMAGE=marsad:local   # the tag docker/compose.yaml names
CACHE_DIR=$ROOT/build/docker-cache
RECIPE=4 # bump when the base image recipe below changes: invalidates the cache

pass=0 fail=0 skipped=0
ok()   { pass=$((pass + 1)); echo "ok   $*"; }
bad()  { fail=$((fail + 1)); echo "FAIL $*"; }
skipped() { skipped=$((skipped + 1)); echo "skip $*"; }
say()  { echo "docker-test: $*"; }
check() { # check "description" command...: one ok or FAIL
    local what=$1; shift
    if "$@"; then ok "$what"; else bad "$what"; fi
}

# --- what must be there before anything is made ---------------------------
if [ "$(uname -s)" != Linux ]; then
    echo "SKIP: docker-test starts its own dockerd, which needs Linux (this is $(uname -s))"
    exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
    echo "SKIP: docker-test starts its own dockerd and bridge, which needs root (run it as root)"
    exit 0
fi

need_pkgs=()
command -v dockerd     >/dev/null 2>&1 || need_pkgs+=(docker.io)
command -v debootstrap >/dev/null 2>&1 || need_pkgs+=(debootstrap)
command -v curl        >/dev/null 2>&1 || need_pkgs+=(curl)
command -v jq          >/dev/null 2>&1 || need_pkgs+=(jq)
command -v ip          >/dev/null 2>&1 || need_pkgs+=(iproute2)
command -v ss          >/dev/null 2>&1 || need_pkgs+=(iproute2)
command -v iptables    >/dev/null 2>&1 || need_pkgs+=(iptables)
if [ ${#need_pkgs[@]} -gt 0 ]; then
    say "installing ${need_pkgs[*]}"
    if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
              --no-install-recommends "${need_pkgs[@]}" ca-certificates; } >/tmp/docker-test-apt.$$ 2>&1; then
        echo "SKIP: cannot install ${need_pkgs[*]} with apt-get: $(grep -E '^(E|Err):' /tmp/docker-test-apt.$$ | head -1)"
        rm -f /tmp/docker-test-apt.$$
        exit 0
    fi
    rm -f /tmp/docker-test-apt.$$
fi
# The client that came with the daemon (a newer one elsewhere on PATH may
# default to BuildKit via a buildx plugin that is not installed).
DOCKER_CLI=$(command -v docker)
[ -x /usr/bin/docker ] && DOCKER_CLI=/usr/bin/docker
export DOCKER_BUILDKIT=0

# --- the Debian mirror, read from apt's own configuration ------------------
# Prints "URI SUITE COMPONENTS..." for each enabled binary (deb) entry of
# Debian's bookworm suites with the main component, from sources.list,
# sources.list.d/*.list (one-line) and sources.list.d/*.sources (deb822).
# Third-party repositories (their own keyrings, other suites) are left out.
apt_debian_entries() {
    local files=()
    [ -f /etc/apt/sources.list ] && files+=(/etc/apt/sources.list)
    local f
    for f in /etc/apt/sources.list.d/*.list; do [ -f "$f" ] && files+=("$f"); done
    for f in "${files[@]}"; do
        sed -e 's/#.*//' "$f" | awk '
            $1 == "deb" {
                i = 2; opts = ""
                if ($2 ~ /^\[/) { while (i <= NF && $i !~ /\]$/) { opts = opts " " $i; i++ } opts = opts " " $i; i++ }
                if (opts ~ /signed-by=/ && opts !~ /debian-archive-keyring/) next
                uri = $i; suite = $(i + 1); comps = ""; main = 0
                for (j = i + 2; j <= NF; j++) { comps = comps " " $j; if ($j == "main") main = 1 }
                if (main && suite ~ /^bookworm(-updates|-security|-backports)?$/) print uri, suite comps
            }'
    done
    for f in /etc/apt/sources.list.d/*.sources; do
        [ -f "$f" ] || continue
        awk '
            function flush(   n, s, k, u, main, c, suites, uris, comps) {
                if (types ~ /(^| )deb( |$)/ && enabled != "no" &&
                    (signed == "" || signed ~ /debian-archive-keyring/)) {
                    main = 0; n = split(components, comps, " ")
                    for (c = 1; c <= n; c++) if (comps[c] == "main") main = 1
                    if (main) {
                        n = split(suites_s, suites, " "); k = split(uris_s, uris, " ")
                        for (s = 1; s <= n; s++)
                            if (suites[s] ~ /^bookworm(-updates|-security|-backports)?$/)
                                for (u = 1; u <= k; u++) print uris[u], suites[s], components
                    }
                }
                types = uris_s = suites_s = components = signed = enabled = ""
            }
            /^[[:space:]]*#/ { next }
            /^[[:space:]]*$/ { flush(); next }
            {
                line = $0; key = tolower(line); sub(/:.*/, "", key)
                val = line; sub(/^[^:]*:[[:space:]]*/, "", val)
                if (key == "types") types = val
                else if (key == "uris") uris_s = val
                else if (key == "suites") suites_s = val
                else if (key == "components") components = val
                else if (key == "signed-by") signed = val
                else if (key == "enabled") enabled = tolower(val)
            }
            END { flush() }' "$f"
    done
}
ENTRIES=$(apt_debian_entries | awk '!seen[$0]++')
MIRROR=$(printf '%s\n' "$ENTRIES" | awk '$2 == "bookworm" { print $1; exit }')
if [ -z "$MIRROR" ]; then
    echo "SKIP: no Debian bookworm mirror in apt's sources (/etc/apt/sources.list, /etc/apt/sources.list.d/) to debootstrap the base image from"
    exit 0
fi
# The apt sources the image gets: the host's Debian entries, in deb822.
ROOTFS_SOURCES=$(printf '%s\n' "$ENTRIES" | awk '
    { key = $1 " " substr($0, index($0, $3)); if (!(key in suites)) order[++n] = key; suites[key] = suites[key] " " $2 }
    END {
        for (i = 1; i <= n; i++) {
            split(order[i], p, " "); comps = substr(order[i], length(p[1]) + 2)
            if (i > 1) print ""
            print "Types: deb"; print "URIs: " p[1]; print "Suites:" suites[order[i]]
            print "Components: " comps; print "Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg"
        }
    }')

# --- everything this run makes, and how it is removed -----------------------
TMP=$(mktemp -d /tmp/marsad-docker.XXXXXX) # short: unix socket paths are < 108 bytes
export DOCKER_HOST=unix://$TMP/docker.sock DOCKER_CONFIG=$TMP/client
mkdir -p "$TMP/client"
echo '{}' > "$TMP/client/config.json" # no credential helpers of the host
DOCKERD_PID="" BRIDGE="" COMPOSE="" COMPOSE_PROJECT="" CLEANED="" CID=""
CONTAINERS=() IMAGES=() VOLUMES=() NETWORKS=()
# Paths dockerd makes outside its own folders whatever it is told (its trust
# key, shim sockets, plugin folder): removed after it when this run made them.
HOST_LEFTOVERS=()
for p in /etc/docker/key.json /run/docker/plugins /run/docker /run/containerd/s /run/containerd; do
    [ -e "$p" ] || HOST_LEFTOVERS+=("$p")
done

d() { "$DOCKER_CLI" "$@"; }

cleanup() {
    [ -n "$CLEANED" ] && return 0
    CLEANED=1
    set +e
    if [ -n "$COMPOSE_PROJECT" ] && [ -n "$DOCKERD_PID" ]; then
        $COMPOSE -p "$COMPOSE_PROJECT" -f docker/compose.yaml down --volumes --timeout 10 >/dev/null 2>&1
    fi
    if [ -n "$DOCKERD_PID" ] && kill -0 "$DOCKERD_PID" 2>/dev/null; then
        [ ${#CONTAINERS[@]} -gt 0 ] && d rm --force --volumes "${CONTAINERS[@]}" >/dev/null 2>&1
        [ ${#VOLUMES[@]} -gt 0 ] && d volume rm --force "${VOLUMES[@]}" >/dev/null 2>&1
        [ ${#NETWORKS[@]} -gt 0 ] && d network rm "${NETWORKS[@]}" >/dev/null 2>&1
        [ ${#IMAGES[@]} -gt 0 ] && d rmi --force "${IMAGES[@]}" >/dev/null 2>&1
        # The daemon is this run's own: whatever else is in it (the builder's
        # intermediate images, say) was made by this run too.
        local left
        left=$(d ps -aq); [ -n "$left" ] && d rm --force --volumes $left >/dev/null 2>&1
        left=$(d volume ls -q); [ -n "$left" ] && d volume rm --force $left >/dev/null 2>&1
        left=$(d images -aq); [ -n "$left" ] && d rmi --force $left >/dev/null 2>&1
        kill -TERM "$DOCKERD_PID" 2>/dev/null
        for _ in $(seq 60); do kill -0 "$DOCKERD_PID" 2>/dev/null || break; sleep 0.5; done
        kill -KILL "$DOCKERD_PID" 2>/dev/null
        wait "$DOCKERD_PID" 2>/dev/null
    fi
    # The daemon's containerd, shims and proxies run with paths under $TMP:
    # end any left, by pid.
    local p
    for p in $(grep -lsF -- "$TMP" /proc/[0-9]*/cmdline | cut -d/ -f3); do
        [ "$p" != $$ ] || continue
        case "$(cat "/proc/$p/comm" 2>/dev/null)" in
            dockerd|containerd|containerd-shim*|runc|docker-proxy) kill -KILL "$p" 2>/dev/null ;;
        esac
    done
    # Mounts the daemon may have left under $TMP, innermost first.
    awk -v t="$TMP" 'index($5, t) == 1 { print $5 }' /proc/self/mountinfo | sort -r |
        while read -r m; do umount -l "$m" 2>/dev/null; done
    [ -n "$BRIDGE" ] && ip link delete "$BRIDGE" 2>/dev/null
    for p in "${HOST_LEFTOVERS[@]}"; do
        if [ -f "$p" ]; then rm -f "$p"; elif [ -d "$p" ]; then rmdir "$p" 2>/dev/null; fi
    done
    rm -rf "$TMP"
    set -e
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

finish() { # prints the report, removes everything, prints the closing line
    local status=0
    cleanup
    if [ -e "$TMP" ] || { [ -n "$BRIDGE" ] && ip link show "$BRIDGE" >/dev/null 2>&1; }; then
        bad "clean-up: $TMP or bridge $BRIDGE is still there"
    fi
    local total=$((SECONDS - T_START))
    say "total time $((total / 60)) min $((total % 60)) s"
    [ "$fail" -eq 0 ] || status=1
    if [ "$skipped" -gt 0 ]; then
        echo "docker-test: $pass passed, $fail failed, $skipped skipped"
    else
        echo "docker-test: $pass passed, $fail failed"
    fi
    exit "$status"
}
die() { bad "$*"; finish; }
show_tail() { tail -n "${2:-25}" "$1" | sed 's/^/     | /'; }

# --- networking: our own bridge when one can be made ------------------------
NETMODE=bridge NET_WHY=""
BRIDGE_CAND="mrsd$$"
BRIDGE_CAND=${BRIDGE_CAND:0:15}
subnet=""
for n in $(shuf -i 1-250 -n 40); do
    if [ -z "$(ip -4 route show match "172.29.$n.0/24" | grep -v '^default')" ] &&
       ! ip -4 addr show | grep -q "inet 172\.29\.$n\."; then
        subnet=$n; break
    fi
done
if [ "${DOCKER_TEST_NETWORK:-}" = host ]; then
    NETMODE=host NET_WHY="DOCKER_TEST_NETWORK=host"
elif [ -z "$subnet" ]; then
    NETMODE=host NET_WHY="no free 172.29.N.0/24 subnet for a bridge"
elif ! err=$(ip link add name "$BRIDGE_CAND" type bridge 2>&1); then
    NETMODE=host NET_WHY="cannot create a bridge: $err"
else
    BRIDGE=$BRIDGE_CAND
    if ! err=$({ ip addr add "172.29.$subnet.1/24" dev "$BRIDGE" && ip link set "$BRIDGE" up; } 2>&1); then
        ip link delete "$BRIDGE" 2>/dev/null; BRIDGE=""
        NETMODE=host NET_WHY="cannot configure a bridge: $err"
    fi
fi

# --- the daemon --------------------------------------------------------------
mkdir -p "$TMP/data" "$TMP/exec"
echo '{}' > "$TMP/daemon.json" # not the host's /etc/docker/daemon.json
dockerd_args=(
    --data-root "$TMP/data" --exec-root "$TMP/exec" --pidfile "$TMP/dockerd.pid"
    --host "unix://$TMP/docker.sock" --config-file "$TMP/daemon.json"
    --containerd-namespace "marsad-test-$$" --containerd-plugins-namespace "marsad-test-$$-plugins"
    --iptables=false --ip-forward=false --ip-masq=false --log-level=warn
)
if [ "$NETMODE" = bridge ]; then dockerd_args+=(--bridge "$BRIDGE"); else dockerd_args+=(--bridge=none); fi
dockerd "${dockerd_args[@]}" >"$TMP/dockerd.log" 2>&1 &
DOCKERD_PID=$!
server_version=""
for _ in $(seq 120); do
    kill -0 "$DOCKERD_PID" 2>/dev/null || break
    server_version=$(d version --format '{{.Server.Version}}' 2>/dev/null) && [ -n "$server_version" ] && break
    sleep 0.5
done
if [ -z "$server_version" ]; then
    why=$(grep -iE 'level=(fatal|error)|failed' "$TMP/dockerd.log" | tail -1 | sed -e 's/.*msg="\([^"]*\)".*/\1/')
    echo "SKIP: the Docker engine does not start here: ${why:-dockerd answered nothing within 60 s}"
    exit 0
fi
say "dockerd $server_version, storage $(d info --format '{{.Driver}}'), network mode: $NETMODE${NET_WHY:+ ($NET_WHY)}"

# --- the base image: debootstrap once, then from the cache ------------------
ARCH=$(dpkg --print-architecture)
key=$(printf '%s\n' "$RECIPE" "$ARCH" "$MIRROR" "$ROOTFS_SOURCES" | sha256sum | cut -c1-12)
CACHE=$CACHE_DIR/debian-bookworm-minbase-$ARCH-$key.tar.gz
mkdir -p "$CACHE_DIR"
# A cached rootfs older than two weeks misses security updates: make it anew.
find "$CACHE_DIR" -maxdepth 1 -name 'debian-bookworm-minbase-*.tar.gz' -mtime +14 -delete
[ "${DOCKER_TEST_KEEP_CACHE:-1}" = 0 ] && rm -f "$CACHE"
t=$SECONDS
if [ -s "$CACHE" ]; then
    base_how="from the cache"
else
    R=$TMP/rootfs
    say "debootstrap --variant=minbase bookworm from $MIRROR (once; cached after)"
    if ! debootstrap --variant=minbase --arch="$ARCH" bookworm "$R" "$MIRROR" >"$TMP/debootstrap.log" 2>&1; then
        show_tail "$TMP/debootstrap.log"
        die "debootstrap --variant=minbase bookworm $R $MIRROR failed"
    fi
    # Slim it like the official slim images: no documentation beyond the
    # copyright files, no manual pages or translations, no package lists;
    # and tell dpkg and apt to keep it so inside the image.
    cat > "$R/etc/dpkg/dpkg.cfg.d/docker-slim" <<'EOF'
path-exclude /usr/share/doc/*
path-include /usr/share/doc/*/copyright
path-exclude /usr/share/man/*
path-exclude /usr/share/groff/*
path-exclude /usr/share/info/*
path-exclude /usr/share/lintian/*
path-exclude /usr/share/linda/*
path-exclude /usr/share/locale/*
EOF
    cat > "$R/etc/apt/apt.conf.d/docker-clean" <<'EOF'
DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
APT::Update::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
Dir::Cache::pkgcache "";
Dir::Cache::srcpkgcache "";
Acquire::Languages "none";
Acquire::GzipIndexes "true";
APT::AutoRemove::SuggestsImportant "false";
EOF
    (
        cd "$R"
        rm -rf var/lib/apt/lists/* var/cache/apt/*.bin var/cache/apt/archives/*.deb \
            var/cache/apt/archives/partial/* var/log/apt/* var/log/*.log \
            var/cache/debconf/*-old var/lib/dpkg/*-old \
            usr/share/man/* usr/share/groff/* usr/share/info/* usr/share/lintian/* \
            usr/share/linda/* usr/share/locale/*
        find usr/share/doc -mindepth 1 ! -type d ! -name copyright -delete
        find usr/share/doc -mindepth 1 -type d -empty -delete
        # The host's Debian sources, so that apt in the image reaches the same mirror.
        rm -f etc/apt/sources.list
        printf '%s\n' "$ROOTFS_SOURCES" > etc/apt/sources.list.d/debian.sources
        : > etc/resolv.conf; : > etc/hostname
    )
    tar --numeric-owner -C "$R" -czf "$CACHE.tmp.$$" --exclude='./dev/*' --exclude='./proc/*' \
        --exclude='./sys/*' --exclude='./run/*' --exclude='./tmp/*' .
    mv "$CACHE.tmp.$$" "$CACHE"
    rm -rf "$R"
    # Older recipes' tarballs are dead weight.
    find "$CACHE_DIR" -maxdepth 1 -name 'debian-bookworm-minbase-*.tar.gz' ! -name "${CACHE##*/}" -delete
    base_how="by debootstrap, now cached"
fi
if ! base_id=$(d import --change 'CMD ["bash"]' "$CACHE" debian:bookworm-slim 2>"$TMP/import.err"); then
    show_tail "$TMP/import.err"
    die "docker import of $CACHE failed"
fi
IMAGES+=("$base_id")
BASE_S=$((SECONDS - t))
base_size=$(d image inspect --format '{{.Size}}' "$base_id")
say "base image debian:bookworm-slim $((base_size / 1000000)) MB, made $base_how in ${BASE_S} s (${CACHE#"$ROOT"/})"

# Can this engine run a container at all? If not, it is this machine, not us.
if ! err=$(d run --rm --network none debian:bookworm-slim true 2>&1); then
    echo "SKIP: the Docker engine starts but cannot run a container here: $(printf '%s' "$err" | tail -1)"
    exit 0
fi

# --- the image -----------------------------------------------------------------
# Classic builder, nothing pulled (the base is local). The RUN steps use the
# host's network: the test daemon's bridge has no route out (no NAT).
t=$SECONDS
touch "$TMP/build-start"
if ! d build --pull=false --network host -f docker/Dockerfile -t "$IMAGE" . >"$TMP/build.log" 2>&1; then
    show_tail "$TMP/build.log" 40
    die "docker build -f docker/Dockerfile failed"
fi
BUILD_S=$((SECONDS - t))
image_id=$(d image inspect --format '{{.Id}}' "$IMAGE")
IMAGES=("$image_id" "${IMAGES[@]}")
ok "docker build -f docker/Dockerfile: built in ${BUILD_S} s"
t=$SECONDS
d build --pull=false --network host -f docker/Dockerfile -t "$IMAGE" . >"$TMP/rebuild.log" 2>&1 || true
REBUILD_S=$((SECONDS - t))
# The first step of the rebuild that did not come from the layer cache.
# (FROM steps have nothing to cache.)
miss=$(awk 'function done() { if (step != "" && !hit && miss == "") miss = step }
            /^Step [0-9]+\/[0-9]+ :/ { done(); step = $0; hit = ($4 == "FROM"); next }
            /^ ---> Using cache/ { hit = 1 }
            END { done(); print miss }' "$TMP/rebuild.log")
if [ -z "$miss" ] && [ "$(d image inspect --format '{{.Id}}' "$IMAGE" 2>/dev/null)" = "$image_id" ]; then
    ok "rebuild with nothing changed: all from the layer cache in ${REBUILD_S} s"
elif [[ "$miss" == *": COPY . ."* ]] && [ -n "$(find . \( -path ./.git -o -path ./build -o -path ./var -o -path ./tests \
        -o -path ./bench/out -o -name node_modules \) -prune -o -type f -newer "$TMP/build-start" -print -quit)" ]; then
    ok "rebuild: the package layers from the cache, COPY . . anew (files changed during the build) in ${REBUILD_S} s"
else
    bad "rebuild with nothing changed missed the layer cache at: ${miss:-the image id}"
fi
IMAGES=("$(d image inspect --format '{{.Id}}' "$IMAGE")" "${IMAGES[@]}")

size=$(d image inspect --format '{{.Size}}' "$image_id")
SIZE_MB=$(awk -v s="$size" 'BEGIN { printf "%.1f", s / 1e6 }')
check "image size $SIZE_MB MB < $((SIZE_LIMIT / 1000000)) MB" test "$size" -lt "$SIZE_LIMIT"

cfg_user=$(d image inspect --format '{{.Config.User}}' "$image_id")
check "image Config.User is '$cfg_user', not root" \
    bash -c '[ -n "$1" ] && [ "${1%%:*}" != root ] && [ "${1%%:*}" != 0 ]' _ "$cfg_user"
check "image has a HEALTHCHECK" \
    test -n "$(d image inspect --format '{{if .Config.Healthcheck}}{{join .Config.Healthcheck.Test " "}}{{end}}' "$image_id")"
check "image declares the volume /var/lib/marsad" \
    test "$(d image inspect --format '{{json .Config.Volumes}}' "$image_id" | jq 'has("/var/lib/marsad")')" = true

# --- running it -------------------------------------------------------------------
free_port() {
    local p
    for _ in $(seq 100); do
        p=$((20000 + RANDOM % 40000))
        [ -z "$(ss -Hltn "sport = :$p")" ] && { echo "$p"; return 0; }
    done
    return 1
}
PORT=$(free_port) || die "no free port on 127.0.0.1"
VOLUME=marsad-test-data-$$
VOLUMES+=("$(d volume create "$VOLUME")")
ORIGIN=https://example.org
run_opts=(--detach --read-only --tmpfs /tmp --cap-drop ALL --security-opt no-new-privileges
          -v "$VOLUME:/var/lib/marsad" -e "MARSAD_CORS=$ORIGIN")
if [ "$NETMODE" = bridge ]; then
    run_opts+=(-p "127.0.0.1:$PORT:8080")
else
    run_opts+=(--network host -e "MARSAD_PORT=$PORT" -e MARSAD_BIND=127.0.0.1)
fi
BASE=http://127.0.0.1:$PORT

start_container() { # start_container NAME: sets CID
    # docker run warns that IPv4 forwarding is off: meant so (see the top).
    CID=$(d run "${run_opts[@]}" --name "$1" "$IMAGE" 2> >(grep -v 'IPv4 forwarding is disabled' >&2)) || return 1
    CONTAINERS+=("$CID")
}
wait_healthy() { # wait_healthy ID: up to 90 s; sets HEALTHY_S
    local t0=$SECONDS st
    while [ $((SECONDS - t0)) -lt 90 ]; do
        st=$(d inspect --format '{{if .State.Running}}{{.State.Health.Status}}{{else}}exited {{.State.ExitCode}}{{end}}' "$1")
        case "$st" in
            healthy) HEALTHY_S=$((SECONDS - t0)); return 0 ;;
            unhealthy|exited*) echo "     state: $st"; d logs "$1" 2>&1 | tail -20 | sed 's/^/     | /'; return 1 ;;
        esac
        sleep 1
    done
    echo "     still '$st' after 90 s"; return 1
}

start_container "marsad-test-1-$$" || die "docker run ${run_opts[*]} $IMAGE failed"
c1=$CID
if wait_healthy "$c1"; then
    ok "container healthy after ${HEALTHY_S} s (docker inspect .State.Health.Status)"
else
    die "container did not become healthy"
fi

# The API, as a client on the host sees it through the published port.
http() { # http PATH [curl args]: body to $TMP/body, headers to $TMP/headers, prints the status
    local path=$1; shift
    curl -sS -o "$TMP/body" -D "$TMP/headers" -w '%{http_code}' --max-time 10 "$@" "$BASE$path"
}
header() { awk -v h="$1" 'tolower($0) ~ "^" tolower(h) ":" { sub(/^[^:]*:[[:space:]]*/, ""); sub(/\r$/, ""); print; exit }' "$TMP/headers"; }

check "GET /healthz 200" test "$(http /healthz)" = 200
code=$(http /v1/articles)
check "GET /v1/articles 200 with total 5 (got $code, total $(jq -r .total "$TMP/body" 2>/dev/null))" \
    test "$code" = 200 -a "$(jq -r .total "$TMP/body" 2>/dev/null)" = 5
code=$(http '/v1/figures?type=killed')
n=$(jq -r '.data | length' "$TMP/body" 2>/dev/null || echo 0)
check "GET /v1/figures?type=killed 200 with data ($n figures)" test "$code" = 200 -a "${n:-0}" -gt 0
code=$(http /v1/figures/compare)
case "$code" in
    200) check "GET /v1/figures/compare 200 with groups" test "$(jq -r '.groups | type' "$TMP/body" 2>/dev/null)" = array ;;
    404) skipped "GET /v1/figures/compare: 404, this server has no compare route" ;;
    *)   bad "GET /v1/figures/compare answered $code" ;;
esac
code=$(http /v1/nowhere)
ctype=$(header Content-Type)
check "GET /v1/nowhere 404 application/problem+json (got $code, $ctype)" \
    test "$code" = 404 -a "${ctype%%;*}" = application/problem+json -a "$(jq -r .status "$TMP/body" 2>/dev/null)" = 404
http /v1/articles -H "Origin: $ORIGIN" >/dev/null
check "MARSAD_CORS from the environment reaches the server (Access-Control-Allow-Origin: $(header Access-Control-Allow-Origin))" \
    test "$(header Access-Control-Allow-Origin)" = "$ORIGIN"
http /v1/meta >/dev/null
gen1=$(jq -r .generation "$TMP/body" 2>/dev/null)

uid=$(d exec "$c1" id -u | tr -d '\r')
check "the server runs as uid $uid, not 0 (docker exec id -u)" test -n "$uid" -a "$uid" != 0
check "first start imported the 5 seeds into the volume" \
    bash -c 'grep -q "imported 5 articles" <<<"$1"' _ "$(d logs "$c1" 2>&1)"

# --- the database outlives the container --------------------------------------
t=$SECONDS
d stop --time 20 "$c1" >/dev/null
stop_s=$((SECONDS - t))
ec=$(d inspect --format '{{.State.ExitCode}}' "$c1")
check "docker stop: exit code $ec after SIGTERM in ${stop_s} s" test "$ec" = 0 -a "$stop_s" -lt 10
d rm "$c1" >/dev/null
start_container "marsad-test-2-$$" || die "second docker run on volume $VOLUME failed"
c2=$CID
if wait_healthy "$c2"; then
    ok "new container on the same volume healthy after ${HEALTHY_S} s"
    log2=$(d logs "$c2" 2>&1)
    check "the stored database was reused: $(grep -o 'imported [0-9]* articles' <<<"$log2" | head -1), $(grep -o '[0-9]* unchanged' <<<"$log2" | head -1)" \
        bash -c 'grep -qE "imported 0 articles.*\(5 unchanged" <<<"$1"' _ "$log2"
    http /v1/meta >/dev/null
    gen2=$(jq -r .generation "$TMP/body" 2>/dev/null)
    check "/v1/meta generation unchanged across the restart ($gen1 -> $gen2)" test -n "$gen1" -a "$gen1" = "$gen2"
    code=$(http /v1/articles)
    check "GET /v1/articles total still 5" test "$code" = 200 -a "$(jq -r .total "$TMP/body" 2>/dev/null)" = 5
else
    bad "new container on the same volume did not become healthy"
fi
d rm --force "$c2" >/dev/null

# --- docker/compose.yaml, on the image just built --------------------------------
if [ "$NETMODE" != bridge ]; then
    skipped "docker/compose.yaml: needs bridge networking ($NET_WHY)"
else
    if d compose version >/dev/null 2>&1; then
        COMPOSE="$DOCKER_CLI compose"
    else
        if ! command -v docker-compose >/dev/null 2>&1; then
            say "installing docker-compose"
            DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends docker-compose >/dev/null 2>&1 ||
                { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends docker-compose >/dev/null 2>&1; } || true
        fi
        command -v docker-compose >/dev/null 2>&1 && COMPOSE=docker-compose
    fi
    if [ -z "$COMPOSE" ]; then
        bad "docker/compose.yaml: neither 'docker compose' nor docker-compose could be had"
    else
        PORT2=$(free_port) || die "no free port on 127.0.0.1"
        COMPOSE_PROJECT=marsadtest$$
        if ! MARSAD_HOST_PORT=$PORT2 MARSAD_CORS=$ORIGIN \
             $COMPOSE -p "$COMPOSE_PROJECT" -f docker/compose.yaml up --detach --no-build >"$TMP/compose.log" 2>&1; then
            show_tail "$TMP/compose.log"
            bad "$COMPOSE -f docker/compose.yaml up failed"
        else
            cc=$($COMPOSE -p "$COMPOSE_PROJECT" -f docker/compose.yaml ps -q marsad | head -1)
            CONTAINERS+=("$cc")
            if wait_healthy "$cc"; then
                ok "$COMPOSE -f docker/compose.yaml up: healthy after ${HEALTHY_S} s (healthcheck from the image)"
                BASE=http://127.0.0.1:$PORT2
                code=$(http /v1/articles -H "Origin: $ORIGIN")
                check "compose: GET 127.0.0.1:$PORT2/v1/articles total 5, CORS from the environment" \
                    test "$code" = 200 -a "$(jq -r .total "$TMP/body" 2>/dev/null)" = 5 -a "$(header Access-Control-Allow-Origin)" = "$ORIGIN"
                check "compose: restart policy $(d inspect --format '{{.HostConfig.RestartPolicy.Name}}' "$cc"), volume on /var/lib/marsad" \
                    test "$(d inspect --format '{{.HostConfig.RestartPolicy.Name}}' "$cc")" != no \
                    -a -n "$(d inspect --format '{{range .Mounts}}{{if eq .Destination "/var/lib/marsad"}}{{.Type}}:{{.Name}}{{end}}{{end}}' "$cc" | grep '^volume:.')"
            else
                bad "compose: the service did not become healthy"
            fi
            if $COMPOSE -p "$COMPOSE_PROJECT" -f docker/compose.yaml down --volumes --timeout 10 >>"$TMP/compose.log" 2>&1; then
                COMPOSE_PROJECT=""
            fi
        fi
    fi
fi

# --- report -------------------------------------------------------------------------
if [ "$NETMODE" = bridge ]; then
    say "network: bridge $BRIDGE (172.29.$subnet.0/24), published -p 127.0.0.1:$PORT:8080; build RUN steps on --network host"
else
    say "network: host ($NET_WHY); the server on 127.0.0.1:$PORT"
fi
say "image $IMAGE $SIZE_MB MB (limit $((SIZE_LIMIT / 1000000)) MB, base $((base_size / 1000000)) MB)"
say "times: base image ${BASE_S} s ($base_how), image build ${BUILD_S} s, rebuild ${REBUILD_S} s"
finish
