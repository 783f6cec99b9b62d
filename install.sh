#!/usr/bin/env bash
# ARC Lab set-up. Run it from anywhere, as often as you like: every step checks before it acts.
#
# Steps (each is a function below; add new ones to STEPS in order):
#   tools  Java 17+ and Maven present (installed with apt-get when missing and run as root on Debian)
#   build  the jars: lib/target/arclab.jar (+ its libraries in lib/target/lib/) and kernel-ext
#   smoke  java -jar lib/target/arclab.jar tasks: the bundled ARC-AGI-1 training tasks load
#
# Environment: ARCLAB_MVN_FLAGS adds Maven flags (e.g. ARCLAB_MVN_FLAGS=-o to build offline).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

STEPS=(step_tools step_build step_smoke)

read -r -a MVN_FLAGS <<<"-B -ntp ${ARCLAB_MVN_FLAGS:-}"

say() { printf '\n==> %s\n' "$*"; }
die() { printf '\ninstall.sh: %s\n' "$*" >&2; exit 1; }

java_major() {
    # "openjdk version "17.0.15" ..." -> 17; "1.8.0_x" -> 1
    java -version 2>&1 | sed -n -E '1s/.*version "([0-9]+).*/\1/p'
}

step_tools() {
    say "tools: checking for Java 17+ (with javac) and Maven"
    local missing=()
    command -v java >/dev/null 2>&1 && command -v javac >/dev/null 2>&1 || missing+=(openjdk-17-jdk-headless)
    command -v mvn >/dev/null 2>&1 || missing+=(maven)
    if ((${#missing[@]})); then
        if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null 2>&1; then
            say "tools: installing ${missing[*]} with apt-get"
            apt-get update -qq
            DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
        else
            die "missing ${missing[*]}; install with: sudo apt-get install ${missing[*]}"
        fi
    fi
    local major
    major=$(java_major)
    [[ -n $major && $major -ge 17 ]] || die "Java 17 or newer is needed, found: $(java -version 2>&1 | head -1)"
    echo "java $(java -version 2>&1 | head -1 | sed -E 's/.*version "([^"]+)".*/\1/'), $(mvn -v 2>/dev/null | head -1 | sed -E 's/\x1b\[[0-9;]*m//g')"
}

step_build() {
    say "build: mvn ${MVN_FLAGS[*]} -Dmaven.test.skip=true package (the tests run with: mvn -B -ntp verify)"
    mvn "${MVN_FLAGS[@]}" -Dmaven.test.skip=true package
    [[ -f lib/target/arclab.jar ]] || die "the build did not produce lib/target/arclab.jar"
    echo "built lib/target/arclab.jar"
}

step_smoke() {
    say "smoke: java -jar lib/target/arclab.jar tasks (the bundled ARC-AGI-1 training set)"
    java -jar lib/target/arclab.jar tasks
}

for step in "${STEPS[@]}"; do
    "$step"
done
say "done: try 'java -jar lib/target/arclab.jar --help'"
