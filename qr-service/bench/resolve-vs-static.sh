#!/usr/bin/env bash
# Cached resolution of qr-service next to a static file of the same size served by nginx, both
# measured with wrk on loopback in the same run (issue 5, "Speed and memory"). Prints req/s, p99
# and the ratio qr-service / nginx. See docs/benchmarks.md (section qr-service).
set -eu

usage() {
  cat <<'HELP'
usage: qr-service/bench/resolve-vs-static.sh [-h]

Starts qr-service (demo data on a fresh embedded ledger, a random free port, 127.0.0.1), fetches
the consumer page of the demo code once, writes a static file of exactly that many bytes, serves it
with nginx (installed with apt-get if missing; a random free port, 127.0.0.1), then runs wrk against
both: first the resolver (HTML page of the same signed code, Accept: text/html), then nginx.

Environment (defaults in brackets):
  THREADS [2]  CONNECTIONS [32]  DURATION [10s]   wrk settings, the same for both servers
  WARMUP [10s]                                    wrk run against the resolver before measuring
  NGINX_WORKERS [auto]                            nginx worker_processes
  HEAP [512m]                                     qr-service -Xmx
  JAVA [/usr/lib/jvm/temurin-25-jdk-amd64/bin/java]
  NO_BUILD [unset]                                 set: use the existing jar, do not rebuild it
Needs: wrk, curl, python3. Builds the jar first (./mvnw -q -pl qr-service -am package -DskipTests).
HELP
}
[ "${1:-}" = "-h" ] || [ "${1:-}" = "--help" ] && { usage; exit 0; }

THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-32}
DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-10s}
NGINX_WORKERS=${NGINX_WORKERS:-auto}
HEAP=${HEAP:-512m}
JAVA=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}

here=$(cd "$(dirname "$0")" && pwd)
module=$(dirname "$here")
root=$(dirname "$module")
jar=$module/target/xianglian-qr-service-0.1.0-SNAPSHOT.jar

for tool in wrk curl python3; do
  command -v "$tool" >/dev/null || { echo "missing: $tool" >&2; exit 2; }
done

if ! command -v nginx >/dev/null; then
  echo "installing nginx with apt-get (not started as a service)" >&2
  # keep the package's postinst from starting a default server on port 80
  created_policy=
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d
    created_policy=1
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nginx >/dev/null
  [ -n "$created_policy" ] && rm -f /usr/sbin/policy-rc.d
fi

if [ -z "${NO_BUILD:-}" ] || [ ! -f "$jar" ]; then
  (cd "$root" && ./mvnw -q -pl qr-service -am package -DskipTests -Dspotless.check.skip=true)
fi

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

work=$(mktemp -d /tmp/qr-bench.XXXXXX)
qr_pid=
nginx_pid=
cleanup() {
  [ -n "$qr_pid" ] && kill "$qr_pid" 2>/dev/null && wait "$qr_pid" 2>/dev/null || true
  [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

qr_port=$(free_port)
"$JAVA" -Xmx"$HEAP" -jar "$jar" \
  --server.port="$qr_port" \
  --xl.qr.data-dir="$work/qr" \
  --xl.qr.resolver-base="http://127.0.0.1:$qr_port" \
  --xl.qr.demo=true \
  > "$work/qr.log" 2>&1 &
qr_pid=$!

uri=
for _ in $(seq 1 240); do
  uri=$(sed -n 's/.*demo code: \(http[^ ]*\).*/\1/p' "$work/qr.log" | head -1)
  [ -n "$uri" ] && break
  kill -0 "$qr_pid" 2>/dev/null || { cat "$work/qr.log" >&2; exit 1; }
  sleep 0.5
done
[ -n "$uri" ] || { echo "qr-service did not start" >&2; tail -50 "$work/qr.log" >&2; exit 1; }

# The first scan renders and caches the page; from the second on the page (with its first-scan
# time) is served from the cache. The static file has exactly the size of that cached answer.
curl -sf -H 'Accept: text/html' "$uri" > /dev/null
curl -sf -H 'Accept: text/html' "$uri" > "$work/page.html"
size=$(stat -c %s "$work/page.html")
mkdir -p "$work/www"
head -c "$size" /dev/urandom | base64 -w 100 | head -c "$size" > "$work/www/page.html"
chmod 755 "$work" "$work/www" && chmod 644 "$work/www/page.html" # nginx workers are not root

nginx_port=$(free_port)
mkdir -p "$work/nginx/logs"
cat > "$work/nginx/nginx.conf" <<CONF
worker_processes $NGINX_WORKERS;
daemon off;
pid $work/nginx/nginx.pid;
error_log $work/nginx/logs/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  types { text/html html; }
  server {
    listen 127.0.0.1:$nginx_port;
    root $work/www;
  }
}
CONF
nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" &
nginx_pid=$!
for _ in $(seq 1 50); do
  curl -sf "http://127.0.0.1:$nginx_port/page.html" > /dev/null && break
  sleep 0.1
done
static_size=$(curl -sf "http://127.0.0.1:$nginx_port/page.html" | wc -c)
[ "$static_size" -eq "$size" ] || { echo "nginx serves $static_size bytes, not $size" >&2; exit 1; }

measure() { # url label extra-header -> prints "req/s p99_ms"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -H "$3" "$1" > "$work/$2.wrk"
  python3 - "$work/$2.wrk" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
m = re.search(r"99%\s+([\d.]+)(us|ms|s)\b", text)
p99 = float(m.group(1)) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[m.group(2)]
errors = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
print(f"{rps:.0f} {p99:.2f} {errors.group(1) if errors else 0}")
PY
}

echo "warm-up: wrk $WARMUP against the resolver" >&2
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -H 'Accept: text/html' "$uri" > /dev/null

read -r qr_rps qr_p99 qr_bad <<< "$(measure "$uri" qr 'Accept: text/html')"
read -r ng_rps ng_p99 ng_bad <<< "$(measure "http://127.0.0.1:$nginx_port/page.html" nginx 'Accept: text/html')"

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); $(nginx -v 2>&1)"
echo "wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency; body $size bytes (static file $static_size bytes)"
printf '%-34s %10s %9s %8s\n' "server" "req/s" "p99 ms" "non-2xx"
printf '%-34s %10s %9s %8s\n' "qr-service cached resolution" "$qr_rps" "$qr_p99" "$qr_bad"
printf '%-34s %10s %9s %8s\n' "nginx static ($NGINX_WORKERS workers)" "$ng_rps" "$ng_p99" "$ng_bad"
python3 -c "print(f'ratio qr-service / nginx: {$qr_rps / $ng_rps:.2f}')"
