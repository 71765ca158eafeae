# Sourced by ./mvnw: XiangLian needs a JDK >= 21 (release 21 bytecode; Web3j 6).
# Keeps JAVA_HOME when it already points at one, otherwise picks the newest JDK >= 21 it can find.
xl_java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 |
    sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}
if [ -z "${JAVA_HOME-}" ] || [ ! -x "${JAVA_HOME}/bin/java" ] || [ "$(xl_java_major "$JAVA_HOME")" -lt 21 ] 2>/dev/null; then
  xl_best=""
  xl_best_major=0
  set +f # mvnw runs with noglob
  for xl_candidate in /usr/lib/jvm/* /opt/java/* /usr/local/lib/jvm/*; do
    [ -x "$xl_candidate/bin/javac" ] || continue
    xl_major=$(xl_java_major "$xl_candidate")
    [ -n "$xl_major" ] || continue
    if [ "$xl_major" -ge 21 ] && [ "$xl_major" -gt "$xl_best_major" ]; then
      xl_best="$xl_candidate"
      xl_best_major="$xl_major"
    fi
  done
  set -f
  if [ -n "$xl_best" ]; then
    JAVA_HOME="$xl_best"
    export JAVA_HOME
    PATH="$JAVA_HOME/bin:$PATH"
    export PATH
  else
    echo "XiangLian needs a JDK 21 or newer: set JAVA_HOME (e.g. apt-get install openjdk-21-jdk-headless)" >&2
    exit 1
  fi
fi
