#!/bin/sh
# Policy delivery benchmarks (issue 8), on a real Mosquitto with the shipped configuration and the
# real policy agent. See bench/README.md, "Policy benchmark".
#
#  1. operator publish -> handset ack APPLIED, p50/p99, NIST and SM suites, against the raw MQTT
#     round trip (same broker, same TLS) in the same run; goal p99 <= 2x raw. A fourth series, the
#     floor, answers after only the work a handset must do first (verify, two forced writes).
#  2. one group policy to N handsets (500 agents in one JVM): publish -> last ack APPLIED at the
#     operator, against a plain fan-out to N subscribers in the same run; goal < 1 s.
#
# Usage: bench/policy.sh [--rounds N] [--warmup N] [--handsets N] [--fanout-rounds N] [--suite nist|sm]
#                        [--only latency|fanout] [--build]
#
#   --rounds N         measured round trips per series in 1 (default 1000, after --warmup 500: C1
#                      with one compiler thread still compiles the paths for the first ~300 rounds)
#   --handsets N       handsets in 2 (default 500); --fanout-rounds N measured policies (default 5, after 1)
#   --suite nist|sm    the policy keys of 2 (default nist)
#
# The operator's and the echo client's sockets use TCP_NODELAY, as the handset's agent and the
# shipped broker configuration do.
#
# The latency JVM gets the handset's flags (default_opts of runtime/distribution/src/bin/redoubt); the
# fan-out JVM the same JIT and GC flags with a heap for 500 agents and 1,000 connections. Raises the
# file-descriptor limit for itself and the broker (its child). Results on standard output, progress
# on standard error. Exit 0 measured (whatever the verdict), 1 failed, 2 bad usage.
set -eu

bench=$(cd "$(dirname "$0")" && pwd -P)
root=$(dirname "$bench")
target="$bench/policy/target"
if [ -n "${JAVA_HOME:-}" ]; then java="$JAVA_HOME/bin/java"; else java=java; fi
rounds=1000
warmup=500
handsets=500
fanout_rounds=5
suite=nist
only=both
build=0
usage() {
    echo "usage: bench/policy.sh [--rounds N] [--warmup N] [--handsets N] [--fanout-rounds N] [--suite nist|sm]" >&2
    echo "                       [--only latency|fanout] [--build]" >&2
    exit 2
}
while [ $# -gt 0 ]; do
    case "$1" in
        --rounds) [ $# -ge 2 ] || usage; rounds=$2; shift 2 ;;
        --warmup) [ $# -ge 2 ] || usage; warmup=$2; shift 2 ;;
        --handsets) [ $# -ge 2 ] || usage; handsets=$2; shift 2 ;;
        --fanout-rounds) [ $# -ge 2 ] || usage; fanout_rounds=$2; shift 2 ;;
        --suite) [ $# -ge 2 ] || usage; suite=$2; shift 2 ;;
        --only) [ $# -ge 2 ] || usage; only=$2; shift 2 ;;
        --build) build=1; shift ;;
        *) usage ;;
    esac
done
for number in "$rounds" "$warmup" "$handsets" "$fanout_rounds"; do
    case "$number" in ''|*[!0-9]*) usage ;; esac
done
case "$suite" in nist|sm) ;; *) usage ;; esac
case "$only" in both|latency|fanout) ;; *) usage ;; esac
command -v mosquitto >/dev/null 2>&1 || [ -x /usr/sbin/mosquitto ] || {
    echo "bench: mosquitto is not installed (Debian package mosquitto)" >&2; exit 1; }

if [ "$build" = 1 ] || [ ! -f "$target/bench-policy.jar" ] || [ ! -f "$target/lib/policy-agent.jar" ] \
        || [ ! -f "$target/lib/policy-agent-tests.jar" ]; then
    echo "building bench/policy and what it needs ..." >&2
    (cd "$root" && mvn -B -q install -DskipTests -pl bench/policy -am) >&2
fi

# Every handset and plain subscriber is one TLS connection at each end: the JVM and Mosquitto (its
# child, which inherits the limit) each need about two descriptors per handset plus their files.
need=$((4 * handsets + 512))
if [ "$(ulimit -n)" != unlimited ] && [ "$(ulimit -n)" -lt "$need" ]; then
    ulimit -n "$need" 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
fi
if [ "$(ulimit -n)" != unlimited ] && [ "$(ulimit -n)" -lt "$need" ]; then
    echo "bench: the file-descriptor limit is $(ulimit -n) (hard $(ulimit -Hn)); $need are needed for $handsets handsets" >&2
    exit 1
fi

opts=$(sed -n '/^default_opts="/,/"$/p' "$root/runtime/distribution/src/bin/redoubt" \
    | tr '\n' ' ' | sed -e 's/^default_opts="//' -e 's/\\ //g' -e 's/" *$//')
if [ -z "$opts" ]; then
    echo "bench: cannot read default_opts from runtime/distribution/src/bin/redoubt" >&2
    exit 1
fi
# 500 agents, 1,000 Paho clients and their threads do not fit the handset's 64 MiB: later flags win.
fanout_opts="$opts -Xms256m -Xmx1g -XX:MaxMetaspaceSize=128m"
cp="$target/bench-policy.jar:$target/lib/*"
# On the project's disk, not a tmpfs: the agents force their files to the device.
work="$target/policy-bench"
rm -rf "$work"
mkdir -p "$work"

echo "java: $("$java" -version 2>&1 | sed -n 2p); $(nproc) cores; open files: $(ulimit -n); $(mosquitto -h 2>/dev/null | sed -n 1p || true)"
status=0
if [ "$only" != fanout ]; then
    echo "== 1. operator publish to handset ack APPLIED (flags: $opts)"
    # shellcheck disable=SC2086
    "$java" $opts -cp "$cp" org.redoubt.policy.agent.internal.PolicyLatencyBench --work "$work/latency" \
        --rounds "$rounds" --warmup "$warmup" --nodelay operator,echo || status=1
fi
if [ "$only" != latency ]; then
    echo "== 2. one group policy to $handsets handsets (flags: $fanout_opts)"
    # shellcheck disable=SC2086
    "$java" $fanout_opts -cp "$cp" org.redoubt.policy.agent.internal.FleetFanOutBench --work "$work/fanout" \
        --handsets "$handsets" --rounds "$fanout_rounds" --suite "$suite" --nodelay-operator || status=1
fi
exit $status
