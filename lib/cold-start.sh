#!/usr/bin/env bash
# Cold start of the arclab command line: process start to last line for `tasks` and `solve` (bundled
# solvers), each way of starting the JVM run once per round, the ways interleaved round by round, median
# wall and CPU (user+sys) seconds of the rounds. Ways: plain `java -jar`, with the AppCDS archive
# (lib/target/arclab.jsa, made by install.sh or by this script when missing), and the archive plus C1 only
# (-XX:TieredStopAtLevel=1). On a shared machine trust the CPU column and the ratios more than wall seconds.
#
#   lib/cold-start.sh [ROUNDS]      (default 7)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
rounds=${1:-7}
jar=lib/target/arclab.jar
jsa=lib/target/arclab.jsa
solvers=lib/src/main/resources/dev/arclab/solvers/solvers.py
[[ -f $jar ]] || { echo "cold-start.sh: build first (mvn -pl lib package -DskipTests)" >&2; exit 1; }
if [[ ! -f $jsa ]]; then
    java -XX:ArchiveClassesAtExit="$jsa" -jar "$jar" solve --solvers "$solvers" >/dev/null 2>&1 || true
fi
ways=("plain" "cds" "cds+c1")
flags_plain=()
flags_cds=(-XX:SharedArchiveFile="$jsa" -Xshare:auto)
flags_c1=(-XX:SharedArchiveFile="$jsa" -Xshare:auto -XX:TieredStopAtLevel=1)
declare -A wall cpu
measure() { # label, java flags..., -- command...
    local label=$1; shift
    local tf
    tf=$(mktemp)
    /usr/bin/time -o "$tf" -f "%e %U %S" java "$@" >/dev/null 2>&1
    read -r w u s <"$tf"
    rm -f "$tf"
    wall[$label]+="$w "
    cpu[$label]+="$(echo "$u + $s" | bc) "
}
for ((r = 0; r < rounds; r++)); do
    for cmd in tasks solve; do
        args=(-jar "$jar" tasks)
        [[ $cmd == solve ]] && args=(-jar "$jar" solve --solvers "$solvers")
        measure "$cmd plain" "${flags_plain[@]}" "${args[@]}"
        measure "$cmd cds" "${flags_cds[@]}" "${args[@]}"
        measure "$cmd cds+c1" "${flags_c1[@]}" "${args[@]}"
    done
done
median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
printf '%-14s %10s %10s   (median of %d interleaved rounds; load average %s)\n' "way" "wall s" "cpu s" "$rounds" "$(cut -d' ' -f1 /proc/loadavg)"
for cmd in tasks solve; do
    for way in "${ways[@]}"; do
        printf '%-14s %10s %10s\n' "$cmd $way" "$(echo "${wall[$cmd $way]}" | median)" "$(echo "${cpu[$cmd $way]}" | median)"
    done
done
