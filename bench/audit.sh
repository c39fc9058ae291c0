#!/bin/sh
# Audit benchmark: durable audit appends per second through the handset's log (canonical line,
# chain hash, a checkpoint signed by the device key every 64 entries, concurrent appenders sharing
# one force) against appending the same bytes with one write + force per entry, with 1 and with
# several threads, alternating, in one run. See bench/README.md.
#
# Usage: bench/audit.sh [--suite NIST|SM] [--seconds S] [--rounds N] [--threads '1 4 16']
#                       [--work DIR] [--build]
#
# Every append is forced to the disk under the work directory (default: a new directory in
# ${TMPDIR:-/tmp}), so the figures are those of that disk. The JVM gets the handset's flags
# (default_opts of runtime/distribution/src/bin/redoubt). Results on standard output, progress on
# standard error. Exit 0 measured, 1 failed, 2 bad command line.
set -eu

bench=$(cd "$(dirname "$0")" && pwd -P)
root=$(dirname "$bench")
target="$bench/audit/target"
if [ -n "${JAVA_HOME:-}" ]; then java="$JAVA_HOME/bin/java"; else java=java; fi

suite=NIST
seconds=3
rounds=5
threads="1 4 16"
work=""
build=0
usage="usage: bench/audit.sh [--suite NIST|SM] [--seconds S] [--rounds N] [--threads '1 4 16'] [--work DIR] [--build]"
while [ $# -gt 0 ]; do
    case "$1" in
        --suite) suite=${2:?--suite needs NIST or SM}; shift 2 ;;
        --seconds) seconds=${2:?--seconds needs a number}; shift 2 ;;
        --rounds) rounds=${2:?--rounds needs a number}; shift 2 ;;
        --threads) threads=${2:?--threads needs thread counts}; shift 2 ;;
        --work) work=${2:?--work needs a directory}; shift 2 ;;
        --build) build=1; shift ;;
        *) echo "$usage" >&2; exit 2 ;;
    esac
done
case "$suite" in NIST|SM) ;; *) echo "--suite is NIST or SM" >&2; exit 2 ;; esac

if [ "$build" = 1 ] || [ ! -f "$target/bench-audit.jar" ] || [ ! -f "$target/lib/audit.jar" ]; then
    echo "building bench/audit ..." >&2
    (cd "$root" && mvn -B -q install -DskipTests -pl bench/audit -am) >&2
fi
work=${work:-$(mktemp -d "${TMPDIR:-/tmp}/redoubt-audit-bench.XXXXXX")}
mkdir -p "$work"
opts=$(sed -n '/^default_opts="/,/"$/p' "$root/runtime/distribution/src/bin/redoubt" \
    | tr '\n' ' ' | sed -e 's/^default_opts="//' -e 's/\\ //g' -e 's/" *$//')

echo "java: $("$java" -version 2>&1 | sed -n 2p); flags: $opts"
echo "disk: $(df -P "$work" | awk 'NR==2 {print $1 " (" $6 ")"}'); suite: $suite; cores: $(nproc)"
# shellcheck disable=SC2086
"$java" $opts -cp "$target/bench-audit.jar:$target/lib/*" org.redoubt.audit.internal.AuditAppendBench \
    "$work" "$suite" "$seconds" "$rounds" $threads || { echo "the benchmark failed" >&2; exit 1; }
echo "work directory: $work" >&2
