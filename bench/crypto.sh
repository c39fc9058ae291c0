#!/bin/sh
# Crypto benchmark: JMH sign and verify throughput of the CryptoProvider (crypto-bc through
# ServiceLoader) per signature scheme, then `openssl speed` for the same algorithms in the same
# invocation, and a table with the ratios. See bench/README.md.
#
# Usage: bench/crypto.sh [--jvm production|jdk|both] [--openssl-seconds S] [--jmh 'ARGS']
#                        [--work DIR] [--build]
#
#   --jvm production  the forked JVM gets the handset's flags, read from the default_opts of
#                     runtime/distribution/src/bin/redoubt (C1 only, one compiler thread, serial GC)
#   --jvm jdk         the forked JVM gets the JDK's defaults (C2)
#   --jvm both        (default) both series; the verdict is on the production series
#   --jmh 'ARGS'      replaces the JMH settings (default: -f 1 -wi 3 -i 5 -w 1s -r 1s -t 1)
#
# Builds the module first (mvn -B -q package -DskipTests -pl bench/crypto -am) when --build is
# given or a jar is missing. Results: standard output (and the work directory: JMH CSVs, the
# logs, openssl's output, report.txt); progress: standard error. Exit 0 measured (whatever the
# verdict), 1 failed, 2 bad command line.
set -eu

bench=$(cd "$(dirname "$0")" && pwd -P)
root=$(dirname "$bench")
target="$bench/crypto/target"
if [ -n "${JAVA_HOME:-}" ]; then java="$JAVA_HOME/bin/java"; else java=java; fi
openssl=${OPENSSL:-openssl}

build=0
jvm=both
seconds=3
jmh_args="-f 1 -wi 3 -i 5 -w 1s -r 1s -t 1"
work="$target/crypto-bench"
usage() { echo "usage: bench/crypto.sh [--jvm production|jdk|both] [--openssl-seconds S] [--jmh 'ARGS'] [--work DIR] [--build]" >&2; exit 2; }
while [ $# -gt 0 ]; do
    case "$1" in
        --build) build=1 ;;
        --jvm) [ $# -ge 2 ] || usage; jvm=$2; shift ;;
        --openssl-seconds) [ $# -ge 2 ] || usage; seconds=$2; shift ;;
        --jmh) [ $# -ge 2 ] || usage; jmh_args=$2; shift ;;
        --work) [ $# -ge 2 ] || usage; work=$2; shift ;;
        *) usage ;;
    esac
    shift
done
case "$jvm" in production|jdk|both) ;; *) usage ;; esac
case "$seconds" in ''|*[!0-9]*) usage ;; esac

for needed in "$target/bench-crypto.jar" "$target/lib/crypto-bc.jar" "$target/lib/jmh-core.jar"; do
    [ -e "$needed" ] || build=1
done
if [ "$build" = 1 ]; then
    echo "bench: building (mvn -B -q package -DskipTests -pl bench/crypto -am)" >&2
    (cd "$root" && mvn -B -q package -DskipTests -pl bench/crypto -am)
fi

# The handset's JVM flags, from the distribution's launcher script (sh line continuations included).
production_opts=$(sed -n '/^default_opts="/,/"$/p' "$root/runtime/distribution/src/bin/redoubt" \
    | tr '\n' ' ' | sed -e 's/^default_opts="//' -e 's/\\ //g' -e 's/" *$//')
if [ -z "$production_opts" ]; then
    echo "bench: cannot read default_opts from runtime/distribution/src/bin/redoubt" >&2
    exit 1
fi

rm -rf "$work"
mkdir -p "$work"
export LC_ALL=C
cp="$target/bench-crypto.jar:$target/lib/*"

run_jmh() { # $1 series name, $2 JVM flags of the fork (may be empty)
    echo "bench: JMH, series $1 (flags: ${2:-JDK defaults}; $jmh_args)" >&2
    # shellcheck disable=SC2086
    if ! "$java" -Duser.language=en -Duser.country=US -cp "$cp" org.openjdk.jmh.Main \
            'org.redoubt.bench.crypto.SignatureBench' $jmh_args \
            -jvmArgs "-Duser.language=en -Duser.country=US $2" \
            -rf csv -rff "$work/jmh-$1.csv" >"$work/jmh-$1.log" 2>&1; then
        echo "bench: JMH failed, see $work/jmh-$1.log" >&2
        tail -20 "$work/jmh-$1.log" >&2
        exit 1
    fi
}
series=""
if [ "$jvm" != jdk ]; then run_jmh production "$production_opts"; series="$series production"; fi
if [ "$jvm" != production ]; then run_jmh jdk ""; series="$series jdk"; fi

# Single process (no -multi): one core, as the JMH fork's one benchmark thread.
echo "bench: $openssl speed -seconds $seconds -mr ed25519 ecdsap256 sm2" >&2
if ! "$openssl" speed -seconds "$seconds" -mr ed25519 ecdsap256 sm2 >"$work/openssl.txt" 2>"$work/openssl.log"; then
    echo "bench: openssl speed failed, see $work/openssl.log" >&2
    exit 1
fi

{
    echo "Crypto benchmark, $(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "java: $("$java" -version 2>&1 | sed -n 2p); JMH: $jmh_args; 64-byte message"
    echo "openssl: $("$openssl" version) (speed -seconds $seconds, single process)"
    for s in $series; do
        if [ "$s" = production ]; then
            echo
            echo "Series production: fork JVM flags from bin/redoubt: $production_opts"
        else
            echo
            echo "Series jdk: fork JVM with the JDK's defaults (C2)"
        fi
        awk -F, -v series="$s" '
            FNR == NR {   # openssl -mr: +F4:i:bits:sign:verify (ECDSA), +F6/+F7:i:bits:name:sign:verify
                if ($0 ~ /^\+F4:/) { split($0, f, ":"); if (f[3] == 256) { osign["ecdsa-p256-sha256"] = f[4]; over["ecdsa-p256-sha256"] = f[5] } }
                if ($0 ~ /^\+F[67]:/) { split($0, f, ":")
                    if (f[4] == "Ed25519") { osign["ed25519"] = f[5]; over["ed25519"] = f[6] }
                    if (f[4] == "CurveSM2") { osign["sm2-sm3"] = f[5]; over["sm2-sm3"] = f[6] } }
                next
            }
            FNR > 1 {
                gsub(/["\r]/, "")
                op = $1; sub(/.*\./, "", op)
                score[$8, op] = $5; err[$8, op] = $6
            }
            END {
                n = split("ed25519 ecdsa-p256-sha256 sm2-sm3", schemes, " ")
                printf "%-18s %14s %6s %14s %6s %16s %6s %16s %6s  %s\n", "scheme", "Redoubt sign/s", "+-", "OpenSSL sign/s", "ratio", "Redoubt verify/s", "+-", "OpenSSL verify/s", "ratio", "verify >= 0.5x OpenSSL"
                for (i = 1; i <= n; i++) {
                    sc = schemes[i]
                    rs = score[sc, "sign"]; rv = score[sc, "verify"]
                    if (rs == "" || rv == "" || osign[sc] == "" || over[sc] == "") { printf "%-18s missing result\n", sc; fail = 1; continue }
                    vr = rv / over[sc]
                    printf "%-18s %14.0f %6.0f %14.0f %6.2f %16.0f %6.0f %16.0f %6.2f  %s\n", sc, rs, err[sc, "sign"], osign[sc], rs / osign[sc], rv, err[sc, "verify"], over[sc], vr, (vr >= 0.5 ? "PASS" : "FAIL")
                    if (vr < 0.5) short = short " " sc
                }
                print "verdict (" series "): " (fail ? "INCOMPLETE" : (short == "" ? "PASS, every scheme verifies at >= 0.5x OpenSSL" : "FAIL, below 0.5x OpenSSL:" short))
                exit fail
            }' "$work/openssl.txt" "$work/jmh-$s.csv" || true
    done
    echo
    echo "(+- is JMH's 99.9 % confidence half-width; openssl speed reports one number per algorithm)"
} | tee "$work/report.txt"
