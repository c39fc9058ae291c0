#!/bin/sh
# Shell benchmark: key press to frame presented (p50/p99, goal p99 <= 16 ms) against a ready frame
# handed to the same display, then runtime start to the shell's first frame against a JVM that
# draws and writes one frame, in alternating rounds. See bench/README.md.
#
# Usage: bench/shell.sh [--keys N] [--starts N] [--build]
#
# The JVMs get the handset's flags (default_opts of runtime/distribution/src/bin/redoubt).
# Results on standard output, progress on standard error. Exit 0 measured, 1 failed, 2 bad usage.
set -eu

bench=$(cd "$(dirname "$0")" && pwd -P)
root=$(dirname "$bench")
target="$bench/shell/target"
dist="$root/runtime/distribution/target/redoubt-production"
if [ -n "${JAVA_HOME:-}" ]; then java="$JAVA_HOME/bin/java"; else java=java; fi
keys=2000
starts=5
build=0
while [ $# -gt 0 ]; do
    case "$1" in
        --keys) keys=${2:?--keys needs a number}; shift 2 ;;
        --starts) starts=${2:?--starts needs a number}; shift 2 ;;
        --build) build=1; shift ;;
        *) echo "usage: bench/shell.sh [--keys N] [--starts N] [--build]" >&2; exit 2 ;;
    esac
done
if [ "$build" = 1 ] || [ ! -f "$target/bench-shell.jar" ] || [ ! -x "$dist/bin/redoubt" ]; then
    echo "building bench/shell and the distribution ..." >&2
    (cd "$root" && mvn -B -q install -DskipTests -pl bench/shell,runtime/distribution -am) >&2
fi
opts=$(sed -n '/^default_opts="/,/"$/p' "$root/runtime/distribution/src/bin/redoubt" \
    | tr '\n' ' ' | sed -e 's/^default_opts="//' -e 's/\\ //g' -e 's/" *$//')
cp="$target/bench-shell.jar:$target/lib/*"
work=$(mktemp -d "${TMPDIR:-/tmp}/redoubt-shell-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

echo "java: $("$java" -version 2>&1 | sed -n 2p); flags: $opts"
echo "== key press to frame presented"
# shellcheck disable=SC2086
"$java" $opts -Djava.awt.headless=true -cp "$cp" org.redoubt.shell.internal.KeyToFrameBench "$keys"
echo "== runtime start to first frame ($dist)"
# shellcheck disable=SC2086
"$java" -Xmx64m -cp "$cp" org.redoubt.bench.shell.FirstFrameBench "$dist" "$work" "$opts" "$starts"
