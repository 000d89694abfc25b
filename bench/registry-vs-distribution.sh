#!/usr/bin/env bash
# Pull-through cache benchmark: Moat's ACR data plane (cache rule onto its mcr.microsoft.com
# stand-in) against CNCF Distribution 2.8.2 (Debian `docker-registry`) in proxy mode.
#
#   bench/registry-vs-distribution.sh            # full run: 64 and 256 MiB images, 20-way concurrency
#   SIZES="8" CONCURRENCY=4 bench/...            # quick smoke run
#
# Knobs (environment): SIZES (MiB payloads, default "64 256"), CONCURRENCY (default 20),
# THROUGHPUT_REPS (warm single-blob GETs per size, median reported; default 3),
# BENCH_TIMEOUT (seconds before the watchdog aborts the run; default 900), CLIENT_TIMEOUT
# (seconds per client command; default 300), KEEP_TMP=1 (keep the work dir for inspection),
# WARMUP_MB / WARMUP_GETS (see below; default 32 / 5), MOAT_JAR (measure this jar, no build;
# MOAT_REV_LABEL names it in the header), MOAT_SERVER_OPTS (extra JVM options for every Moat
# server, e.g. "-XX:StartFlightRecording=filename=/tmp/jfr/,settings=profile").
#
# Warm-up: every fresh cache server (Moat JVM or Distribution proxy) first pulls a separate
# warm-up image (WARMUP_MB payload, other digests) cold through its cache, once with each client,
# then GETs its big blob WARMUP_GETS times. So a "cold" figure is a running server meeting content
# it has never seen, not a JVM's first requests (JIT, TLS intrinsics). Warm-up traffic is not
# timed and not counted (counts are restricted to the benchmark images' digests).
#
# Everything listens on 127.0.0.1 only and runs over TLS. Every cold measurement uses a cache that
# has never seen the content: a fresh Distribution proxy storage directory, and for Moat a fresh
# copy of a "golden" data directory (MCR stand-in filled, registry + cache rule created, nothing
# cached) started as a new server — a new registry or repository name in the same Moat would not
# be cold, because Moat's blob store is content-addressed across all registries of one server.
#
# Upstream blob fetches are counted as follows:
#   Distribution: GET .../blobs/sha256:... lines in the upstream registry's access log.
#   Moat: per-digest counts are not in its CacheStatistics counters, so the server logs every
#         upstream blob GET: blob bodies come through the registry's streaming client, logged at
#         debug as "upstream GET https://127.0.0.1:<mcr port>/v2/.../blobs/sha256:...", and
#         -Djdk.httpclient.HttpClient.log=requests logs any sent through java.net.http as
#         "REQUEST: https://127.0.0.1:<mcr port>/v2/.../blobs/sha256:... GET". Both count, i.e. every
#         blob GET the registry engine sends to the MCR stand-in.
#
# Exit status: 0 when every measurement completed (targets may PASS or FAIL), non-zero when the
# benchmark itself could not run or a pull failed.
set -Eeuo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SIZES="${SIZES:-64 256}"
CONCURRENCY="${CONCURRENCY:-20}"
THROUGHPUT_REPS="${THROUGHPUT_REPS:-3}"
BENCH_TIMEOUT="${BENCH_TIMEOUT:-900}"
CLIENT_TIMEOUT="${CLIENT_TIMEOUT:-300}"
WARMUP_MB="${WARMUP_MB:-32}"
WARMUP_GETS="${WARMUP_GETS:-5}"
SUB=6d6f6174-0000-4000-8000-000000000002
RG=benchrg
ACR=moatbench
MANIFEST_ACCEPT="application/vnd.oci.image.manifest.v1+json"

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# ---------------------------------------------------------------------------------------------
# Tools
missing=()
for t in docker-registry skopeo curl jq openssl java tar gzip sha256sum awk ss timeout; do
  command -v "$t" >/dev/null 2>&1 || missing+=("$t")
done
if [ ! -f "$ROOT/moat-server/target/moat.jar" ] && ! command -v mvn >/dev/null 2>&1; then
  missing+=(mvn)
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "missing tools: ${missing[*]}" >&2
  echo "install with: apt-get update && apt-get install -y docker-registry skopeo curl jq openssl" \
    "openjdk-17-jdk-headless maven iproute2 coreutils" >&2
  exit 2
fi

# ---------------------------------------------------------------------------------------------
# Work dir, process bookkeeping, cleanup
T="$(mktemp -d /tmp/moat-bench.XXXXXX)"
PIDS=()        # long-running servers and background clients we started
WATCHDOG=""

kill_tree() { # pid: TERM the pid and its descendants (by parent id), children first
  local p="$1" c
  for c in $(ps -o pid= --ppid "$p" 2>/dev/null || true); do kill_tree "$c"; done
  kill -TERM "$p" 2>/dev/null || true
}

cleanup() {
  local rc=$?
  trap - EXIT INT TERM ERR
  [ -n "$WATCHDOG" ] && kill_tree "$WATCHDOG"
  for p in "${PIDS[@]:-}"; do [ -n "$p" ] && kill_tree "$p"; done
  # anything else we started (clients launched inside command substitutions)
  for p in $(ps -o pid= --ppid $$ 2>/dev/null || true); do kill_tree "$p"; done
  for p in "${PIDS[@]:-}"; do
    [ -n "$p" ] || continue
    for _ in $(seq 50); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$p" 2>/dev/null || true
  done
  if [ "${KEEP_TMP:-0}" = 1 ]; then log "work dir kept: $T"; else rm -rf "$T"; fi
  exit "$rc"
}
trap cleanup EXIT
trap 'log "failed (status $?) at line $LINENO: $BASH_COMMAND"' ERR
trap 'log "interrupted"; exit 130' INT TERM

( sleep "$BENCH_TIMEOUT"; echo "[watchdog] benchmark exceeded ${BENCH_TIMEOUT}s, aborting" >&2
  kill -TERM $$ ) &
WATCHDOG=$!

forget_pid() { local p="$1" i; for i in "${!PIDS[@]}"; do [ "${PIDS[$i]}" = "$p" ] && unset 'PIDS[i]'; done; return 0; }

stop_pid() { # pid: TERM it (and children), wait up to 10 s, then KILL
  local p="$1"
  kill_tree "$p"
  for _ in $(seq 100); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
  kill -KILL "$p" 2>/dev/null || true
  wait "$p" 2>/dev/null || true
  forget_pid "$p"
}

now() { echo "$EPOCHREALTIME"; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN{printf "%.3f", b-a}'; }

free_port() {
  local p
  for _ in $(seq 200); do
    p=$((20000 + RANDOM % 40000))
    if [ -z "$(ss -Hltn "sport = :$p" 2>/dev/null)" ]; then echo "$p"; return 0; fi
  done
  die "no free port found"
}

wait_https() { # url cacert: until /v2/ answers (any HTTP status), max 30 s
  for _ in $(seq 300); do
    if curl -s -o /dev/null --max-time 2 --cacert "$2" "$1"; then return 0; fi
    sleep 0.1
  done
  die "$1 did not come up"
}

# ---------------------------------------------------------------------------------------------
# 1. Deterministic OCI images (same bytes every run: AES-256-CTR keystream with a fixed password)
mkoci() { # out-dir payload-MiB tag
  local out="$1" mb="$2" tag="$3" w
  w="$(mktemp -d "$T/mkoci.XXXX")"
  mkdir -p "$w/rootfs" "$out/blobs/sha256"
  echo "moat registry benchmark, ${mb} MiB payload" > "$w/rootfs/hello.txt"
  # openssl dies of SIGPIPE when head has enough: that is expected
  { openssl enc -aes-256-ctr -pass "pass:moat-bench-$mb" -nosalt -md sha256 </dev/zero 2>/dev/null || true; } \
    | head -c $((mb * 1024 * 1024)) > "$w/rootfs/payload.bin"
  tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -C "$w/rootfs" -cf "$w/layer.tar" .
  local diff_id layer lsize cfg csize man msize
  diff_id=$(sha256sum "$w/layer.tar" | cut -d' ' -f1)
  gzip -n -1 -c "$w/layer.tar" > "$w/layer.tar.gz"
  layer=$(sha256sum "$w/layer.tar.gz" | cut -d' ' -f1); lsize=$(stat -c %s "$w/layer.tar.gz")
  mv "$w/layer.tar.gz" "$out/blobs/sha256/$layer"
  printf '{"architecture":"amd64","os":"linux","config":{"Cmd":["/hello.txt"]},"rootfs":{"type":"layers","diff_ids":["sha256:%s"]}}' \
    "$diff_id" > "$w/config.json"
  cfg=$(sha256sum "$w/config.json" | cut -d' ' -f1); csize=$(stat -c %s "$w/config.json")
  cp "$w/config.json" "$out/blobs/sha256/$cfg"
  printf '{"schemaVersion":2,"mediaType":"%s","config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"sha256:%s","size":%s},"layers":[{"mediaType":"application/vnd.oci.image.layer.v1.tar+gzip","digest":"sha256:%s","size":%s}]}' \
    "$MANIFEST_ACCEPT" "$cfg" "$csize" "$layer" "$lsize" > "$w/manifest.json"
  man=$(sha256sum "$w/manifest.json" | cut -d' ' -f1); msize=$(stat -c %s "$w/manifest.json")
  cp "$w/manifest.json" "$out/blobs/sha256/$man"
  printf '{"schemaVersion":2,"manifests":[{"mediaType":"%s","digest":"sha256:%s","size":%s,"annotations":{"org.opencontainers.image.ref.name":"%s"}}]}' \
    "$MANIFEST_ACCEPT" "$man" "$msize" "$tag" > "$out/index.json"
  printf '{"imageLayoutVersion":"1.0.0"}' > "$out/oci-layout"
  rm -rf "$w"
  # metadata for the run: manifest digest, blob digests and sizes
  printf '%s\n' "sha256:$man" > "$out.manifest"
  printf 'sha256:%s %s\nsha256:%s %s\n' "$cfg" "$csize" "$layer" "$lsize" > "$out.blobs"
  printf 'sha256:%s %s\n' "$layer" "$lsize" > "$out.bigblob"
}

# ---------------------------------------------------------------------------------------------
# Clients. Every client command is bounded by CLIENT_TIMEOUT.
skopeo_pull() { # host repo tag certdir outdir
  timeout "$CLIENT_TIMEOUT" skopeo copy -q --src-cert-dir "$4" "docker://$1/$2:$3" "dir:$5" >/dev/null
}

light_pull() { # host repo tag cacert expected-blobs-file: manifest, then every blob in parallel
  local host="$1" repo="$2" tag="$3" ca="$4" expect="$5" m args=() d s n=0 total=0 want=0 out
  m=$(timeout "$CLIENT_TIMEOUT" curl -sS -f --cacert "$ca" -H "Accept: $MANIFEST_ACCEPT" \
    "https://$host/v2/$repo/manifests/$tag") || return 1
  while read -r d; do
    args+=(-o /dev/null "https://$host/v2/$repo/blobs/$d"); n=$((n + 1))
  done < <(jq -r '.config.digest, .layers[].digest' <<<"$m")
  local errf="$T/curl.$BASHPID.err"
  out=$(timeout "$CLIENT_TIMEOUT" curl -sS -f -Z --parallel-max 16 --cacert "$ca" \
    -w '%{http_code} %{size_download}\n' "${args[@]}" 2>"$errf") \
    || { grep -v -e '^DL%' -e '^--' -e '^ *[0-9]* --' "$errf" >&2 || true; rm -f "$errf"; return 1; }
  rm -f "$errf"
  # every transfer 200, and the byte total equals the manifest's sizes
  while read -r code s; do
    [ "$code" = 200 ] || return 1
    total=$((total + s))
  done <<<"$out"
  want=$(awk '{s+=$2} END{print s}' "$expect")
  [ "$total" = "$want" ] && [ "$(wc -l <<<"$out")" = "$n" ]
}

single() { # kind host repo tag cert(dir|file) blobs-file -> seconds on stdout
  local kind="$1" t0 t1 out
  out="$T/out.$RANDOM$RANDOM"
  t0=$(now)
  if [ "$kind" = skopeo ]; then skopeo_pull "$2" "$3" "$4" "$5" "$out" || die "skopeo pull of $2/$3:$4 failed"
  else light_pull "$2" "$3" "$4" "$5" "$6" || die "light pull of $2/$3:$4 failed"; fi
  t1=$(now)
  rm -rf "$out"
  elapsed "$t0" "$t1"
}

concurrent() { # kind host repo tag cert blobs-file -> wall seconds for CONCURRENCY parallel pulls
  local kind="$1" t0 t1 i pids=() fails=0 p
  mkdir -p "$T/conc"
  t0=$(now)
  for i in $(seq "$CONCURRENCY"); do
    if [ "$kind" = skopeo ]; then
      skopeo_pull "$2" "$3" "$4" "$5" "$T/conc/$i" &
    else
      light_pull "$2" "$3" "$4" "$5" "$6" &
    fi
    pids+=($!); PIDS+=($!)
  done
  for p in "${pids[@]}"; do
    wait "$p" || fails=$((fails + 1))
    forget_pid "$p"
  done
  t1=$(now)
  rm -rf "$T/conc"
  [ "$fails" = 0 ] || die "$fails of $CONCURRENCY concurrent $kind pulls of $2/$3:$4 failed"
  elapsed "$t0" "$t1"
}

throughput() { # host repo cacert bigblob-file -> median MiB/s of THROUGHPUT_REPS warm GETs
  local d s i bps
  read -r d s < "$4"
  for i in $(seq "$THROUGHPUT_REPS"); do
    bps=$(timeout "$CLIENT_TIMEOUT" curl -sS -f --cacert "$3" -o /dev/null -w '%{speed_download}' \
      "https://$1/v2/$2/blobs/$d") || die "warm blob GET from $1 failed"
    awk -v b="$bps" 'BEGIN{printf "%.1f\n", b/1048576}'
  done | sort -n | awk '{v[NR]=$1} END{print v[int((NR+1)/2)]}'
}

# ---------------------------------------------------------------------------------------------
# Upstream fetch counting. Both return "<total blob GETs> <max per digest>" for the listed digests
# in the log lines from line N+1 on, where N is a mark taken earlier (count_mark).
settle() { # log: wait (max 30 s) until the log has not grown for 2 s, so fetches that a case
           # started in the background (Distribution 2.8's second fetch) are counted with it
  local last=-1 cur stable=0
  for _ in $(seq 60); do
    cur=$(count_mark "$1")
    if [ "$cur" = "$last" ]; then stable=$((stable + 1)); [ "$stable" -ge 4 ] && return 0; else stable=0; fi
    last="$cur"; sleep 0.5
  done
}

count_mark() { if [ -f "$1" ]; then wc -l < "$1"; else echo 0; fi; }

count_blob_gets() { # log from-line pattern-prefix blobs-file
  local logf="$1" from="$2" kind="$3" blobs="$4"
  tail -n +"$((from + 1))" "$logf" | awk -v kind="$kind" -v blobs="$blobs" '
    BEGIN { while ((getline l < blobs) > 0) { split(l, a, " "); want[a[1]] = 1; cnt[a[1]] = 0 } }
    {
      if (kind == "dist") {
        # combined access log line: "GET /v2/<repo>/blobs/sha256:<hex> HTTP/1.1" <status> ...
        if ($0 !~ /"GET \/v2\/[^ ]*\/blobs\/sha256:[0-9a-f]+ HTTP/) next
      } else {
        # JDK HttpClient: REQUEST: https://127.0.0.1:<mcr>/v2/<repo>/blobs/sha256:<hex> GET
        # Moat streaming client: ... upstream GET https://127.0.0.1:<mcr>/v2/<repo>/blobs/sha256:<hex>
        if ($0 !~ /REQUEST: https:\/\/[^ ]*\/v2\/[^ ]*\/blobs\/sha256:[0-9a-f]+ GET/ &&
            $0 !~ /upstream GET https:\/\/[^ ]*\/v2\/[^ ]*\/blobs\/sha256:[0-9a-f]+$/) next
      }
      if (match($0, /sha256:[0-9a-f]+/)) { d = substr($0, RSTART, RLENGTH); if (d in want) cnt[d]++ }
    }
    END { t = 0; mx = 0; mn = -1; n = 0
          for (d in cnt) { t += cnt[d]; n++; if (cnt[d] > mx) mx = cnt[d]; if (mn < 0 || cnt[d] < mn) mn = cnt[d] }
          printf "%d %d %d %d\n", t, n, mn, mx }'
}

# ---------------------------------------------------------------------------------------------
# Build Moat once (the source tree may be edited by others while we run: use a private jar copy)
log "building Moat if needed"
# A reactor `package`, not ./moat's `install`: the benchmark must not write SNAPSHOT jars into the
# shared ~/.m2. MOAT_JAR=path skips the build and measures that jar instead.
if [ -n "${MOAT_JAR:-}" ]; then
  [ -f "$MOAT_JAR" ] || die "MOAT_JAR $MOAT_JAR does not exist"
elif [ -n "$(find "$ROOT" -path "$ROOT/.git" -prune -o \( -name '*.java' -o -name 'pom.xml' -o -path '*/src/main/resources/*' \) \
      -newer "$ROOT/moat-server/target/moat.jar" -print -quit 2>/dev/null)" ] \
    || [ ! -f "$ROOT/moat-server/target/moat.jar" ]; then
  if ! (cd "$ROOT" && timeout 900 mvn -B -q -DskipTests -Dspotless.check.skip=true -pl moat-server -am package \
      >"$T/build.log" 2>&1); then
    if [ -f "$ROOT/moat-server/target/moat.jar" ]; then
      log "WARNING: the current sources do not build (see below); using the existing jar"
      MOAT_BUILD_FAILED=1
      tail -5 "$T/build.log" >&2 || true
    else
      cat "$T/build.log" >&2; die "Moat build failed"
    fi
  fi
fi
cp -p "${MOAT_JAR:-$ROOT/moat-server/target/moat.jar}" "$T/moat.jar"
MOAT_REV="$(cd "$ROOT" && git rev-parse --short HEAD 2>/dev/null || echo unknown)"
if [ -n "$(cd "$ROOT" && git status --porcelain 2>/dev/null | head -1)" ]; then MOAT_REV="$MOAT_REV+dirty"; fi
[ -n "${MOAT_JAR:-}" ] && MOAT_REV="${MOAT_REV_LABEL:-$MOAT_JAR}"
MOAT_REV="$MOAT_REV, jar built $(date -u -r "$T/moat.jar" +%Y-%m-%dT%H:%M:%SZ)${MOAT_BUILD_FAILED:+ (current sources did not build)}"

moat_cli() { # home args...: the az-compatible CLI against the server whose data dir is $1
  local home="$1"; shift
  MOAT_HOME="$home" timeout 120 java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar "$T/moat.jar" "$@"
}

MOAT_PID=""
moat_start() { # data-dir log
  rm -f "$1/endpoint"
  # shellcheck disable=SC2086 # MOAT_SERVER_OPTS is a list of JVM options (e.g. a JFR recording)
  java -Djdk.httpclient.HttpClient.log=requests \
    -Dorg.slf4j.simpleLogger.log.dev.moat.registry.proxy.UpstreamHttp=debug ${MOAT_SERVER_OPTS:-} -jar "$T/moat.jar" serve --port 0 --data-dir "$1" \
    > "$2" 2>&1 &
  MOAT_PID=$!; PIDS+=("$MOAT_PID")
  for _ in $(seq 600); do [ -s "$1/endpoint" ] && break; sleep 0.05; done
  [ -s "$1/endpoint" ] || { cat "$2" >&2; die "Moat did not start"; }
  wait_https "$(cat "$1/endpoint")/moat/registries" "$1/ca.pem"
}
moat_registries() { curl -sS -f --cacert "$1/ca.pem" "$(cat "$1/endpoint")/moat/registries"; }

# ---------------------------------------------------------------------------------------------
log "work dir $T"
declare -A IMG
log "building the warm-up image (${WARMUP_MB} MiB payload)"
mkoci "$T/imgwarmup" "$WARMUP_MB" v1
for s in $SIZES; do
  log "building deterministic OCI image with a ${s} MiB payload"
  mkoci "$T/img$s" "$s" v1
  IMG[$s]="$T/img$s"
  log "  manifest $(cat "$T/img$s.manifest"), layer $(cut -d' ' -f2 "$T/img$s.bigblob") bytes"
done

# ---------------------------------------------------------------------------------------------
# 2. Distribution side: CA + server cert, TLS upstream holding the images, TLS proxy of it
log "Distribution: CA, certificate, upstream registry"
mkdir -p "$T/pki" "$T/dcerts"
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=moat-bench CA" \
  -keyout "$T/pki/ca.key" -out "$T/pki/ca.crt" \
  -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
openssl req -newkey rsa:2048 -nodes -subj "/CN=127.0.0.1" -keyout "$T/pki/server.key" \
  -out "$T/pki/server.csr" 2>/dev/null
printf 'subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\n' \
  > "$T/pki/ext.cnf"
openssl x509 -req -in "$T/pki/server.csr" -CA "$T/pki/ca.crt" -CAkey "$T/pki/ca.key" \
  -CAcreateserial -days 2 -extfile "$T/pki/ext.cnf" -out "$T/pki/server.crt" 2>/dev/null
cp "$T/pki/ca.crt" "$T/dcerts/ca.crt"
DCA="$T/pki/ca.crt"

dist_config() { # name addr rootdir [remoteurl]
  cat <<EOF
version: 0.1
log:
  level: info
  fields: {service: $1}
storage:
  filesystem:
    rootdirectory: $3
  delete:
    enabled: true
http:
  addr: $2
  tls:
    certificate: $T/pki/server.crt
    key: $T/pki/server.key
EOF
  if [ -n "${4:-}" ]; then printf 'proxy:\n  remoteurl: %s\n' "$4"; fi
}

UPORT=$(free_port)
dist_config upstream "127.0.0.1:$UPORT" "$T/upstream-data" > "$T/upstream.yml"
docker-registry serve "$T/upstream.yml" > "$T/upstream.log" 2>&1 &
UPID=$!; PIDS+=("$UPID")
wait_https "https://127.0.0.1:$UPORT/v2/" "$DCA"
for s in warmup $SIZES; do
  timeout "$CLIENT_TIMEOUT" skopeo copy -q --dest-cert-dir "$T/dcerts" "oci:$T/img$s:v1" \
    "docker://127.0.0.1:$UPORT/perf/img$s:v1" || die "push to the Distribution upstream failed"
done

PROXY_PID=""; PROXY_N=0; PPORT=""
proxy_fresh() { # a new proxy process with empty storage
  [ -n "$PROXY_PID" ] && stop_pid "$PROXY_PID"
  PROXY_N=$((PROXY_N + 1))
  rm -rf "$T/proxy-data"
  PPORT=$(free_port)
  dist_config proxy "127.0.0.1:$PPORT" "$T/proxy-data" "https://127.0.0.1:$UPORT" > "$T/proxy.yml"
  SSL_CERT_FILE="$DCA" docker-registry serve "$T/proxy.yml" > "$T/proxy.$PROXY_N.log" 2>&1 &
  PROXY_PID=$!; PIDS+=("$PROXY_PID")
  wait_https "https://127.0.0.1:$PPORT/v2/" "$DCA"
}

# ---------------------------------------------------------------------------------------------
# 3. Moat side: golden data dir = MCR stand-in holding the images + Premium registry with
#    anonymous pull, public network access and the cache rule mcr.microsoft.com/* -> bench/*
log "Moat ($MOAT_REV): golden data dir"
GOLD="$T/moat-golden"
moat_start "$GOLD" "$T/moat-golden.log"
MCR=$(moat_registries "$GOLD" | jq -r '.value[] | select(.loginServer=="mcr.microsoft.com") | .hostEndpoint')
[ -n "$MCR" ] && [ "$MCR" != null ] || die "GET /moat/registries lists no MCR stand-in"
mkdir -p "$T/mcerts"; cp "$GOLD/ca.pem" "$T/mcerts/ca.crt"
for s in warmup $SIZES; do
  timeout "$CLIENT_TIMEOUT" skopeo copy -q --dest-cert-dir "$T/mcerts" "oci:$T/img$s:v1" \
    "docker://$MCR/perf/img$s:v1" || die "push to Moat's MCR stand-in failed"
done
moat_cli "$GOLD" group create -n "$RG" -l eastus -o none
moat_cli "$GOLD" acr create -g "$RG" -n "$ACR" --sku Premium -o none
moat_cli "$GOLD" rest --method patch \
  --url "/subscriptions/$SUB/resourceGroups/$RG/providers/Microsoft.ContainerRegistry/registries/$ACR?api-version=2025-11-01" \
  --body '{"properties":{"anonymousPullEnabled":true,"publicNetworkAccess":"Enabled"}}' > "$T/acr.json"
[ "$(jq -r '.properties.anonymousPullEnabled' "$T/acr.json")" = true ] || die "anonymousPullEnabled not set"
moat_cli "$GOLD" acr cache create -n bench-rule -r "$ACR" -g "$RG" \
  --source-repo "mcr.microsoft.com/*" --target-repo "bench/*" -o none
stop_pid "$MOAT_PID"; MOAT_PID=""
MCA="$GOLD/ca.pem"

MOAT_N=0; MDIR=""; MLOG=""; MREG=""; MMCR=""
moat_fresh() { # a new Moat server on a fresh copy of the golden data dir
  [ -n "$MOAT_PID" ] && stop_pid "$MOAT_PID"
  [ -n "$MDIR" ] && rm -rf "$MDIR"
  MOAT_N=$((MOAT_N + 1))
  MDIR="$T/moat-$MOAT_N"; MLOG="$T/moat-$MOAT_N.log"
  cp -a "$GOLD" "$MDIR"
  moat_start "$MDIR" "$MLOG"
  local r; r=$(moat_registries "$MDIR")
  MREG=$(jq -r --arg s "$ACR.azurecr.io" '.value[] | select(.loginServer==$s) | .hostEndpoint' <<<"$r")
  MMCR=$(jq -r '.value[] | select(.loginServer=="mcr.microsoft.com") | .hostEndpoint' <<<"$r")
  [ -n "$MREG" ] && [ "$MREG" != null ] || die "no host endpoint for $ACR"
}

# ---------------------------------------------------------------------------------------------
# 4. Measurements
RES="$T/results.tsv"   # size case side value fetch_total nblobs min_per_blob max_per_blob
record() { printf '%s\t%s\t%s\t%s\t%s\n' "$@" >> "$RES"; }

# side-specific plumbing: host, repo, cert for each client, log + count kind
measure_side() { # side size
  local side="$1" s="$2" blobs="$T/img$2.blobs" big="$T/img$2.bigblob"
  local host repo cdir cafile logf kind m v c cold cumul
  local prefix
  if [ "$side" = moat ]; then prefix="bench/perf"; cdir="$T/mcerts"; cafile="$MCA"
  else prefix="perf"; cdir="$T/dcerts"; cafile="$DCA"; fi
  repo="$prefix/img$s"
  fresh() {
    if [ "$side" = moat ]; then moat_fresh; host="$MREG"; logf="$MLOG"; kind=moat
    else proxy_fresh; host="127.0.0.1:$PPORT"; logf="$T/upstream.log"; kind=dist; fi
    # warm-up: other content, both clients, cold then warm; untimed
    single light "$host" "$prefix/imgwarmup" v1 "$cafile" "$T/imgwarmup.blobs" >/dev/null
    single skopeo "$host" "$prefix/imgwarmup" v1 "$cdir" "$T/imgwarmup.blobs" >/dev/null
    THROUGHPUT_REPS="$WARMUP_GETS" throughput "$host" "$prefix/imgwarmup" "$cafile" "$T/imgwarmup.bigblob" >/dev/null
  }

  for client in skopeo light; do
    local cert="$cdir"; [ "$client" = light ] && cert="$cafile"
    # cold then warm on one fresh cache
    fresh
    m=$(count_mark "$logf")
    v=$(single "$client" "$host" "$repo" v1 "$cert" "$blobs")
    settle "$logf"
    cold=$(count_blob_gets "$logf" "$m" "$kind" "$blobs")
    record "$s" "$client cold" "$side" "$v" "$cold"
    log "  $side ${s}MiB $client cold: ${v}s, upstream blob GETs (total nblobs min max): $cold"
    v=$(single "$client" "$host" "$repo" v1 "$cert" "$blobs")
    settle "$logf"
    cumul=$(count_blob_gets "$logf" "$m" "$kind" "$blobs")
    record "$s" "$client warm" "$side" "$v" "$cumul"
    log "  $side ${s}MiB $client warm: ${v}s, cumulative upstream blob GETs: $cumul"
    if [ "$client" = light ]; then
      v=$(throughput "$host" "$repo" "$cafile" "$big")
      settle "$logf"
      cumul=$(count_blob_gets "$logf" "$m" "$kind" "$blobs")
      record "$s" "warm blob MiB/s" "$side" "$v" "$cumul"
      log "  $side ${s}MiB warm big-blob GET: ${v} MiB/s, cumulative upstream blob GETs: $cumul"
    fi
    # CONCURRENCY-way cold on another fresh cache
    fresh
    m=$(count_mark "$logf")
    v=$(concurrent "$client" "$host" "$repo" v1 "$cert" "$blobs")
    settle "$logf"
    c=$(count_blob_gets "$logf" "$m" "$kind" "$blobs")
    record "$s" "$client ${CONCURRENCY}x cold" "$side" "$v" "$c"
    log "  $side ${s}MiB $client ${CONCURRENCY}x cold: ${v}s wall, upstream blob GETs: $c"
  done
}

T_START=$(now)
for s in $SIZES; do
  log "measuring ${s} MiB: Distribution"
  measure_side dist "$s"
  log "measuring ${s} MiB: Moat"
  measure_side moat "$s"
done
[ -n "$PROXY_PID" ] && stop_pid "$PROXY_PID"
[ -n "$MOAT_PID" ] && stop_pid "$MOAT_PID"
T_END=$(now)

# ---------------------------------------------------------------------------------------------
# 5. Table with ratios and targets
echo
echo "Registry pull-through cache: Moat ($MOAT_REV) vs CNCF Distribution $(docker-registry --version | awk '{print $3}') proxy"
echo "machine: $(nproc) cores, $(awk '/MemTotal/{printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(. /etc/os-release && echo "$PRETTY_NAME"), $(java -version 2>&1 | head -1)"
echo "clients: skopeo $(skopeo --version | awk '{print $3}'), curl $(curl --version | head -1 | awk '{print $2}'); all TLS on 127.0.0.1; concurrency $CONCURRENCY; measurement time $(elapsed "$T_START" "$T_END") s"
echo "times in seconds (lower is better) except 'warm blob MiB/s' (higher is better);"
echo "upstream GETs/blob = upstream blob GETs / blobs in the image (2); warm rows are cumulative since the cache was empty"
echo
awk -F'\t' -v conc="$CONCURRENCY" '
  { key = $1 "\t" $2; if (!(key in seen)) { seen[key] = 1; order[++n] = key }
    val[key, $3] = $4; split($5, f, " "); tot[key, $3] = f[1]; nb[key, $3] = f[2]; mn[key, $3] = f[3]; mx[key, $3] = f[4] }
  END {
    fmt = "%-5s %-22s %9s %9s %8s %10s %10s  %-36s %s\n"
    printf fmt, "MiB", "case", "Moat", "Distrib.", "Moat/D", "up/blob M", "up/blob D", "target", "result"
    allfetch = 1
    for (i = 1; i <= n; i++) {
      k = order[i]; split(k, p, "\t"); mo = val[k, "moat"]; di = val[k, "dist"]
      ratio = (di > 0) ? sprintf("%.2f", mo / di) : "n/a"
      um = sprintf("%.1f", tot[k, "moat"] / nb[k, "moat"]); ud = sprintf("%.1f", tot[k, "dist"] / nb[k, "dist"])
      fetch_ok = (mn[k, "moat"] == 1 && mx[k, "moat"] == 1)
      if (!fetch_ok) allfetch = 0
      target = "Moat exactly 1 upstream GET per blob"; res = fetch_ok ? "PASS" : "FAIL"
      if (p[2] == "warm blob MiB/s") { target = target " + Moat >= Distrib."; res = (fetch_ok && mo >= di) ? "PASS" : "FAIL" }
      if (p[2] == "light " conc "x cold") { target = target " + Moat <= 0.5 x D"; res = (fetch_ok && mo <= 0.5 * di) ? "PASS" : "FAIL" }
      if (p[2] == "skopeo " conc "x cold") { target = target " + Moat <= D"; res = (fetch_ok && mo <= di) ? "PASS" : "FAIL" }
      printf fmt, p[1], p[2], mo, di, ratio, um, ud, target, res
      if (res == "FAIL") fails++
    }
    printf "\ntargets: %d of %d rows FAIL\n", fails + 0, n
  }' "$RES"
echo
echo "raw: size case side value upstream(total nblobs min-per-blob max-per-blob)"
cat "$RES"
exit 0
