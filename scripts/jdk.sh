# Sourced by ./chat and ./run-tests: sets JAVA to the newest JDK 21+ found in JAVA_HOME, on PATH or under
# /usr/lib/jvm, or says what to install and exits.
java_major() {
  # The JDK's release file names its version: reading it costs nothing, where asking each candidate java costs a
  # JVM start (about 0.1 s each, several per launch). Ask java only when there is no release file.
  local real line v
  real="$(readlink -f "$1" 2>/dev/null || echo "$1")"
  if [ -f "${real%/bin/java}/release" ]; then
    while IFS= read -r line; do
      case "$line" in
        JAVA_VERSION=*) v="${line#JAVA_VERSION=}"; v="${v//\"/}"; v="${v#1.}"; echo "${v%%[.+_-]*}"; return ;;
      esac
    done < "${real%/bin/java}/release"
  fi
  "$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}' | cut -d. -f1
}

find_jdk() {
  local candidates=() best="" best_major=0 c m
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME/bin/java")
  command -v java >/dev/null 2>&1 && candidates+=("$(command -v java)")
  for c in /usr/lib/jvm/*/bin/java /opt/java/*/bin/java /usr/local/opt/openjdk*/bin/java; do
    [ -x "$c" ] && candidates+=("$c")
  done
  for c in "${candidates[@]}"; do
    [ -x "$c" ] || continue
    m="$(java_major "$c" 2>/dev/null || echo 0)"
    if [ "${m:-0}" -ge 21 ] 2>/dev/null && [ "$m" -gt "$best_major" ]; then best="$c"; best_major="$m"; fi
  done
  [ -n "$best" ] && echo "$best"
}

JAVA="$(find_jdk || true)"
if [ -z "$JAVA" ]; then
  echo "citeqa needs a JDK 21 or newer and found none (looked at JAVA_HOME, PATH and /usr/lib/jvm)." >&2
  echo "Install one, for example: sudo apt-get install openjdk-21-jdk (or Temurin 21+), or set JAVA_HOME to it." >&2
  exit 1
fi
JAVA_HOME_FOUND="$(cd "$(dirname "$JAVA")/.." && pwd)"
# Sets MVN to the Maven to build with: mvn from the PATH, or else the Maven Wrapper shipped beside this folder
# (./mvnw), which downloads Maven 3.9.11 once into ~/.m2/wrapper, so a machine with only a JDK builds too.
require_maven() {
  if command -v mvn >/dev/null 2>&1; then
    MVN=(mvn)
  elif [ -x "$here/mvnw" ]; then
    MVN=("$here/mvnw")
  else
    echo "citeqa builds with Maven, and found neither mvn on the PATH nor $here/mvnw: sudo apt-get install maven" >&2
    exit 1
  fi
}
