#!/bin/sh
# Starts Poststelle; the same script serves the container and a plain host.
#   POSTSTELLE_JAR     the server jar (default: next to this script, then server/target/poststelle.jar)
#   POSTSTELLE_CONFIG  config file passed as --config when it exists
#   JAVA_OPTS          JVM options
# Any other POSTSTELLE_* variable overrides the config key it names (see docs/configuration.md).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
jar=${POSTSTELLE_JAR:-}
if [ -z "$jar" ]; then
  for candidate in "$here/poststelle.jar" "$here/../server/target/poststelle.jar"; do
    if [ -f "$candidate" ]; then jar=$candidate; break; fi
  done
fi
if [ -z "$jar" ] || [ ! -f "$jar" ]; then
  echo "entrypoint: server jar not found (set POSTSTELLE_JAR or build with 'mvn -q -DskipTests package')" >&2
  exit 1
fi
[ "$#" -gt 0 ] || set -- serve
# --config only for commands that read the config, and only when the caller did not give one
case "$1" in
  serve|user|pw)
    if [ -n "${POSTSTELLE_CONFIG:-}" ] && [ -f "$POSTSTELLE_CONFIG" ]; then
      case " $* " in
        *" --config "*|*" --config="*) ;;
        *) cmd=$1; shift; set -- "$cmd" --config "$POSTSTELLE_CONFIG" "$@" ;;
      esac
    fi
    ;;
esac
# exec: the JVM becomes PID 1's child directly and receives SIGTERM for a graceful stop
# shellcheck disable=SC2086
exec java ${JAVA_OPTS:-} -jar "$jar" "$@"
