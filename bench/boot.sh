#!/bin/sh
# Boot benchmark: the production distribution's bin/redoubt against a bare Felix baseline, in
# alternating rounds, with the runtime's documented JVM flags on both sides. See bench/README.md.
#
# Usage: bench/boot.sh [--runs N] [--warmup N] [--appcds] [--settle-ms MS] [--pause-ms MS]
#                      [--timeout-s S] [--java-opts 'FLAGS'] [--work DIR] [--build]
#
# Builds the reactor first (mvn -B -q package -DskipTests) when --build is given or a jar the
# benchmark needs is missing. Results: standard output; progress: standard error.
set -eu

bench=$(cd "$(dirname "$0")" && pwd -P)
root=$(dirname "$bench")
dist="$root/runtime/distribution/target/redoubt-production"
target="$bench/boot/target"
if [ -n "${JAVA_HOME:-}" ]; then java="$JAVA_HOME/bin/java"; else java=java; fi

build=0
n=$#
while [ "$n" -gt 0 ]; do
    arg=$1
    shift
    n=$((n - 1))
    if [ "$arg" = "--build" ]; then build=1; else set -- "$@" "$arg"; fi
done

for needed in "$dist/bin/redoubt" "$dist/lib/launcher.jar" "$target/boot.jar" \
        "$target/baseline/framework/org.apache.felix.framework.jar" "$target/baseline/app/baseline-bundle.jar"; do
    [ -e "$needed" ] || build=1
done
if [ "$build" = 1 ]; then
    echo "bench: building (mvn -B -q package -DskipTests)" >&2
    (cd "$root" && mvn -B -q package -DskipTests)
fi

# The harness itself stays small and quiet: it only spawns processes and reads their output.
exec "$java" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xmx64m -cp "$target/boot.jar" \
    org.redoubt.bench.boot.BootBench \
    --dist "$dist" --baseline "$target/baseline" --work "$target/boot-bench" "$@"
