#!/bin/sh
# Telephony benchmark: latency from the simulator ringing to telephony's incoming-call event
# (p50/p99) against the raw AT channel's RING in the same run, then JMH throughput of the SMS PDU
# codec. See bench/README.md.
#
# Usage: bench/telephony.sh [--rounds N] [--jmh 'ARGS'] [--build]
#
# The JVMs get the handset's flags (default_opts of runtime/distribution/src/bin/redoubt).
# Results on standard output, progress on standard error. Exit 0 measured, 1 failed, 2 bad usage.
set -eu

bench=$(cd "$(dirname "$0")" && pwd -P)
root=$(dirname "$bench")
target="$bench/telephony/target"
if [ -n "${JAVA_HOME:-}" ]; then java="$JAVA_HOME/bin/java"; else java=java; fi
rounds=1000
build=0
jmh_args="-f 1 -wi 2 -i 5 -w 1s -r 1s -t 1"
while [ $# -gt 0 ]; do
    case "$1" in
        --rounds) rounds=${2:?--rounds needs a number}; shift 2 ;;
        --jmh) jmh_args=${2:?--jmh needs arguments}; shift 2 ;;
        --build) build=1; shift ;;
        *) echo "usage: bench/telephony.sh [--rounds N] [--jmh 'ARGS'] [--build]" >&2; exit 2 ;;
    esac
done
if [ "$build" = 1 ] || [ ! -f "$target/bench-telephony.jar" ] || [ ! -f "$target/lib/telephony.jar" ]; then
    echo "building bench/telephony ..." >&2
    (cd "$root" && mvn -B -q install -DskipTests -pl bench/telephony -am) >&2
fi
opts=$(sed -n '/^default_opts="/,/"$/p' "$root/runtime/distribution/src/bin/redoubt" \
    | tr '\n' ' ' | sed -e 's/^default_opts="//' -e 's/\\ //g' -e 's/" *$//')
cp="$target/bench-telephony.jar:$target/lib/*"

echo "java: $("$java" -version 2>&1 | sed -n 2p); flags: $opts"
echo "== RING to incoming-call event"
# shellcheck disable=SC2086
"$java" $opts -cp "$cp" org.redoubt.telephony.internal.RingLatencyBench "$rounds"

if "$java" -cp "$cp" org.openjdk.jmh.Main -l 2>/dev/null | grep -q PduBench; then
    echo "== SMS PDU codec (JMH: $jmh_args)"
    # shellcheck disable=SC2086
    "$java" -Duser.language=en -Duser.country=US -cp "$cp" org.openjdk.jmh.Main PduBench $jmh_args \
        -jvmArgsAppend "$opts" -rf csv -rff "${TMPDIR:-/tmp}/redoubt-pdu-bench.csv" 2>&1 | sed -n '/^Benchmark/,$p'
fi
