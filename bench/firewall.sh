#!/bin/sh
# Service firewall benchmark: JMH cost of the launcher's service hooks on service lookup
# (getServiceReferences by interface) and on opening a ServiceTracker, in a real Felix, without
# hooks (baseline), with the hooks and no matching rule, and with rules (a permitted and a denied
# lookup of a guarded driver service), all in the same run; prints each against the baseline.
# See bench/README.md.
#
# Usage: bench/firewall.sh [--jvm production|jdk] [--jmh 'ARGS'] [--work DIR] [--build]
#
#   --jvm production  (default) the forked JVM gets the handset's flags, read from the
#                     default_opts of runtime/distribution/src/bin/redoubt (C1 only, serial GC)
#   --jvm jdk         the forked JVM gets the JDK's defaults (C2)
#   --jmh 'ARGS'      replaces the JMH settings (default: -f 1 -wi 3 -i 5 -w 1s -r 1s -t 1)
#
# Builds the module first (mvn -B -q package -DskipTests -pl bench/firewall -am) when --build is
# given or a jar is missing. Results: standard output (and the work directory: the JMH CSV and log,
# report.txt); progress: standard error. Exit 0 measured, 1 failed, 2 bad command line.
set -eu

bench=$(cd "$(dirname "$0")" && pwd -P)
root=$(dirname "$bench")
target="$bench/firewall/target"
if [ -n "${JAVA_HOME:-}" ]; then java="$JAVA_HOME/bin/java"; else java=java; fi

build=0
jvm=production
jmh_args="-f 1 -wi 3 -i 5 -w 1s -r 1s -t 1"
work="$target/firewall-bench"
usage() { echo "usage: bench/firewall.sh [--jvm production|jdk] [--jmh 'ARGS'] [--work DIR] [--build]" >&2; exit 2; }
while [ $# -gt 0 ]; do
    case "$1" in
        --build) build=1 ;;
        --jvm) [ $# -ge 2 ] || usage; jvm=$2; shift ;;
        --jmh) [ $# -ge 2 ] || usage; jmh_args=$2; shift ;;
        --work) [ $# -ge 2 ] || usage; work=$2; shift ;;
        *) usage ;;
    esac
    shift
done
case "$jvm" in production|jdk) ;; *) usage ;; esac

for needed in "$target/bench-firewall.jar" "$target/lib/launcher.jar" "$target/lib/jmh-core.jar"; do
    [ -e "$needed" ] || build=1
done
if [ "$build" = 1 ]; then
    echo "bench: building (mvn -B -q package -DskipTests -pl bench/firewall -am)" >&2
    (cd "$root" && mvn -B -q package -DskipTests -pl bench/firewall -am)
fi

fork_opts=""
if [ "$jvm" = production ]; then
    fork_opts=$(sed -n '/^default_opts="/,/"$/p' "$root/runtime/distribution/src/bin/redoubt" \
        | tr '\n' ' ' | sed -e 's/^default_opts="//' -e 's/\\ //g' -e 's/" *$//')
    if [ -z "$fork_opts" ]; then
        echo "bench: cannot read default_opts from runtime/distribution/src/bin/redoubt" >&2
        exit 1
    fi
fi

rm -rf "$work"
mkdir -p "$work"
export LC_ALL=C
# The bench jar first: its package shares the launcher's (the firewall's classes are package-private).
cp="$target/bench-firewall.jar:$target/lib/*"
echo "bench: JMH (flags: ${fork_opts:-JDK defaults}; $jmh_args)" >&2
# shellcheck disable=SC2086
if ! "$java" -cp "$cp" org.openjdk.jmh.Main 'org.redoubt.runtime.launcher.ServiceLookupBench' $jmh_args \
        -jvmArgs "$fork_opts" -rf csv -rff "$work/jmh.csv" >"$work/jmh.log" 2>&1; then
    echo "bench: JMH failed, see $work/jmh.log" >&2
    tail -20 "$work/jmh.log" >&2
    exit 1
fi

{
    echo "Service firewall benchmark, $(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "java: $("$java" -version 2>&1 | sed -n 2p); JMH: $jmh_args; fork flags: ${fork_opts:-JDK defaults}"
    echo "Real Felix, 44 services from 13 bundles; ns per operation, ratio against noHooks (same run)"
    awk -F, '
        FNR > 1 {
            gsub(/["\r]/, "")
            op = $1; sub(/.*\./, "", op)
            score[op, $8] = $5; err[op, $8] = $6; ops[op] = 1
        }
        END {
            n = split("noHooks emptyHooks hooksNoMatch rulesPermitted rulesDenied", scenarios, " ")
            printf "%-18s %-16s %10s %8s %8s\n", "benchmark", "scenario", "ns/op", "+-", "ratio"
            for (op in ops) {
                base = score[op, "noHooks"]
                for (i = 1; i <= n; i++) {
                    s = scenarios[i]
                    if (score[op, s] == "") { printf "%-18s %-16s missing\n", op, s; continue }
                    printf "%-18s %-16s %10.1f %8.1f %8.2f\n", op, s, score[op, s], err[op, s], score[op, s] / base
                }
            }
        }' "$work/jmh.csv"
    echo "(+- is JMH's 99.9 % confidence half-width)"
} | tee "$work/report.txt"
