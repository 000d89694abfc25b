#!/usr/bin/env bash
# ARM GET of one resource on Moat against nginx serving the same JSON over TLS (issue 11).
#   bench/arm-get-vs-nginx.sh
# Starts `moat serve` (own data directory), creates a resource group, saves its GET body, then
# serves that body at the same path from nginx over TLS 1.3 with the same kind of key (ECDSA P-256,
# a certificate signed by Moat's CA), both on 127.0.0.1. wrk drives each in turn with CONNECTIONS
# (32) connections and THREADS (2) threads for DURATION (10 s) after a WARMUP (10 s) run, Moat with a
# bearer token (every request is authenticated and authorized, as on ARM). Prints requests/s and
# p99 latency of each and the ratio Moat ÷ nginx. Targets: ratio >= 0.5; Moat's p99 < 20 ms.
# Needs: nginx (Debian nginx-light), wrk, curl, jq, openssl, Java 17. Never runs `mvn install`.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
connections="${CONNECTIONS:-32}"
threads="${THREADS:-2}"
duration="${DURATION:-10s}"
warmup="${WARMUP:-10s}"
for tool in nginx wrk curl jq openssl java; do
  command -v "$tool" >/dev/null 2>&1 || { echo "missing: $tool (apt-get install -y nginx-light wrk curl jq openssl)" >&2; exit 2; }
done
work="$(mktemp -d)"
server_pid=""
nginx_pid=""
cleanup() {
  [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null || true
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

if [ ! -f "$root/moat-server/target/moat.jar" ]; then
  (cd "$root" && mvn -B -q -o -DskipTests -Dspotless.check.skip=true -pl moat-server -am package) >&2
fi
cp "$root/moat-server/target/moat.jar" "$work/moat.jar"
echo "revision $(git -C "$root" rev-parse --short HEAD), $(nproc) cores, $(date -u +%FT%TZ), load average $(cut -d' ' -f1-3 /proc/loadavg)"

java -jar "$work/moat.jar" serve --port 0 --data-dir "$work/home" >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 300); do [ -s "$work/home/endpoint" ] && break; sleep 0.1; done
endpoint="$(cat "$work/home/endpoint")"
ca="$work/home/ca.pem"
sub=6d6f6174-0000-4000-8000-000000000002
path="/subscriptions/$sub/resourcegroups/bench-rg"
query="api-version=2025-04-01"
token="$(curl -sf --cacert "$ca" -X POST "$endpoint/adfs/oauth2/token" \
  -d "grant_type=client_credentials&client_id=bench&client_secret=x&resource=$endpoint/" | jq -r .access_token)"
curl -sf --cacert "$ca" -X PUT -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  -d '{"location":"eastus","tags":{"team":"bench"}}' "$endpoint$path?$query" >/dev/null
mkdir -p "$work/www$(dirname "$path")"
curl -sf --cacert "$ca" -H "Authorization: Bearer $token" "$endpoint$path?$query" >"$work/www$path"
chmod 755 "$work" && chmod -R a+rX "$work/www" # nginx's workers run as www-data

# nginx: the same body, TLS 1.3 with a P-256 key whose certificate Moat's CA does not sign (wrk
# does not verify certificates, so trust does not matter; the handshake cost does).
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 1 \
  -subj /CN=127.0.0.1 -keyout "$work/nginx.key" -out "$work/nginx.crt" 2>/dev/null
nginx_port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
cat >"$work/nginx.conf" <<EOF
worker_processes auto;
daemon off;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  server {
    listen 127.0.0.1:$nginx_port ssl;
    ssl_certificate $work/nginx.crt;
    ssl_certificate_key $work/nginx.key;
    ssl_protocols TLSv1.3;
    location / { root $work/www; default_type 'application/json; charset=utf-8'; }
  }
}
EOF
nginx -c "$work/nginx.conf" -p "$work" &
nginx_pid=$!
for _ in $(seq 1 100); do curl -skf "https://127.0.0.1:$nginx_port$path" >/dev/null 2>&1 && break; sleep 0.1; done
cmp -s <(curl -skf "https://127.0.0.1:$nginx_port$path") "$work/www$path" || { echo "nginx does not serve the body" >&2; exit 1; }

# wrk prints "Requests/sec: N" and, with --latency, "99%  12.34ms".
measure() { # $1 label, $2 url, $3.. extra wrk args
  local label="$1" url="$2"
  shift 2
  wrk -t"$threads" -c"$connections" -d"$warmup" "$@" "$url" >/dev/null
  wrk -t"$threads" -c"$connections" -d"$duration" --latency "$@" "$url" >"$work/$label.txt"
  local rps p99 non2xx
  rps="$(awk '/Requests\/sec/ {print $2}' "$work/$label.txt")"
  p99="$(awk '$1 == "99%" {print $2}' "$work/$label.txt")"
  non2xx="$(awk '/Non-2xx/ {print $NF}' "$work/$label.txt")"
  printf '%-6s %10s req/s   p99 %9s   non-2xx %s\n' "$label" "$rps" "$p99" "${non2xx:-0}"
  echo "$rps" >"$work/$label.rps"
}
measure moat "$endpoint$path?$query" -H "Authorization: Bearer $token"
measure nginx "https://127.0.0.1:$nginx_port$path?$query"
awk -v m="$(cat "$work/moat.rps")" -v n="$(cat "$work/nginx.rps")" \
  'BEGIN { printf "ratio moat/nginx %.2f (target >= 0.5)\n", m / n }'
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
