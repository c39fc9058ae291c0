#!/bin/sh
# Store benchmark: JMH insert and read throughput and p99 latency of sealed message records
# against the same MVStore database storing the same records unsealed, in one run, for both
# suites; then a table of the ratios sealed / plain. See bench/README.md.
#
# Usage: bench/store.sh [--jvm production|jdk] [--jmh 'ARGS'] [--work DIR] [--build]
#
#   --jvm production  (default) the forked JVM gets the handset's flags, read from the
#                     default_opts of runtime/distribution/src/bin/redoubt
#   --jvm jdk         the forked JVM gets the JDK's defaults
#   --jmh 'ARGS'      replaces the JMH settings (default: -f 1 -wi 2 -i 5 -w 2s -r 2s -t 1)
#
# Every insert commits and forces the database to the device, as the handset does, so the
# figures depend on the disk. Results: standard output (and the work directory: JMH CSV and log);
# progress: standard error. Exit 0 measured, 1 failed, 2 bad command line.
set -eu

bench=$(cd "$(dirname "$0")" && pwd -P)
root=$(dirname "$bench")
target="$bench/store/target"
if [ -n "${JAVA_HOME:-}" ]; then java="$JAVA_HOME/bin/java"; else java=java; fi

build=0
jvm=production
jmh_args="-f 1 -wi 2 -i 5 -w 2s -r 2s -t 1"
work=""
while [ $# -gt 0 ]; do
    case "$1" in
        --jvm) jvm=${2:?--jvm needs production or jdk}; shift 2 ;;
        --jmh) jmh_args=${2:?--jmh needs arguments}; shift 2 ;;
        --work) work=${2:?--work needs a directory}; shift 2 ;;
        --build) build=1; shift ;;
        *) echo "usage: bench/store.sh [--jvm production|jdk] [--jmh 'ARGS'] [--work DIR] [--build]" >&2; exit 2 ;;
    esac
done
case "$jvm" in production|jdk) ;; *) echo "--jvm is production or jdk" >&2; exit 2 ;; esac

if [ "$build" = 1 ] || [ ! -f "$target/bench-store.jar" ] || [ ! -f "$target/lib/store.jar" ]; then
    echo "building bench/store ..." >&2
    (cd "$root" && mvn -B -q install -DskipTests -pl bench/store -am) >&2
fi
work=${work:-$(mktemp -d "${TMPDIR:-/tmp}/redoubt-store-bench.XXXXXX")}
mkdir -p "$work"

jvm_args=""
if [ "$jvm" = production ]; then
    jvm_args=$(sed -n '/^default_opts="/,/"$/p' "$root/runtime/distribution/src/bin/redoubt" \
        | tr '\n' ' ' | sed -e 's/^default_opts="//' -e 's/\\ //g' -e 's/" *$//')
fi

echo "JMH ($jvm JVM: ${jvm_args:-JDK defaults}) ..." >&2
# shellcheck disable=SC2086
"$java" -Duser.language=en -Duser.country=US -cp "$target/bench-store.jar:$target/lib/*" org.openjdk.jmh.Main \
    StoreBench $jmh_args ${jvm_args:+-jvmArgsAppend "$jvm_args"} -rf csv -rff "$work/jmh.csv" > "$work/jmh.log" 2>&1 \
    || { echo "JMH failed; see $work/jmh.log" >&2; tail -20 "$work/jmh.log" >&2; exit 1; }

echo "java: $("$java" -version 2>&1 | sed -n 2p); JMH: $jmh_args; 160-character SMS; $jvm JVM"
echo "disk: $(df -P "${TMPDIR:-/tmp}" | awk 'NR==2 {print $1}'); every insert commits and forces the file"
awk -F, '
    function clean(s) { gsub(/"/, "", s); return s }
    NR > 1 {
        name = clean($1); mode = clean($2); score = clean($5); unit = clean($7)
        storage = clean($8); suite = clean($9)
        sub(/.*StoreBench\./, "", name)
        if (mode == "thrpt") key = name " ops/ms"
        else if (name ~ /p0.99$/) { sub(/:.*/, "", name); key = name " p99 ms" }
        else next
        value[key, storage, suite] = score; keys[key] = 1; suites[suite] = 1
    }
    END {
        printf "%-16s %-5s %12s %12s %8s\n", "measure", "suite", "sealed", "plain", "ratio"
        n = split("insert ops/ms,read ops/ms,insert p99 ms,read p99 ms", order, ",")
        for (i = 1; i <= n; i++) for (s in suites) {
            k = order[i]
            if (!((k, "plain", s) in value)) continue
            sealed = value[k, "sealed", s]; plain = value[k, "plain", s]
            printf "%-16s %-5s %12.4f %12.4f %7.2fx\n", k, s, sealed, plain, sealed / plain
        }
        print "ratio = sealed / plain: below 1 for throughput, above 1 for latency, is the cost of sealing"
    }' "$work/jmh.csv"
echo "work directory: $work" >&2
