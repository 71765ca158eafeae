#!/usr/bin/env bash
# Runs the qr-service speed and memory harness (cn.xianglian.qr.bench.QrBench, test scope) once.
set -eu

usage() {
  cat <<'HELP'
usage: qr-service/bench/harness.sh png|pdf|issue [--no-build]

  png    sign + QR encode + 1-bit PNG, labels/s on ONE core (taskset -c 0), wall and per CPU-second,
         and where a label's CPU time goes
  pdf    a 10,000-label A4 sheet streamed with -Xmx512m: time and peak heap
  issue  a 1,000,000-code run issued as one code:issueRun transaction on a fresh embedded ledger

Builds the modules of this worktree first (./mvnw -q -pl qr-service -am test-compile) unless
--no-build; the class path uses this worktree's chaincode and ledger classes, not ~/.m2.
Environment: JAVA [/usr/lib/jvm/temurin-25-jdk-amd64/bin/java].
HELP
}
case "${1:-}" in
  png | pdf | issue) what=$1 ;;
  *) usage; [ "${1:-}" = "-h" ] || [ "${1:-}" = "--help" ]; exit $? ;;
esac

JAVA=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
here=$(cd "$(dirname "$0")" && pwd)
module=$(dirname "$here")
root=$(dirname "$module")

if [ "${2:-}" != "--no-build" ]; then
  (cd "$root" && ./mvnw -q -pl qr-service -am test-compile -Dspotless.check.skip=true)
fi
(cd "$root" && ./mvnw -q -pl qr-service dependency:build-classpath \
  -Dmdep.outputFile=target/bench-cp.txt -Dmdep.includeScope=test >/dev/null)
deps=$(tr ':' '\n' < "$module/target/bench-cp.txt" | grep -v '/cn/xianglian/' | paste -sd:)
cp="$module/target/classes:$module/target/test-classes:$root/ledger/target/classes:$root/chaincode/target/classes:$deps"

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
case "$what" in
  png) exec taskset -c 0 "$JAVA" -Xmx512m -cp "$cp" cn.xianglian.qr.bench.QrBench png ;;
  pdf) exec "$JAVA" -Xmx512m -cp "$cp" cn.xianglian.qr.bench.QrBench pdf ;;
  issue) exec "$JAVA" -Xmx512m -cp "$cp" cn.xianglian.qr.bench.QrBench issue ;;
esac
