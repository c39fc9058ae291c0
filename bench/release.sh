#!/bin/sh
# Live release benchmarks (issue 9), on a real Mosquitto with the shipped configuration, a real Felix
# with the launcher's real slots and resolver hook, and the real release agent. See bench/README.md,
# "Release benchmark".
#
#  1. a 5-bundle release of ~2 MiB: operator's first chunk publish -> ack COMMITTED at the operator,
#     median/min/max and where the time goes, against the raw transfer of the same chunks to a plain
#     subscriber (same broker, same TLS) in the same run.
#  2. the service gap of a live driver update: time without the driver's service while the agent
#     installs a release that updates it, against Bundle.update + refresh and stop/start done directly
#     on a plain Felix in the same run.
#
# Usage: bench/release.sh [--rounds N] [--warmup N] [--gap-rounds N] [--gap-warmup N]
#                         [--only latency|gap] [--build]
#
#   --rounds N      measured rounds of 1 (default 8, after --warmup 2)
#   --gap-rounds N  measured rounds of 2 (default 30, after --gap-warmup 5)
#
# Both JVMs get the handset's flags (default_opts of runtime/distribution/src/bin/redoubt). Results on
# standard output, progress on standard error. Exit 0 measured, 1 failed, 2 bad usage.
set -eu

bench=$(cd "$(dirname "$0")" && pwd -P)
root=$(dirname "$bench")
target="$bench/release/target"
if [ -n "${JAVA_HOME:-}" ]; then java="$JAVA_HOME/bin/java"; else java=java; fi
rounds=8
warmup=2
gap_rounds=30
gap_warmup=5
only=both
build=0
usage() {
    echo "usage: bench/release.sh [--rounds N] [--warmup N] [--gap-rounds N] [--gap-warmup N]" >&2
    echo "                        [--only latency|gap] [--build]" >&2
    exit 2
}
while [ $# -gt 0 ]; do
    case "$1" in
        --rounds) [ $# -ge 2 ] || usage; rounds=$2; shift 2 ;;
        --warmup) [ $# -ge 2 ] || usage; warmup=$2; shift 2 ;;
        --gap-rounds) [ $# -ge 2 ] || usage; gap_rounds=$2; shift 2 ;;
        --gap-warmup) [ $# -ge 2 ] || usage; gap_warmup=$2; shift 2 ;;
        --only) [ $# -ge 2 ] || usage; only=$2; shift 2 ;;
        --build) build=1; shift ;;
        *) usage ;;
    esac
done
for number in "$rounds" "$warmup" "$gap_rounds" "$gap_warmup"; do
    case "$number" in ''|*[!0-9]*) usage ;; esac
done
case "$only" in both|latency|gap) ;; *) usage ;; esac
command -v mosquitto >/dev/null 2>&1 || [ -x /usr/sbin/mosquitto ] || {
    echo "bench: mosquitto is not installed (Debian package mosquitto)" >&2; exit 1; }

if [ "$build" = 1 ] || [ ! -f "$target/bench-release.jar" ] || [ ! -f "$target/lib/release-agent.jar" ] \
        || [ ! -f "$target/lib/release-agent-tests.jar" ] || [ ! -f "$target/lib/launcher-tests.jar" ]; then
    echo "building bench/release and what it needs ..." >&2
    (cd "$root" && mvn -B -q install -DskipTests -pl bench/release -am) >&2
fi

opts=$(sed -n '/^default_opts="/,/"$/p' "$root/runtime/distribution/src/bin/redoubt" \
    | tr '\n' ' ' | sed -e 's/^default_opts="//' -e 's/\\ //g' -e 's/" *$//')
if [ -z "$opts" ]; then
    echo "bench: cannot read default_opts from runtime/distribution/src/bin/redoubt" >&2
    exit 1
fi
cp="$target/bench-release.jar:$target/lib/*"
# On the project's disk, not a tmpfs: the agent and the slots force their files to the device.
work="$target/release-bench"
rm -rf "$work"
mkdir -p "$work"

echo "java: $("$java" -version 2>&1 | sed -n 2p); $(nproc) cores; $(mosquitto -h 2>/dev/null | sed -n 1p || true)"
echo "flags: $opts"
status=0
if [ "$only" != gap ]; then
    echo "== 1. a 5-bundle release of ~2 MiB: first chunk published to COMMITTED at the operator"
    # shellcheck disable=SC2086
    "$java" $opts -cp "$cp" org.redoubt.release.agent.internal.ReleaseLatencyBench --work "$work/latency" \
        --rounds "$rounds" --warmup "$warmup" || status=1
fi
if [ "$only" != latency ]; then
    echo "== 2. the service gap of a live driver update"
    # shellcheck disable=SC2086
    "$java" $opts -cp "$cp" org.redoubt.release.agent.internal.ServiceGapBench --work "$work/gap" \
        --rounds "$gap_rounds" --warmup "$gap_warmup" || status=1
fi
exit $status
